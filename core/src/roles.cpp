#include "pum/roles.h"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "pum/config.h"
#include "pum/database.h"
#include "pum/error.h"
#include "pum/feedback.h"

namespace pum {

namespace {

// Parses a text[] value as returned by the server (elements quoted when needed).
std::vector<std::string> parseTextArray(const std::string& text)
{
    std::vector<std::string> out;
    if (text.size() < 2 || text.front() != '{') return out;
    size_t i = 1;
    while (i < text.size() && text[i] != '}') {
        std::string item;
        if (text[i] == '"') {
            ++i;
            while (i < text.size() && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                item += text[i++];
            }
            ++i;  // closing quote
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '}') item += text[i++];
            if (item == "NULL") item.clear();
        }
        out.push_back(item);
        if (i < text.size() && text[i] == ',') ++i;
    }
    return out;
}

// Which of `names` the catalog query (names in $1) finds.
std::set<std::string> existingNames(Connection& c, const char* query, const std::vector<std::string>& names)
{
    std::set<std::string> out;
    auto r = c.execParams(query, {textArrayLiteral(names)});
    for (int i = 0; i < r.rows(); ++i) out.insert(r.value(i, 0));
    return out;
}

std::set<std::string> existingRoles(Connection& c, const std::vector<std::string>& names)
{
    return existingNames(c, "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])", names);
}

std::set<std::string> existingSchemas(Connection& c, const std::vector<std::string>& names)
{
    return existingNames(c, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])", names);
}

const RoleDefinition* findRole(const Config& config, const std::string& name)
{
    for (const auto& role : config.roles)
        if (role.name == name) return &role;
    return nullptr;
}

// The configured roles an operation applies to, in configuration order.
std::vector<const RoleDefinition*> selectRoles(const Config& config, const RoleOptions& options)
{
    for (const auto& name : options.roles)
        if (!findRole(config, name)) throw CommandError("role \"" + name + "\" is not defined in " + config.configFile.string());
    std::vector<const RoleDefinition*> out;
    for (const auto& role : config.roles)
        if (options.roles.empty() || std::find(options.roles.begin(), options.roles.end(), role.name) != options.roles.end())
            out.push_back(&role);
    return out;
}

std::string withSuffix(const std::string& name, const std::string& suffix)
{
    return suffix.empty() ? name : name + "_" + suffix;
}

// Schemas named by the configuration's permissions, in order of first mention.
std::vector<std::string> moduleSchemas(const Config& config)
{
    std::vector<std::string> out;
    for (const auto& role : config.roles)
        for (const auto& permission : role.permissions)
            for (const auto& schema : permission.schemas)
                if (std::find(out.begin(), out.end(), schema) == out.end()) out.push_back(schema);
    return out;
}

std::string grantStatements(Connection& c, RolePermission::Type type, const std::string& schemaName,
                            const std::string& roleName)
{
    const std::string s = c.quoteIdentifier(schemaName);
    const std::string r = c.quoteIdentifier(roleName);
    const std::string defaults = "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT ";
    std::string sql;
    if (type == RolePermission::Type::Read) {
        sql += "GRANT USAGE ON SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT SELECT, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT EXECUTE ON ALL ROUTINES IN SCHEMA " + s + " TO " + r + ";\n";
        sql += defaults + "SELECT, REFERENCES, TRIGGER ON TABLES TO " + r + ";\n";
        sql += defaults + "USAGE, SELECT ON SEQUENCES TO " + r + ";\n";
        sql += defaults + "EXECUTE ON FUNCTIONS TO " + r + ";\n";
        sql += defaults + "EXECUTE ON ROUTINES TO " + r + ";\n";
        sql += defaults + "USAGE ON TYPES TO " + r + ";\n";
    } else {
        sql += "GRANT ALL ON SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT ALL ON ALL TABLES IN SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT ALL ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT ALL ON ALL FUNCTIONS IN SCHEMA " + s + " TO " + r + ";\n";
        sql += "GRANT ALL ON ALL ROUTINES IN SCHEMA " + s + " TO " + r + ";\n";
        sql += defaults + "ALL ON TABLES TO " + r + ";\n";
        sql += defaults + "ALL ON SEQUENCES TO " + r + ";\n";
        sql += defaults + "ALL ON FUNCTIONS TO " + r + ";\n";
        sql += defaults + "ALL ON ROUTINES TO " + r + ";\n";
        sql += defaults + "ALL ON TYPES TO " + r + ";\n";
    }
    return sql;
}

