#pragma once
// Compares the structure of two databases (pum's `check`): typically an
// upgraded database against a fresh install of the same version.
//
// Compared, each as one "check": tables, columns, constraints, views (their
// definitions), sequences, indexes, triggers, functions and rules. Left out:
// pg_catalog, information_schema, pg_toast*, pg_temp*, schemas named in
// `excludeSchemas`, and every object that belongs to an extension (PostGIS's
// spatial_ref_sys, geometry_columns, its functions...), so two databases
// with PostGIS in `public` compare equal on the module's objects alone.
// Columns, constraints, indexes, triggers and rules are compared only on
// relations that exist in both databases: a missing table is reported once,
// under tables, not once per column.
#include <string>
#include <vector>

namespace pum {

class Connection;

struct CheckOptions {
    // Kinds to skip: any of checkKinds(). Unknown kinds are refused.
    std::vector<std::string> ignore;
    // Schemas left out, by exact name.
    std::vector<std::string> excludeSchemas;
    // Column names left out, as SQL LIKE patterns (`usr_%`), as pum does.
    std::vector<std::string> excludeFieldPatterns;
};

struct Difference {
    // Removed: only in the first database; Added: only in the second;
    // Changed: in both, with different definitions.
    enum class Type { Removed, Added, Changed };
    Type type = Type::Removed;
    std::string object;  // "schema.table.column", "schema.function(args)"...
    std::string first;   // definition in the first database ("" when absent)
    std::string second;  // definition in the second database ("" when absent)
};

struct CheckResult {
    std::string key;   // "tables", "columns"...
    std::string name;  // "Tables", "Columns"...
    std::vector<Difference> differences;
    bool passed() const { return differences.empty(); }
};

struct ComparisonReport {
    std::string first;      // description of the first database (no password)
    std::string second;
    std::string timestamp;  // UTC, ISO 8601
    std::vector<CheckResult> checks;  // the kinds compared, in checkKinds() order
    bool passed() const;
    std::size_t differenceCount() const;
};

// "tables", "columns", "constraints", "views", "sequences", "indexes",
// "triggers", "functions", "rules".
const std::vector<std::string>& checkKinds();

// Reads both catalogs (read-only; no transaction is left open) and compares them.
ComparisonReport compareDatabases(Connection& first, Connection& second, const CheckOptions& options = {});

// The report as plain text (one line per difference, multi-line definitions
// as a line diff), as JSON, and as a self-contained HTML page.
std::string reportText(const ComparisonReport& report);
std::string reportJson(const ComparisonReport& report);
std::string reportHtml(const ComparisonReport& report);

}  // namespace pum
