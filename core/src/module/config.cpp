// Loading and validating `.pum.yaml`.
//
// Validation is done by hand over yaml-cpp nodes rather than by converting to
// structs, because every error must name the line and the key path of the
// offending node (`parameters[1].default`), which generic converters lose.
#include "pum/module/config.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/ascii.h"
#include "pum/base/error.h"
#include "base/text_input.h"
#include "base/text.h"

namespace pum {

using detail::joined;

namespace fs = std::filesystem;

namespace {


// A parameter's `values` lists choices for a form; real ones hold a few.
constexpr std::size_t kMaxAllowedValues = 1000;

std::string joinKey(const std::string& path, const std::string& key)
{
    return path.empty() ? key : path + "." + key;
}

std::string indexKey(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

// A key of a mapping together with its value: the key node is kept because a
// null value has no reliable position of its own.
struct Field {
    YAML::Node key;
    YAML::Node value;
};

class Loader {
public:
    Loader(fs::path configFile, fs::path baseDir, std::string source)
        : configFile_(std::move(configFile)), baseDir_(std::move(baseDir)), source_(std::move(source))
    {
    }

    Config load(const YAML::Node& root);

private:
    fs::path configFile_;
    fs::path baseDir_;
    std::string source_;

    // ---- positions and errors -------------------------------------------------

    // 1-based line of `node`, 0 when unknown. yaml-cpp places an implicit null
    // (`key:` followed by nothing) at the next token, often on the next line,
    // so such nulls are placed where the text before them ends.
    int lineOf(const YAML::Node& node) const
    {
        const YAML::Mark mark = node.Mark();
        if (mark.line < 0) return 0;
        if (node.IsNull() && !explicitNullAt(mark.pos)) return lineBefore(mark.pos);
        return mark.line + 1;
    }

    int lineOf(const Field& field) const
    {
        return field.value.IsNull() ? lineOf(field.key) : lineOf(field.value);
    }

    bool explicitNullAt(int pos) const
    {
        if (pos < 0 || static_cast<std::size_t>(pos) >= source_.size()) return false;
        const auto rest = std::string_view(source_).substr(static_cast<std::size_t>(pos));
        return rest.starts_with("~") || rest.starts_with("null") || rest.starts_with("Null") ||
               rest.starts_with("NULL");
    }

    // Line (1-based) of the last non-blank character before `pos`.
    int lineBefore(int pos) const
    {
        std::size_t end = std::min(source_.size(), static_cast<std::size_t>(std::max(pos, 0)));
        while (end > 0 && std::isspace(static_cast<unsigned char>(source_[end - 1]))) --end;
        return 1 + static_cast<int>(std::count(source_.begin(), source_.begin() + static_cast<long>(end), '\n'));
    }

    [[noreturn]] void fail(int line, const std::string& key, const std::string& message) const
    {
        throw ConfigError(configFile_.string(), line, key, message);
    }
    [[noreturn]] void fail(const YAML::Node& at, const std::string& key, const std::string& message) const
    {
        fail(lineOf(at), key, message);
    }
    [[noreturn]] void fail(const Field& at, const std::string& key, const std::string& message) const
    {
        fail(lineOf(at), key, message);
    }

    static std::string describeType(const YAML::Node& node)
    {
        switch (node.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Scalar: {
            // Inline SQL can be long: a glimpse is enough to recognise it.
            const std::string& text = node.Scalar();
            return "'" + (text.size() > 40 ? text.substr(0, 37) + "..." : text) + "'";
        }
        default: return "nothing";
        }
    }

    // ---- structure ------------------------------------------------------------

    // Checks that `node` is a mapping whose keys are all in `allowed`, each
    // once, and returns its fields by name. A null node is an empty mapping
    // (`application:` with nothing under it), as in pum.
    std::map<std::string, Field> mapping(const YAML::Node& node, const std::string& path,
                                         const std::vector<std::string>& allowed) const
    {
        std::map<std::string, Field> fields;
        if (node.IsNull()) return fields;
        if (!node.IsMap())
            fail(node, path, "expected a mapping (keys " + joined(allowed) + "), got " + describeType(node));
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            if (!key.IsScalar()) fail(key, path, "expected a key name, got " + describeType(key));
            const std::string name = key.Scalar();
            const std::string keyPath = joinKey(path, name);
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                fail(key, keyPath, "unknown key '" + name + "' (expected one of: " + joined(allowed) + ")");
            if (auto previous = fields.find(name); previous != fields.end())
                fail(key, keyPath,
                     "duplicate key '" + name + "' (first at line " + std::to_string(lineOf(previous->second.key)) +
                         ")");
            fields.emplace(name, Field{key, it->second});
        }
        return fields;
    }

    // The field, or nullptr when absent or null (pum treats both as "not set").
    static const Field* optional(const std::map<std::string, Field>& fields, const std::string& name)
    {
        auto it = fields.find(name);
        if (it == fields.end() || it->second.value.IsNull()) return nullptr;
        return &it->second;
    }

    const Field& required(const std::map<std::string, Field>& fields, const std::string& name,
                          const YAML::Node& parent, const std::string& path) const
    {
        const Field* field = optional(fields, name);
        if (!field) {
            auto it = fields.find(name);
            if (it != fields.end()) fail(it->second, joinKey(path, name), "must not be empty");
            fail(parent, joinKey(path, name), "missing (required)");
        }
        return *field;
    }

    // A list; null means empty.
    std::vector<YAML::Node> list(const YAML::Node& node, const std::string& path, const std::string& ofWhat) const
    {
        std::vector<YAML::Node> items;
        if (node.IsNull()) return items;
        if (!node.IsSequence()) fail(node, path, "expected a list of " + ofWhat + ", got " + describeType(node));
        for (auto it = node.begin(); it != node.end(); ++it) items.push_back(*it);
        return items;
    }

    std::string scalar(const Field& field, const std::string& path, const std::string& what = "a text") const
    {
        if (!field.value.IsScalar()) fail(field, path, "expected " + what + ", got " + describeType(field.value));
        return field.value.Scalar();
    }

    std::string nonEmptyText(const Field& field, const std::string& path) const
    {
        std::string text = scalar(field, path);
        if (text.empty()) fail(field, path, "must not be empty");
        return text;
    }

    // YAML 1.1 booleans, as PyYAML reads them. A quoted "false" is refused:
    // pum would see a non-empty string, which Python treats as true.
    bool boolean(const Field& field, const std::string& path) const
    {
        const YAML::Node& node = field.value;
        if (node.IsScalar() && node.Tag() == "?") {
            const std::string text = detail::asciiLowered(node.Scalar());
            if (text == "true" || text == "yes" || text == "on") return true;
            if (text == "false" || text == "no" || text == "off") return false;
        }
        fail(field, path, "expected a boolean (true or false), got " + describeType(node));
    }

    // ---- sections -------------------------------------------------------------

    void loadPum(const std::map<std::string, Field>& top, const YAML::Node& root, Config& config) const;
    void loadParameters(const Field& field, Config& config) const;
    ParameterDefinition loadParameter(const YAML::Node& node, const std::string& path) const;
    std::vector<HookDefinition> loadHooks(const Field& field, const std::string& path) const;
    HookDefinition loadHook(const YAML::Node& node, const std::string& path) const;
    void loadRoles(const Field& field, Config& config) const;
    // One entry of `roles`; `seen` maps the names declared so far to their lines.
    RoleDefinition loadRole(const YAML::Node& node, const std::string& path, std::map<std::string, int>& seen) const;
    RolePermission loadPermission(const YAML::Node& node, const std::string& path) const;
    void refuseInheritanceLoops(const std::vector<RoleDefinition>& roles) const;
    void loadDemoData(const Field& field, Config& config) const;
    void loadDependencies(const Field& field, Config& config) const;
    fs::path existingFile(const Field& field, const std::string& path) const;
    // Like existingFile, but a missing file is recorded in `missing` instead of failing.
    fs::path demoFile(const Field& field, const std::string& path, std::vector<std::string>& missing) const;
};

// Python's str.format field names and keyword arguments of Python hooks both
// need identifiers, so anything else could never be used.
bool isIdentifier(const std::string& name)
{
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

Config Loader::load(const YAML::Node& root)
{
    Config config;
    config.configFile = configFile_;
    config.baseDir = baseDir_;
    config.changelogsDirectory = baseDir_ / "changelogs";

    const auto top = mapping(root, "",
                             {"pum", "parameters", "application", "migration_hooks", "changelogs_directory", "roles",
                              "demo_data", "dependencies", "uninstall"});

    loadPum(top, root, config);

    if (const Field* field = optional(top, "changelogs_directory"))
        config.changelogsDirectory = (baseDir_ / nonEmptyText(*field, "changelogs_directory")).lexically_normal();

    if (const Field* field = optional(top, "parameters")) loadParameters(*field, config);

    const Field* application = optional(top, "application");
    const Field* legacy = optional(top, "migration_hooks");
    if (application && legacy) {
        // Report at whichever comes second in the file: that is the one added by mistake.
        const bool legacySecond = lineOf(legacy->key) >= lineOf(application->key);
        fail(legacySecond ? legacy->key : application->key, legacySecond ? "migration_hooks" : "application",
             "'application' and 'migration_hooks' are two spellings of the same hooks: use only one");
    }
    // pum's handle_legacy_names: either key takes either spelling, `pre`
    // meaning `drop` and `post` meaning `create` (the seed page's spelling).
    if (const Field* hooksField = application ? application : legacy) {
        const std::string section = application ? "application" : "migration_hooks";
        const auto hooks = mapping(hooksField->value, section, {"drop", "create", "pre", "post"});
        auto phase = [&](const char* name, const char* oldName, std::vector<HookDefinition>& into) {
            const Field* current = optional(hooks, name);
            const Field* older = optional(hooks, oldName);
            if (current && older) {
                const bool olderSecond = lineOf(older->key) >= lineOf(current->key);
                fail(olderSecond ? older->key : current->key, section + "." + (olderSecond ? oldName : name),
                     std::string("'") + name + "' and '" + oldName +
                         "' are two spellings of the same hooks: use only one");
            }
            if (current) into = loadHooks(*current, section + "." + name);
            else if (older) into = loadHooks(*older, section + "." + oldName);
        };
        phase("drop", "pre", config.dropHooks);
        phase("create", "post", config.createHooks);
    }

    if (const Field* field = optional(top, "uninstall")) config.uninstallHooks = loadHooks(*field, "uninstall");
    if (const Field* field = optional(top, "roles")) loadRoles(*field, config);
    if (const Field* field = optional(top, "demo_data")) loadDemoData(*field, config);
    if (const Field* field = optional(top, "dependencies")) loadDependencies(*field, config);
    return config;
}

void Loader::loadPum(const std::map<std::string, Field>& top, const YAML::Node& root, Config& config) const
{
    const Field& section = required(top, "pum", root, "");
    const auto fields = mapping(section.value, "pum", {"module", "migration_table_schema", "minimum_version"});

    const Field& module = required(fields, "module", section.value, "pum");
    config.module = nonEmptyText(module, "pum.module");
    // pum_migrations.module is varchar(50): a longer name could never be recorded.
    if (config.module.size() > 50) fail(module, "pum.module", "longer than 50 characters");

    if (const Field* schema = optional(fields, "migration_table_schema"))
        config.migrationTableSchema = nonEmptyText(*schema, "pum.migration_table_schema");

    if (const Field* minimum = optional(fields, "minimum_version")) {
        const std::string text = scalar(*minimum, "pum.minimum_version", "a version");
        auto version = Version::tryParse(text);
        if (!version) fail(*minimum, "pum.minimum_version", "'" + text + "' is not a version (expected a PEP 440 version such as 1.8 or 1.8.0)");
        // Compared with this tool's version by the upgrader, so that `info`
        // still works on a module made for a newer tool.
        config.minimumVersion = std::move(version);
    }
}

void Loader::loadParameters(const Field& field, Config& config) const
{
    const auto items = list(field.value, "parameters", "parameter declarations");
    std::map<std::string, int> seen;  // name -> line
    for (std::size_t i = 0; i < items.size(); ++i) {
        ParameterDefinition definition = loadParameter(items[i], indexKey("parameters", i));
        if (auto previous = seen.find(definition.name); previous != seen.end())
            fail(definition.line, indexKey("parameters", i) + ".name",
                 "duplicate parameter '" + definition.name + "' (first declared at line " +
                     std::to_string(previous->second) + ")");
        seen.emplace(definition.name, definition.line);
        config.parameters.push_back(std::move(definition));
    }
}

ParameterDefinition Loader::loadParameter(const YAML::Node& node, const std::string& path) const
{
    const auto fields = mapping(node, path, {"name", "type", "default", "description", "values", "app_only"});
    if (node.IsNull()) fail(node, path, "expected a mapping with at least 'name', got nothing");

    ParameterDefinition definition;
    definition.line = lineOf(node);

    const Field& name = required(fields, "name", node, path);
    definition.name = nonEmptyText(name, path + ".name");
    if (!isIdentifier(definition.name))
        fail(name, path + ".name",
             "'" + definition.name + "' is not a valid parameter name (letters, digits and '_', not starting with a digit)");

    if (const Field* type = optional(fields, "type")) {
        const std::string text = scalar(*type, path + ".type", "a parameter type");
        auto parsed = parameterTypeFromString(text);
        if (!parsed)
            fail(*type, path + ".type",
                 "unknown type '" + text + "' (expected one of: boolean, integer, text, decimal, path)");
        definition.type = *parsed;
    }

    // Parses one scalar as the declared type, turning the parser's complaint
    // into an error located in the file.
    auto typed = [&](const Field& at, const std::string& key) {
        const std::string text = scalar(at, key, "a " + std::string(toString(definition.type)) + " value");
        try {
            return ParameterValue::parse(definition.type, text);
        } catch (const ParameterError& e) {
            fail(at, key, e.what());
        }
    };

    if (const Field* values = optional(fields, "values")) {
        const auto items = list(values->value, path + ".values", "allowed values");
        if (items.empty()) fail(*values, path + ".values", "must not be empty (leave it out to allow any value)");
        // Checked for duplicates pairwise (decimals compare by value): bounded.
        if (items.size() > kMaxAllowedValues)
            fail(*values, path + ".values",
                 "more than " + std::to_string(kMaxAllowedValues) + " allowed values (leave it out to allow any value)");
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string key = indexKey(path + ".values", i);
            if (items[i].IsNull()) fail(items[i], key, "an allowed value must not be empty");
            ParameterValue value = typed(Field{items[i], items[i]}, key);
            if (std::find(definition.values.begin(), definition.values.end(), value) != definition.values.end())
                fail(items[i], key, "'" + value.text() + "' is listed twice");
            definition.values.push_back(std::move(value));
        }
    }

    if (const Field* value = optional(fields, "default")) {
        definition.defaultValue = typed(*value, path + ".default");
        if (!definition.values.empty() &&
            std::find(definition.values.begin(), definition.values.end(), *definition.defaultValue) ==
                definition.values.end()) {
            std::vector<std::string> allowed;
            for (const auto& v : definition.values) allowed.push_back(v.text());
            fail(*value, path + ".default",
                 "'" + definition.defaultValue->text() + "' is not one of the allowed values (" + joined(allowed) + ")");
        }
    }

    // pum gives a boolean without a default the value false, and modules
    // rely on it: `{flag}` must not become NULL.
    if (definition.type == ParameterType::Boolean && !definition.defaultValue)
        definition.defaultValue = ParameterValue::parse(ParameterType::Boolean, "false");

    if (const Field* description = optional(fields, "description"))
        definition.description = scalar(*description, path + ".description");
    if (const Field* appOnly = optional(fields, "app_only")) definition.appOnly = boolean(*appOnly, path + ".app_only");
    return definition;
}

fs::path Loader::existingFile(const Field& field, const std::string& path) const
{
    const std::string relative = nonEmptyText(field, path);
    const fs::path full = (baseDir_ / relative).lexically_normal();
    std::error_code ec;
    if (!fs::exists(full, ec)) fail(field, path, "file not found: " + full.string());
    if (!fs::is_regular_file(full, ec)) fail(field, path, "not a file: " + full.string());
    return full;
}

fs::path Loader::demoFile(const Field& field, const std::string& path, std::vector<std::string>& missing) const
{
    const std::string relative = nonEmptyText(field, path);
    const fs::path full = (baseDir_ / relative).lexically_normal();
    std::error_code ec;
    if (!fs::exists(full, ec)) {
        missing.push_back(ConfigError(configFile_.string(), lineOf(field), path, "file not found: " + full.string()).what());
        return full;
    }
    return existingFile(field, path);
}

std::vector<HookDefinition> Loader::loadHooks(const Field& field, const std::string& path) const
{
    std::vector<HookDefinition> hooks;
    const auto items = list(field.value, path, "hooks (each with 'file' or 'code')");
    for (std::size_t i = 0; i < items.size(); ++i) hooks.push_back(loadHook(items[i], indexKey(path, i)));
    return hooks;
}

HookDefinition Loader::loadHook(const YAML::Node& node, const std::string& path) const
{
    const auto fields = mapping(node, path, {"file", "code"});
    HookDefinition hook;
    hook.configFile = configFile_.string();
    hook.line = lineOf(node);

    const Field* file = optional(fields, "file");
    const Field* code = optional(fields, "code");
    if (file && code) fail(code->key, path, "a hook has either 'file' or 'code', not both");
    if (!file && !code) fail(node, path, "a hook needs 'file' (a .sql or .py file) or 'code' (inline SQL)");

    if (file) {
        const std::string key = path + ".file";
        hook.relativeFile = nonEmptyText(*file, key);
        const std::string extension = detail::asciiLowered(fs::path(hook.relativeFile).extension().string());
        if (extension != ".sql" && extension != ".py")
            fail(*file, key, "'" + hook.relativeFile + "' is neither a .sql nor a .py file");
        hook.file = existingFile(*file, key);
    } else {
        const std::string key = path + ".code";
        hook.code = nonEmptyText(*code, key);
        // A block scalar (`code: |`) starts on the line after its indicator;
        // any other scalar starts where its mark is.
        const YAML::Mark mark = code->value.Mark();
        const bool block = mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < source_.size() &&
                           (source_[static_cast<std::size_t>(mark.pos)] == '|' ||
                            source_[static_cast<std::size_t>(mark.pos)] == '>');
        hook.codeLine = mark.line + (block ? 2 : 1);
    }
    return hook;
}

void Loader::loadRoles(const Field& field, Config& config) const
{
    const auto items = list(field.value, "roles", "roles");
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < items.size(); ++i)
        config.roles.push_back(loadRole(items[i], indexKey("roles", i), seen));
    refuseInheritanceLoops(config.roles);
}

RoleDefinition Loader::loadRole(const YAML::Node& node, const std::string& path, std::map<std::string, int>& seen) const
{
    const auto fields = mapping(node, path, {"name", "description", "inherit", "permissions"});
    if (node.IsNull()) fail(node, path, "expected a mapping with at least 'name', got nothing");
    RoleDefinition role;
    role.line = lineOf(node);

    const Field& name = required(fields, "name", node, path);
    role.name = nonEmptyText(name, path + ".name");
    if (auto previous = seen.find(role.name); previous != seen.end())
        fail(name, path + ".name",
             "duplicate role '" + role.name + "' (first declared at line " + std::to_string(previous->second) + ")");
    seen.emplace(role.name, role.line);

    if (const Field* description = optional(fields, "description"))
        role.description = scalar(*description, path + ".description");
    if (const Field* inherit = optional(fields, "inherit")) {
        role.inherit = nonEmptyText(*inherit, path + ".inherit");
        if (*role.inherit == role.name) fail(*inherit, path + ".inherit", "a role cannot inherit itself");
    }

    if (const Field* permissions = optional(fields, "permissions")) {
        const auto entries = list(permissions->value, path + ".permissions", "permissions");
        for (std::size_t j = 0; j < entries.size(); ++j)
            role.permissions.push_back(loadPermission(entries[j], indexKey(path + ".permissions", j)));
    }
    return role;
}

RolePermission Loader::loadPermission(const YAML::Node& node, const std::string& path) const
{
    const auto fields = mapping(node, path, {"type", "schemas"});
    if (node.IsNull()) fail(node, path, "expected a mapping with 'type' and 'schemas'");
    RolePermission permission;
    const Field& type = required(fields, "type", node, path);
    const std::string typeText = scalar(type, path + ".type", "read or write");
    if (typeText == "read")
        permission.type = RolePermission::Type::Read;
    else if (typeText == "write")
        permission.type = RolePermission::Type::Write;
    else
        fail(type, path + ".type", "unknown permission type '" + typeText + "' (expected read or write)");

    // pum lets `schemas` default to an empty list, which grants
    // nothing: almost certainly a mistake, so it is required here.
    const Field& schemas = required(fields, "schemas", node, path);
    const auto names = list(schemas.value, path + ".schemas", "schema names");
    if (names.empty()) fail(schemas, path + ".schemas", "must name at least one schema");
    for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string spath = indexKey(path + ".schemas", k);
        if (!names[k].IsScalar() || names[k].Scalar().empty())
            fail(names[k], spath, "expected a schema name, got " + describeType(names[k]));
        permission.schemas.push_back(names[k].Scalar());
    }
    return permission;
}

