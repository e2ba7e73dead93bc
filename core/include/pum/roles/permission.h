#pragma once
// A role's `read` or `write` permission on schemas (pum's Permission), as the
// SQL that grants or revokes it. Runs in the caller's transaction.
#include <string>

#include "pum/module/config.h"

namespace pum {

class Connection;
class Feedback;

// "read" or "write", as in .pum.yaml.
const char* permissionTypeName(RolePermission::Type type);
// Parses "read"/"write"; anything else is refused naming `what` (e.g. "permissions[0].type").
RolePermission::Type parsePermissionType(const std::string& text, const std::string& what);

// The statements that give `role` this level on `schema`: privileges on the
// schema and on everything in it, and the default privileges for objects
// created later. read: USAGE, SELECT (REFERENCES, TRIGGER), sequences USAGE and
// SELECT, EXECUTE, types USAGE; write: ALL.
std::string grantPermissionSql(const Connection& connection, RolePermission::Type type, const std::string& schema,
                               const std::string& role);
// Everything grantPermissionSql can give, taken back (both levels).
std::string revokePermissionSql(const Connection& connection, const std::string& schema, const std::string& role);

// Grants `permission` to `role` on those of its schemas that exist (a missing
// schema is skipped with a warning: the module creates it later).
void grantPermission(Connection& connection, const RolePermission& permission, const std::string& role,
                     Feedback& feedback);

}  // namespace pum
