// role, check, dump, restore, db: the administration commands.
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli.h"
#include "pum/tools/checker.h"
#include "pum/tools/database_admin.h"
#include "pum/tools/dumper.h"
#include "pum/base/error.h"
#include "pum/db/lock_timeout.h"
#include "pum/platform/terminal.h"
#include "pum/roles/roles.h"

namespace pum::cli {

namespace {

// A result line on stdout (scripts capture it apart from progress on stderr).
void report(Session& s, const std::string& line)
{
    s.feedback().finish();
    if (!s.options().quiet) std::cout << line << std::endl;
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ")
{
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : separator) + i;
    return out;
}

// Asks to type `expected` on the terminal. Refused without a terminal: a
// script must say --force, so that nothing is dropped by accident.
void confirm(const std::string& question, const std::string& expected, const std::string& refusal)
{
    if (!platform::isTerminal(platform::StandardStream::Input))
        throw CommandError(refusal + ": no terminal to confirm on; add --force");
    std::cerr << question << " Type \"" << expected << "\" to confirm: " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (answer != expected) throw CommandError("not confirmed: nothing was changed");
}

// A password from the terminal (not echoed) or, in a pipe, the first line of stdin.
std::string readPassword(const std::string& prompt)
{
    std::string password;
    if (platform::isTerminal(platform::StandardStream::Input)) {
        std::cerr << prompt << std::flush;
        password = platform::readLineWithoutEcho();
        std::cerr << "\n";
    } else {
        std::getline(std::cin, password);
    }
    if (password.empty()) throw CommandError("empty password: the login role was not created");
    return password;
}

// ---------------------------------------------------------------- role

struct RoleArgs {
    std::string suffix;
    std::vector<std::string> roles;
    std::string to;
    std::string from;
    std::string name;
    bool includeSuperusers = false;
    bool noCreateGeneric = false;
    bool noGrant = false;
    bool json = false;
    bool password = false;
    bool force = false;
    std::string lockTimeout;

