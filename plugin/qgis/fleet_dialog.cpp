#include "fleet_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "qgsapplication.h"

#include "fleet_table_model.h"
#include "log_view.h"
#include "parameter_form.h"
#include "python_hooks_loader.h"

#include "pum/base/error.h"
#include "pum/module/parameter.h"

namespace pumqgis {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

constexpr int kEntryRole = Qt::UserRole + 1;  // index into connections_ of a list item
constexpr int kMaxJobs = 32;

}  // namespace

std::map<std::string, std::string> fleetParameters(const pumqt::ParameterForm& form)
{
    std::map<std::string, std::string> given = form.givenValues();
    for (auto it = given.begin(); it != given.end();)
        it = form.isLocked(qs(it->first)) ? given.erase(it) : std::next(it);
    return given;
}

FleetDialog::FleetDialog(FleetModule module, QWidget* parent) : QDialog(parent), module_(std::move(module))
{
    setObjectName(QStringLiteral("FleetDialog"));
    setWindowTitle(tr("Fleet: %1").arg(qs(module_.config.module)));
    buildLayout();
    reloadConnections();
    updateControls();
}

FleetDialog::~FleetDialog()
{
    // Closed while running: the task goes on without us, rolling every database back.
    if (task_) {
        disconnect(task_, nullptr, this, nullptr);
        task_->cancel();
    }
}

void FleetDialog::buildLayout()
{
    auto* layout = new QVBoxLayout(this);
    moduleLabel_ = new QLabel(moduleText(), this);
    moduleLabel_->setObjectName(QStringLiteral("fleetModule"));
    moduleLabel_->setWordWrap(true);
    moduleLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(moduleLabel_);
    layout->addWidget(buildDatabaseChoice());
    layout->addWidget(buildCommandRow());

    model_ = new pumqt::FleetTableModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("fleetTable"));
    table_->setModel(model_);
    table_->setItemDelegateForColumn(pumqt::FleetTableModel::State, new pumqt::FleetProgressDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(pumqt::FleetTableModel::Database, 220);
    table_->setColumnWidth(pumqt::FleetTableModel::State, 180);
    table_->setMinimumHeight(180);
    connect(table_, &QWidget::customContextMenuRequested, this, &FleetDialog::showTableMenu);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FleetDialog::updateControls);
    layout->addWidget(table_, 1);
    layout->addWidget(buildResultRow());

    log_ = new pumqt::LogView(this);
    log_->setMaximumLevel(static_cast<int>(pum::Feedback::Level::Info));
    log_->setMaximumHeight(120);
    layout->addWidget(log_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &FleetDialog::reject);
    layout->addWidget(buttons);

    clock_ = new QTimer(this);
    clock_->setInterval(1000);
    connect(clock_, &QTimer::timeout, model_, &pumqt::FleetTableModel::refreshRunningTimes);
    resize(900, 640);
}

