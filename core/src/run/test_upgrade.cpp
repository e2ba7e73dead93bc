#include "pum/run/test_upgrade.h"

#include <filesystem>
#include <random>

#include <libpq-fe.h>

#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/tools/dumper.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/platform/process.h"

namespace pum {

namespace {

// Unique per run, so that two runs (or a leftover of a killed one) never collide.
std::string scratchName(const std::string& what)
{
    std::random_device random;
    return "pum_test_upgrade_" + std::to_string(platform::processId()) + "_" + std::to_string(random() % 1000000) + "_" + what;
}

// Passes everything on except lockCancellation: the upgrade and the install
// commit into scratch databases, so Ctrl-C must stay able to stop (and
// clean up) the whole run after their commits.
class ScratchFeedback : public Feedback {
public:
    explicit ScratchFeedback(Feedback& target) : target_(target) {}
    void log(Level level, const std::string& message) override { target_.log(level, message); }
    void progress(std::size_t done, std::size_t total, const std::string& current) override
    {
        target_.progress(done, total, current);
    }
    bool isCancelled() const override { return target_.isCancelled(); }
    void step(const std::string& message, std::size_t done, std::size_t total) override
    {
        target_.step(message, done, total);
    }

private:
    Feedback& target_;
};

// The scratch databases go, whatever happened, each from a fresh connection:
// a cancelled (Ctrl-C) one refuses every further command.
class ScratchDatabases {
public:
    ScratchDatabases(std::string server, Feedback& feedback) : server_(std::move(server)), feedback_(feedback) {}
    ScratchDatabases(const ScratchDatabases&) = delete;
    ScratchDatabases& operator=(const ScratchDatabases&) = delete;
    ~ScratchDatabases()
    {
        for (const auto& name : names_) drop(name);
    }
    // Registered before it is created: a creation interrupted half-way is dropped too.
    void add(const std::string& name) { names_.push_back(name); }

private:
    void drop(const std::string& name) noexcept
    {
        std::string problem;
        // Twice: a Ctrl-C racing the first connect cancels it.
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                auto admin = openMaintenanceConnection(server_);
                if (databaseExists(admin, name)) dropDatabase(admin, name);
                return;
            } catch (const std::exception& e) {
                problem = e.what();
            }
        }
        // Never thrown from here: the error that unwound us is the one to report.
        try {
            feedback_.log(Feedback::Level::Warning, "could not drop the scratch database " + name + ": " + problem +
                                                        " (drop it with: pum -p ... db drop " + name + ")");
        } catch (...) {
        }
    }

    std::string server_;
    Feedback& feedback_;
    std::vector<std::string> names_;
};

// Whether two connections reach one cluster: its system identifier
// (pg_control_system may be refused to non-superusers), else host and port.
bool sameCluster(Connection& a, Connection& b)
{
    auto id = [](Connection& c) -> std::string {
        try {
            return c.exec("SELECT system_identifier::text FROM pg_control_system()").value(0, 0);
        } catch (const SqlError&) {
            const char* host = PQhost(c.native());
            const char* port = PQport(c.native());
            return std::string(host ? host : "") + ":" + (port ? port : "");
        }
    };
    return id(a) == id(b);
}

// 55006: someone is connected to the template; 42501: the user may not copy
// a database it does not own. A dump needs neither.
bool templateRefused(const SqlError& e) { return e.sqlstate() == "55006" || e.sqlstate() == "42501"; }

