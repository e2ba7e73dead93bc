#pragma once
// `upgrade --backup FILE`: the module's schemas dumped before anything runs,
// and, should the upgrade fail, how to put them back.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace pum {

class Connection;
class Feedback;
struct Config;

namespace detail {

// pg_dump (custom format, owners and privileges kept) of the module's schemas
// that exist in the database (moduleSchemas(), `public` left out: shared with
// extensions, it cannot be dropped and restored); throws when none is left or
// the dump fails.
// With `lockTimeout`, pg_dump gives up when a table's lock is not granted in time.
void backupModuleSchemas(Connection& connection, const Config& config, const std::filesystem::path& file,
                         Feedback& feedback, std::optional<std::chrono::milliseconds> lockTimeout);

// "the upgrade failed; a backup ... restore it with: pg_restore ..." (no password).
std::string restoreHint(Connection& connection, const std::filesystem::path& file);

}  // namespace detail
}  // namespace pum
