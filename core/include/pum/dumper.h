#pragma once
// Dump and restore with PostgreSQL's own pg_dump / pg_restore.
//
// The tools get the connection of an open Connection through their
// environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ...): a
// password never appears on a command line, where `ps` would show it. The
// pg_dump used matches the server: /usr/lib/postgresql/<server major>/bin
// first, then a newer installed version, then the one on PATH.
#include <filesystem>
#include <string>
#include <vector>

namespace pum {

class Connection;
class Feedback;
struct Config;

enum class DumpFormat { Custom, Plain };

struct DumpOptions {
    DumpFormat format = DumpFormat::Custom;
    std::vector<std::string> schemas;         // only these schemas (exact names); empty = the whole database
    std::vector<std::string> excludeSchemas;  // left out (exact names)
    std::filesystem::path pgDump;             // the executable; empty = found for the server's version
};

struct RestoreOptions {
    std::vector<std::string> excludeSchemas;  // left out (exact names)
    // pum's `-x`: go on after errors (reported as a warning). Without it the
    // restore is one transaction that stops at the first error: nothing is restored.
    bool ignoreErrors = false;
    // Leave out GRANTs (pg_restore --no-privileges): for a cluster where the
    // module's roles do not exist (yet).
    bool noPrivileges = false;
    std::filesystem::path pgRestore;  // the executable; empty = found for the server's version
};

// Dumps the database of `connection` into `file` (written under a temporary
// name and renamed at the end: a failed dump leaves no file behind). Throws
// CommandError with the tool's own message when it fails.
void dumpDatabase(Connection& connection, const std::filesystem::path& file, const DumpOptions& options,
                  Feedback& feedback);

// Restores a custom-format dump into the database of `connection` (owners
// are not restored: objects belong to the connected user, as with pum). The
// dump's CREATE SCHEMA public is skipped when the database has it already
// (a dump of the module's schemas that include public).
void restoreDatabase(Connection& connection, const std::filesystem::path& file, const RestoreOptions& options,
                     Feedback& feedback);

// The module's schemas: those named by its roles' permissions, and the
// migration table's.
std::vector<std::string> moduleSchemas(const Config& config);

// Path of `tool` (pg_dump, pg_restore) for a server of major version
// `serverMajor`; throws CommandError when none is installed.
std::filesystem::path findPgTool(const std::string& tool, int serverMajor);

}  // namespace pum
