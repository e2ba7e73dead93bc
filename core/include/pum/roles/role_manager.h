#pragma once
// The module's roles (pum's RoleManager): created NOLOGIN and granted per
// schema as pum does. Everything runs in the caller's transaction and never
// commits.
//
// DB-specific roles (a suffix, pum 1.7+): `<name>_<suffix>` copies hold the
// permissions of one database; the generic roles are created too but kept
// apart: no membership between a generic role and its copies, so a user of
// one database reaches no other.
#include <string>
#include <vector>

#include "pum/module/config.h"
#include "pum/roles/role_inventory.h"

namespace pum {

class Connection;
class Feedback;

// Which configured roles an operation touches and how.
struct RoleOptions {
    // Non-empty: act on the per-database copies `<name>_<suffix>`.
    std::string suffix;
    // Restrict to these configured role names (unknown names are refused); empty = all.
    std::vector<std::string> roles;
    // create with a suffix: also create the generic roles (without permissions).
    bool createGeneric = true;
    // drop: first reassign what the role owns in this database to the current
    // user and drop its remaining privileges (REASSIGN OWNED, DROP OWNED).
    bool force = false;
};

class RoleManager {
public:
    // `source` names where the roles come from, for messages ("FILE" or "the roles given").
    explicit RoleManager(std::vector<RoleDefinition> roles, std::string source = "the roles given");
    explicit RoleManager(const Config& config);

    const std::vector<RoleDefinition>& roles() const { return roles_; }
    const RoleDefinition* find(const std::string& name) const;
    // Schemas named by the permissions, in order of first mention.
    std::vector<std::string> schemas() const;

    // Creates the roles (existing ones are left as they are) and, for
    // `inherit: x`, grants x to the role (x neither configured nor existing:
    // CommandError naming it, nothing created). With a suffix, creates the
    // copies, inheritance mirrored between copies.
    void createRoles(Connection& connection, Feedback& feedback, const RoleOptions& options = {}) const;
    // Grants every role (or copy) its permissions on its schemas, default
    // privileges included. CommandError naming a role that does not exist.
    void grantPermissions(Connection& connection, Feedback& feedback, const RoleOptions& options = {}) const;
    // Revokes what grantPermissions grants. For generic roles, also ends their
    // memberships in their own copies (the pre-1.7 layout). Missing roles are skipped.
    void revokePermissions(Connection& connection, Feedback& feedback, const RoleOptions& options = {}) const;
    // Revokes, then drops the roles; with a suffix only the copies (the
    // generic roles serve every database). A role still holding privileges or
    // objects elsewhere is refused by the server (SqlError 2BP01) unless
    // `force` clears them in this database.
    void dropRoles(Connection& connection, Feedback& feedback, const RoleOptions& options = {}) const;
    // GRANT the roles (or copies) TO user / REVOKE them FROM user.
    void grantTo(Connection& connection, const std::string& user, const RoleOptions& options = {}) const;
    void revokeFrom(Connection& connection, const std::string& user, const RoleOptions& options = {}) const;

    // What each role has on the module's schemas against what it should have (role_inventory.cpp).
    RoleInventory inventory(Connection& connection, bool includeSuperusers = false) const;

private:
    std::vector<const RoleDefinition*> select(const RoleOptions& options) const;
    std::vector<std::string> selectedNames(const RoleOptions& options) const;
    void checkInheritable(Connection& connection, const std::vector<const RoleDefinition*>& selected,
                          const RoleOptions& options) const;
    std::string createStatements(Connection& connection, const std::vector<const RoleDefinition*>& selected,
                                 const RoleOptions& options, Feedback& feedback) const;
    std::string inheritStatements(Connection& connection, const std::vector<const RoleDefinition*>& selected,
                                  const RoleOptions& options) const;
    std::string legacyCopyRevokes(Connection& connection, const std::vector<std::string>& generic) const;

    std::vector<RoleDefinition> roles_;
    std::string source_;
};

}  // namespace pum
