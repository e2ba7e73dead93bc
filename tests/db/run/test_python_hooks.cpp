// Python hooks end to end: the CLI with the seed layout, how it behaves when
// Python is broken or absent, and the runner loaded into this process the way
// the CLI and the QGIS plugin load it (dlopen + pum_python_register).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/run/hook.h"
#include "pum/run/upgrader.h"
#include "big_module.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

namespace {

fs::path libraryDir();
// PUM_CLI, else the build's own bin/pum beside its lib folder.
std::string cli()
{
    if (const char* path = std::getenv("PUM_CLI")) return path;
    return (libraryDir().parent_path() / "bin" / "pum").string();
}
fs::path dataModule(const std::string& name) { return pum::test::sourceDir() / "tests" / "data" / name; }
std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Where libpum (and so libpum_python_hooks) is, as the CLI finds it.
fs::path libraryDir()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&pum::toolVersion), &info) == 0 || !info.dli_fname) return {};
    return fs::canonical(info.dli_fname).parent_path();
}

bool pythonHooksBuilt() { return fs::exists(libraryDir() / "libpum_python_hooks.so"); }

// Loads the runner into this process once (as the CLI does).
void registerRunner()
{
    static std::string error = [] {
        void* handle = dlopen((libraryDir() / "libpum_python_hooks.so").c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) return std::string(dlerror());
        using Register = int (*)(char*, size_t);
        auto entry = reinterpret_cast<Register>(dlsym(handle, "pum_python_register"));
        if (!entry) return std::string("no pum_python_register");
        char message[2048] = {};
        return entry(message, sizeof message) == 0 ? std::string() : std::string(message);
    }();
    ASSERT_EQ(error, "");
}

fs::path writeModule(const TempDir& dir, const std::string& hookBody, const std::string& signature = "self, connection",
                     const std::string& extraYaml = "")
{
    dir.write("m/.pum.yaml", "pum:\n  module: pyc\n" + extraYaml +
                                 "migration_hooks:\n  post:\n    - file: hook.py\n    - code: CREATE TABLE pyc.after_hook (id int);\n");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE SCHEMA pyc;\nCREATE TABLE pyc.t (id int);\nINSERT INTO pyc.t VALUES (1), (2);\n");
    dir.write("m/hook.py", "from pum import HookBase\n\n\nclass Hook(HookBase):\n    def run_hook(" + signature + "):\n" +
                               hookBody);
    return dir.path() / "m";
}

InstallOptions noRoles()
{
    InstallOptions o;
    o.skipRoles = true;
    o.skipGrant = true;
    return o;
}

class PythonHooks : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!pythonHooksBuilt()) GTEST_SKIP() << "this build has no Python hooks (python3-dev / pybind11-dev missing)";
    }
};

}  // namespace

TEST_F(PythonHooks, CliSeedLayoutWithPythonHookOnInstallAndUpgrade)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    std::string out;
    // No PYTHONPATH: the CLI finds its package by itself.
    const std::string base = "env -u PYTHONPATH " + cli() + " -p " + quoted(db.conninfo()) + " -d " +
                             dataModule("python_seed").string();
    ASSERT_EQ(pum::test::runCommand(base + " install --max-version 1.0.0 -p srid 21781", out), 0) << out;
    EXPECT_EQ(db.scalar("SELECT obj_description('pum_pyseed_app.some_view'::regclass)"), "points in EPSG:21781");
    EXPECT_EQ(db.scalar("SELECT ST_SRID(geometry) FROM pum_pyseed_app.some_view"), "21781");
    ASSERT_EQ(pum::test::runCommand(base + " upgrade", out), 0) << out;
    EXPECT_THAT(out, HasSubstr("upgraded pum_pyseed from 1.0.0 to 1.0.1"));
    // The hook rebuilt the view from the upgraded table.
    EXPECT_EQ(db.scalar("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
                        "WHERE table_schema = 'pum_pyseed_app'"),
              "id,name,remark,geometry");
}