// Inheriting a role outside the config is allowed (checked against the
// database at run time), but a loop among the config's own roles can never be created.
void Loader::refuseInheritanceLoops(const std::vector<RoleDefinition>& roles) const
{
    std::map<std::string, const RoleDefinition*> byName;
    for (const auto& role : roles) byName[role.name] = &role;
    // Roles whose chain is known to end: each chain is followed once, so a
    // long chain costs linear time, not quadratic.
    std::set<std::string> loopFree;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        std::set<std::string> visited{roles[i].name};
        std::vector<std::string> chain{roles[i].name};
        const RoleDefinition* current = &roles[i];
        while (current->inherit && !loopFree.count(current->name)) {
            auto next = byName.find(*current->inherit);
            if (next == byName.end()) break;
            chain.push_back(next->first);
            if (!visited.insert(next->first).second)
                fail(roles[i].line, indexKey("roles", i) + ".inherit",
                     "roles inherit each other in a loop (" + joined(chain, " -> ") + ")");
            current = next->second;
        }
        loopFree.insert(chain.begin(), chain.end());
    }
}

void Loader::loadDemoData(const Field& field, Config& config) const
{
    const auto items = list(field.value, "demo_data", "demo data sets");
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = indexKey("demo_data", i);
        const auto fields = mapping(items[i], path, {"name", "file", "files"});
        if (items[i].IsNull()) fail(items[i], path, "expected a mapping with 'name' and 'file' or 'files'");
        DemoData data;
        data.line = lineOf(items[i]);
        const Field& name = required(fields, "name", items[i], path);
        data.name = nonEmptyText(name, path + ".name");
        if (auto previous = seen.find(data.name); previous != seen.end())
            fail(name, path + ".name",
                 "duplicate demo data '" + data.name + "' (first declared at line " + std::to_string(previous->second) +
                     ")");
        seen.emplace(data.name, data.line);

        const Field* file = optional(fields, "file");
        const Field* files = optional(fields, "files");
        if (file && files) fail(files->key, path, "demo data has either 'file' or 'files', not both");
        if (!file && !files) fail(items[i], path, "demo data needs 'file' or 'files'");
        if (file) {
            data.files.push_back(demoFile(*file, path + ".file", data.missing));
        } else {
            const auto entries = list(files->value, path + ".files", "file paths");
            if (entries.empty()) fail(*files, path + ".files", "must list at least one file");
            for (std::size_t j = 0; j < entries.size(); ++j)
                data.files.push_back(demoFile(Field{entries[j], entries[j]}, indexKey(path + ".files", j), data.missing));
        }
        config.demoData.push_back(std::move(data));
    }
}

