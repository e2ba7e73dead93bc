// upgrade --backup FILE: the module's schemas dumped before anything runs; a
// failed upgrade prints the file and a restore command that works.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_process.h"
#include "pum/module/config.h"
#include "pum/tools/dumper.h"
#include "pum/base/feedback.h"
#include "pum/run/upgrader.h"
#include "dry_run_module.h"
#include "lock_wait.h"
#include "test_support.h"

using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace {

std::string moduleDir() { return pum::test::dryRunModuleDir(); }

void installOneZero(const TempDatabase& db, const std::string& name)
{
    pum::test::installDryRunModuleOneZero(db, {name});
}

}  // namespace

TEST(Backup, FailedUpgradePrintsTheFileAndARestoreCommandThatWorks)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db;
    TempDir dir;
    installOneZero(db, "");  // 1.1.0's CHECK (name <> '') fails on this row
    const auto file = dir.path() / "before upgrade.dump";
    pum::test::CliProcess upgrade(
        {"-p", db.conninfo(), "-d", moduleDir(), "upgrade", "--backup", file.string()});
    ASSERT_EQ(upgrade.wait(std::chrono::minutes(2)), 1) << upgrade.err();
    ASSERT_TRUE(std::filesystem::exists(file));
    const std::string& err = upgrade.err();
    EXPECT_THAT(err, HasSubstr("full_table_name_not_empty"));
    const std::string marker = "To restore them: ";
    const auto at = err.find(marker);
    ASSERT_NE(at, std::string::npos) << err;
    std::string command = err.substr(at + marker.size(), err.find('\n', at) - at - marker.size());
    EXPECT_THAT(command, HasSubstr("'" + file.string() + "'"));

    // Damage the data, then run the printed command (with the server's pg_restore): it is all back.
    db.connect().exec("DELETE FROM pum_dry_run.full_table; DROP TABLE pum_dry_run.empty_table");
    auto c = db.connect();
    const int major = std::stoi(c.exec("SHOW server_version_num").value(0, 0)) / 10000;
    ASSERT_EQ(command.rfind("pg_restore ", 0), 0u) << command;
    command.replace(0, std::string("pg_restore").size(), pum::findPgTool("pg_restore", major).string());
    std::string out;
    ASSERT_EQ(pum::test::runCommand(command, out), 0) << command << "\n" << out;
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pum_dry_run.full_table WHERE name = ''"), "1");
    EXPECT_EQ(db.scalar("SELECT to_regclass('pum_dry_run.empty_table') IS NOT NULL"), "t");
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0");
}

TEST(Backup, SuccessfulUpgradeKeepsTheBackupAndPrintsNoRestoreCommand)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db;
    TempDir dir;
    installOneZero(db, "a");
    const auto file = dir.path() / "b.dump";
    pum::test::CliProcess upgrade({"-p", db.conninfo(), "-d", moduleDir(), "upgrade", "--backup", file.string()});
    ASSERT_EQ(upgrade.wait(std::chrono::minutes(2)), 0) << upgrade.err();
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_THAT(upgrade.err(), ::testing::Not(HasSubstr("To restore them")));
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.1.0");
}

TEST(Backup, WithLockTimeoutTheBackupGivesUpInsteadOfQueueingBehindAnEditor)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db;
    TempDir dir;
    installOneZero(db, "a");
    // A session holds a module table exclusively (an ALTER left open in another client).
    auto editor = db.connect();
    const int editorPid = pum::test::backendPid(editor);
    editor.exec("BEGIN; LOCK TABLE pum_dry_run.full_table IN ACCESS EXCLUSIVE MODE");
    const auto file = dir.path() / "b.dump";
    pum::test::CliProcess upgrade({"-p", db.conninfo(), "-d", moduleDir(), "upgrade", "--backup", file.string(),
                                   "--lock-timeout", "300ms"});
    ASSERT_EQ(upgrade.wait(std::chrono::seconds(60)), 1) << upgrade.err();
    EXPECT_THAT(upgrade.err(), HasSubstr("the backup before the upgrade (pg_dump) gave up after waiting 300 ms"));
    EXPECT_THAT(upgrade.err(), HasSubstr("pid " + std::to_string(editorPid)));
    EXPECT_THAT(upgrade.err(), HasSubstr("AccessExclusiveLock on pum_dry_run.full_table"));
    EXPECT_FALSE(std::filesystem::exists(file)) << "no half-written backup";
    editor.exec("ROLLBACK");
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0") << "the upgrade did not run";
}
