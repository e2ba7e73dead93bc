#pragma once
// The plugin's dialog, in the order a user fills it: connection, module and the
// options beside the status; the actions; the parameters above the log (which
// gives them its room when they need it); progress at the bottom.
#include <QDialog>
#include <QList>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

#include "connection_list.h"
#include "module_archive.h"
#include "module_status.h"
#include "upgrade_task.h"
#include "validate_task.h"

#include "pum/module/config.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;
class QgsMessageBar;

namespace pumqt {
class LogView;
class ParameterForm;
}  // namespace pumqt

namespace pumqgis {

class FleetDialog;

namespace Ui {
class PumDialog;
}
class ReportDialog;

class PumDialog : public QDialog {
    Q_OBJECT
public:
    explicit PumDialog(QWidget* parent = nullptr);
    ~PumDialog() override;

    // The size the dialog opens with on a screen whose available area (the
    // screen less task bars) is `available`: never larger than that area, the
    // window frame included.
    static QSize defaultSize(const QRect& available);

    // Connection list (QGIS connections and pg_service entries).
    void reloadConnections();
    QList<ConnectionEntry> connections() const { return connections_; }
    bool selectConnection(const QString& name);
    // Module folder (holding a .pum.yaml); remembered among the recent folders.
    void setModuleDirectory(const QString& directory);
    QString moduleDirectory() const;

    // Reads the status again (in a task); statusChanged() follows.
    void refreshStatus();
    const pumqt::ModuleStatus& status() const { return status_; }
    bool isBusy() const { return !task_.isNull(); }

    // Runs a command in a task (asks for confirmation first where needed).
    // Returns false when it did not start (invalid entries, refused confirmation).
    bool startCommand(Command command);
    void cancelCommand();

    // Validate: the module checked offline (a task); each finding goes to the
    // log, and errors block Install and Upgrade until a Validate finds none or
    // the user ticks "Ignore validation errors". validated() follows.
    bool startValidation();
    int validationErrors() const { return validationErrors_; }  // -1: not validated
    // Opens `file` at `line` in the editor of the pum/editorCommand setting
    // ({file}, {line} and {column} replaced), else in the system's default application.
    bool openLocation(const QString& file, int line, int column);
    // Dry run: Upgrade when the status allows it, else Install, rolled back;
    // its report opens in a window. False when it did not start.
    bool startDryRun();
    // Compare…: a window comparing this connection with another one of the list.
    ReportDialog* openComparison();
    QPushButton* dryRunButton() const;
    const TaskResult& lastResult() const { return lastResult_; }
    // Fleet…: opens the Fleet window (modeless) for this module, with the form's
    // parameters and options. nullptr when no module is loaded.
    FleetDialog* openFleet();

    // Options.
    void setTargetVersion(const QString& version);  // empty: the newest
    void setDemoDataSet(const QString& name);       // empty: none
    void setBetaTesting(bool on);
    void setRolesAndGrant(bool on);

    // Asks before destructive commands; replaceable for tests and scripts.
    using Confirmation = std::function<bool(const QString& title, const QString& question)>;
    void setConfirmation(Confirmation confirmation) { confirm_ = std::move(confirmation); }

    pumqt::ParameterForm* parameterForm() const;
    pumqt::LogView* logView() const;
    QgsMessageBar* messageBar() const;
    QPushButton* actionButton(pumqt::ModuleStatus::Action action) const;
    QLabel* statusLabel() const;

    static QStringList recentModules();

signals:
    void statusChanged();
    void validated(int errors, int warnings);
    // After a command (not a status read): `ok`, and the one-line summary or error.
    void commandFinished(bool ok, const QString& message, const QString& details);

private slots:
    void connectionChanged();
    void moduleChanged();
    void browseModule();
    void browseArchive();
    void taskCompleted(const pumqgis::TaskResult& result);
    void taskProgress(qint64 done, qint64 total, const QString& current);
    void validationCompleted(const pum::ValidationReport& report, const QString& error);
    void showLog(bool shown);
    void saveLog();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void setUpLog();
    void makeRoomForParameters();
    void setLogButton(bool shown);
    std::optional<TaskRequest> buildRequest(Command command, QString* error);
    void startTask(TaskRequest request, Command command);
    void setStatus(const pumqt::ModuleStatus& status);
    void applyInfo(const pum::ModuleInfo& info);
    void updateActions();
    QString dryRunTip(bool idle, bool ready) const;
    void setBusy(bool busy);
    void showCurrentStep();
    bool openArchive(QString* error);
    void rememberModule(const QString& directory);
    bool confirm(const QString& title, const QString& question);

    QList<ConnectionEntry> connections_;
    std::optional<pum::Config> config_;
    std::optional<ArchiveModule> archive_;  // when the module field names a release .zip
    QString loadedModule_;  // the folder config_ was read from
    pumqt::ModuleStatus status_;
    TaskResult lastResult_;
    QPointer<UpgradeTask> task_;
    Command taskCommand_ = Command::Info;
    QString currentStep_;      // the file or hook running now (relative to the module)
    QString currentText_;      // as the engine words it ("app/create_app.py: 312 statements sent")
    QElapsedTimer stepClock_;  // since currentStep_ started
    QTimer* stepTicker_ = nullptr;  // refreshes the step's time while a command runs
    bool refreshAgain_ = false;
    Confirmation confirm_;
    QPointer<ValidateTask> validateTask_;
    int validationErrors_ = -1;
    bool sized_ = false;  // the default size is applied at the first show only
    int logHeight_ = 0;   // the log's height before it was hidden
    bool fitParameters_ = false;  // a module was loaded: its parameters may take the log's room

    std::unique_ptr<Ui::PumDialog> ui_;  // the widgets of pum_dialog.ui
};

}  // namespace pumqgis
