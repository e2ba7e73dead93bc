// Ctrl-C (SIGINT) on the `pum` command while it waits on the server: it
// reaches the server in every state, rolls back, and exits with 130.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli_process.h"
#include "pum/database.h"
#include "pum/error.h"
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
}  // namespace

TEST(CtrlC, StopsAPythonHooksStatement)
{
    if (!pythonHooksBuilt()) {
        if (const char* all = std::getenv("PUM_REQUIRE_ALL_TESTS"); all && std::string(all) == "1")
            FAIL() << "PUM_REQUIRE_ALL_TESTS=1 and this build has no Python hooks";
        GTEST_SKIP() << "this build has no Python hooks (python3-dev / pybind11-dev missing)";
    }
    TempDatabase db(false);
    TempDir dir;
    dir.write("m/.pum.yaml", "pum:\n  module: cancelme\nmigration_hooks:\n  post:\n    - file: hook.py\n");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE TABLE public.made (id int);\n");
    dir.write("m/hook.py", "from pum import HookBase\n\n\nclass Hook(HookBase):\n    def run_hook(self, connection):\n"
                           "        self.execute(\"SELECT pg_sleep(20)\")\n");
    const auto before = db.snapshot();
    CliProcess pum(installArgs(db, dir.path() / "m"));
    int code = 0;
    const double seconds = interruptWhen(pum, db, "query LIKE '%pg_sleep(20)%' AND state = 'active'", code);
    std::printf("[ figures  ] Ctrl-C during a Python hook's statement: stopped %.3f s after SIGINT\n", seconds);
    EXPECT_EQ(code, 130) << pum.err();
    EXPECT_THAT(pum.err(), HasSubstr("cancelled"));
    EXPECT_LT(seconds, 5.0);
    EXPECT_EQ(db.snapshot(), before);
}