QWidget* FleetDialog::buildDatabaseChoice()
{
    auto* box = new QGroupBox(tr("Databases"), this);
    auto* grid = new QGridLayout(box);
    connectionsMode_ = new QRadioButton(tr("The connections checked below"), box);
    connectionsMode_->setChecked(true);
    grid->addWidget(connectionsMode_, 0, 0, 1, 4);
    connectionList_ = new QListWidget(box);
    connectionList_->setObjectName(QStringLiteral("fleetConnections"));
    connectionList_->setMaximumHeight(130);
    grid->addWidget(connectionList_, 1, 0, 1, 4);

    serverMode_ = new QRadioButton(tr("Every database holding %1 on the server of").arg(qs(module_.config.module)), box);
    grid->addWidget(serverMode_, 2, 0);
    serverCombo_ = new QComboBox(box);
    serverCombo_->setObjectName(QStringLiteral("fleetServer"));
    grid->addWidget(serverCombo_, 2, 1);
    grid->addWidget(new QLabel(tr("named like"), box), 2, 2);
    pattern_ = new QLineEdit(box);
    pattern_->setObjectName(QStringLiteral("fleetPattern"));
    pattern_->setPlaceholderText(tr("muni_% (empty: all)"));
    pattern_->setToolTip(tr("An SQL LIKE pattern on the database names: % matches any text, _ one character."));
    grid->addWidget(pattern_, 2, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    auto* group = new QButtonGroup(box);
    group->addButton(connectionsMode_);
    group->addButton(serverMode_);
    connect(connectionsMode_, &QRadioButton::toggled, this, &FleetDialog::updateControls);
    return box;
}

QWidget* FleetDialog::buildCommandRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Databases at once"), row));
    jobs_ = new QSpinBox(row);
    jobs_->setRange(1, kMaxJobs);
    jobs_->setValue(4);
    jobs_->setObjectName(QStringLiteral("fleetJobs"));
    jobs_->setToolTip(tr("How many databases run at the same time, each in its own connection and transaction."));
    layout->addWidget(jobs_);
    layout->addStretch(1);
    info_ = new QPushButton(commandName(pum::FleetCommand::Info), row);
    dryRun_ = new QPushButton(commandName(pum::FleetCommand::DryRun), row);
    upgrade_ = new QPushButton(commandName(pum::FleetCommand::Upgrade), row);
    info_->setObjectName(QStringLiteral("fleetInfo"));
    dryRun_->setObjectName(QStringLiteral("fleetDryRun"));
    upgrade_->setObjectName(QStringLiteral("fleetUpgrade"));
    info_->setToolTip(tr("Show the installed and the pending versions of each database."));
    dryRun_->setToolTip(tr("Run the upgrade in each database, report what it would change, then roll back."));
    upgrade_->setToolTip(tr("Upgrade each database in its own transaction: a failure rolls back that database only."));
    for (auto [button, command] : {std::pair{info_, pum::FleetCommand::Info}, std::pair{dryRun_, pum::FleetCommand::DryRun},
                                   std::pair{upgrade_, pum::FleetCommand::Upgrade}}) {
        layout->addWidget(button);
        const pum::FleetCommand c = command;
        connect(button, &QPushButton::clicked, this, [this, c] { start(c); });
    }
    return row;
}

QWidget* FleetDialog::buildResultRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(row);
    summary_->setObjectName(QStringLiteral("fleetSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_, 1);
    cancelSelected_ = new QPushButton(tr("Cancel selected"), row);
    cancelAll_ = new QPushButton(tr("Cancel all"), row);
    cancelSelected_->setObjectName(QStringLiteral("fleetCancelSelected"));
    cancelAll_->setObjectName(QStringLiteral("fleetCancelAll"));
    exportHtml_ = new QPushButton(tr("Export HTML…"), row);
    exportCsv_ = new QPushButton(tr("Export CSV…"), row);
    for (auto* button : {cancelSelected_, cancelAll_, exportHtml_, exportCsv_})
        layout->addWidget(button);
    connect(cancelSelected_, &QPushButton::clicked, this, &FleetDialog::cancelSelected);
    connect(cancelAll_, &QPushButton::clicked, this, &FleetDialog::cancelAll);
    connect(exportHtml_, &QPushButton::clicked, this, [this] { exportWithDialog(QStringLiteral("html")); });
    connect(exportCsv_, &QPushButton::clicked, this, [this] { exportWithDialog(QStringLiteral("csv")); });
    return row;
}

QString FleetDialog::moduleText() const
{
    const QString version = module_.maxVersion ? qs(module_.maxVersion->toString()) : tr("the newest version");
    QStringList given;
    for (const auto& [name, value] : module_.parameters)
        given << QStringLiteral("%1=%2").arg(qs(name), qs(value));
    QString text = tr("Module %1, up to %2.").arg(qs(module_.config.module), version);
    if (!given.isEmpty())
        text += QLatin1Char(' ') + tr("Parameters: %1.").arg(given.join(QStringLiteral(", ")));
    return text;
}

QString FleetDialog::commandName(pum::FleetCommand command)
{
    switch (command) {
    case pum::FleetCommand::Info:
        return tr("Info");
    case pum::FleetCommand::DryRun:
        return tr("Dry run");
    case pum::FleetCommand::Upgrade:
        return tr("Upgrade");
    }
    return QString();
}

QPushButton* FleetDialog::commandButton(pum::FleetCommand command) const
{
    switch (command) {
    case pum::FleetCommand::Info:
        return info_;
    case pum::FleetCommand::DryRun:
        return dryRun_;
    case pum::FleetCommand::Upgrade:
        return upgrade_;
    }
    return nullptr;
}

void FleetDialog::reloadConnections()
{
    const QStringList checked = checkedConnections();
    const QString server = serverCombo_->currentData().toString();
    connections_ = ConnectionList::load();
    connectionList_->clear();
    serverCombo_->clear();
    for (int i = 0; i < connections_.size(); ++i) {
        const ConnectionEntry& entry = connections_[i];
        auto* item = new QListWidgetItem(entry.label(), connectionList_);
        item->setData(kEntryRole, i);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(entry.name) ? Qt::Checked : Qt::Unchecked);
        serverCombo_->addItem(entry.label(), entry.name);
    }
    const int kept = serverCombo_->findData(server);
    if (kept >= 0)
        serverCombo_->setCurrentIndex(kept);
}

