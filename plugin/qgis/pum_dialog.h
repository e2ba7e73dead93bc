#pragma once
// The plugin's dialog, in the order a user fills it: connection, module,
// status, parameters, options, actions; then progress and log while a command runs.
#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <optional>

#include "connection_list.h"
#include "module_status.h"
#include "upgrade_task.h"

#include "pum/config.h"

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

class PumDialog : public QDialog {
    Q_OBJECT
public:
    explicit PumDialog(QWidget* parent = nullptr);
    ~PumDialog() override;

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
    const TaskResult& lastResult() const { return lastResult_; }

    // Options.
    void setTargetVersion(const QString& version);  // empty: the newest
    void setDemoDataSet(const QString& name);       // empty: none
    void setBetaTesting(bool on);
    void setRolesAndGrant(bool on);

    // Asks before destructive commands; replaceable for tests and scripts.
    using Confirmation = std::function<bool(const QString& title, const QString& question)>;
    void setConfirmation(Confirmation confirmation) { confirm_ = std::move(confirmation); }

    pumqt::ParameterForm* parameterForm() const { return form_; }
    pumqt::LogView* logView() const { return log_; }
    QgsMessageBar* messageBar() const { return messageBar_; }
    QPushButton* actionButton(pumqt::ModuleStatus::Action action) const;
    QLabel* statusLabel() const { return statusTitle_; }

    static QStringList recentModules();

signals:
    void statusChanged();
    // After a command (not a status read): `ok`, and the one-line summary or error.
    void commandFinished(bool ok, const QString& message, const QString& details);

private slots:
    void connectionChanged();
    void moduleChanged();
    void browseModule();
    void taskCompleted(const pumqgis::TaskResult& result);
    void taskProgress(qint64 done, qint64 total, const QString& current);

private:
    std::optional<TaskRequest> buildRequest(Command command, QString* error);
    void startTask(TaskRequest request, Command command);
    void setStatus(const pumqt::ModuleStatus& status);
    void applyInfo(const pum::ModuleInfo& info);
    void updateActions();
    void setBusy(bool busy);
    void rememberModule(const QString& directory);
    bool confirm(const QString& title, const QString& question);

    QList<ConnectionEntry> connections_;
    std::optional<pum::Config> config_;
    QString loadedModule_;  // the folder config_ was read from
    pumqt::ModuleStatus status_;
    TaskResult lastResult_;
    QPointer<UpgradeTask> task_;
    Command taskCommand_ = Command::Info;
    bool refreshAgain_ = false;
    Confirmation confirm_;

    QgsMessageBar* messageBar_ = nullptr;
    QComboBox* connectionCombo_ = nullptr;
    QToolButton* reloadConnections_ = nullptr;
    QComboBox* moduleCombo_ = nullptr;
    QToolButton* browseModule_ = nullptr;
    QLabel* statusTitle_ = nullptr;
    QLabel* statusDetails_ = nullptr;
    pumqt::ParameterForm* form_ = nullptr;
    QComboBox* targetVersion_ = nullptr;
    QCheckBox* rolesAndGrant_ = nullptr;
    QComboBox* demoData_ = nullptr;
    QCheckBox* betaTesting_ = nullptr;
    QCheckBox* skipDropApp_ = nullptr;
    QCheckBox* skipCreateApp_ = nullptr;
    QPushButton* install_ = nullptr;
    QPushButton* upgrade_ = nullptr;
    QPushButton* recreateApp_ = nullptr;
    QPushButton* demoButton_ = nullptr;
    QPushButton* uninstall_ = nullptr;
    QPushButton* baseline_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* currentFile_ = nullptr;
    QPushButton* cancel_ = nullptr;
    pumqt::LogView* log_ = nullptr;
};

}  // namespace pumqgis
