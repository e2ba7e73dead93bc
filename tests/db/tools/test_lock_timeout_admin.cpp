// --lock-timeout on the commands that change a database outside the
// module's own transaction: `restore` (pg_restore / psql as children) and
// `db create|drop` (statements that cannot run in a transaction). A second
// session holds a conflicting lock; the command gives up, names it, and
// leaves the databases as they were.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "cli_process.h"
#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/tools/dumper.h"
#include "pum/base/feedback.h"
#include "pum/db/lock_timeout.h"
#include "test_support.h"

using pum::test::CliProcess;
using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

namespace {

// Schema `a` references schema `b`: a dump of `a` alone, restored where `b`
// exists, ends with ALTER TABLE ... ADD FOREIGN KEY, which needs a SHARE ROW
// EXCLUSIVE lock on b.parent; a session writing to b.parent is in its way.
void createParent(const TempDatabase& db)
{
    db.connect().exec("CREATE SCHEMA b; CREATE TABLE b.parent (id integer PRIMARY KEY); INSERT INTO b.parent VALUES (1)");
}

struct Dumps {
    TempDir dir;
    std::filesystem::path custom = dir.path() / "a.dump";
    std::filesystem::path plain = dir.path() / "a.sql";
};

// A QGIS user editing: a transaction left open with its lock granted. The
// server ends it after 30 s, so that a command that fails to give up fails
// its test instead of hanging it.
pum::Connection editing(const std::string& database, const std::string& sql)
{
    auto c = pum::Connection::open(pum::test::conninfo(database) + " application_name=QGIS");
    c.exec("SET idle_in_transaction_session_timeout = '30s'");
    c.exec("BEGIN");
    c.exec(sql);
    return c;
}

std::string newDatabaseName()
{
    static std::atomic<int> counter{0};
    return "pumlocktimeout_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

bool exists(const std::string& database)
{
    auto admin = pum::openMaintenanceConnection(pum::test::conninfo("postgres"));
    return pum::databaseExists(admin, database);
}

struct Warnings : pum::Feedback {
    std::string text;
    void log(Level level, const std::string& message) override
    {
        if (level == Level::Warning) text += message + "\n";
    }
};

}  // namespace

// The dumps of schema `a`, made once for the suite.
class LockTimeoutAdmin : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dumps_ = std::make_unique<Dumps>();
        // No pg_dump as new as the server: the tests of a restore say so themselves.
        if (!pum::test::clusterCanBeDumped()) return;
        TempDatabase source(false);
        createParent(source);
        auto c = source.connect();
        c.exec("CREATE SCHEMA a; CREATE TABLE a.child (id integer, parent_id integer REFERENCES b.parent);"
               "INSERT INTO a.child VALUES (1, 1)");
        pum::NullFeedback feedback;
        pum::DumpOptions options;
        options.schemas = {"a"};
        pum::dumpDatabase(c, dumps_->custom, options, feedback);
        options.format = pum::DumpFormat::Plain;
        pum::dumpDatabase(c, dumps_->plain, options, feedback);
    }
    static void TearDownTestSuite() { dumps_.reset(); }
    static const Dumps& dumpsOfSchemaA() { return *dumps_; }

private:
    static std::unique_ptr<Dumps> dumps_;
};

std::unique_ptr<Dumps> LockTimeoutAdmin::dumps_;

TEST_F(LockTimeoutAdmin, RestoreGivesUpNamingTheEditorAndRestoresNothing)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase target(false);
    createParent(target);
    const std::string before = target.snapshot();
    auto editor = editing(target.name(), "UPDATE b.parent SET id = id");
    CliProcess restore({"-p", target.conninfo(), "restore", dumpsOfSchemaA().custom.string(), "--lock-timeout", "200ms"});
    EXPECT_EQ(restore.wait(2min), 1) << restore.err();
    EXPECT_THAT(restore.err(), HasSubstr("the restore gave up after waiting 200 ms for a lock (--lock-timeout)"));
    EXPECT_THAT(restore.err(), HasSubstr("nothing was restored"));
    EXPECT_THAT(restore.err(), HasSubstr("application 'QGIS'"));
    EXPECT_THAT(restore.err(), HasSubstr("RowExclusiveLock on b.parent"));
    EXPECT_THAT(restore.err(), HasSubstr("user " + pum::test::clusterEnv().at("PGUSER")));
    EXPECT_EQ(target.snapshot(), before);

    // The dump was fine: once the editor is done, the same command restores it.
    editor.exec("ROLLBACK");
    CliProcess again({"-p", target.conninfo(), "restore", dumpsOfSchemaA().custom.string(), "--lock-timeout", "200ms"});
    EXPECT_EQ(again.wait(2min), 0) << again.err();
    EXPECT_EQ(target.scalar("SELECT count(*) FROM a.child"), "1");
}

TEST_F(LockTimeoutAdmin, PlainRestoreThroughTheApiCarriesTheHolders)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase target(false);
    createParent(target);
    const std::string before = target.snapshot();
    auto editor = editing(target.name(), "INSERT INTO b.parent VALUES (2)");
    auto c = target.connect();
    pum::RestoreOptions options;
    options.lockTimeout = 100ms;
    pum::NullFeedback feedback;
    try {
        pum::restoreDatabase(c, dumpsOfSchemaA().plain, options, feedback);
        FAIL() << "the restore did not give up";
    } catch (const pum::LockTimeoutError& e) {
        ASSERT_EQ(e.holders().size(), 1u) << e.what();
        EXPECT_EQ(e.holders()[0].application, "QGIS");
        EXPECT_THAT(e.holders()[0].locks, ::testing::Contains("RowExclusiveLock on b.parent"));
    }
    EXPECT_FALSE(c.inTransaction());
    EXPECT_EQ(target.snapshot(), before);
    editor.exec("ROLLBACK");
}