std::string revokeStatements(Connection& c, const std::string& schemaName, const std::string& roleName)
{
    const std::string s = c.quoteIdentifier(schemaName);
    const std::string r = c.quoteIdentifier(roleName);
    const std::string defaults = "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " REVOKE ALL ON ";
    std::string sql;
    sql += "REVOKE ALL ON SCHEMA " + s + " FROM " + r + ";\n";
    sql += "REVOKE ALL ON ALL TABLES IN SCHEMA " + s + " FROM " + r + ";\n";
    sql += "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + s + " FROM " + r + ";\n";
    sql += "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA " + s + " FROM " + r + ";\n";
    sql += "REVOKE ALL ON ALL ROUTINES IN SCHEMA " + s + " FROM " + r + ";\n";
    for (const char* kind : {"TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES"})
        sql += defaults + kind + " FROM " + r + ";\n";
    return sql;
}

// Roles are shared by every database of the cluster: two installs may create
// the same role at once. The second then waits for the first and fails on the
// unique name; the role exists as wanted, so that is caught and ignored.
std::string tolerantToDuplicates(const std::string& statements)
{
    std::string tag = "$pum$";
    while (statements.find(tag) != std::string::npos) tag.insert(tag.size() - 1, "_");
    return "DO " + tag + " BEGIN " + statements + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END " +
           tag + ";\n";
}

std::string createRoleStatement(Connection& c, const RoleDefinition& def, const std::string& name)
{
    std::string sql = "CREATE ROLE " + c.quoteIdentifier(name) +
                      " NOLOGIN NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE NOREPLICATION;";
    if (!def.description.empty())
        sql += " COMMENT ON ROLE " + c.quoteIdentifier(name) + " IS " + c.quoteLiteral(def.description) + ";";
    return tolerantToDuplicates(sql);
}

// Runs a batch of statements in one round trip (nothing to do when empty).
void runBatch(Connection& c, const std::string& sql)
{
    if (!sql.empty()) c.exec(sql);
}

}  // namespace

// ---------------------------------------------------------------- create / grant

void createRoles(Connection& connection, const Config& config, Feedback& feedback, const std::string& suffix)
{
    RoleOptions options;
    options.suffix = suffix;
    createRoles(connection, config, feedback, options);
}

void createRoles(Connection& c, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    const auto selected = selectRoles(config, options);
    if (selected.empty()) return;
    const bool suffixed = !options.suffix.empty();
    const bool generic = !suffixed || options.createGeneric;

    // Every name involved, to learn in one query which exist already.
    std::vector<std::string> names;
    for (const auto* def : selected) {
        names.push_back(def->name);
        if (suffixed) names.push_back(withSuffix(def->name, options.suffix));
        if (def->inherit) {
            names.push_back(*def->inherit);
            if (suffixed) names.push_back(withSuffix(*def->inherit, options.suffix));
        }
    }
    const auto existing = existingRoles(c, names);
    auto willExist = [&](const std::string& name) {
        if (existing.count(name)) return true;
        for (const auto* def : selected) {
            if (generic && def->name == name) return true;
            if (suffixed && withSuffix(def->name, options.suffix) == name) return true;
        }
        return false;
    };

    // Refuse before changing anything: a role to inherit must be configured
    // (and created now) or exist already.
    for (const auto* def : selected) {
        if (!def->inherit) continue;
        const std::string& x = *def->inherit;
        const bool configured = findRole(config, x) != nullptr;
        const std::string target = (suffixed && configured) ? withSuffix(x, options.suffix) : x;
        if (!willExist(target) || (generic && suffixed && !willExist(x)))
            throw CommandError("role \"" + withSuffix(def->name, options.suffix) + "\" inherits role \"" +
                               (willExist(target) ? x : target) +
                               "\", which does not exist and is not created here (define it in the "
                               "configuration before, or create it first)");
    }

    std::set<std::pair<std::string, std::string>> memberships;  // (member, role), direct
    {
        auto r = c.exec("SELECT m.rolname, g.rolname FROM pg_catalog.pg_auth_members a "
                        "JOIN pg_catalog.pg_roles m ON m.oid = a.member JOIN pg_catalog.pg_roles g ON g.oid = a.roleid");
        for (int i = 0; i < r.rows(); ++i) memberships.emplace(r.value(i, 0), r.value(i, 1));
    }
    auto grantRole = [&](const std::string& role, const std::string& member) {
        if (memberships.count({member, role})) return std::string();
        return tolerantToDuplicates("GRANT " + c.quoteIdentifier(role) + " TO " + c.quoteIdentifier(member) + ";");
    };

    std::string sql;
    for (const auto* def : selected) {
        std::vector<std::string> toCreate;
        if (generic) toCreate.push_back(def->name);
        if (suffixed) toCreate.push_back(withSuffix(def->name, options.suffix));
        for (const auto& name : toCreate) {
            if (existing.count(name)) {
                feedback.log(Feedback::Level::Debug, "role " + name + " exists already");
                continue;
            }
            feedback.log(Feedback::Level::Info, "creating role " + name);
            sql += createRoleStatement(c, *def, name);
        }
    }
    // Memberships after every role exists, whatever the configuration's order.
    for (const auto* def : selected) {
        if (def->inherit) {
            const bool configured = findRole(config, *def->inherit) != nullptr;
            if (generic) sql += grantRole(*def->inherit, def->name);
            if (suffixed)
                sql += grantRole(configured ? withSuffix(*def->inherit, options.suffix) : *def->inherit,
                                 withSuffix(def->name, options.suffix));
        }
        if (suffixed && generic) sql += grantRole(withSuffix(def->name, options.suffix), def->name);
    }
    runBatch(c, sql);
}

