#include "pum/db/lock_timeout.h"

#include <cmath>
#include <cstdlib>
#include <map>

#include "pum/db/database.h"

namespace pum {

void applyLockTimeout(Connection& connection, const std::optional<std::chrono::milliseconds>& timeout)
{
    if (!timeout) return;
    // 0 would mean "wait for ever" to PostgreSQL; the smallest wait it knows is 1 ms.
    const long long ms = std::max<long long>(1, timeout->count());
    connection.exec("SET LOCAL lock_timeout = " + std::to_string(ms));
}

bool isLockTimeout(const std::exception& error)
{
    const auto* sql = dynamic_cast<const SqlError*>(&error);
    return sql && sql->sqlstate() == "55P03";
}

std::vector<LockHolder> lockHolders(Connection& connection)
{
    // Granted locks of the other sessions in this database: on relations
    // (catalogs only when written to), advisory ones (the migration table's
    // lock: another pum run), and idle transactions that wrote (their row
    // locks, on tables or on catalog rows a GRANT changed, are not listed).
    auto r = connection.exec(
        "SELECT a.pid, COALESCE(a.usename, ''), COALESCE(a.application_name, ''),"
        "       to_char(COALESCE(a.xact_start, a.backend_start), 'YYYY-MM-DD HH24:MI:SS TZ'), COALESCE(a.state, ''),"
        "       CASE WHEN l.locktype = 'advisory' THEN 'advisory lock (another pum run?)'"
        "            WHEN l.locktype = 'transactionid' THEN 'an open transaction that changed rows or the catalog'"
        // A relation created by an open transaction has no visible name yet (and format's %I refuses NULL).
        "            ELSE l.mode || ' on ' || CASE WHEN c.relname IS NULL THEN l.relation::text"
        "                                          ELSE format('%I.%I', n.nspname, c.relname) END END"
        "  FROM pg_catalog.pg_locks l"
        "  JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
        "  LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation"
        "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE l.granted AND l.pid <> pg_backend_pid() AND a.datname = current_database()"
        "   AND (l.locktype = 'advisory'"
        "        OR (l.locktype = 'relation' AND (COALESCE(n.nspname, '') NOT IN ('pg_catalog', 'information_schema')"
        "            OR l.mode NOT IN ('AccessShareLock', 'RowShareLock')))"
        // Row locks leave no trace in pg_locks: the writer's open transaction is what a waiter waited on.
        "        OR (l.locktype = 'transactionid' AND a.state LIKE 'idle in transaction%'))"
        " ORDER BY a.pid, 6");
    return lockHoldersFromRows(r);
}

std::vector<LockHolder> lockHoldersFromRows(const Result& r)
{
    std::vector<LockHolder> holders;
    std::map<int, std::size_t> byPid;
    for (int i = 0; i < r.rows(); ++i) {
        const int pid = std::stoi(r.value(i, 0));
        auto it = byPid.find(pid);
        if (it == byPid.end()) {
            LockHolder h;
            h.pid = pid;
            h.user = r.value(i, 1);
            h.application = r.value(i, 2);
            h.since = r.value(i, 3);
            h.state = r.value(i, 4);
            it = byPid.emplace(pid, holders.size()).first;
            holders.push_back(std::move(h));
        }
        holders[it->second].locks.push_back(r.value(i, 5));
    }
    return holders;
}

std::string describeLockHolders(const std::vector<LockHolder>& holders)
{
    std::string list;
    for (const auto& h : holders) {
        list += "\n  pid " + std::to_string(h.pid) + ", user " + h.user +
                (h.application.empty() ? std::string() : ", application '" + h.application + "'") + ", since " +
                h.since + (h.state.empty() ? std::string() : " (" + h.state + ")") + ": ";
        std::string locks;
        for (const auto& l : h.locks) locks += (locks.empty() ? "" : ", ") + l;
        list += locks;
    }
    return list;
}

LockTimeoutError lockTimeoutError(std::chrono::milliseconds timeout, const std::string& what,
                                  const std::string& outcome, const std::string& where,
                                  std::vector<LockHolder> holders, const std::string& readProblem)
{
    std::string list = readProblem.empty() ? describeLockHolders(holders)
                                           : "\n  (who holds it could not be read: " + readProblem + ")";
    if (list.empty()) list = "\n  (no other session holds a lock any more: try again)";
    return LockTimeoutError(what + " gave up after waiting " + std::to_string(timeout.count()) +
                                " ms for a lock (--lock-timeout): " + outcome + ". Sessions holding locks " + where +
                                ":" + list,
                            std::move(holders));
}

LockTimeoutError lockTimeoutError(Connection& connection, std::chrono::milliseconds timeout, const std::string& what)
{
    std::vector<LockHolder> holders;
    std::string problem;
    try {
        holders = lockHolders(connection);
    } catch (const Error& e) {
        problem = e.what();
    }
    return lockTimeoutError(timeout, what, "the transaction was rolled back, nothing was changed", "in the database",
                            std::move(holders), problem);
}

std::chrono::milliseconds parseDuration(const std::string& text, const std::string& option)
{
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    std::string unit = end ? std::string(end) : std::string();
    while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
    double factor = 0;
    if (unit.empty() || unit == "ms") factor = 1;
    else if (unit == "s") factor = 1000;
    else if (unit == "min") factor = 60000;
    else if (unit == "h") factor = 3600000;
    if (text.empty() || end == text.c_str() || factor == 0 || !std::isfinite(value) || value < 0)
        throw CommandError(option + ": '" + text + "' is not a duration (e.g. 500ms, 5s, 2min; a bare number is ms)");
    return std::chrono::milliseconds(static_cast<long long>(std::llround(value * factor)));
}

}  // namespace pum
