// dump then restore, with the real pg_dump / pg_restore.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "pum/tools/checker.h"
#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/tools/dumper.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

const char* kModel = R"SQL(
CREATE SCHEMA od;
CREATE TABLE od.sign (id serial PRIMARY KEY, label text NOT NULL, geom geometry(Point, 2056));
INSERT INTO od.sign (label, geom) VALUES ('stop', ST_SetSRID(ST_MakePoint(2600000, 1200000), 2056)), ('yield', NULL);
CREATE VIEW od.vw_sign AS SELECT id, upper(label) AS label FROM od.sign;
CREATE SCHEMA scratch;
CREATE TABLE scratch.tmp (x integer);
)SQL";

// A database created empty by the test (restores need a fresh target).
struct NewDatabase {
    std::string name;
    explicit NewDatabase(bool postgis = false)
    {
        static std::atomic<int> counter{0};
        name = "pumrestore_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
        auto admin = openMaintenanceConnection(test::conninfo("postgres"));
        createDatabase(admin, name, postgis ? test::clusterEnv().at("PUM_TEST_TEMPLATE") : "");
    }
    ~NewDatabase()
    {
        try {
            auto admin = openMaintenanceConnection(test::conninfo("postgres"));
            dropDatabase(admin, name);
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what();
        }
    }
    Connection connect() const { return Connection::open(test::conninfo(name)); }
};

}  // namespace

TEST(Dumper, FindsTheToolOfTheServer)
{
    PUM_TEST_NEEDS_PG_DUMP();
    auto c = Connection::open(test::conninfo("postgres"));
    const int major = std::stoi(c.exec("SHOW server_version_num").value(0, 0)) / 10000;
    const auto tool = findPgTool("pg_dump", major);
    EXPECT_TRUE(std::filesystem::exists(tool)) << tool;
    EXPECT_THROW(findPgTool("pg_no_such_tool", major), CommandError);
}

// What a user on Debian 12 meets against a newer server: no client is new
// enough, and the command says which one it found and what to install.
TEST(Dumper, RefusesAClientOlderThanTheServerNamingTheNewestFound)
{
    try {
        findPgTool("pg_dump", 99);
        FAIL() << "a PostgreSQL 99 server found a pg_dump";
    } catch (const ToolNotStarted& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("the server is PostgreSQL 99"), std::string::npos) << message;
        EXPECT_NE(message.find("/usr/lib/postgresql/"), std::string::npos) << message;
        EXPECT_NE(message.find("/bin/pg_dump) is PostgreSQL "), std::string::npos) << message;
        EXPECT_NE(message.find("postgresql-client-99"), std::string::npos) << message;
    }
}

// A client found on PATH only (not in /usr/lib/postgresql) is asked its version first.
TEST(Dumper, AClientOnPathIsUsedOnlyWhenAsNewAsTheServer)
{
    TempDir dir;
    const auto tool = dir.path() / "pg_fake_dump";
    std::ofstream(tool) << "#!/bin/sh\necho 'pg_fake_dump (PostgreSQL) 16.2'\n";
    std::filesystem::permissions(tool, std::filesystem::perms::owner_all);
    const std::string oldPath = std::getenv("PATH");
    setenv("PATH", (dir.path().string() + ":" + oldPath).c_str(), 1);
    EXPECT_EQ(findPgTool("pg_fake_dump", 16), tool);
    EXPECT_EQ(findPgTool("pg_fake_dump", 13), tool);
    try {
        findPgTool("pg_fake_dump", 17);
        ADD_FAILURE() << "a PostgreSQL 16 client was taken for a PostgreSQL 17 server";
    } catch (const ToolNotStarted& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(tool.string() + ") is PostgreSQL 16"), std::string::npos) << message;
        EXPECT_NE(message.find("postgresql-client-17"), std::string::npos) << message;
    }
    setenv("PATH", oldPath.c_str(), 1);
}

