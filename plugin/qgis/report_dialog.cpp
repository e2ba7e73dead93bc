#include "report_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "qgsapplication.h"

namespace pumqgis {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString secondsText(double seconds)
{
    // Milliseconds below a second: most files of a dry run take a few.
    return seconds < 1 ? ReportDialog::tr("%1 ms").arg(QString::number(seconds * 1000, 'f', 0))
                       : ReportDialog::tr("%1 s").arg(QString::number(seconds, 'f', seconds < 10 ? 2 : 1));
}

// Columns of the tree.
enum Column { Item, Detail, Time };

}  // namespace

QString checkKindName(const std::string& kind)
{
    if (kind == "tables")
        return ReportDialog::tr("Tables");
    if (kind == "columns")
        return ReportDialog::tr("Columns");
    if (kind == "constraints")
        return ReportDialog::tr("Constraints");
    if (kind == "views")
        return ReportDialog::tr("Views");
    if (kind == "sequences")
        return ReportDialog::tr("Sequences");
    if (kind == "indexes")
        return ReportDialog::tr("Indexes");
    if (kind == "triggers")
        return ReportDialog::tr("Triggers");
    if (kind == "functions")
        return ReportDialog::tr("Functions");
    if (kind == "rules")
        return ReportDialog::tr("Rules");
    return qs(pum::checkName(kind));
}

QString differenceTypeName(pum::Difference::Type type)
{
    switch (type) {
    case pum::Difference::Type::Removed:
        return ReportDialog::tr("Removed");
    case pum::Difference::Type::Added:
        return ReportDialog::tr("Added");
    case pum::Difference::Type::Changed:
        return ReportDialog::tr("Changed");
    }
    return QString();
}

ReportDialog::ReportDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("pumReportDialog"));
    resize(820, 640);
    auto* layout = new QVBoxLayout(this);

    compareRow_ = new QWidget(this);
    auto* row = new QHBoxLayout(compareRow_);
    row->setContentsMargins(0, 0, 0, 0);
    firstLabel_ = new QLabel(compareRow_);
    compareWith_ = new QComboBox(compareRow_);
    compareWith_->setObjectName(QStringLiteral("pumCompareWith"));
    compareWith_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    compareButton_ = new QPushButton(tr("Compare"), compareRow_);
    compareButton_->setObjectName(QStringLiteral("pumCompareRun"));
    row->addWidget(firstLabel_);
    row->addWidget(compareWith_, 1);
    row->addWidget(compareButton_);
    connect(compareButton_, &QPushButton::clicked, this, [this] {
        if (isComparing())
            cancelComparison();
        else
            startComparison();
    });
    compareRow_->hide();
    layout->addWidget(compareRow_);

    verdict_ = new QLabel(this);
    verdict_->setObjectName(QStringLiteral("pumReportVerdict"));
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict_);

    tabs_ = new QTabWidget(this);
    tree_ = new QTreeWidget(tabs_);
    tree_->setObjectName(QStringLiteral("pumReportTree"));
    tree_->setHeaderLabels({tr("Item"), tr("Detail"), tr("Time")});
    tree_->header()->setSectionResizeMode(Item, QHeaderView::Interactive);
    tree_->setColumnWidth(Item, 440);
    tree_->setColumnWidth(Detail, 260);
    tree_->setAlternatingRowColors(true);
    // Paths are relative to the module's folder: shown whole, wrapped when long.
    tree_->setTextElideMode(Qt::ElideNone);
    tree_->setWordWrap(true);
    tabs_->addTab(tree_, tr("Summary"));
    browser_ = new QTextBrowser(tabs_);
    browser_->setObjectName(QStringLiteral("pumReportBrowser"));
    browser_->setOpenLinks(false);  // a self-contained page: nothing to follow
    tabs_->addTab(browser_, tr("Report"));
    layout->addWidget(tabs_, 1);
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (tabs_->widget(index) == browser_)
            fillBrowser();
    });
    filler_ = new QTimer(this);
    filler_->setInterval(0);
    connect(filler_, &QTimer::timeout, this, &ReportDialog::fillSome);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    save_ = buttons->addButton(tr("Save report…"), QDialogButtonBox::ActionRole);
    save_->setObjectName(QStringLiteral("pumReportSave"));
    save_->setEnabled(false);
    connect(save_, &QPushButton::clicked, this, &ReportDialog::saveClicked);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

