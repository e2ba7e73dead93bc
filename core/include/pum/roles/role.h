#pragma once
// One role (pum's Role): its name with a suffix, whether it exists, the SQL
// that creates it, and the catalog look-ups the role operations share.
#include <set>
#include <string>
#include <vector>

#include "pum/module/config.h"

namespace pum {

class Connection;

// `<name>_<suffix>`, or `name` when the suffix is empty.
std::string withSuffix(const std::string& name, const std::string& suffix);

// Which of `names` exist as roles / as schemas (one query each).
std::set<std::string> existingRoles(Connection& connection, const std::vector<std::string>& names);
std::set<std::string> existingSchemas(Connection& connection, const std::vector<std::string>& names);
bool roleExists(Connection& connection, const std::string& name);

// Direct memberships in the database, as (member, role) pairs.
std::set<std::pair<std::string, std::string>> directMemberships(Connection& connection);

// CREATE ROLE `name` NOLOGIN NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE
// NOREPLICATION with the role's description as comment; a concurrent creation
// of the same role (roles are cluster-wide) is not an error.
std::string createRoleSql(const Connection& connection, const RoleDefinition& role, const std::string& name);
// GRANT `role` TO `member`, tolerant to a concurrent identical grant.
std::string grantRoleSql(const Connection& connection, const std::string& role, const std::string& member);

// The permissions of `role` and of the configured roles it inherits (pum's
// Role.all_permissions), nearest first; a loop is not followed twice.
std::vector<RolePermission> allPermissions(const std::vector<RoleDefinition>& roles, const RoleDefinition& role);

// Runs statements in one round trip (nothing when empty).
void runBatch(Connection& connection, const std::string& sql);

}  // namespace pum
