#pragma once
// One command over many databases: the same module installed in dozens of
// municipal databases, upgraded (or inspected) in parallel, each database in
// its own connection and transaction, so that a failure in one never stops or
// touches the others. The CLI's `pum fleet` and the QGIS plugin both run this.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/module/config.h"
#include "pum/run/dry_run.h"
#include "pum/base/feedback.h"
#include "pum/run/upgrader.h"
#include "pum/module/version.h"

namespace pum {

// One database of the fleet.
struct FleetTarget {
    std::string spec;   // how to connect: service name, URI or key=value (may hold a password)
    std::string label;  // how it is shown: the spec with its password redacted, or a database name
};

// A target given by the user: its label is the spec, password redacted.
FleetTarget fleetTarget(const std::string& spec);

// Targets from a list: one connection per line; blank lines and lines whose
// first non-blank character is '#' are skipped ('#' elsewhere belongs to the
// spec: passwords may hold one). A spec libpq cannot parse is refused as
// ConfigError naming `source` and the line.
std::vector<FleetTarget> parseFleetTargets(const std::string& text, const std::string& source);

// The same spec twice would run two commands on one database: refused
// (CommandError naming the label).
void refuseDuplicateTargets(const std::vector<FleetTarget>& targets);

// Every database of the server that `serverSpec` connects to whose
// `<migration schema>.pum_migrations` table exists and belongs to
// `config.module` (or records no version yet). Templates and databases that
// refuse connections are not looked at; one that cannot be opened or read is
// listed in `skipped` with the reason, as are those of another module.
// `namePattern` (SQL LIKE, e.g. "muni_%"; empty: all) narrows the databases
// looked at. Each is connected to briefly: a `CREATE DATABASE ... TEMPLATE`
// of one of them at that moment fails (PostgreSQL refuses a busy template).
struct FleetDiscovery {
    std::vector<FleetTarget> targets;                         // sorted by database name
    std::vector<std::pair<std::string, std::string>> skipped;  // database, why
};
FleetDiscovery discoverFleet(const std::string& serverSpec, const Config& config,
                             const std::string& namePattern = {});

enum class FleetCommand { Upgrade, Info, DryRun };
const char* toString(FleetCommand command);  // "upgrade", "info", "dry-run"

enum class FleetStatus {
    Pending,         // not started
    Upgraded,        // upgrade committed
    UpToDate,        // nothing to upgrade (upgrade, dry-run, info)
    UpgradePending,  // info: newer versions wait
    WouldUpgrade,    // dry-run: it would apply versions (all rolled back)
    NotInstalled,    // info: no migration table (or no version recorded)
    Failed,
    Cancelled,       // cancelled before or during its run: rolled back
};
const char* toString(FleetStatus status);  // "upgraded", "up to date", ... (for people)
const char* statusKey(FleetStatus status);  // "upgraded", "up_to_date", ... (for programs)

struct FleetResult {
    std::string target;               // the target's label
    std::string database;             // the database's name, once connected
    FleetStatus status = FleetStatus::Pending;
    std::optional<Version> from;      // installed before
    std::optional<Version> to;        // installed after (info: the newest available)
    std::vector<Version> versions;    // applied (upgrade), would be applied (dry-run), pending (info)
    std::size_t statements = 0;       // statements run (upgrade, dry-run)
    std::string message;              // the error for Failed; a short note otherwise. Never a password.
    double seconds = 0;
    std::optional<DryRunReport> dryRun;  // dry-run: what it would change
    bool failed() const { return status == FleetStatus::Failed; }
};

struct FleetReport {
    FleetCommand command = FleetCommand::Upgrade;
    std::string module;
    unsigned jobs = 1;
    bool pythonHooksSerialized = false;  // see FleetRunner::run
    std::vector<FleetResult> results;    // in the order of the targets
    double seconds = 0;                  // wall clock of the whole run
    std::size_t count(FleetStatus status) const;
    bool anyFailed() const;
    bool anyCancelled() const;
};

// The summary table (database, from, to, result, time, message) as text
// (first line of each message), as JSON and as a self-contained HTML page.
std::string fleetReportText(const FleetReport& report);
std::string fleetReportJson(const FleetReport& report);
std::string fleetReportHtml(const FleetReport& report);

// What a run reports while it goes. Called from the worker threads, several
// at once: implementations synchronise their own output.
class FleetObserver {
public:
    virtual ~FleetObserver() = default;
    virtual void started(std::size_t index, const FleetTarget& target) { (void)index; (void)target; }
    virtual void finished(std::size_t index, const FleetResult& result) { (void)index; (void)result; }
    // The engine's messages and progress for one database (see Feedback).
    virtual void log(std::size_t index, Feedback::Level level, const std::string& message)
    {
        (void)index; (void)level; (void)message;
    }
    virtual void progress(std::size_t index, std::size_t done, std::size_t total, const std::string& current)
    {
        (void)index; (void)done; (void)total; (void)current;
    }
    // Polled between statements: true cancels every database not yet committing.
    virtual bool isCancelled() const { return false; }
};

struct FleetOptions {
    FleetCommand command = FleetCommand::Upgrade;
    UpgradeOptions upgrade;  // for Upgrade and DryRun
    unsigned jobs = 1;       // databases at once (at least 1; at most the number of targets)
};

class FleetRunner {
public:
    FleetRunner(Config config, std::vector<FleetTarget> targets);
    ~FleetRunner();
    FleetRunner(const FleetRunner&) = delete;
    FleetRunner& operator=(const FleetRunner&) = delete;

    const std::vector<FleetTarget>& targets() const { return targets_; }

    // Runs the command on every target, `jobs` at a time, each in its own
    // thread, Connection, Upgrader and transaction, and returns when all are
    // done. Failures are results, never exceptions. A module with Python
    // hooks runs its hooks one at a time (pum's hook runner changes the
    // interpreter's sys.path and sys.modules while a hook runs), its SQL in
    // parallel. Callers that run Python hooks load the runner first
    // (loadPythonHooks(), on the interpreter's thread).
    FleetReport run(const FleetOptions& options, FleetObserver& observer);

    // Thread-safe, from any thread while run() works: cancels every database
    // (or the one at `index`) that is not committing yet; those not started
    // are not started. Each cancelled run rolls back.
    void cancel();
    void cancel(std::size_t index);

    struct State;  // implementation detail (fleet.cpp)

private:
    Config config_;
    std::vector<FleetTarget> targets_;
    std::shared_ptr<State> state_;
};

}  // namespace pum