ReportDialog::~ReportDialog()
{
    // The task outlives the window: let it stop early (its result goes nowhere).
    cancelComparison();
}

ReportDialog* ReportDialog::showDryRun(const pum::DryRunReport& report, QWidget* parent)
{
    auto* dialog = new ReportDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDryRunReport(report);
    dialog->show();
    return dialog;
}

ReportDialog* ReportDialog::openComparison(const QList<ConnectionEntry>& connections, int first, QWidget* parent)
{
    auto* dialog = new ReportDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnections(connections, first);
    dialog->show();
    return dialog;
}

void ReportDialog::clearReport()
{
    filler_->stop();
    pending_.clear();
    pendingNext_ = 0;
    tree_->clear();
    browser_->clear();
    browserFilled_ = false;
    report_.reset();
    makeHtml_ = nullptr;
    makeJson_ = nullptr;
    html_.reset();
    json_.reset();
    changes_ = 0;
    save_->setEnabled(false);
}

void ReportDialog::setVerdict(const QString& text, bool good)
{
    verdict_->setText(text);
    verdict_->setStyleSheet(good ? QStringLiteral("QLabel { color: #1a7f37; font-weight: bold; }")
                                 : QStringLiteral("QLabel { color: #b42318; font-weight: bold; }"));
}

QTreeWidgetItem* ReportDialog::addGroup(QTreeWidgetItem* parent, const QString& title, int count)
{
    const QStringList texts{title, QString::number(count)};
    auto* group = parent ? new QTreeWidgetItem(parent, texts) : new QTreeWidgetItem(tree_, texts);
    QFont bold = group->font(Item);
    bold.setBold(true);
    group->setFont(Item, bold);
    group->setExpanded(true);
    return group;
}

void ReportDialog::addDifferences(QTreeWidgetItem* parent, const std::vector<pum::CheckResult>& checks,
                                  const QStringList& names)
{
    for (const auto& check : checks) {
        if (check.passed())
            continue;
        auto* kind = addGroup(parent, checkKindName(check.key), static_cast<int>(check.differences.size()));
        kind->setData(Item, Qt::UserRole, qs(check.key));
        for (const auto& difference : check.differences)
            pending_.push_back({kind, &difference});
    }
    pendingNames_ = names;
    fillSome();  // a short report is complete at once
}

void ReportDialog::fillSome()
{
    // A few milliseconds of work per event-loop turn.
    constexpr std::size_t chunk = 300;
    const std::size_t end = std::min(pending_.size(), pendingNext_ + chunk);
    for (; pendingNext_ < end; ++pendingNext_) {
        const auto& [kind, difference] = pending_[pendingNext_];
        QString type = differenceTypeName(difference->type);
        if (pendingNames_.size() == 2 && difference->type != pum::Difference::Type::Changed)
            type = tr("Only in %1").arg(pendingNames_[difference->type == pum::Difference::Type::Removed ? 0 : 1]);
        auto* item = new QTreeWidgetItem(kind, {qs(difference->object), type});
        // The definitions, for a look without leaving the tree.
        QStringList tip;
        if (!difference->first.empty())
            tip << tr("Before: %1").arg(qs(difference->first));
        if (!difference->second.empty())
            tip << tr("After: %1").arg(qs(difference->second));
        item->setToolTip(Item, tip.join(QLatin1Char('\n')));
    }
    if (pendingNext_ < pending_.size())
        filler_->start();
    else
        filler_->stop();
}

template <typename Report>
const Report& ReportDialog::keepReport(const Report& report, std::string (*writeHtml)(const Report&),
                                       std::string (*writeJson)(const Report&), std::size_t changes)
{
    auto kept = std::make_shared<const Report>(report);
    report_ = kept;
    makeHtml_ = [kept, writeHtml] { return writeHtml(*kept); };
    makeJson_ = [kept, writeJson] { return writeJson(*kept); };
    changes_ = changes;
    // A short report's page is laid out at once; a long one when its tab is opened.
    if (changes_ <= 300 || tabs_->currentWidget() == browser_)
        fillBrowser();
    return *kept;
}

const std::string& ReportDialog::html() const
{
    if (!html_)
        html_ = makeHtml_ ? makeHtml_() : std::string();
    return *html_;
}

const std::string& ReportDialog::json() const
{
    if (!json_)
        json_ = makeJson_ ? makeJson_() : std::string();
    return *json_;
}

