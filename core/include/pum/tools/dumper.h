#pragma once
// Dump and restore with PostgreSQL's own pg_dump / pg_restore.
//
// The tools get the connection of an open Connection through their
// environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ...): a
// password never appears on a command line, where `ps` would show it. The
// pg_dump used matches the server: /usr/lib/postgresql/<server major>/bin
// first, then a newer installed version, then the one on PATH.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pum/base/error.h"

namespace pum {

// A PostgreSQL tool (pg_dump, pg_restore, psql) that could not be started:
// not installed, not executable. (pum's PgDumpCommandError / PgRestoreCommandError.)
class ToolNotStarted : public CommandError {
public:
    using CommandError::CommandError;
};

// The tool ran and failed; the message has its own error output. (pum's
// PgDumpFailed / PgRestoreFailed.)
class ToolFailed : public CommandError {
public:
    using CommandError::CommandError;
};

class Connection;
class Feedback;
struct Config;

enum class DumpFormat { Custom, Plain };

struct DumpOptions {
    DumpFormat format = DumpFormat::Custom;
    // As pum does: objects restored belong to whoever restores them, and
    // access is granted by the module's roles (pum role grant), not the dump.
    bool owner = false;       // keep ALTER ... OWNER TO (pg_dump without --no-owner)
    bool privileges = false;  // keep GRANT / REVOKE (pg_dump without --no-privileges)
    std::vector<std::string> schemas;         // only these schemas (exact names); empty = the whole database
    std::vector<std::string> excludeSchemas;  // left out (exact names)
    std::filesystem::path pgDump;             // the executable; empty = found for the server's version
    // pg_dump --lock-wait-timeout: the dump fails instead of queueing behind a
    // session that holds a table exclusively (upgrade --backup --lock-timeout).
    std::optional<std::chrono::milliseconds> lockWaitTimeout;
};

struct RestoreOptions {
    std::vector<std::string> excludeSchemas;  // left out (exact names)
    // pum's `-x`: go on after errors (reported as a warning). Without it the
    // restore is one transaction that stops at the first error: nothing is restored.
    bool ignoreErrors = false;
    // Leave out GRANTs (pg_restore --no-privileges): for a cluster where the
    // module's roles do not exist (yet).
    bool noPrivileges = false;
    // The executable; empty = found for the server's version. A plain dump
    // runs through the psql beside it (or the server's version's).
    std::filesystem::path pgRestore;
    // --lock-timeout: a statement of the restore that waits longer than this
    // for a lock is cancelled. Without ignoreErrors the restore then fails,
    // rolled back, with a LockTimeoutError naming the sessions in its way;
    // with it, they are named in a warning and the restore goes on. The
    // tool's sessions show as application_name "pum restore <pid>.<n>".
    std::optional<std::chrono::milliseconds> lockTimeout;
};

// Dumps the database of `connection` into `file` (written under a temporary
// name and renamed at the end: a failed dump leaves no file behind). Throws
// ToolNotStarted, or ToolFailed with the tool's own message.
void dumpDatabase(Connection& connection, const std::filesystem::path& file, const DumpOptions& options,
                  Feedback& feedback);

// Restores a dump into the database of `connection`: a custom-format one
// with pg_restore (owners are not restored: objects belong to the connected
// user, as with pum; the dump's CREATE SCHEMA public is skipped when the
// database has it already), a plain SQL one with psql (excludeSchemas cannot
// apply to it and is refused). Throws ToolNotStarted or ToolFailed, and
// LockTimeoutError (pum/db/lock_timeout.h) when options.lockTimeout gave up.
void restoreDatabase(Connection& connection, const std::filesystem::path& file, const RestoreOptions& options,
                     Feedback& feedback);

// The module's schemas: those named by its roles' permissions, and the
// migration table's.
std::vector<std::string> moduleSchemas(const Config& config);

// Path of `tool` (pg_dump, pg_restore, psql) for a server of major version
// `serverMajor`: the oldest one at least as new as the server, from
// /usr/lib/postgresql/N/bin or else PATH (asked for its --version). Throws
// ToolNotStarted when none is, naming the server's version, the newest tool
// found and the package that would provide one.
std::filesystem::path findPgTool(const std::string& tool, int serverMajor);

}  // namespace pum
