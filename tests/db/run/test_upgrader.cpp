// The upgrader's commands against a real PostgreSQL/PostGIS database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <utility>
#include <vector>

#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/run/migration_table.h"
#include "pum/run/upgrader.h"
#include "pum/tools/checker.h"
#include "big_module.h"
#include "lock_wait.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

namespace {

fs::path dataModule(const std::string& name) { return pum::test::sourceDir() / "tests" / "data" / name; }

// A copy of a test module that a test may change.
fs::path copyModule(const TempDir& dir, const std::string& name)
{
    fs::copy(dataModule(name), dir.path() / name, fs::copy_options::recursive);
    return dir.path() / name;
}

InstallOptions noRoles()
{
    InstallOptions o;
    o.skipRoles = true;
    o.skipGrant = true;
    return o;
}

UpgradeOptions noRolesUpgrade()
{
    UpgradeOptions o;
    o.skipRoles = true;
    o.skipGrant = true;
    return o;
}

// Installs `module` up to `version` without roles, in a connection of its own.
void installUpTo(const TempDatabase& db, const fs::path& module, const std::string& version)
{
    auto c = db.connect();
    NullFeedback fb;
    auto options = noRoles();
    options.maxVersion = Version::parse(version);
    Upgrader(Config::load(module), c, fb).install(options);
}

std::string installedVersion(const TempDatabase& db)
{
    auto c = db.connect();
    MigrationTable t(c, "public");
    auto latest = t.latest();
    return latest ? latest->versionText : "";
}

}  // namespace

// A fresh database, a connection to it and a silent feedback for each test.
class UpgraderTest : public ::testing::Test {
protected:
    TempDatabase db;
    Connection c = db.connect();
    NullFeedback fb;
};

TEST_F(UpgraderTest, InstallsEveryVersionInVersionOrder)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    auto summary = up.install(noRoles());
    ASSERT_TRUE(summary.to);
    EXPECT_EQ(summary.to->toString(), "1.10.0");
    ASSERT_EQ(summary.applied.size(), 5u);  // 1.0.0 1.1.0 1.2.0 (app only) 1.9.0 1.10.0
    EXPECT_EQ(summary.applied[3].toString(), "1.9.0");
    EXPECT_EQ(summary.applied[4].toString(), "1.10.0");
    EXPECT_EQ(installedVersion(db), "1.10.0");
    // One row per version, parameters stored with their types.
    EXPECT_EQ(db.scalar("SELECT count(*) FROM public.pum_migrations"), "5");
    EXPECT_EQ(db.scalar("SELECT parameters->>'srid' FROM public.pum_migrations LIMIT 1"), "2056");
    EXPECT_EQ(db.scalar("SELECT jsonb_typeof(parameters->'srid') FROM public.pum_migrations LIMIT 1"), "number");
    EXPECT_EQ(db.scalar("SELECT obj_description('public.pum_migrations'::regclass)"), "migration_table_version: 3");
    EXPECT_EQ(db.scalar("SELECT pum_version FROM public.pum_migrations LIMIT 1"), toolVersion());
    // The app was created by the create hooks, with the parameter substituted.
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "en");
}

TEST_F(UpgraderTest, MaxVersionThenUpgradeThenNothingToDo)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    auto options = noRoles();
    options.maxVersion = Version::parse("1.1.0");
    options.parameters["srid"] = ParameterValue::parse(ParameterType::Integer, "21781");
    up.install(options);
    EXPECT_EQ(installedVersion(db), "1.1.0");

    auto upgrade = noRolesUpgrade();
    upgrade.maxVersion = Version::parse("1.9.0");
    auto r = up.upgrade(upgrade);
    EXPECT_EQ(r.from->toString(), "1.1.0");
    EXPECT_EQ(r.to->toString(), "1.9.0");
    EXPECT_EQ(installedVersion(db), "1.9.0");
    // The stored srid was kept without being given again.
    EXPECT_EQ(db.scalar("SELECT parameters->>'srid' FROM public.pum_migrations WHERE version = '1.9.0'"), "21781");

    r = up.upgrade(noRolesUpgrade());
    EXPECT_EQ(r.to->toString(), "1.10.0");
    EXPECT_EQ(r.applied.size(), 1u);

    const auto before = db.snapshot();
    r = up.upgrade(noRolesUpgrade());
    EXPECT_TRUE(r.nothingToDo);
    EXPECT_EQ(db.snapshot(), before);
}

