// fleet upgrade | info | dry-run: one command over many databases (pum/fleet/fleet.h).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "cli.h"
#include "pum/base/error.h"
#include "pum/fleet/fleet.h"
#include "pum/db/lock_timeout.h"

namespace pum::cli {

namespace {

struct FleetArgs {
    std::vector<std::string> targets;
    std::vector<std::string> targetFiles;
    bool allDatabases = false;
    std::string databasePattern;
    unsigned jobs = 1;
    bool json = false;
    std::string format;
    std::string output;
    ParameterArgs parameters;
    std::string maxVersion;
    std::string lockTimeout;
    UpgradeOptions upgrade;
};

// One line per database as it finishes, on stderr; lines of different
// threads never interleave.
class ProgressPrinter : public FleetObserver {
public:
    ProgressPrinter(Session& session, const std::vector<FleetTarget>& targets)
        : session_(session), targets_(targets)
    {
    }

    void started(std::size_t index, const FleetTarget& target) override
    {
        if (options().verbosity >= 1 && !options().quiet) print(index, "started " + target.label);
    }

    void finished(std::size_t index, const FleetResult& result) override
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++done_;
        if (options().quiet && result.status != FleetStatus::Failed) return;
        std::string line = result.target + ": " + toString(result.status);
        if (result.from || result.to)
            line += " " + (result.from ? result.from->toString() : std::string("-")) +
                    (result.to && result.to != result.from ? " -> " + result.to->toString() : "");
        char time[32];
        std::snprintf(time, sizeof time, " (%.2f s)", result.seconds);
        line += time;
        const std::string message = result.message.substr(0, result.message.find('\n'));
        if (!message.empty()) line += ": " + message;
        char counter[32];
        std::snprintf(counter, sizeof counter, "[%*zu/%zu] ", width(), done_, targets_.size());
        std::fprintf(stderr, "%s%s\n", counter, redacted(index, line).c_str());
    }

    void log(std::size_t index, Feedback::Level level, const std::string& message) override
    {
        // The failure itself is in the result; warnings always show, the rest with -v / -vv.
        if (level == Feedback::Level::Error) return;
        if (level != Feedback::Level::Warning) {
            const int needed = level == Feedback::Level::Trace ? 2 : 1;
            if (options().quiet || options().verbosity < needed) return;
        }
        print(index, (level == Feedback::Level::Warning ? "warning: " : "") + message);
    }

    bool isCancelled() const override { return session_.feedback().isCancelled(); }

private:
    const GlobalOptions& options() const { return session_.options(); }
    int width() const { return static_cast<int>(std::to_string(targets_.size()).size()); }

    std::string redacted(std::size_t index, const std::string& text) const
    {
        return redactPassword(redactPassword(text, targets_[index].spec), options().pgConnection);
    }

    void print(std::size_t index, const std::string& message)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        std::fprintf(stderr, "%s: %s\n", targets_[index].label.c_str(), redacted(index, message).c_str());
    }

    Session& session_;
    const std::vector<FleetTarget>& targets_;
    std::mutex mutex_;
    std::size_t done_ = 0;
};

