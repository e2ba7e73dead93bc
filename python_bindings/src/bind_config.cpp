// The module's configuration seen from Python: Config (`.pum.yaml` loaded and
// validated by the core), its parameter declarations, hooks, roles, demo data,
// and its changelogs (read and checked by the core). pum.pum_config and
// pum.changelog are thin skins over these.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "binders.h"
#include "bridge.h"
#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/module/version.h"

namespace py = pybind11;
using namespace pum;
using pum::python::toPython;

namespace {

py::object optionalText(const std::optional<std::string>& text)
{
    return text ? py::object(py::str(*text)) : py::object(py::none());
}

py::dict hookDict(const HookDefinition& hook)
{
    py::dict dict;
    dict["file"] = hook.file ? py::object(py::str(hook.file->string())) : py::object(py::none());
    dict["relative_file"] = hook.relativeFile.empty() ? py::object(py::none()) : py::object(py::str(hook.relativeFile));
    dict["code"] = optionalText(hook.code);
    dict["line"] = hook.line;
    dict["code_line"] = hook.codeLine;
    dict["is_python"] = hook.isPython();
    dict["description"] = hook.describe();
    return dict;
}

py::list hookList(const std::vector<HookDefinition>& hooks)
{
    py::list list;
    for (const auto& hook : hooks) list.append(hookDict(hook));
    return list;
}

py::dict changelogDict(const Changelog& changelog)
{
    py::dict dict;
    dict["version"] = changelog.version.toString();
    dict["directory"] = changelog.directory.string();
    py::list files;
    for (const auto& file : changelog.files) files.append(file.string());
    dict["files"] = files;
    dict["app_only"] = changelog.appOnlyRelease;
    return dict;
}

py::list roleList(const Config& config)
{
    py::list list;
    for (const RoleDefinition& role : config.roles) {
        py::dict dict;
        dict["name"] = role.name;
        dict["description"] = role.description;
        dict["inherit"] = optionalText(role.inherit);
        py::list permissions;
        for (const RolePermission& p : role.permissions) {
            py::dict permission;
            permission["type"] = p.type == RolePermission::Type::Read ? "read" : "write";
            permission["schemas"] = p.schemas;
            permissions.append(permission);
        }
        dict["permissions"] = permissions;
        list.append(dict);
    }
    return list;
}

py::list demoDataList(const Config& config)
{
    py::list list;
    for (const DemoData& d : config.demoData) {
        py::dict dict;
        dict["name"] = d.name;
        py::list files;
        for (const auto& f : d.files) files.append(f.string());
        dict["files"] = files;
        dict["missing"] = d.missing;
        list.append(dict);
    }
    return list;
}

void bindParameterDefinition(py::module_& m)
{
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
                                   for (const ParameterValue& v : d.values) list.append(toPython(v));
                                   return list;
                               })
        .def_readonly("app_only", &ParameterDefinition::appOnly)
        .def_readonly("line", &ParameterDefinition::line)
        .def("__repr__", [](const ParameterDefinition& d) {
            return "<ParameterDefinition " + d.name + " " + std::string(toString(d.type)) + ">";
        });
}

void bindConfigClass(py::module_& m)
{
    py::class_<Config>(m, "Config")
        .def_static(
            "load",
            [](const std::string& baseDir, std::optional<std::string> configFile) {
                std::optional<std::filesystem::path> file;
                if (configFile) file = *configFile;
                return Config::load(baseDir, file);
            },
            py::arg("base_dir"), py::arg("config_file") = py::none(),
            "Loads <base_dir>/.pum.yaml (or config_file) and validates it.")
        .def_static(
            "load_from_text",
            [](std::string text, const std::string& baseDir, const std::string& displayName) {
                return Config::loadFromText(std::move(text), baseDir, displayName);
            },
            py::arg("text"), py::arg("base_dir"), py::arg("display_name"),
            "Loads configuration from YAML text; files are relative to base_dir, errors name display_name.")
        .def_readonly("module", &Config::module)
        .def_property_readonly("base_dir", [](const Config& c) { return c.baseDir.string(); })
        .def_property_readonly("config_file", [](const Config& c) { return c.configFile.string(); })
        .def_readonly("migration_table_schema", &Config::migrationTableSchema)
        .def_property_readonly("minimum_version",
                               [](const Config& c) {
                                   return c.minimumVersion ? py::object(py::str(c.minimumVersion->toString()))
                                                           : py::object(py::none());
                               })
        .def_property_readonly("changelogs_directory", [](const Config& c) { return c.changelogsDirectory.string(); })
        .def_readonly("parameters", &Config::parameters)
        .def_property_readonly("drop_hooks", [](const Config& c) { return hookList(c.dropHooks); })
        .def_property_readonly("create_hooks", [](const Config& c) { return hookList(c.createHooks); })
        .def_property_readonly("uninstall_hooks", [](const Config& c) { return hookList(c.uninstallHooks); })
        .def_property_readonly("roles", &roleList)
        .def_property_readonly("demo_data", &demoDataList)
        .def_property_readonly("dependencies",
                               [](const Config& c) {
                                   py::list list;
                                   for (const Dependency& d : c.dependencies)
                                       list.append(py::make_tuple(d.name, d.minimumVersion, d.maximumVersion, d.line));
                                   return list;
                               })
        .def_property_readonly("has_python_hooks", &Config::hasPythonHooks)
        .def(
            "changelogs", [](const Config& c) {
                py::list list;
                for (const Changelog& changelog : loadChangelogs(c)) list.append(changelogDict(changelog));
                return list;
            },
            "The changelogs in version order, as dicts (version, directory, files, app_only).")
        .def(
            "validate_changelog",
            [](const Config& c, const std::string& directory) { validateChangelog(loadChangelog(directory), c); },
            py::arg("directory"),
            "Checks one changelog folder's SQL with the module's parameters (app_only ones refused).")
        .def("__repr__", [](const Config& c) { return "<Config " + c.module + " at " + c.baseDir.string() + ">"; });
}

// The module-level functions: a changelog folder, and versions.
void bindFunctions(py::module_& m)
{
    m.def(
        "load_changelog",
        [](const std::string& directory, bool strict) { return changelogDict(loadChangelog(directory, strict)); },
        py::arg("directory"), py::arg("strict") = true,
        "One changelog folder as a dict; strict refuses an empty folder or SQL beside APP_ONLY_RELEASE.");

    m.def(
        "compare_versions",
        [](const std::string& a, const std::string& b) {
            const auto order = Version::parse(a) <=> Version::parse(b);
            return order < 0 ? -1 : order > 0 ? 1 : 0;
        },
        py::arg("a"), py::arg("b"), "-1, 0 or 1 as PEP 440 orders a and b.");
    m.def(
        "is_version", [](const std::string& text) { return Version::tryParse(text).has_value(); },
        py::arg("text"), "Whether text is a version the core accepts (PEP 440).");
}

void bindConfig(py::module_& m)
{
    // ParameterDefinition first: Config.parameters returns them.
    bindParameterDefinition(m);
    bindConfigClass(m);
    bindFunctions(m);
}

// Before the upgrader's bindings, whose signatures take a Config.
const pum::python::Binder binder("config", 10, &bindConfig);

}  // namespace
