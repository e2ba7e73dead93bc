#pragma once
// The module's roles: created NOLOGIN and granted per schema as pum does.
#include <string>

namespace pum {

class Connection;
class Feedback;
struct Config;

// Creates the configured roles (existing ones are left as they are, which is
// not an error) and, for `inherit: x`, grants x to the role. With a non-empty
// `suffix`, creates `<name>_<suffix>` copies and makes the generic role a member.
void createRoles(Connection& connection, const Config& config, Feedback& feedback,
                 const std::string& suffix = {});
// Grants every role its `read`/`write` permissions on its schemas, including
// default privileges. Throws CommandError naming a role that does not exist.
void grantPermissions(Connection& connection, const Config& config, Feedback& feedback,
                      const std::string& suffix = {});

}  // namespace pum
