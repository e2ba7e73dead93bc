// test-upgrade: upgrade a scratch copy, install the same version fresh beside
// it, compare the two (the work is pum::testUpgrade's).
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "pum/base/error.h"
#include "pum/db/lock_timeout.h"
#include "pum/run/test_upgrade.h"

namespace pum::cli {

namespace {

struct TestUpgradeArgs {
    ParameterArgs parameters;
    std::string maxVersion;
    std::string scratch;
    std::string format = "text";
    bool json = false;
    std::string lockTimeout;
    TestUpgradeOptions options;
};

std::string versionText(const std::optional<Version>& v) { return v ? v->toString() : ""; }

std::string jsonReport(const TestUpgradeReport& r)
{
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : r.upgrade.applied) versions.push_back(v.toString());
    nlohmann::json out = {
        {"passed", r.passed()},
        {"copy_method", r.copyMethod},
        {"upgraded_database", r.upgradedName},
        {"fresh_database", r.freshName},
        {"from", versionText(r.upgrade.from)},
        {"to", versionText(r.upgrade.to)},
        {"versions", versions},
        {"difference_count", r.comparison.differenceCount()},
        {"comparison", nlohmann::json::parse(reportJson(r.comparison))},
    };
    return out.dump(2);
}

std::string textReport(const TestUpgradeReport& r)
{
    std::string out = "upgraded a copy (" + r.copyMethod + ") from " + versionText(r.upgrade.from) + " to " +
                      versionText(r.upgrade.to) + "; compared with a fresh install of " + versionText(r.upgrade.to) +
                      "\n";
    return out + reportText(r.comparison);
}

}  // namespace

void registerTestUpgradeCommand(CLI::App& app, GlobalOptions& /*options: read from the Session*/)
{
    auto args = std::make_shared<TestUpgradeArgs>();
    auto* cmd = app.add_subcommand(
        "test-upgrade",
        "Upgrade a scratch copy of the database of -p, install the same version fresh into a second scratch "
        "database, compare the two (exit 1 when they differ) and drop both; the database of -p is only read");
    addParameterOption(cmd, args->parameters);
    cmd->add_option("--scratch", args->scratch,
                    "Server for the two scratch databases (service, URI or key=value; its dbname is ignored; the "
                    "user needs CREATEDB). Default: the server of -p")
        ->type_name("CONNINFO");
    cmd->add_option("-u,--max-version", args->maxVersion, "Upgrade up to this version (default: the newest)");
    cmd->add_flag("--skip-grant", args->options.upgrade.skipGrant, "Do not grant permissions to the roles");
    cmd->add_flag("--skip-roles", args->options.upgrade.skipRoles, "Do not create missing roles");
    cmd->add_flag("--force", args->options.upgrade.force, "Upgrade even a beta-testing install");
    cmd->add_flag("--skip-drop-app", args->options.upgrade.skipDropApp, "Do not run the drop app hooks");
    cmd->add_flag("--skip-create-app", args->options.upgrade.skipCreateApp, "Do not run the create app hooks");
    cmd->add_flag("--skip-baseline-check", args->options.upgrade.skipBaselineCheck,
                  "Do not require a row for every version up to the installed one");
    cmd->add_option("-i,--ignore", args->options.check.ignore, "Kinds left out of the comparison (one or more)")
        ->check(CLI::IsMember(checkKinds()));
    cmd->add_option("-N,--exclude-schema", args->options.check.excludeSchemas,
                    "Schema left out of the comparison (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("-P,--exclude-field-pattern", args->options.check.excludeFieldPatterns,
                    "Column names left out of the comparison, as a SQL LIKE pattern such as 'usr_%' (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--lock-timeout", args->lockTimeout,
                    "Give up after waiting this long for a lock in a scratch database: 500ms, 5s, 1min")
        ->type_name("DURATION");
    cmd->add_option("-f,--format", args->format, "Report format: text (default), json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    cmd->add_flag("--json", args->json, "Same as --format json");
    setAction(cmd, [args](Session& s) {
        // -p as every command takes it (empty: libpq's environment, PGDATABASE...).
        const std::string source = s.options().pgConnection;
        const Config& config = s.config();
        TestUpgradeOptions options = args->options;
        options.upgrade.parameters = parseParameterArguments(config, parameterMap(args->parameters));
        if (!args->maxVersion.empty()) {
            options.upgrade.maxVersion = Version::tryParse(args->maxVersion);
            if (!options.upgrade.maxVersion)
                throw CommandError("--max-version: '" + args->maxVersion + "' is not a version (x.y or x.y.z)");
        }
        if (!args->lockTimeout.empty()) options.upgrade.lockTimeout = parseDuration(args->lockTimeout, "--lock-timeout");
        // The source's own connection is never opened here: an idle source can be copied as a template.
        const std::string scratch = args->scratch.empty() ? source : args->scratch;
        const TestUpgradeReport report = testUpgrade(config, source, scratch, options, s.feedback());
        s.feedback().finish();
        const std::string format = args->json ? "json" : args->format;
        if (format == "json")
            std::cout << jsonReport(report) << std::endl;
        else if (format == "html")
            std::cout << reportHtml(report.comparison);
        else
            std::cout << textReport(report);
        return report.passed() ? 0 : 1;
    });
}

}  // namespace pum::cli
