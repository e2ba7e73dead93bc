// pum.api, pum-native's own scripting API: a connection owned by the core
// (Connection), and an Upgrader over it with plain callbacks for progress, log
// and cancellation that returns a summary dict. pum's own API (pum.upgrader on
// the caller's psycopg connection) is in bind_upgrader.cpp.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

#include "binders.h"
#include "bridge.h"
#include "callback_error.h"
#include "given_parameters.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/feedback.h"
#include "pum/run/hook.h"
#include "pum/run/upgrader.h"

namespace py = pybind11;
using namespace pum;
using pum::python::CallbackError;
using pum::python::givenParameters;
using pum::python::toPython;

namespace {

// pum.api passes parameters as an optional dict.
ParameterValues given(const Config& config, const std::optional<py::dict>& parameters)
{
    return parameters ? givenParameters(config, *parameters) : ParameterValues{};
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

// The pum.api callbacks as the core's Feedback. What a callback raises is kept
// in `error` (see callback_error.h) and stops the command.
class PyFeedback : public Feedback {
public:
    py::object progressCallback, logCallback, cancelledCallback;
    mutable CallbackError error;  // also captured by isCancelled(), const in the core's interface

    void log(Level level, const std::string& message) override
    {
        if (logCallback.is_none()) return;
        static const char* names[] = {"error", "warning", "info", "debug", "trace"};
        call([&] { logCallback(names[static_cast<int>(level)], message); });
    }
    void progress(std::size_t done, std::size_t total, const std::string& current) override
    {
        if (!progressCallback.is_none()) call([&] { progressCallback(done, total, current); });
    }
    bool isCancelled() const override
    {
        if (error.failed()) return true;  // a callback raised: stop, then re-raise its error
        if (cancelledCallback.is_none()) return false;
        bool cancelled = false;
        call([&] { cancelled = cancelledCallback().cast<bool>(); });
        return cancelled || error.failed();
    }

private:
    // Runs `body` with the GIL, unless a callback already raised during this command.
    template <typename Body>
    void call(Body&& body) const
    {
        if (error.failed()) return;
        py::gil_scoped_acquire gil;
        try {
            body();
        } catch (py::error_already_set& raised) {
            error.capture(std::move(raised));
        }
    }
};

// A libpq connection is not thread-safe: one command at a time may use a
// pum.api Connection. Another one (from a second thread, or from a callback of
// the running command) is refused at once, never made to wait: a callback
// waiting for its own command would never return.
struct PyConnection {
    std::optional<Connection> connection;
    bool closed = false;
    std::mutex inUse;

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
        std::unique_lock<std::mutex> lock(inUse, std::try_to_lock);
        if (!lock.owns_lock())
            throw CommandError("cannot close the connection: a command is running on it (in another thread)");
        if (connection && !closed)
            *connection = Connection(nullptr);
        closed = true;
    }
};

// Exclusive use of a PyConnection for the length of one command.
class ConnectionInUse {
public:
    explicit ConnectionInUse(PyConnection& connection) : lock_(connection.inUse, std::try_to_lock)
    {
        if (!lock_.owns_lock())
            throw CommandError("this pum.api Connection is in use by another command (in another thread, or "
                               "the command whose callback is running): use one Connection per thread");
        connection.get();  // refuses a closed connection
    }

private:
    std::unique_lock<std::mutex> lock_;
};

class PyUpgrader {
public:
    py::object connectionOwner;  // keeps the PyConnection alive
    PyFeedback feedback;
    std::unique_ptr<Upgrader> upgrader;

