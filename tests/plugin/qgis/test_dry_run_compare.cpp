// Dry run and Compare in the plugin, against the real test cluster: a dry run
// through the task leaves the schema and every row as they were and its
// report (tree, HTML, saved JSON) lists the change; Cancel of a dry run rolls
// back; comparing two databases tells equal from different and names the
// difference; the dialog's Dry run and Compare… buttons.
#include <gtest/gtest.h>

#include <QRegularExpression>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>

#include <nlohmann/json.hpp>
#include <sstream>

#include "qgsapplication.h"

#include "compare_task.h"
#include "connection_list.h"
#include "db_state.h"
#include "qgis_test_support.h"
#include "report_dialog.h"
#include "upgrade_task.h"

#include "../../db/dry_run_module.h"
#include "pum/tools/dumper.h"

using pum::test::TempDatabase;
using pum::test::TempDir;
using pumqgis::Command;
using pumqgis::TaskRequest;
using pumqgis::TaskResult;

namespace {

using pum::test::schemaDump;
using pum::test::tableRows;

TaskRequest dryRunRequest(const TempDatabase& db, Command command, const QString& module)
{
    TaskRequest request;
    request.command = command;
    request.conninfo = db.conninfo();
    request.moduleDirectory = module;
    request.rolesAndGrant = false;
    request.dryRun = true;
    return request;
}

// Runs `request` in QGIS's task manager and waits for its result; `whileRunning`
// is called once the task is started.
TaskResult runTask(TaskRequest request, const std::function<void(pumqgis::UpgradeTask&)>& whileRunning = {})
{
    auto* task = new pumqgis::UpgradeTask(std::move(request), QStringLiteral("dry run test"));
    std::optional<TaskResult> result;
    QObject::connect(task, &pumqgis::UpgradeTask::completed, [&](const TaskResult& r) { result = r; });
    QgsApplication::taskManager()->addTask(task);
    if (whileRunning)
        whileRunning(*task);
    if (!pumtest::waitFor([&] { return result.has_value(); }, 120000))
        throw std::runtime_error("the task did not finish");
    return *result;
}

// The first item with `text` in column 0, anywhere in the tree.
QTreeWidgetItem* findItem(QTreeWidget* tree, const QString& text)
{
    const auto found = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? nullptr : found.first();
}

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Not a static: the source folder is known once the test environment is read.
QString dryRunModule()
{
    return QString::fromStdString(pum::test::dryRunModuleDir());
}

}  // namespace

