#include "pum/roles/role.h"

#include "pum/db/database.h"

namespace pum {

std::string withSuffix(const std::string& name, const std::string& suffix)
{
    return suffix.empty() ? name : name + "_" + suffix;
}

namespace {

// Which of `names` the catalog query (names in $1) finds.
std::set<std::string> existingNames(Connection& c, const char* query, const std::vector<std::string>& names)
{
    std::set<std::string> out;
    if (names.empty()) return out;
    auto r = c.execParams(query, {textArrayLiteral(names)});
    for (int i = 0; i < r.rows(); ++i) out.insert(r.value(i, 0));
    return out;
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

const RoleDefinition* find(const std::vector<RoleDefinition>& roles, const std::string& name)
{
    for (const auto& role : roles)
        if (role.name == name) return &role;
    return nullptr;
}

}  // namespace

std::set<std::string> existingRoles(Connection& c, const std::vector<std::string>& names)
{
    return existingNames(c, "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])", names);
}

std::set<std::string> existingSchemas(Connection& c, const std::vector<std::string>& names)
{
    return existingNames(c, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])", names);
}

bool roleExists(Connection& c, const std::string& name) { return !existingRoles(c, {name}).empty(); }

std::set<std::pair<std::string, std::string>> directMemberships(Connection& c)
{
    std::set<std::pair<std::string, std::string>> out;
    auto r = c.exec("SELECT m.rolname, g.rolname FROM pg_catalog.pg_auth_members a "
                    "JOIN pg_catalog.pg_roles m ON m.oid = a.member JOIN pg_catalog.pg_roles g ON g.oid = a.roleid");
    for (int i = 0; i < r.rows(); ++i) out.emplace(r.value(i, 0), r.value(i, 1));
    return out;
}

std::string createRoleSql(const Connection& c, const RoleDefinition& role, const std::string& name)
{
    std::string sql = "CREATE ROLE " + c.quoteIdentifier(name) +
                      " NOLOGIN NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE NOREPLICATION;";
    if (!role.description.empty())
        sql += " COMMENT ON ROLE " + c.quoteIdentifier(name) + " IS " + c.quoteLiteral(role.description) + ";";
    return tolerantToDuplicates(sql);
}

std::string grantRoleSql(const Connection& c, const std::string& role, const std::string& member)
{
    return tolerantToDuplicates("GRANT " + c.quoteIdentifier(role) + " TO " + c.quoteIdentifier(member) + ";");
}

std::vector<RolePermission> allPermissions(const std::vector<RoleDefinition>& roles, const RoleDefinition& role)
{
    std::vector<RolePermission> out;
    std::set<std::string> seen;
    for (const RoleDefinition* r = &role; r && seen.insert(r->name).second; r = r->inherit ? find(roles, *r->inherit) : nullptr)
        out.insert(out.end(), r->permissions.begin(), r->permissions.end());
    return out;
}

void runBatch(Connection& c, const std::string& sql)
{
    if (!sql.empty()) c.exec(sql);
}

}  // namespace pum