TEST_F(UpgraderTest, ChangedParameterIsRefusedButAppOnlyMayChange)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    auto options = noRoles();
    options.maxVersion = Version::parse("1.0.0");
    up.install(options);
    const auto before = db.snapshot();

    auto upgrade = noRolesUpgrade();
    upgrade.parameters["srid"] = ParameterValue::parse(ParameterType::Integer, "4326");
    try {
        up.upgrade(upgrade);
        FAIL() << "a changed srid must be refused";
    } catch (const ParameterError& e) {
        EXPECT_THAT(e.what(), HasSubstr("srid"));
        EXPECT_THAT(e.what(), HasSubstr("2056"));
    }
    EXPECT_EQ(db.snapshot(), before);

    upgrade.parameters.clear();
    upgrade.parameters["label_language"] = ParameterValue::parse(ParameterType::Text, "fr");
    up.upgrade(upgrade);
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "fr");
}

TEST_F(UpgraderTest, InstallRefusedWhenInstalledOrAnotherModuleIsThere)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.install(noRoles());
    EXPECT_THROW(up.install(noRoles()), CommandError);

    // The seed module keeps its table in public too: same table, other module.
    Upgrader other(Config::load(dataModule("seed_module")), c, fb);
    try {
        other.upgrade(noRolesUpgrade());
        FAIL();
    } catch (const CommandError& e) {
        EXPECT_THAT(e.what(), HasSubstr("pum_current"));
    }
}

TEST_F(UpgraderTest, FailingStatementLeavesTheDatabaseExactlyAsBefore)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDir dir;
    auto module = copyModule(dir, "current_module");
    installUpTo(db, module, "1.1.0");
    const auto before = db.snapshot();
    // A new version whose second file fails half-way.
    dir.write("current_module/changelogs/1.11.0/01_ok.sql",
              "CREATE TABLE pum_current_data.extra (id int);\nINSERT INTO pum_current_data.extra VALUES (1);\n");
    dir.write("current_module/changelogs/1.11.0/02_bad.sql",
              "ALTER TABLE pum_current_data.extra ADD COLUMN name text;\n\n"
              "UPDATE pum_current_data.extra\n   SET nme = 'x';\n");
    Upgrader up(Config::load(module), c, fb);
    try {
        up.upgrade(noRolesUpgrade());
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "42703");
        EXPECT_THAT(e.file(), HasSubstr("changelogs/1.11.0/02_bad.sql"));
        EXPECT_EQ(e.line(), 4) << e.what();
    }
    EXPECT_EQ(db.snapshot(), before);
    EXPECT_FALSE(c.inTransaction());
}

TEST_F(UpgraderTest, LexerErrorsStopBeforeAnythingRuns)
{
    TempDir dir;
    auto module = copyModule(dir, "current_module");
    dir.write("current_module/changelogs/1.11.0/01.sql", "SELECT 1;\nCOMMIT;\n");
    Upgrader up(Config::load(module), c, fb);
    const auto before = db.snapshot();
    try {
        up.install(noRoles());
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_THAT(e.file(), HasSubstr("1.11.0/01.sql"));
        EXPECT_EQ(e.line(), 2);
    }
    EXPECT_EQ(db.snapshot(), before);
}

