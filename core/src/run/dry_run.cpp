#include "run/dry_run_recorder.h"

#include <algorithm>
#include <cstdio>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"

namespace pum::detail {

namespace {

const char* kSavepoint = "pum_dry_run";

// Tables, partitioned tables and materialized views outside the system schemas.
const char* kExistingTables =
    "SELECT c.oid::text, format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    " AND n.nspname !~ '^pg_toast'";

std::string lockWarningText(const HeldLock& lock)
{
    char held[32];
    std::snprintf(held, sizeof held, "%.2f s", lock.seconds);
    return std::string("ACCESS EXCLUSIVE lock on ") + lock.relation + (lock.dropped ? " (dropped by the run)" : "") +
           " held for " + held + ", from " + lock.acquiredIn +
           " until the commit: every reader and writer of that table waits that long";
}

std::string ddlLockWarning(const std::string& command)
{
    return "dry run: the " + command + " runs for real inside its transaction, which is then rolled back; until "
           "then the locks its statements take (ACCESS EXCLUSIVE for most DDL) block the other users of those "
           "tables, as the real " + command + " would";
}

}  // namespace

DryRunRecorder::DryRunRecorder(Connection& connection, Feedback& feedback, std::chrono::milliseconds threshold)
    : connection_(connection), feedback_(feedback), threshold_(threshold)
{
}

void DryRunRecorder::begin(const std::string& command)
{
    command_ = command;
    feedback_.log(Feedback::Level::Warning, ddlLockWarning(command));
    joined_ = connection_.transactionMode() != Connection::TransactionMode::Own;
    if (joined_) connection_.exec(std::string("SAVEPOINT ") + kSavepoint);
    before_ = readSchema(connection_);
    auto r = connection_.exec(kExistingTables);
    for (int i = 0; i < r.rows(); ++i) existing_[r.value(i, 0)] = r.value(i, 1);
    start_ = Clock::now();
}

void DryRunRecorder::afterStep(const std::string& label, std::size_t statements, Clock::time_point start)
{
    steps_.push_back({label, statements, std::chrono::duration<double>(Clock::now() - start).count()});
    pollLocks(label, start);
}

void DryRunRecorder::pollLocks(const std::string& label, Clock::time_point start)
{
    // Locks are held until the transaction ends: one seen now was taken during this step at the latest.
    auto r = connection_.exec(
        "SELECT l.relation::text FROM pg_catalog.pg_locks l WHERE l.pid = pg_backend_pid()"
        " AND l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.granted");
    for (int i = 0; i < r.rows(); ++i) {
        const std::string oid = r.value(i, 0);
        auto before = existing_.find(oid);
        if (before == existing_.end() || seen_.count(oid)) continue;  // new in this run: no one else sees it
        Seen seen;
        seen.relation = before->second;
        seen.acquiredIn = label;
        seen.since = start;
        seen.hasRows = tableHasRows(oid, seen.relation, seen.dropped);
        seen_[oid] = std::move(seen);
    }
}

bool DryRunRecorder::tableHasRows(const std::string& oid, std::string& relation, bool& dropped)
{
    auto r = connection_.execParams("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c"
                                    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1::oid",
                                    {oid});
    if (r.rows() == 0) {
        dropped = true;  // its rows are gone with it: reported, as its users waited all the same
        return true;
    }
    relation = r.value(0, 0);  // as it is named now (the run may have renamed it)
    // A savepoint: an unreadable relation (an unpopulated materialized view) must not abort the run.
    connection_.exec("SAVEPOINT pum_dry_run_probe");
    try {
        auto rows = connection_.exec("SELECT EXISTS (SELECT 1 FROM ONLY " + relation + ")");
        connection_.exec("RELEASE SAVEPOINT pum_dry_run_probe");
        return rows.value(0, 0) == "t";
    } catch (const SqlError&) {
        connection_.exec("ROLLBACK TO SAVEPOINT pum_dry_run_probe");
        connection_.exec("RELEASE SAVEPOINT pum_dry_run_probe");
        return true;  // unknown: reported rather than hidden
    }
}

void DryRunRecorder::finish(DryRunReport& report)
{
    const auto end = Clock::now();
    const SchemaSnapshot after = readSchema(connection_);
    report.command = command_;
    report.database = connection_.describe();
    report.steps = steps_;
    report.seconds = std::chrono::duration<double>(end - start_).count();
    report.lockWarningSeconds = std::chrono::duration<double>(threshold_).count();
    report.schemaChanges = compareSchemas(before_, after, {}, true);
    report.schemaChanges.first = "before the " + command_;
    report.schemaChanges.second = "after the " + command_;
    for (const auto& [oid, seen] : seen_) {
        HeldLock lock;
        lock.relation = seen.relation;
        lock.acquiredIn = seen.acquiredIn;
        lock.seconds = std::chrono::duration<double>(end - seen.since).count();
        lock.hasRows = seen.hasRows;
        lock.dropped = seen.dropped;
        lock.warning = seen.hasRows && end - seen.since >= threshold_;
        report.locks.push_back(std::move(lock));
    }
    std::stable_sort(report.locks.begin(), report.locks.end(),
                     [](const HeldLock& a, const HeldLock& b) { return a.seconds > b.seconds; });
    report.warnings.push_back(ddlLockWarning(command_));
    for (const auto& lock : report.locks)
        if (lock.warning) report.warnings.push_back(lockWarningText(lock));
}

void DryRunRecorder::rollBack(Transaction& transaction)
{
    if (!joined_) {
        transaction.rollback();
        return;
    }
    connection_.exec(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint);
    connection_.exec(std::string("RELEASE SAVEPOINT ") + kSavepoint);
}

}  // namespace pum::detail
