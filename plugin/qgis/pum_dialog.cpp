#include "pum_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "qgsapplication.h"
#include "qgsdatasourceuri.h"
#include "qgsmessagebar.h"
#include "qgssettings.h"

#include "log_view.h"
#include "parameter_form.h"
#include "python_hooks_loader.h"
#include "srid_editor.h"

#include "pum/error.h"

namespace pumqgis {

namespace {
const char* kRecentModulesKey = "pum/recentModules";
const char* kLastConnectionKey = "pum/lastConnection";
constexpr int kMaxRecentModules = 10;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}
}  // namespace

PumDialog::PumDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Datamodel manager (pum)"));
    setObjectName(QStringLiteral("PumDialog"));

    auto* top = new QVBoxLayout(this);
    messageBar_ = new QgsMessageBar(this);
    top->addWidget(messageBar_);

    // Where: connection and module.
    auto* where = new QFormLayout();
    connectionCombo_ = new QComboBox(this);
    connectionCombo_->setObjectName(QStringLiteral("connection"));
    connectionCombo_->setToolTip(tr("QGIS's saved PostgreSQL connections and the services of pg_service.conf"));
    reloadConnections_ = new QToolButton(this);
    reloadConnections_->setObjectName(QStringLiteral("reloadConnections"));
    reloadConnections_->setIcon(QgsApplication::getThemeIcon(QStringLiteral("/mActionRefresh.svg")));
    reloadConnections_->setToolTip(tr("Reload the connections"));
    auto* connectionRow = new QHBoxLayout();
    connectionRow->addWidget(connectionCombo_, 1);
    connectionRow->addWidget(reloadConnections_);
    where->addRow(tr("Connection"), connectionRow);

    moduleCombo_ = new QComboBox(this);
    moduleCombo_->setObjectName(QStringLiteral("module"));
    moduleCombo_->setEditable(true);
    moduleCombo_->setInsertPolicy(QComboBox::NoInsert);
    moduleCombo_->setToolTip(tr("The datamodel's folder: the one holding its .pum.yaml"));
    moduleCombo_->lineEdit()->setPlaceholderText(tr("Folder holding a .pum.yaml"));
    browseModule_ = new QToolButton(this);
    browseModule_->setText(tr("…"));
    browseModule_->setToolTip(tr("Choose the module's folder"));
    auto* moduleRow = new QHBoxLayout();
    moduleRow->addWidget(moduleCombo_, 1);
    moduleRow->addWidget(browseModule_);
    where->addRow(tr("Module"), moduleRow);
    top->addLayout(where);

    // Status.
    auto* statusBox = new QGroupBox(tr("Status"), this);
    auto* statusLayout = new QVBoxLayout(statusBox);
    statusTitle_ = new QLabel(statusBox);
    statusTitle_->setObjectName(QStringLiteral("statusTitle"));
    QFont bold = statusTitle_->font();
    bold.setBold(true);
    statusTitle_->setFont(bold);
    statusTitle_->setWordWrap(true);
    statusDetails_ = new QLabel(statusBox);
    statusDetails_->setObjectName(QStringLiteral("statusDetails"));
    statusDetails_->setWordWrap(true);
    statusDetails_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLayout->addWidget(statusTitle_);
    statusLayout->addWidget(statusDetails_);
    top->addWidget(statusBox);

    // Parameters and options side by side.
    auto* middle = new QHBoxLayout();
    auto* parametersBox = new QGroupBox(tr("Parameters"), this);
    // Room for the CRS selector's name, whatever the options column needs in a language.
    parametersBox->setMinimumWidth(440);
    auto* parametersLayout = new QVBoxLayout(parametersBox);
    auto* scroll = new QScrollArea(parametersBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    form_ = new pumqt::ParameterForm(scroll);
    form_->setSridEditorFactory(&SridEditor::create);
    scroll->setWidget(form_);
    parametersLayout->addWidget(scroll);
    middle->addWidget(parametersBox, 3);

    auto* optionsBox = new QGroupBox(tr("Options"), this);
    auto* options = new QFormLayout(optionsBox);
    targetVersion_ = new QComboBox(optionsBox);
    targetVersion_->setObjectName(QStringLiteral("targetVersion"));
    targetVersion_->setToolTip(tr("Install or upgrade up to this version; the version Baseline records"));
    options->addRow(tr("Target version"), targetVersion_);
    demoData_ = new QComboBox(optionsBox);
    demoData_->setObjectName(QStringLiteral("demoData"));
    demoData_->setToolTip(tr("Demo data set loaded after Install, or by Install demo data"));
    options->addRow(tr("Demo data"), demoData_);
    rolesAndGrant_ = new QCheckBox(tr("Create roles and grant permissions"), optionsBox);
    rolesAndGrant_->setChecked(true);
    rolesAndGrant_->setObjectName(QStringLiteral("rolesAndGrant"));
    options->addRow(rolesAndGrant_);
    betaTesting_ = new QCheckBox(tr("Beta testing (such an install cannot be upgraded)"), optionsBox);
    betaTesting_->setObjectName(QStringLiteral("betaTesting"));
    options->addRow(betaTesting_);
    skipDropApp_ = new QCheckBox(tr("Skip dropping the application"), optionsBox);
    options->addRow(skipDropApp_);
    skipCreateApp_ = new QCheckBox(tr("Skip creating the application"), optionsBox);
    options->addRow(skipCreateApp_);
    middle->addWidget(optionsBox, 2);
    top->addLayout(middle, 1);

    // Actions.
    auto* actions = new QHBoxLayout();
    auto addAction = [&](const QString& text, const QString& tip, Command command, const char* key) {
        auto* button = new QPushButton(text, this);
        // Stable names for scripts (the end-to-end test), whatever the language.
        button->setObjectName(QLatin1String(key));
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, [this, command] { startCommand(command); });
        actions->addWidget(button);
        return button;
    };
    install_ = addAction(tr("Install"), tr("Create the datamodel in this database"), Command::Install, "install");
    upgrade_ = addAction(tr("Upgrade"), tr("Run the newer changelogs"), Command::Upgrade, "upgrade");
    recreateApp_ = addAction(tr("Recreate app"), tr("Drop and create the application (views, functions)"),
                             Command::RecreateApp, "recreateApp");
    demoButton_ = addAction(tr("Install demo data"), tr("Load the demo data set chosen in the options"),
                            Command::DemoData, "installDemoData");
    uninstall_ = addAction(tr("Uninstall"), tr("Run the module's uninstall hooks"), Command::Uninstall, "uninstall");
    baseline_ = addAction(tr("Baseline"), tr("Record the target version as installed, without running anything"),
                          Command::Baseline, "baseline");
    actions->addStretch(1);
    top->addLayout(actions);

    // Progress.
    auto* progressRow = new QHBoxLayout();
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("progress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    currentFile_ = new QLabel(this);
    currentFile_->setMinimumWidth(200);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancel"));
    cancel_->setToolTip(tr("Stop the command: its transaction is rolled back"));
    cancel_->setEnabled(false);
    progressRow->addWidget(progress_, 2);
    progressRow->addWidget(currentFile_, 1);
    progressRow->addWidget(cancel_);
    top->addLayout(progressRow);

    log_ = new pumqt::LogView(this);
    log_->setObjectName(QStringLiteral("log"));
    log_->setMinimumHeight(120);
    top->addWidget(log_, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    top->addWidget(buttons);

    connect(connectionCombo_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, &PumDialog::connectionChanged);
    connect(reloadConnections_, &QToolButton::clicked, this, &PumDialog::reloadConnections);
    connect(moduleCombo_->lineEdit(), &QLineEdit::editingFinished, this, &PumDialog::moduleChanged);
    connect(moduleCombo_, QOverload<int>::of(&QComboBox::activated), this, &PumDialog::moduleChanged);
    connect(browseModule_, &QToolButton::clicked, this, &PumDialog::browseModule);
    connect(cancel_, &QPushButton::clicked, this, &PumDialog::cancelCommand);
    connect(form_, &pumqt::ParameterForm::valuesChanged, this, &PumDialog::updateActions);

    resize(920, 800);

    {
        const QSignalBlocker block(moduleCombo_);
        moduleCombo_->addItems(recentModules());
        moduleCombo_->setCurrentIndex(-1);
    }
    reloadConnections();
    setStatus(pumqt::ModuleStatus::unknown(tr("Choose a connection and a module.")));
}

PumDialog::~PumDialog()
{
    // Child widgets still emit while they are destroyed (the module field's
    // editingFinished on focus loss): nothing may reach this half-destroyed dialog.
    for (QObject* sender : std::initializer_list<QObject*>{moduleCombo_->lineEdit(), moduleCombo_, connectionCombo_, form_})
        disconnect(sender, nullptr, this, nullptr);
    // A running task keeps going (it owns its transaction); make it stop and
    // not report to a dialog that is gone.
    if (task_) {
        disconnect(task_, nullptr, this, nullptr);
        disconnect(task_->feedback(), nullptr, this, nullptr);
        disconnect(task_->feedback(), nullptr, log_, nullptr);
        task_->cancel();
    }
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
    const QString previous = connectionCombo_->currentIndex() >= 0
                                 ? connectionCombo_->currentData().toString()
                                 : QgsSettings().value(QLatin1String(kLastConnectionKey)).toString();
    connections_ = ConnectionList::load();
    {
        const QSignalBlocker block(connectionCombo_);
        connectionCombo_->clear();
        for (int i = 0; i < connections_.size(); ++i)
            connectionCombo_->addItem(
                connections_[i].kind == ConnectionEntry::Kind::Service
                    ? QgsApplication::getThemeIcon(QStringLiteral("/mIconDbSchema.svg"))
                    : QgsApplication::getThemeIcon(QStringLiteral("/mIconPostgis.svg")),
                connections_[i].label(), connections_[i].label());
        connectionCombo_->setCurrentIndex(connectionCombo_->findData(previous));
    }
    if (connections_.isEmpty())
        connectionCombo_->setPlaceholderText(tr("No saved PostgreSQL connection"));
    connectionChanged();
}

bool PumDialog::selectConnection(const QString& name)
{
    for (int i = 0; i < connections_.size(); ++i) {
        if (connections_[i].name == name || connections_[i].label() == name) {
            connectionCombo_->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void PumDialog::connectionChanged()
{
    if (connectionCombo_->currentIndex() >= 0)
        QgsSettings().setValue(QLatin1String(kLastConnectionKey), connectionCombo_->currentData().toString());
    refreshStatus();
}

QString PumDialog::moduleDirectory() const
{
    return moduleCombo_->currentText().trimmed();
}

void PumDialog::setModuleDirectory(const QString& directory)
{
    loadedModule_.clear();  // read the module again, even the same folder
    moduleCombo_->setEditText(directory);
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
    const QString dir = moduleDirectory();
    // editingFinished also comes when the field merely loses focus: keep the
    // form (and what the user entered) when the folder did not change.
    if (config_ && dir == loadedModule_)
        return;
    loadedModule_ = dir;
    config_.reset();
    form_->setDefinitions({});
    if (dir.isEmpty()) {
        refreshStatus();
        return;
    }
    try {
        config_ = pum::Config::load(dir.toStdString());
    } catch (const pum::Error& e) {
        setStatus(pumqt::ModuleStatus::error(QString::fromUtf8(e.what())));
        return;
    }
    rememberModule(QDir::cleanPath(dir));
    form_->setDefinitions(config_->parameters);

    // Options that come from the module.
    targetVersion_->clear();
    targetVersion_->addItem(tr("Newest"), QString());
    demoData_->clear();
    demoData_->addItem(tr("None"), QString());
    for (const auto& set : config_->demoData)
        demoData_->addItem(qs(set.name), qs(set.name));
    refreshStatus();
}

void PumDialog::setTargetVersion(const QString& version)
{
    const int index = targetVersion_->findData(version);
    targetVersion_->setCurrentIndex(index >= 0 ? index : 0);
}

void PumDialog::setDemoDataSet(const QString& name)
{
    const int index = demoData_->findData(name);
    demoData_->setCurrentIndex(index >= 0 ? index : 0);
}

void PumDialog::setBetaTesting(bool on)
{
    betaTesting_->setChecked(on);
}

void PumDialog::setRolesAndGrant(bool on)
{
    rolesAndGrant_->setChecked(on);
}

QPushButton* PumDialog::actionButton(pumqt::ModuleStatus::Action action) const
{
    switch (action) {
    case pumqt::ModuleStatus::Install:
        return install_;
    case pumqt::ModuleStatus::Upgrade:
        return upgrade_;
    case pumqt::ModuleStatus::RecreateApp:
        return recreateApp_;
    case pumqt::ModuleStatus::DemoData:
        return demoButton_;
    case pumqt::ModuleStatus::Uninstall:
        return uninstall_;
    case pumqt::ModuleStatus::Baseline:
        return baseline_;
    case pumqt::ModuleStatus::NoAction:
        break;
    }
    return nullptr;
}

void PumDialog::setStatus(const pumqt::ModuleStatus& status)
{
    status_ = status;
    statusTitle_->setText(status.title());
    statusDetails_->setText(status.details());
    statusDetails_->setVisible(!status.details().isEmpty());
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
    statusTitle_->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    updateActions();
    emit statusChanged();
}

void PumDialog::updateActions()
{
    const bool idle = !isBusy();
    const bool validForm = form_->validationErrors().isEmpty();
    using A = pumqt::ModuleStatus;
    install_->setEnabled(idle && validForm && status_.isEnabled(A::Install));
    upgrade_->setEnabled(idle && validForm && status_.isEnabled(A::Upgrade));
    recreateApp_->setEnabled(idle && validForm && status_.isEnabled(A::RecreateApp));
    demoButton_->setEnabled(idle && validForm && status_.isEnabled(A::DemoData) && demoData_->count() > 1);
    uninstall_->setEnabled(idle && status_.isEnabled(A::Uninstall));
    baseline_->setEnabled(idle && validForm && status_.isEnabled(A::Baseline));
    cancel_->setEnabled(isBusy() && taskCommand_ != Command::Info);
}

void PumDialog::setBusy(bool busy)
{
    // For scripts, whatever the language of the labels.
    setProperty("busy", busy);
    connectionCombo_->setEnabled(!busy || taskCommand_ == Command::Info);
    reloadConnections_->setEnabled(!busy || taskCommand_ == Command::Info);
    moduleCombo_->setEnabled(!busy || taskCommand_ == Command::Info);
    browseModule_->setEnabled(!busy || taskCommand_ == Command::Info);
    const bool editable = !busy || taskCommand_ == Command::Info;
    form_->setEnabled(editable);
    for (QWidget* w : std::initializer_list<QWidget*>{targetVersion_, demoData_, rolesAndGrant_, betaTesting_,
                                                       skipDropApp_, skipCreateApp_})
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
    if (connectionCombo_->currentIndex() < 0) {
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
    const int index = connectionCombo_->currentIndex();
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

    const QStringList problems = form_->validationErrors();
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    request.parameters = form_->givenValues();
    const QString target = targetVersion_->currentData().toString();
    if (!target.isEmpty())
        request.maxVersion = pum::Version::parse(target.toStdString());
    request.betaTesting = betaTesting_->isChecked();
    request.rolesAndGrant = rolesAndGrant_->isChecked();
    request.skipDropApp = skipDropApp_->isChecked();
    request.skipCreateApp = skipCreateApp_->isChecked();
    request.demoData = demoData_->currentData().toString().toStdString();
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
        messageBar_->pushMessage(UpgradeTask::commandName(command), error, Qgis::MessageLevel::Warning);
        return false;
    }
    const QString module = config_ ? qs(config_->module) : QString();
    const QString connection = connectionCombo_->currentText();
    const ConnectionEntry& entry = connections_[connectionCombo_->currentIndex()];
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
            log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning),
                                tr("Python hooks are not available: %1").arg(error));
    }
    const QString module = config_ ? qs(config_->module) : QString();
    auto* task = new UpgradeTask(std::move(request), tr("%1: %2").arg(module, UpgradeTask::commandName(command)));
    task_ = task;
    taskCommand_ = command;
    if (command != Command::Info) {
        messageBar_->clearWidgets();  // the previous command's outcome
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Info),
                            tr("%1 on %2").arg(UpgradeTask::commandName(command), connectionCombo_->currentText()));
        progress_->setRange(0, 0);  // busy until the first step count arrives
        currentFile_->clear();
    }
    connect(task->feedback(), &pumqt::QtFeedback::logged, log_, &pumqt::LogView::appendMessage);
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
        progress_->setRange(0, 1000);
        progress_->setValue(static_cast<int>(fraction * 1000));
        progress_->setFormat(tr("%1 of %2 steps").arg(done).arg(total));
    }
    currentFile_->setText(QFileInfo(current).fileName().isEmpty() ? current : QFileInfo(current).fileName());
    currentFile_->setToolTip(current);
}

