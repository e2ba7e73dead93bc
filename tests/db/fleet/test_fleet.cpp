// `pum fleet` and the core's FleetRunner over many real databases of the
// test cluster: failures stay in their database, parallel runs give the
// sequential results, cancellation rolls back, discovery finds the module.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_process.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/feedback.h"
#include "pum/fleet/fleet.h"
#include "pum/run/migration_table.h"
#include "pum/run/upgrader.h"
#include "test_support.h"

using namespace pum;
using pum::test::CliProcess;
using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

namespace {

fs::path dataModule(const std::string& name) { return pum::test::sourceDir() / "tests" / "data" / name; }

// The current_module (SQL hooks only) installed at `version`.
void installAt(const TempDatabase& db, const fs::path& module, const std::string& version)
{
    Connection connection = db.connect();
    NullFeedback feedback;
    Upgrader upgrader(Config::load(module), connection, feedback);
    InstallOptions options;
    options.skipRoles = true;
    options.skipGrant = true;
    options.maxVersion = Version::parse(version);
    upgrader.install(options);
}

// A table that 1.9.0 of current_module creates: that database's upgrade fails.
void breakUpgrade(const TempDatabase& db)
{
    Connection connection = db.connect();
    connection.exec("CREATE TABLE pum_current_data.maintenance (conflicting int)");
}

std::string installedVersion(const TempDatabase& db)
{
    Connection connection = db.connect();
    const auto latest = MigrationTable(connection, "public").latest();
    return latest ? latest->versionText : "";
}

std::vector<std::unique_ptr<TempDatabase>> databases(std::size_t count)
{
    std::vector<std::unique_ptr<TempDatabase>> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(std::make_unique<TempDatabase>());
    return out;
}

std::vector<FleetTarget> targetsOf(const std::vector<std::unique_ptr<TempDatabase>>& dbs)
{
    std::vector<FleetTarget> targets;
    for (const auto& db : dbs) targets.push_back(FleetTarget{db->conninfo(), db->name()});
    return targets;
}

FleetOptions upgradeOptions(unsigned jobs, FleetCommand command = FleetCommand::Upgrade)
{
    FleetOptions options;
    options.command = command;
    options.jobs = jobs;
    options.upgrade.skipRoles = true;
    options.upgrade.skipGrant = true;
    return options;
}

nlohmann::json readJson(const fs::path& file) { return nlohmann::json::parse(pum::test::readFile(file)); }

constexpr auto kLimit = std::chrono::seconds(120);

}  // namespace

TEST(FleetCli, OneBrokenDatabaseAmongTenFailsAloneAndExitsOne)
{
    PUM_TEST_NEEDS_POSTGIS();
    const fs::path module = dataModule("current_module");
    auto dbs = databases(10);
    for (auto& db : dbs) installAt(*db, module, "1.1.0");
    breakUpgrade(*dbs[3]);
    const std::string brokenBefore = dbs[3]->snapshot();

    TempDir dir;
    std::string list = "# the fleet\n\n";
    for (auto& db : dbs) list += "  " + db->conninfo() + "\n";
    const fs::path targets = dir.write("targets.txt", list);
    const fs::path report = dir.path() / "report.json";
    CliProcess pum({"-d", module.string(), "fleet", "upgrade", "--targets", targets.string(), "--jobs", "4",
                    "--skip-roles", "--skip-grant", "-o", report.string()});
    ASSERT_EQ(pum.wait(kLimit), 1) << pum.err();

    // A progress line per database, then the summary.
    for (auto& db : dbs) EXPECT_THAT(pum.err(), HasSubstr("dbname=" + db->name() + ": "));
    EXPECT_THAT(pum.err(), HasSubstr("/10] "));
    EXPECT_THAT(pum.out(), HasSubstr("10 databases: 9 upgraded, 1 failed"));

    const auto j = readJson(report);
    EXPECT_EQ(j["command"], "upgrade");
    EXPECT_EQ(j["failed"], true);
    EXPECT_EQ(j["counts"]["upgraded"], 9);
    EXPECT_EQ(j["counts"]["failed"], 1);
    ASSERT_EQ(j["databases"].size(), 10u);
    for (std::size_t i = 0; i < dbs.size(); ++i) {
        const auto& d = j["databases"][i];
        EXPECT_EQ(d["database"], dbs[i]->name());
        EXPECT_EQ(d["from"], "1.1.0");
        if (i == 3) {
            EXPECT_EQ(d["result"], "failed");
            EXPECT_EQ(d["to"], nullptr);
            EXPECT_THAT(d["message"].get<std::string>(), HasSubstr("01_maintenance.sql:1"));
            EXPECT_THAT(d["message"].get<std::string>(), HasSubstr("already exists"));
            EXPECT_EQ(installedVersion(*dbs[i]), "1.1.0");
        } else {
            EXPECT_EQ(d["result"], "upgraded") << d["message"];
            EXPECT_EQ(d["to"], "1.10.0");
            EXPECT_EQ(d["versions"], nlohmann::json::array({"1.2.0", "1.9.0", "1.10.0"}));
            EXPECT_EQ(installedVersion(*dbs[i]), "1.10.0");
        }
    }
    EXPECT_EQ(dbs[3]->snapshot(), brokenBefore);
}

