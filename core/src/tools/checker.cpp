#include "pum/tools/checker.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "base/text.h"

namespace pum {

using detail::html;

namespace {

// Schemas never compared, plus the user's exclusions ($1).
const char* kSchemaFilter =
    " n.nspname <> ALL($1::text[]) AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    " AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_' ";

// Objects created by an extension (PostGIS...) are the extension's business.
std::string notInExtension(const std::string& catalog, const std::string& oid)
{
    return " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep WHERE dep.classid = '" + catalog +
           "'::regclass AND dep.objid = " + oid + " AND dep.deptype = 'e') ";
}

const std::string kRelationJoin =
    " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace ";

struct Kind {
    const char* key;
    const char* name;
    bool perRelation;  // rows carry their relation; compared only on relations in both databases
    bool normalized;   // definitions are expressions PostgreSQL may re-print differently after a restore
    const char* definitionKey;                 // pum's report key of the definition
    std::vector<const char*> identityKeys;     // pum's report keys of the object's name parts
};

const Kind kKinds[] = {
    {"tables", "Tables", false, false, "table_type", {"table_schema", "table_name"}},
    {"columns", "Columns", true, true, "column_definition", {"table_schema", "table_name", "column_name"}},
    {"constraints", "Constraints", true, true, "constraint_definition",
     {"constraint_schema", "table_name", "constraint_name"}},
    {"views", "Views", false, true, "view_definition", {"table_schema", "table_name"}},
    {"sequences", "Sequences", false, false, "sequence_definition", {"schema_name", "relname"}},
    {"indexes", "Indexes", true, true, "index_definition", {"schema_name", "table_name", "index_name"}},
    // Triggers are listed on every table, as pum does: one on a table found in
    // one database only still names a function the other one may lack.
    {"triggers", "Triggers", false, true, "trigger_definition", {"schema_name", "relname", "tgname"}},
    {"functions", "Functions", false, false, "routine_definition",
     {"routine_schema", "routine_name", "routine_arguments"}},
    {"rules", "Rules", true, true, "rule_definition", {"rule_schema", "rule_table", "rule_name"}},
};

const Kind& kindOf(const std::string& key)
{
    for (const auto& kind : kKinds)
        if (key == kind.key) return kind;
    throw Error("unknown check kind " + key);
}

// SELECT object, relation, definition, name parts...: `identity` goes after
// the definition so that every query reads the same first three columns.
std::string select(const std::string& object, const std::string& relation, const std::string& definition,
                   const std::string& identity)
{
    return "SELECT " + object + ", " + relation + ", " + definition + ", " + identity;
}

const std::string kRelationIdentity = "n.nspname, c.relname";

// Each query returns (object, relation or NULL, definition, name parts...).
// $1: excluded schemas, $2: excluded column patterns (LIKE).
std::string query(const std::string& key, bool viewColumns)
{
    // Our side table (MigrationDetails::kTableName, a layer above) is bookkeeping,
    // there only where demo data was loaded: never a difference of structure.
    const std::string rel = notInExtension("pg_catalog.pg_class", "c.oid") + " AND c.relname <> 'pum_migration_details' ";
    const std::string relation = "format('%I.%I', n.nspname, c.relname)";
    if (key == "relations")
        return select(relation, "NULL", "c.relkind::text", kRelationIdentity) + kRelationJoin +
               "WHERE c.relkind IN ('r','p','f','v','m') AND" + kSchemaFilter + rel;
    if (key == "tables")
        return select(relation, "NULL",
                      "CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table' ELSE 'table' END"
                      " || CASE c.relpersistence WHEN 'u' THEN ' (unlogged)' ELSE '' END",
                      kRelationIdentity) +
               kRelationJoin + "WHERE c.relkind IN ('r','p','f') AND" + kSchemaFilter + rel;
    if (key == "columns")
        return select("format('%I.%I.%I', n.nspname, c.relname, a.attname)", relation,
                      "format_type(a.atttypid, a.atttypmod)"
                      " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                      " || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'"
                      "         ELSE COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') END"
                      " || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY'"
                      "                       WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END",
                      kRelationIdentity + ", a.attname") +
               kRelationJoin +
               "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
               "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum "
               "WHERE a.attnum > 0 AND NOT a.attisdropped AND NOT (a.attname LIKE ANY($2::text[])) AND c.relkind IN " +
               std::string(viewColumns ? "('r','p','f','v','m')" : "('r','p','f')") + " AND" + kSchemaFilter + rel;
    if (key == "constraints")
        return select("format('%I.%I.%I', n.nspname, c.relname, con.conname)", relation,
                      "pg_get_constraintdef(con.oid, true)", kRelationIdentity + ", con.conname") +
               kRelationJoin + "JOIN pg_catalog.pg_constraint con ON con.conrelid = c.oid "
               "WHERE con.contype IN ('p','u','f','c','x') AND" + kSchemaFilter + rel;
    if (key == "views")
        return select(relation, "NULL",
                      "CASE c.relkind WHEN 'm' THEN 'materialized view: ' ELSE '' END || pg_get_viewdef(c.oid, true)",
                      kRelationIdentity) +
               kRelationJoin + "WHERE c.relkind IN ('v','m') AND" + kSchemaFilter + rel;
    if (key == "sequences")
        return select(relation, "NULL",
                      "format('%s increment %s minvalue %s maxvalue %s cache %s%s', format_type(s.seqtypid, NULL),"
                      " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END)",
                      kRelationIdentity) +
               kRelationJoin + "JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid WHERE" + kSchemaFilter + rel;
    if (key == "indexes")
        return select("format('%I.%I.%I', n.nspname, c.relname, i.relname)", relation, "pg_get_indexdef(i.oid, 0, true)",
                      kRelationIdentity + ", i.relname") +
               kRelationJoin + "JOIN pg_catalog.pg_index x ON x.indrelid = c.oid "
               "JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE" + kSchemaFilter + rel;
    if (key == "triggers")
        return select("format('%I.%I.%I', n.nspname, c.relname, t.tgname)", relation,
                      "pg_get_triggerdef(t.oid, true) || CASE t.tgenabled WHEN 'D' THEN ' (disabled)' ELSE '' END",
                      kRelationIdentity + ", t.tgname") +
               kRelationJoin + "JOIN pg_catalog.pg_trigger t ON t.tgrelid = c.oid "
               "WHERE NOT t.tgisinternal AND" + kSchemaFilter + rel;
    if (key == "functions")
        return select("format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))", "NULL",
                      "CASE WHEN p.prokind = 'a' THEN 'aggregate returning ' || format_type(p.prorettype, NULL)"
                      "     ELSE pg_get_functiondef(p.oid) END",
                      "n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)") +
               " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE" +
               std::string(kSchemaFilter) + notInExtension("pg_catalog.pg_proc", "p.oid");
    if (key == "rules")
        return select("format('%I.%I.%I', n.nspname, c.relname, r.rulename)", relation, "pg_get_ruledef(r.oid, true)",
                      kRelationIdentity + ", r.rulename") +
               kRelationJoin + "JOIN pg_catalog.pg_rewrite r ON r.ev_class = c.oid "
               // A view's _RETURN rule is its definition, compared under views.
               "WHERE r.rulename <> '_RETURN' AND" + kSchemaFilter + rel;
    throw Error("unknown check kind " + key);
}

struct Row {
    std::string relation;
    std::string definition;
    std::vector<std::string> identity;  // the name parts, in the kind's identityKeys order
};
using Rows = std::map<std::string, Row>;

Rows fetch(Connection& c, const std::string& sql, const CheckOptions& options, bool normalized)
{
    Rows rows;
    // Only the columns query takes the patterns: an unused parameter has no type and is refused.
    std::vector<std::optional<std::string>> params{textArrayLiteral(options.excludeSchemas)};
    if (sql.find("$2") != std::string::npos) params.emplace_back(textArrayLiteral(options.excludeFieldPatterns));
    auto r = c.execParams(sql, params);
    for (int i = 0; i < r.rows(); ++i) {
        Row row{r.value(i, 1), normalized ? normalizeDefinition(r.value(i, 2)) : r.value(i, 2), {}};
        for (int column = 3; column < r.columns(); ++column) row.identity.push_back(r.value(i, column));
        rows[r.value(i, 0)] = std::move(row);
    }
    return rows;
}

std::vector<std::pair<std::string, std::string>> identityOf(const Kind& kind, const Row& row)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < kind.identityKeys.size() && i < row.identity.size(); ++i)
        out.emplace_back(kind.identityKeys[i], row.identity[i]);
    return out;
}