TEST_F(PythonHooks, CliPythonHookFailureShowsTracebackAndChangesNothing)
{
    TempDatabase db;
    TempDir dir;
    auto root = writeModule(dir, "        connection.execute('CREATE TABLE pyc.x (id int)')\n        raise RuntimeError('no luck')\n");
    const auto before = db.snapshot();
    std::string out;
    EXPECT_EQ(pum::test::runCommand(cli() + " -p " + quoted(db.conninfo()) + " -d " + root.string() + " install", out), 1);
    EXPECT_THAT(out, HasSubstr("hook.py:7: RuntimeError: no luck"));
    EXPECT_THAT(out, HasSubstr("Traceback (most recent call last)"));
    EXPECT_EQ(db.snapshot(), before);
}

TEST_F(PythonHooks, CliStartsWithoutPythonWhenNoModuleHookIsPython)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    std::string out;
    // A Python that cannot start: only modules with .py hooks may notice.
    const std::string env = "env PYTHONHOME=/nonexistent-python-home ";
    ASSERT_EQ(pum::test::runCommand(env + cli() + " -p " + quoted(db.conninfo()) + " -d " +
                                        dataModule("seed_module").string() + " install",
                                    out),
              0)
        << out;
    TempDatabase db2;
    const auto before = db2.snapshot();
    EXPECT_EQ(pum::test::runCommand(env + cli() + " -p " + quoted(db2.conninfo()) + " -d " +
                                        dataModule("python_seed").string() + " install",
                                    out),
              1);
    EXPECT_THAT(out, HasSubstr("post/create_view.py"));
    EXPECT_THAT(out, HasSubstr("Python"));
    EXPECT_EQ(db2.snapshot(), before);
}

TEST_F(PythonHooks, CliWithoutTheHooksLibrarySaysHowToGetIt)
{
    TempDatabase db;
    TempDir dir;
    // An install tree of pum without libpum_python_hooks.
    fs::create_directories(dir.path() / "bin");
    fs::create_directories(dir.path() / "lib");
    fs::copy_file(cli(), dir.path() / "bin" / "pum");
    for (const auto& entry : fs::directory_iterator(libraryDir()))
        if (entry.path().filename().string().rfind("libpum.so", 0) == 0)
            fs::copy(entry.path(), dir.path() / "lib" / entry.path().filename(), fs::copy_options::copy_symlinks);
    std::string out;
    EXPECT_EQ(pum::test::runCommand((dir.path() / "bin" / "pum").string() + " -p " + quoted(db.conninfo()) + " -d " +
                                        dataModule("python_seed").string() + " install",
                                    out),
              1);
    EXPECT_THAT(out, HasSubstr("built without Python hooks"));
    EXPECT_THAT(out, HasSubstr("python3-dev and pybind11-dev"));
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations')"), "");
}

TEST_F(PythonHooks, CliWithoutPsycopgSaysHowToInstallIt)
{
    TempDatabase db;
    TempDir dir;
    dir.write("fake/psycopg/__init__.py", "raise ImportError('psycopg is not here')\n");
    std::string out;
    EXPECT_EQ(pum::test::runCommand("env PYTHONPATH=" + (dir.path() / "fake").string() + " " + cli() + " -p " +
                                        quoted(db.conninfo()) + " -d " + dataModule("python_seed").string() + " install",
                                    out),
              1);
    EXPECT_THAT(out, HasSubstr("apt install python3-psycopg"));
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations')"), "");
}

TEST_F(PythonHooks, InProcessHookSeesUncommittedTablesAndCommitsWithTheRun)
{
    registerRunner();
    TempDatabase db;
    TempDir dir;
    auto root = writeModule(dir,
                            "        n = connection.execute('SELECT count(*) FROM pyc.t').fetchone()[0]\n"
                            "        self.execute('CREATE TABLE pyc.seen AS SELECT {n} AS n, ' + str(n) + ' AS rows')\n",
                            "self, connection, n: int", "parameters:\n  - name: n\n    type: integer\n    default: 7\n");
    auto c = db.connect();
    NullFeedback feedback;
    Upgrader(Config::load(root), c, feedback).install(noRoles());
    EXPECT_EQ(db.scalar("SELECT n || '/' || rows FROM pyc.seen"), "7/2");
    EXPECT_EQ(db.scalar("SELECT to_regclass('pyc.after_hook') IS NOT NULL"), "t");
}

