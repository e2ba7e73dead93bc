// install, upgrade, baseline, info, app, demo-data, uninstall.

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "pum/run/dry_run.h"
#include "pum/base/error.h"
#include "pum/db/lock_timeout.h"
#include "pum/platform/terminal.h"
#include "pum/run/upgrader.h"

namespace pum::cli {

namespace {

std::string versionList(const std::vector<Version>& versions)
{
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ", ") + v.toString();
    return out.empty() ? "none" : out;
}

std::string seconds(double s)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, s < 10 ? "%.2f s" : "%.0f s", s);
    return buffer;
}

std::optional<Version> optionalVersion(const std::string& text, const char* option)
{
    if (text.empty()) return std::nullopt;
    auto v = Version::tryParse(text);
    if (!v) throw CommandError(std::string(option) + ": '" + text + "' is not a version (x.y or x.y.z)");
    return v;
}

// A summary line on stdout, so that scripts can capture it apart from progress.
void report(Session& s, const std::string& line)
{
    s.feedback().finish();
    if (!s.options().quiet) std::cout << line << std::endl;
}

// pum asks "y/yes" and reads the answer from standard input, a terminal or
// not (`echo y | pum uninstall`); the database's name is accepted too.
void confirmUninstall(const std::string& module, Connection& connection)
{
    std::cerr << "Uninstall module " << module << " from database " << connection.describe()
              << "? This runs its uninstall hooks. [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (!platform::isTerminal(platform::StandardStream::Input)) std::cerr << "\n";  // the answer was not echoed
    while (!answer.empty() && std::isspace(static_cast<unsigned char>(answer.back()))) answer.pop_back();
    answer.erase(0, answer.find_first_not_of(" \t"));
    std::string lower;
    for (char c : answer) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "y" && lower != "yes" && answer != connection.databaseName())
        throw CommandError("not confirmed: nothing was changed (answer y, or add --force)");
}

// --lock-timeout, on every command that changes the database.
// --dry-run and how its report is printed (install and upgrade).
struct DryRunArgs {
    bool dryRun = false;
    bool json = false;
    std::string format = "text";
    std::string lockWarning = "1s";
};

