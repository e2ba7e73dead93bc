#pragma once
// pum's `<schema>.pum_migrations` table (layout version 3), read and written
// exactly as pum does, including the in-place upgrade of version 1 and 2 tables.
#include <optional>
#include <string>
#include <vector>

#include "pum/parameter.h"
#include "pum/version.h"

namespace pum {

class Connection;

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
    std::optional<std::string> pumVersion;
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

    void insert(const std::string& module, const Version& version, bool betaTesting,
                const std::vector<std::string>& changelogFiles, const ParameterValues& parameters);

private:
    Connection& connection_;
    std::string schema_;
};

}  // namespace pum
