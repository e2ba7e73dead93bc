// The Fleet dialog against real databases of the test cluster, through saved
// QGIS connections: one broken database fails alone, the table and the
// exports say so; cancel (all or one row) rolls back what was not committed;
// Info lists from/to; every database of a server holding the module.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <memory>
#include <unistd.h>

#include "fleet_dialog.h"
#include "fleet_table_model.h"
#include "log_view.h"
#include "parameter_form.h"
#include "qgis_test_support.h"

#include "pum/db/database.h"
#include "pum/run/migration_table.h"
#include "pum/run/upgrader.h"

using pum::FleetCommand;
using pum::FleetStatus;
using pum::test::TempDatabase;
using pumqt::FleetTableModel;

namespace {

pum::Config currentModule()
{
    return pum::Config::load(pumtest::dataModule("current_module").toStdString());
}

std::string versionOf(const TempDatabase& db)
{
    auto connection = db.connect();
    const auto latest = pum::MigrationTable(connection, "public").latest();
    return latest ? latest->versionText : "";
}

using Databases = std::vector<std::unique_ptr<TempDatabase>>;

// The saved connection of `db`: numbered, so that the list (sorted by name)
// and the fleet's rows keep the order the databases were made in.
std::map<std::string, QString>& connectionNames()
{
    static std::map<std::string, QString> names;
    return names;
}

QString connectionOf(const TempDatabase& db)
{
    return connectionNames().at(db.name());
}

// How the table shows it: the connection, and the database it reaches.
QString shownAs(const TempDatabase& db)
{
    return QStringLiteral("%1 (%2)").arg(connectionOf(db), QString::fromStdString(db.name()));
}

// `count` databases with current_module at `version`, each behind a saved QGIS connection.
Databases databasesAt(std::size_t count, const char* version)
{
    Databases dbs;
    for (std::size_t i = 0; i < count; ++i) {
        dbs.push_back(std::make_unique<TempDatabase>());
        if (version)
            pumtest::installWithCore(*dbs.back(), "current_module", version);
        const QString name = QStringLiteral("fleet %1 %2")
                                 .arg(connectionNames().size(), 3, 10, QLatin1Char('0'))
                                 .arg(QString::fromStdString(dbs.back()->name()));
        connectionNames()[dbs.back()->name()] = name;
        pumtest::saveConnection(name, *dbs.back(), false);
    }
    return dbs;
}

std::unique_ptr<pumqgis::FleetDialog> fleetDialog(const Databases& dbs, int jobs)
{
    pumqgis::FleetModule module;
    module.config = currentModule();
    module.rolesAndGrant = false;
    auto dialog = std::make_unique<pumqgis::FleetDialog>(module);
    dialog->setConfirmation([](const QString&, const QString&) { return true; });
    for (const auto& db : dbs)
        if (!dialog->setConnectionChecked(connectionOf(*db), true))
            throw std::runtime_error("no connection " + db->name() + " in the fleet dialog");
    dialog->setJobs(jobs);
    return dialog;
}

bool runToEnd(pumqgis::FleetDialog& dialog, FleetCommand command)
{
    if (!dialog.start(command))
        return false;
    return pumtest::waitFor([&] { return !dialog.isBusy(); }, 120000);
}

QString cell(const pumqgis::FleetDialog& dialog, int row, int column)
{
    return dialog.model()->data(dialog.model()->index(row, column)).toString();
}

// The rows' state keys, in order.
std::vector<std::string> states(const pumqgis::FleetDialog& dialog)
{
    std::vector<std::string> out;
    for (int row = 0; row < dialog.model()->rowCount(); ++row)
        out.push_back(dialog.model()->data(dialog.model()->index(row, 0), FleetTableModel::StatusKeyRole)
                          .toString()
                          .toStdString());
    return out;
}

// An RFC 4180 reader: the export must be readable by one, not only look right.
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& field = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty())
        rows.pop_back();  // after the last line end
    return rows;
}

std::string readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

// Holds a SHARE lock on current_module's pipe table in its own transaction:
// an upgrade from 1.1.0 then waits in the middle (1.9.0's foreign key to pipe),
// after it dropped the application, until the lock goes.
class PipeLock {
public:
    explicit PipeLock(const TempDatabase& db) : connection_(db.connect())
    {
        connection_.exec("BEGIN");
        connection_.exec("LOCK TABLE pum_current_data.pipe IN SHARE MODE");
    }
    void release() { connection_.exec("ROLLBACK"); }

private:
    pum::Connection connection_;
};

