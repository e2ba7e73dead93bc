#pragma once
// The commands of pum as an API. Each runs in one transaction on the given
// connection, under the migration table's advisory lock, and commits only at
// the very end: any failure or cancellation leaves the database as it was.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/run/dry_run.h"
#include "pum/run/migration_details.h"
#include "pum/run/migration_table.h"
#include "pum/module/parameter.h"
#include "pum/module/version.h"

namespace pum {

class Connection;
class Feedback;
class Transaction;
namespace detail {
class DryRunRecorder;
}

struct InstallOptions {
    // Values the user gave; the others take their defaults.
    ParameterValues parameters;
    std::optional<Version> maxVersion;
    bool betaTesting = false;
    bool skipDropApp = false;
    bool skipCreateApp = false;
    bool allowMultipleModules = false;
    bool skipRoles = false;
    bool skipGrant = false;
    // Name of a demo data set to load after install (empty: none); its
    // loading honours skipDropApp and skipCreateApp, as pum's does.
    std::string demoData;
    // Run everything inside the transaction, report (RunSummary::dryRun), roll back.
    bool dryRun = false;
    // ACCESS EXCLUSIVE locks held at least this long on tables with rows are
    // reported as warnings by a dry run.
    std::chrono::milliseconds lockWarningThreshold{1000};
    // Give up (rolled back, LockTimeoutError naming who holds the lock) after
    // waiting this long for any lock: PostgreSQL's lock_timeout for the run.
    std::optional<std::chrono::milliseconds> lockTimeout;
};

struct UpgradeOptions {
    // Values the user gave; the others keep the values stored at install (or
    // take their defaults when new). A changed value of a parameter that is not
    // app_only is refused.
    ParameterValues parameters;
    std::optional<Version> maxVersion;
    bool betaTesting = false;
    bool force = false;  // upgrade a beta-testing install
    bool skipDropApp = false;
    bool skipCreateApp = false;
    bool skipBaselineCheck = false;
    bool skipGrant = false;
    bool skipRoles = false;
    // Run everything inside the transaction, report (RunSummary::dryRun), roll back.
    bool dryRun = false;
    // ACCESS EXCLUSIVE locks held at least this long on tables with rows are
    // reported as warnings by a dry run.
    std::chrono::milliseconds lockWarningThreshold{1000};
    // Give up (rolled back, LockTimeoutError naming who holds the lock) after
    // waiting this long for any lock: PostgreSQL's lock_timeout for the run.
    std::optional<std::chrono::milliseconds> lockTimeout;
    // pg_dump (custom format) of the module's schemas, taken before anything
    // runs; when the upgrade then fails, its path and restore command are
    // reported (Feedback warning). Empty: none. Not taken by a dry run.
    std::filesystem::path backupFile;
};

struct RunSummary {
    std::optional<Version> from;   // installed before (nullopt for install)
    std::optional<Version> to;     // installed after
    std::vector<Version> applied;  // versions whose changelogs ran
    std::size_t statements = 0;
    double seconds = 0;
    bool nothingToDo = false;
    std::optional<DryRunReport> dryRun;  // set by a dry run (nothing was changed)
};

struct ModuleInfo {
    std::string module;                       // from the configuration
    std::string migrationTable;               // schema.pum_migrations
    bool installed = false;
    std::string installedModule;              // module recorded in the table
    std::optional<MigrationRecord> current;   // latest record
    int layoutVersion = 0;
    ParameterValues parameters;               // stored with the latest record
    std::vector<Version> pending;             // changelog versions newer than installed
    std::vector<Version> available;           // all changelog versions
    std::vector<std::string> otherSchemas;    // other pum_migrations tables
    std::vector<DemoDataRecord> demoData;     // sets loaded (our side table, migration_details.h)
};

class Upgrader {
public:
    // Server notices on `connection` go to `feedback` (Debug) while a command runs.
    Upgrader(Config config, Connection& connection, Feedback& feedback);
    Upgrader(const Upgrader&) = delete;
    Upgrader& operator=(const Upgrader&) = delete;

    const Config& config() const { return config_; }
    const std::vector<Changelog>& changelogs() const { return changelogs_; }