void grantPermissions(Connection& connection, const Config& config, Feedback& feedback, const std::string& suffix)
{
    RoleOptions options;
    options.suffix = suffix;
    grantPermissions(connection, config, feedback, options);
}

void grantPermissions(Connection& c, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    const auto selected = selectRoles(config, options);
    std::vector<std::string> names;
    for (const auto* def : selected) names.push_back(withSuffix(def->name, options.suffix));
    const auto roles = existingRoles(c, names);
    std::vector<std::string> missing;
    for (const auto& name : names)
        if (!roles.count(name)) missing.push_back("\"" + name + "\"");
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        throw CommandError("cannot grant permissions: role" + std::string(missing.size() > 1 ? "s " : " ") + list +
                           (missing.size() > 1 ? " do" : " does") + " not exist (create the roles first)");
    }
    const auto schemas = existingSchemas(c, moduleSchemas(config));

    std::string sql;
    for (const auto* def : selected) {
        const std::string name = withSuffix(def->name, options.suffix);
        for (const auto& permission : def->permissions) {
            for (const auto& schema : permission.schemas) {
                if (!schemas.count(schema)) {
                    feedback.log(Feedback::Level::Warning, "schema " + schema + " does not exist: " +
                                                               std::string(permission.type == RolePermission::Type::Read ? "read" : "write") +
                                                               " permission not granted to " + name);
                    continue;
                }
                feedback.log(Feedback::Level::Debug,
                             std::string("granting ") + (permission.type == RolePermission::Type::Read ? "read" : "write") +
                                 " on " + schema + " to " + name);
                sql += grantStatements(c, permission.type, schema, name);
            }
        }
    }
    runBatch(c, sql);
    if (!selected.empty()) feedback.log(Feedback::Level::Info, "permissions granted to " + std::to_string(selected.size()) + " role(s)");
}

void revokePermissions(Connection& c, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    const auto selected = selectRoles(config, options);
    std::vector<std::string> names;
    for (const auto* def : selected) names.push_back(withSuffix(def->name, options.suffix));
    const auto roles = existingRoles(c, names);
    const auto schemaList = moduleSchemas(config);
    const auto schemas = existingSchemas(c, schemaList);
    std::string sql;
    for (const auto& name : names) {
        if (!roles.count(name)) {
            feedback.log(Feedback::Level::Debug, "role " + name + " does not exist: nothing to revoke");
            continue;
        }
        feedback.log(Feedback::Level::Info, "revoking permissions of " + name);
        for (const auto& schema : schemaList)
            if (schemas.count(schema)) sql += revokeStatements(c, schema, name);
    }
    runBatch(c, sql);
}

void dropRoles(Connection& c, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    revokePermissions(c, config, feedback, options);
    const auto selected = selectRoles(config, options);
    // With a suffix only the copies go: the generic roles are shared with the
    // other databases (and their copies); `drop` without a suffix drops them.
    std::vector<std::string> names;
    for (const auto* def : selected) names.push_back(withSuffix(def->name, options.suffix));
    const auto roles = existingRoles(c, names);
    // Dropped in reverse order: a role that inherits another goes first.
    std::string sql;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (!roles.count(*it)) continue;
        feedback.log(Feedback::Level::Info, "dropping role " + *it);
        sql += "DROP ROLE " + c.quoteIdentifier(*it) + ";\n";
    }
    runBatch(c, sql);
}