TEST_F(UpgraderTest, UnknownParameterInChangelogIsReportedWithItsLine)
{
    TempDir dir;
    auto module = copyModule(dir, "current_module");
    dir.write("current_module/changelogs/1.11.0/01.sql", "SELECT 1;\nSELECT {not_declared};\n");
    try {
        Upgrader(Config::load(module), c, fb).install(noRoles());
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_EQ(e.line(), 2);
        EXPECT_THAT(e.what(), HasSubstr("not_declared"));
    }
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations') IS NULL"), "t");
}

TEST_F(UpgraderTest, SeedFormatModuleWithPrePostHooks)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("seed_module")), c, fb);
    auto options = noRoles();
    options.maxVersion = Version::parse("1.0.0");
    up.install(options);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_views WHERE schemaname = 'pum_test_app'"), "1");
    auto r = up.upgrade(noRolesUpgrade());
    EXPECT_EQ(r.to->toString(), "1.0.1");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_views WHERE schemaname = 'pum_test_app'"), "1");
}

TEST_F(UpgraderTest, BaselineRecordsWithoutRunning)
{
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    EXPECT_THROW(up.baseline(Version::parse("1.0.0")), CommandError);  // no table, no --create-table
    up.baseline(Version::parse("1.1.0"), true);
    EXPECT_EQ(installedVersion(db), "1.1.0");
    EXPECT_EQ(db.scalar("SELECT to_regnamespace('pum_current_data') IS NULL"), "t");
    EXPECT_THROW(up.baseline(Version::parse("1.1.0")), CommandError);
    EXPECT_THROW(up.baseline(Version::parse("1.0.0")), CommandError);
    up.baseline(Version::parse("1.9.0"));
    EXPECT_EQ(installedVersion(db), "1.9.0");
}

TEST_F(UpgraderTest, BaselineCheckRequiresEveryOlderVersion)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    auto options = noRoles();
    options.maxVersion = Version::parse("1.9.0");
    up.install(options);
    c.exec("DELETE FROM public.pum_migrations WHERE version = '1.1.0'");
    try {
        up.upgrade(noRolesUpgrade());
        FAIL();
    } catch (const CommandError& e) {
        EXPECT_THAT(e.what(), HasSubstr("1.1.0"));
        EXPECT_THAT(e.what(), HasSubstr("--skip-baseline-check"));
    }
    auto upgrade = noRolesUpgrade();
    upgrade.skipBaselineCheck = true;
    EXPECT_EQ(up.upgrade(upgrade).to->toString(), "1.10.0");
}

TEST_F(UpgraderTest, BetaTestingInstallRefusesUpgradeUnlessForced)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    auto options = noRoles();
    options.maxVersion = Version::parse("1.1.0");
    options.betaTesting = true;
    up.install(options);
    EXPECT_THROW(up.upgrade(noRolesUpgrade()), CommandError);
    auto forced = noRolesUpgrade();
    forced.force = true;
    EXPECT_EQ(up.upgrade(forced).to->toString(), "1.10.0");
}

TEST_F(UpgraderTest, VersionsAreComparedAsVersionsNotText)
{
    PUM_TEST_NEEDS_POSTGIS();
    // 1.10.0 sorts before 1.9.0 as text: the installed version must still be 1.10.0.
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.install(noRoles());
    EXPECT_EQ(up.info().current->versionText, "1.10.0");
    EXPECT_TRUE(up.info().pending.empty());
    EXPECT_TRUE(up.upgrade(noRolesUpgrade()).nothingToDo);
}

namespace {

// Builds a migration table as pum's older layouts did, holding `rows`.
void createLegacyTable(Connection& c, int layout)
{
    if (layout == 1) {
        c.exec(
            "CREATE TABLE public.pum_migrations (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, "
            "date_installed timestamp without time zone NOT NULL DEFAULT now(), module character varying(50), "
            "version character varying(50) NOT NULL, beta_testing boolean NOT NULL DEFAULT false, "
            "changelog_files text[], parameters jsonb, "
            "migration_table_version character varying(50) NOT NULL DEFAULT '2025.0')");
    } else {
        c.exec(
            "CREATE TABLE public.pum_migrations (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, "
            "date_installed timestamp without time zone NOT NULL DEFAULT now(), module character varying(50) NOT NULL, "
            "version character varying(50) NOT NULL, beta_testing boolean NOT NULL DEFAULT false, "
            "changelog_files text[], parameters jsonb, migration_table_version integer NOT NULL DEFAULT 2)");
    }
}

}  // namespace

