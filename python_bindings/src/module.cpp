// pum._pum_native: the core seen from Python. Hook files do not use it
// directly; pum's Python modules do (SqlContent's lexer, the scripting API).
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <libpq-fe.h>

#include <atomic>
#include <memory>
#include <optional>

#include "binders.h"
#include "bridge.h"
#include "pum/config.h"
#include "pum/database.h"
#include "pum/feedback.h"
#include "pum/hook.h"
#include "pum/sql.h"
#include "pum/upgrader.h"

namespace py = pybind11;
using namespace pum;
using pum::python::toParameterValue;
using pum::python::toPython;

namespace {

ParameterValues toParameterValues(const py::dict& parameters)
{
    ParameterValues values;
    for (auto item : parameters) {
        const std::string name = py::str(item.first);
        try {
            values[name] = toParameterValue(item.second);
        } catch (const ParameterError& error) {
            throw ParameterError(name, "parameter '" + name + "': " + error.what());
        }
    }
    return values;
}

// What the user gave, typed by the module's declarations (a Python int for a
// text parameter becomes its text); the core resolves and checks the rest.
ParameterValues given(const Config& config, const std::optional<py::dict>& parameters)
{
    ParameterValues values;
    if (!parameters)
        return values;
    for (const auto& [name, value] : toParameterValues(*parameters)) {
        if (value.isNull())
            continue;  // unset: the stored value or the default applies
        const ParameterDefinition* definition = config.parameter(name);
        try {
            values[name] = definition && definition->type != value.type()
                               ? ParameterValue::parse(definition->type, value.text())
                               : value;
        } catch (const ParameterError& error) {
            throw ParameterError(name, "parameter '" + name + "': " + error.what());
        }
    }
    return values;
}

py::dict toDict(const ParameterValues& values)
{
    py::dict dict;
    for (const auto& [name, value] : values)
        dict[py::str(name)] = toPython(value);
    return dict;
}

py::list versions(const std::vector<Version>& list)
{
    py::list out;
    for (const Version& version : list)
        out.append(version.toString());
    return out;
}

py::object optionalVersion(const std::optional<Version>& version)
{
    return version ? py::object(py::str(version->toString())) : py::object(py::none());
}

// A parsed script whose statements keep pointing at its line table.
struct Script {
    SqlScript script;
    py::list statements() const
    {
        py::list list;
        for (const SqlStatement& statement : script.statements)
            list.append(py::make_tuple(statement.text, statement.line));
        return list;
    }
    int lineAtPosition(std::size_t index, int position) const
    {
        if (index >= script.statements.size())
            throw py::index_error("no statement " + std::to_string(index));
        return script.statements[index].lineAtPosition(position);
    }
};

class PyFeedback : public Feedback {
public:
    py::object progressCallback, logCallback, cancelledCallback;
    std::atomic<bool> failed{false};
    std::optional<py::error_already_set> error;

    void log(Level level, const std::string& message) override
    {
        if (logCallback.is_none() || failed)
            return;
        static const char* names[] = {"error", "warning", "info", "debug", "trace"};
        call(logCallback, names[static_cast<int>(level)], message);
    }
    void progress(std::size_t done, std::size_t total, const std::string& current) override
    {
        if (!progressCallback.is_none() && !failed)
            call(progressCallback, done, total, current);
    }
    bool isCancelled() const override
    {
        if (failed)
            return true;  // a callback raised: stop, then re-raise its error
        if (cancelledCallback.is_none())
            return false;
        py::gil_scoped_acquire gil;
        try {
            return cancelledCallback().cast<bool>();
        } catch (py::error_already_set& raised) {
            auto* self = const_cast<PyFeedback*>(this);
            self->error.emplace(std::move(raised));
            self->failed = true;
            return true;
        }
    }
    // Re-raises a callback's exception after the command rolled back.
    void rethrow()
    {
        if (failed && error) {
            py::error_already_set raised = std::move(*error);
            error.reset();
            failed = false;
            throw raised;
        }
    }

private:
    template <typename... Args>
    void call(const py::object& callback, Args&&... args)
    {
        py::gil_scoped_acquire gil;
        try {
            callback(std::forward<Args>(args)...);
        } catch (py::error_already_set& raised) {
            error.emplace(std::move(raised));
            failed = true;
        }
    }
};

struct PyConnection {
    std::optional<Connection> connection;
    bool closed = false;
    Connection& get()
    {
        if (!connection || closed)
            throw ConnectionError("the connection is closed");
        return *connection;
    }
    // Upgraders keep a reference to the Connection object (and use it until
    // they are destroyed, possibly after close()): free the libpq session but
    // keep the object, now empty, at the same address.
    void close()
    {
        if (connection && !closed)
            *connection = Connection(nullptr);
        closed = true;
    }
};

struct PyUpgrader {
    py::object connectionOwner;  // keeps the PyConnection alive
    PyFeedback feedback;
    std::unique_ptr<Upgrader> upgrader;

