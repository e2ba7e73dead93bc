#pragma once
// pum's `<schema>.pum_migrations` table (layout version 3), read and written
// exactly as pum does, including the in-place upgrade of version 1 and 2 tables.
#include <optional>
#include <string>
#include <vector>

#include "pum/module/parameter.h"
#include "pum/module/version.h"

namespace pum {

class Connection;
struct Changelog;

struct MigrationRecord {
    std::string id;
    std::string dateInstalled;  // as PostgreSQL prints it
    std::string module;
    std::string versionText;
    std::optional<Version> version;  // nullopt when the stored text is not a version
    bool betaTesting = false;
    std::vector<std::string> changelogFiles;
    std::string parametersJson;  // "{}" when NULL
    int tableVersion = 0;
    std::optional<std::string> pumVersion;  // nullopt: NULL, or a table older than layout 3
};

// The installed module at a glance (pum's migration_summary).
struct MigrationSummary {
    std::string schema;
    MigrationRecord latest;                   // the record of the highest version
    std::string installedDate;                // the first record's date
    std::optional<std::string> upgradeDate;   // the latest record's, when later than the first
};

class MigrationTable {
public:
    static constexpr int kLayoutVersion = 3;
    static constexpr const char* kTableName = "pum_migrations";

    MigrationTable(Connection& connection, std::string schema);

    const std::string& schema() const { return schema_; }
    std::string qualifiedName() const;  // quoted "schema"."pum_migrations"

    bool exists();
    // Schemas other than ours holding a pum_migrations table.
    std::vector<std::string> otherSchemas();
    // Every schema holding a pum_migrations table, sorted.
    static std::vector<std::string> schemasWithTable(Connection& connection);
    // Refuses (CommandError) when another schema holds a pum_migrations table,
    // unless `allowMultipleModules`.
    void refuseOtherModules(bool allowMultipleModules);

    // Transaction-scoped advisory lock keyed on this table's name: a second
    // session running a command on the same table waits here until the first commits.
    void lock();

    // Layout version read from the table's rows (or comment when empty).
    int layoutVersion();
    // Upgrades a version 1 or 2 table to version 3 in place (no-op when current).
    void upgradeLayout();
    // CREATE SCHEMA IF NOT EXISTS + CREATE TABLE + comment.
    void create();

    std::vector<MigrationRecord> records();
    // The record of the highest version, compared as versions (not as text).
    std::optional<MigrationRecord> latest();
    // The same, among records already read (in installation order).
    static std::optional<MigrationRecord> latestOf(const std::vector<MigrationRecord>& records);
    // The newest record of `version` (nullopt when it was never recorded).
    std::optional<MigrationRecord> recordOf(const Version& version);
    // nullopt when the table holds no version.
    std::optional<MigrationSummary> summary();

    void insert(const std::string& module, const Version& version, bool betaTesting,
                const std::vector<std::string>& changelogFiles, const ParameterValues& parameters);
    // Records `version` as installed without running anything, after bringing
    // the table to the current layout. Refused at or below the current version.
    void setBaseline(const std::string& module, const Version& version, bool betaTesting = false,
                     const std::vector<std::string>& changelogFiles = {}, const ParameterValues& parameters = {});

private:
    Connection& connection_;
    std::string schema_;
};

// How the installed version compares with the module's changelogs (pum's
// SchemaMigrations.compare): -1 when newer changelogs are pending, 0 when the
// newest is installed. Throws CommandError when the table holds no version or
// the installed version has no changelog folder.
int compareWithChangelogs(MigrationTable& table, const std::vector<Changelog>& changelogs);

}  // namespace pum
