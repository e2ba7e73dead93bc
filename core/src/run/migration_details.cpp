#include "pum/run/migration_details.h"

#include "pum/db/database.h"
#include "pum/run/migration_table.h"

namespace pum {

MigrationDetails::MigrationDetails(Connection& connection, std::string schema)
    : connection_(connection), schema_(std::move(schema))
{
}

std::string MigrationDetails::qualifiedName() const
{
    return connection_.quoteIdentifier(schema_) + "." + connection_.quoteIdentifier(kTableName);
}

bool MigrationDetails::exists()
{
    return connection_.execParams("SELECT to_regclass($1) IS NOT NULL", {qualifiedName()}).value(0, 0) == "t";
}

void MigrationDetails::create()
{
    // migration_id is text: pum's id was an integer in older table layouts, a uuid now.
    connection_.exec("CREATE TABLE IF NOT EXISTS " + qualifiedName() +
                     " (\n"
                     "  migration_id text NOT NULL,\n"
                     "  kind text NOT NULL,\n"
                     "  name text NOT NULL,\n"
                     "  detail text,\n"
                     "  recorded_at timestamp with time zone NOT NULL DEFAULT now(),\n"
                     "  PRIMARY KEY (migration_id, kind, name)\n"
                     ")");
    connection_.exec("COMMENT ON TABLE " + qualifiedName() +
                     " IS 'pum-native: what pum_migrations does not record (demo data loaded), keyed by "
                     "pum_migrations.id; pum itself ignores this table'");
}

void MigrationDetails::recordDemoData(const std::string& migrationId, const std::string& name)
{
    if (!exists()) create();
    connection_.execParams("INSERT INTO " + qualifiedName() +
                               " (migration_id, kind, name) VALUES ($1, 'demo_data', $2) "
                               "ON CONFLICT (migration_id, kind, name) DO UPDATE SET recorded_at = now()",
                           {migrationId, name});
}

std::vector<DemoDataRecord> MigrationDetails::demoData(const std::string& module)
{
    std::vector<DemoDataRecord> out;
    if (!exists()) return out;
    const std::string migrations =
        connection_.quoteIdentifier(schema_) + "." + connection_.quoteIdentifier(MigrationTable::kTableName);
    const Result result = connection_.execParams(
        "SELECT d.name, to_char(max(d.recorded_at), 'YYYY-MM-DD HH24:MI') FROM " + qualifiedName() + " d JOIN " +
            migrations + " m ON m.id::text = d.migration_id WHERE d.kind = 'demo_data' AND m.module = $1 "
            "GROUP BY d.name ORDER BY min(d.recorded_at), d.name",
        {module});
    for (int row = 0; row < result.rows(); ++row) out.push_back({result.value(row, 0), result.value(row, 1)});
    return out;
}

}  // namespace pum
