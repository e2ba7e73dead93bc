#include "pum/upgrader.h"

#include <algorithm>
#include <chrono>

#include "pum/database.h"
#include "pum/deferred_constraints.h"
#include "pum/error.h"
#include "pum/feedback.h"
#include "pum/hook.h"
#include "pum/roles.h"
#include "pum/sql.h"
#include "sql_hook.h"
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
                step.weight = 1;
                total_ += 1;
                steps_.push_back(std::move(step));
            }
        }
    }

    void addFiles(const std::vector<std::filesystem::path>& files)
    {
        for (const auto& file : files) addScript(detail::loadSqlFile(file, parameters_), {});
    }

    std::size_t total() const { return total_; }
    bool empty() const { return steps_.empty(); }

    std::size_t run(Connection& connection, Feedback& feedback)
    {
        std::size_t done = 0;
        for (auto& step : steps_) {
            feedback.throwIfCancelled();
            if (step.hook) {
                feedback.progress(done, total_, step.label);
                feedback.log(Feedback::Level::Debug, "running hook " + step.label);
                HookContext context{connection, config_, parameters_, feedback};
                runHook(*step.hook, context);
            } else {
                feedback.log(Feedback::Level::Debug, "running " + step.label + " (" +
                                                          std::to_string(step.script.statements.size()) +
                                                          " statements)");
                feedback.progress(done, total_, step.label);
                connection.runStatements(step.script.statements, step.script.source, &feedback, done, total_);
            }
            done += step.weight;
            feedback.progress(done, total_, step.label);
        }
        return done;
    }

private:
    struct Step {
        std::string label;
        SqlScript script;
        const HookDefinition* hook = nullptr;
        std::size_t weight = 0;
    };

    void addScript(SqlScript script, std::string label)
    {
        Step step;
        step.label = label.empty() ? script.source : std::move(label);
        step.weight = std::max<std::size_t>(script.statements.size(), 1);
        step.script = std::move(script);
        total_ += step.weight;
        steps_.push_back(std::move(step));
    }

    const Config& config_;
    const ParameterValues& parameters_;
    std::vector<Step> steps_;
    std::size_t total_ = 0;
};

std::vector<std::string> relativeFiles(const Config& config, const Changelog& changelog)
{
    std::vector<std::string> out;
    for (const auto& f : changelog.files) out.push_back(std::filesystem::relative(f, config.baseDir).generic_string());
    return out;
}

void refuseOtherModule(const MigrationRecord& installed, const Config& config)
{
    if (installed.module != config.module)
        throw CommandError("the database holds module '" + installed.module + "', not '" + config.module + "'");
}

void refuseOtherModules(MigrationTable& table, bool allowMultipleModules)
{
    if (allowMultipleModules) return;
    auto others = table.otherSchemas();
    if (others.empty()) return;
    std::string list;
    for (const auto& s : others) list += (list.empty() ? "" : ", ") + s;
    throw CommandError("another pum module is installed in this database (pum_migrations in schema " + list +
                       "); use --allow-multiple-modules to install several modules in one database");
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

    std::size_t run(Connection& connection, Feedback& feedback)
    {
        std::size_t statements = 0;
        feedback.log(Feedback::Level::Info, "loading demo data " + name_);
        if (!drop_.empty()) {
            statements += drop_.run(connection, feedback);
            settleDeferredConstraints(connection, feedback, "the drop hooks before demo data '" + name_ + "'");
        }
        statements += files_.run(connection, feedback);
        settleDeferredConstraints(connection, feedback, "the files of demo data '" + name_ + "'");
        if (!create_.empty()) {
            statements += create_.run(connection, feedback);
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
    if (config_.minimumVersion && *config_.minimumVersion > Version::parse(toolVersion()))
        throw CommandError("module " + config_.module + " needs pum " + config_.minimumVersion->toString() +
                           " or newer (minimum_version in " + detail::displayPath(config_.configFile) +
                           "); this is pum " + toolVersion());
    changelogs_ = loadChangelogs(config_);
    // Once per command: such a set only fails when it is loaded.
    for (const auto& demo : config_.demoData)
        for (const auto& missing : demo.missing)
            feedback_.log(Feedback::Level::Warning, "demo data '" + demo.name + "' cannot be loaded: " + missing);
    connection_.setNoticeHandler(
        [this](const std::string& notice) { feedback_.log(Feedback::Level::Debug, "server: " + notice); });
}

Upgrader::~Upgrader() { connection_.setNoticeHandler({}); }

ParameterValues Upgrader::effectiveParameters(const ParameterValues& given, bool refuseChanges)
{
    MigrationTable table(connection_, config_.migrationTableSchema);
    return mergeParameters(table.exists() ? table.latest() : std::nullopt, given, refuseChanges);
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
                throw ParameterError(def.name, "parameter '" + def.name + "' cannot change from " +
                                                   s->second.toSqlLiteral() + " to " + g->second.toSqlLiteral() +
                                                   " on an installed module (only parameters marked app_only may change)");
            merged[def.name] = s->second;
        }
    }
    for (const auto& [name, value] : given) merged[name] = value;
    return resolveParameters(config_.parameters, merged);
}

