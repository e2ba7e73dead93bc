// The dialog against the real test cluster: the status for each database
// state, install and upgrade through the task, cancel, errors.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "qgscoordinatereferencesystem.h"
#include "qgsmessagebar.h"
#include "qgsmessagebaritem.h"
#include "qgsprojectionselectionwidget.h"

#include "log_view.h"
#include "parameter_form.h"
#include "python_hooks_loader.h"
#include "qgis_test_support.h"

#include "pum/db/database.h"
#include "pum/run/upgrader.h"

using pumqgis::Command;
using pumqt::ModuleStatus;
using State = ModuleStatus::State;
using pum::test::TempDatabase;
using pum::test::TempDir;

// The state, with the status text when it differs.
#define EXPECT_STATE(dialog, expected) \
    EXPECT_EQ((dialog).status().state(), expected) << ((dialog).status().title() + QStringLiteral(" / ") + (dialog).status().details()).toStdString()
#define ASSERT_STATE(dialog, expected) \
    ASSERT_EQ((dialog).status().state(), expected) << ((dialog).status().title() + QStringLiteral(" / ") + (dialog).status().details()).toStdString()

namespace {

QString connectionFor(const TempDatabase& db, bool viaAuthConfig = false)
{
    const QString name = QString::fromStdString("conn " + db.name());
    pumtest::saveConnection(name, db, viaAuthConfig);
    return name;
}

QString lastMessage(pumqgis::PumDialog& dialog)
{
    auto* item = dialog.messageBar()->currentItem();
    return item ? item->title() + QStringLiteral(": ") + item->text() : QString();
}

}  // namespace

TEST(DialogStatus, NotInstalled)
{
    TempDatabase db;
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    EXPECT_STATE(*dialog, State::NotInstalled);
    EXPECT_EQ(dialog->statusLabel()->text(), QStringLiteral("pum_current is not installed"));
    EXPECT_TRUE(dialog->actionButton(ModuleStatus::Install)->isEnabled());
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Upgrade)->isEnabled());
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Uninstall)->isEnabled());
    EXPECT_FALSE(dialog->parameterForm()->isLocked(QStringLiteral("srid")));
}

TEST(DialogStatus, UpgradeAvailableLocksInstallParameters)
{
    TempDatabase db;
    pumtest::installWithCore(db, "current_module", "1.1.0");
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    EXPECT_STATE(*dialog, State::UpgradeAvailable);
    EXPECT_EQ(dialog->statusLabel()->text(), QStringLiteral("Upgrade available from 1.1.0 to 1.10.0"));
    EXPECT_TRUE(dialog->status().details().startsWith(QStringLiteral("The upgrade runs versions 1.2.0, 1.9.0 and 1.10.0.\n")))
        << dialog->status().details().toStdString();
    EXPECT_TRUE(dialog->actionButton(ModuleStatus::Upgrade)->isEnabled());
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Install)->isEnabled());
    EXPECT_TRUE(dialog->parameterForm()->isLocked(QStringLiteral("srid")));
    EXPECT_TRUE(dialog->parameterForm()->isLocked(QStringLiteral("default_status")));
    EXPECT_FALSE(dialog->parameterForm()->isLocked(QStringLiteral("label_language")));
    EXPECT_TRUE(dialog->dryRunButton()->isEnabled());
    EXPECT_TRUE(dialog->dryRunButton()->toolTip().startsWith(QStringLiteral("Run the upgrade and roll it back")));
}

TEST(DialogStatus, UpToDate)
{
    TempDatabase db;
    pumtest::installWithCore(db, "current_module", nullptr);
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    EXPECT_STATE(*dialog, State::UpToDate);
    EXPECT_EQ(dialog->statusLabel()->text(), QStringLiteral("pum_current 1.10.0 is up to date"));
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Upgrade)->isEnabled());
    EXPECT_TRUE(dialog->actionButton(ModuleStatus::RecreateApp)->isEnabled());
    EXPECT_TRUE(dialog->actionButton(ModuleStatus::DemoData)->isEnabled());
    EXPECT_TRUE(dialog->actionButton(ModuleStatus::Uninstall)->isEnabled());
    // Dry run is off, and says why.
    EXPECT_FALSE(dialog->dryRunButton()->isEnabled());
    EXPECT_EQ(dialog->dryRunButton()->toolTip(),
              QStringLiteral("Nothing to try: the database is up to date. Recreate app rebuilds the application layer."));
}

