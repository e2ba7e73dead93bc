#include "pum_dialog.h"
#include "ui_pum_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QToolButton>
#include <QUrl>

#include <algorithm>

#include "qgsapplication.h"
#include "qgsdatasourceuri.h"
#include "qgsmessagebar.h"
#include "qgssettings.h"

#include "fleet_dialog.h"
#include "log_view.h"
#include "parameter_form.h"
#include "project_opener.h"
#include "python_hooks_loader.h"
#include "report_dialog.h"
#include "srid_editor.h"

#include "pum/base/error.h"

namespace pumqgis {

namespace {
const char* kRecentModulesKey = "pum/recentModules";
const char* kLastConnectionKey = "pum/lastConnection";
const char* kEditorCommandKey = "pum/editorCommand";
constexpr int kMaxRecentModules = 10;
// The log's height when the dialog opens, in lines: the parameters get the rest.
constexpr int kLogLines = 5;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}
}  // namespace

PumDialog::PumDialog(QWidget* parent) : QDialog(parent), ui_(std::make_unique<Ui::PumDialog>())
{
    // The layout is pum_dialog.ui; here only what a .ui file cannot say.
    ui_->setupUi(this);
    setObjectName(QStringLiteral("PumDialog"));
    ui_->reloadConnections->setIcon(QgsApplication::getThemeIcon(QStringLiteral("/mActionRefresh.svg")));
    ui_->module->lineEdit()->setPlaceholderText(tr("Folder holding a .pum.yaml"));
    ui_->parameterForm->setSridEditorFactory(&SridEditor::create);
    // The running step's text can be long: it must not widen the dialog.
    ui_->currentFile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    stepTicker_ = new QTimer(this);
    stepTicker_->setInterval(1000);
    connect(stepTicker_, &QTimer::timeout, this, &PumDialog::showCurrentStep);

    const std::pair<QPushButton*, Command> commands[] = {
        {ui_->install, Command::Install},     {ui_->upgrade, Command::Upgrade},
        {ui_->recreateApp, Command::RecreateApp}, {ui_->installDemoData, Command::DemoData},
        {ui_->uninstall, Command::Uninstall}, {ui_->baseline, Command::Baseline}};
    for (const auto& [button, command] : commands)
        connect(button, &QPushButton::clicked, this, [this, command = command] { startCommand(command); });

    connect(ui_->connection, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &PumDialog::connectionChanged);
    connect(ui_->reloadConnections, &QToolButton::clicked, this, &PumDialog::reloadConnections);
    connect(ui_->module->lineEdit(), &QLineEdit::editingFinished, this, &PumDialog::moduleChanged);
    connect(ui_->module, QOverload<int>::of(&QComboBox::activated), this, &PumDialog::moduleChanged);
    connect(ui_->browseModule, &QToolButton::clicked, this, &PumDialog::browseModule);
    auto* browseMenu = new QMenu(ui_->browseModule);
    browseMenu->addAction(tr("Folder…"), this, &PumDialog::browseModule);
    browseMenu->addAction(tr("Release archive (.zip)…"), this, &PumDialog::browseArchive);
    ui_->browseModule->setMenu(browseMenu);
    ui_->browseModule->setPopupMode(QToolButton::MenuButtonPopup);
    connect(ui_->cancel, &QPushButton::clicked, this, &PumDialog::cancelCommand);
    connect(ui_->parameterForm, &pumqt::ParameterForm::valuesChanged, this, &PumDialog::updateActions);
    connect(ui_->validate, &QPushButton::clicked, this, &PumDialog::startValidation);
    connect(ui_->dryRun, &QPushButton::clicked, this, &PumDialog::startDryRun);
    connect(ui_->compare, &QPushButton::clicked, this, &PumDialog::openComparison);
    connect(ui_->fleet, &QPushButton::clicked, this, &PumDialog::openFleet);
    connect(ui_->overrideValidation, &QCheckBox::toggled, this, &PumDialog::updateActions);
    connect(ui_->log, &pumqt::LogView::locationActivated, this, &PumDialog::openLocation);
    setUpLog();

    {
        const QSignalBlocker block(ui_->module);
        ui_->module->addItems(recentModules());
        ui_->module->setCurrentIndex(-1);
    }
    reloadConnections();
    setStatus(pumqt::ModuleStatus::unknown(tr("Choose a connection and a module.")));
}

PumDialog::~PumDialog()
{
    // Child widgets still emit while they are destroyed (the module field's
    // editingFinished on focus loss): nothing may reach this half-destroyed dialog.
    for (QObject* sender : std::initializer_list<QObject*>{ui_->module->lineEdit(), ui_->module, ui_->connection, ui_->parameterForm})
        disconnect(sender, nullptr, this, nullptr);
    if (validateTask_)
        disconnect(validateTask_, nullptr, this, nullptr);
    // A running task keeps going (it owns its transaction); make it stop and
    // not report to a dialog that is gone.
    if (task_) {
        disconnect(task_, nullptr, this, nullptr);
        disconnect(task_->feedback(), nullptr, this, nullptr);
        disconnect(task_->feedback(), nullptr, ui_->log, nullptr);
        task_->cancel();
    }
}

