// Running a fleet: a pool of worker threads, each taking the next database,
// with its own Connection, Upgrader and transaction.
#include "pum/fleet/fleet.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "fleet/fleet_hooks.h"
#include "pum/db/database.h"
#include "pum/base/error.h"

namespace pum {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string joinVersions(const std::vector<Version>& versions)
{
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ", ") + v.toString();
    return out;
}

}  // namespace

// What cancel() reaches: per database, the open connection and whether its commit has begun.
struct FleetRunner::State {
    struct Slot {
        std::mutex mutex;
        Connection* connection = nullptr;
        bool committing = false;
        std::atomic<bool> cancelled{false};
    };
    std::atomic<bool> cancelAll{false};
    std::vector<std::unique_ptr<Slot>> slots;

    static void cancelSlot(Slot& slot)
    {
        slot.cancelled = true;
        std::lock_guard<std::mutex> lock(slot.mutex);
        // A commit under way is let through: it either lands or it does not, never half.
        if (slot.connection && !slot.committing) slot.connection->requestCancel();
    }
};

namespace {

// The engine's Feedback for one database: messages go to the observer with
// the database's index; cancellation is this database's, the run's or the observer's.
class TargetFeedback : public Feedback {
public:
    TargetFeedback(std::size_t index, FleetRunner::State& state, FleetObserver& observer)
        : index_(index), state_(state), slot_(*state.slots[index]), observer_(observer)
    {
    }
    void log(Level level, const std::string& message) override { observer_.log(index_, level, message); }
    void progress(std::size_t done, std::size_t total, const std::string& current) override
    {
        observer_.progress(index_, done, total, current);
    }
    bool isCancelled() const override
    {
        {
            std::lock_guard<std::mutex> lock(slot_.mutex);
            if (slot_.committing) return false;
        }
        return slot_.cancelled || state_.cancelAll || observer_.isCancelled();
    }
    void lockCancellation() override
    {
        std::lock_guard<std::mutex> lock(slot_.mutex);
        slot_.committing = true;
    }

private:
    std::size_t index_;
    FleetRunner::State& state_;
    FleetRunner::State::Slot& slot_;
    FleetObserver& observer_;
};

// Makes the open connection reachable by cancel() for as long as it is used.
class ActiveConnection {
public:
    ActiveConnection(FleetRunner::State::Slot& slot, Connection& connection, const Feedback& feedback)
        : slot_(slot)
    {
        {
            std::lock_guard<std::mutex> lock(slot_.mutex);
            slot_.connection = &connection;
        }
        // Cancelled while connecting: nothing reached this connection yet.
        if (feedback.isCancelled()) throw CancelledError();
    }
    ~ActiveConnection()
    {
        std::lock_guard<std::mutex> lock(slot_.mutex);
        slot_.connection = nullptr;
    }
    ActiveConnection(const ActiveConnection&) = delete;
    ActiveConnection& operator=(const ActiveConnection&) = delete;

private:
    FleetRunner::State::Slot& slot_;
};

std::optional<Version> installedVersion(const ModuleInfo& info)
{
    return info.current ? info.current->version : std::nullopt;
}

void fillInfo(FleetResult& result, const ModuleInfo& info)
{
    result.from = installedVersion(info);
    if (!info.available.empty()) result.to = info.available.back();
    if (!info.installed || !info.current) {
        result.status = FleetStatus::NotInstalled;
        result.message = info.installed ? info.migrationTable + " records no version" : "no " + info.migrationTable;
        return;
    }
    if (info.current->module != info.module)
        throw CommandError("the database holds module '" + info.current->module + "', not '" + info.module + "'");
    result.versions = info.pending;
    result.status = info.pending.empty() ? FleetStatus::UpToDate : FleetStatus::UpgradePending;
    if (!info.pending.empty()) result.message = "pending: " + joinVersions(info.pending);
}

void fillUpgrade(FleetResult& result, const RunSummary& summary)
{
    result.from = summary.from;
    result.to = summary.to;
    result.versions = summary.applied;
    result.statements = summary.statements;
    result.dryRun = summary.dryRun;
    if (summary.nothingToDo) {
        result.status = FleetStatus::UpToDate;
        result.message = "nothing to upgrade";
        return;
    }
    if (!summary.dryRun) {
        result.status = FleetStatus::Upgraded;
        result.message = "applied " + joinVersions(summary.applied) + " (" + std::to_string(summary.statements) +
                         " statements)";
        return;
    }
    const DryRunReport& dry = *summary.dryRun;
    result.status = FleetStatus::WouldUpgrade;
    if (result.versions.empty()) result.versions = dry.versions;
    if (!result.to) result.to = dry.to;
    if (result.statements == 0) result.statements = dry.statements;
    result.message = "would apply " + joinVersions(result.versions) + " (" + std::to_string(result.statements) +
                     " statements, " + std::to_string(dry.schemaChanges.differenceCount()) + " schema changes, " +
                     std::to_string(dry.warnings.size()) + " warnings; rolled back)";
}

}  // namespace

