// pum test-upgrade: an upgrade that does not give a fresh install's schema is
// caught (exit 1, the object named), a correct one passes, both scratch
// databases are gone afterwards whatever happened, and the source database
// is never changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <csignal>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "pum/module/config.h"
#include "pum/tools/dumper.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/run/test_upgrade.h"
#include "pum/run/upgrader.h"
#include "cli_process.h"
#include "test_support.h"

using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace {

// released: 1.0.0 as installed in the source; edited: the same module whose
// 1.0.0 its author later gave an index; broken: its 1.1.0 fails.
std::string moduleDir(const std::string& variant)
{
    return (pum::test::sourceDir() / "tests" / "data" / ("test_upgrade_" + variant)).string();
}

// The source: the released 1.0.0 installed with a non-default srid, so that
// a fresh install taking the default instead of the stored value would differ.
void installReleased(const TempDatabase& db)
{
    auto c = db.connect();
    pum::NullFeedback feedback;
    const auto config = pum::Config::load(moduleDir("released"));
    pum::Upgrader upgrader(config, c, feedback);
    pum::InstallOptions options;
    options.maxVersion = pum::Version::parse("1.0.0");
    options.parameters = pum::parseParameterArguments(config, {{"srid", "21781"}});
    upgrader.install(options);
}

// What "never modified" means: its pg_dump --schema-only and its migration table.
std::string sourceState(const TempDatabase& db)
{
    auto c = db.connect();
    const int major = std::stoi(c.exec("SHOW server_version_num").value(0, 0)) / 10000;
    std::string out;
    const int rc = pum::test::runCommand(
        pum::findPgTool("pg_dump", major).string() + " --schema-only -d '" + db.conninfo() + "' 2>&1", out);
    if (rc != 0) throw std::runtime_error("pg_dump failed: " + out);
    std::string kept, line;
    std::istringstream lines(out);
    while (std::getline(lines, line))  // pg_dump's \restrict key is new at each run
        if (line.rfind("\\restrict ", 0) != 0 && line.rfind("\\unrestrict ", 0) != 0) kept += line + "\n";
    return kept + db.scalar("SELECT string_agg(row_to_json(m)::text, E'\\n' ORDER BY id) FROM public.pum_migrations m");
}

bool databaseExists(const TempDatabase& db, const std::string& name)
{
    return db.scalar("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'") == "1";
}

// The scratch databases a run named in its messages.
std::set<std::string> scratchNames(const std::string& text)
{
    static const std::regex name("pum_test_upgrade_[0-9]+_[0-9]+_(upgraded|fresh)");
    std::set<std::string> out;
    for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) out.insert(it->str());
    return out;
}

struct CliRun {
    int code;
    std::string out, err;
};

CliRun testUpgradeCli(const TempDatabase& db, const std::string& variant, std::vector<std::string> extra = {})
{
    std::vector<std::string> args = {"-p", db.conninfo(), "-d", moduleDir(variant), "test-upgrade"};
    args.insert(args.end(), extra.begin(), extra.end());
    pum::test::CliProcess process(args);
    const int code = process.wait(std::chrono::minutes(2));
    return {code, process.out(), process.err()};
}

// Info messages kept (they name the scratch databases); cancels once `trigger` is logged.
class RecordingFeedback : public pum::Feedback {
public:
    explicit RecordingFeedback(std::string trigger = {}) : trigger_(std::move(trigger)) {}
    void log(Level, const std::string& message) override
    {
        text += message + "\n";
        if (!trigger_.empty() && message.find(trigger_) != std::string::npos) cancelled_ = true;
    }
    bool isCancelled() const override { return cancelled_; }
    std::string text;

private:
    std::string trigger_;
    bool cancelled_ = false;
};

}  // namespace

TEST(TestUpgrade, UpgradeThatMissesAnIndexOfTheFreshInstallIsCaught)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);

    const CliRun run = testUpgradeCli(db, "edited", {"--json"});
    ASSERT_EQ(run.code, 1) << run.err;
    const auto report = nlohmann::json::parse(run.out);
    EXPECT_EQ(report["passed"], false);
    EXPECT_EQ(report["copy_method"], "template");
    EXPECT_EQ(report["from"], "1.0.0");
    EXPECT_EQ(report["to"], "1.1.0");
    EXPECT_EQ(report["difference_count"], 1);
    std::vector<std::string> differing;
    for (const auto& check : report["comparison"]["check_results"])
        if (check["difference_count"] != 0) differing.push_back(check["key"]);
    EXPECT_EQ(differing, std::vector<std::string>{"indexes"});
    EXPECT_THAT(run.out, HasSubstr("pipe_name_idx"));

    EXPECT_FALSE(databaseExists(db, report["upgraded_database"]));
    EXPECT_FALSE(databaseExists(db, report["fresh_database"]));
    EXPECT_EQ(sourceState(db), before);
}

TEST(TestUpgradeCli, CorrectModulePassesWithTheStoredParametersAndTextReport)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);

    const CliRun run = testUpgradeCli(db, "released");
    ASSERT_EQ(run.code, 0) << run.out << run.err;
    EXPECT_THAT(run.out, HasSubstr("from 1.0.0 to 1.1.0"));
    EXPECT_THAT(run.out, HasSubstr("OK: no differences"));
    const auto names = scratchNames(run.err);
    ASSERT_EQ(names.size(), 2u) << run.err;
    for (const auto& name : names) EXPECT_FALSE(databaseExists(db, name)) << name;
    EXPECT_EQ(sourceState(db), before);
}