QSize PumDialog::defaultSize(const QRect& available)
{
    // Wide enough for the parameters' descriptions beside their editors; on a
    // laptop (1366x768) as large as the screen allows.
    constexpr int preferredWidth = 1280;
    constexpr int preferredHeight = 900;
    // The window frame (title bar, borders) is not part of the size but takes
    // room in the available area.
    constexpr int frameWidth = 16;
    constexpr int frameHeight = 40;
    return {std::max(0, std::min(preferredWidth, available.width() - frameWidth)),
            std::max(0, std::min(preferredHeight, available.height() - frameHeight))};
}

void PumDialog::showEvent(QShowEvent* event)
{
    if (!sized_) {
        sized_ = true;
        // Before QDialog::showEvent, which centres the dialog with its size.
        const QScreen* where = parentWidget() ? parentWidget()->screen() : screen();
        resize(defaultSize(where->availableGeometry()));
        layout()->activate();
        const int logHeight = ui_->log->fontMetrics().lineSpacing() * kLogLines + 2 * ui_->log->frameWidth() +
                              static_cast<int>(ui_->log->document()->documentMargin() * 2);
        const int total = ui_->formLogSplitter->height() - ui_->formLogSplitter->handleWidth();
        ui_->formLogSplitter->setSizes({std::max(0, total - logHeight), logHeight});
        makeRoomForParameters();
    }
    QDialog::showEvent(event);
}

// The parameters come first: when they need the log's room to show without
// scrolling, the log gives it up, down to its minimum height, else all of it.
// It opens again when a command starts, or with the Log button.
void PumDialog::makeRoomForParameters()
{
    QList<int> sizes = ui_->formLogSplitter->sizes();
    if (sizes.size() != 2 || sizes[1] == 0)
        return;
    const pumqt::ParameterForm* form = ui_->parameterForm;
    // The viewport's width without a vertical scroll bar: the parameters are to fit without one.
    const int width = ui_->parametersScroll->width() - 2 * ui_->parametersScroll->frameWidth();
    const int needed = (form->hasHeightForWidth() ? form->heightForWidth(width) : form->sizeHint().height()) -
                       ui_->parametersScroll->viewport()->height();
    if (needed <= 0)
        return;
    if (sizes[1] - needed >= ui_->log->minimumHeight()) {
        sizes = {sizes[0] + needed, sizes[1] - needed};
    } else {
        logHeight_ = sizes[1];
        sizes = {sizes[0] + sizes[1], 0};
    }
    ui_->formLogSplitter->setSizes(sizes);
    setLogButton(sizes[1] > 0);
}

void PumDialog::setLogButton(bool shown)
{
    const QSignalBlocker block(ui_->toggleLog);
    ui_->toggleLog->setChecked(shown);
    // The way the log goes when clicked.
    ui_->toggleLog->setArrowType(shown ? Qt::DownArrow : Qt::UpArrow);
}

void PumDialog::setUpLog()
{
    // The parameters get the height the dialog gains; the log keeps its own,
    // and collapses (the handle, or the Log button) to give them all of it.
    QSplitter* splitter = ui_->formLogSplitter;
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setCollapsible(0, false);
    connect(splitter, &QSplitter::splitterMoved, this, [this] {
        const bool shown = ui_->formLogSplitter->sizes().value(1) > 0;
        setLogButton(shown);
        if (shown)
            fitParameters_ = false;
    });
    connect(ui_->toggleLog, &QToolButton::toggled, this, &PumDialog::showLog);

    using Verbosity = pumqt::LogView::Verbosity;
    for (const Verbosity verbosity : {Verbosity::Warnings, Verbosity::Normal, Verbosity::Detailed})
        ui_->logLevel->addItem(pumqt::LogView::verbosityName(verbosity), static_cast<int>(verbosity));
    ui_->logLevel->setCurrentIndex(ui_->logLevel->findData(static_cast<int>(ui_->log->verbosity())));
    connect(ui_->logLevel, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        ui_->log->setVerbosity(static_cast<Verbosity>(ui_->logLevel->currentData().toInt()));
    });
    connect(ui_->saveLog, &QPushButton::clicked, this, &PumDialog::saveLog);
}

