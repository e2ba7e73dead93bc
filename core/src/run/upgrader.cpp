#include "pum/run/upgrader.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "pum/db/database.h"
#include "pum/db/sql_file.h"
#include "pum/run/deferred_constraints.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/run/hook.h"
#include "pum/run/migration_details.h"
#include "pum/db/lock_timeout.h"
#include "pum/roles/roles.h"
#include "pum/sql/sql.h"
#include "pum/sql/sql_stream.h"
#include "run/backup.h"
#include "run/dry_run_recorder.h"
#include "sql/sql_hook.h"
#include "tool_version.h"

namespace pum {

const char* toolVersion() { return PUM_TOOL_VERSION; }

namespace {

using Clock = std::chrono::steady_clock;

std::string joinVersions(const std::vector<Version>& versions)
{
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ", ") + v.toString();
    return out;
}

// Server notices go to the feedback (Debug) while a command runs, and only
// then: creating or destroying an Upgrader never touches its connection, which
// another Upgrader may be using. They are counted for each step's log line.
class NoticesToFeedback {
public:
    NoticesToFeedback(Connection& connection, Feedback& feedback) : connection_(connection)
    {
        connection_.setNoticeHandler([this, &feedback](const std::string& notice) {
            ++count_;
            feedback.log(Feedback::Level::Debug, "server: " + notice);
        });
    }
    ~NoticesToFeedback() { connection_.setNoticeHandler({}); }
    NoticesToFeedback(const NoticesToFeedback&) = delete;
    NoticesToFeedback& operator=(const NoticesToFeedback&) = delete;