TEST_F(PythonHooks, InProcessRefusedAndRudeHooksLeaveNothingAndKeepTheConnection)
{
    registerRunner();
    TempDatabase db;
    auto c = db.connect();
    NullFeedback feedback;
    const auto before = db.snapshot();
    const std::vector<std::pair<std::string, std::string>> cases = {
        // commit() is a checkpoint (accepted); a failing statement after it still rolls all back.
        {"        connection.commit()\n        connection.execute('SELECT 1/0')\n", "division by zero"},
        {"        connection.rollback()\n", "called connection.rollback(): the whole run is rolled back"},
        {"        connection.close()\n", "connection.close() is not allowed in a hook"},
        {"        connection.execute('COMMIT')\n", "transaction control (COMMIT)"},
        {"        import sys\n        sys.exit(0)\n", "sys.exit(0)"},
        {"        raise BaseException('out')\n", "BaseException: out"},
        {"        def f():\n            return f()\n        f()\n", "RecursionError"},
        {"        cur = connection.cursor()\n        cur.close()\n        cur.execute('SELECT 1')\n", "cursor is closed"},
    };
    for (const auto& [body, message] : cases) {
        TempDir dir;
        auto root = writeModule(dir, "        connection.execute('CREATE TABLE pyc.rude (id int)')\n" + body);
        try {
            Upgrader(Config::load(root), c, feedback).install(noRoles());
            ADD_FAILURE() << "no error for:\n" << body;
        } catch (const HookError& error) {
            EXPECT_THAT(error.what(), HasSubstr(message)) << body;
            EXPECT_THAT(error.what(), HasSubstr("hook.py:")) << body;
        }
        EXPECT_EQ(db.snapshot(), before) << body;
        EXPECT_FALSE(c.inTransaction()) << body;
    }
    // Same connection, still alive and owned by us: a good hook runs.
    TempDir dir;
    auto root = writeModule(dir, "        connection.execute('CREATE TABLE pyc.fine (id int)')\n");
    Upgrader(Config::load(root), c, feedback).install(noRoles());
    EXPECT_EQ(c.exec("SELECT to_regclass('pyc.fine') IS NOT NULL").value(0, 0), "t");
}

TEST_F(PythonHooks, InProcessUndeclaredParameterIsRefusedBeforeTheTransaction)
{
    registerRunner();
    TempDatabase db;
    TempDir dir;
    auto root = writeModule(dir, "        pass\n", "self, connection, srdi");
    auto c = db.connect();
    NullFeedback feedback;
    try {
        Upgrader(Config::load(root), c, feedback).install(noRoles());
        FAIL() << "undeclared parameter accepted";
    } catch (const HookError& error) {
        EXPECT_THAT(error.what(), HasSubstr("'srdi'"));
        EXPECT_THAT(error.what(), HasSubstr("not a parameter declared"));
    }
    EXPECT_EQ(db.scalar("SELECT to_regclass('pyc.t')"), "");
}

TEST_F(PythonHooks, InProcessLaterFailureRollsBackTheHooksWork)
{
    registerRunner();
    TempDatabase db;
    TempDir dir;
    auto root = writeModule(dir, "        connection.execute('CREATE TABLE pyc.from_hook AS SELECT * FROM pyc.t')\n");
    // The step after the hook fails: what the hook did must go too.
    dir.write("m/.pum.yaml", "pum:\n  module: pyc\nmigration_hooks:\n  post:\n    - file: hook.py\n"
                             "    - code: SELECT * FROM pyc.from_hook WHERE 1/0 = 1;\n");
    const auto before = db.snapshot();
    auto c = db.connect();
    NullFeedback feedback;
    EXPECT_THROW(Upgrader(Config::load(root), c, feedback).install(noRoles()), SqlError);
    EXPECT_EQ(db.snapshot(), before);
}

