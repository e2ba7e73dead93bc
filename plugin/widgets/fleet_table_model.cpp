#include "fleet_table_model.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <iomanip>
#include <locale>
#include <sstream>

namespace pumqt {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString versionText(const std::optional<pum::Version>& version)
{
    return version ? qs(version->toString()) : QString();
}

QString firstLine(const std::string& text)
{
    return qs(text.substr(0, text.find('\n')));
}

// Two decimals below ten seconds, so that a quick database never reads "0 s".
QString secondsText(double seconds)
{
    return FleetTableModel::tr("%1 s").arg(QString::number(seconds, 'f', seconds < 10 ? 2 : 1));
}

}  // namespace

FleetTableModel::FleetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FleetTableModel::setTargets(const QStringList& labels)
{
    beginResetModel();
    rows_.clear();
    for (const QString& label : labels) {
        Row row;
        row.label = label;
        row.result.target = label.toStdString();
        rows_.push_back(row);
    }
    endResetModel();
}

void FleetTableModel::changed(int row, Column first, Column last)
{
    emit dataChanged(index(row, first), index(row, last));
}

void FleetTableModel::markStarted(int row)
{
    if (!valid(row) || rows_[row].phase == Phase::Done)
        return;
    Row& r = rows_[row];
    // A row cancelled while pending stays "cancelling" until its result comes.
    if (r.phase == Phase::Pending)
        r.phase = Phase::Running;
    r.clock.start();
    changed(row, Database, Message);
}

void FleetTableModel::markCancelling(int row)
{
    if (!isCancellable(row))
        return;
    rows_[row].phase = Phase::Cancelling;
    changed(row, Database, Message);
}

void FleetTableModel::setProgress(int row, qint64 done, qint64 total, const QString& current)
{
    if (!valid(row) || rows_[row].phase == Phase::Done)
        return;
    Row& r = rows_[row];
    r.done = done;
    r.total = total;
    r.current = current;
    changed(row, State, Message);
}

void FleetTableModel::setResult(int row, const pum::FleetResult& result)
{
    if (!valid(row))
        return;
    Row& r = rows_[row];
    r.phase = Phase::Done;
    r.result = result;
    changed(row, Database, Message);
}

void FleetTableModel::refreshRunningTimes()
{
    for (int row = 0; row < rows_.size(); ++row)
        if (rows_[row].phase == Phase::Running || rows_[row].phase == Phase::Cancelling)
            changed(row, Time, Time);
}

FleetTableModel::Phase FleetTableModel::phase(int row) const
{
    return valid(row) ? rows_[row].phase : Phase::Done;
}

bool FleetTableModel::isCancellable(int row) const
{
    return valid(row) && (rows_[row].phase == Phase::Pending || rows_[row].phase == Phase::Running);
}

const pum::FleetResult& FleetTableModel::result(int row) const
{
    static const pum::FleetResult none;
    return valid(row) ? rows_[row].result : none;
}

int FleetTableModel::count(pum::FleetStatus status) const
{
    int n = 0;
    for (const Row& row : rows_)
        n += row.phase == Phase::Done && row.result.status == status ? 1 : 0;
    return n;
}

QString FleetTableModel::statusText(pum::FleetStatus status)
{
    switch (status) {
    case pum::FleetStatus::Pending:
        return tr("Not run");
    case pum::FleetStatus::Upgraded:
        return tr("Upgraded");
    case pum::FleetStatus::UpToDate:
        return tr("Up to date");
    case pum::FleetStatus::UpgradePending:
        return tr("Upgrade pending");
    case pum::FleetStatus::WouldUpgrade:
        return tr("Would upgrade");
    case pum::FleetStatus::NotInstalled:
        return tr("Not installed");
    case pum::FleetStatus::Failed:
        return tr("Failed");
    case pum::FleetStatus::Cancelled:
        return tr("Cancelled");
    }
    return QString();
}

int FleetTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FleetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetTableModel::stateText(const Row& row) const
{
    switch (row.phase) {
    case Phase::Pending:
        return tr("Waiting");
    case Phase::Running:
        return row.total > 0 ? tr("Running: %1 of %2 steps").arg(row.done).arg(row.total) : tr("Running");
    case Phase::Cancelling:
        return tr("Cancelling…");
    case Phase::Done:
        return statusText(row.result.status);
    }
    return QString();
}

