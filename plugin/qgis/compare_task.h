#pragma once
// Compares the structure of two databases (pum's `check`, the core's
// compareDatabases) in a QgsTask, off the UI thread. Cancel interrupts the
// catalog read on both connections; nothing is written to either.
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>

#include "qgstaskmanager.h"

#include "pum/tools/checker.h"

namespace pum {
class Connection;
}

namespace pumqgis {

struct CompareRequest {
    std::string first;   // resolved libpq strings: in memory only, never logged
    std::string second;
    QString firstName;   // the connections' names, for messages
    QString secondName;
    pum::CheckOptions options;
};

struct CompareResult {
    bool ok = false;  // the comparison ran (whether or not the databases differ)
    bool cancelled = false;
    std::optional<pum::ComparisonReport> report;
    QString message;  // one line: equal / different / the error
    double seconds = 0;
    bool equal() const { return report && report->passed(); }
};

class CompareTask : public QgsTask {
    Q_OBJECT
public:
    CompareTask(CompareRequest request, const QString& description);

    const CompareRequest& request() const { return request_; }
    const CompareResult& result() const { return result_; }

    // Safe from any thread and returns at once (the cancel requests go out
    // from the core's own thread).
    void cancel() override;

signals:
    // Emitted on the UI thread when the task is over (before the task manager deletes it).
    void completed(const pumqgis::CompareResult& result);

protected:
    bool run() override;
    void finished(bool result) override;

private:
    void compare();
    // The connections cancel() interrupts; set while they are open.
    void attach(pum::Connection* first, pum::Connection* second);

    CompareRequest request_;
    CompareResult result_;
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    pum::Connection* first_ = nullptr;
    pum::Connection* second_ = nullptr;
};

}  // namespace pumqgis
