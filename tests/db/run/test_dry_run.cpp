// install/upgrade --dry-run: the whole run in its transaction, reported, then
// rolled back: the schema and every row are as they were, and the report
// lists exactly what the run changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pum/module/config.h"
#include "pum/tools/dumper.h"
#include "pum/base/feedback.h"
#include "pum/run/upgrader.h"
#include "cli_process.h"
#include "db_state.h"
#include "dry_run_module.h"
#include "test_support.h"

using pum::test::TempDatabase;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

std::string moduleDir() { return pum::test::dryRunModuleDir(); }

struct CliRun {
    int code;
    std::string out, err;
};

// `pum -p DB -d MODULE args...`, its stdout and stderr apart.
CliRun pum_(const TempDatabase& db, std::vector<std::string> args)
{
    args.insert(args.begin(), {"-p", db.conninfo(), "-d", moduleDir()});
    pum::test::CliProcess process(args);
    const int code = process.wait(std::chrono::minutes(2));
    return {code, process.out(), process.err()};
}

using pum::test::schemaDump;
using pum::test::tableRows;

// The database at 1.0.0 with three rows in full_table, empty_table empty.
void installOneZero(const TempDatabase& db) { pum::test::installDryRunModuleOneZero(db, {" a ", "b", "c"}); }

using Change = std::tuple<std::string, std::string, std::string>;  // kind, type, object

std::set<Change> changesOf(const nlohmann::json& report)
{
    std::set<Change> out;
    for (const auto& c : report["schema_changes"])
        out.insert({c["kind"].get<std::string>(), c["type"].get<std::string>(), c["object"].get<std::string>()});
    return out;
}

const std::set<Change> kExpectedUpgradeChanges = {
    {"tables", "added", "pum_dry_run.added_table"},
    {"columns", "added", "pum_dry_run.added_table.id"},
    {"columns", "added", "pum_dry_run.empty_table.note"},
    {"columns", "added", "pum_dry_run.full_table.kind"},
    {"columns", "added", "pum_dry_run.vw_full.kind"},
    {"constraints", "added", "pum_dry_run.added_table.added_table_pkey"},
    {"constraints", "added", "pum_dry_run.full_table.full_table_name_not_empty"},
    {"views", "changed", "pum_dry_run.vw_full"},
    {"indexes", "added", "pum_dry_run.added_table.added_table_pkey"},
    {"indexes", "added", "pum_dry_run.full_table.full_table_name_idx"},
    {"triggers", "added", "pum_dry_run.full_table.full_table_touch"},
    {"functions", "added", "pum_dry_run.touch()"},
};

}  // namespace

TEST(DryRun, UpgradeReportsExactlyTheChangesAndLeavesSchemaAndRowsAsTheyWere)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db;
    installOneZero(db);
    const std::string schemaBefore = schemaDump(db);
    const std::string rowsBefore = tableRows(db);

    const CliRun dry = pum_(db, {"upgrade", "--dry-run", "--json", "--lock-warning", "0"});
    ASSERT_EQ(dry.code, 0) << dry.err;
    const auto report = nlohmann::json::parse(dry.out);

    EXPECT_EQ(schemaDump(db), schemaBefore);
    EXPECT_EQ(tableRows(db), rowsBefore);
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0");

    EXPECT_EQ(report["dry_run"], true);
    EXPECT_EQ(report["from"], "1.0.0");
    EXPECT_EQ(report["to"], "1.1.0");
    EXPECT_EQ(report["versions"], nlohmann::json::array({"1.1.0"}));
    EXPECT_EQ(changesOf(report), kExpectedUpgradeChanges);

    // Every file and hook, in order, with its statements.
    std::vector<std::pair<std::string, int>> steps;
    for (const auto& s : report["steps"])
        steps.emplace_back(std::filesystem::path(s["file"].get<std::string>()).filename().string(), s["statements"]);
    const std::vector<std::pair<std::string, int>> expectedSteps = {
        {"drop_app.sql", 1}, {"01_changes.sql", 7}, {"02_new_table.sql", 2}, {"create_app.sql", 1}};
    EXPECT_EQ(steps, expectedSteps);
    EXPECT_EQ(report["statements"], 11);

    // Locks (ALTER TABLE in 01_changes.sql): the table with rows is a warning; the empty one is listed; the new
    // one is no one else's.
    std::map<std::string, nlohmann::json> locks;
    for (const auto& l : report["locks"]) locks[l["relation"]] = l;
    ASSERT_EQ(locks.count("pum_dry_run.full_table"), 1u) << report.dump(2);
    EXPECT_EQ(locks["pum_dry_run.full_table"]["has_rows"], true);
    EXPECT_EQ(locks["pum_dry_run.full_table"]["warning"], true);
    EXPECT_THAT(locks["pum_dry_run.full_table"]["acquired_in"].get<std::string>(), HasSubstr("01_changes.sql"));
    ASSERT_EQ(locks.count("pum_dry_run.empty_table"), 1u);
    EXPECT_EQ(locks["pum_dry_run.empty_table"]["has_rows"], false);
    EXPECT_EQ(locks["pum_dry_run.empty_table"]["warning"], false);
    EXPECT_EQ(locks.count("pum_dry_run.added_table"), 0u);
    // The DDL warning first, then one per long-held lock on a table with rows.
    ASSERT_EQ(report["warnings"].size(), 2u);
    EXPECT_THAT(report["warnings"][0].get<std::string>(), HasSubstr("block the other users"));
    EXPECT_THAT(report["warnings"][1].get<std::string>(), HasSubstr("pum_dry_run.full_table"));

    // The real upgrade then does what the dry run said.
    const CliRun real = pum_(db, {"upgrade"});
    ASSERT_EQ(real.code, 0) << real.err;
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.1.0");
    EXPECT_EQ(db.scalar("SELECT string_agg(kind, ',') FROM pum_dry_run.full_table"), "pipe,pipe,pipe");
}

