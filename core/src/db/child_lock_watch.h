#pragma once
// --lock-timeout for a PostgreSQL tool running as a child (pg_restore, psql).
//
// lock_timeout cannot be handed to the child: every dump begins with its own
// `SET lock_timeout = 0`. So the parent watches instead: the child's sessions
// carry an application_name of their own, and a statement of theirs that has
// waited for a lock longer than the timeout is cancelled, after the sessions
// blocking it were read (pg_blocking_pids), while it still waits.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "pum/db/lock_timeout.h"

namespace pum {

class Connection;

class ChildLockWatch {
public:
    // `connection`: the parent's, idle (outside any transaction) while the child runs.
    ChildLockWatch(Connection& connection, std::chrono::milliseconds timeout);

    // The application_name to give the child's sessions (PGAPPNAME).
    const std::string& applicationName() const { return applicationName_; }

    // Called often while the child runs; asks the server at most every 50 ms.
    void check();

    bool gaveUp() const { return gaveUp_; }
    std::chrono::milliseconds timeout() const { return timeout_; }
    // The sessions that blocked the cancelled statements (each listed once).
    const std::vector<LockHolder>& holders() const { return holders_; }
    // Why the holders could not be read (empty when they were).
    const std::string& readProblem() const { return readProblem_; }

private:
    void giveUp(int pid, const std::string& blockers);

    Connection& connection_;
    std::chrono::milliseconds timeout_;
    std::string applicationName_;
    std::chrono::steady_clock::time_point lastCheck_{};
    // pid -> the statement seen waiting (its query_start) and when it was first seen so.
    std::map<int, std::pair<std::string, std::chrono::steady_clock::time_point>> waiting_;
    std::map<int, std::string> cancelled_;  // pid -> query_start of the statement cancelled
    bool gaveUp_ = false;
    std::vector<LockHolder> holders_;
    std::string readProblem_;
};

}  // namespace pum