RunSummary Upgrader::install(const InstallOptions& options)
{
    const auto start = Clock::now();
    RunSummary summary;
    const ParameterValues parameters = resolveParameters(config_.parameters, options.parameters);

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

    Plan plan(config_, parameters);
    if (!options.skipDropApp) plan.addHooks(config_.dropHooks);
    for (const auto* c : selected) plan.addFiles(c->files);
    if (!options.skipCreateApp) plan.addHooks(config_.createHooks);

    feedback_.log(Feedback::Level::Info, "installing " + config_.module + " " + selected.back()->version.toString() +
                                             " into " + connection_.describe());
    Transaction transaction(connection_);
    MigrationTable table(connection_, config_.migrationTableSchema);
    table.lock();
    if (table.exists()) {
        auto latest = table.latest();
        throw CommandError("module already installed: " + config_.migrationTableSchema + ".pum_migrations exists" +
                           (latest ? " (" + latest->module + " " + latest->versionText + ")" : std::string()) +
                           "; use upgrade");
    }
    refuseOtherModules(table, options.allowMultipleModules);
    table.create();
    if (!options.skipRoles) createRoles(connection_, config_, feedback_);
    summary.statements = plan.run(connection_, feedback_);
    for (const auto* c : selected) {
        table.insert(config_.module, c->version, options.betaTesting, relativeFiles(config_, *c), parameters);
        summary.applied.push_back(c->version);
    }
    if (!options.skipGrant) grantPermissions(connection_, config_, feedback_);
    if (demoPlan) {
        // pum commits the install here, before it loads the demo data.
        settleDeferredConstraints(connection_, feedback_, "the install");
        summary.statements += demoPlan->run(connection_, feedback_);
        if (!options.skipGrant) grantPermissions(connection_, config_, feedback_);
    }
    feedback_.throwIfCancelled();
    transaction.commit();
    summary.to = selected.back()->version;
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

RunSummary Upgrader::upgrade(const UpgradeOptions& options)
{
    const auto start = Clock::now();
    RunSummary summary;

    Transaction transaction(connection_);
    MigrationTable table(connection_, config_.migrationTableSchema);
    // Everything is read under the lock: a second upgrade waits here, then sees the first one's result.
    table.lock();
    if (!table.exists())
        throw CommandError("module " + config_.module + " is not installed in " + connection_.describe() + " (no " +
                           config_.migrationTableSchema + ".pum_migrations table); use install, or baseline");
    const auto records = table.records();
    const auto latest = MigrationTable::latestOf(records);
    if (!latest) throw CommandError(config_.migrationTableSchema + ".pum_migrations holds no version; use baseline");
    refuseOtherModule(*latest, config_);
    if (latest->betaTesting && !options.force)
        throw CommandError("version " + latest->versionText +
                           " was installed for beta testing: it cannot be upgraded (use --force if you really must)");
    const Version installed = *latest->version;
    summary.from = installed;

    const ParameterValues parameters = mergeParameters(latest, options.parameters, true);

    if (!options.skipBaselineCheck) {
        std::vector<Version> missing;
        for (const auto& c : changelogs_) {
            if (c.version > installed) continue;
            bool found = std::any_of(records.begin(), records.end(),
                                     [&](const MigrationRecord& r) { return r.version && *r.version == c.version; });
            if (!found) missing.push_back(c.version);
        }
        if (!missing.empty())
            throw CommandError("versions " + joinVersions(missing) + " are at or below the installed version " +
                               installed.toString() + " but were never applied to this database; " +
                               "use --skip-baseline-check if the database is known to be at " + installed.toString());
    }

    std::vector<const Changelog*> pending;
    for (const auto& c : changelogs_)
        if (c.version > installed && (!options.maxVersion || c.version <= *options.maxVersion)) pending.push_back(&c);

    if (pending.empty()) {
        bool newer = !changelogs_.empty() && installed > changelogs_.back().version;
        feedback_.log(Feedback::Level::Info,
                      newer ? "the database (" + installed.toString() + ") is newer than the module (" +
                                  changelogs_.back().version.toString() + "): nothing to do"
                            : config_.module + " " + installed.toString() + " is up to date");
        summary.to = installed;
        summary.nothingToDo = true;
        summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        return summary;  // the transaction rolls back: nothing was changed
    }

    Plan plan(config_, parameters);
    if (!options.skipDropApp) plan.addHooks(config_.dropHooks);
    for (const auto* c : pending) plan.addFiles(c->files);
    if (!options.skipCreateApp) plan.addHooks(config_.createHooks);

    feedback_.log(Feedback::Level::Info, "upgrading " + config_.module + " from " + installed.toString() + " to " +
                                             pending.back()->version.toString() + " in " + connection_.describe());
    table.upgradeLayout();
    if (!options.skipRoles) createRoles(connection_, config_, feedback_);
    summary.statements = plan.run(connection_, feedback_);
    const bool beta = options.betaTesting || latest->betaTesting;
    for (const auto* c : pending) {
        table.insert(config_.module, c->version, beta, relativeFiles(config_, *c), parameters);
        summary.applied.push_back(c->version);
    }
    if (!options.skipGrant) grantPermissions(connection_, config_, feedback_);
    feedback_.throwIfCancelled();
    transaction.commit();
    summary.to = pending.back()->version;
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

void Upgrader::baseline(const Version& version, bool createTable, bool allowMultipleModules,
                        const ParameterValues& parameters)
{
    const ParameterValues resolved = resolveParameters(config_.parameters, parameters);
    Transaction transaction(connection_);
    MigrationTable table(connection_, config_.migrationTableSchema);
    table.lock();
    if (!table.exists()) {
        if (!createTable)
            throw CommandError("no " + config_.migrationTableSchema +
                               ".pum_migrations table in " + connection_.describe() + "; use --create-table");
        refuseOtherModules(table, allowMultipleModules);
        table.create();
    } else {
        if (auto latest = table.latest()) {
            refuseOtherModule(*latest, config_);
            if (*latest->version >= version)
                throw CommandError("cannot set baseline " + version.toString() + ": the database is already at " +
                                   latest->versionText);
        }
        table.upgradeLayout();
    }
    table.insert(config_.module, version, false, {}, resolved);
    transaction.commit();
    feedback_.log(Feedback::Level::Info, "baseline set to " + version.toString());
}

ModuleInfo Upgrader::info()
{
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
    const DemoData& demo = findDemoData(config_, name);
    Transaction transaction(connection_);
    MigrationTable table(connection_, config_.migrationTableSchema);
    table.lock();
    if (!table.exists())
        throw CommandError("module " + config_.module + " is not installed: install it before loading demo data");
    const ParameterValues resolved = effectiveParameters(parameters, true);
    DemoDataPlan plan(config_, demo, resolved, skipDropApp, skipCreateApp);
    plan.run(connection_, feedback_);
    if (!skipGrant) grantPermissions(connection_, config_, feedback_);
    feedback_.throwIfCancelled();
    transaction.commit();
}

void Upgrader::uninstall(const ParameterValues& parameters)
{
    if (config_.uninstallHooks.empty())
        throw CommandError("module " + config_.module + " defines no uninstall hooks in " +
                           detail::displayPath(config_.configFile) + ": nothing to run");
    const ParameterValues resolved = effectiveParameters(parameters, false);
    Plan plan(config_, resolved);
    plan.addHooks(config_.uninstallHooks);
    Transaction transaction(connection_);
    MigrationTable(connection_, config_.migrationTableSchema).lock();
    plan.run(connection_, feedback_);
    feedback_.throwIfCancelled();
    transaction.commit();
}

namespace {

enum class AppAction { Drop, Create, Recreate };

}  // namespace

static void runApp(Upgrader& self, const Config& config, Connection& connection, Feedback& feedback,
                   const ParameterValues& parameters, AppAction action)
{
    const ParameterValues resolved = self.effectiveParameters(parameters, true);
    Plan plan(config, resolved);
    if (action != AppAction::Create) plan.addHooks(config.dropHooks);
    if (action != AppAction::Drop) plan.addHooks(config.createHooks);
    Transaction transaction(connection);
    MigrationTable(connection, config.migrationTableSchema).lock();
    plan.run(connection, feedback);
    feedback.throwIfCancelled();
    transaction.commit();
}

void Upgrader::dropApp(const ParameterValues& parameters)
{
    runApp(*this, config_, connection_, feedback_, parameters, AppAction::Drop);
}

void Upgrader::createApp(const ParameterValues& parameters)
{
    runApp(*this, config_, connection_, feedback_, parameters, AppAction::Create);
}

void Upgrader::recreateApp(const ParameterValues& parameters)
{
    runApp(*this, config_, connection_, feedback_, parameters, AppAction::Recreate);
}

}  // namespace pum