void Loader::loadDependencies(const Field& field, Config& config) const
{
    const auto items = list(field.value, "dependencies", "Python packages");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = indexKey("dependencies", i);
        const auto fields = mapping(items[i], path, {"name", "minimum_version", "maximum_version"});
        if (items[i].IsNull()) fail(items[i], path, "expected a mapping with at least 'name'");
        Dependency dependency;
        dependency.line = lineOf(items[i]);
        dependency.name = nonEmptyText(required(fields, "name", items[i], path), path + ".name");
        // Python package versions (PEP 440) are compared by the Python side; kept as text.
        if (const Field* minimum = optional(fields, "minimum_version"))
            dependency.minimumVersion = nonEmptyText(*minimum, path + ".minimum_version");
        if (const Field* maximum = optional(fields, "maximum_version"))
            dependency.maximumVersion = nonEmptyText(*maximum, path + ".maximum_version");
        config.dependencies.push_back(std::move(dependency));
    }
}

}  // namespace

bool HookDefinition::isPython() const
{
    return file && detail::asciiLowered(file->extension().string()) == ".py";
}

std::string HookDefinition::describe() const
{
    if (file) return relativeFile.empty() ? file->string() : relativeFile;
    return "inline code at " + fs::path(configFile).filename().string() + ":" +
           std::to_string(codeLine ? codeLine : line);
}

