// The UI thread never waits for a server. A 50 ms timer on it measures the
// longest gap between its ticks while the dialog connects to a server that
// accepts TCP and never answers (status read), then runs a command through a
// proxy that freezes mid-statement and cancels it. A blocking call on the UI
// thread there lasts 2 s (the connect timeout) or 5 s (the cancel's give-up) at
// least; the figure is printed, the bound is generous.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "qgsdatasourceuri.h"

#include <QPointer>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>

#include "freeze_proxy.h"
#include "report_dialog.h"
#include "qgis_test_support.h"
#include "silent_server.h"

using pumqgis::Command;
using pumqt::ModuleStatus;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

constexpr int kTickMs = 50;
constexpr qint64 kBoundMs = 2000;

// Ticks every 50 ms on the UI thread; remembers the longest time between two ticks.
class StallMeter {
public:
    StallMeter()
    {
        timer_.setInterval(kTickMs);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            const qint64 now = clock_.elapsed();
            longest_ = std::max(longest_, now - last_);
            last_ = now;
        });
        clock_.start();
        timer_.start();
    }
    // The longest gap beyond the timer's own interval, in ms.
    qint64 longestStall() const { return std::max<qint64>(0, longest_ - kTickMs); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    qint64 longest_ = 0;
};

QString tcpConnection(const QString& name, int port, const std::string& database, const QString& user)
{
    QgsDataSourceUri uri;
    uri.setConnection(QStringLiteral("127.0.0.1"), QString::number(port), QString::fromStdString(database), user,
                      QString(), QgsDataSourceUri::SslDisable);
    pumtest::saveConnection(name, uri);
    return name;
}

}  // namespace

TEST(UiStalls, ConnectStatusCommandAndCancelNeverBlockTheUiThread)
{
    // Bounded connects (libpq's own variable, as a user may set it), so that the test waits 2 s, not 10.
    setenv("PGCONNECT_TIMEOUT", "2", 1);

    // 1. Connect and status read against a server that never answers.
    pum::test::SilentServer silent;
    StallMeter connectMeter;
    QElapsedTimer clock;
    clock.start();
    auto dialog = pumtest::openDialog(tcpConnection(QStringLiteral("silent server"), silent.port(), "nowhere",
                                                    QStringLiteral("nobody")),
                                      pumtest::dataModule("current_module"));
    const double connectSeconds = clock.elapsed() / 1000.0;
    EXPECT_EQ(dialog->status().state(), ModuleStatus::State::Error);
    EXPECT_TRUE(dialog->status().title().contains(QStringLiteral("127.0.0.1")) ||
                dialog->status().details().contains(QStringLiteral("127.0.0.1")))
        << (dialog->status().title() + QStringLiteral(" / ") + dialog->status().details()).toStdString();
    const qint64 connectStall = connectMeter.longestStall();
    dialog.reset();

    // 2. A command through a proxy that freezes while the server runs its statement, then Cancel.
    TempDatabase db;
    TempDir dir;
    const QString module = pumtest::writeSlowModule(dir);
    const std::string before = db.snapshot();
    pum::test::FreezeProxy proxy(std::stoi(pum::test::clusterEnv().at("PGPORT")));
    StallMeter commandMeter;
    dialog = pumtest::openDialog(tcpConnection(QStringLiteral("through the proxy"), proxy.port(), db.name(),
                                               QStringLiteral("postgres")),
                                 module);
    ASSERT_EQ(dialog->status().state(), ModuleStatus::State::NotInstalled)
        << (dialog->status().title() + QStringLiteral(" / ") + dialog->status().details()).toStdString();
    dialog->setRolesAndGrant(false);
    bool finished = false;
    QObject::connect(dialog.get(), &pumqgis::PumDialog::commandFinished, [&] { finished = true; });
    ASSERT_TRUE(dialog->startCommand(Command::Install));
    ASSERT_TRUE(pumtest::waitUntilSleeping(db));
    proxy.freeze();  // the server host hangs: neither the statement nor the cancel request gets an answer
    clock.restart();
    dialog->cancelCommand();
    const qint64 cancelCallMs = clock.elapsed();
    ASSERT_TRUE(pumtest::waitFor([&] { return finished; }, 30000));
    const double giveUpSeconds = clock.elapsed() / 1000.0;
    // Then the status is read again, through the frozen proxy: it gives up after the connect timeout.
    ASSERT_TRUE(pumtest::waitFor([&] { return !dialog->isBusy(); }, 30000)) << dialog->status().title().toStdString();
    const qint64 commandStall = commandMeter.longestStall();
    EXPECT_FALSE(dialog->lastResult().ok);
    EXPECT_TRUE(dialog->lastResult().cancelled) << dialog->lastResult().message.toStdString();
    EXPECT_TRUE(dialog->lastResult().details.contains(QStringLiteral("did not answer for 5 s after the cancel request")))
        << dialog->lastResult().details.toStdString();

    std::printf("[ figures  ] longest UI-thread stall: %lld ms through connect and status read against a silent "
                "server (gave up after %.1f s), %lld ms through a command, a frozen server and Cancel "
                "(Cancel returned in %lld ms, the command gave up %.1f s later)\n",
                static_cast<long long>(connectStall), connectSeconds, static_cast<long long>(commandStall),
                static_cast<long long>(cancelCallMs), giveUpSeconds);
    EXPECT_LT(connectStall, kBoundMs);
    EXPECT_LT(commandStall, kBoundMs);

    // The frozen proxy still holds the server's side open: end that session, then nothing may have changed.
    db.scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
              "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    ASSERT_TRUE(pumtest::waitFor([&] {
        return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                         "AND pid <> pg_backend_pid()") == "0";
    }, 10000));
    EXPECT_EQ(db.snapshot(), before);
    unsetenv("PGCONNECT_TIMEOUT");
}

