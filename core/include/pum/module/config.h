#pragma once
// A module's `.pum.yaml`, loaded and validated.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pum/module/parameter.h"
#include "pum/module/version.h"

namespace pum {

// One hook: exactly one of `file` (a .sql or .py path relative to the module
// root) or `code` (inline SQL).
struct HookDefinition {
    std::optional<std::filesystem::path> file;  // absolute, checked to exist at load time
    std::string relativeFile;                   // as written in .pum.yaml
    std::optional<std::string> code;
    std::string configFile;                     // the .pum.yaml it comes from
    int line = 0;                               // line of the hook entry in .pum.yaml
    int codeLine = 0;                           // line where `code:`'s text starts (for SQL errors)

    bool isPython() const;
    // "app/create_views.sql" or "inline code at .pum.yaml:12", for messages.
    std::string describe() const;
};

struct RolePermission {
    enum class Type { Read, Write };
    Type type = Type::Read;
    std::vector<std::string> schemas;
};

struct RoleDefinition {
    std::string name;
    std::string description;
    std::optional<std::string> inherit;
    std::vector<RolePermission> permissions;
    int line = 0;
};

struct DemoData {
    std::string name;
    std::vector<std::filesystem::path> files;  // absolute, in the order given
    int line = 0;
    // Files of `files` that do not exist, each as "FILE:LINE: demo_data[i].file:
    // file not found: PATH". A module in development ships such sets; pum reads
    // them only when the set is loaded, so only loading this set fails.
    std::vector<std::string> missing;
};

struct Dependency {
    std::string name;
    std::optional<std::string> minimumVersion;
    std::optional<std::string> maximumVersion;
    int line = 0;
};

struct Config {
    std::filesystem::path configFile;  // absolute path of the .pum.yaml (loadFromText: its display name)
    std::filesystem::path baseDir;     // module root (absolute)

    std::string module;
    std::string migrationTableSchema = "public";
    std::optional<Version> minimumVersion;  // of the tool (PEP 440)
    std::filesystem::path changelogsDirectory;  // absolute; default <baseDir>/changelogs

    std::vector<ParameterDefinition> parameters;
    std::vector<HookDefinition> dropHooks;    // application.drop / migration_hooks.pre
    std::vector<HookDefinition> createHooks;  // application.create / migration_hooks.post
    std::vector<HookDefinition> uninstallHooks;
    std::vector<RoleDefinition> roles;
    std::vector<DemoData> demoData;
    std::vector<Dependency> dependencies;

    // Loads `<baseDir>/.pum.yaml`, or `configFile` (relative to the current
    // directory, or absolute) when given; the module root is then `baseDir`.
    // Throws ConfigError naming file, line and key for: YAML syntax errors,
    // unknown keys, wrong types, missing `pum.module`, unknown parameter type,
    // duplicate parameter names, default not parsing or outside `values`, a hook
    // with both or neither of file/code, a hook file that is missing or neither
    // .sql nor .py, role permission types other than read/write, demo data with
    // both or neither of file/files, an invalid minimum_version; and for bad
    // input, in bounded time and memory: a file over 1 MiB, a NUL byte or
    // invalid UTF-8, a document expanding (aliases counted) past 100,000 nodes,
    // nesting too deep, a quote cut short by the end of the file (see
    // docs/configuration.md, "Bad input").
    static Config load(const std::filesystem::path& baseDir,
                       const std::optional<std::filesystem::path>& configFile = std::nullopt);

    // The same from YAML text that is not a file (a program's own settings,
    // pum's `PumConfig(base_path, **settings)`): hook and demo files are
    // relative to `baseDir`, which must exist; errors and `configFile` name
    // `displayName` (e.g. "settings given to PumConfig").
    static Config loadFromText(std::string text, const std::filesystem::path& baseDir,
                               const std::string& displayName);

    const ParameterDefinition* parameter(const std::string& name) const;
    // Hooks of every list that are Python files.
    bool hasPythonHooks() const;
};

}  // namespace pum
