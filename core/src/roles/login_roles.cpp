#include "pum/roles/login_roles.h"

#include <libpq-fe.h>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/roles/role.h"

namespace pum {

namespace {

std::vector<std::string> column(const Result& r)
{
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.value(i, 0));
    return out;
}

void requireRole(Connection& c, const std::string& name)
{
    if (!roleExists(c, name)) throw CommandError("role \"" + name + "\" does not exist");
}

}  // namespace

void createLoginRole(Connection& c, const std::string& name, const std::string& password)
{
    if (name.empty()) throw CommandError("a login role needs a name");
    if (roleExists(c, name)) throw CommandError("role \"" + name + "\" already exists");
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

void dropLoginRole(Connection& c, const std::string& name, bool missingOk)
{
    auto r = c.execParams("SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = $1", {name});
    if (r.rows() == 0) {
        if (missingOk) return;
        throw CommandError("role \"" + name + "\" does not exist");
    }
    if (r.value(0, 0) != "t") throw CommandError("role \"" + name + "\" is not a login role: not dropped");
    c.exec("DROP ROLE " + c.quoteIdentifier(name));
}

std::vector<std::string> loginRoles(Connection& c, bool includeSuperusers)
{
    return column(c.exec(std::string("SELECT rolname FROM pg_catalog.pg_roles WHERE rolcanlogin AND rolname !~ '^pg_'") +
                         (includeSuperusers ? "" : " AND NOT rolsuper") + " ORDER BY 1"));
}

std::vector<std::string> membersOf(Connection& c, const std::string& role, bool loginOnly)
{
    requireRole(c, role);
    return column(c.execParams(R"SQL(
WITH RECURSIVE m(member) AS (
    SELECT a.member FROM pg_catalog.pg_auth_members a JOIN pg_catalog.pg_roles g ON g.oid = a.roleid WHERE g.rolname = $1
    UNION SELECT a.member FROM pg_catalog.pg_auth_members a JOIN m ON a.roleid = m.member)
SELECT r.rolname FROM m JOIN pg_catalog.pg_roles r ON r.oid = m.member
WHERE r.rolcanlogin OR NOT $2::boolean ORDER BY 1)SQL",
                               {role, loginOnly ? "true" : "false"}));
}

std::vector<std::string> membershipsOf(Connection& c, const std::string& user)
{
    requireRole(c, user);
    return column(c.execParams("SELECT g.rolname FROM pg_catalog.pg_auth_members a "
                               "JOIN pg_catalog.pg_roles m ON m.oid = a.member "
                               "JOIN pg_catalog.pg_roles g ON g.oid = a.roleid WHERE m.rolname = $1 ORDER BY 1",
                               {user}));
}

}  // namespace pum