bool FleetDialog::setConnectionChecked(const QString& name, bool checked)
{
    for (int row = 0; row < connectionList_->count(); ++row) {
        QListWidgetItem* item = connectionList_->item(row);
        if (connections_[item->data(kEntryRole).toInt()].name == name) {
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QStringList FleetDialog::checkedConnections() const
{
    QStringList names;
    for (int row = 0; row < connectionList_->count(); ++row) {
        const QListWidgetItem* item = connectionList_->item(row);
        if (item->checkState() == Qt::Checked)
            names << connections_[item->data(kEntryRole).toInt()].name;
    }
    return names;
}

void FleetDialog::useCheckedConnections()
{
    connectionsMode_->setChecked(true);
}

bool FleetDialog::useServerOf(const QString& connection, const QString& namePattern)
{
    const int index = serverCombo_->findData(connection);
    if (index < 0)
        return false;
    serverCombo_->setCurrentIndex(index);
    pattern_->setText(namePattern);
    serverMode_->setChecked(true);
    return true;
}

void FleetDialog::setJobs(int jobs)
{
    jobs_->setValue(jobs);
}

int FleetDialog::jobs() const
{
    return jobs_->value();
}

bool FleetDialog::resolveTargets(FleetRequest& request, QString* error) const
{
    if (serverMode_->isChecked()) {
        const int index = serverCombo_->currentIndex();
        if (index < 0) {
            *error = tr("Choose the connection whose server to search.");
            return false;
        }
        const QString conninfo = ConnectionList::conninfo(connections_[index], error);
        if (conninfo.isEmpty())
            return false;
        request.server = conninfo.toStdString();
        request.namePattern = pattern_->text().trimmed().toStdString();
        return true;
    }
    for (int row = 0; row < connectionList_->count(); ++row) {
        const QListWidgetItem* item = connectionList_->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        const ConnectionEntry& entry = connections_[item->data(kEntryRole).toInt()];
        // Resolved here, on the UI thread: the auth manager may ask for its master password.
        const QString conninfo = ConnectionList::conninfo(entry, error);
        if (conninfo.isEmpty())
            return false;
        request.targets.push_back(pum::FleetTarget{conninfo.toStdString(), entry.label().toStdString()});
    }
    if (request.targets.empty()) {
        *error = tr("Check at least one connection, or choose every database of a server.");
        return false;
    }
    return true;
}

std::optional<FleetRequest> FleetDialog::buildRequest(pum::FleetCommand command, QString* error)
{
    FleetRequest request;
    request.config = module_.config;
    request.options.command = command;
    request.options.jobs = static_cast<unsigned>(jobs_->value());
    pum::UpgradeOptions& upgrade = request.options.upgrade;
    try {
        // Exactly what `pum fleet upgrade -p NAME VALUE` does with the form's values.
        upgrade.parameters = pum::parseParameterArguments(module_.config, module_.parameters);
    } catch (const pum::Error& e) {
        *error = tr("Invalid parameter: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    upgrade.maxVersion = module_.maxVersion;
    upgrade.betaTesting = module_.betaTesting;
    upgrade.skipRoles = upgrade.skipGrant = !module_.rolesAndGrant;
    upgrade.skipDropApp = module_.skipDropApp;
    upgrade.skipCreateApp = module_.skipCreateApp;
    if (!resolveTargets(request, error))
        return std::nullopt;
    return request;
}

bool FleetDialog::confirmRun(pum::FleetCommand command, const FleetRequest& request)
{
    if (command != pum::FleetCommand::Upgrade)
        return true;
    const QString module = qs(module_.config.module);
    const QString question =
        request.server ? tr("Upgrade %1 in every database of the server of %2 that holds it?\n\nEach database is "
                            "upgraded in its own transaction.")
                             .arg(module, serverCombo_->currentText())
                       : tr("Upgrade %1 in %2 databases?\n\nEach database is upgraded in its own transaction.")
                             .arg(module)
                             .arg(request.targets.size());
    if (confirm_)
        return confirm_(commandName(command), question);
    return QMessageBox::question(this, commandName(command), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

bool FleetDialog::start(pum::FleetCommand command)
{
    if (task_)
        return false;
    QString error;
    auto request = buildRequest(command, &error);
    if (!request) {
        summary_->setText(error);
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning), error);
        return false;
    }
    if (!confirmRun(command, *request))
        return false;
    // Python hooks run in QGIS's interpreter: load their runner here, on the UI thread.
    if (command != pum::FleetCommand::Info && module_.config.hasPythonHooks()) {
        QString hooksError;
        if (!loadPythonHooks(&hooksError))
            log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning),
                                tr("Python hooks are not available: %1").arg(hooksError));
    }
    model_->clear();
    labels_.clear();
    report_.reset();
    finishedCount_ = 0;
    summary_->setText(request->server ? tr("Looking for the databases holding %1…").arg(qs(module_.config.module))
                                      : tr("Starting…"));
    log_->appendMessage(static_cast<int>(pum::Feedback::Level::Info),
                        tr("%1, %2 databases at once").arg(commandName(command)).arg(jobs_->value()));
    auto* task = new FleetTask(std::move(*request), tr("%1: fleet %2").arg(qs(module_.config.module),
                                                                           commandName(command)));
    task_ = task;
    connectTask(task);
    clock_->start();
    updateControls();
    QgsApplication::taskManager()->addTask(task);
    return true;
}

void FleetDialog::connectTask(FleetTask* task)
{
    connect(task, &FleetTask::targetsReady, this, &FleetDialog::targetsReady);
    connect(task, &FleetTask::skipped, this, [this](const QString& database, const QString& why) {
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning), tr("Skipped %1: %2").arg(database, why));
    });
    connect(task, &FleetTask::targetStarted, model_, &pumqt::FleetTableModel::markStarted);
    connect(task, &FleetTask::targetProgress, model_, &pumqt::FleetTableModel::setProgress);
    connect(task, &FleetTask::targetLogged, this, [this](int index, int level, const QString& message) {
        log_->appendMessage(level, tr("%1: %2").arg(labels_.value(index), message));
    });
    connect(task, &FleetTask::targetFinished, this, &FleetDialog::targetFinished);
    connect(task, &FleetTask::completed, this, &FleetDialog::taskCompleted);
}

void FleetDialog::targetsReady(const QStringList& labels)
{
    labels_ = labels;
    model_->setTargets(labels);
    summary_->setText(tr("%1 of %2 databases done").arg(0).arg(labels.size()));
    updateControls();
}

void FleetDialog::targetFinished(int index, const pum::FleetResult& result)
{
    model_->setResult(index, result);
    ++finishedCount_;
    summary_->setText(tr("%1 of %2 databases done").arg(finishedCount_).arg(labels_.size()));
    if (result.failed())
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Error),
                            tr("%1: %2").arg(labels_.value(index), qs(result.message)));
    updateControls();
}