namespace {

// The module roles (with the suffix) that `user` joins or leaves; `user` must exist.
std::vector<std::string> membershipRoles(Connection& c, const Config& config, const std::string& user,
                                         const RoleOptions& options)
{
    if (existingRoles(c, {user}).empty()) throw CommandError("role \"" + user + "\" does not exist");
    std::vector<std::string> names;
    for (const auto* def : selectRoles(config, options)) names.push_back(withSuffix(def->name, options.suffix));
    return names;
}

}  // namespace

void grantMembership(Connection& c, const Config& config, const std::string& user, const RoleOptions& options)
{
    const auto names = membershipRoles(c, config, user, options);
    const auto roles = existingRoles(c, names);
    std::string sql;
    for (const auto& name : names) {
        if (!roles.count(name)) throw CommandError("role \"" + name + "\" does not exist (create the roles first)");
        sql += "GRANT " + c.quoteIdentifier(name) + " TO " + c.quoteIdentifier(user) + ";\n";
    }
    runBatch(c, sql);
}

void revokeMembership(Connection& c, const Config& config, const std::string& user, const RoleOptions& options)
{
    const auto names = membershipRoles(c, config, user, options);
    const auto roles = existingRoles(c, names);
    std::string sql;
    for (const auto& name : names)
        if (roles.count(name)) sql += "REVOKE " + c.quoteIdentifier(name) + " FROM " + c.quoteIdentifier(user) + ";\n";
    runBatch(c, sql);
}

// ---------------------------------------------------------------- listing

bool SchemaAccess::satisfied() const
{
    if (!exists) return !expectedRead && !expectedWrite;
    if (expectedWrite != hasWrite) return false;
    if (expectedRead != hasRead) return false;
    // Objects created later get their privileges from the default privileges.
    if ((expectedRead || expectedWrite) && !hasDefaultPrivileges) return false;
    return true;
}

bool RoleStatus::ok() const
{
    if (!exists) return false;
    return std::all_of(schemas.begin(), schemas.end(), [](const SchemaAccess& s) { return s.satisfied(); });
}

bool RoleInventory::ok() const
{
    return missing.empty() &&
           std::all_of(configured.begin(), configured.end(), [](const RoleStatus& r) { return r.ok(); });
}

namespace {

// Read/write expected of a configured role, through `inherit` too.
void expectedAccess(const Config& config, const RoleDefinition& def, std::map<std::string, int>& level,
                    std::set<std::string>& seen)
{
    if (!seen.insert(def.name).second) return;  // a cycle is the server's to refuse; don't loop
    for (const auto& p : def.permissions)
        for (const auto& s : p.schemas) level[s] = std::max(level[s], p.type == RolePermission::Type::Write ? 2 : 1);
    if (def.inherit)
        if (const auto* parent = findRole(config, *def.inherit)) expectedAccess(config, *parent, level, seen);
}

// Privileges of the given roles on the given schemas, in one query. Table
// privileges are checked one by one because has_table_privilege() with a
// list answers whether *any* of them is held.
const char* kAccessQuery = R"SQL(
WITH r AS (SELECT oid, rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])),
     s AS (SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($2::text[])),
     rel AS (SELECT c.oid, c.relnamespace, c.relkind,
                    CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                   WHEN 'f' THEN 'foreign table' ELSE 'table' END || ' ' ||
                    quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS label
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relnamespace IN (SELECT oid FROM s) AND c.relkind IN ('r','p','v','m','f','S'))
SELECT r.rolname, s.nspname,
       has_schema_privilege(r.oid, s.oid, 'USAGE'),
       has_schema_privilege(r.oid, s.oid, 'CREATE'),
       ARRAY(SELECT rel.label || ': SELECT' FROM rel WHERE rel.relnamespace = s.oid
             AND NOT has_table_privilege(r.oid, rel.oid, 'SELECT') ORDER BY 1),
       ARRAY(SELECT rel.label || ': ' || p.priv FROM rel,
                    (VALUES ('INSERT'), ('UPDATE'), ('DELETE')) AS p(priv)
             WHERE rel.relnamespace = s.oid AND rel.relkind IN ('r','p','v','f')
               AND NOT has_table_privilege(r.oid, rel.oid, p.priv) ORDER BY 1),
       -- CASE: the planner may evaluate conditions in any order, and
       -- has_sequence_privilege() refuses anything but a sequence.
       ARRAY(SELECT rel.label || ': UPDATE' FROM rel WHERE rel.relnamespace = s.oid
             AND CASE WHEN rel.relkind = 'S' THEN NOT has_sequence_privilege(r.oid, rel.oid, 'UPDATE') ELSE false END
             ORDER BY 1),
       EXISTS (SELECT 1 FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a
               WHERE d.defaclnamespace = s.oid AND d.defaclobjtype = 'r' AND a.privilege_type = 'SELECT'
                 AND CASE WHEN a.grantee = 0 THEN true ELSE pg_has_role(r.oid, a.grantee, 'USAGE') END),
       EXISTS (SELECT 1 FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a
               WHERE d.defaclnamespace = s.oid AND d.defaclobjtype = 'r' AND a.privilege_type = 'INSERT'
                 AND CASE WHEN a.grantee = 0 THEN true ELSE pg_has_role(r.oid, a.grantee, 'USAGE') END),
       (SELECT rolsuper FROM pg_catalog.pg_roles WHERE oid = r.oid)
