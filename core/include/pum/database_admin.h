#pragma once
// Creating and dropping whole databases (`pum db create|drop`). These
// statements cannot run inside a transaction: each is its own.
#include <string>

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

// CREATE DATABASE name [TEMPLATE template] [OWNER owner]. Refused when the
// database exists or the template does not.
void createDatabase(Connection& connection, const std::string& name, const std::string& templateName = {},
                    const std::string& owner = {});

// DROP DATABASE, ending the other sessions on it first (WITH (FORCE) on
// PostgreSQL 13 and later). Refused when it does not exist or is the
// database `connection` is connected to.
void dropDatabase(Connection& connection, const std::string& name, bool terminateSessions = true);

}  // namespace pum
