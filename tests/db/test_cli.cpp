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
    PUM_TEST_NEEDS_POSTGIS();
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
    PUM_TEST_NEEDS_POSTGIS();
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

// ---------------------------------------------------------------- as pum 1.8's command line

// pum's -c names the configuration file, whose folder is then the module's
// root (its changelogs and hooks are found next to it), from any folder.
TEST(Cli, ConfigFileFolderIsTheModuleRoot)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    TempDir dir;
    std::filesystem::copy(module("current_module"), dir.path() / "m", std::filesystem::copy_options::recursive);
    std::filesystem::rename(dir.path() / "m" / ".pum.yaml", dir.path() / "m" / "pum_config.yaml");
    std::string out;
    const std::string config = (dir.path() / "m" / "pum_config.yaml").string();
    ASSERT_EQ(pum_("-p " + quoted(db.conninfo()) + " -c " + config + " install --skip-roles --skip-grant", out), 0)
        << out;
    EXPECT_THAT(out, HasSubstr("installed pum_current 1.10.0"));
    // -d still wins over the file's folder.
    EXPECT_EQ(pum_("-p " + quoted(db.conninfo()) + " -c " + config + " -d /nonexistent/root info", out), 1) << out;
    EXPECT_THAT(out, HasSubstr("/nonexistent/root"));
}

// pum's dump writes plain SQL by default, without owners and privileges;
// restore reads it (and custom dumps) back.
TEST(Cli, DumpIsPlainWithoutOwnerOrPrivilegesAndRestoresWithPsql)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase source, target;
    const std::string role = "pumcli_grantee_" + std::to_string(getpid());
    source.connect().exec("CREATE SCHEMA s; CREATE TABLE s.t (id integer PRIMARY KEY, status varchar(9) "
                          "CHECK (status IN ('on', 'off'))); INSERT INTO s.t VALUES (1, 'on');"
                          "CREATE ROLE " + role + "; GRANT SELECT ON s.t TO " + role + ";");
    TempDir dir;
    const std::string file = (dir.path() / "dump.sql").string();
    std::string out;
    const std::string base = "-p " + quoted(source.conninfo());
    ASSERT_EQ(pum_(base + " dump " + file, out), 0) << out;
    source.connect().exec("DROP OWNED BY " + role + "; DROP ROLE " + role);
    const std::string sql = pum::test::readFile(file);
    EXPECT_EQ(sql.rfind("--", 0), 0u) << "not plain SQL";
    EXPECT_THAT(sql, Not(HasSubstr("OWNER TO")));
    EXPECT_THAT(sql, Not(HasSubstr("GRANT SELECT")));

    ASSERT_EQ(pum_("-p " + quoted(target.conninfo()) + " restore " + file, out), 0) << out;
    EXPECT_EQ(target.connect().exec("SELECT status FROM s.t").value(0, 0), "on");
    EXPECT_EQ(pum_(base + " check " + quoted(target.conninfo()), out), 0) << out;

    // pum's spelling of the format; a custom dump into a third database.
    TempDatabase third;
    const std::string custom = (dir.path() / "dump.backup").string();
    ASSERT_EQ(pum_(base + " dump -f DumpFormat.CUSTOM " + custom, out), 0) << out;
    EXPECT_EQ(pum::test::readFile(custom).rfind("PGDMP", 0), 0u);
    ASSERT_EQ(pum_("-p " + quoted(third.conninfo()) + " restore " + custom, out), 0) << out;
    EXPECT_EQ(pum_(base + " check " + quoted(third.conninfo()), out), 0) << out;

    // A plain dump cannot leave schemas out at restore time: said so, nothing done.
    TempDatabase fourth;
    EXPECT_EQ(pum_("-p " + quoted(fourth.conninfo()) + " restore -N s " + file, out), 1) << out;
    EXPECT_THAT(out, HasSubstr("plain SQL dump"));
}

// pum asks "y/yes" and reads the answer from standard input.
TEST(Cli, UninstallAcceptsYesOnStandardInput)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    std::string out;
    const std::string base = "-p " + quoted(db.conninfo()) + " -d " + module("current_module");
    ASSERT_EQ(pum_(base + " install --skip-roles --skip-grant", out), 0) << out;
    auto schemas = [&] {
        return db.connect().exec("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pum_current_%'").value(0, 0);
    };
    EXPECT_EQ(pum::test::runCommand("echo no | " + cli() + " " + base + " uninstall", out), 1) << out;
    EXPECT_THAT(out, HasSubstr("not confirmed"));
    EXPECT_EQ(schemas(), "2");
    EXPECT_EQ(pum::test::runCommand(cli() + " " + base + " uninstall < /dev/null", out), 1) << out;
    EXPECT_EQ(schemas(), "2");
    EXPECT_EQ(pum::test::runCommand("echo yes | " + cli() + " " + base + " uninstall", out), 0) << out;
    EXPECT_THAT(out, HasSubstr("[y/N]"));
    EXPECT_EQ(schemas(), "0");

    TempDatabase other;
    const std::string otherBase = "-p " + quoted(other.conninfo()) + " -d " + module("current_module");
    ASSERT_EQ(pum_(otherBase + " install --skip-roles --skip-grant", out), 0) << out;
    EXPECT_EQ(pum::test::runCommand("echo ' Y ' | " + cli() + " " + otherBase + " uninstall", out), 0) << out;
    EXPECT_EQ(other.connect().exec("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pum_current_%'").value(0, 0),
              "0");
}

// -q leaves out progress and results, not warnings.
TEST(Cli, QuietStillPrintsWarnings)
{
    PUM_TEST_NEEDS_PG_DUMP();  // a plain restore runs psql, from the same client tools
    TempDatabase db;
    TempDir dir;
    dir.write("plain.sql", "CREATE TABLE quiet_t (id integer);\n");
    std::string out;
    ASSERT_EQ(pum_("-q -p " + quoted(db.conninfo()) + " restore --no-privileges " + (dir.path() / "plain.sql").string(),
                   out),
              0)
        << out;
    EXPECT_THAT(out, HasSubstr("warning: "));
    EXPECT_THAT(out, Not(HasSubstr(" into ")));  // the result line
}

// pum's `app [-p NAME VALUE] {create,drop,recreate}`: -p before the action too.
TEST(Cli, AppParametersBeforeOrAfterTheAction)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    std::string out;
    const std::string base = "-p " + quoted(db.conninfo()) + " -d " + module("current_module");
    ASSERT_EQ(pum_(base + " install --skip-roles --skip-grant", out), 0) << out;
    auto language = [&] { return db.connect().exec("SELECT pum_current_app.label_language()").value(0, 0); };
    ASSERT_EQ(pum_(base + " app -p label_language fr recreate", out), 0) << out;
    EXPECT_EQ(language(), "fr");
    ASSERT_EQ(pum_(base + " app recreate -p label_language de", out), 0) << out;
    EXPECT_EQ(language(), "de");
    EXPECT_EQ(pum_(base + " app -p label_language fr recreate -p label_language de", out), 1) << out;
    EXPECT_THAT(out, HasSubstr("given twice"));
}