void PumDialog::showLog(bool shown)
{
    QList<int> sizes = ui_->formLogSplitter->sizes();
    if (sizes.size() != 2)
        return;
    if (!shown) {
        if (sizes[1] > 0)
            logHeight_ = sizes[1];
        sizes = {sizes[0] + sizes[1], 0};  // 0: collapsed, the handle stays to drag it back
    } else if (sizes[1] == 0) {
        const int height = std::max({logHeight_, ui_->log->minimumHeight(), sizes[0] / 3});
        sizes = {std::max(0, sizes[0] - height), height};
    }
    ui_->formLogSplitter->setSizes(sizes);
    setLogButton(shown);
    if (shown)
        fitParameters_ = false;  // the user wants the log: a status read must not take it away
}

void PumDialog::saveLog()
{
    const QString name =
        QStringLiteral("pum-%1.log").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the log"), QDir::home().filePath(name),
                                                      tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (ui_->log->saveTo(path, &error))
        ui_->messageBar->pushMessage(tr("Save log"), tr("Log saved to %1").arg(path), Qgis::MessageLevel::Success);
    else
        ui_->messageBar->pushMessage(tr("Save log"), tr("Cannot write %1: %2").arg(path, error),
                                     Qgis::MessageLevel::Critical, 0);
}

pumqt::ParameterForm* PumDialog::parameterForm() const
{
    return ui_->parameterForm;
}

pumqt::LogView* PumDialog::logView() const
{
    return ui_->log;
}

QgsMessageBar* PumDialog::messageBar() const
{
    return ui_->messageBar;
}

QLabel* PumDialog::statusLabel() const
{
    return ui_->statusTitle;
}

QStringList PumDialog::recentModules()
{
    return QgsSettings().value(QLatin1String(kRecentModulesKey)).toStringList();
}

void PumDialog::rememberModule(const QString& directory)
{
    QStringList recent = recentModules();
    recent.removeAll(directory);
    recent.prepend(directory);
    while (recent.size() > kMaxRecentModules)
        recent.removeLast();
    QgsSettings().setValue(QLatin1String(kRecentModulesKey), recent);
}

void PumDialog::reloadConnections()
{
    const QString previous = ui_->connection->currentIndex() >= 0
                                 ? ui_->connection->currentData().toString()
                                 : QgsSettings().value(QLatin1String(kLastConnectionKey)).toString();
    connections_ = ConnectionList::load();
    {
        const QSignalBlocker block(ui_->connection);
        ui_->connection->clear();
        for (int i = 0; i < connections_.size(); ++i)
            ui_->connection->addItem(
                connections_[i].kind == ConnectionEntry::Kind::Service
                    ? QgsApplication::getThemeIcon(QStringLiteral("/mIconDbSchema.svg"))
                    : QgsApplication::getThemeIcon(QStringLiteral("/mIconPostgis.svg")),
                connections_[i].label(), connections_[i].label());
        ui_->connection->setCurrentIndex(ui_->connection->findData(previous));
    }
    if (connections_.isEmpty())
        ui_->connection->setPlaceholderText(tr("No saved PostgreSQL connection"));
    connectionChanged();
}

bool PumDialog::selectConnection(const QString& name)
{
    for (int i = 0; i < connections_.size(); ++i) {
        if (connections_[i].name == name || connections_[i].label() == name) {
            ui_->connection->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void PumDialog::connectionChanged()
{
    if (ui_->connection->currentIndex() >= 0)
        QgsSettings().setValue(QLatin1String(kLastConnectionKey), ui_->connection->currentData().toString());
    refreshStatus();
}

QString PumDialog::moduleDirectory() const
{
    const QString text = ui_->module->currentText().trimmed();
    // A release .zip: the folder holding its .pum.yaml, once unpacked.
    if (archive_ && ModuleArchive::isArchivePath(text) && QFileInfo(text).absoluteFilePath() == archive_->archive)
        return archive_->moduleDir;
    return text;
}

bool PumDialog::openArchive(QString* error)
{
    const QString text = ui_->module->currentText().trimmed();
    if (!ModuleArchive::isArchivePath(text)) {
        archive_.reset();
        return true;
    }
    if (archive_ && QFileInfo(text).absoluteFilePath() == archive_->archive)
        return true;
    archive_ = ModuleArchive::open(text, error);
    if (!archive_)
        return false;
    ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Info),
                            tr("Module archive %1: %2, newest version %3, in %4")
                                .arg(archive_->archive, archive_->moduleName,
                                     archive_->newestVersion.isEmpty() ? tr("none") : archive_->newestVersion,
                                     archive_->moduleDir));
    return true;
}

void PumDialog::browseArchive()
{
    const QString zip = QFileDialog::getOpenFileName(
        this, tr("Module release archive (a .zip holding a .pum.yaml)"),
        archive_ ? QFileInfo(archive_->archive).absolutePath() : QDir::homePath(), tr("Module release archives (*.zip)"));
    if (!zip.isEmpty())
        setModuleDirectory(zip);
}

void PumDialog::setModuleDirectory(const QString& directory)
{
    loadedModule_.clear();  // read the module again, even the same folder
    archive_.reset();
    ui_->module->setEditText(directory);
    moduleChanged();
}

void PumDialog::browseModule()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Module folder (holding a .pum.yaml)"),
                                                          moduleDirectory().isEmpty() ? QDir::homePath()
                                                                                      : moduleDirectory());
    if (!dir.isEmpty())
        setModuleDirectory(dir);
}

