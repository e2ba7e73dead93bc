#pragma once
// Our side table beside pum's migration table: `<schema>.pum_migration_details`,
// one row per fact pum does not record, keyed by the `pum_migrations.id` of
// the version installed when it was recorded. Today: the demo data sets
// loaded (kind "demo_data"); meant for the checksums of applied files too.
// Not new columns of pum_migrations: pum 1.8's migration_details() does
// SELECT * and would hand them to its callers. pum reads, upgrades and
// baselines a database holding it unchanged, and never touches it.
#include <string>
#include <vector>

namespace pum {

class Connection;

struct DemoDataRecord {
    std::string name;
    std::string loadedAt;  // the latest load, "YYYY-MM-DD HH:MM" in the server's time zone
};

class MigrationDetails {
public:
    static constexpr const char* kTableName = "pum_migration_details";

    MigrationDetails(Connection& connection, std::string schema);

    // Inside the caller's transaction: created when first needed.
    void recordDemoData(const std::string& migrationId, const std::string& name);
    // The sets loaded into `module`, in the order first loaded; none without the table.
    std::vector<DemoDataRecord> demoData(const std::string& module);

private:
    bool exists();
    void create();
    std::string qualifiedName() const;

    Connection& connection_;
    std::string schema_;
};

}  // namespace pum
