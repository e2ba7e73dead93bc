#include "pum/tools/database_admin.h"

#include <libpq-fe.h>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/db/lock_timeout.h"
#include "db/connect.h"
#include "base/text.h"

namespace pum {

using detail::trimmed;

namespace {

void refuseInTransaction(Connection& c, const char* what)
{
    if (c.inTransaction()) throw CommandError(std::string(what) + " cannot run inside a transaction");
}

// The sessions, in any database of the server, holding locks that CREATE or
// DROP DATABASE on the databases `first` and `second` waits for: on the database objects (COMMENT ON
// DATABASE, another CREATE ... TEMPLATE), on pg_database itself, and open
// transactions that changed their pg_database rows (GRANT CONNECT...: the
// row's xmax is that transaction).
std::vector<LockHolder> databaseLockHolders(Connection& c, const std::string& first, const std::string& second)
{
    auto r = c.execParams(
        "SELECT a.pid, COALESCE(a.usename, ''), COALESCE(a.application_name, ''),"
        "       to_char(COALESCE(a.xact_start, a.backend_start), 'YYYY-MM-DD HH24:MI:SS TZ'), COALESCE(a.state, ''),"
        "       CASE WHEN l.locktype = 'object' THEN l.mode || ' on database ' || pg_catalog.quote_ident(d.datname)"
        "            WHEN l.locktype = 'relation' THEN l.mode || ' on pg_catalog.pg_database'"
        "            ELSE 'an open transaction that changed database ' || pg_catalog.quote_ident(r.datname) END"
        "       || COALESCE(' (connected to ' || pg_catalog.quote_ident(a.datname) || ')', '')"
        "  FROM pg_catalog.pg_locks l"
        "  JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
        "  LEFT JOIN pg_catalog.pg_database d ON l.locktype = 'object'"
        "       AND l.classid = 'pg_catalog.pg_database'::pg_catalog.regclass AND d.oid = l.objid"
        "  LEFT JOIN pg_catalog.pg_database r ON l.locktype = 'transactionid' AND r.xmax = l.transactionid"
        " WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid()"
        "   AND (d.datname::text IN ($1, $2) OR r.datname::text IN ($1, $2)"
        "        OR (l.locktype = 'relation' AND l.relation = 'pg_catalog.pg_database'::pg_catalog.regclass"
        "            AND l.mode NOT IN ('AccessShareLock', 'RowShareLock', 'RowExclusiveLock')))"
        " ORDER BY a.pid, 6",
        {first, second});
    return lockHoldersFromRows(r);
}

// CREATE and DROP DATABASE cannot run in a transaction, so SET LOCAL cannot
// bound their wait: lock_timeout is set for the session around the one
// statement and put back after it, whatever happens.
class SessionLockTimeout {
public:
    SessionLockTimeout(Connection& c, std::chrono::milliseconds timeout)
        : c_(c), previous_(c.exec("SELECT pg_catalog.current_setting('lock_timeout')").value(0, 0))
    {
        // 0 would mean "wait for ever" to PostgreSQL; the smallest wait it knows is 1 ms.
        set(std::to_string(std::max<long long>(1, timeout.count())));
    }
    ~SessionLockTimeout()
    {
        try {
            set(previous_);
        } catch (const Error&) {
            // The connection is gone: so is its setting.
        }
    }
    SessionLockTimeout(const SessionLockTimeout&) = delete;
    SessionLockTimeout& operator=(const SessionLockTimeout&) = delete;

private:
    void set(const std::string& value)
    {
        c_.execParams("SELECT pg_catalog.set_config('lock_timeout', $1, false)", {value});
    }
    Connection& c_;
    std::string previous_;
};

// Runs `body` under `timeout`; a lock timeout becomes the LockTimeoutError
// naming who holds locks on the databases `first` and `second`.
template <typename Body>
void withLockTimeout(Connection& c, const std::optional<std::chrono::milliseconds>& timeout, const std::string& what,
                     const std::string& outcome, const std::string& first, const std::string& second, Body body)
{
    if (!timeout) return body();
    SessionLockTimeout bounded(c, *timeout);
    try {
        body();
    } catch (const SqlError& e) {
        if (!isLockTimeout(e)) throw;
        std::vector<LockHolder> holders;
        std::string problem;
        try {
            holders = databaseLockHolders(c, first, second);
        } catch (const Error& readError) {
            problem = readError.what();
        }
        throw lockTimeoutError(*timeout, what, outcome, "on the databases involved", std::move(holders), problem);
    }
}

}  // namespace

Connection openMaintenanceConnection(const std::string& spec, const std::string& database)
{
    if (auto problem = connectionSpecProblem(spec)) throw ConnectionError("invalid connection string: " + *problem);
    // The first dbname is expanded as the whole spec; the second, a plain
    // name, overrides the spec's own database (libpq keeps the last value).
    const std::string info = connectionInfo(spec);
    const char* keywords[] = {"dbname", "dbname", "fallback_application_name", nullptr};
    // An empty spec: everything from the PG* variables, the database given here.
    const char* values[] = {info.empty() ? database.c_str() : info.c_str(), database.c_str(), "pum", nullptr};
    detail::ConnectAttempt attempt = detail::connectParams(keywords, values);
    PGconn* conn = attempt.conn;
    if (!conn) throw ConnectionError("cannot connect: out of memory");
    if (attempt.outcome != detail::ConnectAttempt::Outcome::Finished || PQstatus(conn) != CONNECTION_OK) {
        std::string target = PQdb(conn) ? PQdb(conn) : database;
        if (PQhost(conn) && *PQhost(conn)) target += std::string(" on ") + PQhost(conn);
        std::string message = redactPassword(trimmed(PQerrorMessage(conn)), spec);
        PQfinish(conn);
        if (attempt.outcome == detail::ConnectAttempt::Outcome::Cancelled)
            throw CancelledError();
        if (attempt.outcome == detail::ConnectAttempt::Outcome::TimedOut)
            message = "no answer within " + std::to_string(attempt.timeoutSeconds) + " s (connect_timeout)";
        throw ConnectionError(redactPassword("cannot connect to " + target + ": " + message, spec));
    }
    return Connection(conn);
}

std::string databaseNameOf(const std::string& spec)
{
    // Never quotes `spec`: it may hold a password libpq cannot even parse.
    if (auto problem = connectionSpecProblem(spec)) throw ConnectionError("invalid connection string: " + *problem);
    // Starting a connection resolves the service file and the PG* variables
    // into its parameters; it is abandoned before anything is sent.
    const std::string info = connectionInfo(spec);
    const char* keywords[] = {"dbname", nullptr};
    const char* values[] = {info.empty() ? nullptr : info.c_str(), nullptr};
    PGconn* conn = PQconnectStartParams(keywords, values, 1);
    if (!conn) throw ConnectionError("cannot read the connection parameters: out of memory");
    std::string name = PQdb(conn) ? PQdb(conn) : "";
    std::string error = PQstatus(conn) == CONNECTION_BAD ? trimmed(PQerrorMessage(conn)) : "";
    PQfinish(conn);
    if (name.empty())
        throw CommandError(redactPassword("no database name in the connection parameters (give dbname in -p, "
                                          "PGDATABASE or the service)" +
                                              (error.empty() ? "" : ": " + error),
                                          spec));
    return name;
}

bool databaseExists(Connection& c, const std::string& name)
{
    return c.execParams("SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1", {name}).rows() > 0;
}

void createDatabase(Connection& c, const std::string& name, const std::string& templateName, const std::string& owner,
                    const std::optional<std::chrono::milliseconds>& lockTimeout)
{
    if (name.empty()) throw CommandError("no database name given");
    refuseInTransaction(c, "CREATE DATABASE");
    std::string sql = "CREATE DATABASE " + c.quoteIdentifier(name);
    if (!templateName.empty()) sql += " TEMPLATE " + c.quoteIdentifier(templateName);
    if (!owner.empty()) sql += " OWNER " + c.quoteIdentifier(owner);
    withLockTimeout(c, lockTimeout, "creating database " + name, "database " + name + " was not created", name,
                    templateName.empty() ? "template1" : templateName, [&] { c.exec(sql); });
}

void dropDatabase(Connection& c, const std::string& name, bool terminateSessions,
                  const std::optional<std::chrono::milliseconds>& lockTimeout)
{
    if (name.empty()) throw CommandError("no database name given");
    refuseInTransaction(c, "DROP DATABASE");
    if (name == c.databaseName())
        throw CommandError("cannot drop database \"" + name + "\": it is the one this connection uses");
    const std::string quoted = c.quoteIdentifier(name);
    const std::string outcome = "database " + name + " was not dropped";
    withLockTimeout(c, lockTimeout, "dropping database " + name, outcome, name, name, [&] {
        if (!terminateSessions) {
            c.exec("DROP DATABASE " + quoted);
        } else if (PQserverVersion(c.native()) >= 130000) {
            c.exec("DROP DATABASE " + quoted + " WITH (FORCE)");
        } else {
            // Before 13: end the other sessions, then drop (new ones may race in;
            // the DROP then fails with the server's clear message).
            c.execParams("SELECT pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
                         "WHERE datname = $1 AND pid <> pg_backend_pid()",
                         {name});
            c.exec("DROP DATABASE " + quoted);
        }
    });
}

ConnectAccess connectAccess(Connection& c, const std::string& database)
{
    auto r = c.execParams("SELECT d.datacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(d.datacl) a "
                          "WHERE a.grantee = 0 AND a.privilege_type = 'CONNECT') "
                          "FROM pg_catalog.pg_database d WHERE d.datname = $1",
                          {database});
    if (r.rows() == 0) throw CommandError("database \"" + database + "\" does not exist");
    ConnectAccess access;
    access.publicCanConnect = r.value(0, 0) == "t";
    auto roles = c.execParams("SELECT DISTINCT r.rolname FROM pg_catalog.pg_database d, aclexplode(d.datacl) a "
                              "JOIN pg_catalog.pg_roles r ON r.oid = a.grantee "
                              "WHERE d.datname = $1 AND a.privilege_type = 'CONNECT' AND a.grantee <> d.datdba "
                              "ORDER BY 1",
                              {database});
    for (int i = 0; i < roles.rows(); ++i) access.roles.push_back(roles.value(i, 0));
    return access;
}

void configureConnectAccess(Connection& c, const std::string& database, const std::vector<std::string>& grantRoles,
                            const std::vector<std::string>& revokeRoles, std::optional<bool> publicAccess)
{
    if (database.empty()) throw CommandError("no database name given");
    const std::string db = c.quoteIdentifier(database);
    std::string sql;
    if (publicAccess) sql += std::string(*publicAccess ? "GRANT CONNECT ON DATABASE " + db + " TO PUBLIC;\n"
                                                       : "REVOKE CONNECT ON DATABASE " + db + " FROM PUBLIC;\n");
    for (const auto& role : revokeRoles) sql += "REVOKE CONNECT ON DATABASE " + db + " FROM " + c.quoteIdentifier(role) + ";\n";
    for (const auto& role : grantRoles) sql += "GRANT CONNECT ON DATABASE " + db + " TO " + c.quoteIdentifier(role) + ";\n";
    if (!sql.empty()) c.exec(sql);
}

}  // namespace pum