std::string nowUtc()
{
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// A line diff by longest common subsequence: ' ' kept, '-' only in a, '+' only in b.
std::vector<std::pair<char, std::string>> lineDiff(const std::string& a, const std::string& b)
{
    const auto x = splitLines(a), y = splitLines(b);
    std::vector<std::pair<char, std::string>> out;
    const size_t n = x.size(), m = y.size();
    if (n * m > 4'000'000) {  // too large to align: show both sides whole
        for (const auto& l : x) out.emplace_back('-', l);
        for (const auto& l : y) out.emplace_back('+', l);
        return out;
    }
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && x[i] == y[j]) {
            out.emplace_back(' ', x[i]);
            ++i, ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.emplace_back('-', x[i++]);  // removals first, as diff shows them
        } else {
            out.emplace_back('+', y[j++]);
        }
    }
    return out;
}

bool multiLine(const std::string& s) { return s.find('\n') != std::string::npos || s.size() > 100; }

std::string firstLine(const std::string& s)
{
    auto nl = s.find('\n');
    std::string line = s.substr(0, nl);
    if (line.size() > 100) line = line.substr(0, 100) + "...";
    return nl == std::string::npos ? line : line + " ...";
}

// One check: the objects of `a` and `b` that `compared` keeps, matched by name.
template <typename Keep>
CheckResult compareRows(const Kind& kind, const Rows& a, const Rows& b, Keep compared)
{
    CheckResult result;
    result.key = kind.key;
    result.name = kind.name;
    std::set<std::string> keys;
    for (const auto& [k, row] : a)
        if (compared(row)) keys.insert(k);
    for (const auto& [k, row] : b)
        if (compared(row)) keys.insert(k);
    for (const auto& key : keys) {
        auto ia = a.find(key), ib = b.find(key);
        Difference d;
        d.object = key;
        if (ib == b.end()) {
            d.type = Difference::Type::Removed;
            d.first = ia->second.definition;
        } else if (ia == a.end()) {
            d.type = Difference::Type::Added;
            d.second = ib->second.definition;
        } else if (ia->second.definition != ib->second.definition) {
            d.type = Difference::Type::Changed;
            d.first = ia->second.definition;
            d.second = ib->second.definition;
        } else {
            continue;
        }
        d.identity = identityOf(kind, ia != a.end() ? ia->second : ib->second);
        result.differences.push_back(std::move(d));
    }
    return result;
}

