#pragma once
// The inventory of a module's roles (pum's RoleInventory): what each
// configured role, each of its DB-specific copies, each member of them and
// each other role has on the module's schemas, against the configuration.
#include <string>
#include <vector>

namespace pum {

// Access of one role to one of the module's schemas: what it should have
// (from the configuration, `inherit` included) against what it has
// (privileges through memberships included).
struct SchemaAccess {
    std::string schema;
    bool exists = true;            // the schema exists in the database
    bool named = false;            // the role's permissions (inherited included) name it, whether expected or not
    bool expectedRead = false;     // read or write expected
    bool expectedWrite = false;
    bool hasUsage = false;         // USAGE on the schema
    bool hasRead = false;          // USAGE on the schema, SELECT on every table, SELECT on every sequence
    bool hasWrite = false;         // CREATE too, and INSERT/UPDATE/DELETE on every table, UPDATE on sequences
    bool hasDefaultPrivileges = false;  // default privileges grant it (or a role it inherits) the expected level
    std::vector<std::string> missing;   // objects lacking an expected privilege ("table s.t: SELECT")
    // The expected level exactly (write when write is expected, read without
    // write when read is), with the default privileges for it; always true
    // when nothing is expected.
    bool satisfied() const;
};

struct RoleStatus {
    std::string name;            // role name in the database
    std::string configuredName;  // configured role it stands for ("" for other roles)
    std::string suffix;          // "" for the generic role
    bool exists = false;
    bool canLogin = false;
    bool superuser = false;
    bool owner = false;          // owns one of the module's schemas (other roles only)
    std::vector<SchemaAccess> schemas;
    std::vector<std::string> memberOf;  // roles it is directly a member of
    std::vector<std::string> members;   // roles directly members of it
    bool ok() const;  // exists and every schema satisfied
};

struct RoleInventory {
    std::vector<std::string> schemas;          // the module's schemas (from the configuration)
    std::vector<RoleStatus> configured;        // configured roles and their suffixed copies
    std::vector<RoleStatus> grantees;          // other roles that are members (at any depth) of those
    std::vector<RoleStatus> others;            // other roles with privileges in the module's schemas
    std::vector<std::string> missing;          // configured roles that exist neither generic nor as a copy
    std::vector<std::string> otherLoginRoles;  // login roles without access to any module schema
    bool ok() const;  // nothing missing, every configured role satisfied
};

// Human-readable and JSON forms of an inventory.
std::string formatRoleInventory(const RoleInventory& inventory);
std::string roleInventoryJson(const RoleInventory& inventory);

}  // namespace pum