TEST(Dumper, DumpThenRestoreGivesAnEqualDatabase)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase source;
    source.connect().exec(kModel);
    TempDir dir;
    const auto file = dir.path() / "backup.dump";
    NullFeedback feedback;
    {
        auto c = source.connect();
        dumpDatabase(c, file, {}, feedback);
    }
    ASSERT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(test::readFile(file).substr(0, 5), "PGDMP");
    // Nothing left behind under a temporary name.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);

    NewDatabase target;  // empty: PostGIS comes from the dump
    {
        auto c = target.connect();
        restoreDatabase(c, file, {}, feedback);
    }
    auto a = source.connect();
    auto b = target.connect();
    const auto report = compareDatabases(a, b);
    EXPECT_TRUE(report.passed()) << reportText(report);
    EXPECT_EQ(b.exec("SELECT string_agg(label || ':' || coalesce(ST_AsText(geom), '-'), ',' ORDER BY id) FROM od.sign").value(0, 0),
              "stop:POINT(2600000 1200000),yield:-");
}

TEST(Dumper, SchemasAndExclusions)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase source;
    source.connect().exec(kModel);
    TempDir dir;
    NullFeedback feedback;
    DumpOptions options;
    options.excludeSchemas = {"scratch"};
    {
        auto c = source.connect();
        dumpDatabase(c, dir.path() / "no_scratch.dump", options, feedback);
    }
    NewDatabase target(true);
    auto c = target.connect();
    restoreDatabase(c, dir.path() / "no_scratch.dump", {}, feedback);
    EXPECT_EQ(c.exec("SELECT count(*) FROM od.sign").value(0, 0), "2");
    EXPECT_EQ(c.exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'scratch'").value(0, 0), "0");

    // Restore-side exclusion of a schema that is in the dump.
    NewDatabase second(true);
    {
        auto s = source.connect();
        dumpDatabase(s, dir.path() / "all.dump", {}, feedback);
    }
    RestoreOptions restore;
    restore.excludeSchemas = {"scratch"};
    auto c2 = second.connect();
    restoreDatabase(c2, dir.path() / "all.dump", restore, feedback);
    EXPECT_EQ(c2.exec("SELECT count(*) FROM pg_class WHERE relname = 'tmp'").value(0, 0), "0");
    EXPECT_EQ(c2.exec("SELECT count(*) FROM od.sign").value(0, 0), "2");
}

TEST(Dumper, PasswordGoesThroughTheEnvironment)
{
    PUM_TEST_NEEDS_POSTGIS();
    // A password user over TCP (the socket is trusted, TCP is not).
    TempDatabase source;
    source.connect().exec(kModel);
    const std::string user = "pumdump_" + std::to_string(getpid());
    auto admin = Connection::open(test::conninfo("postgres"));
    admin.exec("CREATE ROLE " + user + " LOGIN SUPERUSER PASSWORD 'dump secret'");
    struct Drop {
        Connection& c;
        std::string user;
        ~Drop() { c.exec("DROP ROLE IF EXISTS " + user); }
    } drop{admin, user};
    TempDir dir;
    NullFeedback feedback;
    {
        auto c = Connection::open("host=127.0.0.1 port=" + test::clusterEnv().at("PGPORT") + " dbname=" + source.name() +
                                  " user=" + user + " password='dump secret'");
        dumpDatabase(c, dir.path() / "tcp.dump", {}, feedback);
    }
    EXPECT_GT(std::filesystem::file_size(dir.path() / "tcp.dump"), 1000u);
    // A wrong password fails in pg_dump itself: its message, no file, no password shown.
    auto c = Connection::open("host=127.0.0.1 port=" + test::clusterEnv().at("PGPORT") + " dbname=" + source.name() +
                              " user=" + user + " password='dump secret'");
    c.exec("ALTER ROLE " + user + " PASSWORD 'changed secret'");
    try {
        dumpDatabase(c, dir.path() / "fail.dump", {}, feedback);
        FAIL();
    } catch (const CommandError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
        EXPECT_EQ(message.find("dump secret"), std::string::npos) << message;
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "fail.dump"));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);
}