TEST(DryRunTask, UpgradeLeavesSchemaAndRowsAndTheReportListsTheChange)
{
    TempDatabase db;
    pum::test::installDryRunModuleOneZero(db, {"a", "b", "c"});
    const std::string schemaBefore = schemaDump(db);
    const std::string rowsBefore = tableRows(db);

    const TaskResult result = runTask(dryRunRequest(db, Command::Upgrade, dryRunModule()));
    ASSERT_TRUE(result.ok) << result.message.toStdString() << "\n" << result.details.toStdString();
    ASSERT_TRUE(result.summary.dryRun.has_value());
    EXPECT_EQ(schemaDump(db), schemaBefore);
    EXPECT_EQ(tableRows(db), rowsBefore);
    EXPECT_EQ(db.scalar("SELECT max(version) FROM public.pum_migrations"), "1.0.0");
    EXPECT_TRUE(result.message.startsWith(QStringLiteral("Dry run: would upgrade pum_dry_run from 1.0.0 to 1.1.0, ")))
        << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(QRegularExpression(QStringLiteral(", [0-9,]+ schema changes, in "))))
        << result.message.toStdString();
    EXPECT_EQ(pumqgis::UpgradeTask::taskName(QStringLiteral("tww"), Command::Upgrade, true),
              QStringLiteral("tww: dry run of Upgrade"));
    EXPECT_TRUE(result.message.contains(QStringLiteral("Nothing was changed"))) << result.message.toStdString();
    // The state read afterwards: still 1.0.0.
    ASSERT_TRUE(result.info.has_value());
    ASSERT_TRUE(result.info->current && result.info->current->version);
    EXPECT_EQ(result.info->current->version->toString(), "1.0.0");

    const pum::DryRunReport& report = *result.summary.dryRun;
    pumqgis::ReportDialog dialog;
    dialog.setDryRunReport(report);
    // The tree: versions, files with their time, changes grouped by kind, locks.
    QTreeWidgetItem* version = findItem(dialog.tree(), QStringLiteral("1.1.0"));
    ASSERT_NE(version, nullptr);
    EXPECT_EQ(version->parent()->text(0), QStringLiteral("Versions to apply"));
    QTreeWidgetItem* added = findItem(dialog.tree(), QStringLiteral("pum_dry_run.added_table"));
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->text(1), QStringLiteral("Added"));
    EXPECT_EQ(added->parent()->text(0), QStringLiteral("Tables"));
    EXPECT_EQ(added->parent()->parent()->text(0), QStringLiteral("Schema changes"));
    QTreeWidgetItem* trigger = findItem(dialog.tree(), QStringLiteral("pum_dry_run.full_table.full_table_touch"));
    ASSERT_NE(trigger, nullptr);
    EXPECT_EQ(trigger->parent()->text(0), QStringLiteral("Triggers"));
    QTreeWidgetItem* view = findItem(dialog.tree(), QStringLiteral("pum_dry_run.vw_full"));
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->text(1), QStringLiteral("Changed"));
    QTreeWidgetItem* file = nullptr;
    for (auto* item : dialog.tree()->findItems(QStringLiteral("01_changes.sql"), Qt::MatchEndsWith | Qt::MatchRecursive))
        file = item;
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file->parent()->text(0), QStringLiteral("Files and hooks"));
    EXPECT_FALSE(file->text(2).isEmpty());  // its time
    ASSERT_NE(findItem(dialog.tree(), QStringLiteral("pum_dry_run.full_table")), nullptr);  // its lock
    EXPECT_TRUE(dialog.verdict()->text().contains(QStringLiteral("from 1.0.0 to 1.1.0"))) << dialog.verdict()->text().toStdString();
    // The HTML page names the new function.
    EXPECT_TRUE(dialog.browser()->toPlainText().contains(QStringLiteral("pum_dry_run.touch()")));

    // Save report: JSON and HTML, by the file's extension.
    TempDir dir;
    QString error;
    const QString json = QString::fromStdString((dir.path() / "report.json").string());
    ASSERT_TRUE(dialog.saveReport(json, &error)) << error.toStdString();
    const auto saved = nlohmann::json::parse(readText(json).toStdString());
    EXPECT_EQ(saved["command"], "upgrade");
    EXPECT_EQ(saved["versions"], nlohmann::json::array({"1.1.0"}));
    const QString html = QString::fromStdString((dir.path() / "report.html").string());
    ASSERT_TRUE(dialog.saveReport(html, &error)) << error.toStdString();
    EXPECT_TRUE(readText(html).startsWith(QStringLiteral("<!DOCTYPE html>")));
    EXPECT_TRUE(readText(html).contains(QStringLiteral("pum_dry_run.added_table")));
    // An unwritable path names itself.
    EXPECT_FALSE(dialog.saveReport(QStringLiteral("/nonexistent/folder/report.html"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent/folder/report.html"))) << error.toStdString();
}

TEST(DryRunTask, InstallCreatesNothing)
{
    TempDatabase db;
    const std::string schemaBefore = schemaDump(db);
    const std::string rowsBefore = tableRows(db);

    const TaskResult result = runTask(dryRunRequest(db, Command::Install, dryRunModule()));
    ASSERT_TRUE(result.ok) << result.message.toStdString() << "\n" << result.details.toStdString();
    ASSERT_TRUE(result.summary.dryRun.has_value());
    EXPECT_EQ(schemaDump(db), schemaBefore);
    EXPECT_EQ(tableRows(db), rowsBefore);
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations') IS NULL"), "t");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'pum_dry_run'"), "0");

    pumqgis::ReportDialog dialog;
    dialog.setDryRunReport(*result.summary.dryRun);
    EXPECT_TRUE(dialog.verdict()->text().contains(QStringLiteral("install of"))) << dialog.verdict()->text().toStdString();
    ASSERT_NE(findItem(dialog.tree(), QStringLiteral("1.0.0")), nullptr);
    ASSERT_NE(findItem(dialog.tree(), QStringLiteral("1.1.0")), nullptr);
    QTreeWidgetItem* table = findItem(dialog.tree(), QStringLiteral("public.pum_migrations"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->parent()->text(0), QStringLiteral("Tables"));
}

TEST(DryRunTask, OnlyInstallAndUpgradeHaveOne)
{
    TempDatabase db;
    const TaskResult result = runTask(dryRunRequest(db, Command::Uninstall, dryRunModule()));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.message.contains(QStringLiteral("Only Install and Upgrade have a dry run")))
        << result.message.toStdString();
}

TEST(DryRunTask, CancelRollsBack)
{
    TempDatabase db;
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: slow\n");
    dir.write("changelogs/1.0.0/01_table.sql", "CREATE TABLE slow_table (id int);\n");
    dir.write("changelogs/1.0.0/02_wait.sql", "SELECT pg_sleep(60);\n");
    const std::string schemaBefore = schemaDump(db);

    const TaskResult result =
        runTask(dryRunRequest(db, Command::Install, QString::fromStdString(dir.path().string())),
                [&](pumqgis::UpgradeTask& task) {
                    // Cancel once the server sleeps in the second file.
                    if (!pumtest::waitFor([&] {
                            return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                             "'SELECT pg_sleep(60)%'") == "1";
                        }, 30000))
                        throw std::runtime_error("the dry run never reached 02_wait.sql");
                    task.cancel();
                });
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.cancelled) << result.message.toStdString();
    EXPECT_FALSE(result.summary.dryRun.has_value());
    EXPECT_EQ(schemaDump(db), schemaBefore);
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.slow_table') IS NULL"), "t");
}