TEST_F(LockTimeoutAdmin, RestoreWithIgnoredErrorsGoesOnWithoutTheStatementThatWaited)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase target(false);
    createParent(target);
    auto editor = editing(target.name(), "UPDATE b.parent SET id = id");
    auto c = target.connect();
    pum::RestoreOptions options;
    options.lockTimeout = 100ms;
    options.ignoreErrors = true;
    Warnings warnings;
    pum::restoreDatabase(c, dumpsOfSchemaA().custom, options, warnings);
    EXPECT_THAT(warnings.text, HasSubstr("waited longer than 100 ms for a lock (--lock-timeout) were cancelled"));
    EXPECT_THAT(warnings.text, HasSubstr("application 'QGIS'"));
    editor.exec("ROLLBACK");
    // The table and its row are there; the foreign key, which waited, is not.
    EXPECT_EQ(target.scalar("SELECT count(*) FROM a.child"), "1");
    EXPECT_EQ(target.scalar("SELECT count(*) FROM pg_constraint WHERE conrelid = 'a.child'::regclass AND contype = 'f'"),
              "0");
}

TEST_F(LockTimeoutAdmin, DbCreateGivesUpWhileTheTemplateIsLocked)
{
    TempDatabase templateDb(false);
    const std::string name = newDatabaseName();
    // COMMENT ON DATABASE holds a lock on the database that CREATE ... TEMPLATE conflicts with.
    auto commenter = editing("postgres", "COMMENT ON DATABASE " + templateDb.name() + " IS 'being described'");
    CliProcess create({"-p", pum::test::conninfo(name), "db", "create", "-t", templateDb.name(), "--lock-timeout",
                       "200ms"});
    EXPECT_EQ(create.wait(2min), 1) << create.err();
    EXPECT_THAT(create.err(), HasSubstr("gave up after waiting 200 ms for a lock (--lock-timeout)"));
    EXPECT_THAT(create.err(), HasSubstr("database " + name + " was not created"));
    EXPECT_THAT(create.err(), HasSubstr("application 'QGIS'"));
    EXPECT_THAT(create.err(), HasSubstr("ShareUpdateExclusiveLock on database " + templateDb.name()));
    EXPECT_FALSE(exists(name));
    commenter.exec("ROLLBACK");
}

TEST_F(LockTimeoutAdmin, DbDropGivesUpNamingTheOpenGrantAndKeepsTheDatabase)
{
    TempDatabase db(false);
    // An open GRANT CONNECT changed the database's pg_database row: DROP waits for that transaction.
    auto granter = editing("postgres", "GRANT CONNECT ON DATABASE " + db.name() + " TO PUBLIC");
    CliProcess drop({"-p", db.conninfo(), "db", "drop", "--force", "--lock-timeout", "200ms"});
    EXPECT_EQ(drop.wait(2min), 1) << drop.err();
    EXPECT_THAT(drop.err(), HasSubstr("database " + db.name() + " was not dropped"));
    EXPECT_THAT(drop.err(), HasSubstr("application 'QGIS'"));
    EXPECT_THAT(drop.err(), HasSubstr("an open transaction that changed database " + db.name() + " (connected to postgres)"));
    EXPECT_TRUE(exists(db.name()));
    granter.exec("ROLLBACK");
}

TEST_F(LockTimeoutAdmin, ApiDropCarriesTheHoldersAndPutsTheSessionSettingBack)
{
    TempDatabase db(false);
    auto commenter = editing("postgres", "COMMENT ON DATABASE " + db.name() + " IS 'being described'");
    auto admin = pum::openMaintenanceConnection(pum::test::conninfo("postgres"));
    admin.exec("SET lock_timeout = '1h'");
    try {
        pum::dropDatabase(admin, db.name(), true, 100ms);
        FAIL() << "the drop did not give up";
    } catch (const pum::LockTimeoutError& e) {
        ASSERT_EQ(e.holders().size(), 1u) << e.what();
        EXPECT_EQ(e.holders()[0].application, "QGIS");
        EXPECT_THAT(e.holders()[0].locks,
                    ::testing::Contains("ShareUpdateExclusiveLock on database " + db.name() + " (connected to postgres)"));
    }
    EXPECT_EQ(admin.exec("SHOW lock_timeout").value(0, 0), "1h");
    EXPECT_TRUE(pum::databaseExists(admin, db.name()));
    commenter.exec("ROLLBACK");
    pum::dropDatabase(admin, db.name(), true, 100ms);  // nothing in the way now
    EXPECT_FALSE(pum::databaseExists(admin, db.name()));
    EXPECT_EQ(admin.exec("SHOW lock_timeout").value(0, 0), "1h");
}

// The audit of issue 14: every command that changes a database offers the option.
TEST_F(LockTimeoutAdmin, EveryCommandThatChangesADatabaseOffersIt)
{
    const std::vector<std::vector<std::string>> commands = {
        {"install"},     {"upgrade"},       {"baseline"},      {"app", "create"}, {"app", "drop"},
        {"app", "recreate"}, {"demo-data"}, {"uninstall"},     {"role"},          {"restore"},
        {"db", "create"}, {"db", "drop"},   {"db", "access"},  {"fleet", "upgrade"}, {"test-upgrade"}};
    for (auto command : commands) {
        command.push_back("--help");
        CliProcess help(command);
        EXPECT_EQ(help.wait(1min), 0) << help.err();
        EXPECT_THAT(help.out(), HasSubstr("--lock-timeout DURATION")) << command[0] << " " << command[1];
    }
}
