// The fleet table's rows through a run (pending, running with progress,
// cancelling, done), and the CSV export's quoting.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTableView>

#include "fleet_table_model.h"

using pumqt::FleetTableModel;
using Phase = FleetTableModel::Phase;

namespace {

QString cell(const FleetTableModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

pum::FleetResult result(const char* target, pum::FleetStatus status, const char* from, const char* to,
                        const std::string& message, double seconds = 1.25)
{
    pum::FleetResult r;
    r.target = target;
    r.status = status;
    if (from)
        r.from = pum::Version::parse(from);
    if (to)
        r.to = pum::Version::parse(to);
    r.message = message;
    r.seconds = seconds;
    return r;
}

}  // namespace

TEST(FleetTableModel, RowsGoFromWaitingThroughRunningToTheirResult)
{
    FleetTableModel model;
    model.setTargets({QStringLiteral("muni_a"), QStringLiteral("muni_b")});
    ASSERT_EQ(model.rowCount(), 2);
    ASSERT_EQ(model.columnCount(), FleetTableModel::ColumnCount);
    EXPECT_EQ(model.headerData(FleetTableModel::Message, Qt::Horizontal).toString(), QStringLiteral("Message"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::Database), QStringLiteral("muni_a"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::State), QStringLiteral("Waiting"));
    EXPECT_TRUE(model.isCancellable(0));
    EXPECT_FALSE(model.data(model.index(0, FleetTableModel::State), FleetTableModel::ProgressRole).isValid());

    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.markStarted(0);
    EXPECT_EQ(changes.count(), 1);
    EXPECT_EQ(model.phase(0), Phase::Running);
    EXPECT_EQ(cell(model, 0, FleetTableModel::State), QStringLiteral("Running"));
    // No step count yet: a busy bar.
    EXPECT_EQ(model.data(model.index(0, FleetTableModel::State), FleetTableModel::ProgressRole).toDouble(), -1.0);
    EXPECT_TRUE(cell(model, 0, FleetTableModel::Time).endsWith(QStringLiteral(" s")));

    model.setProgress(0, 3, 12, QStringLiteral("/m/changelogs/1.9.0/01_maintenance.sql"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::State), QStringLiteral("Running: 3 of 12 steps"));
    EXPECT_EQ(model.data(model.index(0, FleetTableModel::State), FleetTableModel::ProgressRole).toDouble(), 0.25);
    EXPECT_EQ(cell(model, 0, FleetTableModel::Message), QStringLiteral("01_maintenance.sql"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::Message, Qt::ToolTipRole),
              QStringLiteral("/m/changelogs/1.9.0/01_maintenance.sql"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::State, FleetTableModel::StatusKeyRole), QStringLiteral("running"));

    auto upgraded = result("muni_a", pum::FleetStatus::Upgraded, "1.1.0", "1.10.0", "applied 1.9.0, 1.10.0");
    upgraded.database = "muni_a_db";
    upgraded.versions = {pum::Version::parse("1.9.0"), pum::Version::parse("1.10.0")};
    model.setResult(0, upgraded);
    EXPECT_EQ(model.phase(0), Phase::Done);
    EXPECT_FALSE(model.isCancellable(0));
    EXPECT_EQ(cell(model, 0, FleetTableModel::Database), QStringLiteral("muni_a (muni_a_db)"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::From), QStringLiteral("1.1.0"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::To), QStringLiteral("1.10.0"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::To, Qt::ToolTipRole), QStringLiteral("Versions: 1.9.0, 1.10.0"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::State), QStringLiteral("Upgraded"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::Time), QStringLiteral("1.25 s"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::Message), QStringLiteral("applied 1.9.0, 1.10.0"));
    EXPECT_FALSE(model.data(model.index(0, FleetTableModel::State), FleetTableModel::ProgressRole).isValid());
    // A late progress signal never turns a finished row back.
    model.setProgress(0, 4, 12, QStringLiteral("x.sql"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::State), QStringLiteral("Upgraded"));
    EXPECT_EQ(model.count(pum::FleetStatus::Upgraded), 1);
    EXPECT_EQ(model.count(pum::FleetStatus::Failed), 0);
}

TEST(FleetTableModel, CancellingAPendingRowKeepsItCancellingUntilItsResult)
{
    FleetTableModel model;
    model.setTargets({QStringLiteral("a"), QStringLiteral("b")});
    model.markCancelling(1);
    EXPECT_EQ(cell(model, 1, FleetTableModel::State), QStringLiteral("Cancelling…"));
    EXPECT_FALSE(model.isCancellable(1));
    model.markStarted(1);
    EXPECT_EQ(model.phase(1), Phase::Cancelling);
    model.setResult(1, result("b", pum::FleetStatus::Cancelled, "1.1.0", nullptr,
                              "cancelled: rolled back, nothing was changed"));
    EXPECT_EQ(cell(model, 1, FleetTableModel::State), QStringLiteral("Cancelled"));
    EXPECT_EQ(cell(model, 1, FleetTableModel::To), QString());
    // Out of range (a late signal of an earlier run): ignored.
    model.markStarted(7);
    model.setResult(-1, pum::FleetResult{});
    EXPECT_EQ(model.rowCount(), 2);
}

TEST(FleetTableModel, FailedRowShowsTheFirstLineAndTheWholeMessageAsToolTip)
{
    FleetTableModel model;
    model.setTargets({QStringLiteral("broken")});
    model.setResult(0, result("broken", pum::FleetStatus::Failed, "1.1.0", nullptr,
                              "relation \"maintenance\" already exists\nin 1.9.0/01_maintenance.sql, line 1"));
    EXPECT_EQ(cell(model, 0, FleetTableModel::Message), QStringLiteral("relation \"maintenance\" already exists"));
    EXPECT_TRUE(cell(model, 0, FleetTableModel::Message, Qt::ToolTipRole).contains(QStringLiteral("line 1")));
    EXPECT_EQ(cell(model, 0, FleetTableModel::State, FleetTableModel::StatusKeyRole), QStringLiteral("failed"));
    EXPECT_TRUE(model.data(model.index(0, 0), Qt::BackgroundRole).isValid());
}

TEST(FleetTableModel, ProgressDelegatePaintsRunningAndDoneRows)
{
    FleetTableModel model;
    model.setTargets({QStringLiteral("a"), QStringLiteral("b")});
    model.markStarted(0);
    model.setProgress(0, 1, 2, QStringLiteral("f.sql"));
    model.setResult(1, result("b", pum::FleetStatus::UpToDate, "1.0.0", "1.0.0", "nothing to upgrade"));
    QTableView view;
    view.setModel(&model);
    pumqt::FleetProgressDelegate delegate;
    QImage image(200, 30, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 200, 30);
    option.widget = &view;
    delegate.paint(&painter, option, model.index(0, FleetTableModel::State));
    delegate.paint(&painter, option, model.index(1, FleetTableModel::State));
    painter.end();
    // The bar drew something: not a blank image.
    bool drawn = false;
    for (int x = 0; x < image.width() && !drawn; ++x)
        drawn = image.pixel(x, 15) != QColor(Qt::white).rgb();
    EXPECT_TRUE(drawn);
}

TEST(FleetReportCsv, QuotesCommasQuotesAndLineBreaks)
{
    pum::FleetReport report;
    report.results.push_back(result("muni_a", pum::FleetStatus::Upgraded, "1.1.0", "1.10.0",
                                    "applied 1.9.0, 1.10.0 (5 statements)", 0.5));
    report.results.push_back(result("host=db2 dbname=\"x\"", pum::FleetStatus::Failed, "1.1.0", nullptr,
                                    "relation \"maintenance\" already exists\nline 1", 2));
    report.results.push_back(result("plain", pum::FleetStatus::NotInstalled, nullptr, "1.10.0", "", 0));
    EXPECT_EQ(pumqt::fleetReportCsv(report),
              "database,from,to,state,seconds,message\r\n"
              "muni_a,1.1.0,1.10.0,upgraded,0.500,\"applied 1.9.0, 1.10.0 (5 statements)\"\r\n"
              "\"host=db2 dbname=\"\"x\"\"\",1.1.0,,failed,2.000,\"relation \"\"maintenance\"\" already exists\nline 1\"\r\n"
              "plain,,1.10.0,not_installed,0.000,\r\n");
}