class LegacyTable : public ::testing::TestWithParam<int> {};

TEST_P(LegacyTable, IsUpgradedInPlace)
{
    PUM_TEST_NEEDS_POSTGIS();
    const int layout = GetParam();
    TempDatabase db;
    auto c = db.connect();
    NullFeedback fb;
    auto config = Config::load(dataModule("current_module"));
    // The database as pum left it at 1.1.0.
    {
        Upgrader up(config, c, fb);
        auto options = noRoles();
        options.maxVersion = Version::parse("1.1.0");
        up.install(options);
    }
    c.exec("CREATE TEMP TABLE saved AS SELECT * FROM public.pum_migrations");
    c.exec("DROP TABLE public.pum_migrations");
    createLegacyTable(c, layout);
    c.exec("INSERT INTO public.pum_migrations (date_installed, module, version, changelog_files, parameters) "
           "SELECT date_installed, module, version, changelog_files, parameters FROM saved");
    if (layout == 1) c.exec("UPDATE public.pum_migrations SET module = NULL WHERE version = '1.0.0'");

    MigrationTable table(c, "public");
    EXPECT_EQ(table.layoutVersion(), layout);
    Upgrader up(config, c, fb);
    EXPECT_EQ(up.info().current->versionText, "1.1.0");
    auto r = up.upgrade(noRolesUpgrade());
    EXPECT_EQ(r.to->toString(), "1.10.0");
    EXPECT_EQ(table.layoutVersion(), 3);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM public.pum_migrations WHERE module IS NULL"), "0");
    EXPECT_EQ(db.scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                        "'public.pum_migrations'::regclass AND attname = 'migration_table_version'"),
              "integer");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM public.pum_migrations WHERE pum_version IS NOT NULL"), "3");
    EXPECT_EQ(db.scalar("SELECT obj_description('public.pum_migrations'::regclass)"), "migration_table_version: 3");
}

INSTANTIATE_TEST_SUITE_P(Layouts, LegacyTable, ::testing::Values(1, 2));

TEST_F(UpgraderTest, ConcurrentUpgradesDoNotInterleave)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDir dir;
    auto module = copyModule(dir, "current_module");
    installUpTo(db, module, "1.1.0");
    // This session holds the module lock until both upgrades are queued behind it.
    Transaction holding(c);
    MigrationTable(c, "public").lock();
    // Each upgrade in a session of its own, as two users would run them.
    auto start = [&](Connection session) {
        return std::async(std::launch::async, [&module, session = std::move(session)]() mutable {
            NullFeedback quiet;
            return Upgrader(Config::load(module), session, quiet).upgrade(noRolesUpgrade());
        });
    };
    auto watcher = db.connect();
    auto firstSession = db.connect(), secondSession = db.connect();
    const int firstPid = test::backendPid(firstSession), secondPid = test::backendPid(secondSession);
    auto first = start(std::move(firstSession));
    auto second = start(std::move(secondSession));
    try {
        test::waitUntilWaitingForLock(watcher, firstPid);
        test::waitUntilWaitingForLock(watcher, secondPid);
    } catch (...) {
        holding.rollback();  // else the futures, waiting for the lock, never return
        throw;
    }
    holding.rollback();
    auto a = first.get();
    auto b = second.get();
    // Whichever got the lock first upgraded; the other one then found nothing to do.
    if (a.nothingToDo) std::swap(a, b);
    EXPECT_EQ(a.applied.size(), 3u);
    EXPECT_TRUE(b.nothingToDo);
    EXPECT_TRUE(b.applied.empty());
    EXPECT_EQ(b.to->toString(), "1.10.0");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM public.pum_migrations"), "5");
}