QString FleetTableModel::statusKey(const Row& row) const
{
    switch (row.phase) {
    case Phase::Pending:
        return QStringLiteral("pending");
    case Phase::Running:
        return QStringLiteral("running");
    case Phase::Cancelling:
        return QStringLiteral("cancelling");
    case Phase::Done:
        break;
    }
    return QString::fromLatin1(pum::statusKey(row.result.status));
}

QVariant FleetTableModel::progress(const Row& row) const
{
    if (row.phase != Phase::Running)
        return QVariant();
    if (row.total <= 0)
        return -1.0;
    return static_cast<double>(row.done) / static_cast<double>(row.total);
}

QVariant FleetTableModel::display(const Row& row, int column) const
{
    const bool done = row.phase == Phase::Done;
    switch (column) {
    case Database: {
        const QString database = qs(row.result.database);
        // A saved connection's name, and the database it reaches when that says more.
        return database.isEmpty() || database == row.label ? row.label : tr("%1 (%2)").arg(row.label, database);
    }
    case From:
        return versionText(row.result.from);
    case To:
        return versionText(row.result.to);
    case State:
        return stateText(row);
    case Time:
        if (done)
            return secondsText(row.result.seconds);
        if (row.clock.isValid())
            return secondsText(static_cast<double>(row.clock.elapsed()) / 1000.0);
        return QString();
    case Message:
        if (done)
            return firstLine(row.result.message);
        return QFileInfo(row.current).fileName().isEmpty() ? row.current : QFileInfo(row.current).fileName();
    default:
        return QVariant();
    }
}

QVariant FleetTableModel::toolTip(const Row& row, int column) const
{
    if (column == Message) {
        if (row.phase == Phase::Done)
            return qs(row.result.message);
        return row.current;
    }
    if (column == To && row.phase == Phase::Done && !row.result.versions.empty()) {
        QStringList versions;
        for (const auto& v : row.result.versions)
            versions << qs(v.toString());
        return tr("Versions: %1").arg(versions.join(QStringLiteral(", ")));
    }
    return QVariant();
}

QVariant FleetTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !valid(index.row()))
        return QVariant();
    const Row& row = rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Time)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole:
        if (row.phase != Phase::Done)
            return QVariant();
        if (row.result.status == pum::FleetStatus::Failed)
            return QBrush(QColor(255, 221, 221));
        if (row.result.status == pum::FleetStatus::Upgraded)
            return QBrush(QColor(221, 255, 221));
        return QVariant();
    case ProgressRole:
        return index.column() == State ? progress(row) : QVariant();
    case StatusKeyRole:
        return statusKey(row);
    default:
        return QVariant();
    }
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Database:
        return tr("Database");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case State:
        return tr("State");
    case Time:
        return tr("Time");
    case Message:
        return tr("Message");
    default:
        return QVariant();
    }
}

void FleetProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant fraction = index.data(FleetTableModel::ProgressRole);
    if (!fraction.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(1, 1, -1, -1);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.minimum = 0;
    // An unknown step count: a busy bar.
    bar.maximum = fraction.toDouble() < 0 ? 0 : 1000;
    bar.progress = fraction.toDouble() < 0 ? 0 : static_cast<int>(fraction.toDouble() * 1000);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

namespace {

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csvVersion(const std::optional<pum::Version>& version)
{
    return version ? version->toString() : std::string();
}

}  // namespace

std::string fleetReportCsv(const pum::FleetReport& report)
{
    std::string out = "database,from,to,state,seconds,message\r\n";
    for (const auto& r : report.results) {
        // The C locale's decimal point whatever the user's: a comma would split the field.
        std::ostringstream seconds;
        seconds.imbue(std::locale::classic());
        seconds << std::fixed << std::setprecision(3) << r.seconds;
        out += csvField(r.target) + ',' + csvField(csvVersion(r.from)) + ',' + csvField(csvVersion(r.to)) + ',' +
               csvField(pum::statusKey(r.status)) + ',' + seconds.str() + ',' + csvField(r.message) + "\r\n";
    }
    return out;
}

}  // namespace pumqt
