// Ctrl-C (SIGINT) on the `pum` command while it waits on the server: it
// reaches the server in every state, rolls back, and exits with 130.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "cli_process.h"
#include "freeze_proxy.h"
#include "silent_server.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "test_support.h"

using namespace std::chrono_literals;
using pum::test::CliProcess;
using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace {

std::filesystem::path writeModule(const TempDir& dir, const std::string& sql)
{
    dir.write("m/.pum.yaml", "pum:\n  module: cancelme\n");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE TABLE public.made (id int);\n" + sql);
    return dir.path() / "m";
}

// Waits until a backend of `db` (other than ours) shows `state` in pg_stat_activity.
bool waitForBackend(pum::Connection& watcher, const std::string& db, const std::string& condition,
                    std::chrono::seconds limit = 20s)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        auto r = watcher.execParams("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> "
                                    "pg_backend_pid() AND " +
                                        condition,
                                    {db});
        if (r.value(0, 0) != "0") return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

// Sends SIGINT once the server shows `condition`, returns the seconds to exit.
double interruptWhen(CliProcess& pum, TempDatabase& db, const std::string& condition, int& code)
{
    auto watcher = pum::Connection::open(pum::test::conninfo("postgres"));
    EXPECT_TRUE(waitForBackend(watcher, db.name(), condition)) << pum.err();
    const auto sent = std::chrono::steady_clock::now();
    pum.signal(SIGINT);
    code = pum.wait(30s);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
}

std::vector<std::string> installArgs(const TempDatabase& db, const std::filesystem::path& module)
{
    return {"-p", db.conninfo(), "-d", module.string(), "install", "--skip-roles", "--skip-grant"};
}

}  // namespace

TEST(CtrlC, StopsARunningStatementAndRollsBack)
{
    TempDatabase db(false);
    TempDir dir;
    const auto module = writeModule(dir, "SELECT pg_sleep(20);\n");
    const auto before = db.snapshot();
    CliProcess pum(installArgs(db, module));
    int code = 0;
    const double seconds = interruptWhen(pum, db, "query LIKE '%pg_sleep(20)%' AND state = 'active'", code);
    std::printf("[ figures  ] Ctrl-C during a statement: stopped %.3f s after SIGINT\n", seconds);
    EXPECT_EQ(code, 130) << pum.err();
    EXPECT_THAT(pum.err(), HasSubstr("cancelled"));
    EXPECT_LT(seconds, 5.0);
    EXPECT_EQ(db.snapshot(), before);
}

TEST(CtrlC, StopsAWaitForTheModuleLock)
{
    TempDatabase db(false);
    TempDir dir;
    const auto module = writeModule(dir, "");
    const auto before = db.snapshot();
    // Another run holds the module's lock (MigrationTable::lock's key).
    auto other = db.connect();
    other.exec("BEGIN");
    other.exec("SELECT pg_advisory_xact_lock(hashtextextended('pum:public.pum_migrations', 0))");

    CliProcess pum(installArgs(db, module));
    int code = 0;
    const double seconds = interruptWhen(pum, db, "wait_event_type = 'Lock' AND wait_event = 'advisory'", code);
    std::printf("[ figures  ] Ctrl-C during a lock wait: stopped %.3f s after SIGINT\n", seconds);
    EXPECT_EQ(code, 130) << pum.err();
    EXPECT_THAT(pum.err(), HasSubstr("cancelled"));
    EXPECT_LT(seconds, 5.0);
    other.exec("ROLLBACK");
    EXPECT_EQ(db.snapshot(), before);
}

TEST(CtrlC, RequestCancelBeforeACommandIsNotLost)
{
    // A cancellation that arrives between two commands (the server idle)
    // stops the next one instead of being dropped by the server.
    TempDatabase db(false);
    auto c = db.connect();
    pum::Transaction t(c);
    c.exec("CREATE TABLE public.kept (id int)");
    c.requestCancel();
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(c.exec("SELECT pg_sleep(20)"), pum::CancelledError);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    t.rollback();  // the rollback itself is never refused
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.kept') IS NULL"), "t");
}