TEST_F(UpgraderTest, CommandsOnAnInstalledModuleRefuseAnotherModulesTable)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.install(noRoles());
    c.exec("UPDATE public.pum_migrations SET module = 'another_module'");
    const auto before = db.snapshot();
    const std::vector<std::pair<std::string, std::function<void()>>> commands = {
        {"app drop", [&] { up.dropApp({}); }},
        {"app create", [&] { up.createApp({}); }},
        {"app recreate", [&] { up.recreateApp({}); }},
        {"uninstall", [&] { up.uninstall({}); }},
        {"demo-data", [&] { up.installDemoData("some_pipes", {}, true); }},
    };
    for (const auto& [name, run] : commands) {
        SCOPED_TRACE(name);
        try {
            run();
            ADD_FAILURE() << name << " ran on the table of another module";
        } catch (const CommandError& e) {
            EXPECT_THAT(e.what(), HasSubstr("'another_module', not 'pum_current'"));
        }
        EXPECT_EQ(db.snapshot(), before);
        EXPECT_EQ(db.scalar("SELECT count(*) FROM pum_current_data.pipe"), "0");
        EXPECT_FALSE(c.inTransaction());
    }
}

namespace {

// Runs `command` on a module whose stored label_language a second session
// changes while it holds the module lock: the command must wait for the lock,
// then use the value stored by the time it got it.
void expectStoredParametersReadUnderTheLock(const TempDatabase& db, const fs::path& module,
                                            const std::function<void(Upgrader&)>& command)
{
    installUpTo(db, module, "1.10.0");
    auto holder = db.connect();
    Transaction holding(holder);
    MigrationTable(holder, "public").lock();
    holder.exec("UPDATE public.pum_migrations SET parameters = jsonb_set(parameters, '{label_language}', '\"fr\"')");

    auto session = db.connect();
    const int pid = test::backendPid(session);
    auto running = std::async(std::launch::async, [&module, &command, session = std::move(session)]() mutable {
        NullFeedback quiet;
        Upgrader up(Config::load(module), session, quiet);
        command(up);
    });
    auto watcher = db.connect();
    try {
        test::waitUntilWaitingForLock(watcher, pid);
    } catch (...) {
        holding.rollback();  // else the future, waiting for the lock, never returns
        throw;
    }
    holding.commit();
    running.get();
}

}  // namespace

TEST(UpgraderLock, AppCommandsReadTheStoredParametersUnderTheModuleLock)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    expectStoredParametersReadUnderTheLock(db, dataModule("current_module"),
                                           [](Upgrader& up) { up.recreateApp({}); });
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "fr");
}

TEST(UpgraderLock, UninstallReadsTheStoredParametersUnderTheModuleLock)
{
    PUM_TEST_NEEDS_POSTGIS();
    TempDatabase db;
    TempDir dir;
    auto module = copyModule(dir, "current_module");
    // An uninstall hook that leaves the value it was given behind.
    auto yaml = pum::test::readFile(module / ".pum.yaml");
    const std::string hooks = "uninstall:\n  - file: uninstall/uninstall.sql\n";
    ASSERT_NE(yaml.find(hooks), std::string::npos);
    yaml.replace(yaml.find(hooks), hooks.size(),
                 hooks + "  - code: CREATE TABLE public.uninstalled_with AS SELECT {label_language}::text AS label\n");
    dir.write("current_module/.pum.yaml", yaml);
    expectStoredParametersReadUnderTheLock(db, module, [](Upgrader& up) { up.uninstall({}); });
    EXPECT_EQ(db.scalar("SELECT label FROM public.uninstalled_with"), "fr");
}

