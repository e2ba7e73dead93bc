#pragma once
// --lock-timeout: a command that waits too long for a lock gives up, rolled
// back, and names the sessions that hold locks it may have waited for.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "pum/base/error.h"

namespace pum {

class Connection;

// A session holding a lock in the database (from pg_locks and pg_stat_activity).
struct LockHolder {
    int pid = 0;
    std::string user;
    std::string application;  // application_name ("QGIS"...)
    std::string since;        // when its transaction started (xact_start), else its backend_start
    std::string state;        // "idle in transaction"...
    std::vector<std::string> locks;  // "RowExclusiveLock on od.pipe", "advisory lock (another pum run?)"
};

class LockTimeoutError : public CommandError {
public:
    LockTimeoutError(std::string message, std::vector<LockHolder> holders)
        : CommandError(std::move(message)), holders_(std::move(holders))
    {
    }
    const std::vector<LockHolder>& holders() const { return holders_; }

private:
    std::vector<LockHolder> holders_;
};

// SET LOCAL lock_timeout in the open transaction (nothing when `timeout` is empty).
void applyLockTimeout(Connection& connection, const std::optional<std::chrono::milliseconds>& timeout);

// Whether `error` is PostgreSQL's lock_not_available (55P03): what lock_timeout raises.
bool isLockTimeout(const std::exception& error);

// The other sessions holding locks on relations of the current database, or
// advisory locks (another pum run): read outside the failed transaction.
std::vector<LockHolder> lockHolders(Connection& connection);

// Rows (pid, user, application, since, state, lock description), ordered by
// pid, as holders: for other queries of lockHolders' shape (pum db create|drop).
class Result;
std::vector<LockHolder> lockHoldersFromRows(const Result& rows);

// The LockTimeoutError to throw after the run was rolled back: names the
// holders (read on `connection`, whose transaction must have ended).
LockTimeoutError lockTimeoutError(Connection& connection, std::chrono::milliseconds timeout, const std::string& what);

// The same from holders the caller read (`readProblem`: why it could not),
// saying what was left as it was (`outcome`) and where they were looked for.
LockTimeoutError lockTimeoutError(std::chrono::milliseconds timeout, const std::string& what,
                                  const std::string& outcome, const std::string& where,
                                  std::vector<LockHolder> holders, const std::string& readProblem = {});

// "\n  pid 42, user alice, application 'QGIS', since ... (idle in transaction): RowExclusiveLock on s.t" per holder.
std::string describeLockHolders(const std::vector<LockHolder>& holders);

// Runs `body`; a lock timeout it raises (with `timeout` set) becomes the
// LockTimeoutError naming the holders. `body` must roll its transaction
// back before returning by exception, so that the holders can be read.
template <typename Body>
auto giveUpOnLockTimeout(Connection& connection, const std::optional<std::chrono::milliseconds>& timeout,
                         const std::string& what, Body&& body) -> decltype(body())
{
    try {
        return body();
    } catch (const SqlError& e) {
        if (!timeout || !isLockTimeout(e)) throw;
        throw lockTimeoutError(connection, *timeout, what);
    }
}

// "500ms", "2s", "1min", "1.5s", a bare number being milliseconds as in
// PostgreSQL; throws CommandError naming `option` otherwise.
std::chrono::milliseconds parseDuration(const std::string& text, const std::string& option);

}  // namespace pum