TEST(CtrlC, CancelFromAnotherThreadStopsABlockingExec)
{
    TempDatabase db(false);
    auto c = db.connect();
    auto watcher = pum::Connection::open(pum::test::conninfo("postgres"));
    std::thread canceller([&] {
        if (waitForBackend(watcher, db.name(), "query LIKE '%pg_sleep(20)%' AND state = 'active'"))
            c.requestCancel();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(c.exec("SELECT pg_sleep(20)"), pum::CancelledError);
    canceller.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ figures  ] blocking exec stopped after %.3f s\n", seconds);
    EXPECT_LT(seconds, 10.0);
}

TEST(CopyInAChangelog, IsAnErrorAtItsLineNeverAHang)
{
    for (const std::string copy : {"COPY public.made TO STDOUT;\n", "COPY public.made FROM STDIN;\n"}) {
        TempDatabase db(false);
        TempDir dir;
        const auto module = writeModule(dir, "INSERT INTO public.made VALUES (1);\n" + copy);
        const auto before = db.snapshot();
        CliProcess pum(installArgs(db, module));
        const int code = pum.wait(60s);  // the COPY OUT result used to be read forever
        EXPECT_EQ(code, 1) << copy << pum.err();
        EXPECT_THAT(pum.err(), HasSubstr("01.sql:3:")) << pum.err();
        EXPECT_THAT(pum.err(), HasSubstr("COPY")) << pum.err();
        EXPECT_EQ(db.snapshot(), before);
    }
}

namespace {
// libpum_python_hooks sits beside libpum when the build has Python hooks.
bool pythonHooksBuilt()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&pum::connectionInfo), &info) == 0 || !info.dli_fname) return false;
    return std::filesystem::exists(std::filesystem::canonical(info.dli_fname).parent_path() / "libpum_python_hooks.so");
}

// Installs a module whose post hook runs `body` (run_hook's lines), sends
// SIGINT once the server shows `condition`, and checks a clean cancellation.
void interruptPythonHook(const std::string& body, const std::string& condition, const char* what)
{
    TempDatabase db(false);
    TempDir dir;
    dir.write("m/.pum.yaml", "pum:\n  module: cancelme\nmigration_hooks:\n  post:\n    - file: hook.py\n");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE TABLE public.made (id int);\n");
    dir.write("m/hook.py", "import time\nfrom pum import HookBase\n\n\nclass Hook(HookBase):\n"
                           "    def run_hook(self, connection):\n" + body);
    const auto before = db.snapshot();
    CliProcess pum(installArgs(db, dir.path() / "m"));
    int code = 0;
    const double seconds = interruptWhen(pum, db, condition, code);
    std::printf("[ figures  ] Ctrl-C during %s: stopped %.3f s after SIGINT\n", what, seconds);
    EXPECT_EQ(code, 130) << pum.err();
    EXPECT_THAT(pum.err(), HasSubstr("cancelled"));
    EXPECT_LT(seconds, 5.0);
    EXPECT_EQ(db.snapshot(), before);
}
}  // namespace

#define REQUIRE_PYTHON_HOOKS()                                                                   \
    do {                                                                                         \
        if (!pythonHooksBuilt()) {                                                               \
            if (const char* all = std::getenv("PUM_REQUIRE_ALL_TESTS"); all && std::string(all) == "1") \
                FAIL() << "PUM_REQUIRE_ALL_TESTS=1 and this build has no Python hooks";          \
            GTEST_SKIP() << "this build has no Python hooks (python3-dev / pybind11-dev missing)"; \
        }                                                                                        \
    } while (false)

TEST(CtrlC, StopsAPythonHooksStatement)
{
    REQUIRE_PYTHON_HOOKS();
    interruptPythonHook("        self.execute(\"SELECT pg_sleep(20)\")\n",
                        "query LIKE '%pg_sleep(20)%' AND state = 'active'", "a Python hook's statement");
}

// A hook busy in its own Python code sends nothing the server could cancel:
// the interrupt raises KeyboardInterrupt in it. The marker statement tells the
// test the loop has started; `except Exception` is what real hooks write, and
// must not swallow Ctrl-C.
TEST(CtrlC, StopsAPythonHookLoopingInPython)
{
    REQUIRE_PYTHON_HOOKS();
    interruptPythonHook("        self.execute(\"SELECT 'python-loop-started'\")\n"
                        "        deadline = time.monotonic() + 60\n"
                        "        n = 0\n"
                        "        while time.monotonic() < deadline:\n"
                        "            try:\n"
                        "                n += 1\n"
                        "            except Exception:\n"
                        "                pass\n",
                        "query LIKE '%python-loop-started%' AND state <> 'active'", "a Python hook's own loop");
}