void FleetDialog::taskCompleted(const pum::FleetReport& report, const QString& error)
{
    task_.clear();
    clock_->stop();
    if (error.isEmpty()) {
        report_ = report;
        // The final word for every row, also for those whose signal was still queued.
        for (int row = 0; row < static_cast<int>(report.results.size()); ++row)
            model_->setResult(row, report.results[static_cast<std::size_t>(row)]);
        summary_->setText(summaryText(report));
    } else {
        summary_->setText(error);
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Error), error);
    }
    updateControls();
    emit runFinished(summary_->text());
    if (closeWhenDone_)
        QDialog::reject();
}

QString FleetDialog::summaryText(const pum::FleetReport& report) const
{
    static const pum::FleetStatus order[] = {pum::FleetStatus::Upgraded,     pum::FleetStatus::WouldUpgrade,
                                             pum::FleetStatus::UpToDate,     pum::FleetStatus::UpgradePending,
                                             pum::FleetStatus::NotInstalled, pum::FleetStatus::Failed,
                                             pum::FleetStatus::Cancelled,    pum::FleetStatus::Pending};
    QStringList counts;
    for (pum::FleetStatus status : order)
        if (const auto n = report.count(status))
            counts << tr("%1: %2").arg(pumqt::FleetTableModel::statusText(status)).arg(n);
    return tr("%1 databases in %2 s (%3 at once). %4")
        .arg(report.results.size())
        .arg(QString::number(report.seconds, 'f', 2))
        .arg(report.jobs)
        .arg(counts.join(QStringLiteral(", ")));
}

