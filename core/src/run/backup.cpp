#include "run/backup.h"

#include <libpq-fe.h>

#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/tools/dumper.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/db/lock_timeout.h"

namespace pum::detail {

namespace {

// A value for a shell command line: as it is when nothing in it is special, else in single quotes.
std::string shellArgument(const std::string& text)
{
    const bool plain = !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                               "0123456789_./:=@%+-") == std::string::npos;
    if (plain) return text;
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

void backupModuleSchemas(Connection& connection, const Config& config, const std::filesystem::path& file,
                         Feedback& feedback, std::optional<std::chrono::milliseconds> lockTimeout)
{
    // A schema the upgrade is about to create has nothing to back up (and pg_dump refuses a name that matches
    // nothing). `public` is left out: shared with extensions (PostGIS), it cannot be dropped and restored.
    auto r = connection.execParams("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])"
                                   " AND nspname <> 'public' ORDER BY nspname",
                                   {textArrayLiteral(moduleSchemas(config))});
    DumpOptions options;
    options.format = DumpFormat::Custom;
    options.owner = true;
    options.privileges = true;
    options.lockWaitTimeout = lockTimeout;
    for (int i = 0; i < r.rows(); ++i) options.schemas.push_back(r.value(i, 0));
    if (options.schemas.empty())
        throw CommandError("--backup: none of the module's schemas exists in " + connection.describe());
    feedback.step("Backing up schemas of " + config.module + " into " + file.string(), 0, 0);
    try {
        dumpDatabase(connection, file, options, feedback);
    } catch (const Error& e) {
        // pg_dump's --lock-wait-timeout ends its LOCK TABLE by a statement timeout.
        if (lockTimeout && std::string(e.what()).find("LOCK TABLE") != std::string::npos)
            throw lockTimeoutError(connection, *lockTimeout, "the backup before the upgrade (pg_dump)");
        throw;
    }
    feedback.log(Feedback::Level::Info, "backup of the module's schemas written to " + file.string());
}

std::string restoreHint(Connection& connection, const std::filesystem::path& file)
{
    std::string command = "pg_restore --clean --if-exists --single-transaction";
    auto add = [&](const char* option, const char* value) {
        if (value && *value) command += std::string(" ") + option + " " + shellArgument(value);
    };
    add("-h", PQhost(connection.native()));
    add("-p", PQport(connection.native()));
    add("-U", PQuser(connection.native()));
    add("-d", PQdb(connection.native()));
    const std::string path = std::filesystem::absolute(file).string();
    return "the upgrade failed; the module's schemas as they were before it are in " + path +
           ". To restore them: " + command + " " + shellArgument(path);
}

}  // namespace pum::detail
