// The `pum` executable, run as a user would, against the test cluster.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_support.h"

using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

std::string cli() { return std::getenv("PUM_CLI") ? std::getenv("PUM_CLI") : "pum"; }

std::string module(const std::string& name)
{
    return (pum::test::sourceDir() / "tests" / "data" / name).string();
}

int pum_(const std::string& args, std::string& out) { return pum::test::runCommand(cli() + " " + args, out); }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST(Cli, InstallUpgradeInfo)
{
    TempDatabase db;
    std::string out;
    const std::string base = "-p " + quoted(db.conninfo()) + " -d " + module("current_module");
    ASSERT_EQ(pum_(base + " install --skip-roles --skip-grant --max-version 1.1.0 -p srid 2056", out), 0) << out;
    EXPECT_THAT(out, HasSubstr("installed pum_current 1.1.0"));

    ASSERT_EQ(pum_(base + " info --json", out), 0) << out;
    auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j["version"], "1.1.0");
    EXPECT_EQ(j["module"], "pum_current");
    EXPECT_EQ(j["parameters"]["srid"], 2056);
    EXPECT_EQ(j["pending_versions"].size(), 3u);
    EXPECT_EQ(j["beta_testing"], false);

    ASSERT_EQ(pum_(base + " upgrade --skip-roles --skip-grant", out), 0) << out;
    EXPECT_THAT(out, HasSubstr("upgraded pum_current from 1.1.0 to 1.10.0"));

    ASSERT_EQ(pum_(base + " info", out), 0) << out;
    EXPECT_THAT(out, HasSubstr("1.10.0"));
    EXPECT_THAT(out, HasSubstr("srid = 2056"));
    EXPECT_THAT(out, HasSubstr("pending:          none"));

    ASSERT_EQ(pum_(base + " upgrade --skip-roles --skip-grant", out), 0) << out;
    EXPECT_THAT(out, HasSubstr("nothing to upgrade"));
}

TEST(Cli, RefusesBadParametersBeforeConnecting)
{
    std::string out;
    // The connection string points nowhere: parameters must be refused first.
    const std::string base = "-p 'host=127.0.0.1 port=1 dbname=x' -d " + module("current_module");
    EXPECT_EQ(pum_(base + " install -p nope 1", out), 1);
    EXPECT_THAT(out, HasSubstr("parameter 'nope'"));
    EXPECT_EQ(pum_(base + " install -p srid abc", out), 1);
    EXPECT_THAT(out, HasSubstr("srid"));
    EXPECT_EQ(pum_(base + " install -p default_status flying", out), 1);
    EXPECT_THAT(out, HasSubstr("flying"));
}

TEST(Cli, FailureIsOneMessageWithFileAndLineAndChangesNothing)
{
    TempDatabase db;
    TempDir dir;
    std::filesystem::copy(module("current_module"), dir.path() / "m", std::filesystem::copy_options::recursive);
    dir.write("m/changelogs/1.11.0/01_bad.sql", "CREATE TABLE pum_current_data.t (id int);\n\nSELECT no_such_col\n  FROM pum_current_data.t;\n");
    std::string out;
    const std::string base = "-p " + quoted(db.conninfo()) + " -d " + (dir.path() / "m").string();
    const auto before = db.snapshot();
    EXPECT_EQ(pum_(base + " install --skip-roles --skip-grant", out), 1);
    EXPECT_THAT(out, HasSubstr("1.11.0/01_bad.sql:3"));
    EXPECT_THAT(out, HasSubstr("42703"));
    EXPECT_EQ(db.snapshot(), before);
}

TEST(Cli, UnreachableDatabaseAndMissingModule)
{
    std::string out;
    EXPECT_EQ(pum_("-p 'host=127.0.0.1 port=1 dbname=x user=u password=hunter22' -d " + module("current_module") + " info", out), 1);
    EXPECT_THAT(out, HasSubstr("cannot connect"));
    EXPECT_THAT(out, Not(HasSubstr("hunter22")));
    EXPECT_EQ(pum_("-p x -d /nonexistent/module info", out), 1);
    EXPECT_THAT(out, HasSubstr("/nonexistent/module"));
}

TEST(Cli, UsageErrorsAndHelp)
{
    std::string out;
    EXPECT_EQ(pum_("--help", out), 0);
    EXPECT_THAT(out, HasSubstr("install"));
    EXPECT_THAT(out, HasSubstr("upgrade"));
    EXPECT_NE(pum_("install --no-such-flag", out), 0);
    EXPECT_EQ(pum_("--version", out), 0);
    EXPECT_THAT(out, HasSubstr("pum "));
}