std::string readTargetsFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CommandError("--targets: cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<FleetTarget> collectTargets(Session& s, const FleetArgs& args)
{
    std::vector<FleetTarget> targets;
    for (const auto& spec : args.targets) {
        if (auto problem = connectionSpecProblem(spec))
            throw CommandError("database '" + redactPassword(spec, spec) + "': invalid connection string: " + *problem);
        targets.push_back(fleetTarget(spec));
    }
    for (const auto& file : args.targetFiles) {
        auto listed = parseFleetTargets(readTargetsFile(file), file);
        targets.insert(targets.end(), listed.begin(), listed.end());
    }
    if (!args.databasePattern.empty() && !args.allDatabases)
        throw CommandError("--database-pattern narrows --all-databases: give both");
    if (args.allDatabases) {
        if (s.options().pgConnection.empty())
            throw CommandError("--all-databases needs the server: pum -p SERVER fleet ... --all-databases");
        FleetDiscovery found = discoverFleet(s.options().pgConnection, s.config(), args.databasePattern);
        for (const auto& [database, why] : found.skipped)
            s.feedback().log(Feedback::Level::Warning, "--all-databases: skipped " + database + ": " + why);
        s.feedback().log(Feedback::Level::Info, "--all-databases: " + std::to_string(found.targets.size()) +
                                                    " databases hold " + s.config().migrationTableSchema +
                                                    ".pum_migrations of " + s.config().module);
        targets.insert(targets.end(), found.targets.begin(), found.targets.end());
    }
    if (targets.empty())
        throw CommandError(args.allDatabases ? "--all-databases: no database of the server holds module " +
                                                   s.config().module
                                             : "no databases given: list connections, --targets FILE or "
                                               "--all-databases");
    refuseDuplicateTargets(targets);
    return targets;
}

std::string formatOf(const FleetArgs& args)
{
    if (args.json) return "json";
    if (!args.format.empty()) return args.format;
    const std::string ext = std::filesystem::path(args.output).extension().string();
    return ext == ".html" || ext == ".htm" ? "html" : ext == ".json" ? "json" : "text";
}

void writeReport(const FleetArgs& args, const FleetReport& report)
{
    const std::string format = formatOf(args);
    const std::string text = format == "html"   ? fleetReportHtml(report)
                             : format == "json" ? fleetReportJson(report)
                                                : fleetReportText(report);
    if (args.output.empty()) {
        std::cout << text << std::flush;
        return;
    }
    std::ofstream out(args.output, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw CommandError("-o: cannot write " + args.output);
    const std::string summary = fleetReportText(report);
    // The table's last paragraph is the one-line summary.
    std::cout << summary.substr(summary.rfind("\n\n") + 2) << "(report in " << args.output << ")" << std::endl;
}

int runFleet(Session& s, const FleetArgs& args, FleetCommand command)
{
    const Config& config = s.config();  // local mistakes are reported before connecting
    FleetOptions options;
    options.command = command;
    options.jobs = args.jobs;
    options.upgrade = args.upgrade;
    options.upgrade.parameters = parseParameterArguments(config, parameterMap(args.parameters));
    if (!args.maxVersion.empty()) {
        options.upgrade.maxVersion = Version::tryParse(args.maxVersion);
        if (!options.upgrade.maxVersion)
            throw CommandError("--max-version: '" + args.maxVersion + "' is not a version (x.y or x.y.z)");
    }
    if (!args.lockTimeout.empty()) options.upgrade.lockTimeout = parseDuration(args.lockTimeout, "--lock-timeout");
    const std::vector<FleetTarget> targets = collectTargets(s, args);
    FleetRunner runner(config, targets);
    ProgressPrinter printer(s, targets);
    const FleetReport report = runner.run(options, printer);
    writeReport(args, report);
    if (s.feedback().isCancelled()) {
        std::cerr << "pum: cancelled: databases not yet committed were rolled back\n";
        return 130;
    }
    return report.anyFailed() || report.anyCancelled() ? 1 : 0;
}

void addTargetOptions(CLI::App* cmd, FleetArgs& args)
{
    cmd->add_option("databases", args.targets,
                    "The databases: pg_service names, postgresql:// URIs or key=value connection strings");
    cmd->add_option("--targets", args.targetFiles,
                    "A file listing databases, one per line ('#' starts a comment line); repeatable")
        ->allow_extra_args(false);
    cmd->add_flag("--all-databases", args.allDatabases,
                  "Every database of the server of -p that holds the module's migration table");
    cmd->add_option("--database-pattern", args.databasePattern,
                    "With --all-databases: only databases whose name matches this SQL LIKE pattern ('muni_%')");
    cmd->add_option("-j,--jobs", args.jobs, "Databases run at once, each in its own connection (default: 1)")
        ->check(CLI::Range(1u, 256u));
    cmd->add_flag("--json", args.json, "Print the summary as JSON (same as -f json)");
    cmd->add_option("-f,--format", args.format, "Summary format: text (default), json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    cmd->add_option("-o,--output", args.output,
                    "Write the summary to this file (format from -f, else from the extension)");
}

void addUpgradeOptions(CLI::App* cmd, FleetArgs& args)
{
    addParameterOption(cmd, args.parameters);
    cmd->add_option("-u,--max-version", args.maxVersion, "Upgrade up to this version (default: the newest)");
    cmd->add_flag("--skip-grant", args.upgrade.skipGrant, "Do not grant permissions to the roles");
    cmd->add_flag("--skip-roles", args.upgrade.skipRoles, "Do not create missing roles");
    cmd->add_flag("--beta-testing", args.upgrade.betaTesting, "Mark the new versions as beta testing");
    cmd->add_flag("--force", args.upgrade.force, "Upgrade even a beta-testing install");
    cmd->add_flag("--skip-drop-app", args.upgrade.skipDropApp, "Do not run the drop app hooks");
    cmd->add_flag("--skip-create-app", args.upgrade.skipCreateApp, "Do not run the create app hooks");
    cmd->add_flag("--skip-baseline-check", args.upgrade.skipBaselineCheck,
                  "Do not require a row for every version up to the installed one");
    cmd->add_option("--lock-timeout", args.lockTimeout,
                    "Per database: give up (rolled back, failed) after waiting this long for a lock, naming the "
                    "sessions that hold locks: 500ms, 5s, 1min")
        ->type_name("DURATION");
}

void registerFleetCommand(CLI::App* fleet, const char* name, const char* help, FleetCommand command)
{
    auto args = std::make_shared<FleetArgs>();
    auto* cmd = fleet->add_subcommand(name, help);
    addTargetOptions(cmd, *args);
    if (command != FleetCommand::Info) addUpgradeOptions(cmd, *args);
    setAction(cmd, [args, command](Session& s) { return runFleet(s, *args, command); });
}

}  // namespace

void registerFleetCommands(CLI::App& app, GlobalOptions&)
{
    auto* fleet = app.add_subcommand(
        "fleet", "Run upgrade, info or dry-run over many databases, in parallel, each in its own transaction");
    fleet->require_subcommand(1);
    fleet->footer(
        "Each database runs in its own connection and transaction: a failure rolls back that database only.\n"
        "A line per database is printed as it finishes (stderr), then one summary table (stdout).\n"
        "Exit status: 0 when every database succeeded, 1 when any failed, 130 after Ctrl-C.\n\n"
        "Examples:\n"
        "  pum -d module fleet upgrade --targets municipalities.txt --jobs 8\n"
        "  pum -d module fleet info muni_a muni_b 'host=db2 dbname=muni_c' --json\n"
        "  pum -p 'host=db1 dbname=postgres' -d module fleet dry-run --all-databases -f html -o report.html");
    registerFleetCommand(fleet, "upgrade", "Upgrade the module in every database listed (one transaction each)",
                         FleetCommand::Upgrade);
    registerFleetCommand(fleet, "info", "Show the installed and pending versions of every database listed",
                         FleetCommand::Info);
    registerFleetCommand(fleet, "dry-run",
                         "Run the upgrade in every database listed, report what it would change, roll back",
                         FleetCommand::DryRun);
}

}  // namespace pum::cli