namespace {
// A dry-run report of a large datamodel's upgrade: `changes` schema changes
// over tables, columns and views, with definitions as long as real ones.
pum::DryRunReport bigDryRunReport(std::size_t changes)
{
    pum::DryRunReport report;
    report.command = "upgrade";
    report.module = "tww";
    report.from = pum::Version::parse("2026.0.2");
    report.to = pum::Version::parse("2026.1.0");
    report.versions = {*report.to};
    for (int file = 0; file < 80; ++file)
        report.steps.push_back({"changelogs/2026.1.0/" + std::to_string(file) + "_tww_db.sql", 200, 0.02});
    const char* kinds[] = {"tables", "columns", "views"};
    for (const char* kind : kinds) {
        pum::CheckResult check;
        check.key = kind;
        report.schemaChanges.checks.push_back(check);
    }
    for (std::size_t n = 0; n < changes; ++n) {
        pum::Difference difference;
        difference.type = n % 3 == 2 ? pum::Difference::Type::Changed : pum::Difference::Type::Added;
        difference.object = "tww_od.table_" + std::to_string(n / 10) + ".column_" + std::to_string(n % 10);
        difference.second = "character varying(80) DEFAULT 'a default value that reads like a real one'::text";
        if (difference.type == pum::Difference::Type::Changed) difference.first = "text";
        report.schemaChanges.checks[n % 3].differences.push_back(difference);
    }
    return report;
}
}  // namespace

// The dry-run report window with 12,000 schema changes: it appears at once
// and fills its tree over a few event-loop turns; its HTML page is written
// only for Save report (too large for the Report tab).
TEST(UiStalls, ABigDryRunReportOpensWithoutStallingTheUiThread)
{
    const pum::DryRunReport report = bigDryRunReport(12000);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    QPointer<pumqgis::ReportDialog> dialog = pumqgis::ReportDialog::showDryRun(report, nullptr);
    const qint64 openMs = clock.elapsed();
    // The differences in the tree so far: children of the kinds under "Schema changes".
    auto differencesShown = [&] {
        int shown = 0;
        for (int top = 0; top < dialog->tree()->topLevelItemCount(); ++top) {
            QTreeWidgetItem* group = dialog->tree()->topLevelItem(top);
            if (group->text(0) != QStringLiteral("Schema changes"))
                continue;
            for (int kind = 0; kind < group->childCount(); ++kind)
                shown += group->child(kind)->childCount();
        }
        return shown;
    };
    const int shownAtOnce = differencesShown();
    ASSERT_TRUE(pumtest::waitFor([&] { return differencesShown() == 12000; }, 30000)) << differencesShown();
    const qint64 filledMs = clock.elapsed();
    pumtest::waitFor([] { return false; }, 4 * kTickMs);  // a few ticks: the meter sees the last gap
    dialog->findChild<QTabWidget*>()->setCurrentWidget(dialog->browser());  // the Report tab
    const qint64 stall = meter.longestStall();
    EXPECT_LT(shownAtOnce, 12000) << "the tree was built before the window appeared";
    EXPECT_TRUE(dialog->browser()->toPlainText().contains(QStringLiteral("too many to show here")));
    TempDir dir;
    QString error;
    ASSERT_TRUE(dialog->saveReport(QString::fromStdString((dir.path() / "report.html").string()), &error))
        << error.toStdString();
    std::printf("[ figures  ] dry-run report of 12,000 schema changes: window shown after %lld ms, tree complete "
                "after %lld ms, longest UI-thread stall meanwhile %lld ms\n",
                static_cast<long long>(openMs), static_cast<long long>(filledMs), static_cast<long long>(stall));
    delete dialog.data();
}