using pum::test::SilentServer;

TEST(Connect, GivesUpAfterTheConnectionsConnectTimeout)
{
    SilentServer server;
    TempDir dir;
    const auto module = writeModule(dir, "");
    const auto started = std::chrono::steady_clock::now();
    CliProcess pum({"-p", server.conninfo("connect_timeout=2"), "-d", module.string(), "info"});
    const int code = pum.wait(30s);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("[ figures  ] connect to a silent server with connect_timeout=2: gave up after %.3f s\n", seconds);
    EXPECT_EQ(code, 1);
    EXPECT_THAT(pum.err(), HasSubstr("no answer within 2 s"));
    EXPECT_THAT(pum.err(), HasSubstr("127.0.0.1"));
    EXPECT_LT(seconds, 10.0);
}

TEST(Connect, GivesUpAfterTenSecondsWithoutConnectTimeout)
{
    SilentServer server;
    try {
        pum::Connection::open(server.conninfo());
        FAIL() << "connected to a server that never answers";
    } catch (const pum::ConnectionError& e) {
        EXPECT_THAT(e.what(), HasSubstr("no answer within 10 s"));
    }
}

TEST(Connect, IsCancelledByItsCallback)
{
    SilentServer server;
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        server.waitForClient();
        cancel = true;
    });
    const auto started = std::chrono::steady_clock::now();
    EXPECT_THROW(pum::Connection::open(server.conninfo(), [&] { return cancel.load(); }), pum::CancelledError);
    canceller.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("[ figures  ] connect cancelled by its callback after %.3f s\n", seconds);
    EXPECT_LT(seconds, 5.0);
}

TEST(CtrlC, StopsAConnectToASilentServer)
{
    SilentServer server;
    TempDir dir;
    const auto module = writeModule(dir, "");
    CliProcess pum({"-p", server.conninfo(), "-d", module.string(), "info"});
    ASSERT_TRUE(server.waitForClient());
    const auto sent = std::chrono::steady_clock::now();
    pum.signal(SIGINT);
    const int code = pum.wait(30s);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    std::printf("[ figures  ] Ctrl-C while connecting: stopped %.3f s after SIGINT\n", seconds);
    EXPECT_EQ(code, 130) << pum.err();
    EXPECT_THAT(pum.err(), HasSubstr("cancelled"));
    EXPECT_LT(seconds, 5.0);
}

// A server that stops answering mid-command (hung host, dead VPN link):
// requestCancel() returns at once although the cancel request itself gets no
// answer (QGIS calls it on its UI thread), and the command gives the
// connection up instead of waiting for ever.
TEST(Cancel, ReturnsAtOnceAndGivesUpWhenTheServerStopsAnswering)
{
    const auto& env = pum::test::clusterEnv();
    ASSERT_TRUE(env.count("PGPORT")) << "the test cluster's environment has no PGPORT";
    pum::test::FreezeProxy proxy(std::stoi(env.at("PGPORT")));
    auto connection =
        pum::Connection::open("host=127.0.0.1 port=" + std::to_string(proxy.port()) + " dbname=postgres user=postgres");
    connection.exec("SELECT 1");
    proxy.freeze();

    std::atomic<double> cancelSeconds{-1};
    std::thread canceller([&] {
        if (!proxy.waitForClientData()) return;
        const auto started = std::chrono::steady_clock::now();
        connection.requestCancel();
        cancelSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    });
    const auto started = std::chrono::steady_clock::now();
    try {
        connection.exec("SELECT 'never answered'");
        ADD_FAILURE() << "a frozen server answered";
    } catch (const pum::ConnectionError& e) {
        EXPECT_THAT(e.what(), HasSubstr("did not answer for 5 s after the cancel request"));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    canceller.join();
    std::printf("[ figures  ] frozen server: requestCancel() returned in %.4f s, the command gave up after %.2f s\n",
                cancelSeconds.load(), seconds);
    EXPECT_GE(cancelSeconds.load(), 0.0) << "the command was never seen by the proxy";
    EXPECT_LT(cancelSeconds.load(), 0.5);
    EXPECT_GE(proxy.unansweredConnections(), 1) << "no cancel request reached the server's address";
    EXPECT_LT(seconds, 20.0);
    // Given up means closed: the next command fails at once instead of waiting again.
    EXPECT_THROW(connection.exec("SELECT 1"), pum::Error);
}
