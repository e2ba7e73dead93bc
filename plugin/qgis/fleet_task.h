#pragma once
// Runs pum::FleetRunner in a QgsTask, off the UI thread. The runner's worker
// threads report through queued signals (one per database and event), so the
// dialog's table updates on the UI thread; cancel() and cancelTarget() reach
// the runner from the UI thread without waiting for anything.
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "qgstaskmanager.h"

#include "pum/module/config.h"
#include "pum/fleet/fleet.h"

Q_DECLARE_METATYPE(pum::FleetResult)
Q_DECLARE_METATYPE(pum::FleetReport)

namespace pumqgis {

struct FleetRequest {
    pum::Config config;
    pum::FleetOptions options;
    // The databases: these targets, or, when `server` is set, every database
    // of that server (a resolved libpq string, never logged) holding the module.
    std::vector<pum::FleetTarget> targets;
    std::optional<std::string> server;
    std::string namePattern;  // with `server`: SQL LIKE on the database names; empty: all
};

class FleetTask : public QgsTask {
    Q_OBJECT
public:
    FleetTask(FleetRequest request, const QString& description);
    ~FleetTask() override;

    // Every database not committing yet rolls back; those not started never start.
    void cancel() override;
    // Only the database at `index` (of targetsReady's list).
    void cancelTarget(int index);

signals:
    // Before the first database starts: the labels, in the order of the indexes below.
    void targetsReady(const QStringList& labels);
    // Discovery: a database of the server not taken, and why.
    void skipped(const QString& database, const QString& why);
    void targetStarted(int index);
    void targetProgress(int index, qint64 done, qint64 total, const QString& current);
    // `level` is a pum::Feedback::Level; Debug and Trace are not sent.
    void targetLogged(int index, int level, const QString& message);
    void targetFinished(int index, const pum::FleetResult& result);
    // On the UI thread, once the run is over (before the task manager deletes the task).
    // `error` is set when the run could not start (discovery failed, no database found).
    void completed(const pum::FleetReport& report, const QString& error);

protected:
    bool run() override;
    void finished(bool result) override;

private:
    friend class FleetSignalObserver;  // reports progress and polls cancellation (fleet_task.cpp)
    std::vector<pum::FleetTarget> collectTargets();

    FleetRequest request_;
    std::mutex mutex_;  // guards runner_: set on the task's thread, cancelled from the UI thread
    std::unique_ptr<pum::FleetRunner> runner_;
    pum::FleetReport report_;
    QString error_;
};

}  // namespace pumqgis