    RoleOptions options() const
    {
        RoleOptions o;
        o.suffix = suffix;
        o.roles = roles;
        o.createGeneric = !noCreateGeneric;
        o.force = force;
        return o;
    }
};

// Runs `body` in one transaction, committed only when it returns. With
// --lock-timeout, a lock waited for longer rolls it back and names who holds it.
template <typename Body>
void inTransaction(Session& s, const std::string& lockTimeout, const char* what, Body body)
{
    Connection& c = s.connection();
    const auto timeout = lockTimeoutOf(lockTimeout);
    giveUpOnLockTimeout(c, timeout, what, [&] {
        Transaction t(c);
        applyLockTimeout(c, timeout);
        body(c);
        t.commit();
    });
}

int createLogin(Session& s, const std::string& name, bool askPassword, const std::string& lockTimeout)
{
    if (name.empty()) throw CommandError("create-login needs --name NAME");
    std::string password;
    if (askPassword) password = readPassword("Password for " + name + ": ");
    inTransaction(s, lockTimeout, "role create-login", [&](Connection& c) { createLoginRole(c, name, password); });
    report(s, "login role " + name + " created" + (askPassword ? " with a password" : " (no password)"));
    return 0;
}

int dropLogin(Session& s, const std::string& name, const std::string& lockTimeout)
{
    if (name.empty()) throw CommandError("drop-login needs --name NAME");
    inTransaction(s, lockTimeout, "role drop-login", [&](Connection& c) { dropLoginRole(c, name); });
    report(s, "login role " + name + " dropped");
    return 0;
}

int listLogins(Session& s, bool includeSuperusers)
{
    for (const auto& name : loginRoles(s.connection(), includeSuperusers)) std::cout << name << "\n";
    return 0;
}

int listMembers(Session& s, std::vector<std::string> roles, const std::string& suffix = {})
{
    if (roles.empty()) {
        for (const auto& r : s.config().roles) roles.push_back(r.name);
        if (roles.empty()) throw CommandError("members needs --roles ROLE (the module configures no roles)");
    }
    if (!suffix.empty())
        for (auto& r : roles) r += "_" + suffix;
    for (const auto& role : roles) {
        // As pum's: the login users (directly or through other roles).
        const auto members = membersOf(s.connection(), role, true);
        std::cout << role << ": " << (members.empty() ? "(no members)" : joined(members, " ")) << "\n";
    }
    return 0;
}

// ---------------------------------------------------------------- role actions

int roleCreate(Session& s, const RoleArgs& args)
{
    const Config& config = s.config();
    const auto options = args.options();
    inTransaction(s, args.lockTimeout, "role create", [&](Connection& c) {
        createRoles(c, config, s.feedback(), options);
        if (!args.noGrant) grantPermissions(c, config, s.feedback(), options);
    });
    report(s, "roles of " + config.module + " created" + (args.noGrant ? "" : " and granted") +
                  (args.suffix.empty() ? "" : " (suffix " + args.suffix + ")"));
    return 0;
}

int roleGrant(Session& s, const RoleArgs& args)
{
    const Config& config = s.config();
    inTransaction(s, args.lockTimeout, "role grant", [&](Connection& c) {
        if (!args.to.empty()) grantMembership(c, config, args.to, args.options());
        else grantPermissions(c, config, s.feedback(), args.options());
    });
    report(s, args.to.empty() ? "permissions granted" : "roles granted to " + args.to);
    return 0;
}

int roleRevoke(Session& s, const RoleArgs& args)
{
    const Config& config = s.config();
    inTransaction(s, args.lockTimeout, "role revoke", [&](Connection& c) {
        if (!args.from.empty()) revokeMembership(c, config, args.from, args.options());
        else revokePermissions(c, config, s.feedback(), args.options());
    });
    report(s, args.from.empty() ? "permissions revoked" : "roles revoked from " + args.from);
    return 0;
}

int roleDrop(Session& s, const RoleArgs& args)
{
    const Config& config = s.config();
    inTransaction(s, args.lockTimeout, "role drop", [&](Connection& c) { dropRoles(c, config, s.feedback(), args.options()); });
    report(s, "roles of " + config.module + " dropped" + (args.suffix.empty() ? "" : " (suffix " + args.suffix + ")"));
    return 0;
}

int roleList(Session& s, const RoleArgs& args)
{
    const auto inventory = listRoles(s.connection(), s.config(), args.includeSuperusers);
    s.feedback().finish();
    std::cout << (args.json ? roleInventoryJson(inventory) + "\n" : formatRoleInventory(inventory));
    return 0;
}

// ---------------------------------------------------------------- role subcommands

// pum's options belong to `role` itself; each action falls through to them,
// so both `role create --suffix x` and `role --suffix x create` work.
void addRoleOptions(CLI::App* role, RoleArgs& args)
{
    role->add_option("--suffix", args.suffix,
                     "Per-database roles: act on <role>_<suffix> (e.g. 'lausanne' gives 'role_lausanne')");
    role->add_option("--roles", args.roles, "Only these configured roles (default: all)");
    role->add_option("--to", args.to, "grant: make this user a member of the roles");
    role->add_option("--from", args.from, "revoke: remove this user from the roles");
    role->add_option("--name", args.name, "create-login / drop-login: the login role");
    role->add_flag("--include-superusers", args.includeSuperusers, "list / login-roles: show superusers too");
    role->add_flag("--no-create-generic", args.noCreateGeneric,
                   "create --suffix: do not create the generic roles (kept apart from the copies anyway)");
    role->add_flag("--force", args.force,
                   "drop: reassign what the roles own in this database to the current user and drop "
                   "their remaining privileges first");
    role->add_flag("--no-grant", args.noGrant, "create: do not grant the permissions");
    role->add_flag("--json", args.json, "list: print JSON");
    addLockTimeoutOption(role, args.lockTimeout);
    role->add_flag("--password", args.password,
                   "create-login: ask for a password (read from stdin when it is not a terminal)");
}

// role create|grant|revoke|drop|list|create-login|drop-login|login-roles|members.
void addRoleActions(CLI::App* role, const std::shared_ptr<RoleArgs>& args)
{
    auto action = [&](const char* name, const char* help, int (*body)(Session&, const RoleArgs&)) {
        auto* cmd = role->add_subcommand(name, help);
        cmd->fallthrough();
        setAction(cmd, [args, body](Session& s) { return body(s, *args); });
    };
    action("create", "Create the configured roles (existing ones are kept) and grant their permissions", roleCreate);
    action("grant", "Grant the roles their permissions again (or, with --to, grant the roles to a user)", roleGrant);
    action("revoke", "Revoke the roles' permissions (or, with --from, remove a user from the roles)", roleRevoke);
    action("drop", "Revoke the roles' permissions and drop them (--force: their objects here too)", roleDrop);
    action("list", "Show each role's access to the module's schemas against the configuration", roleList);
    action("create-login", "Create a login role (--name, --password)", [](Session& s, const RoleArgs& a) {
        return createLogin(s, a.name, a.password, a.lockTimeout);
    });
    action("drop-login", "Drop a login role (--name)",
           [](Session& s, const RoleArgs& a) { return dropLogin(s, a.name, a.lockTimeout); });
    action("login-roles", "List the login roles",
           [](Session& s, const RoleArgs& a) { return listLogins(s, a.includeSuperusers); });
    action("members", "List the members of roles (--roles; default: the configured ones)",
           [](Session& s, const RoleArgs& a) { return listMembers(s, a.roles, a.suffix); });
}

// The same login actions grouped: role login create|drop|list|members.
void addLoginSubcommands(CLI::App* role, const std::shared_ptr<RoleArgs>& args)
{
    auto* login = role->add_subcommand("login", "Login roles: create, drop, list, members");
    login->fallthrough();
    {
        auto a = std::make_shared<std::pair<std::string, bool>>();
        auto* cmd = login->add_subcommand("create", "Create a login role");
        cmd->add_option("name", a->first, "The login role")->required();
        cmd->add_flag("--password", a->second, "Ask for a password (read from stdin when it is not a terminal)");
        setAction(cmd, [a, args](Session& s) { return createLogin(s, a->first, a->second, args->lockTimeout); });
    }
    {
        auto name = std::make_shared<std::string>();
        auto* cmd = login->add_subcommand("drop", "Drop a login role");
        cmd->add_option("name", *name, "The login role")->required();
        setAction(cmd, [name, args](Session& s) { return dropLogin(s, *name, args->lockTimeout); });
    }
    {
        auto* cmd = login->add_subcommand("list", "List the login roles");
        cmd->fallthrough();
        setAction(cmd, [args](Session& s) { return listLogins(s, args->includeSuperusers); });
    }
    {
        auto roles = std::make_shared<std::vector<std::string>>();
        auto* cmd = login->add_subcommand("members", "List the members of roles (default: the configured ones)");
        cmd->add_option("roles", *roles, "Roles");
        setAction(cmd, [roles](Session& s) { return listMembers(s, *roles); });
    }
}

void registerRole(CLI::App& app)
{
    auto args = std::make_shared<RoleArgs>();
    auto* role = app.add_subcommand("role", "Manage the module's roles: create, grant, revoke, drop, list, login roles");
    addRoleOptions(role, *args);
    addRoleActions(role, args);
    addLoginSubcommands(role, args);
}

// ---------------------------------------------------------------- check

void registerCheck(CLI::App& app)
{
    struct Args {
        std::string compared;
        std::string comparedOption;
        CheckOptions options;
        std::string output;
        std::string format;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("check", "Compare the database of -p with another one (exit 1 when they differ)");
    cmd->add_option("pg_connection_compared", args->compared,
                    "The database to compare with: service name, URI or key=value string");
    cmd->add_option("--pg-connection-compared", args->comparedOption, "Same as the positional argument");
    cmd->add_option("-i,--ignore", args->options.ignore, "Kinds to leave out (one or more)")
        ->check(CLI::IsMember(checkKinds()));
    cmd->add_option("-N,--exclude-schema", args->options.excludeSchemas, "Schema to leave out (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("-P,--exclude-field-pattern", args->options.excludeFieldPatterns,
                    "Column names to leave out, as a SQL LIKE pattern such as 'usr_%' (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("-o,--output_file,--output-file", args->output, "Write the report to this file");
    cmd->add_option("-f,--format", args->format, "Report format: text (default), json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    setAction(cmd, [args](Session& s) {
        std::string other = !args->comparedOption.empty() ? args->comparedOption : args->compared;
        if (other.empty()) throw CommandError("check needs the database to compare with (pum -p DB1 check DB2)");
        Connection& first = s.connection();
        Connection second = Connection::open(other);
        const ComparisonReport result = compareDatabases(first, second, args->options);

        std::string format = args->format;
        if (format.empty()) {
            const std::string ext = std::filesystem::path(args->output).extension().string();
            format = ext == ".html" || ext == ".htm" ? "html" : ext == ".json" ? "json" : "text";
        }
        const std::string text = format == "html" ? reportHtml(result)
                                 : format == "json" ? reportJson(result) + "\n"
                                                    : reportText(result);
        s.feedback().finish();
        if (args->output.empty()) {
            std::cout << text;
        } else {
            std::ofstream out(args->output, std::ios::binary);
            out << text;
            out.close();
            if (!out) throw CommandError("cannot write " + args->output);
            report(s, result.passed() ? "OK: no differences (report in " + args->output + ")"
                                      : "DIFFERENCES FOUND: " + std::to_string(result.differenceCount()) +
                                            " (report in " + args->output + ")");
        }
        return result.passed() ? 0 : 1;
    });
}

// ---------------------------------------------------------------- dump / restore

// pum's help spells the formats DumpFormat.CUSTOM and DumpFormat.PLAIN: accepted too.
std::string dumpFormatName(std::string value)
{
    for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string prefix = "dumpformat.";
    if (value.rfind(prefix, 0) == 0) value.erase(0, prefix.size());
    return value;
}

void registerDumpRestore(CLI::App& app)
{
    {
        struct Args {
            std::string file;
            std::string format = "plain";  // pum's command line default (its Python API's is custom)
            DumpOptions options;
            bool moduleSchemas = false;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("dump", "Dump the database of -p with pg_dump");
        cmd->add_option("file", args->file, "The dump file")->required();
        cmd->add_option("-f,--format", args->format, "plain (SQL, default) or custom (pg_restore's format)")
            ->transform(dumpFormatName)
            ->check(CLI::IsMember({"custom", "plain"}));
        cmd->add_option("-N,--exclude-schema", args->options.excludeSchemas, "Schema to leave out (repeatable)")
            ->allow_extra_args(false);
        cmd->add_option("-n,--schema", args->options.schemas, "Dump only this schema (repeatable)")
            ->allow_extra_args(false);
        cmd->add_flag("--module-schemas", args->moduleSchemas,
                      "Dump only the module's schemas (its roles' schemas and the migration table's)");
        cmd->add_option("--pg-dump", args->options.pgDump, "The pg_dump to use (default: the server's version)");
        cmd->add_flag("--keep-owner", args->options.owner, "Keep the objects' owners (default: --no-owner, as pum)");
        cmd->add_flag("--keep-privileges", args->options.privileges,
                      "Keep GRANTs and REVOKEs (default: --no-privileges, as pum)");
        setAction(cmd, [args](Session& s) {
            DumpOptions options = args->options;
            options.format = args->format == "plain" ? DumpFormat::Plain : DumpFormat::Custom;
            if (args->moduleSchemas) {
                for (const auto& schema : moduleSchemas(s.config()))
                    if (std::find(options.schemas.begin(), options.schemas.end(), schema) == options.schemas.end())
                        options.schemas.push_back(schema);
            }
            Connection& c = s.connection();
            dumpDatabase(c, args->file, options, s.feedback());
            report(s, "dumped " + c.databaseName() + " to " + args->file);
            return 0;
        });
    }
    {
        struct Args {
            std::string file;
            RestoreOptions options;
            std::string lockTimeout;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand(
            "restore", "Restore a dump into the database of -p (custom format with pg_restore, plain SQL with psql)");
        cmd->add_option("file", args->file, "The dump file")->required();
        cmd->add_flag("-x", args->options.ignoreErrors,
                      "Go on after errors (default: stop at the first one, restoring nothing)");
        cmd->add_option("-N,--exclude-schema", args->options.excludeSchemas, "Schema to leave out (repeatable)")
            ->allow_extra_args(false);
        cmd->add_flag("--no-privileges", args->options.noPrivileges,
                      "Do not restore GRANTs (the module's roles do not exist on this server)");
        cmd->add_option("--pg-restore", args->options.pgRestore,
                        "The pg_restore to use (default: the server's version)");
        cmd->add_option("--lock-timeout", args->lockTimeout,
                        "Cancel a statement of the restore that waits this long for a lock: the restore gives up "
                        "(rolled back, exit 1; with -x it goes on without it), naming the sessions in its way: "
                        "500ms, 5s, 1min")
            ->type_name("DURATION");
        setAction(cmd, [args](Session& s) {
            RestoreOptions options = args->options;
            options.lockTimeout = lockTimeoutOf(args->lockTimeout);
            Connection& c = s.connection();
            restoreDatabase(c, args->file, options, s.feedback());
            report(s, "restored " + args->file + " into " + c.databaseName());
            return 0;
        });
    }
}

// ---------------------------------------------------------------- db

// `db access`: who may connect to a database (pum's --grant-connect,
// --revoke-connect, --keep-public). PUBLIC loses CONNECT unless --keep-public.
void registerDbAccess(CLI::App* db)
{
    struct Args {
        std::string name;
        std::vector<std::string> grant;
        std::vector<std::string> revoke;
        bool keepPublic = false;
        std::string lockTimeout;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = db->add_subcommand("access", "Configure who may connect: revoke CONNECT from PUBLIC, grant it to roles");
    cmd->add_option("name", args->name, "The database (default: the one -p names)");
    cmd->add_option("--grant-connect", args->grant, "Roles to grant CONNECT on the database");
    cmd->add_option("--revoke-connect", args->revoke, "Roles to revoke CONNECT from explicitly");
    cmd->add_flag("--keep-public", args->keepPublic, "Do not revoke CONNECT from PUBLIC");
    addLockTimeoutOption(cmd, args->lockTimeout);
    setAction(cmd, [args](Session& s) {
        const std::string name = args->name.empty() ? databaseNameOf(s.options().pgConnection) : args->name;
        const std::optional<bool> publicAccess = args->keepPublic ? std::nullopt : std::optional<bool>(false);
        inTransaction(s, args->lockTimeout, "db access", [&](Connection& c) { configureConnectAccess(c, name, args->grant, args->revoke, publicAccess); });
        const ConnectAccess access = connectAccess(s.connection(), name);
        report(s, "CONNECT on " + name + ": PUBLIC " + (access.publicCanConnect ? "can connect" : "cannot connect") +
                      "; granted to " + (access.roles.empty() ? "no role" : joined(access.roles)));
        return 0;
    });
}

// db create|drop run outside any transaction: the help says what is left.
void addDatabaseLockTimeoutOption(CLI::App* command, std::string& target, const std::string& done)
{
    command->add_option("--lock-timeout", target,
                        "Give up (exit 1, the database not " + done + ") after waiting this long for a lock on it, "
                        "naming the sessions that hold one (user, application, since when): 500ms, 5s, 1min")
        ->type_name("DURATION");
}

void registerDb(CLI::App& app)
{
    auto* db = app.add_subcommand("db", "Create, drop or restrict access to a whole database on the server of -p");
    {
        struct Args {
            std::string name;
            std::string templateName;
            std::string owner;
            std::string lockTimeout;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = db->add_subcommand("create", "Create a database (optionally a copy of a template)");
        cmd->add_option("name", args->name, "The database (default: the one -p names)");
        cmd->add_option("-t,--template", args->templateName, "Copy this database (e.g. one with PostGIS)");
        cmd->add_option("--owner", args->owner, "Owner of the new database");
        addDatabaseLockTimeoutOption(cmd, args->lockTimeout, "created");
        setAction(cmd, [args](Session& s) {
            const std::string spec = s.options().pgConnection;
            const std::string name = args->name.empty() ? databaseNameOf(spec) : args->name;
            const auto timeout = lockTimeoutOf(args->lockTimeout);
            Connection c = openMaintenanceConnection(spec);
            createDatabase(c, name, args->templateName, args->owner, timeout);
            report(s, "database " + name + " created" +
                          (args->templateName.empty() ? "" : " from template " + args->templateName));
            return 0;
        });
    }
    {
        struct Args {
            std::string name;
            bool force = false;
            std::string lockTimeout;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = db->add_subcommand("drop", "Drop a database, ending the sessions connected to it");
        cmd->add_option("name", args->name, "The database (default: the one -p names)");
        cmd->add_flag("--force", args->force, "Do not ask for confirmation");
        addDatabaseLockTimeoutOption(cmd, args->lockTimeout, "dropped");
        setAction(cmd, [args](Session& s) {
            const std::string spec = s.options().pgConnection;
            const std::string name = args->name.empty() ? databaseNameOf(spec) : args->name;
            const auto timeout = lockTimeoutOf(args->lockTimeout);  // a bad value is refused before asking
            Connection c = openMaintenanceConnection(spec);
            // Checked before asking: no question about a database that is not there.
            if (!databaseExists(c, name)) throw CommandError("database \"" + name + "\" does not exist");
            if (!args->force)
                confirm("Drop database " + name + " (server: " + c.describe() + ")" +
                            ", ending every session connected to it? This cannot be undone.",
                        name, "database " + name + " not dropped");
            dropDatabase(c, name, true, timeout);
            report(s, "database " + name + " dropped");
            return 0;
        });
    }
    registerDbAccess(db);
}

}  // namespace

void registerAdminCommands(CLI::App& app, GlobalOptions& options)
{
    (void)options;  // the commands read them through their Session
    registerRole(app);
    registerCheck(app);
    registerDumpRestore(app);
    registerDb(app);
}

}  // namespace pum::cli
