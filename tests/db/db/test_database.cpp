// The libpq layer against the real test cluster.
#include <gtest/gtest.h>

#include <libpq-fe.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>
#include <stdexcept>
#include <thread>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/sql/sql.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;

TEST(Connection, ConnectsWithKeyValueAndUri)
{
    TempDatabase db(false);
    auto c = db.connect();
    EXPECT_EQ(c.exec("SELECT 1").value(0, 0), "1");
    EXPECT_EQ(c.databaseName(), db.name());

    const auto& env = pum::test::clusterEnv();
    auto uri = "postgresql://postgres@127.0.0.1:" + env.at("PGPORT") + "/" + db.name();
    auto c2 = Connection::open(uri);
    EXPECT_EQ(c2.exec("SELECT current_database()").value(0, 0), db.name());
}

TEST(Connection, ServiceName)
{
    TempDatabase db(false);
    pum::test::TempDir dir;
    const auto& env = pum::test::clusterEnv();
    auto file = dir.write("pg_service.conf", "[pumtest]\nhost=" + env.at("PGHOST") + "\nport=" + env.at("PGPORT") +
                                                 "\nuser=postgres\ndbname=" + db.name() + "\n");
    setenv("PGSERVICEFILE", file.c_str(), 1);
    auto c = Connection::open("pumtest");
    EXPECT_EQ(c.exec("SELECT current_database()").value(0, 0), db.name());
    try {
        Connection::open("no_such_service");
        FAIL() << "expected an error";
    } catch (const ConnectionError& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_service"), std::string::npos) << e.what();
    }
    unsetenv("PGSERVICEFILE");
}

TEST(Connection, ErrorsNeverShowThePassword)
{
    const auto& env = pum::test::clusterEnv();
    {
        auto admin = Connection::open(pum::test::conninfo("postgres"));
        admin.exec("DROP ROLE IF EXISTS pum_pw_user");
        admin.exec("CREATE ROLE pum_pw_user LOGIN PASSWORD 'right-secret'");
    }
    const std::string secret = "Very$ecret-Passw0rd";
    for (const std::string& spec :
         {"host=127.0.0.1 port=" + env.at("PGPORT") + " user=pum_pw_user dbname=postgres password=" + secret,
          "postgresql://pum_pw_user:" + secret + "@127.0.0.1:" + env.at("PGPORT") + "/postgres",
          "host=127.0.0.1 port=" + env.at("PGPORT") + " password=" + secret + " bogus_option=1"}) {
        try {
            Connection::open(spec);
            FAIL() << "expected a failure";
        } catch (const ConnectionError& e) {
            std::string message = e.what();
            EXPECT_EQ(message.find(secret), std::string::npos) << message;
            EXPECT_FALSE(message.empty());
        }
    }
    auto ok = Connection::open("host=127.0.0.1 port=" + env.at("PGPORT") +
                               " user=pum_pw_user dbname=postgres password=right-secret");
    EXPECT_EQ(ok.exec("SELECT current_user").value(0, 0), "pum_pw_user");
}

TEST(Connection, UnreachableServerIsAClearError)
{
    try {
        Connection::open("host=127.0.0.1 port=1 user=postgres dbname=postgres connect_timeout=2");
        FAIL();
    } catch (const ConnectionError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot connect to postgres on 127.0.0.1:1"), std::string::npos)
            << e.what();
    }
}

TEST(Connection, SqlErrorCarriesServerFields)
{
    TempDatabase db(false);
    auto c = db.connect();
    try {
        c.exec("SELECT * FROM missing_table");
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "42P01");
        EXPECT_NE(std::string(e.what()).find("missing_table"), std::string::npos);
    }
}

TEST(Transaction, RollsBackUnlessCommitted)
{
    TempDatabase db(false);
    auto c = db.connect();
    {
        Transaction t(c);
        c.exec("CREATE TABLE t1 (id int)");
    }
    EXPECT_EQ(c.exec("SELECT to_regclass('t1') IS NULL").value(0, 0), "t");
    {
        Transaction t(c);
        c.exec("CREATE TABLE t2 (id int)");
        t.commit();
    }
    EXPECT_EQ(c.exec("SELECT to_regclass('t2') IS NOT NULL").value(0, 0), "t");
}