TEST(DialogStatus, AnotherModule)
{
    TempDatabase db;
    pumtest::installWithCore(db, "seed_module", nullptr);
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    EXPECT_STATE(*dialog, State::OtherModule);
    EXPECT_TRUE(dialog->statusLabel()->text().contains(QStringLiteral("pum_test"))) << dialog->statusLabel()->text().toStdString();
    for (auto action : {ModuleStatus::Install, ModuleStatus::Upgrade, ModuleStatus::Uninstall, ModuleStatus::Baseline})
        EXPECT_FALSE(dialog->actionButton(action)->isEnabled());
}

TEST(DialogStatus, DatabaseNewerThanModule)
{
    TempDatabase db;
    pumtest::installWithCore(db, "current_module", nullptr);
    {
        auto connection = db.connect();
        pum::NullFeedback feedback;
        pum::Upgrader(pum::Config::load(pumtest::dataModule("current_module").toStdString()), connection, feedback)
            .baseline(pum::Version::parse("2.0.0"));
    }
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    EXPECT_STATE(*dialog, State::DatabaseNewer);
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Upgrade)->isEnabled());
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::RecreateApp)->isEnabled());
}

TEST(DialogStatus, BetaTesting)
{
    TempDatabase db;
    pumtest::installWithCore(db, "current_module", "1.1.0", true);
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    EXPECT_STATE(*dialog, State::BetaTesting);
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Upgrade)->isEnabled());
}

TEST(DialogStatus, InvalidModuleFolder)
{
    TempDatabase db;
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: broken\nunknown_key: 1\n");
    auto dialog = pumtest::openDialog(connectionFor(db), QString::fromStdString(dir.path().string()));
    EXPECT_STATE(*dialog, State::Error);
    EXPECT_TRUE(dialog->status().details().contains(QStringLiteral(".pum.yaml:3"))) << dialog->status().details().toStdString();
}

TEST(DialogSrid, CrsSelectorShowsTheCrsAndPassesTheEpsgCode)
{
    TempDatabase db;
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    auto* editor = dialog->parameterForm()->editor(QStringLiteral("srid"));
    ASSERT_NE(editor, nullptr);
    auto* selector = qobject_cast<QgsProjectionSelectionWidget*>(editor->widget());
    ASSERT_NE(selector, nullptr);
    EXPECT_EQ(selector->crs().authid(), QStringLiteral("EPSG:2056"));  // the module's default
    EXPECT_TRUE(selector->crs().description().contains(QStringLiteral("LV95"))) << selector->crs().description().toStdString();
    selector->setCrs(QgsCoordinateReferenceSystem::fromEpsgId(21781));
    EXPECT_EQ(dialog->parameterForm()->givenValues().at("srid"), "21781");
}