// Sessions of database `db` waiting for a lock now.
int lockWaiters(const TempDatabase& db)
{
    auto watcher = pum::Connection::open(pum::test::conninfo("postgres"));
    return std::stoi(watcher
                         .execParams("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND "
                                     "wait_event_type = 'Lock'",
                                     {db.name()})
                         .value(0, 0));
}

// What the sessions of the cluster do, for failure messages.
std::string activity()
{
    auto watcher = pum::Connection::open(pum::test::conninfo("postgres"));
    auto rows = watcher.exec("SELECT datname || ' ' || coalesce(wait_event_type, '-') || ' ' || state || ' ' || "
                             "left(query, 80) FROM pg_stat_activity WHERE datname LIKE 'pumtest%'");
    std::string out;
    for (int row = 0; row < rows.rows(); ++row)
        out += rows.value(row, 0) + "\n";
    return out;
}

bool hasAppSchema(const TempDatabase& db)
{
    return db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'pum_current_app'") == "1";
}

}  // namespace

TEST(FleetDialog, FiveDatabasesOneBrokenFourUpgradedTheTableAndTheExportsSaySo)
{
    Databases dbs = databasesAt(5, "1.1.0");
    // 1.9.0 creates this table: the upgrade of that database fails there.
    dbs[2]->connect().exec("CREATE TABLE pum_current_data.maintenance (conflicting int)");
    const std::string brokenBefore = dbs[2]->snapshot();
    auto dialog = fleetDialog(dbs, 3);

    ASSERT_TRUE(runToEnd(*dialog, FleetCommand::Upgrade));
    ASSERT_TRUE(dialog->report().has_value()) << dialog->summaryLabel()->text().toStdString();
    ASSERT_EQ(dialog->model()->rowCount(), 5);
    EXPECT_EQ(states(*dialog),
              (std::vector<std::string>{"upgraded", "upgraded", "failed", "upgraded", "upgraded"}));
    for (int row : {0, 1, 3, 4}) {
        SCOPED_TRACE(row);
        EXPECT_EQ(cell(*dialog, row, FleetTableModel::Database), shownAs(*dbs[row]));
        EXPECT_EQ(cell(*dialog, row, FleetTableModel::From), QStringLiteral("1.1.0"));
        EXPECT_EQ(cell(*dialog, row, FleetTableModel::To), QStringLiteral("1.10.0"));
        EXPECT_EQ(cell(*dialog, row, FleetTableModel::State), QStringLiteral("Upgraded"));
        EXPECT_TRUE(cell(*dialog, row, FleetTableModel::Message).startsWith(QStringLiteral("applied 1.2.0, 1.9.0, 1.10.0")))
            << cell(*dialog, row, FleetTableModel::Message).toStdString();
        EXPECT_TRUE(cell(*dialog, row, FleetTableModel::Time).endsWith(QStringLiteral(" s")));
        EXPECT_EQ(versionOf(*dbs[row]), "1.10.0");
    }
    const QString failure = cell(*dialog, 2, FleetTableModel::Message);
    EXPECT_TRUE(failure.contains(QStringLiteral("already exists"))) << failure.toStdString();
    EXPECT_EQ(cell(*dialog, 2, FleetTableModel::From), QStringLiteral("1.1.0"));
    EXPECT_EQ(cell(*dialog, 2, FleetTableModel::To), QString());
    EXPECT_EQ(cell(*dialog, 2, FleetTableModel::State), QStringLiteral("Failed"));
    // Rolled back: as it was.
    EXPECT_EQ(versionOf(*dbs[2]), "1.1.0");
    EXPECT_EQ(dbs[2]->snapshot(), brokenBefore);
    EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("Upgraded: 4, Failed: 1")))
        << dialog->summaryLabel()->text().toStdString();
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(connectionOf(*dbs[2]) + QStringLiteral(": ")));

    QTemporaryDir out;
    QString error;
    const QString csvPath = out.filePath(QStringLiteral("fleet.csv"));
    ASSERT_TRUE(dialog->exportReport(csvPath, &error)) << error.toStdString();
    const auto csv = parseCsv(readAll(csvPath));
    ASSERT_EQ(csv.size(), 6u);
    EXPECT_EQ(csv[0], (std::vector<std::string>{"database", "from", "to", "state", "seconds", "message"}));
    for (std::size_t i = 0; i < 5; ++i) {
        SCOPED_TRACE(i);
        ASSERT_EQ(csv[i + 1].size(), 6u);
        EXPECT_EQ(csv[i + 1][0], connectionOf(*dbs[i]).toStdString());
        EXPECT_EQ(csv[i + 1][1], "1.1.0");
        EXPECT_EQ(csv[i + 1][2], i == 2 ? "" : "1.10.0");
        EXPECT_EQ(csv[i + 1][3], i == 2 ? "failed" : "upgraded");
        EXPECT_GT(std::stod(csv[i + 1][4]), 0.0);
        EXPECT_EQ(csv[i + 1][5], dialog->report()->results[i].message);
    }
    EXPECT_NE(csv[3][5].find("already exists"), std::string::npos) << csv[3][5];

    const QString htmlPath = out.filePath(QStringLiteral("fleet.html"));
    ASSERT_TRUE(dialog->exportReport(htmlPath, &error)) << error.toStdString();
    const std::string html = readAll(htmlPath);
    EXPECT_NE(html.find("<tr class=\"failed\"><td>" + connectionOf(*dbs[2]).toStdString() + "</td>"), std::string::npos)
        << html;
    EXPECT_NE(html.find("<tr class=\"upgraded\"><td>" + connectionOf(*dbs[4]).toStdString() + "</td>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("5 databases: 4 upgraded, 1 failed"), std::string::npos) << html;

    EXPECT_FALSE(dialog->exportReport(out.filePath(QStringLiteral("fleet.txt")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral(".html or .csv"))) << error.toStdString();
}

TEST(FleetDialog, InfoListsFromAndToAndChangesNothing)
{
    Databases dbs = databasesAt(1, "1.1.0");
    Databases newest = databasesAt(1, nullptr);
    pumtest::installWithCore(*newest[0], "current_module", nullptr);
    Databases empty = databasesAt(1, nullptr);
    dbs.push_back(std::move(newest[0]));
    dbs.push_back(std::move(empty[0]));
    auto dialog = fleetDialog(dbs, 2);

    ASSERT_TRUE(runToEnd(*dialog, FleetCommand::Info));
    EXPECT_EQ(states(*dialog), (std::vector<std::string>{"upgrade_pending", "up_to_date", "not_installed"}));
    EXPECT_EQ(cell(*dialog, 0, FleetTableModel::From), QStringLiteral("1.1.0"));
    EXPECT_EQ(cell(*dialog, 0, FleetTableModel::To), QStringLiteral("1.10.0"));
    EXPECT_EQ(cell(*dialog, 0, FleetTableModel::Message), QStringLiteral("pending: 1.2.0, 1.9.0, 1.10.0"));
    EXPECT_EQ(cell(*dialog, 1, FleetTableModel::From), QStringLiteral("1.10.0"));
    EXPECT_EQ(cell(*dialog, 1, FleetTableModel::To), QStringLiteral("1.10.0"));
    EXPECT_EQ(cell(*dialog, 2, FleetTableModel::From), QString());
    EXPECT_EQ(cell(*dialog, 2, FleetTableModel::To), QStringLiteral("1.10.0"));
    EXPECT_EQ(cell(*dialog, 2, FleetTableModel::State), QStringLiteral("Not installed"));
    EXPECT_EQ(versionOf(*dbs[0]), "1.1.0");
}

TEST(FleetDialog, CancelAllRollsBackTheDatabasesNotCommitted)
{
    Databases dbs = databasesAt(4, "1.1.0");
    std::vector<std::unique_ptr<PipeLock>> locks;
    for (std::size_t i = 1; i < dbs.size(); ++i)
        locks.push_back(std::make_unique<PipeLock>(*dbs[i]));
    auto dialog = fleetDialog(dbs, 4);

    ASSERT_TRUE(dialog->start(FleetCommand::Upgrade));
    // The first commits; the three others wait, mid-upgrade, for their lock.
    ASSERT_TRUE(pumtest::waitFor([&] {
        if (dialog->model()->phase(0) != FleetTableModel::Phase::Done)
            return false;
        for (std::size_t i = 1; i < dbs.size(); ++i)
            if (lockWaiters(*dbs[i]) != 1)
                return false;
        return true;
    })) << dialog->summaryLabel()->text().toStdString() << "\n" << activity();
    EXPECT_TRUE(dialog->isBusy());
    EXPECT_TRUE(dialog->commandButton(FleetCommand::Upgrade)->isHidden() ||
                !dialog->commandButton(FleetCommand::Upgrade)->isEnabled());
    for (int row = 1; row < 4; ++row)
        EXPECT_EQ(dialog->model()->phase(row), FleetTableModel::Phase::Running);

    dialog->cancelAll();
    for (int row = 1; row < 4; ++row)
        EXPECT_EQ(cell(*dialog, row, FleetTableModel::State), QStringLiteral("Cancelling…"));
    ASSERT_TRUE(pumtest::waitFor([&] { return !dialog->isBusy(); }, 30000));
    EXPECT_EQ(states(*dialog), (std::vector<std::string>{"upgraded", "cancelled", "cancelled", "cancelled"}));
    EXPECT_EQ(versionOf(*dbs[0]), "1.10.0");
    for (std::size_t i = 1; i < dbs.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(versionOf(*dbs[i]), "1.1.0");
        // The application the upgrade had dropped is back: the whole transaction rolled back.
        EXPECT_TRUE(hasAppSchema(*dbs[i]));
        EXPECT_EQ(dbs[i]->scalar("SELECT to_regclass('pum_current_data.maintenance') IS NULL"), "t");
    }
    EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("Cancelled: 3")))
        << dialog->summaryLabel()->text().toStdString();
}

