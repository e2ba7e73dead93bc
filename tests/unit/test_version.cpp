#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "pum/error.h"
#include "pum/version.h"

using pum::Version;

TEST(Version, ParsesTwoAndThreeParts)
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
    for (const char* bad : {"", "1", "1.", ".1", "1..2", "1.2.", "1.2.3.4", "+1.2", "-1.2", "1.-2", "1.2a", "v1.2",
                            "1.2 ", " 1.2", "1,2", "a.b", "1.2.3-beta", "99999999999999999999.1"}) {
        EXPECT_FALSE(Version::tryParse(bad).has_value()) << bad;
        try {
            Version::parse(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const pum::Error& e) {
            EXPECT_THAT(e.what(), ::testing::HasSubstr("'" + std::string(bad) + "'"));
        }
    }
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
