#pragma once
// Ordering sessions by a condition, not by sleeping: a test that needs "B is
// now queued behind A" asks the server (pg_stat_activity) until B's backend
// waits for a lock, instead of hoping that a head start was long enough.
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "pum/db/database.h"

namespace pum::test {

inline int backendPid(Connection& session) { return std::stoi(session.exec("SELECT pg_backend_pid()").value(0, 0)); }

// Returns once the backend `pid` waits for a lock (advisory or on a row or
// object); throws after `limit`. `watcher` is a connection outside any transaction
// (pg_stat_activity is read afresh by each statement only then).
inline void waitUntilWaitingForLock(Connection& watcher, int pid,
                                    std::chrono::seconds limit = std::chrono::seconds(60))
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        auto r = watcher.execParams("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1",
                                    {std::to_string(pid)});
        if (r.rows() == 1 && r.value(0, 0) == "t") return;
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("backend " + std::to_string(pid) + " was still not waiting for a lock after " +
                                     std::to_string(limit.count()) + " s");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));  // how often to ask, not a guess at timing
    }
}

}  // namespace pum::test