// ---------------------------------------------------------------- normalisation

bool isTypeName(const std::string& text)
{
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == ' ' || c == '.' || c == '"' || c == '(' || c == ')' ||
               c == ',' || c == '[' || c == ']';
    });
}

// Positions of the top-level (outside quotes and brackets) occurrences of
// `token` ("::" or ",") in `text`.
std::vector<std::size_t> topLevel(const std::string& text, const std::string& token)
{
    std::vector<std::size_t> out;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'' || c == '"') {
            const std::size_t close = text.find(c, i + 1);  // '' and "" are two adjacent quoted runs: same result
            if (close == std::string::npos) break;
            i = close;
        } else if (c == '(' || c == '[') {
            ++depth;
        } else if (c == ')' || c == ']') {
            --depth;
        } else if (depth == 0 && text.compare(i, token.size(), token) == 0) {
            out.push_back(i);
            i += token.size() - 1;
        }
    }
    return out;
}

std::string trim(const std::string& text)
{
    const auto begin = text.find_first_not_of(' ');
    if (begin == std::string::npos) return "";
    return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

// The elements of an ARRAY[...] that are all `e::T1::T2` with the same T2,
// rewritten `ARRAY[e::T1, ...]::T2[]`; anything else unchanged.
std::string normalizeArray(const std::string& inner, bool castFollows)
{
    const std::string original = "ARRAY[" + inner + "]";
    if (castFollows || inner.empty()) return original;
    std::vector<std::string> elements;
    std::size_t start = 0;
    for (std::size_t comma : topLevel(inner, ",")) {
        elements.push_back(trim(inner.substr(start, comma - start)));
        start = comma + 1;
    }
    elements.push_back(trim(inner.substr(start)));
    std::string outerType, rewritten;
    for (const auto& element : elements) {
        const auto casts = topLevel(element, "::");
        if (casts.size() < 2) return original;
        const std::string type = element.substr(casts.back() + 2);
        const std::string innerType = element.substr(casts[casts.size() - 2] + 2, casts.back() - casts[casts.size() - 2] - 2);
        if (!isTypeName(type) || !isTypeName(innerType) || (!outerType.empty() && type != outerType)) return original;
        outerType = type;
        rewritten += (rewritten.empty() ? "" : ", ") + element.substr(0, casts.back());
    }
    return "ARRAY[" + rewritten + "]::" + outerType + "[]";
}

// The index of the ']' closing the '[' at `open`, or npos.
std::size_t closingBracket(const std::string& text, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'' || c == '"') {
            i = text.find(c, i + 1);
            if (i == std::string::npos) return i;
        } else if (c == '[' || c == '(') {
            ++depth;
        } else if ((c == ']' || c == ')') && --depth == 0) {
            return c == ']' ? i : std::string::npos;
        }
    }
    return std::string::npos;
}