TEST(Dumper, FailedRestoreChangesNothing)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase source;
    source.connect().exec(kModel);
    TempDir dir;
    NullFeedback feedback;
    {
        auto c = source.connect();
        dumpDatabase(c, dir.path() / "b.dump", {}, feedback);
    }
    // The target already has one of the tables: the restore fails at that
    // statement, and being one transaction, leaves nothing of the rest.
    TempDatabase target;
    target.connect().exec("CREATE SCHEMA scratch; CREATE TABLE scratch.tmp (x integer);");
    const auto before = target.snapshot();
    auto c = target.connect();
    try {
        restoreDatabase(c, dir.path() / "b.dump", {}, feedback);
        FAIL();
    } catch (const CommandError& e) {
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("nothing was restored"), std::string::npos) << e.what();
    }
    EXPECT_EQ(target.snapshot(), before);

    // With ignoreErrors (pum's -x), the rest is restored and the errors are a warning.
    struct Collect : Feedback {
        std::string warnings;
        void log(Level level, const std::string& message) override
        {
            if (level == Level::Warning) warnings += message;
        }
    } collect;
    RestoreOptions lenient;
    lenient.ignoreErrors = true;
    restoreDatabase(c, dir.path() / "b.dump", lenient, collect);
    EXPECT_EQ(c.exec("SELECT count(*) FROM od.sign").value(0, 0), "2");
    EXPECT_NE(collect.warnings.find("already exists"), std::string::npos) << collect.warnings;

    // A plain SQL dump goes through psql: all of it, or nothing at its first error.
    TempDir other;
    other.write("plain.sql", "CREATE TABLE x (y integer);");
    restoreDatabase(c, other.path() / "plain.sql", {}, feedback);
    EXPECT_EQ(c.exec("SELECT count(*) FROM pg_class WHERE relname = 'x'").value(0, 0), "1");
    other.write("bad.sql", "CREATE TABLE x2 (y integer);\nINVALID SQL;\n");
    try {
        restoreDatabase(c, other.path() / "bad.sql", {}, feedback);
        FAIL() << "a failing plain dump was restored";
    } catch (const ToolFailed& e) {
        EXPECT_NE(std::string(e.what()).find("INVALID"), std::string::npos) << e.what();
    }
    EXPECT_EQ(c.exec("SELECT count(*) FROM pg_class WHERE relname = 'x2'").value(0, 0), "0");
    RestoreOptions excluding;
    excluding.excludeSchemas = {"od"};
    EXPECT_THROW(restoreDatabase(c, other.path() / "plain.sql", excluding, feedback), CommandError);
    EXPECT_THROW(restoreDatabase(c, other.path() / "missing.dump", {}, feedback), CommandError);
}

TEST(Dumper, NoOwnerNoPrivilegesByDefaultAsPum)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase source;
    const std::string role = "pumdump_grantee_" + std::to_string(getpid());
    source.connect().exec(std::string(kModel) + "CREATE ROLE " + role + "; GRANT SELECT ON od.sign TO " + role + ";");
    TempDir dir;
    NullFeedback feedback;
    DumpOptions options;
    options.format = DumpFormat::Plain;
    {
        auto c = source.connect();
        dumpDatabase(c, dir.path() / "default.sql", options, feedback);
        options.owner = options.privileges = true;
        dumpDatabase(c, dir.path() / "full.sql", options, feedback);
        c.exec("DROP OWNED BY " + role + "; DROP ROLE " + role);
    }
    const std::string plain = test::readFile(dir.path() / "default.sql");
    EXPECT_EQ(plain.find("GRANT SELECT"), std::string::npos);
    EXPECT_EQ(plain.find("OWNER TO"), std::string::npos);
    EXPECT_NE(plain.find("CREATE TABLE od.sign"), std::string::npos);
    const std::string full = test::readFile(dir.path() / "full.sql");
    EXPECT_NE(full.find("GRANT SELECT"), std::string::npos);
    EXPECT_NE(full.find("OWNER TO"), std::string::npos);
}