void addDryRunOptions(CLI::App* command, DryRunArgs& args, const char* what)
{
    command->add_flag("--dry-run", args.dryRun,
                      std::string("Run the whole ") + what +
                          " (hooks included) in its transaction, report what it would change (versions, each "
                          "file's statements and time, the schema difference, long-held locks), then roll back");
    command->add_option("--format", args.format, "Format of the dry run's report: text (default), json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    command->add_flag("--json", args.json, "Same as --format json");
    command->add_option("--lock-warning", args.lockWarning,
                        "Dry run: warn about ACCESS EXCLUSIVE locks held at least this long on tables with rows "
                        "(default 1s)")
        ->type_name("DURATION");
}

// The dry run's report on stdout, in the format asked for.
int printDryRun(Session& s, const DryRunArgs& args, const DryRunReport& report)
{
    s.feedback().finish();
    const std::string format = args.json ? "json" : args.format;
    if (format == "json")
        std::cout << dryRunJson(report) << std::endl;
    else if (format == "html")
        std::cout << dryRunHtml(report);
    else
        std::cout << dryRunText(report);
    return 0;
}

struct InstallArgs {
    ParameterArgs parameters;
    std::string maxVersion;
    std::string demoData;
    std::string lockTimeout;
    DryRunArgs dryRun;
    InstallOptions options;
};

struct UpgradeArgs {
    ParameterArgs parameters;
    std::string maxVersion;
    std::string lockTimeout;
    std::string backup;
    DryRunArgs dryRun;
    UpgradeOptions options;
};

std::string parametersText(const ParameterValues& values)
{
    std::string out;
    for (const auto& [name, value] : values) out += (out.empty() ? "" : ", ") + name + " = " + value.toSqlLiteral();
    return out.empty() ? "none" : out;
}

int runInfo(Session& s, bool json)
{
    const Config& config = s.config();  // local mistakes are reported before connecting
    Upgrader upgrader(config, s.connection(), s.feedback());
    ModuleInfo info = upgrader.info();
    if (json) {
        nlohmann::json j;
        j["module"] = info.module;
        j["migration_table"] = info.migrationTable;
        j["installed"] = info.installed;
        j["database"] = s.connection().databaseName();
        auto versions = [](const std::vector<Version>& vs) {
            nlohmann::json a = nlohmann::json::array();
            for (const auto& v : vs) a.push_back(v.toString());
            return a;
        };
        j["available_versions"] = versions(info.available);
        j["pending_versions"] = versions(info.pending);
        j["other_module_schemas"] = info.otherSchemas;
        if (info.installed) {
            j["migration_table_version"] = info.layoutVersion;
            if (info.current) {
                j["installed_module"] = info.current->module;
                j["version"] = info.current->versionText;
                j["date_installed"] = info.current->dateInstalled;
                j["beta_testing"] = info.current->betaTesting;
                j["pum_version"] = info.current->pumVersion ? nlohmann::json(*info.current->pumVersion) : nullptr;
                j["parameters"] = nlohmann::json::parse(parametersToJson(info.parameters));
            }
        }
        std::cout << j.dump(2) << std::endl;
        return 0;
    }
    auto line = [](const char* key, const std::string& value) { std::printf("%-17s %s\n", key, value.c_str()); };
    line("module:", info.module);
    line("database:", s.connection().describe());
    line("migration table:", info.migrationTable +
                                 (info.installed ? " (layout " + std::to_string(info.layoutVersion) + ")" : ""));
    if (!info.installed) {
        line("installed:", "no");
    } else if (!info.current) {
        line("installed:", "table present but no version recorded");
    } else {
        const auto& c = *info.current;
        line("installed:", c.versionText + (c.module != info.module ? " (of module " + c.module + ")" : ""));
        line("date installed:", c.dateInstalled);
        line("beta testing:", c.betaTesting ? "yes (upgrades refused without --force)" : "no");
        line("parameters:", parametersText(info.parameters));
    }
    line("available:", versionList(info.available));
    line("pending:", versionList(info.pending));
    if (!info.otherSchemas.empty()) {
        std::string list;
        for (const auto& sch : info.otherSchemas) list += (list.empty() ? "" : ", ") + sch;
        line("other modules:", "pum_migrations also in " + list);
    }
    return 0;
}

void addInstallCommand(CLI::App& app)
{
    auto args = std::make_shared<InstallArgs>();
    auto* cmd = app.add_subcommand("install", "Install the module into an empty database (one transaction)");
    addParameterOption(cmd, args->parameters);
    cmd->add_option("--max-version", args->maxVersion, "Install up to this version (default: the newest)");
    cmd->add_flag("--skip-roles", args->options.skipRoles, "Do not create the module's roles");
    cmd->add_flag("--skip-grant", args->options.skipGrant, "Do not grant permissions to the roles");
    cmd->add_option("-d,--demo-data", args->demoData, "Load this demo data set after installing");
    cmd->add_flag("--beta-testing", args->options.betaTesting,
                  "Mark the install as beta testing (it will refuse upgrades)");
    cmd->add_flag("--skip-drop-app", args->options.skipDropApp, "Do not run the drop app hooks");
    cmd->add_flag("--skip-create-app", args->options.skipCreateApp, "Do not run the create app hooks");
    cmd->add_flag("--allow-multiple-modules", args->options.allowMultipleModules,
                  "Allow another module's pum_migrations table in the database");
    addLockTimeoutOption(cmd, args->lockTimeout);
    addDryRunOptions(cmd, args->dryRun, "install");
    setAction(cmd, [args](Session& s) {
        const Config& config = s.config();
        InstallOptions options = args->options;
        options.parameters = parseParameterArguments(config, parameterMap(args->parameters));
        options.maxVersion = optionalVersion(args->maxVersion, "--max-version");
        options.demoData = args->demoData;
        options.lockTimeout = lockTimeoutOf(args->lockTimeout);
        options.dryRun = args->dryRun.dryRun;
        options.lockWarningThreshold = parseDuration(args->dryRun.lockWarning, "--lock-warning");
        Upgrader upgrader(config, s.connection(), s.feedback());
        RunSummary r = upgrader.install(options);
        if (r.dryRun) return printDryRun(s, args->dryRun, *r.dryRun);
        report(s, "installed " + config.module + " " + r.to->toString() + " (versions " + versionList(r.applied) +
                      "; " + std::to_string(r.statements) + " statements in " + seconds(r.seconds) + ")");
        return 0;
    });
}

void addUpgradeCommand(CLI::App& app)
{
    auto args = std::make_shared<UpgradeArgs>();
    auto* cmd = app.add_subcommand("upgrade", "Apply the newer changelogs to an installed module (one transaction)");
    addParameterOption(cmd, args->parameters);
    cmd->add_option("-u,--max-version", args->maxVersion, "Upgrade up to this version (default: the newest)");
    cmd->add_flag("--skip-grant", args->options.skipGrant, "Do not grant permissions to the roles");
    cmd->add_flag("--skip-roles", args->options.skipRoles, "Do not create missing roles");
    cmd->add_flag("--beta-testing", args->options.betaTesting, "Mark the new versions as beta testing");
    cmd->add_flag("--force", args->options.force, "Upgrade even a beta-testing install");
    cmd->add_flag("--skip-drop-app", args->options.skipDropApp, "Do not run the drop app hooks");
    cmd->add_flag("--skip-create-app", args->options.skipCreateApp, "Do not run the create app hooks");
    cmd->add_flag("--skip-baseline-check", args->options.skipBaselineCheck,
                  "Do not require a row for every version up to the installed one");
    cmd->add_option("--backup", args->backup,
                    "Before anything runs, pg_dump the module's schemas into FILE (custom format); if the upgrade "
                    "fails, its path and the command that restores it are printed")
        ->type_name("FILE");
    addLockTimeoutOption(cmd, args->lockTimeout);
    addDryRunOptions(cmd, args->dryRun, "upgrade");
    setAction(cmd, [args](Session& s) {
        const Config& config = s.config();
        UpgradeOptions options = args->options;
        options.parameters = parseParameterArguments(config, parameterMap(args->parameters));
        options.maxVersion = optionalVersion(args->maxVersion, "--max-version");
        options.lockTimeout = lockTimeoutOf(args->lockTimeout);
        options.backupFile = args->backup;
        options.dryRun = args->dryRun.dryRun;
        options.lockWarningThreshold = parseDuration(args->dryRun.lockWarning, "--lock-warning");
        if (options.dryRun && !options.backupFile.empty())
            throw CommandError("--backup has no use with --dry-run: a dry run changes nothing");
        Upgrader upgrader(config, s.connection(), s.feedback());
        RunSummary r = upgrader.upgrade(options);
        if (r.dryRun) return printDryRun(s, args->dryRun, *r.dryRun);
        if (r.nothingToDo)
            report(s, config.module + " " + r.to->toString() + ": nothing to upgrade");
        else
            report(s, "upgraded " + config.module + " from " + r.from->toString() + " to " + r.to->toString() +
                          " (versions " + versionList(r.applied) + "; " + std::to_string(r.statements) +
                          " statements in " + seconds(r.seconds) + ")");
        return 0;
    });
}

void addBaselineCommand(CLI::App& app)
{
    struct Args {
        std::string version;
        bool createTable = false;
        bool allowMultiple = false;
        std::string lockTimeout;
        ParameterArgs parameters;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("baseline", "Record a version as installed without running anything");
    cmd->add_option("-b,--baseline", args->version, "The version to record (x.y or x.y.z)")->required();
    cmd->add_flag("--create-table", args->createTable, "Create the pum_migrations table if it is missing");
    cmd->add_flag("--allow-multiple-modules", args->allowMultiple,
                  "Allow another module's pum_migrations table in the database");
    addParameterOption(cmd, args->parameters);
    addLockTimeoutOption(cmd, args->lockTimeout);
    setAction(cmd, [args](Session& s) {
        const Config& config = s.config();
        auto version = optionalVersion(args->version, "--baseline");
        auto parameters = parseParameterArguments(config, parameterMap(args->parameters));
        const auto timeout = lockTimeoutOf(args->lockTimeout);
        Upgrader upgrader(config, s.connection(), s.feedback());
        upgrader.setLockTimeout(timeout);
        upgrader.baseline(*version, args->createTable, args->allowMultiple, parameters);
        report(s, "baseline of " + config.module + " set to " + version->toString());
        return 0;
    });
}

void addInfoCommand(CLI::App& app)
{
    auto json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("info", "Show the module, the installed version, its parameters and what is pending");
    cmd->add_flag("--json", *json, "Print JSON");
    setAction(cmd, [json](Session& s) { return runInfo(s, *json); });
}

// app create|drop|recreate
void addAppCommands(CLI::App& app)
{
    auto* appCommand = app.add_subcommand("app", "Run the application hooks (drop and/or create)");
    appCommand->require_subcommand(1);
    // pum's spelling puts -p before the action (pum app -p lang fr create): accepted on both.
    auto appParameters = std::make_shared<ParameterArgs>();
    addParameterOption(appCommand, *appParameters);
    auto appLockTimeout = std::make_shared<std::string>();
    addLockTimeoutOption(appCommand, *appLockTimeout);
    struct Spec {
        const char* name;
        const char* help;
        void (Upgrader::*method)(const ParameterValues&);
        const char* done;
    };
    for (const Spec& spec : {Spec{"create", "Run the create app hooks", &Upgrader::createApp, "created"},
                             Spec{"drop", "Run the drop app hooks", &Upgrader::dropApp, "dropped"},
                             Spec{"recreate", "Run the drop then the create app hooks", &Upgrader::recreateApp,
                                  "recreated"}}) {
        auto parameters = std::make_shared<ParameterArgs>();
        auto lockTimeout = std::make_shared<std::string>();
        auto* cmd = appCommand->add_subcommand(spec.name, spec.help);
        addParameterOption(cmd, *parameters);
        addLockTimeoutOption(cmd, *lockTimeout);
        setAction(cmd, [parameters, appParameters, lockTimeout, appLockTimeout, spec](Session& s) {
            const Config& config = s.config();
            ParameterArgs all = *appParameters;
            all.insert(all.end(), parameters->begin(), parameters->end());
            auto values = parseParameterArguments(config, parameterMap(all));
            const auto timeout = lockTimeoutOf(lockTimeout->empty() ? *appLockTimeout : *lockTimeout);
            Upgrader upgrader(config, s.connection(), s.feedback());
            upgrader.setLockTimeout(timeout);
            (upgrader.*spec.method)(values);
            report(s, std::string("application of ") + config.module + " " + spec.done);
            return 0;
        });
    }
}

void addDemoDataCommand(CLI::App& app)
{
    struct Args {
        std::string name;
        ParameterArgs parameters;
        bool skipGrant = false;
        bool skipDropApp = false;
        bool skipCreateApp = false;
        std::string lockTimeout;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("demo-data", "Load a demo data set into the installed module");
    cmd->alias("install-demo-data");
    cmd->add_option("name", args->name, "The demo data set (see demo_data in .pum.yaml)")->required();
    cmd->add_flag("--skip-grant", args->skipGrant, "Do not grant permissions afterwards");
    cmd->add_flag("--skip-drop-app", args->skipDropApp, "Do not run the drop hooks before loading the data");
    cmd->add_flag("--skip-create-app", args->skipCreateApp, "Do not run the create hooks after loading the data");
    addParameterOption(cmd, args->parameters);
    addLockTimeoutOption(cmd, args->lockTimeout);
    setAction(cmd, [args](Session& s) {
        const Config& config = s.config();
        auto values = parseParameterArguments(config, parameterMap(args->parameters));
        const auto timeout = lockTimeoutOf(args->lockTimeout);
        Upgrader upgrader(config, s.connection(), s.feedback());
        upgrader.setLockTimeout(timeout);
        upgrader.installDemoData(args->name, values, args->skipGrant, args->skipDropApp, args->skipCreateApp);
        report(s, "demo data '" + args->name + "' loaded into " + config.module);
        return 0;
    });
}

void addUninstallCommand(CLI::App& app)
{
    struct Args {
        ParameterArgs parameters;
        bool force = false;
        std::string lockTimeout;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("uninstall", "Run the module's uninstall hooks (asks for confirmation)");
    addParameterOption(cmd, args->parameters);
    cmd->add_flag("--force", args->force, "Do not ask for confirmation");
    addLockTimeoutOption(cmd, args->lockTimeout);
    setAction(cmd, [args](Session& s) {
        const Config& config = s.config();
        if (config.uninstallHooks.empty())
            throw CommandError("module " + config.module + " defines no uninstall hooks: nothing to run");
        auto values = parseParameterArguments(config, parameterMap(args->parameters));
        const auto timeout = lockTimeoutOf(args->lockTimeout);
        auto& connection = s.connection();
        if (!args->force) confirmUninstall(config.module, connection);
        Upgrader upgrader(config, connection, s.feedback());
        upgrader.setLockTimeout(timeout);
        upgrader.uninstall(values);
        report(s, "uninstalled " + config.module + " from " + connection.databaseName());
        return 0;
    });
}

}  // namespace

void registerModuleCommands(CLI::App& app, GlobalOptions&)
{
    addInstallCommand(app);
    addUpgradeCommand(app);
    addBaselineCommand(app);
    addInfoCommand(app);
    addAppCommands(app);
    addDemoDataCommand(app);
    addUninstallCommand(app);
}

}  // namespace pum::cli