void FleetDialog::cancelAll()
{
    if (!task_)
        return;
    log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning),
                        tr("Cancelling: every database not committed yet rolls back."));
    for (int row = 0; row < model_->rowCount(); ++row)
        model_->markCancelling(row);
    task_->cancel();
    updateControls();
}

void FleetDialog::cancelRow(int row)
{
    if (!task_ || !model_->isCancellable(row))
        return;
    log_->appendMessage(static_cast<int>(pum::Feedback::Level::Warning),
                        tr("Cancelling %1: it rolls back unless it is committing already.").arg(labels_.value(row)));
    model_->markCancelling(row);
    task_->cancelTarget(row);
    updateControls();
}

void FleetDialog::cancelSelected()
{
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        cancelRow(index.row());
}

void FleetDialog::showTableMenu(const QPoint& position)
{
    const QModelIndex index = table_->indexAt(position);
    if (!index.isValid() || !task_ || !model_->isCancellable(index.row()))
        return;
    QMenu menu(this);
    const int row = index.row();
    menu.addAction(tr("Cancel %1").arg(labels_.value(row)), this, [this, row] { cancelRow(row); });
    menu.exec(table_->viewport()->mapToGlobal(position));
}

bool FleetDialog::exportReport(const QString& path, QString* error) const
{
    if (!report_) {
        *error = tr("Nothing to export yet: run Info, Dry run or Upgrade first.");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    std::string text;
    if (suffix == QLatin1String("csv"))
        text = pumqt::fleetReportCsv(*report_);
    else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        text = pum::fleetReportHtml(*report_);
    else {
        *error = tr("%1: choose a file ending in .html or .csv.").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void FleetDialog::exportWithDialog(const QString& extension)
{
    const QString filter = extension == QLatin1String("csv") ? tr("CSV table (*.csv)") : tr("HTML page (*.html)");
    const QString name = QStringLiteral("%1-fleet.%2").arg(qs(module_.config.module), extension);
    QString path = QFileDialog::getSaveFileName(this, tr("Export the summary"), name, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + extension;
    QString error;
    if (exportReport(path, &error))
        log_->appendMessage(static_cast<int>(pum::Feedback::Level::Info), tr("Summary written to %1").arg(path));
    else
        QMessageBox::warning(this, tr("Export the summary"), error);
}

void FleetDialog::updateControls()
{
    const bool busy = isBusy();
    setProperty("busy", busy);  // for scripts and the end-to-end test
    for (auto* button : {info_, dryRun_, upgrade_})
        button->setEnabled(!busy);
    connectionsMode_->setEnabled(!busy);
    serverMode_->setEnabled(!busy);
    connectionList_->setEnabled(!busy && connectionsMode_->isChecked());
    serverCombo_->setEnabled(!busy && serverMode_->isChecked());
    pattern_->setEnabled(!busy && serverMode_->isChecked());
    jobs_->setEnabled(!busy);
    bool selectedCancellable = false;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        selectedCancellable = selectedCancellable || model_->isCancellable(index.row());
    cancelSelected_->setEnabled(busy && selectedCancellable);
    cancelAll_->setEnabled(busy);
    exportHtml_->setEnabled(!busy && report_.has_value());
    exportCsv_->setEnabled(!busy && report_.has_value());
}

void FleetDialog::reject()
{
    if (!task_) {
        QDialog::reject();
        return;
    }
    // Closing while databases run: cancel them, close once every one has rolled back.
    closeWhenDone_ = true;
    cancelAll();
}

}  // namespace pumqgis