FROM r CROSS JOIN s
)SQL";

// Roles holding any privilege in the module's schemas (or owning one).
const char* kGranteesQuery = R"SQL(
WITH s AS (SELECT oid, nspname, nspowner, nspacl FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])),
g AS (
    SELECT a.grantee, s.nspname, false AS owner FROM s, aclexplode(s.nspacl) a
    UNION SELECT a.grantee, s.nspname, false FROM s JOIN pg_catalog.pg_class c ON c.relnamespace = s.oid, aclexplode(c.relacl) a
    UNION SELECT a.grantee, s.nspname, false FROM s JOIN pg_catalog.pg_proc p ON p.pronamespace = s.oid, aclexplode(p.proacl) a
    UNION SELECT a.grantee, s.nspname, false FROM s JOIN pg_catalog.pg_default_acl d ON d.defaclnamespace = s.oid, aclexplode(d.defaclacl) a
    UNION SELECT s.nspowner, s.nspname, true FROM s
)
SELECT r.rolname, bool_or(g.owner), array_agg(DISTINCT g.nspname) FROM g JOIN pg_catalog.pg_roles r ON r.oid = g.grantee
GROUP BY r.rolname ORDER BY 1
)SQL";

}  // namespace

RoleInventory listRoles(Connection& c, const Config& config, bool includeSuperusers)
{
    RoleInventory inv;
    inv.schemas = moduleSchemas(config);
    const auto schemasPresent = existingSchemas(c, inv.schemas);

    struct DbRole {
        bool login = false;
        bool super = false;
    };
    std::map<std::string, DbRole> dbRoles;
    {
        auto r = c.exec("SELECT rolname, rolcanlogin, rolsuper FROM pg_catalog.pg_roles WHERE rolname !~ '^pg_'");
        for (int i = 0; i < r.rows(); ++i) dbRoles[r.value(i, 0)] = {r.value(i, 1) == "t", r.value(i, 2) == "t"};
    }
    std::multimap<std::string, std::string> memberOf, members;  // member -> role, role -> member
    {
        auto r = c.exec("SELECT m.rolname, g.rolname FROM pg_catalog.pg_auth_members a "
                        "JOIN pg_catalog.pg_roles m ON m.oid = a.member JOIN pg_catalog.pg_roles g ON g.oid = a.roleid "
                        "ORDER BY 1, 2");
        for (int i = 0; i < r.rows(); ++i) {
            memberOf.emplace(r.value(i, 0), r.value(i, 1));
            members.emplace(r.value(i, 1), r.value(i, 0));
        }
    }

    // Configured roles and the suffixed copies found in the database: a role
    // named `<configured>_<suffix>` that is not itself configured. The longest
    // configured prefix wins ("a_b_x" is a copy of "a_b" when both are configured).
    std::vector<RoleStatus> statuses;
    std::set<std::string> accounted;
    for (const auto& def : config.roles) {
        RoleStatus generic;
        generic.name = def.name;
        generic.configuredName = def.name;
        generic.exists = dbRoles.count(def.name) > 0;
        std::vector<RoleStatus> copies;
        for (const auto& [name, info] : dbRoles) {
            if (name.size() <= def.name.size() + 1 || name.compare(0, def.name.size() + 1, def.name + "_") != 0) continue;
            if (findRole(config, name)) continue;
            bool longer = false;
            for (const auto& other : config.roles)
                if (other.name.size() > def.name.size() && name.size() > other.name.size() + 1 &&
                    name.compare(0, other.name.size() + 1, other.name + "_") == 0)
                    longer = true;
            if (longer) continue;
            RoleStatus copy;
            copy.name = name;
            copy.configuredName = def.name;
            copy.suffix = name.substr(def.name.size() + 1);
            copy.exists = true;
            copies.push_back(copy);
        }
        if (!generic.exists && copies.empty()) inv.missing.push_back(def.name);
        if (generic.exists || copies.empty()) statuses.push_back(generic);
        for (auto& copy : copies) statuses.push_back(std::move(copy));
    }
    for (const auto& s : statuses) accounted.insert(s.name);

    std::vector<RoleStatus> others;
    std::map<std::string, std::set<std::string>> grantedSchemas;  // other role -> schemas where it holds something
    {
        auto r = c.execParams(kGranteesQuery, {textArrayLiteral(inv.schemas)});
        for (int i = 0; i < r.rows(); ++i) {
            const std::string name = r.value(i, 0);
            if (accounted.count(name) || !dbRoles.count(name)) continue;
            if (dbRoles[name].super && !includeSuperusers) continue;
            RoleStatus other;
            other.name = name;
            other.exists = true;
            other.owner = r.value(i, 1) == "t";
            for (const auto& schema : parseTextArray(r.value(i, 2))) grantedSchemas[name].insert(schema);
            others.push_back(other);
        }
    }

    // Privileges of everyone listed, in one round trip.
    std::vector<std::string> names;
    for (const auto& s : statuses)
        if (s.exists) names.push_back(s.name);
    for (const auto& o : others) names.push_back(o.name);
    // Raw privileges per (role, schema); what matters depends on the expectation.
    struct Raw {
        bool usage = false, create = false, super = false, defaultRead = false, defaultWrite = false;
        std::vector<std::string> noSelect, noWrite, noSequenceUpdate;
    };
    std::map<std::pair<std::string, std::string>, Raw> raw;
    if (!names.empty() && !schemasPresent.empty()) {
        auto r = c.execParams(kAccessQuery, {textArrayLiteral(names), textArrayLiteral(inv.schemas)});
        for (int i = 0; i < r.rows(); ++i) {
            Raw x;
            x.usage = r.value(i, 2) == "t";
            x.create = r.value(i, 3) == "t";
            x.noSelect = parseTextArray(r.value(i, 4));
            x.noWrite = parseTextArray(r.value(i, 5));
            x.noSequenceUpdate = parseTextArray(r.value(i, 6));
            x.defaultRead = r.value(i, 7) == "t";
            x.defaultWrite = r.value(i, 8) == "t";
            x.super = r.value(i, 9) == "t";
            raw[{r.value(i, 0), r.value(i, 1)}] = std::move(x);
        }
    }

    auto fill = [&](RoleStatus& status, const std::map<std::string, int>& expected) {
        for (const auto& schema : inv.schemas) {
            SchemaAccess a;
            a.schema = schema;
            a.exists = schemasPresent.count(schema) > 0;
            auto e = expected.find(schema);
            const int level = e == expected.end() ? 0 : e->second;
            a.expectedRead = level >= 1;
            a.expectedWrite = level >= 2;
            if (auto it = raw.find({status.name, schema}); it != raw.end()) {
                const Raw& x = it->second;
                a.hasUsage = x.usage;
                a.hasRead = x.usage && x.noSelect.empty();
                a.hasWrite = a.hasRead && x.create && x.noWrite.empty() && x.noSequenceUpdate.empty();
                a.hasDefaultPrivileges = x.super || (level >= 2 ? x.defaultWrite : x.defaultRead);
                if (level >= 1) {
                    if (!x.usage) a.missing.push_back("schema " + schema + ": USAGE");
                    a.missing.insert(a.missing.end(), x.noSelect.begin(), x.noSelect.end());
                }
                if (level >= 2) {
                    if (!x.create) a.missing.push_back("schema " + schema + ": CREATE");
                    a.missing.insert(a.missing.end(), x.noWrite.begin(), x.noWrite.end());
                    a.missing.insert(a.missing.end(), x.noSequenceUpdate.begin(), x.noSequenceUpdate.end());
                }
                if (level >= 1 && !a.hasDefaultPrivileges) a.missing.push_back("default privileges in " + schema);
            }
            // Listing every schema for other roles would be noise: only those they reach.
            if (status.configuredName.empty() && !grantedSchemas[status.name].count(schema)) continue;
            status.schemas.push_back(std::move(a));
        }
        auto [b1, e1] = memberOf.equal_range(status.name);
        for (auto i = b1; i != e1; ++i) status.memberOf.push_back(i->second);
        auto [b2, e2] = members.equal_range(status.name);
        for (auto i = b2; i != e2; ++i) status.members.push_back(i->second);
        if (auto d = dbRoles.find(status.name); d != dbRoles.end()) {
            status.canLogin = d->second.login;
            status.superuser = d->second.super;
        }
    };

    for (auto& status : statuses) {
        std::map<std::string, int> expected;
        std::set<std::string> seen;
        const auto* def = findRole(config, status.configuredName);
        // The generic role of suffixed copies is expected to reach what the copies reach.
        if (def) expectedAccess(config, *def, expected, seen);
        if (status.exists) fill(status, expected);
        inv.configured.push_back(std::move(status));
    }
    for (auto& other : others) {
        fill(other, {});
        inv.others.push_back(std::move(other));
    }
    std::set<std::string> listed(accounted);
    for (const auto& o : inv.others) listed.insert(o.name);
    // Members (at any depth) of the configured roles reach the module too: not "other".
    std::vector<std::string> pending(accounted.begin(), accounted.end());
    while (!pending.empty()) {
        const std::string r = pending.back();
        pending.pop_back();
        auto [b, e] = members.equal_range(r);
        for (auto i = b; i != e; ++i)
            if (listed.insert(i->second).second) pending.push_back(i->second);
    }
    for (const auto& [name, info] : dbRoles)
        if (info.login && !listed.count(name) && (includeSuperusers || !info.super)) inv.otherLoginRoles.push_back(name);
    return inv;
}