TEST_F(UpgraderTest, AppRecreateAndDemoDataAndUninstall)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.install(noRoles());
    c.exec("DROP SCHEMA pum_current_app CASCADE");
    up.createApp({});
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "en");
    up.recreateApp({{"label_language", ParameterValue::parse(ParameterType::Text, "de")}});
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "de");
    EXPECT_THROW(up.installDemoData("nope", {}, true), CommandError);
    up.installDemoData("some_pipes", {}, true);
    EXPECT_NE(db.scalar("SELECT count(*) FROM pum_current_data.pipe"), "0");
    up.uninstall({});
    EXPECT_EQ(db.scalar("SELECT to_regnamespace('pum_current_data') IS NULL"), "t");
}

TEST(Upgrader, ParameterArgumentsAreCheckedBeforeAnythingRuns)
{
    auto config = Config::load(dataModule("current_module"));
    EXPECT_THROW(parseParameterArguments(config, {{"nope", "1"}}), ParameterError);
    EXPECT_THROW(parseParameterArguments(config, {{"srid", "abc"}}), ParameterError);
    EXPECT_THROW(parseParameterArguments(config, {{"default_status", "flying"}}), ParameterError);
    auto values = parseParameterArguments(config, {{"srid", "21781"}});
    EXPECT_EQ(values.at("srid").toSqlLiteral(), "21781");
}

TEST(Upgrader, OnlyCommandsThatChangeTheSchemaRefuseAModuleNeedingANewerTool)
{
    TempDatabase db;
    TempDir dir;
    auto module = copyModule(dir, "current_module");
    auto yaml = pum::test::readFile(module / ".pum.yaml");
    yaml.replace(yaml.find("  module: pum_current"), std::string("  module: pum_current").size(),
                 "  module: pum_current\n  minimum_version: 99.0");
    dir.write("current_module/.pum.yaml", yaml);
    auto c = db.connect();
    NullFeedback fb;
    Upgrader up(Config::load(module), c, fb);
    try {
        up.install(noRoles());
        FAIL();
    } catch (const CommandError& e) {
        EXPECT_THAT(e.what(), HasSubstr("99.0"));
        EXPECT_THAT(e.what(), HasSubstr(toolVersion()));
    }
    EXPECT_THROW(up.upgrade(noRolesUpgrade()), CommandError);
    EXPECT_THROW(up.createApp({}), CommandError);
    // Reading and recording a baseline still work, as with pum.
    EXPECT_FALSE(up.info().installed);
    up.baseline(Version::parse("1.1.0"), true);
    EXPECT_EQ(up.info().current->versionText, "1.1.0");
}

TEST_F(UpgraderTest, UpgradeWithNothingPendingStillRecreatesTheApplication)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.install(noRoles());
    c.exec("DROP SCHEMA pum_current_app CASCADE");
    auto r = up.upgrade(noRolesUpgrade());
    EXPECT_TRUE(r.nothingToDo);
    EXPECT_TRUE(r.applied.empty());
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "en");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM public.pum_migrations"), "5");
}

TEST_F(UpgraderTest, UpgradeOfADatabaseNewerThanTheModuleRunsNothing)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.install(noRoles());
    up.baseline(Version::parse("9.0.0"));
    c.exec("DROP SCHEMA pum_current_app CASCADE");
    auto upgrade = noRolesUpgrade();
    upgrade.skipBaselineCheck = true;
    EXPECT_TRUE(up.upgrade(upgrade).nothingToDo);
    // The older module's application was not put onto the newer schema.
    EXPECT_EQ(db.scalar("SELECT to_regnamespace('pum_current_app') IS NULL"), "t");
}

TEST_F(UpgraderTest, WithoutDefaultsOnlyGivenParametersAreSubstituted)
{
    PUM_TEST_NEEDS_POSTGIS();
    // pum's Python API: a declared default only validates; SQL naming a parameter not given fails.
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.setFillDefaults(false);
    EXPECT_THROW(up.install(noRoles()), Error);
    auto options = noRoles();
    options.parameters["srid"] = ParameterValue::parse(ParameterType::Integer, "2056");
    options.parameters["default_status"] = ParameterValue::parse(ParameterType::Text, "built");
    options.parameters["label_language"] = ParameterValue::parse(ParameterType::Text, "de");
    up.install(options);
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "de");
}

