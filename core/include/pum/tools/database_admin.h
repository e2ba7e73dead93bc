#pragma once
// Creating and dropping whole databases (`pum db create|drop`). These
// statements cannot run inside a transaction: each is its own.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace pum {

class Connection;

// Connects to `database` (default the maintenance database "postgres") on the
// server, as the user, that `spec` (service, URI or key=value) names: its own
// dbname is replaced. Throws ConnectionError without the password.
Connection openMaintenanceConnection(const std::string& spec, const std::string& database = "postgres");

// The database name `spec` resolves to (service file and PG* variables
// included), without connecting to it.
std::string databaseNameOf(const std::string& spec);

bool databaseExists(Connection& connection, const std::string& name);

// CREATE DATABASE name [TEMPLATE template] [OWNER owner]. A database that
// exists already or a template that does not is the server's to refuse:
// SqlError 42P04 (duplicate_database) or 3D000 (invalid_catalog_name), which
// pum's API passes on as psycopg's errors of those codes.
//
// `lockTimeout` (--lock-timeout): give up after waiting this long for a lock
// (on the template, which e.g. an open COMMENT ON DATABASE holds), throwing a
// LockTimeoutError (pum/db/lock_timeout.h) that names the sessions holding locks
// on the databases involved, in any database of the server. The statement is
// atomic: nothing was created. The session's lock_timeout is put back after.
void createDatabase(Connection& connection, const std::string& name, const std::string& templateName = {},
                    const std::string& owner = {},
                    const std::optional<std::chrono::milliseconds>& lockTimeout = std::nullopt);

// DROP DATABASE, ending the other sessions on it first (WITH (FORCE) on
// PostgreSQL 13 and later). Refused (CommandError) for the database
// `connection` is connected to; one that does not exist is SqlError 3D000.
// `lockTimeout`: as for createDatabase (the database was not dropped; its
// sessions may have been ended already when the wait came after that).
void dropDatabase(Connection& connection, const std::string& name, bool terminateSessions = true,
                  const std::optional<std::chrono::milliseconds>& lockTimeout = std::nullopt);

// Who may connect to a database: PUBLIC (everyone, the default), and the
// roles granted CONNECT explicitly (the owner left out: it always can).
struct ConnectAccess {
    bool publicCanConnect = true;
    std::vector<std::string> roles;  // sorted
};
// CommandError when the database does not exist.
ConnectAccess connectAccess(Connection& connection, const std::string& database);

// GRANT/REVOKE CONNECT on `database`: PUBLIC first (`publicAccess` true:
// granted, false: revoked, nullopt: left as it is), then the revokes, then the
// grants. Runs in the caller's transaction (database ACLs are transactional).
void configureConnectAccess(Connection& connection, const std::string& database,
                            const std::vector<std::string>& grantRoles, const std::vector<std::string>& revokeRoles,
                            std::optional<bool> publicAccess);

}  // namespace pum
