// validateModule: the module's configuration, changelogs, hooks and demo data
// checked without a database (the parts: validate_layout/_sql/_python.cpp).
#include <fstream>
#include <set>
#include <sstream>

#include "pum/base/error.h"
#include "sql/sql_hook.h"
#include "validate/validate_internal.h"

namespace pum {

namespace detail {

void FindingSink::add(std::string file, int line, int column, Finding::Severity severity, std::string code,
                      std::string message)
{
    Finding finding;
    finding.file = std::move(file);
    finding.line = line;
    finding.column = column;
    finding.severity = severity;
    finding.code = std::move(code);
    finding.message = std::move(message);
    report.findings.push_back(std::move(finding));
}

std::string declaredParameters(const Config& config)
{
    std::string out;
    for (const auto& definition : config.parameters) out += (out.empty() ? "" : ", ") + definition.name;
    return out.empty() ? "none" : out;
}

}  // namespace detail

namespace {

namespace fs = std::filesystem;
using detail::displayPath;

// The given values, each converted by its declaration (a bad one is a
// finding, and its default stands in), the defaults, neutral values for the rest.
ParameterValues parameterValues(const Config& config, const std::map<std::string, std::string>& given,
                                detail::FindingSink& sink)
{
    std::map<std::string, std::string> accepted;
    for (const auto& [name, text] : given) {
        try {
            resolveParameters(config.parameters, std::map<std::string, std::string>{{name, text}});
            accepted.emplace(name, text);
        } catch (const ParameterError& e) {
            const ParameterDefinition* definition = config.parameter(name);
            sink.error(displayPath(config.configFile), definition ? definition->line : 0, 0, "parameter-value",
                       e.what());
        }
    }
    ParameterValues values = resolveParameters(config.parameters, accepted);
    for (const auto& definition : config.parameters)
        if (!definition.defaultValue && !accepted.count(definition.name))
            values[definition.name] = neutralValue(definition);
    return values;
}

std::vector<std::string> fileLines(const fs::path& path)
{
    std::vector<std::string> lines;
    std::ifstream in(path, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

class ModuleValidator {
public:
    ModuleValidator(const Config& config, const ValidateOptions& options, ValidationReport& report)
        : config_(config), options_(options), sink_{report}, yamlLines_(fileLines(config.configFile))
    {
    }

    void run()
    {
        values_ = parameterValues(config_, options_.parameters, sink_);
        for (const Changelog& changelog : detail::checkChangelogLayout(config_, sink_))
            for (const fs::path& file : changelog.files) checkFile(file, true);
        std::vector<const HookDefinition*> python;
        std::set<fs::path> seen;  // a file listed twice is checked once
        for (const auto* hooks : {&config_.dropHooks, &config_.createHooks, &config_.uninstallHooks})
            for (const HookDefinition& hook : *hooks) {
                if (hook.file && !seen.insert(*hook.file).second) continue;
                if (hook.isPython()) python.push_back(&hook);
                else if (hook.file) checkFile(*hook.file, false);
                else checkInline(hook);
            }
        checkDemoData();
        const std::string interpreter = options_.python.empty() ? detail::defaultPython() : options_.python;
        const detail::PythonUse use = detail::checkPythonHooks(python, config_, interpreter, sink_);
        if (!use.all) warnUnused(use.names);
    }

private:
    const Config& config_;
    const ValidateOptions& options_;
    detail::FindingSink sink_;
    std::vector<std::string> yamlLines_;
    ParameterValues values_;
    std::set<std::string> used_;

    void checkFile(const fs::path& file, bool changelog)
    {
        detail::SqlText sql;
        try {
            sql.text = detail::readTextFile(file);
        } catch (const ConfigError& e) {
            sink_.error(e.file(), 0, 0, "config", e.message());
            return;
        }
        sql.shown = displayPath(file);
        sql.changelog = changelog;
        detail::checkSqlText(sql, config_, values_, sink_, used_);
    }

    void checkInline(const HookDefinition& hook)
    {
        detail::SqlText sql;
        sql.text = *hook.code;
        sql.shown = displayPath(hook.configFile);
        sql.firstLine = hook.codeLine > 0 ? hook.codeLine : hook.line;
        sql.yamlLines = &yamlLines_;
        detail::checkSqlText(sql, config_, values_, sink_, used_);
    }

    void checkDemoData()
    {
        for (const DemoData& demo : config_.demoData) {
            // Already "FILE:LINE: KEY: file not found: PATH": only loading this set fails.
            for (const std::string& missing : demo.missing) {
                const auto [line, message] = withoutLocation(missing, demo.line);
                sink_.warning(displayPath(config_.configFile), line, 0, "demo-data-missing",
                              message + " (only loading demo data '" + demo.name + "' fails)");
            }
            std::error_code ec;
            for (const fs::path& file : demo.files)
                if (fs::is_regular_file(file, ec)) checkFile(file, false);
        }
    }

    // DemoData::missing holds ConfigError texts, "FILE:LINE: KEY: MESSAGE": the line and the rest.
    std::pair<int, std::string> withoutLocation(const std::string& text, int fallbackLine) const
    {
        const std::string prefix = config_.configFile.string() + ":";
        if (text.rfind(prefix, 0) != 0) return {fallbackLine, text};
        std::size_t k = prefix.size();
        int line = 0;
        while (k < text.size() && text[k] >= '0' && text[k] <= '9') line = line * 10 + (text[k++] - '0');
        if (line == 0 || text.compare(k, 2, ": ") != 0) return {fallbackLine, text};
        return {line, text.substr(k + 2)};
    }

    void warnUnused(const std::set<std::string>& python)
    {
        for (const ParameterDefinition& definition : config_.parameters)
            if (!used_.count(definition.name) && !python.count(definition.name))
                sink_.warning(displayPath(config_.configFile), definition.line, 0, "unused-parameter",
                              "parameter '" + definition.name +
                                  "' is declared but no changelog, hook or demo data uses it");
    }
};

}  // namespace

ValidationReport validateModule(const fs::path& moduleDir, const ValidateOptions& options)
{
    ValidationReport report;
    std::optional<Config> config;
    try {
        config = Config::load(moduleDir, options.configFile);
    } catch (const ConfigError& e) {
        // Nothing else can be read without the configuration.
        detail::FindingSink{report}.error(displayPath(e.file()), e.line(), 0, "config",
                                          e.key().empty() ? e.message() : e.key() + ": " + e.message());
        return report;
    } catch (const Error& e) {
        const fs::path file = options.configFile ? *options.configFile : moduleDir / ".pum.yaml";
        detail::FindingSink{report}.error(displayPath(file), 0, 0, "config", e.what());
        return report;
    }
    ModuleValidator(*config, options, report).run();
    return report;
}

}  // namespace pum