TEST_F(UpgraderTest, ChangelogFilesAreRecordedUnderTheGivenModulePath)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader up(Config::load(dataModule("current_module")), c, fb);
    up.setRecordedModulePath("some/where/./current_module");
    auto options = noRoles();
    options.maxVersion = Version::parse("1.0.0");
    up.install(options);
    EXPECT_THAT(db.scalar("SELECT changelog_files[1] FROM public.pum_migrations"),
                ::testing::StartsWith("some/where/current_module/changelogs/1.0.0/"));
}

TEST_F(UpgraderTest, NewTableRecordsThePumVersionAsNotNull)
{
    PUM_TEST_NEEDS_POSTGIS();
    Upgrader(Config::load(dataModule("current_module")), c, fb).install(noRoles());
    EXPECT_EQ(db.scalar("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.pum_migrations'::regclass "
                        "AND attname = 'pum_version'"),
              "t");
    EXPECT_EQ(db.scalar("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d JOIN pg_attribute a ON "
                        "a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = "
                        "'public.pum_migrations'::regclass AND a.attname = 'pum_version'"),
              "'" + std::string(toolVersion()) + "'::character varying");
}

TEST_F(UpgraderTest, BaselinesAndComparison)
{
    auto config = Config::load(dataModule("current_module"));
    MigrationTable table(c, "public");
    table.create();
    table.setBaseline("pum_current", Version::parse("1.1.0"));
    EXPECT_THROW(table.setBaseline("pum_current", Version::parse("1.1.0")), CommandError);
    EXPECT_EQ(compareWithChangelogs(table, loadChangelogs(config)), -1);
    table.setBaseline("pum_current", Version::parse("1.10.0"));
    EXPECT_EQ(compareWithChangelogs(table, loadChangelogs(config)), 0);
    table.setBaseline("pum_current", Version::parse("9.9.9"));
    try {
        compareWithChangelogs(table, loadChangelogs(config));
        FAIL();
    } catch (const CommandError& e) {
        EXPECT_THAT(e.what(), HasSubstr("Changelog for version 9.9.9 not found in the source"));
    }
    auto summary = table.summary();
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->latest.versionText, "9.9.9");
    // Each baseline above committed on its own (no transaction), so each has its own now().
    EXPECT_TRUE(summary->upgradeDate);
    EXPECT_LT(summary->installedDate, *summary->upgradeDate);
    EXPECT_EQ(MigrationTable::schemasWithTable(c), std::vector<std::string>{"public"});
}

namespace {
// Records pum's step reports; cancels at the first one containing `cancelAt`.
class StepRecorder : public Feedback {
public:
    explicit StepRecorder(std::string cancelAt = {}) : cancelAt_(std::move(cancelAt)) {}
    void step(const std::string& message, std::size_t, std::size_t) override
    {
        steps.push_back((locked ? "locked: " : "") + message);
        if (!cancelAt_.empty() && message.find(cancelAt_) != std::string::npos) cancelled_ = true;
    }
    void lockCancellation() override { locked = true; }
    bool isCancelled() const override { return cancelled_ && !locked; }

    std::vector<std::string> steps;
    bool locked = false;

private:
    std::string cancelAt_;
    bool cancelled_ = false;
};
}  // namespace

TEST_F(UpgraderTest, StepsAreReportedAsPumReportsThem)
{
    PUM_TEST_NEEDS_POSTGIS();
    StepRecorder recorder("Committing changes");  // too late: the commit cannot be cancelled
    Upgrader up(Config::load(dataModule("current_module")), c, recorder);
    up.install(noRoles());
    using ::testing::Contains;
    EXPECT_THAT(recorder.steps, Contains(HasSubstr("Installing module pum_current 1.10.0")));
    EXPECT_THAT(recorder.steps, Contains(HasSubstr("Creating migrations table")));
    EXPECT_THAT(recorder.steps, Contains(HasSubstr("Executing ")));
    EXPECT_EQ(recorder.steps.back(), "locked: Committing changes");
    EXPECT_EQ(installedVersion(db), "1.10.0");
}