TEST(Fleet, ParallelRunGivesTheSequentialResults)
{
    PUM_TEST_NEEDS_POSTGIS();
    const fs::path module = dataModule("current_module");
    const Config config = Config::load(module);
    // Two identical fleets: versions 1.0.0, 1.1.0, 1.10.0 and a broken 1.1.0.
    const std::vector<std::string> versions = {"1.0.0", "1.1.0", "1.10.0", "1.1.0", "1.0.0"};
    std::vector<FleetReport> reports;
    std::vector<std::vector<std::string>> after;
    for (unsigned jobs : {1u, 4u}) {
        auto dbs = databases(versions.size());
        for (std::size_t i = 0; i < dbs.size(); ++i) installAt(*dbs[i], module, versions[i]);
        breakUpgrade(*dbs[3]);
        FleetRunner runner(config, targetsOf(dbs));
        FleetObserver observer;
        reports.push_back(runner.run(upgradeOptions(jobs), observer));
        after.emplace_back();
        for (auto& db : dbs) after.back().push_back(installedVersion(*db));
    }
    const auto& sequential = reports[0];
    const auto& parallel = reports[1];
    EXPECT_EQ(sequential.jobs, 1u);
    EXPECT_EQ(parallel.jobs, 4u);
    ASSERT_EQ(parallel.results.size(), sequential.results.size());
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& a = sequential.results[i];
        const auto& b = parallel.results[i];
        EXPECT_EQ(toString(a.status), std::string(toString(b.status))) << i << ": " << b.message;
        EXPECT_EQ(a.from, b.from) << i;
        EXPECT_EQ(a.to, b.to) << i;
        EXPECT_EQ(a.versions, b.versions) << i;
        EXPECT_EQ(a.statements, b.statements) << i;
    }
    EXPECT_EQ(after[0], after[1]);
    EXPECT_EQ(after[1], (std::vector<std::string>{"1.10.0", "1.10.0", "1.10.0", "1.1.0", "1.10.0"}));
    EXPECT_EQ(parallel.results[2].status, FleetStatus::UpToDate);
    EXPECT_EQ(parallel.results[3].status, FleetStatus::Failed);
    EXPECT_EQ(parallel.count(FleetStatus::Upgraded), 3u);
}

TEST(FleetCli, InfoOverSeveralShowsEachAndHidesPasswords)
{
    PUM_TEST_NEEDS_POSTGIS();
    const fs::path module = dataModule("current_module");
    TempDatabase older, newest, empty;
    installAt(older, module, "1.1.0");
    installAt(newest, module, "1.10.0");
    const std::string unreachable = "host=127.0.0.1 port=1 dbname=nowhere password=s3cr3t-pw connect_timeout=2";
    CliProcess pum({"-d", module.string(), "fleet", "info", older.conninfo(), newest.conninfo(), empty.conninfo(),
                    unreachable, "-j", "3"});
    ASSERT_EQ(pum.wait(kLimit), 1) << pum.err();  // the unreachable one failed
    const std::string out = pum.out();
    EXPECT_THAT(out, HasSubstr("database"));
    EXPECT_THAT(out, HasSubstr("upgrade pending"));
    EXPECT_THAT(out, HasSubstr("pending: 1.2.0, 1.9.0, 1.10.0"));
    EXPECT_THAT(out, HasSubstr("up to date"));
    EXPECT_THAT(out, HasSubstr("not installed"));
    EXPECT_THAT(out, HasSubstr("4 databases: 1 up to date, 1 upgrade pending, 1 not installed, 1 failed"));
    EXPECT_THAT(out + pum.err(), Not(HasSubstr("s3cr3t-pw")));
    EXPECT_THAT(out, HasSubstr("password=****"));
    // Information only: nothing changed.
    EXPECT_EQ(installedVersion(older), "1.1.0");

    // The same as HTML, escaped, password hidden too.
    CliProcess html({"-d", module.string(), "fleet", "info", older.conninfo(), unreachable, "--format", "html"});
    ASSERT_EQ(html.wait(kLimit), 1) << html.err();
    EXPECT_THAT(html.out(), HasSubstr("<tr class=\"upgrade_pending\">"));
    EXPECT_THAT(html.out(), HasSubstr("<tr class=\"failed\">"));
    EXPECT_THAT(html.out(), Not(HasSubstr("s3cr3t-pw")));
}

