// `--all-databases`: the fleet is every database of one server that holds
// the module's migration table.
#include <libpq-fe.h>

#include <cstring>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/fleet/fleet.h"
#include "pum/run/migration_table.h"

namespace pum {

namespace {

// `serverSpec` with its database replaced by `dbname`, as key=value (a URI
// cannot take a second dbname). Every other setting, password included, is kept.
std::string specForDatabase(const std::string& serverSpec, const std::string& dbname)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(connectionInfo(serverSpec).c_str(), &error);
    if (!options) {
        if (error) PQfreemem(error);
        throw ConnectionError("invalid connection string: " + connectionSpecProblem(serverSpec).value_or(""));
    }
    std::string spec;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val || std::strcmp(o->keyword, "dbname") == 0) continue;
        spec += std::string(o->keyword) + "=" + quoteConninfoValue(o->val) + " ";
    }
    PQconninfoFree(options);
    // Explicit keywords win over the service file's, so this dbname is the one used.
    return spec + "dbname=" + quoteConninfoValue(dbname);
}

std::vector<std::string> connectableDatabases(Connection& server, const std::string& namePattern)
{
    Result rows = server.execParams(
        "SELECT datname FROM pg_catalog.pg_database WHERE datallowconn AND NOT datistemplate "
        "AND ($1::text IS NULL OR datname LIKE $1) ORDER BY datname",
        {namePattern.empty() ? std::nullopt : std::optional<std::string>(namePattern)});
    std::vector<std::string> names;
    for (int row = 0; row < rows.rows(); ++row) names.push_back(rows.value(row, 0));
    return names;
}

}  // namespace

FleetDiscovery discoverFleet(const std::string& serverSpec, const Config& config, const std::string& namePattern)
{
    FleetDiscovery discovery;
    std::vector<std::string> names;
    {
        Connection server = Connection::open(serverSpec);
        names = connectableDatabases(server, namePattern);
    }
    for (const auto& name : names) {
        const std::string spec = specForDatabase(serverSpec, name);
        try {
            Connection connection = Connection::open(spec);
            MigrationTable table(connection, config.migrationTableSchema);
            if (!table.exists()) continue;
            const auto latest = table.latest();
            if (latest && latest->module != config.module) {
                discovery.skipped.emplace_back(name, table.qualifiedName() + " belongs to module " + latest->module);
                continue;
            }
            discovery.targets.push_back(FleetTarget{spec, name});
        } catch (const Error& error) {
            discovery.skipped.emplace_back(name, redactPassword(error.what(), spec));
        }
    }
    return discovery;
}

}  // namespace pum
