#include "pum/run/migration_table.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "pum/sql/changelog.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "tool_version.h"

namespace pum {

namespace {

// pum_migrations columns of each layout that matter for reading.
struct Layout {
    bool exists = false;
    bool versionIsInteger = false;  // migration_table_version: varchar in layout 1
    bool moduleNotNull = false;     // made NOT NULL in layout 2
    bool hasPumVersion = false;     // added in layout 3
};

Layout readLayout(Connection& c, const std::string& schema)
{
    auto r = c.execParams(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull "
        "FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = cl.relnamespace "
        "WHERE n.nspname = $1 AND cl.relname = 'pum_migrations' AND a.attnum > 0 AND NOT a.attisdropped",
        {schema});
    Layout layout;
    for (int i = 0; i < r.rows(); ++i) {
        layout.exists = true;
        const auto name = r.value(i, 0);
        if (name == "migration_table_version") layout.versionIsInteger = r.value(i, 1) == "integer";
        if (name == "module") layout.moduleNotNull = r.value(i, 2) == "t";
        if (name == "pum_version") layout.hasPumVersion = true;
    }
    return layout;
}

int layoutNumber(const Layout& layout)
{
    if (layout.hasPumVersion) return 3;
    if (layout.versionIsInteger && layout.moduleNotNull) return 2;
    return 1;
}

}  // namespace

MigrationTable::MigrationTable(Connection& connection, std::string schema)
    : connection_(connection), schema_(std::move(schema))
{
}

std::string MigrationTable::qualifiedName() const
{
    return connection_.quoteIdentifier(schema_) + "." + connection_.quoteIdentifier(kTableName);
}

bool MigrationTable::exists()
{
    auto r = connection_.execParams(
        "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND c.relname = 'pum_migrations' AND c.relkind IN ('r', 'p'))",
        {schema_});
    return r.value(0, 0) == "t";
}

std::vector<std::string> MigrationTable::otherSchemas()
{
    auto r = connection_.execParams(
        "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relname = 'pum_migrations' AND c.relkind IN ('r', 'p') AND n.nspname <> $1 ORDER BY 1",
        {schema_});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.value(i, 0));
    return out;
}

std::vector<std::string> MigrationTable::schemasWithTable(Connection& connection)
{
    auto r = connection.exec(
        "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relname = 'pum_migrations' AND c.relkind IN ('r', 'p') ORDER BY 1");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.value(i, 0));
    return out;
}

void MigrationTable::refuseOtherModules(bool allowMultipleModules)
{
    if (allowMultipleModules) return;
    auto others = otherSchemas();
    if (others.empty()) return;
    std::string list;
    for (const auto& s : others) list += (list.empty() ? "" : ", ") + s;
    throw CommandError("another pum module is installed in this database (pum_migrations in schema " + list +
                       "); allow multiple modules (--allow-multiple-modules, or allow_multiple_modules=True "
                       "from Python) to install several modules in one database");
}