namespace {

fs::path moduleRoot(const fs::path& baseDir)
{
    const fs::path root = fs::absolute(baseDir).lexically_normal();
    std::error_code ec;
    if (!fs::exists(root, ec)) throw ConfigError(root.string(), 0, "", "module directory not found");
    if (!fs::is_directory(root, ec)) throw ConfigError(root.string(), 0, "", "module path is not a directory");
    return root;
}

// Bounds on what a .pum.yaml may be (docs/configuration.md). Real ones are a
// few kilobytes and a few hundred nodes; the bounds keep the memory and time
// of a hostile or broken file small, however it is built.
constexpr std::size_t kMaxConfigBytes = std::size_t(1) << 20;
constexpr std::size_t kMaxConfigNodes = 100000;

int lineAt(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// Refuses what YAML cannot hold or we do not read: a file past the size
// bound, a NUL byte, text that is not UTF-8.
void checkConfigText(std::string_view source, const fs::path& file)
{
    if (source.size() > kMaxConfigBytes)
        throw ConfigError(file.string(), lineAt(source, kMaxConfigBytes), "",
                          "the file is larger than " + std::to_string(kMaxConfigBytes >> 20) +
                              " MiB (its first MiB ends on this line): a .pum.yaml holds settings; put SQL in files");
    if (auto problem = detail::findTextProblem(source); problem.offset != std::string_view::npos)
        throw ConfigError(file.string(), lineAt(source, problem.offset), "",
                          "a .pum.yaml must be UTF-8 text: " + problem.what + " on this line");
}

// yaml-cpp 0.7 never ends on some broken input (a ',' outside [ ] or { },
// e.g. the file ","): it emits nodes forever. A first pass counts the
// parser's events and stops it; a document has about one node per event
// (two per mapping or list), so past this budget it would be refused anyway.
class EventBudget : public YAML::EventHandler {
public:
    explicit EventBudget(const fs::path& file) : file_(file) {}
    void OnDocumentStart(const YAML::Mark& mark) override { spend(mark); }
    void OnDocumentEnd() override { spend(last_); }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { spend(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { spend(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override
    {
        spend(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        spend(mark);
    }
    void OnSequenceEnd() override { spend(last_); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        spend(mark);
    }
    void OnMapEnd() override { spend(last_); }

private:
    static constexpr std::size_t kMaxEvents = 2 * kMaxConfigNodes + 4;
    const fs::path& file_;
    YAML::Mark last_;
    std::size_t events_ = 0;

    void spend(const YAML::Mark& mark)
    {
        last_ = mark;
        if (++events_ > kMaxEvents)
            throw ConfigError(file_.string(), mark.line >= 0 ? mark.line + 1 : 0, "",
                              "invalid YAML, or more than " + std::to_string(kMaxConfigNodes) +
                                  " nodes: the parser was stopped here (a ',' outside [ ] or { } makes it run "
                                  "forever)");
    }
};

void checkParserEnds(const std::string& source, const fs::path& file)
{
    std::istringstream in(source);
    YAML::Parser parser(in);
    EventBudget budget(file);
    while (parser.HandleNextDocument(budget)) {
    }
}

// yaml-cpp shares an aliased node instead of copying it, but reading the
// tree visits it once per alias: nine levels of ten aliases ("billion
// laughs") make a billion visits, and an alias inside its own anchor a
// cycle. Counts the nodes as a reader meets them, aliases expanded, and
// refuses the file past kMaxConfigNodes; iterative, so depth costs no stack.
//
// Returns the offset of the last quoted scalar ('...' or "...") met, or npos.
std::size_t checkExpandedSize(const YAML::Node& root, std::string_view source, const fs::path& file)
{
    std::vector<YAML::Node> pending{root};
    std::size_t visited = 0;
    std::size_t lastQuoted = std::string_view::npos;
    while (!pending.empty()) {
        YAML::Node node = pending.back();
        pending.pop_back();
        if (++visited > kMaxConfigNodes)
            throw ConfigError(file.string(), node.Mark().line >= 0 ? node.Mark().line + 1 : 0, "",
                              "the YAML expands to more than " + std::to_string(kMaxConfigNodes) +
                                  " nodes (aliases, *name, repeat what they point to; pum modules need none)");
        if (node.IsSequence()) {
            for (auto it = node.begin(); it != node.end(); ++it) pending.push_back(*it);
        } else if (node.IsMap()) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                pending.push_back(it->first);
                pending.push_back(it->second);
            }
        } else if (node.IsScalar() && node.Mark().pos >= 0) {
            const auto at = static_cast<std::size_t>(node.Mark().pos);
            if (at < source.size() && (source[at] == '\'' || source[at] == '"') &&
                (lastQuoted == std::string_view::npos || at > lastQuoted))
                lastQuoted = at;
        }
    }
    return lastQuoted;
}

// yaml-cpp takes a quoted scalar that the end of the file cuts short for a
// complete one (PyYAML refuses it). Only the last quoted scalar of a file can
// run to its end, so that one is scanned for its closing quote.
void checkClosingQuote(std::string_view source, std::size_t at, const fs::path& file)
{
    if (at == std::string_view::npos) return;
    const char quote = source[at];
    for (std::size_t k = at + 1; k < source.size(); ++k) {
        if (quote == '"' && source[k] == '\\') {
            ++k;
        } else if (source[k] == quote) {
            if (quote == '\'' && k + 1 < source.size() && source[k + 1] == '\'') ++k;  // '' is a quote
            else return;
        }
    }
    throw ConfigError(file.string(), lineAt(source, at), "",
                      std::string("invalid YAML: unterminated ") + (quote == '"' ? "\"...\"" : "'...'") +
                          " string (it starts on this line)");
}

Config parseConfig(std::string source, const fs::path& file, const fs::path& root)
{
    checkConfigText(source, file);
    // yaml-cpp skips a UTF-8 byte order mark (Windows editors write one) and
    // counts positions after it; drop it so positions index `source`.
    if (source.starts_with("\xEF\xBB\xBF")) source.erase(0, 3);

    std::vector<YAML::Node> documents;
    try {
        checkParserEnds(source, file);
        documents = YAML::LoadAll(source);
    } catch (const YAML::DeepRecursion& e) {
        // Its own message is "bad file"; yaml-cpp finds it where it has read to.
        throw ConfigError(file.string(), e.mark.line >= 0 ? e.mark.line + 1 : 0, "",
                          "invalid YAML: nested more than " + std::to_string(e.depth() - 1) +
                              " levels deep (found by this line)");
    } catch (const YAML::Exception& e) {
        throw ConfigError(file.string(), e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "invalid YAML: " + e.msg);
    }
    for (const auto& document : documents) checkClosingQuote(source, checkExpandedSize(document, source, file), file);
    // PyYAML's safe_load refuses several documents; so do we, rather than
    // silently reading only the first.
    if (documents.size() > 1)
        throw ConfigError(file.string(), documents[1].Mark().line + 1, "",
                          "several YAML documents in one file (only one is allowed)");

    Loader loader(file, root, std::move(source));
    return loader.load(documents.empty() ? YAML::Node() : documents.front());
}

}  // namespace

Config Config::load(const fs::path& baseDir, const std::optional<fs::path>& configFile)
{
    const fs::path root = moduleRoot(baseDir);
    const fs::path file = configFile ? fs::absolute(*configFile).lexically_normal() : root / ".pum.yaml";

    std::error_code ec;
    if (!fs::exists(file, ec))
        throw ConfigError(file.string(), 0, "",
                          configFile ? "configuration file not found"
                                     : "configuration file not found (a pum module has a .pum.yaml at its root)");
    if (!fs::is_regular_file(file, ec)) throw ConfigError(file.string(), 0, "", "not a file");

    // Never more than one byte past the bound: a huge file is refused
    // without being read whole.
    std::ifstream in(file, std::ios::binary);
    std::string text(kMaxConfigBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad() || (!in && !in.eof())) throw ConfigError(file.string(), 0, "", "cannot be read");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parseConfig(std::move(text), file, root);
}

Config Config::loadFromText(std::string text, const fs::path& baseDir, const std::string& displayName)
{
    const fs::path root = moduleRoot(baseDir);
    return parseConfig(std::move(text), displayName.empty() ? fs::path("configuration text") : fs::path(displayName),
                       root);
}

const ParameterDefinition* Config::parameter(const std::string& name) const
{
    auto it = std::find_if(parameters.begin(), parameters.end(), [&](const auto& p) { return p.name == name; });
    return it == parameters.end() ? nullptr : &*it;
}

bool Config::hasPythonHooks() const
{
    for (const auto* hooks : {&dropHooks, &createHooks, &uninstallHooks})
        if (std::any_of(hooks->begin(), hooks->end(), [](const HookDefinition& h) { return h.isPython(); }))
            return true;
    return false;
}

}  // namespace pum