void PumDialog::cancelCommand()
{
    if (task_ && taskCommand_ != Command::Info) {
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning), tr("Cancelling…"));
        task_->cancel();
    }
}

void PumDialog::applyInfo(const pum::ModuleInfo& info)
{
    if (!config_)
        return;
    const auto status = pumqt::ModuleStatus::fromInfo(*config_, info);
    // The versions the module offers, for Target version.
    const QString chosen = targetVersion_->currentData().toString();
    {
        const QSignalBlocker block(targetVersion_);
        targetVersion_->clear();
        targetVersion_->addItem(tr("Newest"), QString());
        for (const auto& v : status.availableVersions())
            targetVersion_->addItem(qs(v.toString()), qs(v.toString()));
        setTargetVersion(chosen);
    }
    const bool sameModule = info.installed && info.installedModule == config_->module;
    if (sameModule)
        form_->setStoredValues(info.parameters, true);
    else
        form_->resetToDefaults();
    setStatus(status);
}

void PumDialog::taskCompleted(const TaskResult& result)
{
    const Command command = taskCommand_;
    task_.clear();
    setBusy(false);
    progress_->setRange(0, 1);
    progress_->setValue(result.ok && command != Command::Info ? 1 : 0);
    progress_->setFormat(QStringLiteral("%p%"));
    currentFile_->clear();

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
    if (result.ok) {
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Info), result.message);
        messageBar_->pushMessage(UpgradeTask::commandName(command), result.message, Qgis::MessageLevel::Success, 0);
    } else if (result.cancelled) {
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning), result.message);
        messageBar_->pushMessage(UpgradeTask::commandName(command), result.message, Qgis::MessageLevel::Warning, 0);
    } else {
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Error),
                            result.details.isEmpty() ? result.message
                                                     : result.message + QLatin1Char('\n') + result.details);
        messageBar_->pushMessage(tr("%1 failed").arg(UpgradeTask::commandName(command)), result.message,
                                 result.details, Qgis::MessageLevel::Critical, 0);
    }
    emit commandFinished(result.ok, result.message, result.details);
    if (result.ok && result.info)
        applyInfo(*result.info);
    else
        refreshStatus();
}

}  // namespace pumqgis
