// pum.upgrader's engine: the core's Upgrader run on the caller's psycopg
// connection (its PGconn, inside its transaction), reporting to the caller's
// pum.feedback.Feedback. pum/upgrader.py maps pum's arguments onto these.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "binders.h"
#include "bridge.h"
#include "caller_connection.h"
#include "given_parameters.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/run/hook.h"
#include "pum/run/upgrader.h"
#include "python_feedback.h"

namespace py = pybind11;
using namespace pum;
using pum::python::givenParameters;

namespace {

std::optional<Version> optionalVersion(const std::optional<std::string>& text)
{
    return text ? std::optional<Version>(Version::parse(*text)) : std::nullopt;
}

// One module, the commands of pum's Upgrader. `recordedPath` is the module
// folder as the caller named it (pum records changelog files under it).
class CallerUpgrader {
public:
    CallerUpgrader(Config config, std::string recordedPath)
        : config_(std::move(config)), recordedPath_(std::move(recordedPath))
    {
    }

    const Config& config() const { return config_; }

    // Runs `command` on a core Upgrader over the caller's connection, without
    // the GIL (so that Python hooks and the feedback can take it), then
    // re-raises what a feedback method raised, if that stopped the command.
    template <typename Command>
    auto run(const py::handle& connection, bool commit, const py::object& feedback, Command&& command)
    {
        Connection borrowed = pum::python::callerConnection(connection, commit);
        pum::python::PythonFeedback sink(feedback);
        if (!HookRegistry::instance().find(".py")) pum::python::registerHookRunner();
        using Result = decltype(command(std::declval<Upgrader&>()));
        std::optional<Result> result;
        try {
            py::gil_scoped_release nogil;
            Upgrader upgrader(config_, borrowed, sink);
            upgrader.setRecordedModulePath(recordedPath_);
            upgrader.setFillDefaults(false);  // pum's API: a declared default only validates
            result.emplace(command(upgrader));
        } catch (const CancelledError&) {
            sink.rethrowCallbackError();
            throw;
        }
        sink.rethrowCallbackError();  // a report after the commit failed: the caller's code has a bug
        return std::move(*result);
    }

private:
    Config config_;
    std::string recordedPath_;
};

// pum's roles/grant flags are opt-in; the core's options are skip flags (as the CLI's).
void bindCommands(py::class_<CallerUpgrader>& c)
{
    c.def(
        "install",
        [](CallerUpgrader& self, py::handle connection, py::handle parameters, std::optional<std::string> maxVersion,
           bool roles, bool grant, bool betaTesting, bool skipDropApp, bool skipCreateApp, bool allowMultipleModules,
           std::string demoData, bool commit, py::object feedback) {
            InstallOptions options;
            options.parameters = givenParameters(self.config(), parameters);
            options.maxVersion = optionalVersion(maxVersion);
            options.skipRoles = !roles;
            options.skipGrant = !grant;
            options.betaTesting = betaTesting;
            options.skipDropApp = skipDropApp;
            options.skipCreateApp = skipCreateApp;
            options.allowMultipleModules = allowMultipleModules;
            options.demoData = std::move(demoData);
            self.run(connection, commit, feedback, [&](Upgrader& u) { return u.install(options); });
        },
        py::arg("connection"), py::arg("parameters") = py::none(), py::arg("max_version") = py::none(),
        py::arg("roles") = false, py::arg("grant") = false, py::arg("beta_testing") = false,
        py::arg("skip_drop_app") = false, py::arg("skip_create_app") = false,
        py::arg("allow_multiple_modules") = false, py::arg("demo_data") = "", py::arg("commit") = false,
        py::arg("feedback") = py::none());
    c.def(
        "upgrade",
        [](CallerUpgrader& self, py::handle connection, py::handle parameters, std::optional<std::string> maxVersion,
           bool betaTesting, bool force, bool skipDropApp, bool skipCreateApp, bool roles, bool grant,
           bool skipBaselineCheck, bool commit, py::object feedback) {
            UpgradeOptions options;
            options.parameters = givenParameters(self.config(), parameters);
            options.maxVersion = optionalVersion(maxVersion);
            options.betaTesting = betaTesting;
            options.force = force;
            options.skipDropApp = skipDropApp;
            options.skipCreateApp = skipCreateApp;
            options.skipRoles = !roles;
            options.skipGrant = !grant;
            options.skipBaselineCheck = skipBaselineCheck;
            self.run(connection, commit, feedback, [&](Upgrader& u) { return u.upgrade(options); });
        },
        py::arg("connection"), py::arg("parameters") = py::none(), py::arg("max_version") = py::none(),
        py::arg("beta_testing") = false, py::arg("force") = false, py::arg("skip_drop_app") = false,
        py::arg("skip_create_app") = false, py::arg("roles") = false, py::arg("grant") = false,
        py::arg("skip_baseline_check") = false, py::arg("commit") = true, py::arg("feedback") = py::none());
    c.def(
        "install_demo_data",
        [](CallerUpgrader& self, py::handle connection, const std::string& name, py::handle parameters, bool grant,
           bool skipDropApp, bool skipCreateApp, bool commit, py::object feedback) {
            auto values = givenParameters(self.config(), parameters);
            self.run(connection, commit, feedback, [&](Upgrader& u) {
                u.installDemoData(name, values, !grant, skipDropApp, skipCreateApp);
                return true;
            });
        },
        py::arg("connection"), py::arg("name"), py::arg("parameters") = py::none(), py::arg("grant") = true,
        py::arg("skip_drop_app") = false, py::arg("skip_create_app") = false, py::arg("commit") = true,
        py::arg("feedback") = py::none());
}

// Commands that take only parameters: uninstall and the application hooks.
void bindParameterCommand(py::class_<CallerUpgrader>& c, const char* name, void (Upgrader::*method)(const ParameterValues&))
{
    c.def(
        name,
        [method](CallerUpgrader& self, py::handle connection, py::handle parameters, bool commit, py::object feedback) {
            auto values = givenParameters(self.config(), parameters);
            self.run(connection, commit, feedback, [&](Upgrader& u) {
                (u.*method)(values);
                return true;
            });
        },
        py::arg("connection"), py::arg("parameters") = py::none(), py::arg("commit") = false,
        py::arg("feedback") = py::none());
}

py::list versionList(const std::vector<Version>& versions)
{
    py::list list;
    for (const Version& version : versions) list.append(version.toString());
    return list;
}

// What is installed and what is pending (pum.info); reads only.
py::dict infoDict(const ModuleInfo& info)
{
    py::dict dict;
    dict["module"] = info.module;
    dict["migration_table"] = info.migrationTable;
    dict["installed"] = info.installed;
    dict["installed_module"] = info.current ? py::object(py::str(info.current->module)) : py::object(py::none());
    dict["version"] = info.current ? py::object(py::str(info.current->versionText)) : py::object(py::none());
    dict["layout_version"] = info.layoutVersion;
    dict["pending"] = versionList(info.pending);
    dict["available"] = versionList(info.available);
    dict["other_schemas"] = info.otherSchemas;
    return dict;
}

void bindUpgrader(py::module_& m)
{
    py::class_<CallerUpgrader> c(m, "CallerUpgrader",
                                 "The core's Upgrader on a caller's psycopg connection (internal: use pum.upgrader).");
    c.def(py::init<Config, std::string>(), py::arg("config"), py::arg("recorded_path"));
    bindCommands(c);
    c.def(
        "info",
        [](CallerUpgrader& self, py::handle connection) {
            return infoDict(self.run(connection, false, py::none(), [](Upgrader& u) { return u.info(); }));
        },
        py::arg("connection"));
    bindParameterCommand(c, "uninstall", &Upgrader::uninstall);
    bindParameterCommand(c, "drop_app", &Upgrader::dropApp);
    bindParameterCommand(c, "create_app", &Upgrader::createApp);
    bindParameterCommand(c, "recreate_app", &Upgrader::recreateApp);
}

// After config (its Config class is in the signatures).
const pum::python::Binder binder("upgrader", 30, &bindUpgrader);

}  // namespace
