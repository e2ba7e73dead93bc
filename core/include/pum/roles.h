#pragma once
// The module's roles: created NOLOGIN and granted per schema as pum does.
// Everything here runs in the caller's transaction and never commits.
#include <string>
#include <vector>

namespace pum {

class Connection;
class Feedback;
struct Config;

// Which configured roles an operation touches and how.
struct RoleOptions {
    // Non-empty: act on the per-database copies `<name>_<suffix>`.
    std::string suffix;
    // Restrict to these configured role names (unknown names are refused); empty = all.
    std::vector<std::string> roles;
    // With a suffix, also create the generic roles and make each one a member
    // of its specific copy (so users granted the generic role reach this database).
    bool createGeneric = true;
};

// Creates the configured roles NOLOGIN NOSUPERUSER INHERIT NOCREATEDB
// NOCREATEROLE NOREPLICATION (existing ones are left as they are, which is
// not an error) and, for `inherit: x`, grants x to the role (x missing from
// the configuration and the database: CommandError naming it). With a
// non-empty `suffix`, creates `<name>_<suffix>` copies (inheritance mirrored
// between the copies) and makes the generic role a member.
void createRoles(Connection& connection, const Config& config, Feedback& feedback,
                 const std::string& suffix = {});
void createRoles(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options);

// Grants every role its `read`/`write` permissions on its schemas, including
// default privileges. Throws CommandError naming a role that does not exist.
// Schemas that do not exist are skipped with a warning.
void grantPermissions(Connection& connection, const Config& config, Feedback& feedback,
                      const std::string& suffix = {});
void grantPermissions(Connection& connection, const Config& config, Feedback& feedback,
                      const RoleOptions& options);

// Revokes what grantPermissions grants (privileges and default privileges on
// the configured schemas). Roles that do not exist are skipped.
void revokePermissions(Connection& connection, const Config& config, Feedback& feedback,
                       const RoleOptions& options = {});

// Drops the configured roles, after revoking their permissions on the
// configured schemas; with a suffix, only the suffixed copies (the generic
// roles are shared by every database). Roles that do not exist are skipped.
// A role still holding privileges in another database is refused by the
// server, naming them: nothing is dropped.
void dropRoles(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options = {});

// GRANT <configured role(s)> TO user / REVOKE ... FROM user.
void grantMembership(Connection& connection, const Config& config, const std::string& user,
                     const RoleOptions& options = {});
void revokeMembership(Connection& connection, const Config& config, const std::string& user,
                      const RoleOptions& options = {});

// ---------------------------------------------------------------- listing

// Access of one role to one of the module's schemas: what it should have
// (from the configuration, `inherit` included) against what it has
// (privileges through memberships included).
struct SchemaAccess {
    std::string schema;
    bool exists = true;            // the schema exists in the database
    bool expectedRead = false;     // read or write expected
    bool expectedWrite = false;
    bool hasUsage = false;         // USAGE on the schema
    bool hasRead = false;          // USAGE on the schema, SELECT on every table, SELECT on every sequence
    bool hasWrite = false;         // CREATE too, and INSERT/UPDATE/DELETE on every table, UPDATE on sequences
    bool hasDefaultPrivileges = false;  // default privileges grant it (or a role it inherits) the expected level
    std::vector<std::string> missing;   // objects lacking an expected privilege ("table s.t: SELECT")
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
    std::vector<RoleStatus> others;            // other roles with access to the module's schemas
    std::vector<std::string> missing;          // configured roles that do not exist
    std::vector<std::string> otherLoginRoles;  // login roles without access to any module schema
    bool ok() const;  // nothing missing, every configured role satisfied
};

// What each configured role (and each suffixed copy found in the database)
// has on the module's schemas against what it should have, and which other
// roles have privileges there. Superusers are left out of `others` and
// `otherLoginRoles` unless `includeSuperusers`.
RoleInventory listRoles(Connection& connection, const Config& config, bool includeSuperusers = false);
// Human-readable and JSON forms of an inventory.
std::string formatRoleInventory(const RoleInventory& inventory);
std::string roleInventoryJson(const RoleInventory& inventory);

// ---------------------------------------------------------------- login roles

// CREATE ROLE name LOGIN, with a password when given (sent already hashed
// with SCRAM, so it never appears in clear in the server's logs). Refused
// when the role exists.
void createLoginRole(Connection& connection, const std::string& name, const std::string& password = {});
// Drops a LOGIN role; refused for a role that does not exist or cannot log in.
void dropLoginRole(Connection& connection, const std::string& name);
// Non-superuser roles that can log in (superusers too when asked), sorted.
std::vector<std::string> loginRoles(Connection& connection, bool includeSuperusers = false);
// Roles that are members of `role`, directly or through other roles, sorted.
// Refused when `role` does not exist.
std::vector<std::string> membersOf(Connection& connection, const std::string& role);

}  // namespace pum