bool identifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

}  // namespace

bool ComparisonReport::passed() const
{
    return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.passed(); });
}

std::size_t ComparisonReport::differenceCount() const
{
    std::size_t n = 0;
    for (const auto& c : checks) n += c.differences.size();
    return n;
}

const std::vector<std::string>& checkKinds()
{
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> out;
        for (const auto& k : kKinds) out.emplace_back(k.key);
        return out;
    }();
    return kinds;
}

std::string checkName(const std::string& kind) { return kindOf(kind).name; }

std::string checkDefinitionKey(const std::string& kind) { return kindOf(kind).definitionKey; }

std::string normalizeDefinition(const std::string& definition)
{
    std::string out;
    for (std::size_t i = 0; i < definition.size(); ++i) {
        const char c = definition[i];
        if (c == '\'' || c == '"') {  // a literal or quoted name is copied as is
            std::size_t close = definition.find(c, i + 1);
            if (close == std::string::npos) close = definition.size() - 1;
            out += definition.substr(i, close - i + 1);
            i = close;
            continue;
        }
        if (definition.compare(i, 6, "ARRAY[") == 0 && (i == 0 || !identifierChar(definition[i - 1]))) {
            const std::size_t close = closingBracket(definition, i + 5);
            if (close != std::string::npos) {
                // Nested arrays first, so that their own casts are already canonical.
                const std::string inner = normalizeDefinition(definition.substr(i + 6, close - i - 6));
                out += normalizeArray(inner, definition.compare(close + 1, 2, "::") == 0);
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

void mergeChanges(CheckResult& result)
{
    auto& list = result.differences;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].type != Difference::Type::Removed) continue;
        for (std::size_t j = 0; j < list.size(); ++j) {
            if (list[j].type != Difference::Type::Added || list[j].object != list[i].object) continue;
            list[i].type = Difference::Type::Changed;
            list[i].second = list[j].second;
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(j));
            if (j < i) --i;
            break;
        }
    }
}

namespace {

void refuseUnknownKinds(const CheckOptions& options)
{
    for (const auto& kind : options.ignore)
        if (std::find(checkKinds().begin(), checkKinds().end(), kind) == checkKinds().end()) {
            std::string list;
            for (const auto& k : checkKinds()) list += (list.empty() ? "" : ", ") + k;
            throw CommandError("unknown kind to ignore: \"" + kind + "\" (one of " + list + ")");
        }
}

bool ignoredKind(const CheckOptions& options, const std::string& kind)
{
    return std::find(options.ignore.begin(), options.ignore.end(), kind) != options.ignore.end();
}

}  // namespace

struct SchemaSnapshot::Data {
    Rows relations;
    std::map<std::string, Rows> kinds;  // by kind key; ignored kinds absent
};

