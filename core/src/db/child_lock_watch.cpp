#include "db/child_lock_watch.h"

#include <algorithm>
#include <atomic>
#include <set>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/platform/process.h"

namespace pum {

namespace {

// "{12,34}" (pg_blocking_pids as text) -> {12, 34}.
std::set<int> pidsOf(const std::string& array)
{
    std::set<int> pids;
    std::string number;
    for (char c : array) {
        if (c >= '0' && c <= '9') {
            number += c;
        } else if (!number.empty()) {
            pids.insert(std::stoi(number));
            number.clear();
        }
    }
    if (!number.empty()) pids.insert(std::stoi(number));
    return pids;
}

}  // namespace

ChildLockWatch::ChildLockWatch(Connection& connection, std::chrono::milliseconds timeout)
    : connection_(connection), timeout_(timeout)
{
    // Unique per run in this process, so that only this child's sessions are watched.
    static std::atomic<unsigned> runs{0};
    applicationName_ = "pum restore " + std::to_string(platform::processId()) + "." + std::to_string(++runs);
}

void ChildLockWatch::check()
{
    const auto now = std::chrono::steady_clock::now();
    if (now - lastCheck_ < std::chrono::milliseconds(50)) return;
    lastCheck_ = now;
    // Inside a transaction the server keeps one picture of pg_stat_activity: refresh it.
    if (connection_.inTransaction()) connection_.exec("SELECT pg_catalog.pg_stat_clear_snapshot()");
    auto r = connection_.execParams(
        "SELECT a.pid, a.query_start::text, pg_catalog.pg_blocking_pids(a.pid)::text"
        "  FROM pg_catalog.pg_stat_activity a"
        " WHERE a.application_name = $1 AND a.datname = current_database() AND a.wait_event_type = 'Lock'",
        {applicationName_});
    std::map<int, std::pair<std::string, std::chrono::steady_clock::time_point>> stillWaiting;
    for (int i = 0; i < r.rows(); ++i) {
        const int pid = std::stoi(r.value(i, 0));
        const std::string statement = r.value(i, 1);
        auto seen = waiting_.find(pid);
        // First seen waiting now: its wait began at most one poll earlier, so
        // measuring from here never gives up before the timeout.
        const auto since = seen != waiting_.end() && seen->second.first == statement ? seen->second.second : now;
        stillWaiting[pid] = {statement, since};
        const auto done = cancelled_.find(pid);
        if (now - since >= timeout_ && (done == cancelled_.end() || done->second != statement)) {
            cancelled_[pid] = statement;
            giveUp(pid, r.value(i, 2));
        }
    }
    waiting_ = std::move(stillWaiting);
}

void ChildLockWatch::giveUp(int pid, const std::string& blockers)
{
    gaveUp_ = true;
    // The sessions in the way, read while the statement still waits for them;
    // all holders in the database when none of them shows in lockHolders' view.
    std::vector<LockHolder> all;
    try {
        all = lockHolders(connection_);
    } catch (const Error& e) {
        readProblem_ = e.what();  // the statement is still cancelled: the timeout is what was asked for
    }
    const std::set<int> blocking = pidsOf(blockers);
    std::vector<LockHolder> found;
    for (auto& h : all)
        if (blocking.count(h.pid)) found.push_back(h);
    if (found.empty()) found = std::move(all);
    for (auto& h : found) {
        const bool known =
            std::any_of(holders_.begin(), holders_.end(), [&](const LockHolder& k) { return k.pid == h.pid; });
        // The child's own sessions hold the locks of what it restored so far: not in anyone's way.
        if (!known && h.application != applicationName_) holders_.push_back(std::move(h));
    }
    // Cancels whatever that session runs now: the statement that waited, unless
    // it got its lock in the meantime, and then the next one (it waited that long).
    connection_.execParams("SELECT pg_catalog.pg_cancel_backend($1::int)", {std::to_string(pid)});
}

}  // namespace pum