TEST(FleetDialog, CancellingOneRowLeavesTheOthersRunning)
{
    Databases dbs = databasesAt(3, "1.1.0");
    PipeLock first(*dbs[1]);
    PipeLock second(*dbs[2]);
    auto dialog = fleetDialog(dbs, 3);

    ASSERT_TRUE(dialog->start(FleetCommand::Upgrade));
    ASSERT_TRUE(pumtest::waitFor([&] {
        return dialog->model()->phase(0) == FleetTableModel::Phase::Done && lockWaiters(*dbs[1]) == 1 &&
               lockWaiters(*dbs[2]) == 1;
    }));
    dialog->cancelRow(1);
    ASSERT_TRUE(pumtest::waitFor([&] { return dialog->model()->phase(1) == FleetTableModel::Phase::Done; }, 30000));
    EXPECT_EQ(dialog->model()->result(1).status, FleetStatus::Cancelled);
    EXPECT_EQ(dialog->model()->phase(2), FleetTableModel::Phase::Running);
    // The other one goes on once its lock is free.
    second.release();
    ASSERT_TRUE(pumtest::waitFor([&] { return !dialog->isBusy(); }, 60000));
    EXPECT_EQ(states(*dialog), (std::vector<std::string>{"upgraded", "cancelled", "upgraded"}));
    EXPECT_EQ(versionOf(*dbs[1]), "1.1.0");
    EXPECT_TRUE(hasAppSchema(*dbs[1]));
    EXPECT_EQ(versionOf(*dbs[2]), "1.10.0");
}