void PumDialog::moduleChanged()
{
    QString archiveError;
    const bool archiveOk = openArchive(&archiveError);
    const QString dir = moduleDirectory();
    // editingFinished also comes when the field merely loses focus: keep the
    // form (and what the user entered) when the folder did not change.
    if (archiveOk && config_ && dir == loadedModule_)
        return;
    loadedModule_ = dir;
    config_.reset();
    validationErrors_ = -1;
    ui_->overrideValidation->setChecked(false);
    ui_->overrideValidation->setVisible(false);
    ui_->parameterForm->setDefinitions({});
    if (dir.isEmpty()) {
        refreshStatus();
        return;
    }
    if (!archiveOk) {
        setStatus(pumqt::ModuleStatus::error(archiveError));
        return;
    }
    try {
        config_ = pum::Config::load(dir.toStdString());
    } catch (const pum::Error& e) {
        setStatus(pumqt::ModuleStatus::error(QString::fromUtf8(e.what())));
        return;
    }
    rememberModule(archive_ ? archive_->archive : QDir::cleanPath(dir));
    ui_->parameterForm->setDefinitions(config_->parameters);
    // Again once the status is read: locked parameters say why, on a line more.
    fitParameters_ = true;
    if (isVisible())
        makeRoomForParameters();

    // Options that come from the module.
    ui_->targetVersion->clear();
    ui_->targetVersion->addItem(tr("Newest"), QString());
    ui_->demoData->clear();
    ui_->demoData->addItem(tr("None"), QString());
    for (const auto& set : config_->demoData)
        ui_->demoData->addItem(qs(set.name), qs(set.name));
    refreshStatus();
}

void PumDialog::setTargetVersion(const QString& version)
{
    const int index = ui_->targetVersion->findData(version);
    ui_->targetVersion->setCurrentIndex(index >= 0 ? index : 0);
}

void PumDialog::setDemoDataSet(const QString& name)
{
    const int index = ui_->demoData->findData(name);
    ui_->demoData->setCurrentIndex(index >= 0 ? index : 0);
}

void PumDialog::setBetaTesting(bool on)
{
    ui_->betaTesting->setChecked(on);
}

void PumDialog::setRolesAndGrant(bool on)
{
    ui_->rolesAndGrant->setChecked(on);
}

QPushButton* PumDialog::actionButton(pumqt::ModuleStatus::Action action) const
{
    switch (action) {
    case pumqt::ModuleStatus::Install:
        return ui_->install;
    case pumqt::ModuleStatus::Upgrade:
        return ui_->upgrade;
    case pumqt::ModuleStatus::RecreateApp:
        return ui_->recreateApp;
    case pumqt::ModuleStatus::DemoData:
        return ui_->installDemoData;
    case pumqt::ModuleStatus::Uninstall:
        return ui_->uninstall;
    case pumqt::ModuleStatus::Baseline:
        return ui_->baseline;
    case pumqt::ModuleStatus::NoAction:
        break;
    }
    return nullptr;
}

void PumDialog::setStatus(const pumqt::ModuleStatus& status)
{
    status_ = status;
    ui_->statusTitle->setText(status.title());
    ui_->statusDetails->setText(status.details());
    ui_->statusDetails->setVisible(!status.details().isEmpty());
    QString colour;
    switch (status.state()) {
    case pumqt::ModuleStatus::State::Error:
    case pumqt::ModuleStatus::State::OtherModule:
    case pumqt::ModuleStatus::State::DatabaseNewer:
        colour = QStringLiteral("#b00000");
        break;
    case pumqt::ModuleStatus::State::UpgradeAvailable:
    case pumqt::ModuleStatus::State::BetaTesting:
        colour = QStringLiteral("#a05a00");
        break;
    case pumqt::ModuleStatus::State::UpToDate:
        colour = QStringLiteral("#2a7a2a");
        break;
    default:
        break;
    }
    ui_->statusTitle->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    updateActions();
    emit statusChanged();
}