TEST(Fleet, AllDatabasesFindsThoseHoldingTheModule)
{
    PUM_TEST_NEEDS_POSTGIS();
    const fs::path module = dataModule("current_module");
    const Config config = Config::load(module);
    TempDatabase first, second, empty, other;
    installAt(first, module, "1.0.0");
    installAt(second, module, "1.10.0");
    {
        // Another module's migration table in the same schema.
        TempDir dir;
        dir.write("m/.pum.yaml", "pum:\n  module: someone_else\n");
        dir.write("m/changelogs/1.0.0/01.sql", "CREATE TABLE public.someone_else (id int);\n");
        installAt(other, dir.path() / "m", "1.0.0");
    }
    // Only this process's databases: others' may be copied as templates meanwhile.
    const std::string mine = "pumtest_" + std::to_string(getpid()) + "_%";
    const FleetDiscovery found = discoverFleet(pum::test::conninfo("postgres"), config, mine);
    auto listed = [&](const TempDatabase& db) {
        for (const auto& target : found.targets)
            if (target.label == db.name()) return true;
        return false;
    };
    EXPECT_TRUE(listed(first));
    EXPECT_TRUE(listed(second));
    EXPECT_FALSE(listed(empty));
    EXPECT_FALSE(listed(other));
    bool otherSkipped = false;
    for (const auto& [database, why] : found.skipped)
        if (database == other.name()) otherSkipped = why.find("someone_else") != std::string::npos;
    EXPECT_TRUE(otherSkipped);
    // Each found target connects to its own database.
    for (const auto& target : found.targets) {
        if (target.label != first.name()) continue;
        Connection connection = Connection::open(target.spec);
        EXPECT_EQ(connection.databaseName(), first.name());
    }

    // Through the CLI.
    CliProcess pum({"-p", pum::test::conninfo("postgres"), "-d", module.string(), "fleet", "info", "--all-databases",
                    "--database-pattern", mine, "--json"});
    ASSERT_EQ(pum.wait(kLimit), 0) << pum.err();
    const auto j = nlohmann::json::parse(pum.out());
    std::map<std::string, std::string> results;
    for (const auto& d : j["databases"]) results[d["database"]] = d["result"];
    EXPECT_EQ(results[first.name()], "upgrade_pending");
    EXPECT_EQ(results[second.name()], "up_to_date");
    EXPECT_EQ(results.count(empty.name()), 0u);
    EXPECT_EQ(results.count(other.name()), 0u);
    EXPECT_THAT(pum.err(), HasSubstr("skipped " + other.name()));
}

TEST(Fleet, DryRunReportsAndChangesNothing)
{
    PUM_TEST_NEEDS_POSTGIS();
    const fs::path module = dataModule("current_module");
    auto dbs = databases(2);
    for (auto& db : dbs) installAt(*db, module, "1.1.0");
    const std::string before = dbs[0]->snapshot();
    FleetRunner runner(Config::load(module), targetsOf(dbs));
    FleetObserver observer;
    const FleetReport report = runner.run(upgradeOptions(2, FleetCommand::DryRun), observer);
    for (const auto& result : report.results) {
        EXPECT_EQ(result.status, FleetStatus::WouldUpgrade) << result.message;
        EXPECT_EQ(result.to, Version::parse("1.10.0"));
        EXPECT_EQ(result.versions.size(), 3u);
        ASSERT_TRUE(result.dryRun.has_value());
        EXPECT_GT(result.dryRun->schemaChanges.differenceCount(), 0u);
    }
    EXPECT_EQ(dbs[0]->snapshot(), before);
    EXPECT_EQ(installedVersion(*dbs[1]), "1.1.0");
    EXPECT_FALSE(report.anyFailed());
}

namespace {

// Cancels the whole run as soon as the first database is done.
class CancelAfterFirst : public FleetObserver {
public:
    explicit CancelAfterFirst(FleetRunner& runner) : runner_(runner) {}
    void finished(std::size_t, const FleetResult&) override { runner_.cancel(); }

private:
    FleetRunner& runner_;
};

}  // namespace

TEST(Fleet, CancelOneOrAllRollsBack)
{
    PUM_TEST_NEEDS_POSTGIS();
    const fs::path module = dataModule("current_module");
    const Config config = Config::load(module);
    auto dbs = databases(3);
    for (auto& db : dbs) installAt(*db, module, "1.1.0");
    {
        // One database cancelled before the run: the others go on.
        FleetRunner runner(config, targetsOf(dbs));
        runner.cancel(1);
        FleetObserver observer;
        const FleetReport report = runner.run(upgradeOptions(1), observer);
        EXPECT_EQ(report.results[0].status, FleetStatus::Upgraded);
        EXPECT_EQ(report.results[1].status, FleetStatus::Cancelled);
        EXPECT_EQ(report.results[2].status, FleetStatus::Upgraded);
        EXPECT_EQ(installedVersion(*dbs[1]), "1.1.0");
        EXPECT_TRUE(report.anyCancelled());
    }
    {
        // Everything cancelled after the first: the rest never start.
        auto more = databases(3);
        for (auto& db : more) installAt(*db, module, "1.1.0");
        FleetRunner runner(config, targetsOf(more));
        CancelAfterFirst observer(runner);
        const FleetReport report = runner.run(upgradeOptions(1), observer);
        EXPECT_EQ(report.results[0].status, FleetStatus::Upgraded);
        EXPECT_EQ(report.results[1].status, FleetStatus::Cancelled);
        EXPECT_EQ(report.results[2].status, FleetStatus::Cancelled);
        EXPECT_EQ(installedVersion(*more[2]), "1.1.0");
    }
}