TEST(FleetDialog, EveryDatabaseOfTheServerHoldingTheModule)
{
    Databases dbs = databasesAt(2, "1.1.0");
    Databases other = databasesAt(1, nullptr);
    pumtest::installWithCore(*other[0], "seed_module", nullptr);
    Databases empty = databasesAt(1, nullptr);
    auto dialog = fleetDialog({}, 2);
    // Only this process's databases: others may run tests on the same cluster.
    const QString pattern = QStringLiteral("pumtest\\_%1\\_%").arg(getpid());
    ASSERT_TRUE(dialog->useServerOf(connectionOf(*empty[0]), pattern));

    ASSERT_TRUE(runToEnd(*dialog, FleetCommand::Info));
    ASSERT_TRUE(dialog->report().has_value()) << dialog->summaryLabel()->text().toStdString();
    std::vector<std::string> names{dbs[0]->name(), dbs[1]->name()};
    std::sort(names.begin(), names.end());
    ASSERT_EQ(dialog->model()->rowCount(), 2);
    EXPECT_EQ(cell(*dialog, 0, FleetTableModel::Database).toStdString(), names[0]);
    EXPECT_EQ(cell(*dialog, 1, FleetTableModel::Database).toStdString(), names[1]);
    EXPECT_EQ(states(*dialog), (std::vector<std::string>{"upgrade_pending", "upgrade_pending"}));
    // The database of another module is named, with the reason.
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(QStringLiteral("Skipped %1: ").arg(QString::fromStdString(other[0]->name()))))
        << dialog->logView()->toPlainText().toStdString();

    // A pattern matching nothing: a clear message, no rows.
    ASSERT_TRUE(dialog->useServerOf(connectionOf(*empty[0]), QStringLiteral("no\\_such\\_db\\_%")));
    ASSERT_TRUE(runToEnd(*dialog, FleetCommand::Info));
    EXPECT_EQ(dialog->model()->rowCount(), 0);
    EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("No database of this server named like no\\_such\\_db\\_% holds module pum_current.")))
        << dialog->summaryLabel()->text().toStdString();
}

