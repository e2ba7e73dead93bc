// The dialog against the real test cluster: the status for each database
// state, install and upgrade through the task, cancel, errors.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTest>
#include <QToolButton>

#include <cstdio>

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

namespace {

// Module `dense` in `dir`: ten parameters of every type (an srid with its CRS
// selector, choices, app_only ones), each described in 200 characters, a first
// sentence and the rest. Returns their names.
QStringList writeDenseModule(const TempDir& dir)
{
    const char* declarations[] = {
        "name: srid\n    type: integer\n    default: 2056",
        "name: default_status\n    type: text\n    default: planned\n    values: [planned, built, abandoned]",
        "name: with_history\n    type: boolean\n    default: true",
        "name: tolerance\n    type: decimal\n    default: 1.50",
        "name: style_file\n    type: path",
        "name: max_nodes\n    type: integer\n    app_only: true",
        "name: oid_prefix\n    type: text",
        "name: strict_checks\n    type: boolean",
        "name: snapping\n    type: decimal\n    app_only: true",
        "name: label_language\n    type: text\n    default: en\n    values: [en, fr, de]\n    app_only: true"};
    std::string yaml = "pum:\n  module: dense\nparameters:\n";
    QStringList names;
    for (const char* declaration : declarations) {
        const std::string name = std::string(declaration).substr(6, std::string(declaration).find('\n') - 6);
        std::string description = "The " + name +
                                  " of the network model, as the operators of the utility know it. It is read by the "
                                  "views and the triggers of the application schema, and by the monthly reports "
                                  "printed for the maintenance teams of every district of the town";
        description = description.substr(0, 199) + ".";
        EXPECT_EQ(description.size(), 200u);
        yaml += std::string("  - ") + declaration + "\n    description: \"" + description + "\"\n";
        names << QString::fromStdString(name);
    }
    dir.write(".pum.yaml", yaml);
    dir.write("changelogs/1.0.0/01.sql", "CREATE TABLE dense_table (id int);\n");
    return names;
}

// Lets the layouts settle after a resize.
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(20);
    }
}

}  // namespace

TEST(DialogLayout, DefaultSizeFitsTheScreen)
{
    for (const QRect available : {QRect(0, 0, 1366, 728), QRect(0, 0, 1920, 1040), QRect(0, 0, 1280, 984),
                                  QRect(1920, 0, 1024, 728), QRect(0, 0, 800, 560)}) {
        const QSize size = pumqgis::PumDialog::defaultSize(available);
        EXPECT_LE(size.width(), available.width());
        EXPECT_LE(size.height(), available.height());
        EXPECT_GE(size.width(), std::min(available.width() - 16, 1100));
        EXPECT_GE(size.height(), std::min(available.height() - 40, 680));
    }
}

namespace {
// Every editor of `names` inside the parameters' scroll area, none to scroll
// to, and no description cut. Returns the lowest editor's bottom.
int expectEditorsVisible(pumqgis::PumDialog& dialog, const QStringList& names)
{
    auto* scroll = dialog.findChild<QScrollArea*>(QStringLiteral("parametersScroll"));
    QWidget* viewport = scroll->viewport();
    int lowest = 0;
    for (const QString& name : names) {
        QWidget* editor = dialog.parameterForm()->editor(name)->widget();
        const QRect where(editor->mapTo(viewport, QPoint(0, 0)), editor->size());
        EXPECT_TRUE(viewport->rect().contains(where))
            << name.toStdString() << " at " << where.x() << "," << where.y() << " " << where.width() << "x"
            << where.height() << ", viewport " << viewport->width() << "x" << viewport->height();
        lowest = std::max(lowest, where.bottom());
        auto* help = dialog.parameterForm()->findChild<QLabel*>(QStringLiteral("help_") + name);
        EXPECT_GE(help->height(), help->heightForWidth(help->width())) << name.toStdString();
    }
    return lowest;
}
}  // namespace