TEST(Pipeline, RunsABatchInOneRoundTripAndLocatesErrors)
{
    TempDatabase db(false);
    auto c = db.connect();
    std::string sql;
    for (int i = 0; i < 3000; ++i) sql += "INSERT INTO t VALUES (" + std::to_string(i) + ");\n";
    auto script = parseSql("CREATE TABLE t (id int primary key);\n" + sql, "big.sql", {});
    Transaction t(c);
    auto before = c.roundTrips();
    c.runStatements(script.statements, script.source);
    EXPECT_EQ(c.roundTrips() - before, 1u);
    EXPECT_EQ(c.exec("SELECT count(*) FROM t").value(0, 0), "3000");

    auto bad = parseSql("INSERT INTO t VALUES (-1);\n\n-- comment\nINSERT INTO t\n  VALUES (5);\nINSERT INTO t VALUES (-2);\n",
                        "bad.sql", {});
    try {
        c.runStatements(bad.statements, bad.source);
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "23505");
        EXPECT_EQ(e.file(), "bad.sql");
        EXPECT_EQ(e.line(), 4);
    }
}

TEST(Pipeline, ErrorPositionPointsAtTheLine)
{
    TempDatabase db(false);
    auto c = db.connect();
    auto script = parseSql("SELECT 1;\nSELECT\n  1,\n  no_such_column\nFROM pg_class;\n", "pos.sql", {});
    Transaction t(c);
    try {
        c.runStatements(script.statements, script.source);
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "42703");
        EXPECT_EQ(e.line(), 4) << e.what();
    }
}

namespace {
class CancelAfter : public Feedback {
public:
    bool isCancelled() const override { return std::chrono::steady_clock::now() > deadline; }
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
};
}  // namespace

TEST(Pipeline, CancellationStopsALongStatement)
{
    TempDatabase db(false);
    auto c = db.connect();
    auto script = parseSql("CREATE TABLE x (id int);\nSELECT pg_sleep(30);\n", "slow.sql", {});
    CancelAfter feedback;
    auto start = std::chrono::steady_clock::now();
    {
        Transaction t(c);
        EXPECT_THROW(c.runStatements(script.statements, script.source, &feedback), CancelledError);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(c.exec("SELECT to_regclass('x') IS NULL").value(0, 0), "t");
}

namespace {
// Fails the run (abort) instead of letting a hang hang it.
class Watchdog {
public:
    explicit Watchdog(std::chrono::seconds limit)
        : thread_([this, limit] {
              std::unique_lock<std::mutex> lock(mutex_);
              if (!done_.wait_for(lock, limit, [this] { return finished_; })) {
                  std::fprintf(stderr, "watchdog: still running after %lld s\n", static_cast<long long>(limit.count()));
                  std::abort();
              }
          })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            finished_ = true;
        }
        done_.notify_all();
        thread_.join();
    }

private:
    std::mutex mutex_;
    std::condition_variable done_;
    bool finished_ = false;
    std::thread thread_;
};

SqlStatement statement(const std::string& text, int line)
{
    SqlStatement s;
    s.text = text;
    s.line = line;
    return s;
}

void expectUsable(Connection& c)
{
    EXPECT_EQ(PQpipelineStatus(c.native()), PQ_PIPELINE_OFF);
    EXPECT_EQ(PQisnonblocking(c.native()), 0);
    EXPECT_EQ(c.exec("SELECT 41 + 1").value(0, 0), "42");
}
}  // namespace

