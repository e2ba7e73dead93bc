#pragma once
// The fleet's table: one row per database (database, from, to, state, time,
// message), updated live while pum::FleetRunner works, and its CSV export.
// Qt only: the QGIS dialog feeds it from the task's queued signals.
#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QStyledItemDelegate>
#include <QVector>

#include <string>

#include "pum/fleet/fleet.h"

namespace pumqt {

class FleetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Database, From, To, State, Time, Message, ColumnCount };
    // Where a row is: not started, working, asked to cancel, or over (its result is final).
    enum class Phase { Pending, Running, Cancelling, Done };
    // On the State column of a running row: the fraction done (0..1), or -1
    // while the step count is not known yet. Invalid for other rows.
    static constexpr int ProgressRole = Qt::UserRole + 1;
    // On every column: the row's pum::statusKey ("upgraded", "failed", ...),
    // "running" or "cancelling" while it works.
    static constexpr int StatusKeyRole = Qt::UserRole + 2;

    explicit FleetTableModel(QObject* parent = nullptr);

    // A new run: one pending row per database, labelled as given.
    void setTargets(const QStringList& labels);
    void clear() { setTargets({}); }

    // Live updates (rows out of range are ignored: a late signal of an older run).
    void markStarted(int row);
    void markCancelling(int row);
    void setProgress(int row, qint64 done, qint64 total, const QString& current);
    void setResult(int row, const pum::FleetResult& result);
    // The running rows' time column changes every second: call from a timer.
    void refreshRunningTimes();

    Phase phase(int row) const;
    // Pending or running: cancelling it still does something.
    bool isCancellable(int row) const;
    const pum::FleetResult& result(int row) const;
    int count(pum::FleetStatus status) const;  // rows over with this status

    // For people (translated): "Upgraded", "Up to date", ...
    static QString statusText(pum::FleetStatus status);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString label;
        Phase phase = Phase::Pending;
        qint64 done = 0;
        qint64 total = 0;
        QString current;  // the file being run
        QElapsedTimer clock;
        pum::FleetResult result;
    };
    bool valid(int row) const { return row >= 0 && row < rows_.size(); }
    void changed(int row, Column first, Column last);
    QVariant display(const Row& row, int column) const;
    QVariant toolTip(const Row& row, int column) const;
    QString stateText(const Row& row) const;
    QString statusKey(const Row& row) const;
    QVariant progress(const Row& row) const;

    QVector<Row> rows_;
};

// Draws a progress bar in the State cell of running rows (FleetTableModel::ProgressRole).
class FleetProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

// The summary as CSV (RFC 4180: comma separated, CRLF line ends, a field with
// a comma, quote or line break quoted, quotes doubled), UTF-8, one header row:
// database,from,to,state,seconds,message. `state` is pum::statusKey; the
// message is whole (several lines for an SQL error).
std::string fleetReportCsv(const pum::FleetReport& report);

}  // namespace pumqt
