#pragma once
// The Fleet dialog: one module's Info, Dry run or Upgrade over many databases
// at once (pum::FleetRunner in a FleetTask), either the connections checked in
// the list or every database of one server that holds the module; one row per
// database, live; cancel one or all; the summary saved as HTML or CSV.
#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "connection_list.h"
#include "fleet_task.h"

#include "pum/module/config.h"
#include "pum/fleet/fleet.h"
#include "pum/module/version.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace pumqt {
class FleetTableModel;
class LogView;
class ParameterForm;
}  // namespace pumqt

namespace pumqgis {

// What the main dialog's form says: the module and how to upgrade it.
struct FleetModule {
    pum::Config config;
    std::map<std::string, std::string> parameters;  // as entered (the engine fills in stored values)
    std::optional<pum::Version> maxVersion;         // empty: the newest
    bool rolesAndGrant = true;
    bool betaTesting = false;
    bool skipDropApp = false;
    bool skipCreateApp = false;
};

// The parameters of the main dialog's form that apply to every database:
// those locked to the values stored at install in the dialog's own database
// are left out, so that each database of the fleet keeps its own.
std::map<std::string, std::string> fleetParameters(const pumqt::ParameterForm& form);

class FleetDialog : public QDialog {
    Q_OBJECT
public:
    explicit FleetDialog(FleetModule module, QWidget* parent = nullptr);
    ~FleetDialog() override;

    // The databases: the connections checked in the list...
    void reloadConnections();
    QList<ConnectionEntry> connections() const { return connections_; }
    bool setConnectionChecked(const QString& name, bool checked);
    QStringList checkedConnections() const;
    void useCheckedConnections();
    // ...or every database of the server of `connection` holding the module,
    // whose name matches `namePattern` (SQL LIKE; empty: all).
    bool useServerOf(const QString& connection, const QString& namePattern = QString());

    void setJobs(int jobs);
    int jobs() const;

    // Starts the command in a task (Upgrade asks for confirmation first).
    // Returns false when it did not start; the reason is in the summary line.
    bool start(pum::FleetCommand command);
    bool isBusy() const { return !task_.isNull(); }
    void cancelAll();
    void cancelRow(int row);
    void cancelSelected();

    // The last run's report (none before the first run ends).
    const std::optional<pum::FleetReport>& report() const { return report_; }
    // Writes it as HTML (.html, .htm) or CSV (.csv), by the file's extension.
    bool exportReport(const QString& path, QString* error) const;

    using Confirmation = std::function<bool(const QString& title, const QString& question)>;
    void setConfirmation(Confirmation confirmation) { confirm_ = std::move(confirmation); }

    pumqt::FleetTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QPushButton* commandButton(pum::FleetCommand command) const;
    QLabel* summaryLabel() const { return summary_; }
    pumqt::LogView* logView() const { return log_; }

    static QString commandName(pum::FleetCommand command);

public slots:
    void reject() override;

signals:
    // After a run (or a start that failed once the task ran): the summary line.
    void runFinished(const QString& summary);

private slots:
    void targetsReady(const QStringList& labels);
    void targetFinished(int index, const pum::FleetResult& result);
    void taskCompleted(const pum::FleetReport& report, const QString& error);
    void showTableMenu(const QPoint& position);
    void exportWithDialog(const QString& extension);

private:
    void buildLayout();
    QWidget* buildDatabaseChoice();
    QWidget* buildCommandRow();
    QWidget* buildResultRow();
    std::optional<FleetRequest> buildRequest(pum::FleetCommand command, QString* error);
    bool resolveTargets(FleetRequest& request, QString* error) const;
    bool confirmRun(pum::FleetCommand command, const FleetRequest& request);
    void connectTask(FleetTask* task);
    QString summaryText(const pum::FleetReport& report) const;
    QString moduleText() const;
    void updateControls();

    FleetModule module_;
    QList<ConnectionEntry> connections_;
    QPointer<FleetTask> task_;
    std::optional<pum::FleetReport> report_;
    QStringList labels_;
    int finishedCount_ = 0;
    bool closeWhenDone_ = false;
    Confirmation confirm_;

    QLabel* moduleLabel_ = nullptr;
    QRadioButton* connectionsMode_ = nullptr;
    QListWidget* connectionList_ = nullptr;
    QRadioButton* serverMode_ = nullptr;
    QComboBox* serverCombo_ = nullptr;
    QLineEdit* pattern_ = nullptr;
    QSpinBox* jobs_ = nullptr;
    QPushButton* info_ = nullptr;
    QPushButton* dryRun_ = nullptr;
    QPushButton* upgrade_ = nullptr;
    pumqt::FleetTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* cancelSelected_ = nullptr;
    QPushButton* cancelAll_ = nullptr;
    QPushButton* exportHtml_ = nullptr;
    QPushButton* exportCsv_ = nullptr;
    pumqt::LogView* log_ = nullptr;
    QTimer* clock_ = nullptr;
};

}  // namespace pumqgis
