#include "pum/roles/role_manager.h"

#include <algorithm>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/roles/permission.h"
#include "pum/roles/role.h"

namespace pum {

RoleManager::RoleManager(std::vector<RoleDefinition> roles, std::string source)
    : roles_(std::move(roles)), source_(std::move(source))
{
}

RoleManager::RoleManager(const Config& config) : RoleManager(config.roles, config.configFile.string()) {}

const RoleDefinition* RoleManager::find(const std::string& name) const
{
    for (const auto& role : roles_)
        if (role.name == name) return &role;
    return nullptr;
}

std::vector<std::string> RoleManager::schemas() const
{
    std::vector<std::string> out;
    for (const auto& role : roles_)
        for (const auto& permission : role.permissions)
            for (const auto& schema : permission.schemas)
                if (std::find(out.begin(), out.end(), schema) == out.end()) out.push_back(schema);
    return out;
}

std::vector<const RoleDefinition*> RoleManager::select(const RoleOptions& options) const
{
    for (const auto& name : options.roles)
        if (!find(name)) throw CommandError("role \"" + name + "\" is not defined in " + source_);
    std::vector<const RoleDefinition*> out;
    for (const auto& role : roles_)
        if (options.roles.empty() || std::find(options.roles.begin(), options.roles.end(), role.name) != options.roles.end())
            out.push_back(&role);
    return out;
}

std::vector<std::string> RoleManager::selectedNames(const RoleOptions& options) const
{
    std::vector<std::string> names;
    for (const auto* def : select(options)) names.push_back(withSuffix(def->name, options.suffix));
    return names;
}

// ---------------------------------------------------------------- create

void RoleManager::checkInheritable(Connection& c, const std::vector<const RoleDefinition*>& selected,
                                   const RoleOptions& options) const
{
    const bool suffixed = !options.suffix.empty();
    const bool generic = !suffixed || options.createGeneric;
    std::vector<std::string> names;
    for (const auto* def : selected)
        if (def->inherit) names.insert(names.end(), {*def->inherit, withSuffix(*def->inherit, options.suffix)});
    const auto existing = existingRoles(c, names);
    auto willExist = [&](const std::string& name) {
        if (existing.count(name)) return true;
        return std::any_of(selected.begin(), selected.end(), [&](const RoleDefinition* def) {
            return (generic && def->name == name) || (suffixed && withSuffix(def->name, options.suffix) == name);
        });
    };
    // Refused before anything changes: a role to inherit must be configured
    // (and created now) or exist already.
    for (const auto* def : selected) {
        if (!def->inherit) continue;
        const std::string& x = *def->inherit;
        const std::string target = suffixed && find(x) ? withSuffix(x, options.suffix) : x;
        const std::string lacking = !willExist(target) ? target : (generic && suffixed && !willExist(x)) ? x : "";
        if (!lacking.empty())
            throw CommandError("role \"" + withSuffix(def->name, options.suffix) + "\" inherits role \"" + lacking +
                               "\", which does not exist and is not created here (define it in the "
                               "configuration before, or create it first)");
    }
}

std::string RoleManager::createStatements(Connection& c, const std::vector<const RoleDefinition*>& selected,
                                          const RoleOptions& options, Feedback& feedback) const
{
    const bool suffixed = !options.suffix.empty();
    std::vector<std::pair<const RoleDefinition*, std::string>> wanted;
    for (const auto* def : selected) {
        if (!suffixed || options.createGeneric) wanted.emplace_back(def, def->name);
        if (suffixed) wanted.emplace_back(def, withSuffix(def->name, options.suffix));
    }
    std::vector<std::string> names;
    for (const auto& w : wanted) names.push_back(w.second);
    const auto existing = existingRoles(c, names);
    std::string sql;
    for (const auto& [def, name] : wanted) {
        if (existing.count(name)) {
            feedback.log(Feedback::Level::Debug, "role " + name + " exists already");
            continue;
        }
        feedback.log(Feedback::Level::Info, "creating role " + name);
        sql += createRoleSql(c, *def, name);
    }
    return sql;
}

std::string RoleManager::inheritStatements(Connection& c, const std::vector<const RoleDefinition*>& selected,
                                           const RoleOptions& options) const
{
    const bool suffixed = !options.suffix.empty();
    const auto memberships = directMemberships(c);
    std::string sql;
    auto grant = [&](const std::string& role, const std::string& member) {
        if (!memberships.count({member, role})) sql += grantRoleSql(c, role, member);
    };
    for (const auto* def : selected) {
        if (!def->inherit) continue;
        if (!suffixed || options.createGeneric) grant(*def->inherit, def->name);
        // A copy inherits the copy of a configured role, or the role itself when
        // it is not configured (a role shared by every database).
        if (suffixed)
            grant(find(*def->inherit) ? withSuffix(*def->inherit, options.suffix) : *def->inherit,
                  withSuffix(def->name, options.suffix));
    }
    return sql;
}

void RoleManager::createRoles(Connection& c, Feedback& feedback, const RoleOptions& options) const
{
    const auto selected = select(options);
    if (selected.empty()) return;
    checkInheritable(c, selected, options);
    runBatch(c, createStatements(c, selected, options, feedback));
    // Memberships after every role exists, whatever the configuration's order.
    runBatch(c, inheritStatements(c, selected, options));
}

// ---------------------------------------------------------------- grant / revoke

void RoleManager::grantPermissions(Connection& c, Feedback& feedback, const RoleOptions& options) const
{
    const auto selected = select(options);
    const auto existing = existingRoles(c, selectedNames(options));
    std::string missing;
    for (const auto& name : selectedNames(options))
        if (!existing.count(name)) missing += (missing.empty() ? "\"" : ", \"") + name + "\"";
    if (!missing.empty())
        throw CommandError("cannot grant permissions: role(s) " + missing + " do not exist (create the roles first)");
    const auto present = existingSchemas(c, schemas());
    std::string sql;
    for (const auto* def : selected) {
        const std::string name = withSuffix(def->name, options.suffix);
        for (const auto& permission : def->permissions)
            for (const auto& schema : permission.schemas) {
                if (present.count(schema)) {
                    sql += grantPermissionSql(c, permission.type, schema, name);
                    continue;
                }
                feedback.log(Feedback::Level::Warning, "schema " + schema + " does not exist: " +
                                                           permissionTypeName(permission.type) +
                                                           " permission not granted to " + name);
            }
    }
    runBatch(c, sql);
    if (!selected.empty())
        feedback.log(Feedback::Level::Info, "permissions granted to " + std::to_string(selected.size()) + " role(s)");
}

// Before pum 1.7 a generic role was a member of its copies: revoking the
// generic role's permissions ends those memberships too.
std::string RoleManager::legacyCopyRevokes(Connection& c, const std::vector<std::string>& generic) const
{
    std::string sql;
    for (const auto& [member, role] : directMemberships(c)) {
        if (std::find(generic.begin(), generic.end(), member) == generic.end()) continue;
        if (role.rfind(member + "_", 0) != 0 || find(role)) continue;
        sql += "REVOKE " + c.quoteIdentifier(role) + " FROM " + c.quoteIdentifier(member) + ";\n";
    }
    return sql;
}

void RoleManager::revokePermissions(Connection& c, Feedback& feedback, const RoleOptions& options) const
{
    const auto names = selectedNames(options);
    const auto existing = existingRoles(c, names);
    const auto present = existingSchemas(c, schemas());
    std::string sql;
    std::vector<std::string> revoked;
    for (const auto& name : names) {
        if (!existing.count(name)) {
            feedback.log(Feedback::Level::Debug, "role " + name + " does not exist: nothing to revoke");
            continue;
        }
        feedback.log(Feedback::Level::Info, "revoking permissions of " + name);
        for (const auto& schema : schemas())
            if (present.count(schema)) sql += revokePermissionSql(c, schema, name);
        revoked.push_back(name);
    }
    if (options.suffix.empty()) sql += legacyCopyRevokes(c, revoked);
    runBatch(c, sql);
}

// ---------------------------------------------------------------- drop

void RoleManager::dropRoles(Connection& c, Feedback& feedback, const RoleOptions& options) const
{
    revokePermissions(c, feedback, options);
    const auto names = selectedNames(options);
    const auto existing = existingRoles(c, names);
    // Reverse order: a role that inherits another goes first.
    std::string sql;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (!existing.count(*it)) continue;
        const std::string r = c.quoteIdentifier(*it);
        feedback.log(Feedback::Level::Info, "dropping role " + *it + (options.force ? " (forced)" : ""));
        if (options.force) sql += "REASSIGN OWNED BY " + r + " TO CURRENT_USER;\nDROP OWNED BY " + r + ";\n";
        sql += "DROP ROLE " + r + ";\n";
    }
    runBatch(c, sql);
}

// ---------------------------------------------------------------- membership

void RoleManager::grantTo(Connection& c, const std::string& user, const RoleOptions& options) const
{
    if (!roleExists(c, user)) throw CommandError("role \"" + user + "\" does not exist");
    const auto names = selectedNames(options);
    const auto existing = existingRoles(c, names);
    std::string sql;
    for (const auto& name : names) {
        if (!existing.count(name)) throw CommandError("role \"" + name + "\" does not exist (create the roles first)");
        sql += "GRANT " + c.quoteIdentifier(name) + " TO " + c.quoteIdentifier(user) + ";\n";
    }
    runBatch(c, sql);
}

void RoleManager::revokeFrom(Connection& c, const std::string& user, const RoleOptions& options) const
{
    if (!roleExists(c, user)) throw CommandError("role \"" + user + "\" does not exist");
    const auto names = selectedNames(options);
    const auto existing = existingRoles(c, names);
    std::string sql;
    for (const auto& name : names)
        if (existing.count(name)) sql += "REVOKE " + c.quoteIdentifier(name) + " FROM " + c.quoteIdentifier(user) + ";\n";
    runBatch(c, sql);
}

}  // namespace pum