namespace {

// Saves a QGIS connection to each database; returns the list and their indices.
struct TwoConnections {
    QList<pumqgis::ConnectionEntry> list;
    int first = -1;
    int second = -1;
};

TwoConnections saveTwo(const TempDatabase& a, const TempDatabase& b)
{
    const QString first = QString::fromStdString("cmp " + a.name());
    const QString second = QString::fromStdString("cmp " + b.name());
    pumtest::saveConnection(first, a, false);
    pumtest::saveConnection(second, b, false);
    TwoConnections out;
    out.list = pumqgis::ConnectionList::load();
    for (int i = 0; i < out.list.size(); ++i) {
        if (out.list[i].name == first)
            out.first = i;
        if (out.list[i].name == second)
            out.second = i;
    }
    return out;
}

// Chooses connections.second in the window and runs the comparison to its end.
bool compare(pumqgis::ReportDialog& dialog, const TwoConnections& connections)
{
    dialog.setConnections(connections.list, connections.first);
    const int index = dialog.compareWith()->findData(connections.second);
    if (index < 0)
        return false;
    dialog.compareWith()->setCurrentIndex(index);
    bool finished = false;
    QObject::connect(&dialog, &pumqgis::ReportDialog::comparisonFinished, [&] { finished = true; });
    if (!dialog.startComparison())
        return false;
    return pumtest::waitFor([&] { return finished; }, 60000);
}

}  // namespace

TEST(CompareDatabases, IdenticalThenDifferent)
{
    TempDatabase a, b;
    pum::test::installDryRunModuleOneZero(a, {"x"});
    pum::test::installDryRunModuleOneZero(b, {"y", "z"});  // rows differ, structure does not
    const TwoConnections connections = saveTwo(a, b);
    ASSERT_GE(connections.first, 0);
    ASSERT_GE(connections.second, 0);

    pumqgis::ReportDialog dialog;
    ASSERT_TRUE(compare(dialog, connections));
    ASSERT_TRUE(dialog.comparisonResult() && dialog.comparisonResult()->ok) << dialog.verdict()->text().toStdString();
    EXPECT_TRUE(dialog.comparisonResult()->equal());
    EXPECT_TRUE(dialog.verdict()->text().startsWith(QStringLiteral("Equal"))) << dialog.verdict()->text().toStdString();
    // Named by their connections.
    EXPECT_TRUE(dialog.verdict()->text().contains(connections.list[connections.second].name)) << dialog.verdict()->text().toStdString();
    EXPECT_NE(findItem(dialog.tree(), QStringLiteral("No differences")), nullptr);
    EXPECT_TRUE(dialog.browser()->toPlainText().contains(QString::fromStdString(a.name())));

    // b upgraded to 1.1.0: the new table is only in the second database.
    {
        auto c = b.connect();
        pum::NullFeedback feedback;
        pum::Upgrader upgrader(pum::Config::load(pum::test::dryRunModuleDir()), c, feedback);
        upgrader.upgrade(pum::UpgradeOptions{});
    }
    ASSERT_TRUE(compare(dialog, connections));
    ASSERT_TRUE(dialog.comparisonResult() && dialog.comparisonResult()->ok) << dialog.verdict()->text().toStdString();
    EXPECT_FALSE(dialog.comparisonResult()->equal());
    EXPECT_TRUE(dialog.verdict()->text().startsWith(QStringLiteral("Different"))) << dialog.verdict()->text().toStdString();
    QTreeWidgetItem* added = findItem(dialog.tree(), QStringLiteral("pum_dry_run.added_table"));
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->text(1), QStringLiteral("Only in ") + connections.list[connections.second].name);
    EXPECT_EQ(added->parent()->text(0), QStringLiteral("Tables"));
    EXPECT_EQ(findItem(dialog.tree(), QStringLiteral("pum_dry_run.vw_full"))->text(1), QStringLiteral("Changed"));
    EXPECT_TRUE(dialog.browser()->toPlainText().contains(QStringLiteral("pum_dry_run.added_table")));

    TempDir dir;
    QString error;
    const QString json = QString::fromStdString((dir.path() / "compare.json").string());
    ASSERT_TRUE(dialog.saveReport(json, &error)) << error.toStdString();
    EXPECT_TRUE(readText(json).contains(QStringLiteral("added_table")));
}

