// The dialog with a module shaped like a large public datamodel (generated:
// 6 parameters with long descriptions, 80 changelog files, hundreds of server
// NOTICEs, a Python create hook that runs 3 s and sends 300 statements, demo
// data): what a GIS user watches through Install with demo data.
#include <gtest/gtest.h>

#include <QLabel>
#include <QProgressBar>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include "big_module.h"
#include "python_hooks_loader.h"
#include "qgis_test_support.h"

using pumqgis::Command;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

// Samples the progress bar and the running step's label every 100 ms on the UI thread.
class ProgressWatcher {
public:
    ProgressWatcher(QProgressBar* bar, QLabel* step) : bar_(bar), step_(step)
    {
        timer_.setInterval(100);
        QObject::connect(&timer_, &QTimer::timeout, [this] { sample(); });
        clock_.start();
        timer_.start();
    }
    void stop() { timer_.stop(); }

    double wentBack = 0;         // the largest drop of the bar's fraction
    qint64 longestStillMs = 0;   // the longest time neither the bar nor the label changed
    bool sawHookCount = false;   // the label counted a Python hook's statements
    bool sawHookTime = false;    // ... and showed its time
    int samples = 0;

private:
    void sample()
    {
        if (bar_->maximum() <= 0)
            return;  // busy (before the first step count): no value yet
        ++samples;
        const double fraction = static_cast<double>(bar_->value()) / bar_->maximum();
        const QString text = step_->text();
        const qint64 now = clock_.elapsed();
        if (samples > 1)
            wentBack = std::max(wentBack, last_ - fraction);
        if (samples == 1 || fraction != last_ || text != lastText_)
            changedAt_ = now;
        longestStillMs = std::max(longestStillMs, now - changedAt_);
        sawHookCount = sawHookCount || text.contains(QStringLiteral("create_app.py: ")) &&
                                           text.contains(QStringLiteral("statements sent"));
        sawHookTime = sawHookTime || text.contains(QRegularExpression(QStringLiteral("^app/create_app.py: .* \\(\\d+ s\\)$")));
        last_ = fraction;
        lastText_ = text;
    }

    QProgressBar* bar_;
    QLabel* step_;
    QTimer timer_;
    QElapsedTimer clock_;
    double last_ = 0;
    QString lastText_;
    qint64 changedAt_ = 0;
};

}  // namespace

TEST(BigModule, ProgressMovesThroughInstallDemoDataAndTheHook)
{
    QString error;
    if (!pumqgis::loadPythonHooks(&error))
        FAIL() << "the Python hooks runner must load here: " << error.toStdString();
    TempDatabase db;
    TempDir dir;
    pum::test::writeBigModule(dir.path());
    const QString name = QString::fromStdString("big " + db.name());
    pumtest::saveConnection(name, db, false);
    auto dialog = pumtest::openDialog(name, QString::fromStdString(dir.path().string()));
    ASSERT_EQ(dialog->status().state(), pumqt::ModuleStatus::State::NotInstalled) << dialog->status().title().toStdString();
    dialog->setRolesAndGrant(false);
    dialog->setDemoDataSet(QStringLiteral("Sample data"));

    ProgressWatcher watcher(dialog->findChild<QProgressBar*>(QStringLiteral("progress")),
                            dialog->findChild<QLabel*>(QStringLiteral("currentFile")));
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(pumtest::run(*dialog, Command::Install));
    watcher.stop();
    ASSERT_TRUE(dialog->lastResult().ok) << dialog->lastResult().message.toStdString();
    std::printf("[ figures  ] install with demo data of the generated module: %.1f s; the bar and the step "
                "label stood still at most %lld ms (%d samples), went back by %.3f at most\n",
                clock.elapsed() / 1000.0, static_cast<long long>(watcher.longestStillMs), watcher.samples,
                watcher.wentBack);
    EXPECT_EQ(watcher.wentBack, 0.0) << "the bar went backwards";
    EXPECT_LE(watcher.longestStillMs, 2000) << "the bar and its label stood still for more than 2 s";
    EXPECT_TRUE(watcher.sawHookCount) << "the label never counted the hook's statements";
    EXPECT_TRUE(watcher.sawHookTime) << "the label never showed the hook's time";
    EXPECT_GT(watcher.samples, 20);

    // The status names the demo data loaded.
    EXPECT_TRUE(dialog->status().details().contains(QStringLiteral("Demo data loaded: Sample data (")))
        << dialog->status().details().toStdString();
}