void MigrationTable::lock()
{
    // Keyed on the table's name, so commands on other modules' tables don't wait.
    connection_.execParams("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                           {"pum:" + schema_ + "." + kTableName});
}

int MigrationTable::layoutVersion()
{
    Layout layout = readLayout(connection_, schema_);
    if (!layout.exists) throw CommandError("migration table " + schema_ + ".pum_migrations does not exist");
    return layoutNumber(layout);
}

void MigrationTable::upgradeLayout()
{
    const int from = layoutVersion();
    if (from >= kLayoutVersion) return;
    const std::string table = qualifiedName();
    if (from < 2) {
        // Layout 1 kept the layout version as text; existing rows were written by layout 1.
        connection_.exec("ALTER TABLE " + table + " ALTER COLUMN migration_table_version DROP DEFAULT");
        connection_.exec("ALTER TABLE " + table +
                         " ALTER COLUMN migration_table_version TYPE integer USING 1");
        auto missing = connection_.exec("SELECT count(*) FROM " + table + " WHERE module IS NULL");
        if (missing.value(0, 0) != "0") {
            // Only pum's first layout allowed rows without a module: take the one most rows name.
            connection_.exec("UPDATE " + table + " SET module = (SELECT module FROM " + table +
                             " WHERE module IS NOT NULL GROUP BY module ORDER BY count(*) DESC LIMIT 1) "
                             "WHERE module IS NULL");
            auto still = connection_.exec("SELECT count(*) FROM " + table + " WHERE module IS NULL");
            if (still.value(0, 0) != "0")
                throw CommandError("cannot upgrade " + schema_ +
                                   ".pum_migrations: its rows name no module; set the module column first");
        }
        connection_.exec("ALTER TABLE " + table + " ALTER COLUMN module SET NOT NULL");
        connection_.exec("ALTER TABLE " + table + " ALTER COLUMN migration_table_version SET NOT NULL");
    }
    if (from < 3) {
        // Nullable here: which pum wrote the existing rows is unknown (pum leaves them NULL).
        connection_.exec("ALTER TABLE " + table + " ADD COLUMN pum_version character varying(50)");
    }
    connection_.exec("ALTER TABLE " + table + " ALTER COLUMN migration_table_version SET DEFAULT " +
                     std::to_string(kLayoutVersion));
    connection_.exec("COMMENT ON TABLE " + table + " IS 'migration_table_version: " +
                     std::to_string(kLayoutVersion) + "'");
}

void MigrationTable::create()
{
    if (schema_ != "public") connection_.exec("CREATE SCHEMA IF NOT EXISTS " + connection_.quoteIdentifier(schema_));
    const std::string table = qualifiedName();
    connection_.exec("CREATE TABLE " + table +
                     " (\n"
                     "  id uuid DEFAULT gen_random_uuid() PRIMARY KEY,\n"
                     "  date_installed timestamp without time zone NOT NULL DEFAULT now(),\n"
                     "  module character varying(50) NOT NULL,\n"
                     "  version character varying(50) NOT NULL,\n"
                     "  beta_testing boolean NOT NULL DEFAULT false,\n"
                     "  changelog_files text[],\n"
                     "  parameters jsonb,\n"
                     "  migration_table_version integer NOT NULL DEFAULT " +
                     std::to_string(kLayoutVersion) +
                     ",\n"
                     "  pum_version character varying(50) NOT NULL DEFAULT " +
                     connection_.quoteLiteral(PUM_TOOL_VERSION) +
                     "\n"
                     ")");
    connection_.exec("COMMENT ON TABLE " + table + " IS 'migration_table_version: " +
                     std::to_string(kLayoutVersion) + "'");
}

std::vector<MigrationRecord> MigrationTable::records()
{
    Layout layout = readLayout(connection_, schema_);
    if (!layout.exists) throw CommandError("migration table " + schema_ + ".pum_migrations does not exist");
    const std::string sql =
        "SELECT id::text, date_installed::text, module, version, beta_testing, "
        "coalesce(array_to_json(changelog_files)::text, '[]'), coalesce(parameters::text, '{}'), "
        "migration_table_version::text, " +
        std::string(layout.hasPumVersion ? "pum_version" : "NULL") + " FROM " + qualifiedName() +
        " ORDER BY date_installed, id";
    auto r = connection_.exec(sql);
    std::vector<MigrationRecord> out;
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        MigrationRecord rec;
        rec.id = r.value(i, 0);
        rec.dateInstalled = r.value(i, 1);
        rec.module = r.value(i, 2);
        rec.versionText = r.value(i, 3);
        rec.version = Version::tryParse(rec.versionText);
        rec.betaTesting = r.value(i, 4) == "t";
        try {
            for (const auto& f : nlohmann::json::parse(r.value(i, 5)))
                if (f.is_string()) rec.changelogFiles.push_back(f.get<std::string>());
        } catch (const nlohmann::json::exception&) {
            // A malformed array only loses the file list, which is informative.
        }
        rec.parametersJson = r.value(i, 6);
        // Layout 1 stored texts such as "2025.0" here: those rows are layout 1.
        const std::string tv = r.value(i, 7);
        rec.tableVersion = layout.versionIsInteger ? std::atoi(tv.c_str()) : 1;
        rec.pumVersion = r.get(i, 8);
        out.push_back(std::move(rec));
    }
    return out;
}

