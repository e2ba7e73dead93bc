#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "pum/base/error.h"
#include "pum/module/version.h"

using pum::Version;

TEST(Version, ParsesReleaseParts)
{
    auto a = Version::parse("1.2");
    EXPECT_EQ(a.parts(), (std::vector<long long>{1, 2}));
    EXPECT_EQ(a.toString(), "1.2");
    auto b = Version::parse("10.0.3");
    EXPECT_EQ(b.parts(), (std::vector<long long>{10, 0, 3}));
    EXPECT_EQ(b.toString(), "10.0.3");
    EXPECT_FALSE(b.empty());
    EXPECT_TRUE(Version().empty());
}

TEST(Version, KeepsTextAsWritten)
{
    EXPECT_EQ(Version::parse("1.0").toString(), "1.0");
    EXPECT_EQ(Version::parse("01.002").toString(), "01.002");
    EXPECT_EQ(Version::parse("01.002").parts(), (std::vector<long long>{1, 2}));
}

TEST(Version, RefusesMalformedText)
{
    for (const char* bad : {"", "1.", ".1", "1..2", "1.2.", "+1.2", "-1.2", "1.-2", "1.2 ", " 1.2", "1,2", "a.b",
                            "1.2x", "1.2-", "1.2+", "1.2+a..b", "1.0rc1rc2", "v", "1!", "!1", "1.2.3_beta_",
                            "99999999999999999999.1", "1.0.post99999999999999999999"}) {
        EXPECT_FALSE(Version::tryParse(bad).has_value()) << bad;
        try {
            Version::parse(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const pum::Error& e) {
            EXPECT_THAT(e.what(), ::testing::HasSubstr("'" + std::string(bad) + "'"));
        }
    }
}

// pum names changelog folders after packaging.version: any PEP 440 version.
TEST(Version, AcceptsPep440Versions)
{
    EXPECT_EQ(Version::parse("1").parts(), (std::vector<long long>{1}));
    EXPECT_EQ(Version::parse("1.2.3.4").parts(), (std::vector<long long>{1, 2, 3, 4}));
    const Version rc = Version::parse("2.0rc1");
    EXPECT_EQ(rc.parts(), (std::vector<long long>{2, 0}));
    ASSERT_TRUE(rc.pre().has_value());
    EXPECT_EQ(rc.pre()->first, "rc");
    EXPECT_EQ(rc.pre()->second, 1);
    EXPECT_TRUE(rc.isPrerelease());
    EXPECT_EQ(rc.toString(), "2.0rc1");
    EXPECT_FALSE(Version::parse("2.0").isPrerelease());
    EXPECT_EQ(Version::parse("1.0.post2").post(), 2);
    EXPECT_EQ(Version::parse("1.0.dev3").dev(), 3);
    EXPECT_EQ(Version::parse("2!1.0").epoch(), 2);
    // PEP 440's other spellings, kept as written, normalised on demand.
    const std::pair<const char*, const char*> spellings[] = {
        {"2.0-RC.1", "2.0rc1"}, {"v1.2", "1.2"},          {"1.0alpha", "1.0a0"}, {"1.0-beta2", "1.0b2"},
        {"1.0c1", "1.0rc1"},    {"1.0pre3", "1.0rc3"},    {"1.0-1", "1.0.post1"}, {"1.0rev", "1.0.post0"},
        {"1.0-dev", "1.0.dev0"}, {"1.0+Ubuntu-1", "1.0+ubuntu.1"}, {"1.2.3-beta", "1.2.3b0"},
        {"1.0a1.post2.dev3", "1.0a1.post2.dev3"}, {"01.002", "1.2"}};
    for (const auto& [text, normalized] : spellings) {
        auto version = Version::tryParse(text);
        ASSERT_TRUE(version.has_value()) << text;
        EXPECT_EQ(version->toString(), text);
        EXPECT_EQ(version->normalized(), normalized) << text;
    }
}

TEST(Version, OrdersAsPep440)
{
    // Each strictly before the next, as packaging.version orders them.
    const char* ordered[] = {"0.9",       "1.0.dev1",  "1.0a1.dev1", "1.0a1",     "1.0a2.post1", "1.0b1",
                             "1.0rc1",    "1.0",       "1.0+abc",    "1.0+abc.5", "1.0+5",       "1.0.post1.dev1",
                             "1.0.post1", "1.0.1",     "1.0.1.1",    "1.10",      "2.0rc1",      "2.0",
                             "2.0.0.1",   "1!0.1"};
    for (std::size_t i = 1; i < std::size(ordered); ++i)
        EXPECT_LT(Version::parse(ordered[i - 1]), Version::parse(ordered[i])) << ordered[i - 1] << " < " << ordered[i];
    EXPECT_EQ(Version::parse("2.0rc1"), Version::parse("2.0-RC1"));
    EXPECT_EQ(Version::parse("1"), Version::parse("1.0.0"));
    EXPECT_EQ(Version::parse("v1.0"), Version::parse("1.0"));
    EXPECT_NE(Version::parse("1.0"), Version::parse("1.0.post0"));
    EXPECT_NE(Version::parse("1.0"), Version::parse("1.0+0"));
}

TEST(Version, OrdersNumerically)
{
    EXPECT_LT(Version::parse("1.9.0"), Version::parse("1.10.0"));
    EXPECT_LT(Version::parse("1.9"), Version::parse("1.10"));
    EXPECT_LT(Version::parse("2.0"), Version::parse("10.0"));
    EXPECT_GT(Version::parse("1.0.1"), Version::parse("1.0"));
    EXPECT_LT(Version::parse("0.9.9"), Version::parse("1.0"));
}

TEST(Version, MissingThirdPartIsZero)
{
    EXPECT_EQ(Version::parse("1.0"), Version::parse("1.0.0"));
    EXPECT_TRUE((Version::parse("1.0") <=> Version::parse("1.0.0")) == 0);
    EXPECT_NE(Version::parse("1.0"), Version::parse("1.0.1"));
}

TEST(Version, SortsAListInVersionOrder)
{
    std::vector<Version> v;
    for (const char* t : {"1.10.0", "1.2", "1.9.0", "0.1.0", "1.2.1"}) v.push_back(Version::parse(t));
    std::sort(v.begin(), v.end());
    std::vector<std::string> names;
    for (const auto& x : v) names.push_back(x.toString());
    EXPECT_EQ(names, (std::vector<std::string>{"0.1.0", "1.2", "1.2.1", "1.9.0", "1.10.0"}));
}