TEST(TestUpgrade, SourceInUseIsCopiedByDumpAndRestore)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);
    auto user = db.connect();  // another session on the source: no TEMPLATE copy

    RecordingFeedback feedback;
    const auto report = pum::testUpgrade(pum::Config::load(moduleDir("edited")), db.conninfo(), db.conninfo(),
                                         pum::TestUpgradeOptions{}, feedback);
    EXPECT_EQ(report.copyMethod, "dump and restore");
    EXPECT_FALSE(report.passed());
    EXPECT_EQ(report.comparison.differenceCount(), 1u);
    EXPECT_FALSE(databaseExists(db, report.upgradedName));
    EXPECT_FALSE(databaseExists(db, report.freshName));
    EXPECT_EQ(sourceState(db), before);
}

TEST(TestUpgradeCli, FailingUpgradeExitsOneWithItsMessageAndDropsTheCopy)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);

    const CliRun run = testUpgradeCli(db, "broken");
    ASSERT_EQ(run.code, 1) << run.err;
    EXPECT_THAT(run.err, HasSubstr("no_such_table"));
    const auto names = scratchNames(run.err);
    ASSERT_FALSE(names.empty()) << run.err;
    for (const auto& name : names) EXPECT_FALSE(databaseExists(db, name)) << name;
    EXPECT_EQ(sourceState(db), before);
}

TEST(TestUpgrade, CancelledDuringTheFreshInstallDropsBothScratchDatabases)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);

    RecordingFeedback feedback("fresh into");  // cancels once the fresh database exists
    EXPECT_THROW(pum::testUpgrade(pum::Config::load(moduleDir("released")), db.conninfo(), db.conninfo(),
                                  pum::TestUpgradeOptions{}, feedback),
                 pum::CancelledError);
    const auto names = scratchNames(feedback.text);
    ASSERT_EQ(names.size(), 2u) << feedback.text;
    for (const auto& name : names) EXPECT_FALSE(databaseExists(db, name)) << name;
    EXPECT_EQ(sourceState(db), before);
}

namespace {

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The scratch database where a backend runs `pg_sleep(20)` ("" after 30 s).
std::string sleepingScratchDatabase()
{
    auto watcher = pum::Connection::open(pum::test::conninfo("postgres"));
    for (int i = 0; i < 1500; ++i) {
        auto r = watcher.exec("SELECT datname FROM pg_stat_activity WHERE datname LIKE 'pum\\_test\\_upgrade\\_%' "
                              "AND query LIKE '%pg_sleep(20)%' AND state = 'active'");
        if (r.rows() > 0) return r.value(0, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return {};
}

}  // namespace

TEST(TestUpgradeCli, CtrlCDuringTheUpgradeDropsTheCopy)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);
    // The released module whose 1.1.0 waits, so that Ctrl-C arrives mid-upgrade.
    TempDir dir;
    const std::filesystem::path released = moduleDir("released");
    dir.write(".pum.yaml", fileText(released / ".pum.yaml"));
    dir.write("changelogs/1.0.0/01_pipe.sql", fileText(released / "changelogs/1.0.0/01_pipe.sql"));
    dir.write("changelogs/1.1.0/01_wait.sql", "SELECT pg_sleep(20);\n");

    pum::test::CliProcess process({"-p", db.conninfo(), "-d", dir.path().string(), "test-upgrade"});
    const std::string copy = sleepingScratchDatabase();
    ASSERT_FALSE(copy.empty()) << process.err();
    process.signal(SIGINT);
    EXPECT_EQ(process.wait(std::chrono::seconds(15)), 130) << process.err();
    EXPECT_FALSE(databaseExists(db, copy));
    EXPECT_EQ(sourceState(db), before);
}

namespace {

// A second throwaway cluster (tests/support/pg_test_cluster.sh), stopped at destruction.
class SecondCluster {
public:
    SecondCluster()
    {
        std::string out;
        if (pum::test::runCommand(script() + " start " + env_.string() + " 2>&1", out) != 0)
            throw std::runtime_error("cannot start a second cluster: " + out);
        std::ifstream in(env_);
        std::string line, host, port;
        while (std::getline(in, line)) {
            if (line.rfind("PGHOST=", 0) == 0) host = line.substr(7);
            if (line.rfind("PGPORT=", 0) == 0) port = line.substr(7);
        }
        conninfo_ = "host=" + host + " port=" + port + " user=postgres dbname=postgres";
    }
    ~SecondCluster()
    {
        std::string ignored;
        pum::test::runCommand(script() + " stop " + env_.string() + " 2>&1", ignored);
    }
    const std::string& conninfo() const { return conninfo_; }

private:
    static std::string script() { return (pum::test::sourceDir() / "tests" / "support" / "pg_test_cluster.sh").string(); }
    TempDir dir_;
    std::filesystem::path env_ = dir_.path() / "cluster.env";
    std::string conninfo_;
};

}  // namespace

TEST(TestUpgradeCli, ScratchOnAnotherServerCopiesByDumpAndDropsThereToo)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db(false);
    installReleased(db);
    const std::string before = sourceState(db);
    SecondCluster other;

    const CliRun run = testUpgradeCli(db, "edited", {"--json", "--scratch", other.conninfo()});
    ASSERT_EQ(run.code, 1) << run.err;
    const auto report = nlohmann::json::parse(run.out);
    EXPECT_EQ(report["copy_method"], "dump and restore");
    EXPECT_EQ(report["difference_count"], 1);
    EXPECT_THAT(run.err, HasSubstr(" into " + report["upgraded_database"].get<std::string>() + " on "));
    auto server = pum::Connection::open(other.conninfo());
    EXPECT_EQ(server.exec("SELECT count(*) FROM pg_database WHERE datname LIKE 'pum\\_test\\_upgrade\\_%'").value(0, 0),
              "0");
    EXPECT_FALSE(databaseExists(db, report["upgraded_database"]));
    EXPECT_EQ(sourceState(db), before);
}