SchemaSnapshot readSchema(Connection& connection, const CheckOptions& options)
{
    refuseUnknownKinds(options);
    auto data = std::make_shared<SchemaSnapshot::Data>();
    const bool viewColumns = !ignoredKind(options, "views");
    data->relations = fetch(connection, query("relations", viewColumns), options, false);
    for (const auto& kind : kKinds)
        if (!ignoredKind(options, kind.key))
            data->kinds[kind.key] = fetch(connection, query(kind.key, viewColumns), options, kind.normalized);
    if (auto views = data->kinds.find("views"); views != data->kinds.end())
        for (auto& [name, row] : views->second) row.definition = normalizeViewDefinition(row.definition);
    SchemaSnapshot snapshot;
    snapshot.database = connection.describe();
    snapshot.data = std::move(data);
    return snapshot;
}

ComparisonReport compareSchemas(const SchemaSnapshot& first, const SchemaSnapshot& second,
                                const CheckOptions& options, bool everyRelation)
{
    refuseUnknownKinds(options);
    if (!first.data || !second.data) throw Error("compareSchemas: a snapshot was not read");
    ComparisonReport report;
    report.first = first.database;
    report.second = second.database;
    report.timestamp = nowUtc();

    // Relations in both databases: per-relation kinds are compared on these only.
    const Rows& rel1 = first.data->relations;
    const Rows& rel2 = second.data->relations;
    auto common = [&](const std::string& relation) { return rel1.count(relation) && rel2.count(relation); };
    static const Rows none;
    auto rowsOf = [](const SchemaSnapshot& snapshot, const std::string& key) -> const Rows& {
        auto it = snapshot.data->kinds.find(key);
        return it == snapshot.data->kinds.end() ? none : it->second;
    };

    for (const auto& kind : kKinds) {
        if (ignoredKind(options, kind.key)) continue;
        report.checks.push_back(compareRows(kind, rowsOf(first, kind.key), rowsOf(second, kind.key),
                                            [&](const Row& row) {
                                                return everyRelation || !kind.perRelation || common(row.relation);
                                            }));
    }
    return report;
}

ComparisonReport compareDatabases(Connection& first, Connection& second, const CheckOptions& options)
{
    refuseUnknownKinds(options);
    const SchemaSnapshot a = readSchema(first, options);
    const SchemaSnapshot b = readSchema(second, options);
    return compareSchemas(a, b, options);
}

std::string reportText(const ComparisonReport& report)
{
    std::ostringstream out;
    out << "first:  " << report.first << "\nsecond: " << report.second << "\n";
    for (const auto& check : report.checks) {
        out << check.name << ": ";
        if (check.passed()) {
            out << "OK\n";
            continue;
        }
        out << check.differences.size() << " difference" << (check.differences.size() > 1 ? "s" : "") << "\n";
        for (const auto& d : check.differences) {
            switch (d.type) {
            case Difference::Type::Removed:
                out << "  - " << d.object << " (only in first): " << firstLine(d.first) << "\n";
                break;
            case Difference::Type::Added:
                out << "  + " << d.object << " (only in second): " << firstLine(d.second) << "\n";
                break;
            case Difference::Type::Changed:
                if (!multiLine(d.first) && !multiLine(d.second)) {
                    out << "  ~ " << d.object << ": " << d.first << " -> " << d.second << "\n";
                } else {
                    out << "  ~ " << d.object << ":\n";
                    for (const auto& [mark, line] : lineDiff(d.first, d.second))
                        if (mark != ' ') out << "      " << mark << " " << line << "\n";
                }
                break;
            }
        }
    }
    if (report.passed())
        out << "OK: no differences\n";
    else
        out << "DIFFERENCES FOUND: " << report.differenceCount() << "\n";
    return out.str();
}

namespace {

using OrderedJson = nlohmann::ordered_json;  // keys in pum's order, not sorted

// pum's content of one side of a difference: the name parts, then the definition.
OrderedJson content(const std::string& kind, const Difference& d, const std::string& definition)
{
    OrderedJson c = OrderedJson::object();
    if (d.identity.empty()) c["object"] = d.object;
    for (const auto& [key, value] : d.identity) c[key] = value;
    std::string definitionKey = "definition";
    try {
        definitionKey = checkDefinitionKey(kind);
    } catch (const Error&) {
        // a report built by hand may use a kind of its own
    }
    c[definitionKey] = definition;
    return c;
}

// pum lists a change as the removed object then the added one.
OrderedJson pumItems(const CheckResult& check)
{
    OrderedJson items = OrderedJson::array();
    for (const auto& d : check.differences) {
        if (d.type != Difference::Type::Added)
            items.push_back({{"type", "removed"}, {"content", content(check.key, d, d.first)}});
        if (d.type != Difference::Type::Removed)
            items.push_back({{"type", "added"}, {"content", content(check.key, d, d.second)}});
    }
    return items;
}

}  // namespace