TEST(Dumper, DumpOfMissingDatabaseFailsBeforeWriting)
{
    TempDir dir;
    EXPECT_THROW(Connection::open(test::conninfo("pum_no_such_database")), ConnectionError);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

// ---------------------------------------------------------------- command line

namespace {

std::string cli() { return std::getenv("PUM_CLI") ? std::getenv("PUM_CLI") : "pum"; }
std::string shq(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST(DumperCli, DumpThenRestoreThenCheck)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase source;
    source.connect().exec(kModel);
    TempDir dir;
    const auto file = (dir.path() / "cli.dump").string();
    std::string out;
    ASSERT_EQ(test::runCommand(cli() + " -p " + shq(source.conninfo()) + " dump -N scratch " + file, out), 0) << out;
    NewDatabase target;
    ASSERT_EQ(test::runCommand(cli() + " -p " + shq(test::conninfo(target.name)) + " restore " + file, out), 0) << out;
    EXPECT_EQ(test::runCommand(cli() + " -p " + shq(source.conninfo()) + " check -N scratch " +
                                   shq(test::conninfo(target.name)),
                               out),
              0)
        << out;
    EXPECT_EQ(target.connect().exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'scratch'").value(0, 0), "0");
}

TEST(DumperCli, DumpOfMissingDatabaseIsOneMessageAndNoFile)
{
    TempDir dir;
    std::string out;
    EXPECT_EQ(test::runCommand(cli() + " -p " + shq(test::conninfo("pum_no_such_db")) + " dump " +
                                   (dir.path() / "x.dump").string(),
                               out),
              1)
        << out;
    EXPECT_EQ(out.rfind("pum: cannot connect", 0), 0u) << out;
    EXPECT_NE(out.find("pum_no_such_db"), std::string::npos) << out;
    EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Dumper, ModuleSchemasIncludingPublicRestoreIntoANewDatabase)
{
    PUM_TEST_NEEDS_POSTGIS();
    // The migration table lives in public, which every target has already.
    TempDatabase source;
    source.connect().exec(std::string(kModel) + "CREATE TABLE public.pum_migrations (id integer);"
                                                "CREATE ROLE pumdump_reader_" + std::to_string(getpid()) + ";"
                                                "GRANT SELECT ON od.sign TO pumdump_reader_" + std::to_string(getpid()) + ";");
    TempDir dir;
    NullFeedback feedback;
    DumpOptions options;
    options.schemas = {"od", "public"};
    options.privileges = true;  // the grant below is what this test restores
    {
        auto c = source.connect();
        dumpDatabase(c, dir.path() / "module.dump", options, feedback);
    }
    source.connect().exec("DROP OWNED BY pumdump_reader_" + std::to_string(getpid()) + "; DROP ROLE pumdump_reader_" +
                          std::to_string(getpid()));
    NewDatabase target(true);
    auto c = target.connect();
    // Its grant names a role that is gone: refused as a whole...
    EXPECT_THROW(restoreDatabase(c, dir.path() / "module.dump", {}, feedback), CommandError);
    EXPECT_EQ(c.exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'od'").value(0, 0), "0");
    // ... and fine without the privileges.
    RestoreOptions noGrants;
    noGrants.noPrivileges = true;
    restoreDatabase(c, dir.path() / "module.dump", noGrants, feedback);
    EXPECT_EQ(c.exec("SELECT count(*) FROM od.sign").value(0, 0), "2");
    EXPECT_EQ(c.exec("SELECT count(*) FROM public.pum_migrations").value(0, 0), "0");
    EXPECT_EQ(c.exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'scratch'").value(0, 0), "0");
}
