#pragma once
// The report window for a dry run and for a comparison of two databases: a
// verdict line, the report as a tree grouped by kind (versions, files with
// their time, schema changes, locks, warnings), the core's HTML page, and
// "Save report" (HTML or JSON). In comparison mode, a row on top chooses the
// second connection and runs the comparison in a CompareTask.
#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "compare_task.h"
#include "connection_list.h"

#include "pum/tools/checker.h"
#include "pum/run/dry_run.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace pumqgis {

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(QWidget* parent = nullptr);
    ~ReportDialog() override;

    // A new window (deleted when closed) showing `report`.
    static ReportDialog* showDryRun(const pum::DryRunReport& report, QWidget* parent);
    // A new window (deleted when closed) comparing connections[first] with
    // one the user picks among the others.
    static ReportDialog* openComparison(const QList<ConnectionEntry>& connections, int first, QWidget* parent);

    void setDryRunReport(const pum::DryRunReport& report);
    // `firstName`, `secondName`: how the verdict names the databases (by
    // default, as the report describes them: database, host, user).
    void setComparisonReport(const pum::ComparisonReport& report, const QString& firstName = {},
                             const QString& secondName = {});
    // Comparison mode: connections[first] against the one chosen in compareWith().
    void setConnections(const QList<ConnectionEntry>& connections, int first);

    // Runs the comparison in a task; false (and the reason in the verdict)
    // when it cannot start. comparisonFinished() follows.
    bool startComparison();
    void cancelComparison();
    bool isComparing() const { return !task_.isNull(); }
    const std::optional<CompareResult>& comparisonResult() const { return comparison_; }

    // Writes the report shown: JSON for a .json file, HTML otherwise.
    bool saveReport(const QString& path, QString* error) const;

    QLabel* verdict() const { return verdict_; }
    QTreeWidget* tree() const { return tree_; }
    QTextBrowser* browser() const { return browser_; }
    QComboBox* compareWith() const { return compareWith_; }
    QPushButton* compareButton() const { return compareButton_; }
    QPushButton* saveButton() const { return save_; }

signals:
    void comparisonFinished(bool ok);

private slots:
    void saveClicked();
    void comparisonCompleted(const pumqgis::CompareResult& result);

private:
    void clearReport();
    void setVerdict(const QString& text, bool good);
    // A bold node with its item count, under `parent` (nullptr: top level), expanded.
    QTreeWidgetItem* addGroup(QTreeWidgetItem* parent, const QString& title, int count);
    // One node per kind with differences, one child per difference. With
    // `names` (of the two databases compared), a difference reads "only in
    // <name>" rather than "added" / "removed".
    void addDifferences(QTreeWidgetItem* parent, const std::vector<pum::CheckResult>& checks,
                        const QStringList& names = {});
    // Keeps `report` for the tree's later chunks and the pages written on
    // demand; the kept copy, which the tree's items may point into.
    template <typename Report>
    const Report& keepReport(const Report& report, std::string (*writeHtml)(const Report&), std::string (*writeJson)(const Report&),
                    std::size_t changes);
    // Adds the next few hundred pending differences to the tree.
    void fillSome();
    // The Report tab's page, once it is looked at (or at once for a short report).
    void fillBrowser();
    const std::string& html() const;
    const std::string& json() const;

    QList<ConnectionEntry> connections_;
    int first_ = -1;
    QPointer<CompareTask> task_;
    std::optional<CompareResult> comparison_;
    QString comparedNames_[2];  // the connections of the running or last comparison
    // The report shown, and its pages as the core writes them, made when
    // first needed: a dry run with 10,000 changes makes megabytes the UI
    // thread must not wait for before the window appears.
    std::shared_ptr<const void> report_;
    std::function<std::string()> makeHtml_, makeJson_;
    mutable std::optional<std::string> html_, json_;
    std::size_t changes_ = 0;
    bool browserFilled_ = false;
    // Differences not yet in the tree (a report of 10,000 fills in over a few
    // event-loop turns, a few hundred at a time).
    struct PendingDifference {
        QTreeWidgetItem* kind;
        const pum::Difference* difference;
    };
    std::vector<PendingDifference> pending_;
    std::size_t pendingNext_ = 0;
    QStringList pendingNames_;
    QTimer* filler_ = nullptr;

    QWidget* compareRow_ = nullptr;
    QLabel* firstLabel_ = nullptr;
    QComboBox* compareWith_ = nullptr;
    QPushButton* compareButton_ = nullptr;
    QLabel* verdict_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTreeWidget* tree_ = nullptr;
    QTextBrowser* browser_ = nullptr;
    QPushButton* save_ = nullptr;
};

// The translated display name of a checker kind ("tables" -> "Tables").
QString checkKindName(const std::string& kind);
// "Removed", "Added" or "Changed", translated.
QString differenceTypeName(pum::Difference::Type type);

}  // namespace pumqgis
