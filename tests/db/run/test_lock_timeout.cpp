// --lock-timeout: a command that meets a lock held by another session gives
// up after the timeout, rolled back, naming who holds the lock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_process.h"
#include "pum/module/config.h"
#include "pum/base/feedback.h"
#include "pum/db/lock_timeout.h"
#include "pum/run/upgrader.h"
#include "dry_run_module.h"
#include "test_support.h"

using pum::test::TempDatabase;
using ::testing::HasSubstr;

namespace {

std::string moduleDir() { return pum::test::dryRunModuleDir(); }

void installOneZero(const TempDatabase& db) { pum::test::installDryRunModuleOneZero(db, {"a"}); }

// A QGIS user editing: a transaction left open with a row lock on the table.
pum::Connection editingSession(const TempDatabase& db, const std::string& sql)
{
    auto c = pum::Connection::open(db.conninfo() + " application_name=QGIS");
    c.exec("BEGIN");
    c.exec(sql);  // granted before the command starts: nothing to wait for here
    return c;
}

}  // namespace

TEST(LockTimeout, UpgradeGivesUpNamingTheSessionHoldingTheTable)
{
    TempDatabase db;
    installOneZero(db);
    auto editor = editingSession(db, "UPDATE pum_dry_run.full_table SET name = 'b'");
    pum::test::CliProcess upgrade({"-p", db.conninfo(), "-d", moduleDir(), "upgrade", "--lock-timeout", "200ms"});
    EXPECT_EQ(upgrade.wait(std::chrono::minutes(2)), 1) << upgrade.err();
    EXPECT_THAT(upgrade.err(), HasSubstr("gave up after waiting 200 ms for a lock"));
    EXPECT_THAT(upgrade.err(), HasSubstr("rolled back"));
    EXPECT_THAT(upgrade.err(), HasSubstr("application 'QGIS'"));
    EXPECT_THAT(upgrade.err(), HasSubstr("(idle in transaction)"));
    EXPECT_THAT(upgrade.err(), HasSubstr("RowExclusiveLock on pum_dry_run.full_table"));
    EXPECT_THAT(upgrade.err(), HasSubstr("user " + pum::test::clusterEnv().at("PGUSER")));
    editor.exec("ROLLBACK");
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM information_schema.columns WHERE column_name = 'kind'"), "0");
}

TEST(LockTimeout, ApiErrorCarriesTheHoldersAndAppHooksHonourIt)
{
    TempDatabase db;
    installOneZero(db);
    auto reader = editingSession(db, "SELECT * FROM pum_dry_run.vw_full");
    auto c = db.connect();
    pum::NullFeedback feedback;
    pum::Upgrader upgrader(pum::Config::load(moduleDir()), c, feedback);
    upgrader.setLockTimeout(std::chrono::milliseconds(100));
    try {
        upgrader.recreateApp({});  // DROP VIEW waits for the reader
        FAIL() << "recreateApp did not give up";
    } catch (const pum::LockTimeoutError& e) {
        ASSERT_EQ(e.holders().size(), 1u);
        EXPECT_EQ(e.holders()[0].application, "QGIS");
        EXPECT_THAT(e.holders()[0].locks, ::testing::Contains("AccessShareLock on pum_dry_run.vw_full"));
    }
    EXPECT_FALSE(c.inTransaction());
    reader.exec("ROLLBACK");
    upgrader.recreateApp({});  // once the reader is gone it runs
}

TEST(LockTimeout, WithoutTheOptionTheErrorIsPostgreSqlsOwn)
{
    // lock_timeout set by someone else (a role's setting): not ours to explain.
    TempDatabase db;
    installOneZero(db);
    auto reader = editingSession(db, "SELECT * FROM pum_dry_run.vw_full");
    auto c = db.connect();
    c.exec("SET lock_timeout = 100");
    pum::NullFeedback feedback;
    pum::Upgrader upgrader(pum::Config::load(moduleDir()), c, feedback);
    EXPECT_THROW(upgrader.recreateApp({}), pum::SqlError);
    reader.exec("ROLLBACK");
}

TEST(LockTimeout, DurationsAreParsedWithTheirUnits)
{
    using std::chrono::milliseconds;
    EXPECT_EQ(pum::parseDuration("500ms", "--x"), milliseconds(500));
    EXPECT_EQ(pum::parseDuration("250", "--x"), milliseconds(250));
    EXPECT_EQ(pum::parseDuration("1.5s", "--x"), milliseconds(1500));
    EXPECT_EQ(pum::parseDuration("2min", "--x"), milliseconds(120000));
    EXPECT_THROW(pum::parseDuration("soon", "--x"), pum::CommandError);
    EXPECT_THROW(pum::parseDuration("5 parsecs", "--x"), pum::CommandError);
    EXPECT_THROW(pum::parseDuration("-1s", "--x"), pum::CommandError);
}

// The administration commands honour it too: `role grant` waits on the
// catalog row of a table whose privileges another open transaction changed.
TEST(LockTimeout, RoleGrantGivesUpNamingTheSession)
{
    TempDatabase db;
    installOneZero(db);
    auto editor = editingSession(db, "GRANT SELECT ON pum_dry_run.full_table TO PUBLIC");
    pum::test::CliProcess grant({"-p", db.conninfo(), "-d", moduleDir(), "role", "grant", "--lock-timeout", "200ms"});
    EXPECT_EQ(grant.wait(std::chrono::minutes(2)), 1) << grant.err();
    EXPECT_THAT(grant.err(), HasSubstr("gave up after waiting 200 ms for a lock"));
    EXPECT_THAT(grant.err(), HasSubstr("application 'QGIS'"));
    editor.exec("ROLLBACK");
}

TEST(LockTimeout, ABadDurationIsRefusedNamingTheOption)
{
    TempDatabase db;
    pum::test::CliProcess grant({"-p", db.conninfo(), "-d", moduleDir(), "role", "grant", "--lock-timeout", "soon"});
    EXPECT_EQ(grant.wait(std::chrono::minutes(1)), 1) << grant.err();
    EXPECT_THAT(grant.err(), HasSubstr("--lock-timeout"));
}