std::optional<MigrationRecord> MigrationTable::latest() { return latestOf(records()); }

std::optional<MigrationRecord> MigrationTable::latestOf(const std::vector<MigrationRecord>& records)
{
    const MigrationRecord* best = nullptr;
    for (const auto& rec : records) {
        if (!rec.version) continue;
        // Records are in installation order, so among equal versions the newest wins.
        if (!best || *rec.version >= *best->version) best = &rec;
    }
    return best ? std::optional<MigrationRecord>(*best) : std::nullopt;
}

std::optional<MigrationRecord> MigrationTable::recordOf(const Version& version)
{
    std::optional<MigrationRecord> found;
    for (auto& rec : records())
        if (rec.version && *rec.version == version) found = std::move(rec);  // the newest wins
    return found;
}

std::optional<MigrationSummary> MigrationTable::summary()
{
    const auto all = records();
    auto latest = latestOf(all);
    if (!latest) return std::nullopt;
    MigrationSummary summary;
    summary.schema = schema_;
    // Records are in installation order; rows of one transaction share its now().
    summary.installedDate = all.front().dateInstalled;
    if (latest->dateInstalled != summary.installedDate) summary.upgradeDate = latest->dateInstalled;
    summary.latest = std::move(*latest);
    return summary;
}

void MigrationTable::setBaseline(const std::string& module, const Version& version, bool betaTesting,
                                 const std::vector<std::string>& changelogFiles, const ParameterValues& parameters)
{
    if (auto current = latest(); current && *current->version >= version)
        throw CommandError("cannot set baseline " + version.toString() + ": " + schema_ +
                           ".pum_migrations is already at " + current->versionText +
                           " (a baseline must be newer than the installed version)");
    upgradeLayout();
    insert(module, version, betaTesting, changelogFiles, parameters);
}

int compareWithChangelogs(MigrationTable& table, const std::vector<Changelog>& changelogs)
{
    const auto latest = table.latest();
    if (!latest) throw CommandError(table.schema() + ".pum_migrations holds no version: set a baseline first");
    const Version& installed = *latest->version;
    auto same = [&](const Changelog& c) { return c.version == installed; };
    if (std::none_of(changelogs.begin(), changelogs.end(), same))
        throw CommandError("Changelog for version " + latest->versionText + " not found in the source (the module's "
                           "changelogs do not include the version installed in " + table.schema() +
                           ".pum_migrations)");
    auto newer = [&](const Changelog& c) { return c.version > installed; };
    return std::any_of(changelogs.begin(), changelogs.end(), newer) ? -1 : 0;
}

void MigrationTable::insert(const std::string& module, const Version& version, bool betaTesting,
                            const std::vector<std::string>& changelogFiles, const ParameterValues& parameters)
{
    nlohmann::json files = changelogFiles;
    connection_.execParams("INSERT INTO " + qualifiedName() +
                               " (module, version, beta_testing, changelog_files, parameters, "
                               "migration_table_version, pum_version) VALUES ($1, $2, $3, "
                               "ARRAY(SELECT json_array_elements_text($4::json)), $5::jsonb, $6, $7)",
                           {module, version.toString(), betaTesting ? "true" : "false", files.dump(),
                            parametersToJson(parameters), std::to_string(kLayoutVersion),
                            std::string(PUM_TOOL_VERSION)});
}

}  // namespace pum
