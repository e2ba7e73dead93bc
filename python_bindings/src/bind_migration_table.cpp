// pum.schema_migrations's engine: the core's MigrationTable on the caller's
// psycopg connection. Records come back as dicts of texts; pum/schema_migrations.py
// gives them pum's Python types (datetime, UUID, Version, parsed JSON).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "binders.h"
#include "caller_connection.h"
#include "given_parameters.h"
#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/run/migration_table.h"

namespace py = pybind11;
using namespace pum;
using pum::python::callerConnection;

namespace {

py::object optionalText(const std::optional<std::string>& text)
{
    return text ? py::object(py::str(*text)) : py::object(py::none());
}

py::dict recordDict(const MigrationRecord& record)
{
    py::dict dict;
    dict["id"] = record.id;
    dict["date_installed"] = record.dateInstalled;
    dict["module"] = record.module;
    dict["version"] = record.versionText;
    dict["beta_testing"] = record.betaTesting;
    dict["changelog_files"] = record.changelogFiles;
    dict["parameters"] = record.parametersJson;
    dict["migration_table_version"] = record.tableVersion;
    dict["pum_version"] = optionalText(record.pumVersion);
    return dict;
}

py::object optionalRecord(const std::optional<MigrationRecord>& record)
{
    return record ? py::object(recordDict(*record)) : py::object(py::none());
}

// One schema's pum_migrations. Reads run in the caller's session as they
// are; writes join the caller's transaction and commit only with commit=True.
class CallerMigrationTable {
public:
    explicit CallerMigrationTable(std::string schema) : schema_(std::move(schema)) {}

    // Runs `action` on a MigrationTable over `connection`, without the GIL.
    template <typename Action>
    auto read(const py::handle& connection, Action&& action)
    {
        Connection borrowed = callerConnection(connection, false);
        py::gil_scoped_release nogil;
        MigrationTable table(borrowed, schema_);
        return action(table);
    }

    // The same in a transaction, under the table's advisory lock.
    template <typename Action>
    void write(const py::handle& connection, bool commit, Action&& action)
    {
        Connection borrowed = callerConnection(connection, commit);
        py::gil_scoped_release nogil;
        Transaction transaction(borrowed);
        MigrationTable table(borrowed, schema_);
        table.lock();
        action(table);
        transaction.commit();
    }

private:
    std::string schema_;
};

void bindReads(py::class_<CallerMigrationTable>& c)
{
    c.def("exists", [](CallerMigrationTable& self, py::handle connection) {
        return self.read(connection, [](MigrationTable& t) { return t.exists(); });
    });
    c.def("other_schemas", [](CallerMigrationTable& self, py::handle connection) {
        return self.read(connection, [](MigrationTable& t) { return t.otherSchemas(); });
    });
    c.def("layout_version", [](CallerMigrationTable& self, py::handle connection) {
        return self.read(connection, [](MigrationTable& t) { return t.layoutVersion(); });
    });
    c.def("latest", [](CallerMigrationTable& self, py::handle connection) {
        auto record = self.read(connection, [](MigrationTable& t) { return t.exists() ? t.latest() : std::nullopt; });
        return optionalRecord(record);
    });
    c.def("record_of", [](CallerMigrationTable& self, py::handle connection, const std::string& version) {
        Version parsed = Version::parse(version);
        return optionalRecord(self.read(connection, [&](MigrationTable& t) { return t.recordOf(parsed); }));
    });
    c.def("summary", [](CallerMigrationTable& self, py::handle connection) -> py::object {
        auto summary = self.read(connection, [](MigrationTable& t) { return t.summary(); });
        if (!summary) return py::none();
        py::dict dict;
        dict["schema"] = summary->schema;
        dict["latest"] = recordDict(summary->latest);
        dict["installed_date"] = summary->installedDate;
        dict["upgrade_date"] = optionalText(summary->upgradeDate);
        return dict;
    });
    c.def("compare", [](CallerMigrationTable& self, py::handle connection, const Config& config) {
        auto changelogs = loadChangelogs(config);
        return self.read(connection, [&](MigrationTable& t) { return compareWithChangelogs(t, changelogs); });
    });
    c.def_static("schemas_with_table", [](py::handle connection) {
        Connection borrowed = callerConnection(connection, false);
        py::gil_scoped_release nogil;
        return MigrationTable::schemasWithTable(borrowed);
    });
}

void bindWrites(py::class_<CallerMigrationTable>& c)
{
    c.def(
        "create",
        [](CallerMigrationTable& self, py::handle connection, bool allowMultipleModules, bool commit) {
            self.write(connection, commit, [&](MigrationTable& t) {
                if (t.exists()) return;  // as pum: creating an existing table is no error
                t.refuseOtherModules(allowMultipleModules);
                t.create();
            });
        },
        py::arg("connection"), py::arg("allow_multiple_modules") = false, py::arg("commit") = false);
    c.def(
        "upgrade_layout",
        [](CallerMigrationTable& self, py::handle connection, bool commit) {
            self.write(connection, commit, [](MigrationTable& t) { t.upgradeLayout(); });
        },
        py::arg("connection"), py::arg("commit") = false);
    c.def(
        "set_baseline",
        [](CallerMigrationTable& self, py::handle connection, const std::string& module, const std::string& version,
           std::vector<std::string> changelogFiles, py::handle parameters, bool betaTesting, bool commit) {
            Version parsed = Version::parse(version);
            // Recorded as given, declared or not: a baseline runs nothing.
            ParameterValues values = pum::python::rawParameters(parameters);
            self.write(connection, commit, [&](MigrationTable& t) {
                t.setBaseline(module, parsed, betaTesting, changelogFiles, values);
            });
        },
        py::arg("connection"), py::arg("module"), py::arg("version"), py::arg("changelog_files"),
        py::arg("parameters"), py::arg("beta_testing") = false, py::arg("commit") = false);
}

void bindMigrationTable(py::module_& m)
{
    py::class_<CallerMigrationTable> c(
        m, "CallerMigrationTable",
        "A schema's pum_migrations table on a caller's psycopg connection (internal: use pum.schema_migrations).");
    c.def(py::init<std::string>(), py::arg("schema"));
    c.attr("LAYOUT_VERSION") = MigrationTable::kLayoutVersion;
    c.attr("TABLE_NAME") = MigrationTable::kTableName;
    bindReads(c);
    bindWrites(c);
}

const pum::python::Binder binder("migration_table", 30, &bindMigrationTable);

}  // namespace