TEST(FleetCli, CtrlCCancelsEveryDatabase)
{
    TempDir dir;
    dir.write("m/.pum.yaml", "pum:\n  module: slow_fleet\n");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE TABLE public.slow_fleet (id int);\n");
    dir.write("m/changelogs/1.1.0/01.sql", "ALTER TABLE public.slow_fleet ADD COLUMN x int;\nSELECT pg_sleep(30);\n");
    const fs::path module = dir.path() / "m";
    auto dbs = databases(3);
    for (auto& db : dbs) installAt(*db, module, "1.0.0");
    std::vector<std::string> args = {"-d", module.string(), "fleet", "upgrade", "-j", "3"};
    for (auto& db : dbs) args.push_back(db->conninfo());
    CliProcess pum(args);
    // Strike once every database sleeps inside its upgrade.
    Connection watcher = Connection::open(pum::test::conninfo("postgres"));
    bool sleeping = false;
    for (int i = 0; i < 400 && !sleeping; ++i) {
        auto r = watcher.exec("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%' "
                              "AND state = 'active' AND datname LIKE 'pumtest_" + std::to_string(getpid()) + "_%'");
        sleeping = std::stoi(r.value(0, 0)) >= 3;
        if (!sleeping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(sleeping) << pum.err();
    pum.signal(SIGINT);
    EXPECT_EQ(pum.wait(std::chrono::seconds(20)), 130) << pum.err();
    EXPECT_THAT(pum.out(), HasSubstr("3 databases: 3 cancelled"));
    for (auto& db : dbs) {
        EXPECT_EQ(installedVersion(*db), "1.0.0");
        EXPECT_EQ(db->scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'slow_fleet'"), "1");
    }
}

namespace {

bool pythonHooksBuilt()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&pum::toolVersion), &info) == 0 || !info.dli_fname) return false;
    return fs::exists(fs::canonical(info.dli_fname).parent_path() / "libpum_python_hooks.so");
}

}  // namespace

TEST(FleetCli, PythonHooksRunOneAtATimeInParallelFleets)
{
    if (!pythonHooksBuilt()) GTEST_SKIP() << "this build has no Python hooks (python3-dev / pybind11-dev missing)";
    // The hook refuses to run while another one runs: it marks itself busy in
    // a file, then waits on the server (which releases the GIL).
    TempDir dir;
    dir.write("m/.pum.yaml", "pum:\n  module: py_fleet\n"
                             "migration_hooks:\n  post:\n    - file: hook.py\n");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE TABLE public.py_fleet (id int);\n");
    dir.write("m/changelogs/1.1.0/01.sql", "ALTER TABLE public.py_fleet ADD COLUMN x int;\n");
    dir.write("m/hook.py",
              "import os\nfrom pum import HookBase\n\nBUSY = os.path.join(os.path.dirname(__file__), 'busy')\n\n\n"
              "class Hook(HookBase):\n    def run_hook(self, connection):\n"
              "        if os.path.exists(BUSY):\n            raise RuntimeError('two hooks at once')\n"
              "        open(BUSY, 'w').close()\n        try:\n            self.execute('SELECT pg_sleep(0.3)')\n"
              "        finally:\n            os.remove(BUSY)\n");
    const fs::path module = dir.path() / "m";
    auto dbs = databases(4);
    for (auto& db : dbs) {
        CliProcess one({"-p", db->conninfo(), "-d", module.string(), "install", "--max-version", "1.0.0"});
        ASSERT_EQ(one.wait(kLimit), 0) << one.err();
    }
    std::vector<std::string> args = {"-d", module.string(), "fleet", "upgrade", "-j", "4", "--json"};
    for (auto& db : dbs) args.push_back(db->conninfo());
    CliProcess pum(args);
    ASSERT_EQ(pum.wait(kLimit), 0) << pum.out() << pum.err();
    const auto j = nlohmann::json::parse(pum.out());
    EXPECT_EQ(j["python_hooks_serialized"], true);
    EXPECT_EQ(j["counts"]["upgraded"], 4);
}