TEST(Pipeline, CopyToOrFromTheClientIsAnErrorAtItsLine)
{
    TempDatabase db(false);
    db.connect().exec("CREATE TABLE public.t (id int); INSERT INTO public.t SELECT generate_series(1, 50000)");
    for (const std::string copy : {"COPY public.t TO STDOUT", "COPY public.t FROM STDIN"}) {
        Watchdog watchdog(std::chrono::seconds(30));
        auto c = db.connect();
        const std::vector<SqlStatement> statements = {statement("SELECT 1", 1), statement(copy, 3),
                                                      statement("INSERT INTO public.t VALUES (-1)", 5)};
        try {
            Transaction t(c);
            c.runStatements(statements, "copy.sql");
            FAIL() << copy << " ran";
        } catch (const SqlError& e) {
            EXPECT_EQ(e.line(), 3) << e.what();
            EXPECT_NE(std::string(e.what()).find("copy.sql"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("COPY"), std::string::npos) << e.what();
        }
        // After COPY FROM STDIN the server has read the next statements as
        // COPY data and ends the connection: that is the server's rule.
        if (copy.find("STDOUT") != std::string::npos) expectUsable(c);
        EXPECT_EQ(db.scalar("SELECT count(*) FROM public.t WHERE id = -1"), "0");
    }
}

TEST(Connection, ExecOfACopyIsAnErrorAndTheConnectionStaysUsable)
{
    TempDatabase db(false);
    auto c = db.connect();
    c.exec("CREATE TABLE public.t (id int); INSERT INTO public.t SELECT generate_series(1, 50000)");
    for (const std::string copy : {"COPY public.t TO STDOUT", "COPY public.t FROM STDIN"}) {
        Watchdog watchdog(std::chrono::seconds(30));
        EXPECT_THROW(c.exec(copy), SqlError) << copy;
        expectUsable(c);
    }
}

namespace {
enum class Throws { Progress, Log, IsCancelled };
class ThrowingFeedback : public Feedback {
public:
    explicit ThrowingFeedback(Throws where) : where_(where) {}
    void progress(std::size_t, std::size_t, const std::string&) override
    {
        if (where_ == Throws::Progress) throw std::runtime_error("progress failed");
    }
    void log(Level, const std::string&) override
    {
        if (where_ == Throws::Log) throw std::bad_alloc();
    }
    bool isCancelled() const override
    {
        if (where_ == Throws::IsCancelled) throw std::runtime_error("isCancelled failed");
        return false;
    }

private:
    Throws where_;
};
}  // namespace

TEST(Pipeline, AThrowingFeedbackLeavesTheConnectionReady)
{
    TempDatabase db(false);
    auto c = db.connect();
    std::vector<SqlStatement> statements;
    for (int i = 0; i < 200; ++i) statements.push_back(statement("SELECT pg_sleep(0.001)", i + 1));
    for (Throws where : {Throws::Progress, Throws::Log, Throws::IsCancelled}) {
        Watchdog watchdog(std::chrono::seconds(30));
        {
            Transaction t(c);
            ThrowingFeedback feedback(where);
            EXPECT_ANY_THROW(c.runStatements(statements, "throws.sql", &feedback));
            EXPECT_EQ(PQpipelineStatus(c.native()), PQ_PIPELINE_OFF);
            EXPECT_EQ(PQisnonblocking(c.native()), 0);
        }
        expectUsable(c);
        EXPECT_FALSE(c.inTransaction());
    }
}

TEST(Connection, ExecOnANonBlockingConnectionSendsEverything)
{
    // psycopg's connections (borrowed from Python) are non-blocking: a large
    // command does not fit libpq's first write and must still be sent whole.
    TempDatabase db(false);
    auto c = db.connect();
    Watchdog watchdog(std::chrono::seconds(60));
    PQsetnonblocking(c.native(), 1);
    const std::string big(4 * 1024 * 1024, 'x');
    EXPECT_EQ(c.execParams("SELECT length($1)", {big}).value(0, 0), std::to_string(big.size()));
    EXPECT_EQ(c.exec("SELECT length('" + big + "')").value(0, 0), std::to_string(big.size()));
    PQsetnonblocking(c.native(), 0);
}
