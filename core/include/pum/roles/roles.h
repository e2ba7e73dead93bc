#pragma once
// The module's roles, from its configuration: the entry points the upgrader
// and the command line use. The work is split as pum splits it:
//   role_manager.h    RoleManager: create, grant, revoke, drop, membership
//   role.h            one role: names, existence, CREATE ROLE
//   permission.h      one read/write permission: its GRANT/REVOKE statements
//   role_inventory.h  what each role has against what it should have
//   login_roles.h     login roles, apart from the configuration
// Everything runs in the caller's transaction and never commits.
#include <string>

#include "pum/roles/login_roles.h"
#include "pum/roles/role_inventory.h"
#include "pum/roles/role_manager.h"

namespace pum {

class Connection;
class Feedback;
struct Config;

// RoleManager(config).createRoles / grantPermissions / ..., for callers that hold a Config.
void createRoles(Connection& connection, const Config& config, Feedback& feedback, const std::string& suffix = {});
void createRoles(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options);
void grantPermissions(Connection& connection, const Config& config, Feedback& feedback,
                      const std::string& suffix = {});
void grantPermissions(Connection& connection, const Config& config, Feedback& feedback,
                      const RoleOptions& options);
void revokePermissions(Connection& connection, const Config& config, Feedback& feedback,
                       const RoleOptions& options = {});
void dropRoles(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options = {});
void grantMembership(Connection& connection, const Config& config, const std::string& user,
                     const RoleOptions& options = {});
void revokeMembership(Connection& connection, const Config& config, const std::string& user,
                      const RoleOptions& options = {});

// RoleManager(config).inventory(): superusers are left out of the other roles
// and login roles unless `includeSuperusers`.
RoleInventory listRoles(Connection& connection, const Config& config, bool includeSuperusers = false);

}  // namespace pum