    // How changelog files are named in pum_migrations.changelog_files: relative
    // to the module root by default; under `path` when set (pum's Python API
    // records them under its base_path as the caller spelled it).
    void setRecordedModulePath(std::filesystem::path path) { recordedBase_ = std::move(path); }
    // Whether a parameter that is neither given nor stored takes its declared
    // default (the CLI, the plugin: default) or stays unset, so that SQL
    // naming it fails (pum's Python API, where a default only validates).
    void setFillDefaults(bool fill) { fillDefaults_ = fill; }
    // lock_timeout for the commands without options (baseline, demo data,
    // uninstall, app): see InstallOptions::lockTimeout.
    void setLockTimeout(std::optional<std::chrono::milliseconds> timeout) { lockTimeout_ = timeout; }

    RunSummary install(const InstallOptions& options);
    RunSummary upgrade(const UpgradeOptions& options);
    // Commands that change the schema (install, upgrade, demo data, app, uninstall)
    // refuse a module whose minimum_version is newer than this tool; info and
    // baseline do not. Each reports its steps through Feedback::step and
    // commits in the connection's TransactionMode.

    // Records `version` without running anything. Refused at or below the current one.
    void baseline(const Version& version, bool createTable = false, bool allowMultipleModules = false,
                  const ParameterValues& parameters = {});
    ModuleInfo info();

    // Loads a demo data set into an installed module: drop app, the set's
    // files (parameters substituted), create app, grant. Deferred constraint
    // checks fire after each of those phases, where pum commits. Unknown names
    // and sets with a missing file are refused.
    void installDemoData(const std::string& name, const ParameterValues& parameters, bool skipGrant = false,
                         bool skipDropApp = false, bool skipCreateApp = false);
    // Runs the `uninstall` hooks; refused when the module defines none.
    // Demo data, uninstall and the app commands refuse a migration table that
    // belongs to another module, as install and upgrade do.
    void uninstall(const ParameterValues& parameters);

    void dropApp(const ParameterValues& parameters);
    void createApp(const ParameterValues& parameters);
    void recreateApp(const ParameterValues& parameters);

    // The parameters a command on the installed module will use: `given` over
    // the values stored with the installed version over defaults. With
    // `refuseChanges`, a changed value of a parameter that is not app_only is refused.
    // Read without the module lock (for display): the commands read them under it.
    ParameterValues effectiveParameters(const ParameterValues& given, bool refuseChanges);

private:
    // What the migration table holds: its latest record (none in an empty table).
    struct Installed {
        std::optional<MigrationRecord> record;
    };
    void refuseNewerMinimumVersion() const;
    // install() and upgrade() without the lock-timeout report and the backup.
    RunSummary runInstall(const InstallOptions& options);
    RunSummary runUpgrade(const UpgradeOptions& options);
    // The end of a dry run: the report read, everything rolled back.
    void finishDryRun(detail::DryRunRecorder& recorder, Transaction& transaction, RunSummary& summary);
    // Takes the module lock in the open transaction, then reads the table once
    // under it: nullopt without a table; refuses a table recorded for another module.
    std::optional<Installed> lockAndReadInstalled(MigrationTable& table) const;
    // dropApp, createApp, recreateApp: the drop and/or create hooks under the lock.
    void runAppHooks(const ParameterValues& parameters, bool drop, bool create);
    // Every changelog at or below `installed` must have its record (unless the check is skipped).
    void refuseMissingVersions(const std::vector<MigrationRecord>& records, const Version& installed) const;
    // Changelogs newer than `installed`, up to `maxVersion`.
    std::vector<const Changelog*> pendingChangelogs(const Version& installed,
                                                    const std::optional<Version>& maxVersion) const;
    void reportNothingToUpgrade(const std::string& message) const;
    void createModuleRoles();
    void grantModulePermissions();
    // Given values converted and checked, with defaults unless !fillDefaults_.
    ParameterValues resolve(const ParameterValues& given) const;
    // effectiveParameters() against the record already read under the lock.
    ParameterValues mergeParameters(const std::optional<MigrationRecord>& installed, const ParameterValues& given,
                                    bool refuseChanges) const;

    Config config_;
    Connection& connection_;
    Feedback& feedback_;
    std::vector<Changelog> changelogs_;
    std::filesystem::path recordedBase_;
    bool fillDefaults_ = true;
    std::optional<std::chrono::milliseconds> lockTimeout_;
};

// Converts `-p NAME VALUE` texts by the declared types (no defaults filled).
// Throws ParameterError for undeclared names, unparsable values and values
// outside `values`.
ParameterValues parseParameterArguments(const Config& config, const std::map<std::string, std::string>& given);

// Version of this tool (what `minimum_version` is compared with and what is
// recorded in pum_version).
const char* toolVersion();

}  // namespace pum
