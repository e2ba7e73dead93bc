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
// Columns, constraints, indexes and rules are compared only on relations
// that exist in both databases: a missing table is reported once, under
// tables, not once per column. Triggers are compared on every table, as pum does.
//
// Definitions are compared as PostgreSQL prints them, normalised where a
// dump and restore re-prints the same expression differently (see
// normalizeDefinition), so a restored database compares equal to its source.
#include <memory>
#include <string>
#include <utility>
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
    // The object's name parts under pum's report keys, in order
    // ({"table_schema", "od"}, {"table_name", "sign"}): the JSON report's and
    // pum's Python API's "content".
    std::vector<std::pair<std::string, std::string>> identity;
};

// "removed", "added" or "changed" (the reports' words).
const char* toString(Difference::Type type);

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

// The display name ("Tables") and the key of the definition in a difference's
// content ("constraint_definition") of a kind of checkKinds().
std::string checkName(const std::string& kind);
std::string checkDefinitionKey(const std::string& kind);

// `definition` with PostgreSQL's equivalent spellings of one expression made
// one: `ARRAY['a'::character varying::text, ...]` (as re-printed after a
// restore) becomes `ARRAY['a'::character varying, ...]::text[]` (as printed
// for the original `status IN ('a', ...)` on a varchar column).
std::string normalizeDefinition(const std::string& definition);

// A view's query over one relation without its column qualifiers
// (`SELECT s.id FROM t s` becomes `SELECT id FROM t s`): PostgreSQL 16 stopped
// printing them there, so a view compares equal on a 15 and a 16+ server. Any
// other query (a join, a subquery, a set operation) is returned unchanged.
std::string normalizeViewDefinition(const std::string& definition);

// Pairs of a Removed and an Added difference on the same object (as pum's
// reports list a change) become one Changed difference, in place.
void mergeChanges(CheckResult& result);

// Reads both catalogs (read-only; no transaction is left open) and compares them.
ComparisonReport compareDatabases(Connection& first, Connection& second, const CheckOptions& options = {});

// One database's catalog as the checker reads it, kept for a later
// comparison: the dry run reads one inside its transaction before the first
// statement and another after the last.
struct SchemaSnapshot {
    std::string database;  // description (no password)
    struct Data;           // checker.cpp
    std::shared_ptr<const Data> data;
};

// Reads the catalog on `connection` (in its open transaction, if any) as
// compareDatabases does, for the kinds `options` does not ignore.
SchemaSnapshot readSchema(Connection& connection, const CheckOptions& options = {});

// compareDatabases on two snapshots read with the same options. With
// `everyRelation`, per-relation kinds are compared on every relation, not
// only on those in both (a new table then lists its columns and indexes too).
ComparisonReport compareSchemas(const SchemaSnapshot& first, const SchemaSnapshot& second,
                                const CheckOptions& options = {}, bool everyRelation = false);

// The report as plain text (one line per difference, multi-line definitions
// as a line diff), as JSON in pum's layout (pg_connection1, check_results,
// differences as {type, content}; a Changed difference is listed as pum lists
// it: removed with the first definition, then added with the second), and as
// a self-contained HTML page (collapsible sections, no external resource).
std::string reportText(const ComparisonReport& report);
std::string reportJson(const ComparisonReport& report);
std::string reportHtml(const ComparisonReport& report);

}  // namespace pum