TEST(DialogRun, InstallThenUpgradeThroughAnAuthConfiguration)
{
    TempDatabase db;
    auto dialog = pumtest::openDialog(connectionFor(db, true), pumtest::dataModule("current_module"));
    ASSERT_STATE(*dialog, State::NotInstalled);
    dialog->setRolesAndGrant(false);
    dialog->setTargetVersion(QStringLiteral("1.1.0"));
    ASSERT_TRUE(dialog->parameterForm()->setValue(QStringLiteral("srid"), QStringLiteral("2056")));
    ASSERT_TRUE(dialog->parameterForm()->setValue(QStringLiteral("default_status"), QStringLiteral("built")));

    ASSERT_TRUE(pumtest::run(*dialog, Command::Install));
    ASSERT_TRUE(dialog->lastResult().ok) << dialog->lastResult().message.toStdString() << "\n"
                                         << dialog->lastResult().details.toStdString();
    EXPECT_TRUE(lastMessage(*dialog).contains(QStringLiteral("pum_current installed at version 1.1.0 in")))
        << lastMessage(*dialog).toStdString();
    EXPECT_STATE(*dialog, State::UpgradeAvailable);
    EXPECT_EQ(db.scalar("SELECT string_agg(version, ',' ORDER BY version) FROM public.pum_migrations"), "1.0.0,1.1.0");
    EXPECT_EQ(db.scalar("SELECT parameters->>'srid' FROM public.pum_migrations LIMIT 1"), "2056");
    EXPECT_EQ(db.scalar("SELECT parameters->>'default_status' FROM public.pum_migrations LIMIT 1"), "built");
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(QStringLiteral("Install on conn "))) << dialog->logView()->toPlainText().toStdString();

    // Upgrade: stored values are kept, the app_only one may change.
    dialog->setTargetVersion(QString());
    ASSERT_TRUE(dialog->parameterForm()->setValue(QStringLiteral("label_language"), QStringLiteral("fr")));
    ASSERT_TRUE(pumtest::run(*dialog, Command::Upgrade));
    ASSERT_TRUE(dialog->lastResult().ok) << dialog->lastResult().message.toStdString() << "\n"
                                         << dialog->lastResult().details.toStdString();
    EXPECT_TRUE(dialog->lastResult().message.startsWith(QStringLiteral("pum_current upgraded from 1.1.0 to 1.10.0 in ")))
        << dialog->lastResult().message.toStdString();
    EXPECT_STATE(*dialog, State::UpToDate);
    EXPECT_EQ(db.scalar("SELECT max(string_to_array(version, '.')::int[])::text FROM public.pum_migrations"), "{1,10,0}");
    EXPECT_EQ(db.scalar("SELECT pum_current_app.label_language()"), "fr");
    EXPECT_EQ(db.scalar("SELECT count(DISTINCT parameters->>'srid') FROM public.pum_migrations"), "1");
}

TEST(DialogRun, CancelRollsBack)
{
    TempDatabase db;
    TempDir dir;
    const QString module = pumtest::writeSlowModule(dir);
    const std::string before = db.snapshot();
    auto dialog = pumtest::openDialog(connectionFor(db), module);
    ASSERT_STATE(*dialog, State::NotInstalled);
    dialog->setRolesAndGrant(false);

    bool finished = false;
    QObject::connect(dialog.get(), &pumqgis::PumDialog::commandFinished, [&] { finished = true; });
    ASSERT_TRUE(dialog->startCommand(Command::Install));
    // Wait until the server is sleeping in the second file, then cancel.
    ASSERT_TRUE(pumtest::waitUntilSleeping(db));
    QElapsedTimer timer;
    timer.start();
    dialog->cancelCommand();
    ASSERT_TRUE(pumtest::waitFor([&] { return finished && !dialog->isBusy(); }, 30000));
    EXPECT_LT(timer.elapsed(), 10000);  // the running statement was interrupted, not waited for
    EXPECT_TRUE(dialog->lastResult().cancelled) << dialog->lastResult().message.toStdString();
    EXPECT_TRUE(dialog->lastResult().message.contains(QStringLiteral("Nothing was changed")));
    EXPECT_EQ(db.snapshot(), before);
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.slow_table') IS NULL"), "t");
    EXPECT_STATE(*dialog, State::NotInstalled);
}