TEST(FleetDialog, NothingCheckedDoesNotStart)
{
    auto dialog = fleetDialog({}, 1);
    EXPECT_FALSE(dialog->start(FleetCommand::Upgrade));
    EXPECT_FALSE(dialog->isBusy());
    EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("Check at least one connection")));
    QString error;
    EXPECT_FALSE(dialog->exportReport(QStringLiteral("/tmp/x.csv"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("Nothing to export yet")));
}

TEST(FleetDialog, DryRunReportsWhatWouldChangeAndLeavesTheDatabases)
{
    Databases dbs = databasesAt(2, "1.1.0");
    const std::string before = dbs[0]->snapshot();
    auto dialog = fleetDialog(dbs, 2);
    ASSERT_TRUE(runToEnd(*dialog, FleetCommand::DryRun));
    EXPECT_EQ(states(*dialog), (std::vector<std::string>{"would_upgrade", "would_upgrade"}));
    EXPECT_EQ(cell(*dialog, 0, FleetTableModel::To), QStringLiteral("1.10.0"));
    EXPECT_TRUE(cell(*dialog, 0, FleetTableModel::Message).contains(QStringLiteral("rolled back")))
        << cell(*dialog, 0, FleetTableModel::Message).toStdString();
    EXPECT_EQ(versionOf(*dbs[0]), "1.1.0");
    EXPECT_EQ(versionOf(*dbs[1]), "1.1.0");
    EXPECT_EQ(dbs[0]->snapshot(), before);
}

TEST(FleetDialog, ClosingWhileRunningCancelsAndClosesOnceRolledBack)
{
    Databases dbs = databasesAt(1, "1.1.0");
    PipeLock lock(*dbs[0]);
    auto dialog = fleetDialog(dbs, 1);
    dialog->show();
    ASSERT_TRUE(dialog->start(FleetCommand::Upgrade));
    ASSERT_TRUE(pumtest::waitFor([&] { return lockWaiters(*dbs[0]) == 1; }));
    dialog->reject();
    // Still open while the database rolls back; closed once it has.
    EXPECT_TRUE(dialog->isVisible());
    ASSERT_TRUE(pumtest::waitFor([&] { return !dialog->isBusy(); }, 30000));
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(states(*dialog), (std::vector<std::string>{"cancelled"}));
    EXPECT_EQ(versionOf(*dbs[0]), "1.1.0");
    EXPECT_TRUE(hasAppSchema(*dbs[0]));
}

TEST(FleetDialog, OpenedFromTheMainDialogWithItsModuleAndTheParametersThatApplyToEveryDatabase)
{
    Databases dbs = databasesAt(2, "1.1.0");
    auto main = pumtest::openDialog(connectionOf(*dbs[0]), pumtest::dataModule("current_module"));
    main->setRolesAndGrant(false);
    // srid is locked to what dbs[0] stored at install; label_language (app_only) is the user's.
    ASSERT_TRUE(main->parameterForm()->isLocked(QStringLiteral("srid")));
    ASSERT_TRUE(main->parameterForm()->setValue(QStringLiteral("label_language"), QStringLiteral("fr")));
    auto* button = main->findChild<QPushButton*>(QStringLiteral("fleet"));
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(button->isEnabled());
    button->click();
    auto* fleet = main->findChild<pumqgis::FleetDialog*>(QStringLiteral("FleetDialog"));
    ASSERT_NE(fleet, nullptr);
    EXPECT_TRUE(fleet->isVisible());
    const QString module = fleet->findChild<QLabel*>(QStringLiteral("fleetModule"))->text();
    EXPECT_TRUE(module.contains(QStringLiteral("Module pum_current, up to the newest version."))) << module.toStdString();
    EXPECT_TRUE(module.contains(QStringLiteral("label_language=fr"))) << module.toStdString();
    EXPECT_FALSE(module.contains(QStringLiteral("srid="))) << module.toStdString();

    fleet->setConfirmation([](const QString&, const QString&) { return true; });
    ASSERT_TRUE(fleet->setConnectionChecked(connectionOf(*dbs[1]), true));
    ASSERT_TRUE(runToEnd(*fleet, FleetCommand::Upgrade));
    EXPECT_EQ(states(*fleet), (std::vector<std::string>{"upgraded"}));
    EXPECT_EQ(dbs[1]->scalar("SELECT pum_current_app.label_language()"), "fr");
    EXPECT_EQ(versionOf(*dbs[0]), "1.1.0");  // the main dialog's database was not checked
    fleet->close();
}
