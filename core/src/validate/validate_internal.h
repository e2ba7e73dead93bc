#pragma once
// Internal: the parts of validateModule (validate.cpp), one concern per file.
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/module/parameter.h"
#include "pum/validate/validate.h"

namespace pum::detail {

// Appends findings; keeps the counts of what was checked.
struct FindingSink {
    ValidationReport& report;
    void add(std::string file, int line, int column, Finding::Severity severity, std::string code,
             std::string message);
    void error(std::string file, int line, int column, std::string code, std::string message)
    {
        add(std::move(file), line, column, Finding::Severity::Error, std::move(code), std::move(message));
    }
    void warning(std::string file, int line, int column, std::string code, std::string message)
    {
        add(std::move(file), line, column, Finding::Severity::Warning, std::move(code), std::move(message));
    }
};

// "a, b, c" (or "none"): the declared parameters, for messages.
std::string declaredParameters(const Config& config);

// ---- validate_layout.cpp

// The changelogs that can be read, in version order; every folder that
// cannot (not a version, empty, SQL beside APP_ONLY_RELEASE) and every
// repeated version is a finding.
std::vector<Changelog> checkChangelogLayout(const Config& config, FindingSink& sink);

// ---- validate_sql.cpp

// One SQL text as pum would run it.
struct SqlText {
    std::string text;
    std::string shown;     // the file named in findings
    int firstLine = 1;     // line of `text`'s first line in `shown` (inline code in .pum.yaml)
    // For inline code: the lines of the .pum.yaml, to turn a column in the code
    // into one in the file (the YAML indentation before it). Null for files.
    const std::vector<std::string>* yamlLines = nullptr;
    bool changelog = false;  // app_only parameters may not be used
};

// Checks `sql` with `values` (every declared parameter has one): our lexer,
// transaction control, `{name}`s naming no declared parameter, app_only
// parameters in changelogs, and PostgreSQL's parser on every statement.
// Adds the names of the parameters `sql` uses to `used`.
void checkSqlText(const SqlText& sql, const Config& config, const ParameterValues& values, FindingSink& sink,
                  std::set<std::string>& used);

// ---- validate_python.cpp

// What the Python hooks use of the parameters.
struct PythonUse {
    std::set<std::string> names;  // named in a run_hook signature
    bool all = false;             // a hook takes **kwargs or reads self._parameters, or could not be read
};

// Compiles every Python hook with `python` (never running one) and checks its
// class Hook and run_hook signature against the declared parameters.
PythonUse checkPythonHooks(const std::vector<const HookDefinition*>& hooks, const Config& config,
                           const std::string& python, FindingSink& sink);

// The interpreter validateModule uses when ValidateOptions::python is empty.
std::string defaultPython();

}  // namespace pum::detail