TEST(CompareDatabases, UnreachableSecondDatabaseIsAnError)
{
    TempDatabase a;
    std::optional<TempDatabase> b(std::in_place);
    const TwoConnections connections = saveTwo(a, *b);
    b.reset();  // dropped: the connection now names a database that does not exist
    pumqgis::ReportDialog dialog;
    ASSERT_TRUE(compare(dialog, connections));
    ASSERT_TRUE(dialog.comparisonResult());
    EXPECT_FALSE(dialog.comparisonResult()->ok);
    EXPECT_TRUE(dialog.verdict()->text().contains(QStringLiteral("Comparison failed"))) << dialog.verdict()->text().toStdString();
    EXPECT_FALSE(dialog.saveButton()->isEnabled());
}

namespace {

bool dryRunInDialog(pumqgis::PumDialog& dialog)
{
    bool finished = false;
    auto connection = QObject::connect(&dialog, &pumqgis::PumDialog::commandFinished, [&] { finished = true; });
    const bool started = dialog.startDryRun();
    const bool done = started && pumtest::waitFor([&] { return finished && !dialog.isBusy(); }, 120000);
    QObject::disconnect(connection);
    return done;
}

}  // namespace

TEST(DialogDryRun, RunsTheUpgradeTheStatusAllowsAndShowsTheReport)
{
    TempDatabase db;
    pum::test::installDryRunModuleOneZero(db, {"a", "b"});
    const QString name = QString::fromStdString("dry " + db.name());
    pumtest::saveConnection(name, db, false);
    auto dialog = pumtest::openDialog(name, dryRunModule());
    ASSERT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::UpgradeAvailable);
    dialog->setRolesAndGrant(false);
    ASSERT_TRUE(dialog->dryRunButton()->isEnabled());
    const std::string schemaBefore = schemaDump(db);
    const std::string rowsBefore = tableRows(db);

    ASSERT_TRUE(dryRunInDialog(*dialog));
    const TaskResult& result = dialog->lastResult();
    ASSERT_TRUE(result.ok) << result.message.toStdString() << "\n" << result.details.toStdString();
    ASSERT_TRUE(result.summary.dryRun.has_value());
    EXPECT_EQ(result.summary.dryRun->command, "upgrade");
    EXPECT_EQ(schemaDump(db), schemaBefore);
    EXPECT_EQ(tableRows(db), rowsBefore);
    EXPECT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::UpgradeAvailable);
    // The report window, on top of the dialog.
    const auto windows = dialog->findChildren<pumqgis::ReportDialog*>();
    ASSERT_EQ(windows.size(), 1);
    EXPECT_TRUE(windows.first()->isVisible());
    EXPECT_NE(findItem(windows.first()->tree(), QStringLiteral("pum_dry_run.added_table")), nullptr);
    windows.first()->close();
}

TEST(DialogDryRun, InstallWhenNotInstalledAndCompareOffersTheOtherConnections)
{
    TempDatabase db;
    const QString name = QString::fromStdString("dry " + db.name());
    pumtest::saveConnection(name, db, false);
    // Another one (each test has a profile of its own): what Compare… offers.
    const QString other = name + QStringLiteral(" (other)");
    pumtest::saveConnection(other, db, false);
    auto dialog = pumtest::openDialog(name, dryRunModule());
    ASSERT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::NotInstalled);
    dialog->setRolesAndGrant(false);
    ASSERT_TRUE(dryRunInDialog(*dialog));
    ASSERT_TRUE(dialog->lastResult().summary.dryRun.has_value()) << dialog->lastResult().message.toStdString();
    EXPECT_EQ(dialog->lastResult().summary.dryRun->command, "install");
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations') IS NULL"), "t");
    EXPECT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::NotInstalled);

    // Compare…: the dialog's connection first, the others to choose from.
    pumqgis::ReportDialog* window = dialog->openComparison();
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(window->compareWith()->findText(name), -1);
    EXPECT_GE(window->compareWith()->findText(other), 0);
    window->close();
}
