#include "pum/tools/dumper.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <random>

#include "db/child_lock_watch.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/platform/process.h"
#include "base/text.h"

namespace pum {

using detail::trimmed;

namespace fs = std::filesystem;

namespace {

// The environment of the child: ours without any PG* variable, plus the
// effective parameters of the open connection (so the tool reaches exactly
// the same database as the same user, whatever the spec was: service, URI...).
std::vector<std::string> childEnvironment(Connection& connection, std::string& password)
{
    std::vector<std::string> env;
    for (auto& e : platform::currentEnvironment())
        if (e.compare(0, 2, "PG") != 0) env.push_back(std::move(e));
    PQconninfoOption* options = PQconninfo(connection.native());
    if (!options) throw Error("cannot read the connection's parameters (out of memory)");
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->envvar || !o->val || !*o->val) continue;
        // The service's values are already resolved into the others; passing it
        // again would let the service file override them in the child.
        if (std::strcmp(o->keyword, "service") == 0) continue;
        if (std::strcmp(o->keyword, "password") == 0) password = o->val;
        env.push_back(std::string(o->envvar) + "=" + o->val);
    }
    PQconninfoFree(options);
    return env;
}

struct ProcessResult {
    int exitCode = -1;
    std::string errors;  // stderr (and stdout, which the tools use for nothing else here)
};

// Runs `program` to its end; `whileRunning`, when given, is called about every
// 50 ms meanwhile (an exception from it ends the child and is passed on).
ProcessResult run(const fs::path& program, const std::vector<std::string>& args, const std::vector<std::string>& env,
                  const std::function<void()>& whileRunning = {})
{
    platform::ChildProcess child(program, args, env);
    if (!child.started()) throw ToolNotStarted("cannot run " + program.string() + ": " + child.startError());
    ProcessResult result;
    const auto wait = whileRunning ? std::optional<std::chrono::milliseconds>(50) : std::nullopt;
    for (;;) {
        if (whileRunning) {
            try {
                whileRunning();
            } catch (...) {
                child.terminate();
                throw;  // the child's destructor waits for its end
            }
        }
        std::string chunk;
        const auto read = child.readOutput(chunk, wait);
        if (read == platform::ChildProcess::Read::End) break;
        if (result.errors.size() < 1'000'000) result.errors += chunk;
    }
    result.exitCode = child.wait();
    return result;
}

// A pg_dump pattern that matches exactly this name (quoted: no wildcard, case kept).
std::string exactPattern(const std::string& name)
{
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// pg_restore's table of contents, edited, removed at the end.
struct TempListFile {
    fs::path path;
    bool use = false;
    TempListFile() : path(platform::createUniqueFile(fs::temp_directory_path(), "pum-restore-list-")) {}
    ~TempListFile()
    {
        std::error_code ec;
        fs::remove(path, ec);
    }
};

int serverMajor(Connection& connection) { return PQserverVersion(connection.native()) / 10000; }

// The tools' messages go through the core's one redaction (PGPASSWORD included).
std::string redact(const std::string& text, const std::string& password)
{
    return redactPassword(text, password.empty() ? std::string() : "password=" + quoteConninfoValue(password));
}

}  // namespace

namespace {

struct PgClient {
    int major = 0;  // 0: its version could not be read
    fs::path path;
};

// The major version a client prints for --version ("pg_dump (PostgreSQL) 15.18"), 0 when unknown.
int clientMajor(const fs::path& tool)
{
    platform::ChildProcess child(tool, {"--version"});
    if (!child.started()) return 0;
    std::string out;
    while (child.readOutput(out) != platform::ChildProcess::Read::End) {
    }
    const auto at = out.find(") ");
    if (child.wait() != 0 || at == std::string::npos) return 0;
    return std::atoi(out.c_str() + at + 2);
}

bool olderClient(const PgClient& a, const PgClient& b) { return a.major < b.major; }

// Debian's clients, one folder per major version, oldest first.
std::vector<PgClient> debianClients(const std::string& tool)
{
    std::vector<PgClient> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.empty() && std::all_of(name.begin(), name.end(), ::isdigit) && fs::exists(entry.path() / "bin" / tool))
            found.push_back({std::stoi(name), entry.path() / "bin" / tool});
    }
    std::sort(found.begin(), found.end(), olderClient);
    return found;
}