void PumDialog::updateActions()
{
    const bool idle = !isBusy();
    const bool validForm = ui_->parameterForm->validationErrors().isEmpty();
    using A = pumqt::ModuleStatus;
    // Validate found errors: no Install or Upgrade unless the user overrides it.
    const bool validModule = validationErrors_ <= 0 || ui_->overrideValidation->isChecked();
    ui_->install->setEnabled(idle && validForm && validModule && status_.isEnabled(A::Install));
    ui_->upgrade->setEnabled(idle && validForm && validModule && status_.isEnabled(A::Upgrade));
    ui_->validate->setEnabled(validateTask_.isNull() && !moduleDirectory().isEmpty());
    ui_->fleet->setEnabled(config_.has_value() && validForm);
    ui_->recreateApp->setEnabled(idle && validForm && status_.isEnabled(A::RecreateApp));
    ui_->installDemoData->setEnabled(idle && validForm && status_.isEnabled(A::DemoData) && ui_->demoData->count() > 1);
    ui_->uninstall->setEnabled(idle && status_.isEnabled(A::Uninstall));
    ui_->baseline->setEnabled(idle && validForm && status_.isEnabled(A::Baseline));
    ui_->dryRun->setEnabled(ui_->install->isEnabled() || ui_->upgrade->isEnabled());
    ui_->dryRun->setToolTip(dryRunTip(idle, validForm && validModule));
    ui_->compare->setEnabled(ui_->connection->currentIndex() >= 0);
    ui_->cancel->setEnabled(isBusy() && taskCommand_ != Command::Info);
}

// What Dry run would do, or why it cannot: a disabled button says why.
QString PumDialog::dryRunTip(bool idle, bool ready) const
{
    using A = pumqt::ModuleStatus;
    if (ui_->upgrade->isEnabled())
        return tr("Run the upgrade and roll it back: the report lists every change it would make");
    if (ui_->install->isEnabled())
        return tr("Run the install and roll it back: the report lists every change it would make");
    if (!idle)
        return tr("Not while a command runs");
    if (!ready && (status_.isEnabled(A::Install) || status_.isEnabled(A::Upgrade)))
        return tr("Correct the parameters, or the errors Validate found, first");
    if (status_.state() == A::State::UpToDate)
        return tr("Nothing to try: the database is up to date. Recreate app rebuilds the application layer.");
    return tr("Available when there is something to install or upgrade");
}

void PumDialog::setBusy(bool busy)
{
    // For scripts, whatever the language of the labels.
    setProperty("busy", busy);
    ui_->connection->setEnabled(!busy || taskCommand_ == Command::Info);
    ui_->reloadConnections->setEnabled(!busy || taskCommand_ == Command::Info);
    ui_->module->setEnabled(!busy || taskCommand_ == Command::Info);
    ui_->browseModule->setEnabled(!busy || taskCommand_ == Command::Info);
    const bool editable = !busy || taskCommand_ == Command::Info;
    ui_->parameterForm->setEnabled(editable);
    for (QWidget* w : std::initializer_list<QWidget*>{ui_->targetVersion, ui_->demoData, ui_->rolesAndGrant, ui_->betaTesting,
                                                       ui_->skipDropApp, ui_->skipCreateApp})
        w->setEnabled(editable);
    updateActions();
}

void PumDialog::refreshStatus()
{
    if (task_) {
        if (taskCommand_ == Command::Info)
            refreshAgain_ = true;  // read again once the running read is over
        return;
    }
    if (ui_->connection->currentIndex() < 0) {
        setStatus(pumqt::ModuleStatus::unknown(tr("Choose a connection.")));
        return;
    }
    if (!config_) {
        if (moduleDirectory().isEmpty())
            setStatus(pumqt::ModuleStatus::unknown(tr("Choose the module's folder.")));
        return;
    }
    QString error;
    auto request = buildRequest(Command::Info, &error);
    if (!request) {
        setStatus(pumqt::ModuleStatus::error(error));
        return;
    }
    setStatus(pumqt::ModuleStatus::unknown(tr("Reading the database…")));
    startTask(std::move(*request), Command::Info);
}

std::optional<TaskRequest> PumDialog::buildRequest(Command command, QString* error)
{
    const int index = ui_->connection->currentIndex();
    if (index < 0 || index >= connections_.size()) {
        *error = tr("Choose a connection.");
        return std::nullopt;
    }
    if (!config_) {
        *error = tr("Choose the module's folder.");
        return std::nullopt;
    }
    TaskRequest request;
    request.command = command;
    request.moduleDirectory = moduleDirectory();
    const QString conninfo = ConnectionList::conninfo(connections_[index], error);
    if (conninfo.isEmpty())
        return std::nullopt;
    request.conninfo = conninfo.toStdString();
    if (command == Command::Info)
        return request;

    const QStringList problems = ui_->parameterForm->validationErrors();
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    request.parameters = ui_->parameterForm->givenValues();
    const QString target = ui_->targetVersion->currentData().toString();
    if (!target.isEmpty())
        request.maxVersion = pum::Version::parse(target.toStdString());
    request.betaTesting = ui_->betaTesting->isChecked();
    request.rolesAndGrant = ui_->rolesAndGrant->isChecked();
    request.skipDropApp = ui_->skipDropApp->isChecked();
    request.skipCreateApp = ui_->skipCreateApp->isChecked();
    request.demoData = ui_->demoData->currentData().toString().toStdString();
    if (command == Command::DemoData && request.demoData.empty()) {
        *error = tr("Choose a demo data set in the options.");
        return std::nullopt;
    }
    if (command == Command::Baseline && !request.maxVersion) {
        *error = tr("Choose the version to record as baseline in Target version.");
        return std::nullopt;
    }
    return request;
}