    // Runs a core command without the GIL, so that hooks and callbacks
    // (which take it back) can run, then re-raises a callback's exception.
    template <typename F>
    auto run(F&& command)
    {
        connectionOwner.cast<PyConnection&>().get();  // refuses a closed connection
        if (!HookRegistry::instance().find(".py"))
            pum::python::registerHookRunner();
        try {
            py::gil_scoped_release nogil;
            return command();
        } catch (const CancelledError&) {
            feedback.rethrow();
            throw;
        }
    }
};

py::dict summary(const RunSummary& run)
{
    py::dict dict;
    dict["from_version"] = optionalVersion(run.from);
    dict["to_version"] = optionalVersion(run.to);
    dict["applied"] = versions(run.applied);
    dict["statements"] = run.statements;
    dict["seconds"] = run.seconds;
    dict["nothing_to_do"] = run.nothingToDo;
    return dict;
}

}  // namespace

PYBIND11_MODULE(_pum_native, m)
{
    m.doc() = "pum's C++ core (internal: use the pum package)";

    py::register_exception_translator([](std::exception_ptr pointer) {
        try {
            if (pointer)
                std::rethrow_exception(pointer);
        } catch (const Error& error) {
            pum::python::setPythonError(error);
        }
    });

    py::class_<Script, std::shared_ptr<Script>>(m, "SqlScript")
        .def_property_readonly("source", [](const Script& s) { return s.script.source; })
        .def_property_readonly("statements", &Script::statements, "[(text, line), ...]")
        .def("line_at_position", &Script::lineAtPosition, py::arg("index"), py::arg("position"),
             "Source line of a server error position (1-based characters) in statement `index`.");

    m.def(
        "parse_sql",
        [](const std::string& text, const std::string& source, const py::dict& parameters, bool substitute,
           bool refuseTransactionControl, int firstLine) {
            SqlOptions options;
            options.substitute = substitute;
            options.refuseTransactionControl = refuseTransactionControl;
            options.firstLine = firstLine;
            auto script = std::make_shared<Script>();
            script->script = parseSql(text, source, toParameterValues(parameters), options);
            return script;
        },
        py::arg("text"), py::arg("source") = "SQL text", py::arg("parameters") = py::dict(),
        py::arg("substitute") = true, py::arg("refuse_transaction_control") = true, py::arg("first_line") = 1,
        "Splits SQL with pum's lexer and substitutes {name} parameters (Python values).");

    m.def(
        "transaction_control",
        [](const std::string& text) -> std::string {
            SqlOptions options;
            options.substitute = false;
            try {
                parseSql(text, "query", {}, options);
                return {};
            } catch (const SqlError& refused) {
                // Only transaction control: anything else the server reports itself.
                options.refuseTransactionControl = false;
                try {
                    parseSql(text, "query", {}, options);
                } catch (const SqlError&) {
                    return {};
                }
                return refused.info().message;
            }
        },
        py::arg("text"), "Why `text` ends or starts a transaction (\"\" when it does not).");

    m.def("libpq_version", [] { return PQlibVersion(); });
    m.def("register_hook_runner", &pum::python::registerHookRunner,
          "Registers the .py hook runner in the core (done by the scripting API when needed).");
    m.def("tool_version", [] { return std::string(toolVersion()); });

    py::class_<ParameterDefinition>(m, "ParameterDefinition")
        .def_readonly("name", &ParameterDefinition::name)
        .def_property_readonly("type", [](const ParameterDefinition& d) { return std::string(toString(d.type)); })
        .def_property_readonly("default",
                               [](const ParameterDefinition& d) {
                                   return d.defaultValue ? toPython(*d.defaultValue) : py::object(py::none());
                               })
        .def_readonly("description", &ParameterDefinition::description)
        .def_property_readonly("values",
                               [](const ParameterDefinition& d) {
                                   py::list list;
                                   for (const ParameterValue& v : d.values)
                                       list.append(toPython(v));
                                   return list;
                               })
        .def_readonly("app_only", &ParameterDefinition::appOnly)
        .def("__repr__", [](const ParameterDefinition& d) {
            return "<ParameterDefinition " + d.name + " " + std::string(toString(d.type)) + ">";
        });

    py::class_<Config>(m, "Config")
        .def_static(
            "load",
            [](const std::string& baseDir, std::optional<std::string> configFile) {
                std::optional<std::filesystem::path> file;
                if (configFile)
                    file = *configFile;
                return Config::load(baseDir, file);
            },
            py::arg("base_dir"), py::arg("config_file") = py::none(),
            "Loads <base_dir>/.pum.yaml (or config_file) and validates it.")
        .def_readonly("module", &Config::module)
        .def_property_readonly("base_dir", [](const Config& c) { return c.baseDir.string(); })
        .def_property_readonly("config_file", [](const Config& c) { return c.configFile.string(); })
        .def_readonly("migration_table_schema", &Config::migrationTableSchema)
        .def_readonly("parameters", &Config::parameters)
        .def_property_readonly("dependencies",
                               [](const Config& c) {
                                   py::list list;
                                   for (const Dependency& d : c.dependencies)
                                       list.append(py::make_tuple(d.name, d.minimumVersion, d.maximumVersion));
                                   return list;
                               })
        .def_property_readonly("has_python_hooks", &Config::hasPythonHooks)
        .def("__repr__", [](const Config& c) { return "<Config " + c.module + " at " + c.baseDir.string() + ">"; });

    py::class_<PyConnection, std::shared_ptr<PyConnection>>(m, "Connection")
        .def(py::init([](const std::string& spec) {
                 auto connection = std::make_shared<PyConnection>();
                 py::gil_scoped_release nogil;
                 connection->connection.emplace(Connection::open(spec));
                 return connection;
             }),
             py::arg("spec"), "Opens a service name, postgresql:// URI or key=value connection string.")
        .def("close", &PyConnection::close)
        .def_property_readonly("closed", [](const PyConnection& c) { return c.closed || !c.connection; })
        .def("describe", [](PyConnection& c) { return c.get().describe(); })
        .def("__repr__", [](PyConnection& c) {
            return c.connection && !c.closed ? "<pum.Connection " + c.connection->describe() + ">"
                                             : std::string("<pum.Connection closed>");
        });

    py::class_<PyUpgrader>(m, "Upgrader")
        .def(py::init([](const Config& config, py::object connection, py::object progress, py::object log,
                         py::object cancelled) {
                 auto self = std::make_unique<PyUpgrader>();
                 self->connectionOwner = connection;
                 self->feedback.progressCallback = progress;
                 self->feedback.logCallback = log;
                 self->feedback.cancelledCallback = cancelled;
                 Connection& conn = connection.cast<PyConnection&>().get();
                 self->upgrader = std::make_unique<Upgrader>(config, conn, self->feedback);
                 return self;
             }),
             py::arg("config"), py::arg("connection"), py::arg("progress") = py::none(), py::arg("log") = py::none(),
             py::arg("cancelled") = py::none())
        .def(
            "install",
            [](PyUpgrader& self, std::optional<py::dict> parameters, std::optional<std::string> maxVersion,
               bool betaTesting, bool skipDropApp, bool skipCreateApp, bool allowMultipleModules, bool skipRoles,
               bool skipGrant, std::string demoData) {
                InstallOptions options;
                options.parameters = given(self.upgrader->config(), parameters);
                if (maxVersion)
                    options.maxVersion = Version::parse(*maxVersion);
                options.betaTesting = betaTesting;
                options.skipDropApp = skipDropApp;
                options.skipCreateApp = skipCreateApp;
                options.allowMultipleModules = allowMultipleModules;
                options.skipRoles = skipRoles;
                options.skipGrant = skipGrant;
                options.demoData = demoData;
                return summary(self.run([&] { return self.upgrader->install(options); }));
            },
            py::arg("parameters") = py::none(), py::arg("max_version") = py::none(), py::arg("beta_testing") = false,
            py::arg("skip_drop_app") = false, py::arg("skip_create_app") = false,
            py::arg("allow_multiple_modules") = false, py::arg("skip_roles") = false, py::arg("skip_grant") = false,
            py::arg("demo_data") = "")
        .def(
            "upgrade",
            [](PyUpgrader& self, std::optional<py::dict> parameters, std::optional<std::string> maxVersion,
               bool betaTesting, bool force, bool skipDropApp, bool skipCreateApp, bool skipBaselineCheck,
               bool skipGrant, bool skipRoles) {
                UpgradeOptions options;
                options.parameters = given(self.upgrader->config(), parameters);
                if (maxVersion)
                    options.maxVersion = Version::parse(*maxVersion);
                options.betaTesting = betaTesting;
                options.force = force;
                options.skipDropApp = skipDropApp;
                options.skipCreateApp = skipCreateApp;
                options.skipBaselineCheck = skipBaselineCheck;
                options.skipGrant = skipGrant;
                options.skipRoles = skipRoles;
                return summary(self.run([&] { return self.upgrader->upgrade(options); }));
            },
            py::arg("parameters") = py::none(), py::arg("max_version") = py::none(), py::arg("beta_testing") = false,
            py::arg("force") = false, py::arg("skip_drop_app") = false, py::arg("skip_create_app") = false,
            py::arg("skip_baseline_check") = false, py::arg("skip_grant") = false, py::arg("skip_roles") = false)
        .def(
            "baseline",
            [](PyUpgrader& self, const std::string& version, bool createTable, bool allowMultipleModules,
               std::optional<py::dict> parameters) {
                auto values = given(self.upgrader->config(), parameters);
                Version parsed = Version::parse(version);
                self.run([&] { self.upgrader->baseline(parsed, createTable, allowMultipleModules, values); });
            },
            py::arg("version"), py::arg("create_table") = false, py::arg("allow_multiple_modules") = false,
            py::arg("parameters") = py::none())
        .def("info",
             [](PyUpgrader& self) {
                 ModuleInfo info = self.run([&] { return self.upgrader->info(); });
                 py::dict dict;
                 dict["module"] = info.module;
                 dict["migration_table"] = info.migrationTable;
                 dict["installed"] = info.installed;
                 dict["installed_module"] = info.installedModule;
                 dict["version"] = info.current ? py::object(py::str(info.current->versionText)) : py::object(py::none());
                 dict["beta_testing"] = info.current ? info.current->betaTesting : false;
                 dict["date_installed"] =
                     info.current ? py::object(py::str(info.current->dateInstalled)) : py::object(py::none());
                 dict["layout_version"] = info.layoutVersion;
                 dict["parameters"] = toDict(info.parameters);
                 dict["pending"] = versions(info.pending);
                 dict["available"] = versions(info.available);
                 dict["other_schemas"] = info.otherSchemas;
                 return dict;
             })
        .def(
            "install_demo_data",
            [](PyUpgrader& self, const std::string& name, std::optional<py::dict> parameters, bool skipGrant,
               bool skipDropApp, bool skipCreateApp) {
                auto values = given(self.upgrader->config(), parameters);
                self.run([&] { self.upgrader->installDemoData(name, values, skipGrant, skipDropApp, skipCreateApp); });
            },
            py::arg("name"), py::arg("parameters") = py::none(), py::arg("skip_grant") = false,
            py::arg("skip_drop_app") = false, py::arg("skip_create_app") = false)
        .def(
            "create_app",
            [](PyUpgrader& self, std::optional<py::dict> parameters) {
                auto values = given(self.upgrader->config(), parameters);
                self.run([&] { self.upgrader->createApp(values); });
            },
            py::arg("parameters") = py::none())
        .def(
            "drop_app",
            [](PyUpgrader& self, std::optional<py::dict> parameters) {
                auto values = given(self.upgrader->config(), parameters);
                self.run([&] { self.upgrader->dropApp(values); });
            },
            py::arg("parameters") = py::none())
        .def(
            "recreate_app",
            [](PyUpgrader& self, std::optional<py::dict> parameters) {
                auto values = given(self.upgrader->config(), parameters);
                self.run([&] { self.upgrader->recreateApp(values); });
            },
            py::arg("parameters") = py::none())
        .def(
            "uninstall",
            [](PyUpgrader& self, std::optional<py::dict> parameters) {
                auto values = given(self.upgrader->config(), parameters);
                self.run([&] { self.upgrader->uninstall(values); });
            },
            py::arg("parameters") = py::none());

    // Everything in src/bind_*.cpp.
    pum::python::bindAll(m);
}