TEST_F(PythonHooks, CliMissingDependencySaysWhichAndHowToInstall)
{
    TempDatabase db;
    TempDir dir;
    auto root = writeModule(dir, "        pass\n", "self, connection",
                            "dependencies:\n  - name: pum_missing_dep\n    minimum_version: 1.2\n"
                            "  - name: psycopg\n    maximum_version: 2.0\n");
    std::string out;
    // pip gets to try (no index: it fails at once, network or not) and says why it could not.
    EXPECT_EQ(pum::test::runCommand("env PIP_NO_INDEX=1 " + cli() + " -p " + quoted(db.conninfo()) + " -d " +
                                        root.string() + " install",
                                    out),
              1);
    EXPECT_THAT(out, ::testing::AnyOf(HasSubstr("pip could not install them"), HasSubstr("pip is not available")));
    EXPECT_THAT(out, HasSubstr(".pum.yaml:4: Python package 'pum_missing_dep' is required by the module's hooks but "
                               "is not installed; install it with `apt install python3-pum-missing-dep` or "
                               "`pip install 'pum_missing_dep>=1.2'`"));
    EXPECT_THAT(out, HasSubstr("Python package 'psycopg' 3."));
    EXPECT_THAT(out, HasSubstr("is newer than the maximum 2.0"));
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations')"), "");
}

namespace {
// Everything a command reports, in order.
class CommandRecorder : public Feedback {
public:
    struct Report {
        std::size_t done, total;
        std::string current;
    };
    void log(Level level, const std::string& message) override { logs.emplace_back(level, message); }
    void progress(std::size_t done, std::size_t total, const std::string& current) override
    {
        reports.push_back({done, total, current});
    }
    std::size_t countLogs(Level level, const std::string& part) const
    {
        std::size_t n = 0;
        for (const auto& [l, m] : logs) n += l == level && m.find(part) != std::string::npos;
        return n;
    }
    std::vector<std::pair<Level, std::string>> logs;
    std::vector<Report> reports;
};
}  // namespace

// Install with demo data of the generated big module: one bar that never goes
// back and moves inside the Python hook; one summary line per file with its
// notices counted, the notices themselves at debug level; each hook logged once.
TEST_F(PythonHooks, InProcessOneBarAndOneLinePerFileThroughInstallAndDemoData)
{
    registerRunner();
    TempDatabase db;
    TempDir dir;
    pum::test::BigModuleShape shape;
    shape.files = 10;
    shape.hookStatements = 120;
    shape.hookSeconds = 0.6;
    pum::test::writeBigModule(dir.path(), shape);
    auto c = db.connect();
    CommandRecorder recorder;
    InstallOptions options = noRoles();
    options.demoData = "Sample data";
    Upgrader(Config::load(dir.path()), c, recorder).install(options);

    ASSERT_FALSE(recorder.reports.empty());
    const std::size_t total = recorder.reports.front().total;
    std::size_t before = 0, insideHook = 0;
    for (const auto& r : recorder.reports) {
        EXPECT_EQ(r.total, total) << r.current;
        EXPECT_GE(r.done, before) << "went back at " << r.current;
        if (r.current.find("create_app.py: ") != std::string::npos && r.done > before) ++insideHook;
        before = r.done;
    }
    EXPECT_EQ(recorder.reports.back().done, total);
    EXPECT_GE(insideHook, 4u) << "the bar stood still through the Python hook";

    using Level = Feedback::Level;
    EXPECT_EQ(recorder.countLogs(Level::Info, "001_table.sql: 20 statements in "), 1u);
    EXPECT_EQ(recorder.countLogs(Level::Info, ", 4 server notices"), 10u) << "each file's notices, counted on its line";
    // 10 files x 4 notices, the hook's 119 DROP VIEW IF EXISTS twice (install and demo data),
    // and the drop hook's DROP SCHEMA IF EXISTS at install.
    EXPECT_EQ(recorder.countLogs(Level::Debug, "server: NOTICE:"), 10u * 4 + 2 * 119 + 1);
    EXPECT_EQ(recorder.countLogs(Level::Info, "create_app.py: 120 statements in "), 2u);
    EXPECT_EQ(recorder.countLogs(Level::Info, "119 server notices"), 2u);
    EXPECT_EQ(recorder.countLogs(Level::Debug, "create_app.py"), 2u) << "each run of the hook is logged once";
    EXPECT_EQ(db.scalar("SELECT count(*) FROM big_data.t0"), "17");
}