TEST(DryRun, WarnsOfTheLocksBeforeRunningAndTextAndHtmlReportsNameTheChanges)
{
    TempDatabase db;
    installOneZero(db);
    const CliRun text = pum_(db, {"upgrade", "--dry-run"});
    ASSERT_EQ(text.code, 0) << text.err;
    // stderr: the warning comes before the first file runs.
    const auto warning = text.err.find("block the other users");
    ASSERT_NE(warning, std::string::npos) << text.err;
    EXPECT_LT(warning, text.err.find("01_changes.sql")) << text.err;
    const std::string& out = text.out;
    EXPECT_THAT(out, HasSubstr("nothing was changed"));
    EXPECT_THAT(out, HasSubstr("added pum_dry_run.full_table.full_table_name_idx"));
    EXPECT_THAT(out, HasSubstr("changed pum_dry_run.vw_full"));
    // Held for milliseconds: under the default threshold of 1 s, listed but no warning about it.
    EXPECT_THAT(out, Not(HasSubstr("warning: ACCESS EXCLUSIVE")));

    const CliRun html = pum_(db, {"upgrade", "--dry-run", "--format", "html"});
    ASSERT_EQ(html.code, 0) << html.err;
    EXPECT_THAT(html.out, HasSubstr("<!DOCTYPE html>"));
    EXPECT_THAT(html.out, HasSubstr("pum_dry_run.touch()"));
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0");
}

TEST(DryRun, InstallThroughTheApiReportsAndRollsBack)
{
    PUM_TEST_NEEDS_PG_DUMP();
    TempDatabase db;
    const std::string schemaBefore = schemaDump(db);
    auto c = db.connect();
    pum::NullFeedback feedback;
    pum::Upgrader upgrader(pum::Config::load(moduleDir()), c, feedback);
    pum::InstallOptions options;
    options.dryRun = true;
    const auto summary = upgrader.install(options);
    ASSERT_TRUE(summary.dryRun);
    const auto report = nlohmann::json::parse(pum::dryRunJson(*summary.dryRun));
    EXPECT_EQ(report["command"], "install");
    EXPECT_EQ(report["versions"], nlohmann::json::array({"1.0.0", "1.1.0"}));
    const auto changes = changesOf(report);
    EXPECT_EQ(changes.count({"tables", "added", "public.pum_migrations"}), 1u);
    EXPECT_EQ(changes.count({"views", "added", "pum_dry_run.vw_full"}), 1u);
    EXPECT_EQ(changes.count({"indexes", "added", "pum_dry_run.full_table.full_table_name_idx"}), 1u);
    EXPECT_TRUE(report["locks"].empty());  // every table is new: no one else waits for them
    EXPECT_EQ(schemaDump(db), schemaBefore);
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations') IS NULL"), "t");
}

TEST(DryRun, JoinedTransactionRollsBackToItsSavepointOnly)
{
    TempDatabase db;
    installOneZero(db);
    auto c = db.connect();
    c.exec("BEGIN");
    c.exec("CREATE TABLE public.caller_work (id int)");
    c.setTransactionMode(pum::Connection::TransactionMode::Join);
    pum::NullFeedback feedback;
    pum::Upgrader upgrader(pum::Config::load(moduleDir()), c, feedback);
    pum::UpgradeOptions options;
    options.dryRun = true;
    const auto summary = upgrader.upgrade(options);
    ASSERT_TRUE(summary.dryRun);
    EXPECT_EQ(c.exec("SELECT to_regclass('public.caller_work') IS NOT NULL").value(0, 0), "t");
    EXPECT_EQ(c.exec("SELECT to_regclass('pum_dry_run.added_table') IS NULL").value(0, 0), "t");
    c.exec("COMMIT");
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0");
}