bool PumDialog::confirm(const QString& title, const QString& question)
{
    if (confirm_)
        return confirm_(title, question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

bool PumDialog::startCommand(Command command)
{
    if (task_)
        return false;
    QString error;
    auto request = buildRequest(command, &error);
    if (!request) {
        ui_->messageBar->pushMessage(UpgradeTask::commandName(command), error, Qgis::MessageLevel::Warning);
        return false;
    }
    const QString module = config_ ? qs(config_->module) : QString();
    const QString connection = ui_->connection->currentText();
    const ConnectionEntry& entry = connections_[ui_->connection->currentIndex()];
    const QString database = entry.kind == ConnectionEntry::Kind::Service
                                 ? tr("service %1").arg(entry.name)
                                 : QgsDataSourceUri(entry.uri).database();
    if (command == Command::Uninstall &&
        !confirm(tr("Uninstall"), tr("Uninstall %1 from database %2 (connection %3)?\n\nThe module's uninstall "
                                     "hooks drop its schemas and data.")
                                      .arg(module, database, connection)))
        return false;
    if (command == Command::Baseline &&
        !confirm(tr("Baseline"), tr("Record %1 %2 as installed in database %3 (connection %4), without running "
                                    "anything?")
                                     .arg(module, qs(request->maxVersion->toString()), database, connection)))
        return false;
    startTask(std::move(*request), command);
    return true;
}

void PumDialog::startTask(TaskRequest request, Command command)
{
    // Python hooks run in QGIS's interpreter: load their runner here, on the UI thread.
    if (command != Command::Info && config_ && config_->hasPythonHooks()) {
        QString error;
        if (!loadPythonHooks(&error))
            ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Warning),
                                tr("Python hooks are not available: %1").arg(error));
    }
    const QString module = config_ ? qs(config_->module) : QString();
    const bool dryRun = request.dryRun;
    auto* task = new UpgradeTask(std::move(request), UpgradeTask::taskName(module, command, dryRun));
    task_ = task;
    taskCommand_ = command;
    if (command != Command::Info) {
        if (!ui_->toggleLog->isChecked())
            showLog(true);  // what the command does is to be seen
        ui_->messageBar->clearWidgets();  // the previous command's outcome
        ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Info),
                            tr("%1 on %2").arg(UpgradeTask::commandName(command), ui_->connection->currentText()));
        ui_->progress->setRange(0, 0);  // busy until the first step count arrives
        ui_->currentFile->clear();
        currentStep_.clear();
        currentText_.clear();
        stepClock_.invalidate();
        stepTicker_->start();
    }
    connect(task->feedback(), &pumqt::QtFeedback::logged, ui_->log, &pumqt::LogView::appendMessage);
    connect(task->feedback(), &pumqt::QtFeedback::progressed, this, &PumDialog::taskProgress);
    connect(task, &UpgradeTask::completed, this, &PumDialog::taskCompleted);
    setBusy(true);
    QgsApplication::taskManager()->addTask(task);
}

void PumDialog::taskProgress(qint64 done, qint64 total, const QString& current)
{
    if (taskCommand_ == Command::Info)
        return;
    if (total > 0) {
        // QProgressBar is int: scale large totals.
        const double fraction = static_cast<double>(done) / static_cast<double>(total);
        ui_->progress->setRange(0, 1000);
        ui_->progress->setValue(static_cast<int>(fraction * 1000));
        ui_->progress->setFormat(QStringLiteral("%p%"));
    }
    // "app/create_app.py: 312 statements sent": the step is what comes before the count.
    const QString step = current.section(QStringLiteral(": "), 0, 0);
    if (step != currentStep_) {
        currentStep_ = step;
        stepClock_.start();
    }
    currentText_ = current;
    showCurrentStep();
}

void PumDialog::showCurrentStep()
{
    // A long step (a Python hook, a big UPDATE) shows its time, so the window never looks stuck.
    const qint64 seconds = stepClock_.isValid() ? stepClock_.elapsed() / 1000 : 0;
    const QString text = seconds >= 2 ? tr("%1 (%2 s)").arg(currentText_).arg(seconds) : currentText_;
    ui_->currentFile->setText(text);
    ui_->currentFile->setToolTip(loadedModule_.isEmpty() ? currentStep_
                                                         : QDir(loadedModule_).filePath(currentStep_));
}