    // Runs a core command on the connection, which no other command may use meanwhile.
    template <typename F>
    auto run(F&& command)
    {
        ConnectionInUse exclusive(connectionOwner.cast<PyConnection&>());
        if (!HookRegistry::instance().find(".py"))
            pum::python::registerHookRunner();
        feedback.error.clear();  // an earlier command's error is not this one's
        using Result = decltype(command());
        if constexpr (std::is_void_v<Result>) {
            withoutGil([&] { command(); });
        } else {
            std::optional<Result> result;
            withoutGil([&] { result.emplace(command()); });
            return std::move(*result);
        }
    }

private:
    // Runs `body` without the GIL, so that hooks and callbacks (which take it
    // back) can run. A callback's exception is then raised in place of whatever
    // the core made of it (a cancellation): it came first.
    template <typename Body>
    void withoutGil(Body&& body)
    {
        try {
            py::gil_scoped_release nogil;
            body();
        } catch (...) {
            feedback.error.rethrow();
            throw;
        }
        feedback.error.rethrow();  // raised after the last check (a log after the commit)
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

std::unique_ptr<PyUpgrader> makeUpgrader(const Config& config, py::object connection, py::object progress,
                                         py::object log, py::object cancelled)
{
    auto self = std::make_unique<PyUpgrader>();
    self->connectionOwner = connection;
    self->feedback.progressCallback = progress;
    self->feedback.logCallback = log;
    self->feedback.cancelledCallback = cancelled;
    Connection& conn = connection.cast<PyConnection&>().get();
    self->upgrader = std::make_unique<Upgrader>(config, conn, self->feedback);
    self->feedback.error.rethrow();  // the log callback raised on a warning about the module
    return self;
}

py::dict runInstall(PyUpgrader& self, std::optional<py::dict> parameters, std::optional<std::string> maxVersion,
                    bool betaTesting, bool skipDropApp, bool skipCreateApp, bool allowMultipleModules, bool skipRoles,
                    bool skipGrant, std::string demoData)
{
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
}

py::dict runUpgrade(PyUpgrader& self, std::optional<py::dict> parameters, std::optional<std::string> maxVersion,
                    bool betaTesting, bool force, bool skipDropApp, bool skipCreateApp, bool skipBaselineCheck,
                    bool skipGrant, bool skipRoles)
{
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
}

py::dict infoDict(PyUpgrader& self)
{
    ModuleInfo info = self.run([&] { return self.upgrader->info(); });
    py::dict dict;
    dict["module"] = info.module;
    dict["migration_table"] = info.migrationTable;
    dict["installed"] = info.installed;
    dict["installed_module"] = info.installedModule;
    dict["version"] = info.current ? py::object(py::str(info.current->versionText)) : py::object(py::none());
    dict["beta_testing"] = info.current ? info.current->betaTesting : false;
    dict["date_installed"] = info.current ? py::object(py::str(info.current->dateInstalled)) : py::object(py::none());
    dict["layout_version"] = info.layoutVersion;
    dict["parameters"] = toDict(info.parameters);
    dict["pending"] = versions(info.pending);
    dict["available"] = versions(info.available);
    dict["other_schemas"] = info.otherSchemas;
    return dict;
}

void bindConnection(py::module_& m)
{
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
}

// The long command bodies are the named functions above, so that this reads
// as the list of the class's methods.
void bindUpgrader(py::module_& m)
{
    py::class_<PyUpgrader>(m, "Upgrader")
        .def(py::init(&makeUpgrader), py::arg("config"), py::arg("connection"), py::arg("progress") = py::none(),
             py::arg("log") = py::none(), py::arg("cancelled") = py::none())
        .def("install", &runInstall, py::arg("parameters") = py::none(), py::arg("max_version") = py::none(),
             py::arg("beta_testing") = false, py::arg("skip_drop_app") = false, py::arg("skip_create_app") = false,
             py::arg("allow_multiple_modules") = false, py::arg("skip_roles") = false, py::arg("skip_grant") = false,
             py::arg("demo_data") = "")
        .def("upgrade", &runUpgrade, py::arg("parameters") = py::none(), py::arg("max_version") = py::none(),
             py::arg("beta_testing") = false, py::arg("force") = false, py::arg("skip_drop_app") = false,
             py::arg("skip_create_app") = false, py::arg("skip_baseline_check") = false,
             py::arg("skip_grant") = false, py::arg("skip_roles") = false)
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
        .def("info", &infoDict)
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
}

void bindApi(py::module_& m)
{
    bindConnection(m);
    bindUpgrader(m);
}

// After config (its Config class is in the signatures).
const pum::python::Binder binder("api", 30, &bindApi);

}  // namespace