namespace {

std::string accessWord(bool read, bool write, bool usage = false)
{
    return write ? "write" : read ? "read" : usage ? "partial" : "none";
}

std::string flags(const RoleStatus& r)
{
    std::string out;
    if (r.canLogin) out += " LOGIN";
    if (r.superuser) out += " SUPERUSER";
    if (r.owner) out += " OWNER";
    return out.empty() ? "" : " [" + out.substr(1) + "]";
}

}  // namespace

std::string formatRoleInventory(const RoleInventory& inv)
{
    std::ostringstream out;
    out << "Module schemas:";
    for (const auto& s : inv.schemas) out << " " << s;
    out << "\n\nConfigured roles:\n";
    for (const auto& r : inv.configured) {
        if (!r.exists) {
            out << "  MISSING   " << r.name << "\n";
            continue;
        }
        out << "  " << (r.ok() ? "ok        " : "MISMATCH  ") << r.name;
        if (!r.suffix.empty()) out << " (copy of " << r.configuredName << " for suffix " << r.suffix << ")";
        out << flags(r) << "\n";
        for (const auto& a : r.schemas) {
            out << "      " << (a.satisfied() ? "ok " : "!! ") << a.schema << ": has "
                << accessWord(a.hasRead, a.hasWrite, a.hasUsage) << ", expected "
                << accessWord(a.expectedRead, a.expectedWrite);
            if (!a.exists) out << " (schema does not exist)";
            out << "\n";
            size_t shown = 0;
            for (const auto& m : a.missing) {
                if (++shown > 10) {
                    out << "           ... and " << (a.missing.size() - 10) << " more\n";
                    break;
                }
                out << "           missing " << m << "\n";
            }
        }
        if (!r.memberOf.empty()) {
            out << "      member of:";
            for (const auto& m : r.memberOf) out << " " << m;
            out << "\n";
        }
        if (!r.members.empty()) {
            out << "      members:";
            for (const auto& m : r.members) out << " " << m;
            out << "\n";
        }
    }
    if (!inv.others.empty()) {
        out << "\nOther roles with access to the module's schemas:\n";
        for (const auto& r : inv.others) {
            out << "  ?  " << r.name << flags(r) << ":";
            for (const auto& a : r.schemas) out << " " << a.schema << " (" << accessWord(a.hasRead, a.hasWrite, a.hasUsage) << ")";
            out << "\n";
        }
    }
    if (!inv.otherLoginRoles.empty()) {
        out << "\nOther login roles (no access to the module's schemas):";
        for (const auto& n : inv.otherLoginRoles) out << " " << n;
        out << "\n";
    }
    return out.str();
}