void copyByDump(const std::string& source, const std::string& scratch, const std::string& name, bool sameServer,
                Feedback& feedback)
{
    const auto file = std::filesystem::temp_directory_path() / (name + ".dump");
    struct RemoveFile {
        std::filesystem::path path;
        ~RemoveFile()
        {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
    } removeFile{file};
    {
        auto sourceConnection = Connection::open(source);
        dumpDatabase(sourceConnection, file, DumpOptions{}, feedback);
    }
    feedback.throwIfCancelled();
    auto copy = openMaintenanceConnection(scratch, name);
    RestoreOptions restore;
    restore.noPrivileges = !sameServer;  // another cluster may lack the roles
    restoreDatabase(copy, file, restore, feedback);
}

bool othersConnected(Connection& admin, const std::string& database)
{
    return admin.execParams("SELECT 1 FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND pid <> "
                            "pg_catalog.pg_backend_pid()",
                            {database})
               .rows() > 0;
}

// Copies `source` into the new database `name` on `scratch`; returns how.
std::string copySource(const std::string& source, const std::string& scratch, const std::string& name,
                       ScratchDatabases& cleanup, Feedback& feedback)
{
    auto admin = openMaintenanceConnection(scratch);
    bool same = false;
    {
        auto sourceServer = openMaintenanceConnection(source);
        same = sameCluster(admin, sourceServer);
    }
    cleanup.add(name);
    if (same) {
        const std::string sourceName = databaseNameOf(source);
        // Asked first: CREATE DATABASE waits 5 s for a template's other sessions before refusing.
        if (othersConnected(admin, sourceName)) {
            feedback.log(Feedback::Level::Info, "the database is in use: copying it by dump and restore");
        } else {
            try {
                createDatabase(admin, name, sourceName);
                return "template";
            } catch (const SqlError& e) {
                if (!templateRefused(e)) throw;
                feedback.log(Feedback::Level::Info, "cannot copy the database as a template (" + e.sqlstate() +
                                                        "): copying it by dump and restore");
            }
        }
    }
    createDatabase(admin, name);
    copyByDump(source, scratch, name, same, feedback);
    return "dump and restore";
}

struct Extension {
    std::string name, schema;
};

// What an administrator created in the source before installing the module (PostGIS...).
std::vector<Extension> extensionsOf(Connection& connection)
{
    auto rows = connection.exec(
        "SELECT e.extname, n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = "
        "e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.oid");
    std::vector<Extension> out;
    for (int i = 0; i < rows.rows(); ++i) out.push_back({rows.value(i, 0), rows.value(i, 1)});
    return out;
}

// In their schema when the fresh database has it (public), else where the
// extension goes by default: a module's schema comes with the module.
void createExtensions(Connection& fresh, const std::vector<Extension>& extensions)
{
    for (const auto& e : extensions) {
        const bool schemaExists =
            fresh.execParams("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", {e.schema}).rows() > 0;
        fresh.exec("CREATE EXTENSION IF NOT EXISTS " + fresh.quoteIdentifier(e.name) +
                   (schemaExists ? " SCHEMA " + fresh.quoteIdentifier(e.schema) : std::string()));
    }
}

}  // namespace

TestUpgradeReport testUpgrade(const Config& config, const std::string& source, const std::string& scratch,
                              const TestUpgradeOptions& options, Feedback& outer)
{
    ScratchFeedback feedback(outer);
    TestUpgradeReport report;
    report.upgradedName = scratchName("upgraded");
    report.freshName = scratchName("fresh");
    ScratchDatabases cleanup(scratch, outer);

    feedback.log(Feedback::Level::Info, "copying " + databaseNameOf(source) + " into " + report.upgradedName);
    report.copyMethod = copySource(source, scratch, report.upgradedName, cleanup, feedback);
    feedback.throwIfCancelled();

    auto upgraded = openMaintenanceConnection(scratch, report.upgradedName);
    const std::vector<Extension> extensions = extensionsOf(upgraded);
    Upgrader upgrader(config, upgraded, feedback);
    UpgradeOptions upgrade = options.upgrade;
    upgrade.dryRun = false;
    upgrade.backupFile.clear();
    // What the upgrade uses, read before it runs: the fresh install takes the same.
    const ParameterValues parameters = upgrader.effectiveParameters(upgrade.parameters, true);
    feedback.log(Feedback::Level::Info, "upgrading the copy " + report.upgradedName);
    report.upgrade = upgrader.upgrade(upgrade);
    feedback.throwIfCancelled();

    cleanup.add(report.freshName);
    {
        auto admin = openMaintenanceConnection(scratch);
        createDatabase(admin, report.freshName);
    }
    auto fresh = openMaintenanceConnection(scratch, report.freshName);
    createExtensions(fresh, extensions);
    InstallOptions install;
    install.parameters = parameters;
    install.maxVersion = report.upgrade.to;
    install.betaTesting = upgrade.betaTesting;
    install.skipDropApp = upgrade.skipDropApp;
    install.skipCreateApp = upgrade.skipCreateApp;
    install.skipRoles = upgrade.skipRoles;
    install.skipGrant = upgrade.skipGrant;
    install.lockTimeout = upgrade.lockTimeout;
    feedback.log(Feedback::Level::Info, "installing " + config.module + " " +
                                            (report.upgrade.to ? report.upgrade.to->toString() : "") +
                                            " fresh into " + report.freshName);
    Upgrader freshUpgrader(config, fresh, feedback);
    freshUpgrader.install(install);
    feedback.throwIfCancelled();

    feedback.log(Feedback::Level::Info, "comparing the upgraded copy with the fresh install");
    report.comparison = compareDatabases(upgraded, fresh, options.check);
    report.comparison.first = "upgraded copy of " + databaseNameOf(source);
    report.comparison.second = "fresh install of " + config.module + " " +
                               (report.upgrade.to ? report.upgrade.to->toString() : "");
    return report;
}

}  // namespace pum
