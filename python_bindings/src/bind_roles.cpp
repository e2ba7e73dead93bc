// pum.role_manager's engine: RoleManager, the inventory and the login roles
// of the core, run on the caller's psycopg connection. The Python classes
// (Role, Permission, RoleStatus...) are pum's shapes around these.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <vector>

#include "binders.h"
#include "caller_connection.h"
#include "python_feedback.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/roles/permission.h"
#include "pum/roles/role.h"
#include "pum/roles/roles.h"

namespace py = pybind11;

namespace pum::python {

namespace {

// Runs `body` on the caller's connection in one Transaction (joining the
// caller's; committed only with `commit`), without the GIL. `feedback` (a
// pum.feedback.Feedback or None) gets the core's messages and may cancel
// before anything is done.
template <typename Body>
void onCaller(const py::handle& connection, bool commit, const py::object& feedback, Body body)
{
    Connection c = callerConnection(connection, commit);
    PythonFeedback sink(feedback);
    try {
        py::gil_scoped_release nogil;
        sink.throwIfCancelled();
        Transaction t(c);
        body(c, sink);
        t.commit();
    } catch (const CancelledError&) {
        sink.rethrowCallbackError();
        throw;
    }
    sink.rethrowCallbackError();
}

// A read-only query on the caller's connection (no transaction of its own).
template <typename Body>
auto reading(const py::handle& connection, Body body)
{
    Connection c = callerConnection(connection, false);
    py::gil_scoped_release nogil;
    return body(c);
}

std::string text(const py::handle& value, const std::string& key, const std::string& source)
{
    if (!py::isinstance<py::str>(value)) throw ConfigError(source, 0, key, "expected a string");
    return value.cast<std::string>();
}

RolePermission toPermission(const py::handle& item, const std::string& key, const std::string& source)
{
    py::dict d = py::reinterpret_borrow<py::dict>(item);
    if (!d.contains("type")) throw ConfigError(source, 0, key + ".type", "missing");
    RolePermission p;
    try {
        p.type = parsePermissionType(text(d["type"], key + ".type", source), key + ".type");
    } catch (const CommandError& e) {
        throw ConfigError(source, 0, key + ".type", e.what());
    }
    if (d.contains("schemas") && !d["schemas"].is_none())
        for (auto schema : d["schemas"]) p.schemas.push_back(text(schema, key + ".schemas", source));
    return p;
}

// A role as pum.role_manager hands it over: {name, permissions: [{type,
// schemas}], inherit, description}.
RoleDefinition toRole(const py::handle& item, std::size_t index, const std::string& source)
{
    const std::string key = "roles[" + std::to_string(index) + "]";
    if (!py::isinstance<py::dict>(item)) throw ConfigError(source, 0, key, "expected a mapping");
    py::dict d = py::reinterpret_borrow<py::dict>(item);
    if (!d.contains("name")) throw ConfigError(source, 0, key + ".name", "missing");
    RoleDefinition role;
    role.name = text(d["name"], key + ".name", source);
    if (role.name.empty()) throw ConfigError(source, 0, key + ".name", "empty role name");
    if (d.contains("description") && !d["description"].is_none())
        role.description = text(d["description"], key + ".description", source);
    if (d.contains("inherit") && !d["inherit"].is_none()) role.inherit = text(d["inherit"], key + ".inherit", source);
    if (d.contains("permissions") && !d["permissions"].is_none()) {
        std::size_t i = 0;
        for (auto p : d["permissions"])
            role.permissions.push_back(toPermission(p, key + ".permissions[" + std::to_string(i++) + "]", source));
    }
    return role;
}

RoleManager toManager(const py::list& roles, const std::string& source)
{
    std::vector<RoleDefinition> definitions;
    for (std::size_t i = 0; i < roles.size(); ++i) definitions.push_back(toRole(roles[i], i, source));
    return RoleManager(std::move(definitions), source);
}

RoleOptions options(const std::string& suffix, const std::vector<std::string>& roles, bool force = false)
{
    RoleOptions o;
    o.suffix = suffix;
    o.roles = roles;
    o.force = force;
    return o;
}

py::object expected(const SchemaAccess& a)
{
    return a.expectedWrite ? py::object(py::str("write")) : a.expectedRead ? py::object(py::str("read")) : py::object(py::none());
}

py::dict schemaDict(const SchemaAccess& a)
{
    py::dict d;
    d["schema"] = a.schema;
    d["exists"] = a.exists;
    d["named"] = a.named;
    d["expected"] = expected(a);
    d["has_usage"] = a.hasUsage;
    d["has_read"] = a.hasRead;
    d["has_write"] = a.hasWrite;
    d["default_privileges"] = a.hasDefaultPrivileges;
    d["missing"] = a.missing;
    d["satisfied"] = a.satisfied();
    return d;
}

py::dict statusDict(const RoleStatus& r)
{
    py::dict d;
    d["name"] = r.name;
    d["configured_name"] = r.configuredName.empty() ? py::object(py::none()) : py::object(py::str(r.configuredName));
    d["suffix"] = r.suffix;
    d["exists"] = r.exists;
    d["login"] = r.canLogin;
    d["superuser"] = r.superuser;
    d["owner"] = r.owner;
    d["member_of"] = r.memberOf;
    d["members"] = r.members;
    d["ok"] = r.ok();
    py::list schemas;
    for (const auto& a : r.schemas) schemas.append(schemaDict(a));
    d["schemas"] = schemas;
    return d;
}

py::list statusList(const std::vector<RoleStatus>& list)
{
    py::list out;
    for (const auto& r : list) out.append(statusDict(r));
    return out;
}

py::dict inventoryDict(const RoleInventory& inv)
{
    py::dict d;
    d["schemas"] = inv.schemas;
    d["configured"] = statusList(inv.configured);
    d["grantees"] = statusList(inv.grantees);
    d["others"] = statusList(inv.others);
    d["missing"] = inv.missing;
    d["other_login_roles"] = inv.otherLoginRoles;
    d["ok"] = inv.ok();
    d["text"] = formatRoleInventory(inv);
    return d;
}

void bindManager(py::module_& m)
{
    py::class_<RoleManager>(m, "RoleManager")
        .def(py::init(&toManager), py::arg("roles"), py::arg("source") = "the roles given",
             "Roles as [{name, permissions: [{type, schemas}], inherit, description}].")
        .def_property_readonly("schemas", &RoleManager::schemas)
        .def(
            "create_roles",
            [](const RoleManager& self, py::handle conn, const std::string& suffix, const std::vector<std::string>& roles,
               bool grant, bool commit, py::object feedback) {
                const RoleOptions o = options(suffix, roles);
                return onCaller(conn, commit, feedback, [&](Connection& c, Feedback& f) {
                    self.createRoles(c, f, o);
                    if (grant) self.grantPermissions(c, f, o);
                });
            },
            py::arg("connection"), py::arg("suffix") = "", py::arg("roles") = std::vector<std::string>{},
            py::arg("grant") = false, py::arg("commit") = false, py::arg("feedback") = py::none())
        .def(
            "grant_permissions",
            [](const RoleManager& self, py::handle conn, const std::string& suffix, const std::vector<std::string>& roles,
               bool commit, py::object feedback) {
                const RoleOptions o = options(suffix, roles);
                return onCaller(conn, commit, feedback, [&](Connection& c, Feedback& f) { self.grantPermissions(c, f, o); });
            },
            py::arg("connection"), py::arg("suffix") = "", py::arg("roles") = std::vector<std::string>{},
            py::arg("commit") = false, py::arg("feedback") = py::none())
        .def(
            "revoke_permissions",
            [](const RoleManager& self, py::handle conn, const std::string& suffix, const std::vector<std::string>& roles,
               bool commit, py::object feedback) {
                const RoleOptions o = options(suffix, roles);
                return onCaller(conn, commit, feedback, [&](Connection& c, Feedback& f) { self.revokePermissions(c, f, o); });
            },
            py::arg("connection"), py::arg("suffix") = "", py::arg("roles") = std::vector<std::string>{},
            py::arg("commit") = false, py::arg("feedback") = py::none())
        .def(
            "drop_roles",
            [](const RoleManager& self, py::handle conn, const std::string& suffix, const std::vector<std::string>& roles,
               bool force, bool commit, py::object feedback) {
                const RoleOptions o = options(suffix, roles, force);
                return onCaller(conn, commit, feedback, [&](Connection& c, Feedback& f) { self.dropRoles(c, f, o); });
            },
            py::arg("connection"), py::arg("suffix") = "", py::arg("roles") = std::vector<std::string>{},
            py::arg("force") = false, py::arg("commit") = false, py::arg("feedback") = py::none())
        .def(
            "grant_to",
            [](const RoleManager& self, py::handle conn, const std::string& user, const std::string& suffix,
               const std::vector<std::string>& roles, bool commit, py::object feedback) {
                const RoleOptions o = options(suffix, roles);
                return onCaller(conn, commit, feedback, [&](Connection& c, Feedback&) { self.grantTo(c, user, o); });
            },
            py::arg("connection"), py::arg("user"), py::arg("suffix") = "", py::arg("roles") = std::vector<std::string>{},
            py::arg("commit") = false, py::arg("feedback") = py::none())
        .def(
            "revoke_from",
            [](const RoleManager& self, py::handle conn, const std::string& user, const std::string& suffix,
               const std::vector<std::string>& roles, bool commit, py::object feedback) {
                const RoleOptions o = options(suffix, roles);
                return onCaller(conn, commit, feedback, [&](Connection& c, Feedback&) { self.revokeFrom(c, user, o); });
            },
            py::arg("connection"), py::arg("user"), py::arg("suffix") = "", py::arg("roles") = std::vector<std::string>{},
            py::arg("commit") = false, py::arg("feedback") = py::none())
        .def(
            "inventory",
            [](const RoleManager& self, py::handle conn, bool includeSuperusers) {
                RoleInventory inv = reading(conn, [&](Connection& c) { return self.inventory(c, includeSuperusers); });
                return inventoryDict(inv);
            },
            py::arg("connection"), py::arg("include_superusers") = false);
}

void bindLoginRoles(py::module_& m)
{
    m.def(
        "create_login_role",
        [](py::handle conn, const std::string& name, const std::string& password, bool commit) {
            return onCaller(conn, commit, py::none(), [&](Connection& c, Feedback&) { createLoginRole(c, name, password); });
        },
        py::arg("connection"), py::arg("name"), py::arg("password") = "", py::arg("commit") = false);
    m.def(
        "drop_login_role",
        [](py::handle conn, const std::string& name, bool missingOk, bool commit) {
            return onCaller(conn, commit, py::none(), [&](Connection& c, Feedback&) { dropLoginRole(c, name, missingOk); });
        },
        py::arg("connection"), py::arg("name"), py::arg("missing_ok") = false, py::arg("commit") = false);
    m.def(
        "login_roles",
        [](py::handle conn, bool includeSuperusers) {
            return reading(conn, [&](Connection& c) { return loginRoles(c, includeSuperusers); });
        },
        py::arg("connection"), py::arg("include_superusers") = false);
    m.def(
        "members_of",
        [](py::handle conn, const std::string& role, bool loginOnly) {
            return reading(conn, [&](Connection& c) { return membersOf(c, role, loginOnly); });
        },
        py::arg("connection"), py::arg("role"), py::arg("login_only") = false);
    m.def(
        "memberships_of",
        [](py::handle conn, const std::string& user) {
            return reading(conn, [&](Connection& c) { return membershipsOf(c, user); });
        },
        py::arg("connection"), py::arg("user"));
    m.def(
        "role_exists",
        [](py::handle conn, const std::string& name) {
            return reading(conn, [&](Connection& c) { return roleExists(c, name); });
        },
        py::arg("connection"), py::arg("name"));
}

void bindPermission(py::module_& m)
{
    m.def(
        "grant_permission",
        [](py::handle conn, const std::string& type, const std::vector<std::string>& schemas, const std::string& role,
           bool commit, py::object feedback) {
            RolePermission permission;
            permission.type = parsePermissionType(type, "permission type");
            permission.schemas = schemas;
            return onCaller(conn, commit, feedback, [&](Connection& c, Feedback& f) {
                if (!roleExists(c, role)) throw CommandError("role \"" + role + "\" does not exist (create it first)");
                grantPermission(c, permission, role, f);
            });
        },
        py::arg("connection"), py::arg("type"), py::arg("schemas"), py::arg("role"), py::arg("commit") = false, py::arg("feedback") = py::none(),
        "Grants a read/write permission on schemas to an existing role.");
}

void bindRoles(py::module_& m)
{
    bindManager(m);
    bindLoginRoles(m);
    bindPermission(m);
}

static Binder binder("roles", 50, &bindRoles);

}  // namespace

}  // namespace pum::python