TEST(DialogRun, ErrorNamesFileAndLineAndChangesNothing)
{
    TempDatabase db;
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: broken\n");
    dir.write("changelogs/1.0.0/01_ok.sql", "CREATE TABLE ok_table (id int);\n");
    dir.write("changelogs/1.0.0/02_bad.sql",
              "-- a comment\n\nCREATE TABLE fine (id int);\n\nINSERT INTO missing_table VALUES (1);\n");
    const std::string before = db.snapshot();
    auto dialog = pumtest::openDialog(connectionFor(db), QString::fromStdString(dir.path().string()));
    dialog->setRolesAndGrant(false);
    ASSERT_TRUE(pumtest::run(*dialog, Command::Install));
    const auto& result = dialog->lastResult();
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.cancelled);
    EXPECT_TRUE(result.errorFile.endsWith(QStringLiteral("02_bad.sql"))) << result.errorFile.toStdString();
    EXPECT_EQ(result.errorLine, 5);
    EXPECT_EQ(result.sqlstate, QStringLiteral("42P01"));
    EXPECT_TRUE(result.message.contains(QStringLiteral("02_bad.sql, line 5"))) << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(QStringLiteral("missing_table")));
    EXPECT_TRUE(result.details.contains(QStringLiteral("Nothing was changed"))) << result.details.toStdString();
    // Shown to the user: message bar and log.
    EXPECT_TRUE(lastMessage(*dialog).contains(QStringLiteral("line 5"))) << lastMessage(*dialog).toStdString();
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(QStringLiteral("Nothing was changed")));
    EXPECT_EQ(db.snapshot(), before);
}

TEST(DialogRun, InvalidParameterIsRefusedBeforeRunning)
{
    TempDatabase db;
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    auto* editor = dialog->parameterForm()->editor(QStringLiteral("default_status"));
    ASSERT_NE(editor, nullptr);
    // A value outside `values` cannot be picked in the list, but can be set by a script.
    dialog->parameterForm()->setValue(QStringLiteral("default_status"), QStringLiteral("planned"));
    EXPECT_TRUE(dialog->actionButton(ModuleStatus::Install)->isEnabled());
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: numbers\nparameters:\n  - name: count\n    type: integer\n    default: 3\n");
    dir.write("changelogs/1.0.0/01.sql", "SELECT {count};\n");
    dialog->setModuleDirectory(QString::fromStdString(dir.path().string()));
    pumtest::waitFor([&] { return !dialog->isBusy(); });
    dialog->parameterForm()->setValue(QStringLiteral("count"), QStringLiteral("12x"));
    EXPECT_FALSE(dialog->actionButton(ModuleStatus::Install)->isEnabled());
    EXPECT_FALSE(dialog->startCommand(Command::Install));
    EXPECT_TRUE(lastMessage(*dialog).contains(QStringLiteral("count"))) << lastMessage(*dialog).toStdString();
}

TEST(DialogRun, UninstallAsksNamingDatabaseAndModule)
{
    TempDatabase db;
    pumtest::installWithCore(db, "current_module", nullptr);
    const QString connection = connectionFor(db);
    auto dialog = pumtest::openDialog(connection, pumtest::dataModule("current_module"));
    QString asked;
    dialog->setConfirmation([&](const QString&, const QString& question) {
        asked = question;
        return false;
    });
    EXPECT_FALSE(dialog->startCommand(Command::Uninstall));
    EXPECT_TRUE(asked.contains(QStringLiteral("pum_current"))) << asked.toStdString();
    EXPECT_TRUE(asked.contains(connection));
    EXPECT_TRUE(asked.contains(QString::fromStdString(db.name())));
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.pum_migrations') IS NOT NULL"), "t");
}

TEST(DialogRun, PythonHooksRunOrAreRefusedWithTheReason)
{
    TempDatabase db;
    const std::string before = db.snapshot();
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("seed_module_py"));
    ASSERT_STATE(*dialog, State::NotInstalled);
    dialog->setRolesAndGrant(false);
    ASSERT_TRUE(pumtest::run(*dialog, Command::Install));
    const auto& result = dialog->lastResult();
    QString why;
    if (pumqgis::loadPythonHooks(&why)) {
        // Built with Python hooks: they ran in this process's interpreter.
        EXPECT_TRUE(result.ok) << result.message.toStdString() << "\n" << result.details.toStdString();
        EXPECT_EQ(db.scalar("SELECT count(*) FROM public.pum_migrations"), "2");
    } else {
        // Without them: refused before anything ran, saying why.
        EXPECT_FALSE(result.ok);
        EXPECT_TRUE(result.message.contains(QStringLiteral(".py"))) << result.message.toStdString();
        EXPECT_TRUE(result.message.contains(why)) << result.message.toStdString() << " / " << why.toStdString();
        EXPECT_EQ(db.snapshot(), before);
    }
}