    std::size_t count() const { return count_; }

private:
    Connection& connection_;
    std::size_t count_ = 0;
};

// One bar through the whole command: every plan of a command (install, demo
// data, its hooks) counts into the same done and total, so it never restarts.
struct CommandProgress {
    const NoticesToFeedback& notices;
    std::size_t done = 0;
    std::size_t total = 0;
};

// "3 ms", "3.11 s": a fast file reads in milliseconds rather than "0.00 s".
std::string durationText(Clock::duration elapsed)
{
    const double seconds = std::chrono::duration<double>(elapsed).count();
    char text[32];
    if (seconds < 1)
        std::snprintf(text, sizeof text, "%.0f ms", seconds * 1000);
    else
        std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

// The one line a step leaves in the default log. Its server notices are
// counted there and logged one by one only at debug level (-v): a datamodel's
// "does not exist, skipping" by the hundred would bury what matters.
std::string stepSummary(const std::string& label, std::size_t statements, Clock::duration elapsed,
                        std::size_t notices)
{
    std::string line = label + ": " + std::to_string(statements) + (statements == 1 ? " statement" : " statements") +
                       " in " + durationText(elapsed);
    if (notices > 0) line += ", " + std::to_string(notices) + (notices == 1 ? " server notice" : " server notices");
    return line;
}

// What a command will run, read and parsed completely before the transaction
// starts: a file that is missing, an unknown parameter or transaction control
// in any changelog is reported before the database is touched.
class Plan {
public:
    Plan(const Config& config, const ParameterValues& parameters) : config_(config), parameters_(parameters) {}

    void addHooks(const std::vector<HookDefinition>& hooks)
    {
        for (const auto& hook : hooks) {
            if (!hook.isPython()) {  // .pum.yaml allows only .sql and .py files
                addScript(detail::loadSqlHook(hook, parameters_), hook.code ? hook.describe() : std::string());
            } else {
                checkHook(hook, config_, parameters_);  // the registered runner refuses what it can't run
                Step step;
                step.label = hook.describe();
                step.hook = &hook;
                ++pythonHooks_;
                steps_.push_back(std::move(step));
            }
        }
    }

    void addFiles(const std::vector<std::filesystem::path>& files)
    {
        // Checked now piece by piece, sent the same way later: memory stays flat (sql_stream.h).
        for (const auto& file : files) {
            Step step;
            step.label = detail::displayPath(file);
            step.file = file;
            step.statements = checkSqlFile(file, step.label, parameters_);
            step.weight = std::max<std::size_t>(step.statements, 1);
            sqlWeight_ += step.weight;
            steps_.push_back(std::move(step));
        }
    }

    std::size_t total() const { return sqlWeight_ + pythonHooks_ * pythonHookWeight(); }
    bool empty() const { return steps_.empty(); }
    // Called after each step that ran: its label, statements and start (the dry run's recorder).
    using Observer = std::function<void(const std::string&, std::size_t, Clock::time_point)>;
    void setObserver(Observer observer) { observer_ = std::move(observer); }

    // Runs every step, counting into `progress`; returns the statements sent.
    std::size_t run(Connection& connection, Feedback& feedback, CommandProgress& progress)
    {
        std::size_t statements = 0;
        for (std::size_t index = 0; index < steps_.size(); ++index) {
            auto& step = steps_[index];
            const auto started = Clock::now();
            const std::size_t noticesBefore = progress.notices.count();
            feedback.throwIfCancelled();
            feedback.step("Executing " + step.label, index, steps_.size());
            feedback.progress(progress.done, progress.total, step.label);
            const std::size_t sent = runStep(step, connection, feedback, progress);
            progress.done += step.hook ? pythonHookWeight() : step.weight;
            statements += sent;
            feedback.progress(progress.done, progress.total, step.label);
            feedback.log(Feedback::Level::Info, stepSummary(step.label, sent, Clock::now() - started,
                                                            progress.notices.count() - noticesBefore));
            if (observer_) observer_(step.label, sent, started);
        }
        return statements;
    }

private:
    struct Step {
        std::string label;
        SqlScript script;
        const HookDefinition* hook = nullptr;
        std::optional<std::filesystem::path> file;  // a SQL file, streamed (script stays empty)
        std::size_t statements = 0;                 // of `file`
        std::size_t weight = 0;                     // of a SQL step; Python hooks weigh pythonHookWeight()
    };

    // A Python hook's work is only known as it runs: it counts as an eighth of
    // the plan's SQL (at least 100 statements' worth) on the bar.
    std::size_t pythonHookWeight() const { return std::max<std::size_t>(100, sqlWeight_ / 8); }

    // Each step is announced once, by feedback.step() ("Executing ..."), and
    // summed up once, after it ran.
    std::size_t runStep(const Step& step, Connection& connection, Feedback& feedback, const CommandProgress& progress)
    {
        if (step.hook) return runPythonHook(step, connection, feedback, progress);
        if (step.file) {
            runSqlFile(connection, *step.file, step.label, parameters_, &feedback, progress.done, progress.total);
            return step.statements;
        }
        connection.runStatements(step.script.statements, step.script.source, &feedback, progress.done,
                                 progress.total);
        return step.script.statements.size();
    }

    // The bar moves with each statement the hook sends, towards its weight
    // without reaching it; the label says how many went so far (at most ten
    // reports a second: a hook may send thousands).
    std::size_t runPythonHook(const Step& step, Connection& connection, Feedback& feedback,
                              const CommandProgress& progress)
    {
        const std::size_t weight = pythonHookWeight();
        std::size_t sent = 0;
        Clock::time_point lastReport{};
        HookContext context{connection, config_, parameters_, feedback};
        context.statementsSent = [&](std::size_t count) {
            sent += count;
            const auto now = Clock::now();
            if (now - lastReport < std::chrono::milliseconds(100)) return;
            lastReport = now;
            const std::size_t within = std::min(weight - 1, weight * sent / (sent + weight));
            feedback.progress(progress.done + within, progress.total,
                              step.label + ": " + std::to_string(sent) + " statements sent");
        };
        runHook(*step.hook, context);
        return sent;
    }

    void addScript(SqlScript script, std::string label)
    {
        Step step;
        step.label = label.empty() ? script.source : std::move(label);
        step.weight = std::max<std::size_t>(script.statements.size(), 1);
        step.script = std::move(script);
        sqlWeight_ += step.weight;
        steps_.push_back(std::move(step));
    }

    const Config& config_;
    const ParameterValues& parameters_;
    std::vector<Step> steps_;
    std::size_t sqlWeight_ = 0;
    std::size_t pythonHooks_ = 0;
    Observer observer_;
};

// changelog_files of a record: relative to the module root, under `recordedBase` when set.
std::vector<std::string> recordedFiles(const Config& config, const std::filesystem::path& recordedBase,
                                       const Changelog& changelog)
{
    std::vector<std::string> out;
    for (const auto& f : changelog.files) {
        const auto relative = std::filesystem::relative(f, config.baseDir);
        out.push_back((recordedBase / relative).lexically_normal().generic_string());
    }
    return out;
}

// The end of every command: the last chance to cancel, then the commit, which
// can no longer be cancelled (the feedback learns that before it is reported).
void commitCommand(Transaction& transaction, Connection& connection, Feedback& feedback)
{
    feedback.throwIfCancelled();
    feedback.lockCancellation();
    if (connection.transactionMode() != Connection::TransactionMode::Join) feedback.step("Committing changes", 0, 0);
    transaction.commit();
}

void refuseOtherModule(const MigrationRecord& installed, const Config& config)
{
    if (installed.module != config.module)
        throw CommandError("the database holds module '" + installed.module + "', not '" + config.module + "'");
}

// The version an upgrade starts from: the latest record of `records`, refused
// when it is missing, another module's, or a beta-testing install (unless `force`).
MigrationRecord upgradeStart(const std::vector<MigrationRecord>& records, const Config& config, bool force)
{
    const auto latest = MigrationTable::latestOf(records);
    if (!latest) throw CommandError(config.migrationTableSchema + ".pum_migrations holds no version; use baseline");
    refuseOtherModule(*latest, config);
    if (latest->betaTesting && !force)
        throw CommandError("version " + latest->versionText +
                           " was installed for beta testing: it cannot be upgraded (use --force, or force=True from "
                           "Python, if you really must)");
    return *latest;
}

// The plan of install and upgrade: the changelogs' files between the
// application's drop and create hooks (each skipped on request).
Plan changelogPlan(const Config& config, const ParameterValues& parameters,
                   const std::vector<const Changelog*>& changelogs, bool skipDropApp, bool skipCreateApp)
{
    Plan plan(config, parameters);
    if (!skipDropApp) plan.addHooks(config.dropHooks);
    for (const auto* c : changelogs) {
        refuseAppOnlyParameters(*c, config);
        plan.addFiles(c->files);
    }
    if (!skipCreateApp) plan.addHooks(config.createHooks);
    return plan;
}

const DemoData& findDemoData(const Config& config, const std::string& name)
{
    std::string names;
    for (const auto& d : config.demoData) {
        if (d.name == name) {
            if (!d.missing.empty())
                throw CommandError("demo data '" + name + "' cannot be loaded: " + d.missing.front());
            return d;
        }
        names += (names.empty() ? "" : ", ") + d.name;
    }
    throw CommandError("unknown demo data set '" + name + "' (" +
                       (names.empty() ? "the module defines none" : "available: " + names) + ")");
}

// Demo-data loading as pum does it: drop app, the set's files, create app,
// with a commit after each phase. Everything is read and parsed up front;
// at each of pum's commits the deferred checks fire (settleDeferredConstraints).
class DemoDataPlan {
public:
    DemoDataPlan(const Config& config, const DemoData& demo, const ParameterValues& parameters, bool skipDropApp,
                 bool skipCreateApp)
        : name_(demo.name), drop_(config, parameters), files_(config, parameters), create_(config, parameters)
    {
        if (!skipDropApp) drop_.addHooks(config.dropHooks);
        files_.addFiles(demo.files);
        if (!skipCreateApp) create_.addHooks(config.createHooks);
    }

    void setObserver(const Plan::Observer& observer)
    {
        drop_.setObserver(observer);
        files_.setObserver(observer);
        create_.setObserver(observer);
    }

    std::size_t total() const { return drop_.total() + files_.total() + create_.total(); }

    std::size_t run(Connection& connection, Feedback& feedback, CommandProgress& progress)
    {
        std::size_t statements = 0;
        feedback.log(Feedback::Level::Info, "loading demo data " + name_);
        if (!drop_.empty()) {
            statements += drop_.run(connection, feedback, progress);
            settleDeferredConstraints(connection, feedback, "the drop hooks before demo data '" + name_ + "'");
        }
        statements += files_.run(connection, feedback, progress);
        settleDeferredConstraints(connection, feedback, "the files of demo data '" + name_ + "'");
        if (!create_.empty()) {
            statements += create_.run(connection, feedback, progress);
            settleDeferredConstraints(connection, feedback, "the create hooks after demo data '" + name_ + "'");
        }
        return statements;
    }

private:
    std::string name_;
    Plan drop_, files_, create_;
};

}  // namespace

ParameterValues parseParameterArguments(const Config& config, const std::map<std::string, std::string>& given)
{
    ParameterValues out;
    for (const auto& [name, text] : given) {
        const ParameterDefinition* def = config.parameter(name);
        if (!def) {
            std::string declared;
            for (const auto& p : config.parameters) declared += (declared.empty() ? "" : ", ") + p.name;
            throw ParameterError(name, "unknown parameter '" + name + "': not declared in " + detail::displayPath(config.configFile) +
                                           (declared.empty() ? " (the module declares no parameters)"
                                                             : " (declared: " + declared + ")"));
        }
        try {
            out[name] = ParameterValue::parse(def->type, text);
        } catch (const ParameterError& e) {
            throw ParameterError(name, "parameter '" + name + "': " + e.what());
        }
    }
    // Checks `values` too.
    resolveParameters(config.parameters, out);
    return out;
}

Upgrader::Upgrader(Config config, Connection& connection, Feedback& feedback)
    : config_(std::move(config)), connection_(connection), feedback_(feedback)
{
    changelogs_ = loadChangelogs(config_);
    // Once per command: such a set only fails when it is loaded.
    for (const auto& demo : config_.demoData)
        for (const auto& missing : demo.missing)
            feedback_.log(Feedback::Level::Warning, "demo data '" + demo.name + "' cannot be loaded: " + missing);
}

void Upgrader::refuseNewerMinimumVersion() const
{
    // Only commands that change the schema refuse: info and baseline still work.
    if (config_.minimumVersion && *config_.minimumVersion > Version::parse(toolVersion()))
        throw CommandError("module " + config_.module + " needs pum " + config_.minimumVersion->toString() +
                           " or newer (minimum_version in " + detail::displayPath(config_.configFile) +
                           "); this is pum " + toolVersion());
}

ParameterValues Upgrader::effectiveParameters(const ParameterValues& given, bool refuseChanges)
{
    MigrationTable table(connection_, config_.migrationTableSchema);
    return mergeParameters(table.exists() ? table.latest() : std::nullopt, given, refuseChanges);
}

std::optional<Upgrader::Installed> Upgrader::lockAndReadInstalled(MigrationTable& table) const
{
    // Lock first: a command that waits for another one must see what that one stored.
    table.lock();
    if (!table.exists()) return std::nullopt;
    Installed installed{table.latest()};
    if (installed.record) refuseOtherModule(*installed.record, config_);
    return installed;
}

ParameterValues Upgrader::resolve(const ParameterValues& given) const
{
    ParameterValues resolved = resolveParameters(config_.parameters, given);  // converts and checks
    if (fillDefaults_) return resolved;
    for (auto it = resolved.begin(); it != resolved.end();)
        it = given.count(it->first) ? std::next(it) : resolved.erase(it);
    return resolved;
}

ParameterValues Upgrader::mergeParameters(const std::optional<MigrationRecord>& installed,
                                          const ParameterValues& given, bool refuseChanges) const
{
    ParameterValues merged;
    if (installed) {
        ParameterValues stored = parametersFromJson(config_.parameters, installed->parametersJson);
        for (const auto& def : config_.parameters) {
            auto s = stored.find(def.name);
            if (s == stored.end()) continue;
            auto g = given.find(def.name);
            if (refuseChanges && g != given.end() && !def.appOnly && g->second != s->second)
                throw ParameterError(def.name, "parameter '" + def.name + "' must remain consistent with the installed "
                                                   "module: it cannot change from " + s->second.toSqlLiteral() +
                                                   " to " + g->second.toSqlLiteral() +
                                                   " (only parameters marked app_only may change)");
            merged[def.name] = s->second;
        }
    }
    for (const auto& [name, value] : given) merged[name] = value;
    return resolve(merged);
}

RunSummary Upgrader::install(const InstallOptions& options)
{
    return giveUpOnLockTimeout(connection_, options.lockTimeout, options.dryRun ? "the install's dry run" : "the install",
                               [&] { return runInstall(options); });
}

RunSummary Upgrader::upgrade(const UpgradeOptions& options)
{
    auto run = [&] {
        return giveUpOnLockTimeout(connection_, options.lockTimeout,
                                   options.dryRun ? "the upgrade's dry run" : "the upgrade",
                                   [&] { return runUpgrade(options); });
    };
    if (options.backupFile.empty() || options.dryRun) return run();
    detail::backupModuleSchemas(connection_, config_, options.backupFile, feedback_, options.lockTimeout);
    try {
        return run();
    } catch (const std::exception&) {
        feedback_.log(Feedback::Level::Warning, detail::restoreHint(connection_, options.backupFile));
        throw;
    }
}

void Upgrader::finishDryRun(detail::DryRunRecorder& recorder, Transaction& transaction, RunSummary& summary)
{
    DryRunReport report;
    recorder.finish(report);
    report.module = config_.module;
    report.from = summary.from;
    report.to = summary.to;
    report.versions = summary.applied;
    report.statements = summary.statements;
    feedback_.step("Rolling back (dry run)", 0, 0);
    recorder.rollBack(transaction);
    summary.dryRun = std::move(report);
}

RunSummary Upgrader::runInstall(const InstallOptions& options)
{
    NoticesToFeedback notices(connection_, feedback_);
    refuseNewerMinimumVersion();
    const auto start = Clock::now();
    RunSummary summary;
    const ParameterValues parameters = resolve(options.parameters);

    std::vector<const Changelog*> selected;
    for (const auto& c : changelogs_)
        if (!options.maxVersion || c.version <= *options.maxVersion) selected.push_back(&c);
    if (selected.empty())
        throw CommandError(options.maxVersion ? "no changelog at or below version " + options.maxVersion->toString()
                                              : "the module has no changelogs");

    std::optional<DemoDataPlan> demoPlan;
    if (!options.demoData.empty())
        demoPlan.emplace(config_, findDemoData(config_, options.demoData), parameters, options.skipDropApp,
                         options.skipCreateApp);

    Plan plan = changelogPlan(config_, parameters, selected, options.skipDropApp, options.skipCreateApp);

    feedback_.log(Feedback::Level::Info, "installing " + config_.module + " " + selected.back()->version.toString() +
                                             " into " + connection_.describe());
    feedback_.step("Installing module " + config_.module + " " + selected.back()->version.toString(), 0, 0);
    Transaction transaction(connection_);
    applyLockTimeout(connection_, options.lockTimeout);
    MigrationTable table(connection_, config_.migrationTableSchema);
    table.lock();
    if (table.exists()) {
        auto latest = table.latest();
        throw CommandError("module already installed: " + config_.migrationTableSchema + ".pum_migrations exists" +
                           (latest ? " (" + latest->module + " " + latest->versionText + ")" : std::string()) +
                           "; use upgrade");
    }
    table.refuseOtherModules(options.allowMultipleModules);
    std::optional<detail::DryRunRecorder> recorder;
    if (options.dryRun) {
        recorder.emplace(connection_, feedback_, options.lockWarningThreshold);
        recorder->begin("install");
        auto observe = [&](const std::string& label, std::size_t n, Clock::time_point t) {
            recorder->afterStep(label, n, t);
        };
        plan.setObserver(observe);
        if (demoPlan) demoPlan->setObserver(observe);
    }
    feedback_.step("Creating migrations table " + table.schema() + ".pum_migrations", 0, 0);
    table.create();
    if (!options.skipRoles) createModuleRoles();
    CommandProgress progress{notices, 0, plan.total() + (demoPlan ? demoPlan->total() : 0)};
    summary.statements = plan.run(connection_, feedback_, progress);
    for (const auto* c : selected) {
        table.insert(config_.module, c->version, options.betaTesting, recordedFiles(config_, recordedBase_, *c),
                     parameters);
        summary.applied.push_back(c->version);
    }
    if (!options.skipGrant) grantModulePermissions();
    if (demoPlan) {
        // pum commits the install here, before it loads the demo data.
        settleDeferredConstraints(connection_, feedback_, "the install");
        summary.statements += demoPlan->run(connection_, feedback_, progress);
        MigrationDetails(connection_, config_.migrationTableSchema).recordDemoData(table.latest()->id, options.demoData);
        if (!options.skipGrant) grantModulePermissions();
    }
    summary.to = selected.back()->version;
    if (recorder)
        finishDryRun(*recorder, transaction, summary);
    else
        commitCommand(transaction, connection_, feedback_);
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

RunSummary Upgrader::runUpgrade(const UpgradeOptions& options)
{
    NoticesToFeedback notices(connection_, feedback_);
    refuseNewerMinimumVersion();
    const auto start = Clock::now();
    RunSummary summary;

    Transaction transaction(connection_);
    applyLockTimeout(connection_, options.lockTimeout);
    MigrationTable table(connection_, config_.migrationTableSchema);
    // Everything is read under the lock: a second upgrade waits here, then sees the first one's result.
    table.lock();
    if (!table.exists())
        throw CommandError("module " + config_.module + " is not installed in " + connection_.describe() + " (no " +
                           config_.migrationTableSchema + ".pum_migrations table); use install, or baseline");
    const auto records = table.records();
    const std::optional<MigrationRecord> latest = upgradeStart(records, config_, options.force);
    const Version installed = *latest->version;
    summary.from = installed;
    const ParameterValues parameters = mergeParameters(latest, options.parameters, true);
    if (!options.skipBaselineCheck) refuseMissingVersions(records, installed);

    const auto pending = pendingChangelogs(installed, options.maxVersion);
    if (pending.empty() && !changelogs_.empty() && installed > changelogs_.back().version) {
        // An older module than the database: its application hooks would not fit the schema.
        reportNothingToUpgrade("the database (" + installed.toString() + ") is newer than the module (" +
                               changelogs_.back().version.toString() + "): nothing to upgrade");
        summary.to = installed;
        summary.nothingToDo = true;
        return summary;  // nothing was changed
    }

    Plan plan = changelogPlan(config_, parameters, pending, options.skipDropApp, options.skipCreateApp);

    std::optional<detail::DryRunRecorder> recorder;
    if (options.dryRun) {
        recorder.emplace(connection_, feedback_, options.lockWarningThreshold);
        recorder->begin("upgrade");
        plan.setObserver([&](const std::string& label, std::size_t n, Clock::time_point t) {
            recorder->afterStep(label, n, t);
        });
    }
    if (pending.empty()) {
        // As pum does: the application is still recreated and the roles granted.
        reportNothingToUpgrade(config_.module + " " + installed.toString() + " is up to date: nothing to upgrade");
        summary.nothingToDo = true;
    } else {
        const std::string target = pending.back()->version.toString();
        feedback_.log(Feedback::Level::Info, "upgrading " + config_.module + " from " + installed.toString() + " to " +
                                                 target + " in " + connection_.describe());
        feedback_.step("Starting upgrade of module " + config_.module + " from " + installed.toString() + " to " +
                           target,
                       0, 0);
        table.upgradeLayout();
    }
    if (!options.skipRoles) createModuleRoles();
    CommandProgress progress{notices, 0, plan.total()};
    summary.statements = plan.run(connection_, feedback_, progress);
    const bool beta = options.betaTesting || latest->betaTesting;
    for (const auto* c : pending) {
        table.insert(config_.module, c->version, beta, recordedFiles(config_, recordedBase_, *c), parameters);
        summary.applied.push_back(c->version);
    }
    if (!options.skipGrant) grantModulePermissions();
    summary.to = pending.empty() ? installed : pending.back()->version;
    if (recorder)
        finishDryRun(*recorder, transaction, summary);
    else
        commitCommand(transaction, connection_, feedback_);
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

void Upgrader::refuseMissingVersions(const std::vector<MigrationRecord>& records, const Version& installed) const
{
    std::vector<Version> missing;
    for (const auto& c : changelogs_) {
        if (c.version > installed) continue;
        bool found = std::any_of(records.begin(), records.end(),
                                 [&](const MigrationRecord& r) { return r.version && *r.version == c.version; });
        if (!found) missing.push_back(c.version);
    }
    if (!missing.empty())
        throw CommandError("changelogs " + joinVersions(missing) + " were not applied to this database, yet they are "
                           "at or below the installed version " + installed.toString() +
                           " (set by a baseline?); skip the baseline check (--skip-baseline-check, or "
                           "skip_baseline_check=True from Python) if the database is known to be at " +
                           installed.toString());
}

std::vector<const Changelog*> Upgrader::pendingChangelogs(const Version& installed,
                                                          const std::optional<Version>& maxVersion) const
{
    std::vector<const Changelog*> pending;
    for (const auto& c : changelogs_)
        if (c.version > installed && (!maxVersion || c.version <= *maxVersion)) pending.push_back(&c);
    return pending;
}

void Upgrader::reportNothingToUpgrade(const std::string& message) const
{
    feedback_.log(Feedback::Level::Info, message);
    feedback_.step("No upgrade needed: " + message, 0, 0);
}

void Upgrader::createModuleRoles()
{
    if (!config_.roles.empty()) feedback_.step("Creating roles", 0, 0);
    createRoles(connection_, config_, feedback_);
}

void Upgrader::grantModulePermissions()
{
    if (!config_.roles.empty()) feedback_.step("Granting permissions to roles", 0, 0);
    grantPermissions(connection_, config_, feedback_);
}

void Upgrader::baseline(const Version& version, bool createTable, bool allowMultipleModules,
                        const ParameterValues& parameters)
{
    giveUpOnLockTimeout(connection_, lockTimeout_, "the baseline", [&] {
        NoticesToFeedback notices(connection_, feedback_);
        const ParameterValues resolved = resolve(parameters);
        Transaction transaction(connection_);
        applyLockTimeout(connection_, lockTimeout_);
        MigrationTable table(connection_, config_.migrationTableSchema);
        table.lock();
        if (!table.exists()) {
            if (!createTable)
                throw CommandError("no " + config_.migrationTableSchema +
                                   ".pum_migrations table in " + connection_.describe() + "; use --create-table");
            table.refuseOtherModules(allowMultipleModules);
            feedback_.step("Creating migrations table " + table.schema() + ".pum_migrations", 0, 0);
            table.create();
        } else if (auto latest = table.latest()) {
            refuseOtherModule(*latest, config_);
        }
        table.setBaseline(config_.module, version, false, {}, resolved);
        commitCommand(transaction, connection_, feedback_);
        feedback_.log(Feedback::Level::Info, "baseline set to " + version.toString());
    });
}

ModuleInfo Upgrader::info()
{
    NoticesToFeedback notices(connection_, feedback_);
    ModuleInfo info;
    info.module = config_.module;
    info.migrationTable = config_.migrationTableSchema + ".pum_migrations";
    for (const auto& c : changelogs_) info.available.push_back(c.version);
    MigrationTable table(connection_, config_.migrationTableSchema);
    info.otherSchemas = table.otherSchemas();
    if (table.exists()) {
        info.installed = true;
        info.layoutVersion = table.layoutVersion();
        info.current = table.latest();
        if (info.current) {
            info.installedModule = info.current->module;
            info.parameters = parametersFromJson(config_.parameters, info.current->parametersJson);
            info.demoData = MigrationDetails(connection_, config_.migrationTableSchema).demoData(info.current->module);
            for (const auto& c : changelogs_)
                if (c.version > *info.current->version) info.pending.push_back(c.version);
        }
    } else {
        info.pending = info.available;
    }
    return info;
}

void Upgrader::installDemoData(const std::string& name, const ParameterValues& parameters, bool skipGrant,
                               bool skipDropApp, bool skipCreateApp)
{
    giveUpOnLockTimeout(connection_, lockTimeout_, "loading demo data", [&] {
        NoticesToFeedback notices(connection_, feedback_);
        refuseNewerMinimumVersion();
        const DemoData& demo = findDemoData(config_, name);
        Transaction transaction(connection_);
        applyLockTimeout(connection_, lockTimeout_);
        MigrationTable table(connection_, config_.migrationTableSchema);
        const auto installed = lockAndReadInstalled(table);
        if (!installed)
            throw CommandError("module " + config_.module + " is not installed: install it before loading demo data");
        const ParameterValues resolved = mergeParameters(installed->record, parameters, true);
        DemoDataPlan plan(config_, demo, resolved, skipDropApp, skipCreateApp);
        CommandProgress progress{notices, 0, plan.total()};
        plan.run(connection_, feedback_, progress);
        if (installed->record)
            MigrationDetails(connection_, config_.migrationTableSchema).recordDemoData(installed->record->id, name);
        if (!skipGrant) grantModulePermissions();
        commitCommand(transaction, connection_, feedback_);
    });
}

void Upgrader::uninstall(const ParameterValues& parameters)
{
    giveUpOnLockTimeout(connection_, lockTimeout_, "the uninstall", [&] {
        NoticesToFeedback notices(connection_, feedback_);
        refuseNewerMinimumVersion();
        if (config_.uninstallHooks.empty())
            throw CommandError("No uninstall hooks defined for module " + config_.module + " in " +
                               detail::displayPath(config_.configFile) + ": nothing to run");
        feedback_.step("Uninstalling module " + config_.module, 0, 0);
        Transaction transaction(connection_);
        applyLockTimeout(connection_, lockTimeout_);
        MigrationTable table(connection_, config_.migrationTableSchema);
        const auto installed = lockAndReadInstalled(table);
        const ParameterValues resolved = mergeParameters(installed ? installed->record : std::nullopt, parameters, false);
        Plan plan(config_, resolved);
        plan.addHooks(config_.uninstallHooks);
        CommandProgress progress{notices, 0, plan.total()};
        plan.run(connection_, feedback_, progress);
        commitCommand(transaction, connection_, feedback_);
    });
}

void Upgrader::runAppHooks(const ParameterValues& parameters, bool drop, bool create)
{
    giveUpOnLockTimeout(connection_, lockTimeout_, "the application hooks", [&] {
        NoticesToFeedback notices(connection_, feedback_);
        refuseNewerMinimumVersion();
        Transaction transaction(connection_);
        applyLockTimeout(connection_, lockTimeout_);
        MigrationTable table(connection_, config_.migrationTableSchema);
        // The application can be (re)created before anything is installed: no table, no stored values.
        const auto installed = lockAndReadInstalled(table);
        const ParameterValues resolved = mergeParameters(installed ? installed->record : std::nullopt, parameters, true);
        Plan plan(config_, resolved);
        if (drop) plan.addHooks(config_.dropHooks);
        if (create) plan.addHooks(config_.createHooks);
        CommandProgress progress{notices, 0, plan.total()};
        plan.run(connection_, feedback_, progress);
        commitCommand(transaction, connection_, feedback_);
    });
}

void Upgrader::dropApp(const ParameterValues& parameters) { runAppHooks(parameters, true, false); }

void Upgrader::createApp(const ParameterValues& parameters) { runAppHooks(parameters, false, true); }

void Upgrader::recreateApp(const ParameterValues& parameters) { runAppHooks(parameters, true, true); }

}  // namespace pum