TEST(DialogLayout, TenLongParametersFitALaptopScreen)
{
    TempDatabase db;
    TempDir dir;
    const QStringList names = writeDenseModule(dir);
    const QString module = QString::fromStdString(dir.path().string());
    auto dialog = pumtest::openDialog(connectionFor(db), module);
    ASSERT_STATE(*dialog, State::NotInstalled);
    ASSERT_EQ(dialog->parameterForm()->definitions().size(), 10u);
    dialog->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));

    // 1366x768 less a task bar, as on many laptops.
    const QRect laptop(0, 0, 1366, 728);
    const QSize size = pumqgis::PumDialog::defaultSize(laptop);
    ASSERT_LE(size.width(), laptop.width());
    ASSERT_LE(size.height(), laptop.height());
    EXPECT_LE(dialog->minimumSizeHint().width(), size.width());
    EXPECT_LE(dialog->minimumSizeHint().height(), size.height());
    dialog->resize(size);
    settle();
    ASSERT_EQ(dialog->size(), size);

    QWidget* viewport = dialog->findChild<QScrollArea*>(QStringLiteral("parametersScroll"))->viewport();
    auto* log = dialog->logView();
    auto* toggle = dialog->findChild<QToolButton*>(QStringLiteral("toggleLog"));
    auto* splitter = dialog->findChild<QSplitter*>(QStringLiteral("formLogSplitter"));
    ASSERT_TRUE(toggle && splitter);
    // The log's height as the splitter gives it (0: collapsed).
    const auto logHeight = [&] { return splitter->sizes().value(1); };
    const int lowest = expectEditorsVisible(*dialog, names);
    std::printf("[ figures  ] dialog %dx%d (font %s %gpt): parameters viewport %dx%d, lowest editor's bottom at %d, "
                "log %d high\n",
                size.width(), size.height(), dialog->font().family().toUtf8().constData(), dialog->font().pointSizeF(),
                viewport->width(), viewport->height(), lowest, logHeight());
    EXPECT_EQ(toggle->isChecked(), logHeight() > 0);

    // Taller: the parameters get the height, the log keeps its own.
    const int viewportBefore = viewport->height();
    const int logBefore = logHeight();
    dialog->resize(size.width(), size.height() + 200);
    settle();
    EXPECT_GE(viewport->height(), viewportBefore + 190) << viewport->height();
    EXPECT_LE(logHeight(), logBefore + 10) << logHeight();

    // The Log button opens the log and collapses it, its height to the parameters.
    if (!toggle->isChecked()) {
        toggle->click();
        settle();
    }
    EXPECT_TRUE(toggle->isChecked());
    const int logShown = logHeight();
    EXPECT_GE(logShown, log->minimumHeight());
    EXPECT_EQ(log->height(), logShown);
    const int withLog = viewport->height();
    toggle->click();
    settle();
    EXPECT_EQ(logHeight(), 0);
    EXPECT_FALSE(toggle->isChecked());
    EXPECT_GE(viewport->height(), withLog + logShown);
    toggle->click();
    settle();
    EXPECT_TRUE(toggle->isChecked());
    EXPECT_EQ(logHeight(), logShown);
    // The handle collapses it too; the button follows.
    splitter->setSizes({splitter->height(), 0});
    emit splitter->splitterMoved(splitter->height(), 1);
    EXPECT_FALSE(toggle->isChecked());

    // Back at the laptop's size with the log open, the module loaded again: the
    // parameters take the log's room again.
    dialog->resize(size);
    toggle->click();
    settle();
    ASSERT_GT(logHeight(), 0);
    dialog->setModuleDirectory(module);
    ASSERT_TRUE(pumtest::waitFor([&] { return !dialog->isBusy(); }));
    settle();
    expectEditorsVisible(*dialog, names);

    // For the record: the height the rows need once an upgrade locks the
    // install parameters (each says why, on a line more).
    dialog->parameterForm()->setStoredValues({}, true);
    settle();
    std::printf("[ figures  ] with the lock notes of an upgrade the parameters need %d of %d pixels\n",
                dialog->parameterForm()->heightForWidth(viewport->width()), viewport->height());
}

TEST(DialogLayout, LogLevelAndSaveLog)
{
    TempDatabase db;
    auto dialog = pumtest::openDialog(connectionFor(db), pumtest::dataModule("current_module"));
    auto* level = dialog->findChild<QComboBox*>(QStringLiteral("logLevel"));
    ASSERT_NE(level, nullptr);
    ASSERT_EQ(level->count(), 3);
    EXPECT_EQ(level->itemText(0), QStringLiteral("Warnings"));
    EXPECT_EQ(level->currentText(), QStringLiteral("Normal"));
    dialog->logView()->appendMessage(static_cast<int>(pum::Feedback::Level::Debug), QStringLiteral("NOTICE: hello"));
    EXPECT_FALSE(dialog->logView()->toPlainText().contains(QStringLiteral("NOTICE: hello")));
    level->setCurrentIndex(2);
    EXPECT_EQ(dialog->logView()->verbosity(), pumqt::LogView::Verbosity::Detailed);
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(QStringLiteral("NOTICE: hello")));
    EXPECT_NE(dialog->findChild<QPushButton*>(QStringLiteral("saveLog")), nullptr);
}