std::string clientPackageHint(int major)
{
    return "install the PostgreSQL " + std::to_string(major) + " client tools (Debian: postgresql-client-" +
           std::to_string(major) + ", from a Debian release or PostgreSQL's apt repository that has it)";
}

}  // namespace

fs::path findPgTool(const std::string& tool, int major)
{
    // A client reads servers up to its own version, not newer ones (and psql
    // N cannot replay every script pg_dump N+1 writes): the oldest client at
    // least as new as the server, Debian's folders first, then PATH.
    std::vector<PgClient> found = debianClients(tool);
    for (const PgClient& client : found)
        if (client.major >= major) return client.path;
    if (fs::path onPath = platform::findOnPath(tool); !onPath.empty()) {
        PgClient client{clientMajor(onPath), onPath};
        if (client.major >= major) return client.path;
        found.push_back(client);
    }
    if (found.empty()) throw ToolNotStarted(tool + " not found: " + clientPackageHint(major));
    const PgClient& newest = *std::max_element(found.begin(), found.end(), olderClient);
    const std::string what = newest.major ? "is PostgreSQL " + std::to_string(newest.major) : "does not say its version";
    throw ToolNotStarted("the server is PostgreSQL " + std::to_string(major) + ", and the newest " + tool +
                         " found (" + newest.path.string() + ") " + what + ": nothing was run; " +
                         clientPackageHint(major));
}

