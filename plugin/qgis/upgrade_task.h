#pragma once
// Runs one pum command in a QgsTask, off the UI thread: the engine's feedback
// arrives as queued signals, Cancel interrupts the running statement and the
// command's transaction rolls back.
#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "qgstaskmanager.h"

#include "pum/module/config.h"
#include "pum/run/upgrader.h"
#include "pum/module/version.h"
#include "qt_feedback.h"

namespace pumqgis {

enum class Command { Info, Install, Upgrade, RecreateApp, DemoData, Uninstall, Baseline };

struct TaskRequest {
    Command command = Command::Info;
    std::string conninfo;  // resolved libpq string: in memory only, never logged
    QString moduleDirectory;
    std::map<std::string, std::string> parameters;  // as entered in the form
    std::optional<pum::Version> maxVersion;         // install/upgrade target; the baseline version
    bool betaTesting = false;
    bool rolesAndGrant = true;
    bool skipDropApp = false;
    bool skipCreateApp = false;
    std::string demoData;  // install: also load this set; DemoData: the set to load
    // Install and Upgrade only: run everything inside the transaction, roll
    // back, and return the report in TaskResult::summary.dryRun.
    bool dryRun = false;
    std::chrono::milliseconds lockWarningThreshold{1000};  // dry run: locks held this long are warnings
};

struct TaskResult {
    bool ok = false;
    bool cancelled = false;
    pum::RunSummary summary;  // summary.dryRun: the report of a dry run (nothing was changed)
    std::optional<pum::Config> config;
    std::optional<pum::ModuleInfo> info;  // Info; for other commands, the state afterwards
    QString message;                      // one line: summary or error
    QString details;                      // error details: file, line, SQL error...
    QString errorFile;
    int errorLine = 0;
    QString sqlstate;
    double seconds = 0;
};

class UpgradeTask : public QgsTask {
    Q_OBJECT
public:
    UpgradeTask(TaskRequest request, const QString& description);

    static QString commandName(Command command);
    // What QGIS's task manager lists: "tww: Upgrade", "tww: dry run of Upgrade".
    static QString taskName(const QString& module, Command command, bool dryRun);

    pumqt::QtFeedback* feedback() const { return feedback_; }
    const TaskRequest& request() const { return request_; }
    const TaskResult& result() const { return result_; }

    void cancel() override;

signals:
    // Emitted on the UI thread when the task is over (before the task manager deletes it).
    void completed(const pumqgis::TaskResult& result);

protected:
    bool run() override;
    void finished(bool result) override;

private:
    void execute();
    QString summaryText() const;
    static QString dryRunText(const QString& module, const pum::DryRunReport& report, const QString& seconds);

    TaskRequest request_;
    TaskResult result_;
    pumqt::QtFeedback* feedback_;
};

}  // namespace pumqgis
