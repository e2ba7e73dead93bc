// The Config-based entry points of roles.h: each is RoleManager(config) doing it.
#include "pum/roles/roles.h"

namespace pum {

void createRoles(Connection& connection, const Config& config, Feedback& feedback, const std::string& suffix)
{
    RoleOptions options;
    options.suffix = suffix;
    RoleManager(config).createRoles(connection, feedback, options);
}

void createRoles(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    RoleManager(config).createRoles(connection, feedback, options);
}

void grantPermissions(Connection& connection, const Config& config, Feedback& feedback, const std::string& suffix)
{
    RoleOptions options;
    options.suffix = suffix;
    RoleManager(config).grantPermissions(connection, feedback, options);
}

void grantPermissions(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    RoleManager(config).grantPermissions(connection, feedback, options);
}

void revokePermissions(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    RoleManager(config).revokePermissions(connection, feedback, options);
}

void dropRoles(Connection& connection, const Config& config, Feedback& feedback, const RoleOptions& options)
{
    RoleManager(config).dropRoles(connection, feedback, options);
}

void grantMembership(Connection& connection, const Config& config, const std::string& user, const RoleOptions& options)
{
    RoleManager(config).grantTo(connection, user, options);
}

void revokeMembership(Connection& connection, const Config& config, const std::string& user, const RoleOptions& options)
{
    RoleManager(config).revokeFrom(connection, user, options);
}

RoleInventory listRoles(Connection& connection, const Config& config, bool includeSuperusers)
{
    return RoleManager(config).inventory(connection, includeSuperusers);
}

}  // namespace pum