std::vector<std::string> moduleSchemas(const Config& config)
{
    std::vector<std::string> out;
    auto add = [&](const std::string& s) {
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    for (const auto& role : config.roles)
        for (const auto& permission : role.permissions)
            for (const auto& schema : permission.schemas) add(schema);
    add(config.migrationTableSchema);
    return out;
}

void dumpDatabase(Connection& connection, const fs::path& file, const DumpOptions& options, Feedback& feedback)
{
    if (file.empty()) throw CommandError("no dump file given");
    const fs::path tool = options.pgDump.empty() ? findPgTool("pg_dump", serverMajor(connection)) : options.pgDump;
    if (!file.parent_path().empty() && !fs::is_directory(file.parent_path()))
        throw CommandError("cannot write " + file.string() + ": folder " + file.parent_path().string() + " does not exist");

    // Written under a temporary name next to the target, renamed at the end.
    std::random_device rd;
    fs::path partial = file;
    partial += ".partial-" + std::to_string(platform::processId()) + "-" + std::to_string(rd() % 100000);

    std::vector<std::string> args = {options.format == DumpFormat::Custom ? "--format=custom" : "--format=plain",
                                     "--file=" + partial.string(), "--no-password"};
    if (!options.owner) args.emplace_back("--no-owner");
    if (!options.privileges) args.emplace_back("--no-privileges");
    for (const auto& s : options.schemas) args.push_back("--schema=" + exactPattern(s));
    for (const auto& s : options.excludeSchemas) args.push_back("--exclude-schema=" + exactPattern(s));
    if (options.lockWaitTimeout)
        args.push_back("--lock-wait-timeout=" + std::to_string(std::max<long long>(1, options.lockWaitTimeout->count())));

    std::string password;
    const auto env = childEnvironment(connection, password);
    feedback.log(Feedback::Level::Info, "dumping " + connection.describe() + " to " + file.string());
    feedback.log(Feedback::Level::Debug, "running " + tool.string());
    ProcessResult result;
    try {
        result = run(tool, args, env);
    } catch (...) {
        std::error_code ec;
        fs::remove(partial, ec);
        throw;
    }
    if (result.exitCode != 0) {
        std::error_code ec;
        fs::remove(partial, ec);
        throw ToolFailed(tool.filename().string() + " failed (exit code " + std::to_string(result.exitCode) +
                         "): " + redact(trimmed(result.errors), password));
    }
    std::error_code ec;
    fs::rename(partial, file, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw CommandError("cannot write " + file.string() + ": " + ec.message());
    }
    if (!trimmed(result.errors).empty()) feedback.log(Feedback::Level::Warning, redact(trimmed(result.errors), password));
}

namespace {

// Custom-format archives start with "PGDMP"; anything else is taken for SQL.
bool isCustomFormat(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CommandError("cannot read " + file.string() + ": " + std::strerror(errno));
    char magic[5] = {};
    in.read(magic, 5);
    return in.gcount() == 5 && std::memcmp(magic, "PGDMP", 5) == 0;
}

// The database name as a conninfo string, so that a name containing '=' is
// not taken for one; host, user, password come from the environment.
std::string dbnameConninfo(Connection& connection) { return "dbname=" + quoteConninfoValue(connection.databaseName()); }

// A dump of `public` (pg_dump -n public, --module-schemas) creates it, but
// every database has it already: that entry is left out of the restore
// (`--clean` would drop it first, and PostGIS with it). True when `list`
// holds the edited table of contents to use.
bool skipPublicSchema(Connection& connection, const fs::path& tool, const fs::path& file,
                      const std::vector<std::string>& env, const TempListFile& list)
{
    if (connection.exec("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'public'").rows() == 0) return false;
    ProcessResult listed = run(tool, {"--list", "--file=" + list.path.string(), fs::absolute(file).string()}, env);
    if (listed.exitCode != 0)
        throw ToolFailed(tool.filename().string() + " cannot read " + file.string() + ": " + trimmed(listed.errors));
    std::ifstream in(list.path);
    std::string line, content;
    bool changed = false;
    while (std::getline(in, line)) {
        // "12; 2615 2200 SCHEMA - public owner": ';' turns it into a comment.
        const auto schema = line.find(" SCHEMA - public ");
        if (!line.empty() && line[0] != ';' && schema != std::string::npos &&
            line.find_first_not_of("0123456789; ") == schema + 1) {
            line = ";" + line;
            changed = true;
        }
        content += line + "\n";
    }
    in.close();
    if (changed) std::ofstream(list.path, std::ios::trunc) << content;
    return changed;
}

// With --lock-timeout, the watch over the child's sessions (none without).
struct RestoreWatch {
    std::optional<ChildLockWatch> watch;

    RestoreWatch(Connection& connection, const RestoreOptions& options, std::vector<std::string>& env)
    {
        if (!options.lockTimeout) return;
        watch.emplace(connection, *options.lockTimeout);
        const auto isAppName = [](const std::string& e) { return e.rfind("PGAPPNAME=", 0) == 0; };
        env.erase(std::remove_if(env.begin(), env.end(), isAppName), env.end());
        env.push_back("PGAPPNAME=" + watch->applicationName());
    }
    std::function<void()> callback()
    {
        if (!watch) return {};
        return [this] { watch->check(); };
    }
};

// The tool's result as pum reports it: an exception, or warnings when errors are ignored.
void finishRestore(const fs::path& tool, const ProcessResult& result, const std::string& password,
                   const RestoreOptions& options, const RestoreWatch& watch, Feedback& feedback)
{
    const std::string messages = redact(trimmed(result.errors), password);
    if (result.exitCode != 0 && watch.watch && watch.watch->gaveUp()) {
        if (!options.ignoreErrors)
            throw lockTimeoutError(watch.watch->timeout(), "the restore",
                                   "it was rolled back, nothing was restored", "in the database",
                                   watch.watch->holders(), watch.watch->readProblem());
        feedback.log(Feedback::Level::Warning,
                     "statements that waited longer than " + std::to_string(watch.watch->timeout().count()) +
                         " ms for a lock (--lock-timeout) were cancelled and not restored. Sessions holding the locks:" +
                         describeLockHolders(watch.watch->holders()));
    }
    if (result.exitCode != 0) {
        if (!options.ignoreErrors)
            throw ToolFailed(tool.filename().string() + " failed (exit code " + std::to_string(result.exitCode) +
                             "), nothing was restored: " + messages);
        feedback.log(Feedback::Level::Warning, tool.filename().string() + " reported errors (ignored): " + messages);
    } else if (!messages.empty()) {
        feedback.log(Feedback::Level::Warning, messages);
    }
}

void restoreCustom(Connection& connection, const fs::path& file, const RestoreOptions& options, Feedback& feedback)
{
    const fs::path tool =
        options.pgRestore.empty() ? findPgTool("pg_restore", serverMajor(connection)) : options.pgRestore;
    std::string password;
    auto env = childEnvironment(connection, password);
    TempListFile list;
    const bool useList = skipPublicSchema(connection, tool, file, env, list);
    RestoreWatch watch(connection, options, env);

    std::vector<std::string> args = {"--dbname=" + dbnameConninfo(connection), "--no-owner", "--no-password"};
    if (useList) args.push_back("--use-list=" + list.path.string());
    if (options.noPrivileges) args.emplace_back("--no-privileges");
    if (!options.ignoreErrors) {
        args.emplace_back("--single-transaction");
        args.emplace_back("--exit-on-error");
    }
    for (const auto& s : options.excludeSchemas) args.push_back("--exclude-schema=" + s);
    args.push_back(fs::absolute(file).string());

    feedback.log(Feedback::Level::Info, "restoring " + file.string() + " into " + connection.describe());
    feedback.log(Feedback::Level::Debug, "running " + tool.string());
    finishRestore(tool, run(tool, args, env, watch.callback()), password, options, watch, feedback);
}

// A plain SQL dump runs through psql, as PostgreSQL documents: stopping at the
// first error in one transaction, unless errors are ignored.
void restorePlain(Connection& connection, const fs::path& file, const RestoreOptions& options, Feedback& feedback)
{
    if (!options.excludeSchemas.empty())
        throw CommandError(file.string() + " is a plain SQL dump: it cannot be restored without some schemas "
                           "(leave them out when dumping, or dump in custom format)");
    if (options.noPrivileges)
        feedback.log(Feedback::Level::Warning, file.string() + " is a plain SQL dump: its GRANTs are restored as written");
    const fs::path tool = options.pgRestore.has_parent_path() ? options.pgRestore.parent_path() / "psql"
                                                              : findPgTool("psql", serverMajor(connection));
    std::string password;
    auto env = childEnvironment(connection, password);
    RestoreWatch watch(connection, options, env);
    std::vector<std::string> args = {"--dbname=" + dbnameConninfo(connection), "--no-password", "--no-psqlrc",
                                     "--quiet", "--output=/dev/null",  // query results (set_config...): not messages
                                     "--file=" + fs::absolute(file).string()};
    if (!options.ignoreErrors) {
        args.emplace_back("--single-transaction");
        args.emplace_back("--set=ON_ERROR_STOP=1");
    }
    feedback.log(Feedback::Level::Info, "restoring " + file.string() + " (plain SQL) into " + connection.describe());
    feedback.log(Feedback::Level::Debug, "running " + tool.string());
    ProcessResult result = run(tool, args, env, watch.callback());
    // psql goes on after an error unless ON_ERROR_STOP: with -x, errors are only reported.
    if (options.ignoreErrors && result.exitCode == 0 && result.errors.find("ERROR:") != std::string::npos)
        result.exitCode = 3;
    finishRestore(tool, result, password, options, watch, feedback);
}

}  // namespace

void restoreDatabase(Connection& connection, const fs::path& file, const RestoreOptions& options, Feedback& feedback)
{
    if (isCustomFormat(file))
        restoreCustom(connection, file, options, feedback);
    else
        restorePlain(connection, file, options, feedback);
}

}  // namespace pum