void ReportDialog::fillBrowser()
{
    if (browserFilled_ || !makeHtml_)
        return;
    browserFilled_ = true;
    // QTextBrowser lays a page out on the UI thread: seconds for thousands of rows.
    constexpr std::size_t browserLimit = 2000;
    if (changes_ > browserLimit) {
        browser_->setPlainText(tr("This report lists %1 schema changes, too many to show here. Save report… writes "
                                  "it as an HTML page for a web browser, or as JSON.")
                                   .arg(QLocale().toString(static_cast<qlonglong>(changes_))));
        return;
    }
    // The core's page: its script is not run by QTextBrowser, and it reads without it.
    browser_->setHtml(QString::fromStdString(html()));
}

void ReportDialog::setDryRunReport(const pum::DryRunReport& report)
{
    clearReport();
    setWindowTitle(report.command == "install" ? tr("Dry run of the install: %1").arg(qs(report.module))
                                               : tr("Dry run of the upgrade: %1").arg(qs(report.module)));
    const QString target = report.to ? qs(report.to->toString()) : QStringLiteral("?");
    const int changes = static_cast<int>(report.schemaChanges.differenceCount());
    QString text = report.from ? tr("Dry run of the upgrade of %1 from %2 to %3; schema changes: %4.")
                                     .arg(qs(report.module), qs(report.from->toString()), target)
                                     .arg(changes)
                               : tr("Dry run of the install of %1 at version %2; schema changes: %3.")
                                     .arg(qs(report.module), target)
                                     .arg(changes);
    text += QLatin1Char(' ') + tr("Nothing was changed: the transaction was rolled back.");
    setVerdict(text, true);

    auto* versions = addGroup(nullptr, tr("Versions to apply"), static_cast<int>(report.versions.size()));
    for (const auto& version : report.versions)
        new QTreeWidgetItem(versions, {qs(version.toString())});

    auto* steps = addGroup(nullptr, tr("Files and hooks"), static_cast<int>(report.steps.size()));
    for (const auto& step : report.steps) {
        auto* item = new QTreeWidgetItem(steps, {qs(step.label), tr("statements: %1").arg(step.statements),
                                                 secondsText(step.seconds)});
        item->setToolTip(Item, qs(step.label));
    }
    steps->setText(Time, secondsText(report.seconds));

    auto* schema = addGroup(nullptr, tr("Schema changes"), changes);

    auto* locks = addGroup(nullptr, tr("ACCESS EXCLUSIVE locks"), static_cast<int>(report.locks.size()));
    for (const auto& lock : report.locks) {
        // The file's name: its folder is in the tooltip and in the list of files above.
        const QString step = qs(lock.acquiredIn);
        QString detail = tr("from %1").arg(QFileInfo(step).fileName().isEmpty() ? step : QFileInfo(step).fileName());
        if (lock.dropped)
            detail += QLatin1Char(' ') + tr("(dropped by the run)");
        else if (!lock.hasRows)
            detail += QLatin1Char(' ') + tr("(empty table)");
        auto* item = new QTreeWidgetItem(locks, {qs(lock.relation), detail, secondsText(lock.seconds)});
        item->setToolTip(Detail, step);
        if (lock.warning)
            item->setIcon(Item, QgsApplication::getThemeIcon(QStringLiteral("/mIconWarning.svg")));
    }

    auto* warnings = addGroup(nullptr, tr("Warnings"), static_cast<int>(report.warnings.size()));
    for (const auto& warning : report.warnings) {
        auto* item = new QTreeWidgetItem(warnings, {qs(warning)});
        item->setFirstColumnSpanned(true);  // a sentence: the whole width
        item->setToolTip(Item, qs(warning));
        item->setIcon(Item, QgsApplication::getThemeIcon(QStringLiteral("/mIconWarning.svg")));
    }

    const auto& kept = keepReport(report, &pum::dryRunHtml, &pum::dryRunJson, report.schemaChanges.differenceCount());
    addDifferences(schema, kept.schemaChanges.checks);
    save_->setEnabled(true);
}

