// validate: checks a module without a database (pum::validateModule).
#include <iostream>

#include "cli.h"
#include "pum/validate/validate.h"

namespace pum::cli {

namespace {

struct ValidateArgs {
    ParameterArgs parameters;
    bool json = false;
    bool strict = false;
    std::string python;
};

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

int runValidate(Session& s, const ValidateArgs& args)
{
    ValidateOptions options;
    if (!s.options().configFile.empty()) options.configFile = s.options().configFile;
    options.parameters = parameterMap(args.parameters);
    options.python = args.python;
    const ValidationReport report = validateModule(s.options().moduleDir(), options);
    if (args.json) {
        std::cout << toJson(report) << std::endl;
    } else {
        for (const Finding& finding : report.findings) std::cout << finding.format() << "\n";
        if (!s.options().quiet)
            std::cout << plural(report.errors(), "error") << ", " << plural(report.warnings(), "warning") << " ("
                      << plural(report.files, "file") << ", " << plural(report.statements, "statement")
                      << " checked)" << std::endl;
    }
    const bool failed = !report.ok() || (args.strict && report.warnings() > 0);
    return failed ? 1 : 0;
}

}  // namespace

void registerValidateCommand(CLI::App& app, GlobalOptions&)
{
    auto args = std::make_shared<ValidateArgs>();
    auto* cmd = app.add_subcommand(
        "validate",
        "Check the module without a database: every changelog, SQL hook and demo data file parsed by PostgreSQL's "
        "parser with the parameters substituted, transaction statements, undeclared and unused parameters, "
        "changelog folders, Python hooks compiled (never run). Prints FILE:LINE:COLUMN: error: MESSAGE [CODE]; "
        "exit 1 on any error");
    addParameterOption(cmd, args->parameters);
    cmd->add_flag("--json", args->json, "Print the findings as JSON (see docs/validate.md for the shape)");
    cmd->add_flag("--strict", args->strict, "Exit 1 on warnings too (an unused parameter...)");
    cmd->add_option("--python", args->python,
                    "Python interpreter that compiles the Python hooks (default: $PUM_PYTHON, else the one pum "
                    "was built with)")
        ->type_name("PATH");
    setAction(cmd, [args](Session& s) { return runValidate(s, *args); });
}

}  // namespace pum::cli
