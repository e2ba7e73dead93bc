#pragma once
// `pum validate`: checks a module without a database. Every changelog, SQL
// hook and demo data file is split by our lexer, substituted with the
// parameters' values, and parsed by PostgreSQL's own parser (libpg_query);
// Python hooks are compiled (never run) and their run_hook signature read.
// Every problem found is reported, not only the first.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pum {

struct Finding {
    enum class Severity { Error, Warning };

    std::string file;  // as shown to the user (relative to the current folder when shorter)
    int line = 0;      // 1-based line in `file`; 0 when the finding is about the whole file or folder
    int column = 0;    // 1-based, in characters; 0 when unknown
    Severity severity = Severity::Error;
    // Stable identifier of the kind of problem, for programs and for --json:
    //   config                       .pum.yaml cannot be loaded (YAML, keys, types...)
    //   parameter-value              a given value (-p NAME VALUE) is undeclared or does not convert
    //   changelog-layout             changelogs folder missing or empty, SQL outside a version folder,
    //                                an empty version folder, SQL beside APP_ONLY_RELEASE
    //   changelog-version            a changelog folder whose name is not a version
    //   duplicate-version            two changelog folders of one version (1.0 and 1.0.0)
    //   sql-syntax                   PostgreSQL's parser refuses a statement
    //   plpgsql-syntax               a PL/pgSQL function body the server would refuse when creating the
    //                                function (located at its CREATE statement)
    //   sql-lexer                    pum's lexer refuses the text (unterminated quote, single '}',
    //                                psql meta-command, COPY FROM STDIN, unsafe value placement...)
    //   transaction-statement        BEGIN, COMMIT, ROLLBACK, ... (pum runs everything in one transaction)
    //   undeclared-parameter         `{name}` naming no declared parameter
    //   app-only-parameter           an app_only parameter used in a changelog
    //   unused-parameter (warning)   a declared parameter no SQL file or Python hook uses
    //   python-syntax                a Python hook that does not compile
    //   python-hook                  a Python hook without class Hook / run_hook(self, connection, ...)
    //   python-undeclared-parameter  run_hook takes a parameter that is not declared
    //   python-unavailable (warning) no Python interpreter to compile the Python hooks with
    //   demo-data-missing (warning)  a demo data file that does not exist (only loading that set fails)
    std::string code;
    std::string message;

    // "FILE:LINE:COLUMN: error: MESSAGE [CODE]" (LINE and COLUMN left out when 0), as compilers write it.
    std::string format() const;
};

std::string toString(Finding::Severity severity);  // "error", "warning"

struct ValidateOptions {
    // The module's configuration file when it is not `<moduleDir>/.pum.yaml`.
    std::optional<std::filesystem::path> configFile;
    // Parameter values as texts (`-p NAME VALUE`); the others take their
    // default, or a neutral value of their type (0, false, 'x') when they have none.
    std::map<std::string, std::string> parameters;
    // Interpreter that compiles Python hooks (never runs them). Empty: the
    // environment's PUM_PYTHON, else the interpreter pum was built with, else python3.
    std::string python;
};

struct ValidationReport {
    std::vector<Finding> findings;  // in the order of the module: configuration, changelogs, hooks, demo data
    std::size_t files = 0;          // SQL and Python files (and inline hooks) checked
    std::size_t statements = 0;     // SQL statements parsed by PostgreSQL's parser

    std::size_t errors() const;
    std::size_t warnings() const;
    bool ok() const { return errors() == 0; }  // warnings do not fail a module
};

// Validates the module in `moduleDir`. Never connects to a database and never
// runs a hook. Problems are findings, never exceptions (a configuration that
// cannot be loaded is one finding: nothing else can then be checked); only
// failures of the machine itself (out of memory...) throw.
ValidationReport validateModule(const std::filesystem::path& moduleDir, const ValidateOptions& options = {});

// The report as JSON (what `pum validate --json` prints):
// {"ok": bool, "errors": n, "warnings": n, "files": n, "statements": n,
//  "findings": [{"file", "line", "column", "severity", "code", "message"}, ...]}
std::string toJson(const ValidationReport& report);

}  // namespace pum