void ReportDialog::setComparisonReport(const pum::ComparisonReport& report, const QString& firstName,
                                       const QString& secondName)
{
    clearReport();
    const int count = static_cast<int>(report.differenceCount());
    const QString first = firstName.isEmpty() ? qs(report.first) : firstName;
    const QString second = secondName.isEmpty() ? qs(report.second) : secondName;
    if (report.passed())
        setVerdict(tr("Equal: %1 and %2 have the same structure.").arg(first, second), true);
    else
        setVerdict(tr("Different: %1 and %2 differ (differences: %3).").arg(first, second).arg(count),
                   false);
    const auto& kept = keepReport(report, &pum::reportHtml, &pum::reportJson, report.differenceCount());
    addDifferences(nullptr, kept.checks, {first, second});
    if (report.passed())
        new QTreeWidgetItem(tree_, {tr("No differences")});
    save_->setEnabled(true);
}

void ReportDialog::setConnections(const QList<ConnectionEntry>& connections, int first)
{
    connections_ = connections;
    first_ = first;
    compareWith_->clear();
    const bool valid = first >= 0 && first < connections.size();
    setWindowTitle(valid ? tr("Compare %1").arg(connections[first].label()) : tr("Compare"));
    firstLabel_->setText(valid ? tr("Compare %1 with").arg(connections[first].label()) : QString());
    for (int i = 0; i < connections.size(); ++i)
        if (i != first)
            compareWith_->addItem(connections[i].label(), i);
    compareRow_->show();
    compareButton_->setEnabled(valid && compareWith_->count() > 0);
    if (!valid)
        setVerdict(tr("Choose a connection in the dialog first."), false);
    else if (compareWith_->count() == 0)
        setVerdict(tr("There is no other connection to compare with."), false);
    else
        verdict_->clear();
}

bool ReportDialog::startComparison()
{
    if (isComparing())
        return false;
    const int second = compareWith_->currentData().toInt();
    if (first_ < 0 || first_ >= connections_.size() || compareWith_->currentIndex() < 0 || second < 0 ||
        second >= connections_.size()) {
        setVerdict(tr("Choose the connection to compare with."), false);
        return false;
    }
    // The auth manager may ask for its master password: on the UI thread, before the task.
    CompareRequest request;
    QString error;
    const QString first = ConnectionList::conninfo(connections_[first_], &error);
    const QString other = first.isEmpty() ? QString() : ConnectionList::conninfo(connections_[second], &error);
    if (other.isEmpty()) {
        setVerdict(error, false);
        return false;
    }
    request.first = first.toStdString();
    request.second = other.toStdString();
    request.firstName = connections_[first_].label();
    request.secondName = connections_[second].label();
    comparedNames_[0] = request.firstName;
    comparedNames_[1] = request.secondName;
    clearReport();
    comparison_.reset();
    setVerdict(tr("Comparing %1 with %2…").arg(request.firstName, request.secondName), true);
    verdict_->setStyleSheet(QString());
    auto* task = new CompareTask(std::move(request), tr("Compare %1 with %2").arg(connections_[first_].label(),
                                                                                 connections_[second].label()));
    task_ = task;
    connect(task, &CompareTask::completed, this, &ReportDialog::comparisonCompleted);
    compareButton_->setText(tr("Cancel"));
    compareWith_->setEnabled(false);
    QgsApplication::taskManager()->addTask(task);
    return true;
}

void ReportDialog::cancelComparison()
{
    if (task_)
        task_->cancel();
}

void ReportDialog::comparisonCompleted(const CompareResult& result)
{
    task_.clear();
    comparison_ = result;
    compareButton_->setText(tr("Compare"));
    compareWith_->setEnabled(true);
    if (result.report)
        setComparisonReport(*result.report, comparedNames_[0], comparedNames_[1]);
    else
        setVerdict(result.message, false);
    emit comparisonFinished(result.ok);
}

bool ReportDialog::saveReport(const QString& path, QString* error) const
{
    const bool asJson = QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const std::string& text = asJson ? json() : html();
    if (text.empty()) {
        *error = tr("There is no report to save yet.");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        (asJson && file.write("\n", 1) != 1) || !file.flush()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ReportDialog::saveClicked()
{
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save report"), QString(),
                                     tr("HTML page (*.html);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QString target = path;
    // The filter chosen decides when the name has no extension of its own.
    if (QFileInfo(path).suffix().isEmpty())
        target += filter.contains(QLatin1String("json")) ? QStringLiteral(".json") : QStringLiteral(".html");
    QString error;
    if (!saveReport(target, &error))
        QMessageBox::warning(this, tr("Save report"), error);
}

}  // namespace pumqgis