std::string reportJson(const ComparisonReport& report)
{
    OrderedJson checks = OrderedJson::array();
    std::size_t passed = 0, differences = 0;
    for (const auto& check : report.checks) {
        OrderedJson items = pumItems(check);
        passed += check.passed() ? 1 : 0;
        differences += items.size();
        checks.push_back({{"name", check.name},
                          {"key", check.key},
                          {"passed", check.passed()},
                          {"difference_count", items.size()},
                          {"differences", std::move(items)}});
    }
    OrderedJson j{{"pg_connection1", report.first},
                  {"pg_connection2", report.second},
                  {"timestamp", report.timestamp},
                  {"passed", report.passed()},
                  {"total_checks", report.checks.size()},
                  {"passed_checks", passed},
                  {"failed_checks", report.checks.size() - passed},
                  {"total_differences", differences},
                  {"check_results", std::move(checks)}};
    return j.dump(2);
}

namespace {

const char* kHtmlStyle = R"CSS(
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;padding:20px;background:#f5f5f5;color:#333;line-height:1.5}
.container{max-width:1200px;margin:0 auto;background:#fff;border-radius:8px;box-shadow:0 2px 4px rgba(0,0,0,.1);overflow:hidden}
.header{background:#4a5a9a;color:#fff;padding:24px 30px} .header h1{margin:0 0 8px;font-size:26px} .meta{opacity:.9;font-size:14px}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:16px;padding:24px 30px;background:#f8f9fa;border-bottom:1px solid #e9ecef}
.summary-card{background:#fff;padding:14px 18px;border-radius:6px;border-left:4px solid #4a5a9a}
.summary-card.success{border-left-color:#28a745} .summary-card.error{border-left-color:#dc3545}
.summary-card .value{font-size:28px;font-weight:bold} .summary-card .label{font-size:13px;color:#6c757d;text-transform:uppercase}
.content{padding:24px 30px} .toolbar{margin-bottom:12px} .toolbar button{margin-right:6px}
.check-section{border:1px solid #e9ecef;border-radius:6px;margin-bottom:16px}
.check-header{background:#f8f9fa;padding:12px 18px;cursor:pointer;font-weight:600;font-size:17px}
.badge{float:right;font-size:13px;padding:2px 10px;border-radius:10px;color:#fff} .badge.success{background:#28a745} .badge.error{background:#dc3545}
.check-body{padding:8px 18px} .diff-list{list-style:none;margin:0;padding:0}
.diff-item{padding:6px 10px;margin:4px 0;border-radius:4px;font-family:ui-monospace,monospace;font-size:13px}
.diff-item.removed{background:#fdecea} .diff-item.added{background:#e6f4ea} .diff-item.changed{background:#fff8e1}
.diff-marker{font-weight:bold;margin-right:6px} .db-label{color:#6c757d;margin-left:8px;font-family:system-ui,sans-serif}
.schema-object{font-weight:600} .object-detail{margin:4px 0 0 18px} .object-detail summary{cursor:pointer;color:#4a5a9a}
pre{margin:4px 0;white-space:pre-wrap} .del{background:#f8c9c4;display:block} .ins{background:#c6efce;display:block}
.footer{padding:12px 30px;color:#6c757d;font-size:12px;border-top:1px solid #e9ecef}
)CSS";

// Expand or collapse every section at once; each one also opens by itself
// (<details>), so the page reads without scripts too.
const char* kHtmlScript = R"JS(
function toggleCollapsible(open) {
  document.querySelectorAll('details.collapsible-toggle').forEach(function (d) { d.open = open; });
}
)JS";

void htmlDefinition(std::ostringstream& out, const std::string& definition)
{
    if (definition.empty()) return;
    if (!multiLine(definition)) {
        out << "<div class=\"object-detail\"><code>" << html(definition) << "</code></div>";
        return;
    }
    out << "<details class=\"object-detail collapsible-toggle\"><summary>" << html(firstLine(definition))
        << "</summary><pre class=\"collapsible-content\">" << html(definition) << "</pre></details>";
}

void htmlDifference(std::ostringstream& out, const Difference& d)
{
    static const char* marks[] = {"-", "+", "~"};
    static const char* labels[] = {"only in first", "only in second", "changed"};
    const int t = static_cast<int>(d.type);
    out << "<li class=\"diff-item " << toString(d.type) << "\"><span class=\"diff-marker\">" << marks[t]
        << "</span><span class=\"schema-object\">" << html(d.object) << "</span><span class=\"db-label\">" << labels[t]
        << "</span>";
    if (d.type == Difference::Type::Changed) {
        out << "<div class=\"object-detail\"><pre>";
        for (const auto& [mark, line] : lineDiff(d.first, d.second)) {
            if (mark == '-') out << "<span class=\"del\">- " << html(line) << "</span>";
            else if (mark == '+') out << "<span class=\"ins\">+ " << html(line) << "</span>";
            else out << "  " << html(line) << "\n";
        }
        out << "</pre></div>";
    } else {
        htmlDefinition(out, d.type == Difference::Type::Removed ? d.first : d.second);
    }
    out << "</li>\n";
}

void htmlCheck(std::ostringstream& out, const CheckResult& check)
{
    out << "<details class=\"check-section collapsible-toggle\" id=\"" << html(check.key) << "\""
        << (check.passed() ? "" : " open") << "><summary class=\"check-header\">" << html(check.name)
        << "<span class=\"badge " << (check.passed() ? "success\">OK" : "error\">" + std::to_string(check.differences.size()) +
                                                                         " difference(s)")
        << "</span></summary>\n<div class=\"check-body collapsible-content\">";
    if (check.passed()) {
        out << "<p>No differences.</p>";
    } else {
        out << "<ul class=\"diff-list\">\n";
        for (const auto& d : check.differences) htmlDifference(out, d);
        out << "</ul>";
    }
    out << "</div></details>\n";
}

}  // namespace

std::string reportHtml(const ComparisonReport& report)
{
    std::size_t passed = 0;
    for (const auto& check : report.checks) passed += check.passed() ? 1 : 0;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        << "<title>Database Comparison Report</title>\n<style>" << kHtmlStyle << "</style>\n<script>" << kHtmlScript
        << "</script></head><body>\n<div class=\"container\">\n";
    out << "<div class=\"header\"><h1>Database Comparison Report</h1><div class=\"meta\">first: " << html(report.first)
        << "<br>second: " << html(report.second) << "<br>generated: " << html(report.timestamp) << "</div></div>\n";
    auto card = [&](const char* cls, const char* label, std::size_t value) {
        out << "<div class=\"summary-card " << cls << "\"><div class=\"label\">" << label << "</div><div class=\"value\">"
            << value << "</div></div>";
    };
    out << "<div class=\"summary\">";
    card(report.passed() ? "success" : "error", "differences", report.differenceCount());
    card("", "checks", report.checks.size());
    card("success", "passed", passed);
    card(passed == report.checks.size() ? "success" : "error", "failed", report.checks.size() - passed);
    out << "</div>\n<div class=\"content\">\n<div class=\"toolbar\"><button type=\"button\" "
        << "onclick=\"toggleCollapsible(true)\">Expand all</button><button type=\"button\" "
        << "onclick=\"toggleCollapsible(false)\">Collapse all</button></div>\n";
    for (const auto& check : report.checks) htmlCheck(out, check);
    out << "</div>\n<div class=\"footer\">" << (report.passed() ? "The databases are identical." : "Differences found.")
        << "</div>\n</div></body></html>\n";
    return out.str();
}

const char* toString(Difference::Type type)
{
    switch (type) {
    case Difference::Type::Removed: return "removed";
    case Difference::Type::Added: return "added";
    case Difference::Type::Changed: return "changed";
    }
    return "";
}

}  // namespace pum