void PumDialog::cancelCommand()
{
    if (task_ && taskCommand_ != Command::Info) {
        ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Warning), tr("Cancelling…"));
        task_->cancel();
    }
}

FleetDialog* PumDialog::openFleet()
{
    if (!config_)
        return nullptr;
    FleetModule module;
    module.config = *config_;
    module.parameters = fleetParameters(*ui_->parameterForm);
    const QString target = ui_->targetVersion->currentData().toString();
    if (!target.isEmpty())
        module.maxVersion = pum::Version::parse(target.toStdString());
    module.rolesAndGrant = ui_->rolesAndGrant->isChecked();
    module.betaTesting = ui_->betaTesting->isChecked();
    module.skipDropApp = ui_->skipDropApp->isChecked();
    module.skipCreateApp = ui_->skipCreateApp->isChecked();
    auto* fleet = new FleetDialog(std::move(module), this);
    fleet->setAttribute(Qt::WA_DeleteOnClose);
    fleet->show();
    return fleet;
}

void PumDialog::applyInfo(const pum::ModuleInfo& info)
{
    if (!config_)
        return;
    const auto status = pumqt::ModuleStatus::fromInfo(*config_, info);
    // The versions the module offers, for Target version.
    const QString chosen = ui_->targetVersion->currentData().toString();
    {
        const QSignalBlocker block(ui_->targetVersion);
        ui_->targetVersion->clear();
        ui_->targetVersion->addItem(tr("Newest"), QString());
        for (const auto& v : status.availableVersions())
            ui_->targetVersion->addItem(qs(v.toString()), qs(v.toString()));
        setTargetVersion(chosen);
    }
    const bool sameModule = info.installed && info.installedModule == config_->module;
    if (sameModule)
        ui_->parameterForm->setStoredValues(info.parameters, true);
    else
        ui_->parameterForm->resetToDefaults();
    if (fitParameters_ && isVisible())
        makeRoomForParameters();
    fitParameters_ = false;
    setStatus(status);
}

void PumDialog::taskCompleted(const TaskResult& result)
{
    const Command command = taskCommand_;
    task_.clear();
    setBusy(false);
    stepTicker_->stop();
    ui_->progress->setRange(0, 1);
    ui_->progress->setValue(result.ok && command != Command::Info ? 1 : 0);
    ui_->progress->setFormat(QStringLiteral("%p%"));
    ui_->currentFile->clear();

    if (command == Command::Info) {
        if (refreshAgain_) {
            refreshAgain_ = false;
            refreshStatus();
            return;
        }
        if (result.ok && result.info)
            applyInfo(*result.info);
        else
            setStatus(pumqt::ModuleStatus::error(result.details.isEmpty() ? result.message
                                                                         : result.message + QLatin1Char('\n') +
                                                                               result.details));
        return;
    }

    lastResult_ = result;
    // A dry run changed nothing: its report is what the user asked for.
    if (result.ok && result.summary.dryRun)
        ReportDialog::showDryRun(*result.summary.dryRun, this);
    if (result.ok) {
        ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Info), result.message);
        // A dry run's message says "Dry run: would ..." itself: no command name before it.
        if (result.summary.dryRun)
            ui_->messageBar->pushMessage(result.message, Qgis::MessageLevel::Success, 0);
        else
            ui_->messageBar->pushMessage(UpgradeTask::commandName(command), result.message, Qgis::MessageLevel::Success, 0);
        // The combo is locked while a command runs: its entry is the connection just used.
        if ((command == Command::Install || command == Command::Upgrade) && !result.summary.dryRun &&
            ui_->connection->currentIndex() >= 0)
            ProjectOpener::offer(ui_->messageBar, this,
                                 ProjectOpener::projectsOf(moduleDirectory(), archive_ ? archive_->root : QString()),
                                 connections_.value(ui_->connection->currentIndex()));
    } else if (result.cancelled) {
        ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Warning), result.message);
        ui_->messageBar->pushMessage(UpgradeTask::commandName(command), result.message, Qgis::MessageLevel::Warning, 0);
    } else {
        ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Error),
                            result.details.isEmpty() ? result.message
                                                     : result.message + QLatin1Char('\n') + result.details);
        ui_->messageBar->pushMessage(tr("%1 failed").arg(UpgradeTask::commandName(command)), result.message,
                                 result.details, Qgis::MessageLevel::Critical, 0);
    }
    emit commandFinished(result.ok, result.message, result.details);
    if (result.ok && result.info)
        applyInfo(*result.info);
    else
        refreshStatus();
}

QPushButton* PumDialog::dryRunButton() const
{
    return ui_->dryRun;
}