std::string roleInventoryJson(const RoleInventory& inv)
{
    using json = nlohmann::ordered_json;  // keys in a reading order, not sorted
    auto role = [](const RoleStatus& r) {
        json j{{"name", r.name},         {"exists", r.exists},       {"login", r.canLogin},
               {"superuser", r.superuser}, {"member_of", r.memberOf}, {"members", r.members}};
        if (!r.configuredName.empty()) {
            j["configured_name"] = r.configuredName;
            j["suffix"] = r.suffix;
            j["ok"] = r.ok();
        } else {
            j["owner"] = r.owner;
        }
        json schemas = json::array();
        for (const auto& a : r.schemas)
            schemas.push_back({{"schema", a.schema},
                               {"exists", a.exists},
                               {"expected", accessWord(a.expectedRead, a.expectedWrite)},
                               {"has", accessWord(a.hasRead, a.hasWrite, a.hasUsage)},
                               {"default_privileges", a.hasDefaultPrivileges},
                               {"satisfied", a.satisfied()},
                               {"missing", a.missing}});
        j["schemas"] = schemas;
        return j;
    };
    json j;
    j["ok"] = inv.ok();
    j["schemas"] = inv.schemas;
    j["missing_roles"] = inv.missing;
    j["configured_roles"] = json::array();
    for (const auto& r : inv.configured) j["configured_roles"].push_back(role(r));
    j["other_roles"] = json::array();
    for (const auto& r : inv.others) j["other_roles"].push_back(role(r));
    j["other_login_roles"] = inv.otherLoginRoles;
    return j.dump(2);
}

