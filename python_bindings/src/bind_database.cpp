// pum.database's engine: CREATE/DROP DATABASE and CONNECT access, from the
// core's database_admin. Creating and dropping need a connection of their own
// (they cannot run in a transaction): on the server and as the user that the
// caller's connection parameters name.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "binders.h"
#include "caller_connection.h"
#include "pum/db/database.h"
#include "pum/tools/database_admin.h"

namespace py = pybind11;

namespace pum::python {

namespace {

void bindDatabase(py::module_& m)
{
    m.def(
        "create_database",
        [](const std::string& spec, const std::string& maintenance, const std::string& name,
           const std::string& templateName) {
            py::gil_scoped_release nogil;
            Connection c = openMaintenanceConnection(spec, maintenance);
            createDatabase(c, name, templateName);
        },
        py::arg("spec"), py::arg("maintenance_database"), py::arg("name"), py::arg("template") = "",
        "CREATE DATABASE on the server of `spec`, connected to `maintenance_database`.");
    m.def(
        "drop_database",
        [](const std::string& spec, const std::string& maintenance, const std::string& name) {
            py::gil_scoped_release nogil;
            Connection c = openMaintenanceConnection(spec, maintenance);
            dropDatabase(c, name);
        },
        py::arg("spec"), py::arg("maintenance_database"), py::arg("name"),
        "DROP DATABASE, ending the sessions connected to it.");
    m.def(
        "connect_access",
        [](py::handle connection, const std::string& name) {
            Connection c = callerConnection(connection, false);
            ConnectAccess access;
            {
                py::gil_scoped_release nogil;
                access = connectAccess(c, name);
            }
            return py::make_tuple(access.publicCanConnect, access.roles);
        },
        py::arg("connection"), py::arg("name"), "(PUBLIC can connect, roles granted CONNECT) of a database.");
    m.def(
        "configure_connect_access",
        [](const std::string& spec, const std::string& maintenance, const std::string& name,
           const std::vector<std::string>& grant, const std::vector<std::string>& revoke,
           std::optional<bool> publicAccess) {
            py::gil_scoped_release nogil;
            Connection c = openMaintenanceConnection(spec, maintenance);
            Transaction t(c);
            configureConnectAccess(c, name, grant, revoke, publicAccess);
            t.commit();
        },
        py::arg("spec"), py::arg("maintenance_database"), py::arg("name"), py::arg("grant") = std::vector<std::string>{},
        py::arg("revoke") = std::vector<std::string>{}, py::arg("public") = py::none(),
        "GRANT/REVOKE CONNECT on a database (PUBLIC first, then revokes, then grants), committed.");
}

static Binder binder("database", 50, &bindDatabase);

}  // namespace

}  // namespace pum::python