TEST_F(UpgraderTest, CancelledAtAStepChangesNothing)
{
    const auto before = db.snapshot();
    StepRecorder recorder("Executing ");
    Upgrader up(Config::load(dataModule("current_module")), c, recorder);
    EXPECT_THROW(up.install(noRoles()), CancelledError);
    EXPECT_EQ(db.snapshot(), before);
}

namespace {
// Cancels once the given number of progress steps have been reported.
class CancelAtStep : public Feedback {
public:
    explicit CancelAtStep(std::size_t step) : step_(step) {}
    void progress(std::size_t done, std::size_t, const std::string&) override { cancelled_ = done >= step_; }
    bool isCancelled() const override { return cancelled_; }

private:
    std::size_t step_;
    bool cancelled_ = false;
};
}  // namespace

TEST_F(UpgraderTest, CancelledInstallChangesNothing)
{
    PUM_TEST_NEEDS_POSTGIS();
    const auto before = db.snapshot();
    CancelAtStep cancelling(5);
    Upgrader up(Config::load(dataModule("current_module")), c, cancelling);
    EXPECT_THROW(up.install(noRoles()), CancelledError);
    EXPECT_EQ(db.snapshot(), before);
}

// The demo data sets loaded are recorded in our side table and read back by
// info(); pum's own table keeps its columns, and the side table is no
// difference of structure against a database without demo data.
TEST(UpgraderDemoData, LoadedSetsAreRecordedBesidePumsTable)
{
    TempDatabase withDemo, without;
    TempDir dir;
    pum::test::BigModuleShape shape;
    shape.files = 4;
    shape.pythonHook = false;
    pum::test::writeBigModule(dir.path(), shape);
    NullFeedback fb;
    auto c = withDemo.connect();
    Upgrader up(Config::load(dir.path()), c, fb);
    up.install(noRoles());
    EXPECT_TRUE(up.info().demoData.empty());
    EXPECT_EQ(withDemo.scalar("SELECT to_regclass('public.pum_migration_details') IS NULL"), "t")
        << "created only when first needed";
    up.installDemoData("Sample data", {}, true);
    up.installDemoData("Sample data", {}, true);  // loaded twice: still one set
    const auto info = up.info();
    ASSERT_EQ(info.demoData.size(), 1u);
    EXPECT_EQ(info.demoData[0].name, "Sample data");
    EXPECT_EQ(info.demoData[0].loadedAt.size(), std::string("2026-12-08 10:00").size()) << info.demoData[0].loadedAt;
    EXPECT_EQ(withDemo.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'pum_migrations'"),
              "9");

    auto c2 = without.connect();
    Upgrader(Config::load(dir.path()), c2, fb).install(noRoles());
    auto first = withDemo.connect();
    auto second = without.connect();
    const auto report = compareDatabases(first, second);
    EXPECT_TRUE(report.passed()) << reportText(report);
}

// Install with demo data records the set too; a dry run records nothing.
TEST(UpgraderDemoData, InstallWithDemoDataRecordsItAndADryRunDoesNot)
{
    TempDatabase db;
    TempDir dir;
    pum::test::BigModuleShape shape;
    shape.files = 2;
    shape.pythonHook = false;
    pum::test::writeBigModule(dir.path(), shape);
    NullFeedback fb;
    auto c = db.connect();
    Upgrader up(Config::load(dir.path()), c, fb);
    InstallOptions options = noRoles();
    options.demoData = "Sample data";
    options.dryRun = true;
    up.install(options);
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migration_details') IS NULL"), "t");
    options.dryRun = false;
    up.install(options);
    const auto info = up.info();
    ASSERT_EQ(info.demoData.size(), 1u);
    EXPECT_EQ(info.demoData[0].name, "Sample data");
}