const char* toString(FleetCommand command)
{
    switch (command) {
    case FleetCommand::Upgrade: return "upgrade";
    case FleetCommand::Info: return "info";
    case FleetCommand::DryRun: return "dry-run";
    }
    return "";
}

FleetRunner::FleetRunner(Config config, std::vector<FleetTarget> targets)
    : config_(std::move(config)), targets_(std::move(targets)), state_(std::make_shared<State>())
{
    for (std::size_t i = 0; i < targets_.size(); ++i) state_->slots.push_back(std::make_unique<State::Slot>());
}

FleetRunner::~FleetRunner() = default;

void FleetRunner::cancel()
{
    state_->cancelAll = true;
    for (auto& slot : state_->slots) State::cancelSlot(*slot);
}

void FleetRunner::cancel(std::size_t index)
{
    if (index < state_->slots.size()) State::cancelSlot(*state_->slots[index]);
}

namespace {

// One database, start to end. Never throws: every failure is a result.
FleetResult runTarget(const Config& config, const FleetTarget& target, std::size_t index, const FleetOptions& options,
                      FleetRunner::State& state, FleetObserver& observer)
{
    FleetResult result;
    result.target = target.label;
    const auto start = Clock::now();
    TargetFeedback feedback(index, state, observer);
    std::optional<Version> before;  // known before a failed upgrade's rollback
    try {
        if (feedback.isCancelled()) throw CancelledError();
        // A connect waiting on an unreachable server gives up on cancellation too.
        Connection connection = Connection::open(target.spec, [&feedback] { return feedback.isCancelled(); });
        ActiveConnection active(*state.slots[index], connection, feedback);
        result.database = connection.databaseName();
        Upgrader upgrader(config, connection, feedback);
        if (options.command == FleetCommand::Info) {
            fillInfo(result, upgrader.info());
        } else {
            // Read first, so that a failed database still shows where it stands.
            before = installedVersion(upgrader.info());
            UpgradeOptions upgrade = options.upgrade;
            upgrade.dryRun = options.command == FleetCommand::DryRun;
            fillUpgrade(result, upgrader.upgrade(upgrade));
        }
    } catch (const CancelledError&) {
        result.status = FleetStatus::Cancelled;
        result.message = "cancelled: rolled back, nothing was changed";
    } catch (const std::exception& error) {
        // A cancellation may surface as another error (a hook's, a cancelled statement's).
        result.status = feedback.isCancelled() ? FleetStatus::Cancelled : FleetStatus::Failed;
        result.message = redactPassword(error.what(), target.spec);
    } catch (...) {
        result.status = FleetStatus::Failed;
        result.message = "unexpected error";
    }
    if (result.status == FleetStatus::Failed || result.status == FleetStatus::Cancelled) {
        result.from = before;
        result.to.reset();
    }
    result.seconds = since(start);
    return result;
}

}  // namespace

FleetReport FleetRunner::run(const FleetOptions& options, FleetObserver& observer)
{
    FleetReport report;
    report.command = options.command;
    report.module = config_.module;
    report.results.resize(targets_.size());
    report.jobs = static_cast<unsigned>(std::clamp<std::size_t>(options.jobs, 1, std::max<std::size_t>(targets_.size(), 1)));
    const auto start = Clock::now();

    std::optional<detail::SerializedPythonHooks> serialized;
    if (report.jobs > 1 && config_.hasPythonHooks()) {
        serialized.emplace();
        report.pythonHooksSerialized = true;
    }

    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t index = next++; index < targets_.size(); index = next++) {
            observer.started(index, targets_[index]);
            report.results[index] = runTarget(config_, targets_[index], index, options, *state_, observer);
            observer.finished(index, report.results[index]);
        }
    };
    if (report.jobs == 1) {
        work();
    } else {
        std::vector<std::thread> workers;
        for (unsigned i = 0; i < report.jobs; ++i) workers.emplace_back(work);
        for (auto& worker : workers) worker.join();
    }
    report.seconds = since(start);
    return report;
}

}  // namespace pum