// ---------------------------------------------------------------- login roles

void createLoginRole(Connection& c, const std::string& name, const std::string& password)
{
    if (name.empty()) throw CommandError("a login role needs a name");
    if (!existingRoles(c, {name}).empty()) throw CommandError("role \"" + name + "\" already exists");
    std::string sql = "CREATE ROLE " + c.quoteIdentifier(name) + " LOGIN NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE NOREPLICATION";
    if (!password.empty()) {
        // Hashed here with the server's password_encryption, so the clear
        // password is neither sent nor written to the server's statement log.
        char* hashed = PQencryptPasswordConn(c.native(), password.c_str(), name.c_str(), nullptr);
        if (!hashed) throw CommandError("cannot hash the password: " + std::string(PQerrorMessage(c.native())));
        std::string literal = c.quoteLiteral(hashed);
        PQfreemem(hashed);
        sql += " PASSWORD " + literal;
    }
    c.exec(sql);
}

void dropLoginRole(Connection& c, const std::string& name)
{
    auto r = c.execParams("SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = $1", {name});
    if (r.rows() == 0) throw CommandError("role \"" + name + "\" does not exist");
    if (r.value(0, 0) != "t") throw CommandError("role \"" + name + "\" is not a login role: not dropped");
    c.exec("DROP ROLE " + c.quoteIdentifier(name));
}

std::vector<std::string> loginRoles(Connection& c, bool includeSuperusers)
{
    auto r = c.exec(std::string("SELECT rolname FROM pg_catalog.pg_roles WHERE rolcanlogin AND rolname !~ '^pg_'") +
                    (includeSuperusers ? "" : " AND NOT rolsuper") + " ORDER BY 1");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.value(i, 0));
    return out;
}

std::vector<std::string> membersOf(Connection& c, const std::string& role)
{
    if (existingRoles(c, {role}).empty()) throw CommandError("role \"" + role + "\" does not exist");
    auto r = c.execParams(R"SQL(
WITH RECURSIVE m(member) AS (
    SELECT a.member FROM pg_catalog.pg_auth_members a JOIN pg_catalog.pg_roles g ON g.oid = a.roleid WHERE g.rolname = $1
    UNION SELECT a.member FROM pg_catalog.pg_auth_members a JOIN m ON a.roleid = m.member)
SELECT r.rolname FROM m JOIN pg_catalog.pg_roles r ON r.oid = m.member ORDER BY 1)SQL",
                          {role});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.value(i, 0));
    return out;
}

}  // namespace pum