bool PumDialog::startDryRun()
{
    if (task_ || !ui_->dryRun->isEnabled())
        return false;
    const Command command = ui_->upgrade->isEnabled() ? Command::Upgrade : Command::Install;
    QString error;
    auto request = buildRequest(command, &error);
    if (!request) {
        ui_->messageBar->pushMessage(tr("Dry run"), error, Qgis::MessageLevel::Warning);
        return false;
    }
    request->dryRun = true;
    startTask(std::move(*request), command);
    return true;
}

ReportDialog* PumDialog::openComparison()
{
    return ReportDialog::openComparison(connections_, ui_->connection->currentIndex(), this);
}

bool PumDialog::startValidation()
{
    const QString dir = moduleDirectory();
    if (dir.isEmpty() || validateTask_)
        return false;
    pum::ValidateOptions options;
    // The values the run would use; the others take their defaults.
    options.parameters = ui_->parameterForm->givenValues();
    auto* task = new ValidateTask(dir, std::move(options));
    validateTask_ = task;
    connect(task, &ValidateTask::completed, this, &PumDialog::validationCompleted);
    if (!ui_->toggleLog->isChecked())
        showLog(true);  // the findings go there
    ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Info), tr("Validating %1…").arg(dir));
    updateActions();
    QgsApplication::taskManager()->addTask(task);
    return true;
}

void PumDialog::validationCompleted(const pum::ValidationReport& report, const QString& error)
{
    const QString dir = validateTask_ ? validateTask_->moduleDirectory() : QString();
    validateTask_.clear();
    using Level = pum::Feedback::Level;
    if (!error.isEmpty()) {
        ui_->log->appendMessage(static_cast<int>(Level::Error), tr("Validation could not run: %1").arg(error));
        updateActions();
        return;
    }
    if (dir != moduleDirectory()) {  // the module changed meanwhile: this report is not about it
        updateActions();
        return;
    }
    for (const auto& finding : report.findings) {
        const int level = static_cast<int>(finding.severity == pum::Finding::Severity::Error ? Level::Error
                                                                                             : Level::Warning);
        const QString text = qs(finding.format());
        if (finding.file.empty())
            ui_->log->appendMessage(level, text);
        else  // paths are shown relative to the module's folder: keep the absolute one for opening
            ui_->log->appendLocatedMessage(level, text,
                                           QDir::cleanPath(QDir(moduleDirectory()).absoluteFilePath(qs(finding.file))),
                                           finding.line, finding.column);
    }
    const int errors = static_cast<int>(report.errors());
    const int warnings = static_cast<int>(report.warnings());
    const QString summary = tr("%1 files and %2 statements checked: errors: %3, warnings: %4")
                                .arg(report.files)
                                .arg(report.statements)
                                .arg(errors)
                                .arg(warnings);
    validationErrors_ = errors;
    ui_->overrideValidation->setVisible(errors > 0);
    if (errors == 0)
        ui_->overrideValidation->setChecked(false);
    ui_->log->appendMessage(static_cast<int>(errors > 0 ? Level::Error : Level::Info), summary);
    if (!report.findings.empty())
        ui_->log->appendMessage(static_cast<int>(Level::Info), tr("Double-click a finding to open its file at its line."));
    if (errors > 0)
        ui_->log->appendMessage(static_cast<int>(Level::Info),
                                tr("Install and Upgrade wait until Validate finds no error, or until you tick "
                                   "Ignore validation errors."));
    messageBar()->pushMessage(tr("Validate"), summary,
                              errors > 0     ? Qgis::MessageLevel::Critical
                              : warnings > 0 ? Qgis::MessageLevel::Warning
                                             : Qgis::MessageLevel::Success,
                              0);
    updateActions();
    emit validated(errors, warnings);
}

bool PumDialog::openLocation(const QString& file, int line, int column)
{
    const QString command = QgsSettings().value(QLatin1String(kEditorCommandKey)).toString().trimmed();
    if (command.isEmpty())
        return QDesktopServices::openUrl(QUrl::fromLocalFile(file));
    QStringList arguments = QProcess::splitCommand(command);
    if (arguments.isEmpty())
        return false;
    for (QString& argument : arguments)
        argument.replace(QLatin1String("{file}"), file)
            .replace(QLatin1String("{line}"), QString::number(std::max(line, 1)))
            .replace(QLatin1String("{column}"), QString::number(std::max(column, 1)));
    const QString program = arguments.takeFirst();
    if (!QProcess::startDetached(program, arguments)) {
        ui_->log->appendMessage(static_cast<int>(pum::Feedback::Level::Warning),
                                tr("Could not start the editor %1 (setting %2)").arg(program, QLatin1String(kEditorCommandKey)));
        return false;
    }
    return true;
}

}  // namespace pumqgis
