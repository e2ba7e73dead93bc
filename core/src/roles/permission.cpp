#include "pum/roles/permission.h"

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/roles/role.h"

namespace pum {

const char* permissionTypeName(RolePermission::Type type)
{
    return type == RolePermission::Type::Write ? "write" : "read";
}

RolePermission::Type parsePermissionType(const std::string& text, const std::string& what)
{
    if (text == "read") return RolePermission::Type::Read;
    if (text == "write") return RolePermission::Type::Write;
    throw CommandError(what + ": unknown permission type \"" + text + "\" (expected read or write)");
}

namespace {

std::string readSql(const std::string& s, const std::string& r)
{
    const std::string defaults = "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT ";
    return "GRANT USAGE ON SCHEMA " + s + " TO " + r + ";\n" +
           "GRANT SELECT, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA " + s + " TO " + r + ";\n" +
           "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r + ";\n" +
           "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + s + " TO " + r + ";\n" +
           "GRANT EXECUTE ON ALL ROUTINES IN SCHEMA " + s + " TO " + r + ";\n" +
           defaults + "SELECT, REFERENCES, TRIGGER ON TABLES TO " + r + ";\n" +
           defaults + "USAGE, SELECT ON SEQUENCES TO " + r + ";\n" +
           defaults + "EXECUTE ON FUNCTIONS TO " + r + ";\n" +
           defaults + "EXECUTE ON ROUTINES TO " + r + ";\n" +
           defaults + "USAGE ON TYPES TO " + r + ";\n";
}

std::string writeSql(const std::string& s, const std::string& r)
{
    const std::string defaults = "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT ALL ON ";
    std::string sql = "GRANT ALL ON SCHEMA " + s + " TO " + r + ";\n";
    for (const char* kind : {"TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES"})
        sql += std::string("GRANT ALL ON ALL ") + kind + " IN SCHEMA " + s + " TO " + r + ";\n";
    for (const char* kind : {"TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES"})
        sql += defaults + kind + " TO " + r + ";\n";
    return sql;
}

}  // namespace

std::string grantPermissionSql(const Connection& c, RolePermission::Type type, const std::string& schema,
                               const std::string& role)
{
    const std::string s = c.quoteIdentifier(schema);
    const std::string r = c.quoteIdentifier(role);
    return type == RolePermission::Type::Read ? readSql(s, r) : writeSql(s, r);
}

std::string revokePermissionSql(const Connection& c, const std::string& schema, const std::string& role)
{
    const std::string s = c.quoteIdentifier(schema);
    const std::string r = c.quoteIdentifier(role);
    const std::string defaults = "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " REVOKE ALL ON ";
    std::string sql = "REVOKE ALL ON SCHEMA " + s + " FROM " + r + ";\n";
    for (const char* kind : {"TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES"})
        sql += std::string("REVOKE ALL ON ALL ") + kind + " IN SCHEMA " + s + " FROM " + r + ";\n";
    for (const char* kind : {"TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES"})
        sql += defaults + kind + " FROM " + r + ";\n";
    return sql;
}

void grantPermission(Connection& c, const RolePermission& permission, const std::string& role, Feedback& feedback)
{
    const auto schemas = existingSchemas(c, permission.schemas);
    std::string sql;
    for (const auto& schema : permission.schemas) {
        if (!schemas.count(schema)) {
            feedback.log(Feedback::Level::Warning, "schema " + schema + " does not exist: " +
                                                       permissionTypeName(permission.type) +
                                                       " permission not granted to " + role);
            continue;
        }
        feedback.log(Feedback::Level::Debug,
                     std::string("granting ") + permissionTypeName(permission.type) + " on " + schema + " to " + role);
        sql += grantPermissionSql(c, permission.type, schema, role);
    }
    runBatch(c, sql);
}

}  // namespace pum
