#pragma once
// Login roles (database users), apart from the module's configuration
// (pum's RoleManager static methods).
#include <string>
#include <vector>

namespace pum {

class Connection;

// CREATE ROLE name LOGIN, with a password when given (sent already hashed
// with SCRAM, so it never appears in clear in the server's logs). Refused
// when the role exists.
void createLoginRole(Connection& connection, const std::string& name, const std::string& password = {});
// Drops a LOGIN role; refused for a role that cannot log in, and for one that
// does not exist unless `missingOk` (pum's API: DROP ROLE IF EXISTS).
void dropLoginRole(Connection& connection, const std::string& name, bool missingOk = false);
// Non-superuser roles that can log in (superusers too when asked), sorted.
std::vector<std::string> loginRoles(Connection& connection, bool includeSuperusers = false);
// Roles that are members of `role`, directly or through other roles, sorted;
// only those that can log in when `loginOnly`. Refused when `role` does not exist.
std::vector<std::string> membersOf(Connection& connection, const std::string& role, bool loginOnly = false);
// Roles `user` is directly a member of, sorted. Refused when `user` does not exist.
std::vector<std::string> membershipsOf(Connection& connection, const std::string& user);

}  // namespace pum
