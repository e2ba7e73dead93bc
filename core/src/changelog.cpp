// Reading a module's changelogs folder.
#include "pum/changelog.h"

#include <algorithm>
#include <system_error>

#include "pum/config.h"
#include "pum/error.h"

namespace pum {

namespace fs = std::filesystem;

namespace {

constexpr const char* kAppOnlyMarker = "APP_ONLY_RELEASE";

[[noreturn]] void fail(const fs::path& where, const std::string& message)
{
    throw ConfigError(where.string(), 0, "", message);
}

bool isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

// Entries of `directory` (not recursive), sorted by name so that errors and
// results never depend on the file system's listing order.
std::vector<fs::directory_entry> sortedEntries(const fs::path& directory)
{
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(directory, ec);
    if (ec) fail(directory, "cannot be read: " + ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) fail(directory, "cannot be read: " + ec.message());
        entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
    return entries;
}

Changelog readFolder(const fs::path& directory, Version version)
{
    Changelog changelog{std::move(version), directory, {}, false};
    bool marker = false;
    std::error_code ec;
    for (const auto& entry : sortedEntries(directory)) {
        const fs::path& path = entry.path();
        if (path.filename() == kAppOnlyMarker) {
            marker = true;
            continue;
        }
        // pum globs `*.sql`, which never matches hidden files (editor backups
        // like `.#01_x.sql`); sub-folders are not searched.
        if (isHidden(path) || path.extension() != ".sql" || !entry.is_regular_file(ec)) continue;
        changelog.files.push_back(path);
    }
    if (marker && !changelog.files.empty())
        fail(directory, std::string("holds both SQL files and an ") + kAppOnlyMarker +
                            " marker (a release is either SQL or application-only)");
    if (!marker && changelog.files.empty())
        fail(directory, std::string("holds no .sql file (an application-only release holds just an empty ") +
                            kAppOnlyMarker + " file)");
    changelog.appOnlyRelease = marker;
    return changelog;
}

}  // namespace

std::vector<Changelog> loadChangelogs(const Config& config)
{
    const fs::path& root = config.changelogsDirectory;
    std::error_code ec;
    if (!fs::exists(root, ec)) fail(root, "changelogs directory not found");
    if (!fs::is_directory(root, ec)) fail(root, "changelogs directory is not a directory");

    std::vector<Changelog> changelogs;
    for (const auto& entry : sortedEntries(root)) {
        if (isHidden(entry.path())) continue;
        if (!entry.is_directory(ec)) {
            // A README may sit beside the version folders, but SQL there would never run.
            if (entry.path().extension() == ".sql")
                fail(entry.path(), "SQL file outside a version folder (it would never run)");
            continue;
        }
        const std::string name = entry.path().filename().string();
        auto version = Version::tryParse(name);
        // Skipping a misnamed folder would silently leave its SQL out of every install.
        if (!version) fail(entry.path(), "'" + name + "' is not a version (a changelog folder is named x.y or x.y.z)");
        changelogs.push_back(readFolder(entry.path(), std::move(*version)));
    }

    std::stable_sort(changelogs.begin(), changelogs.end(),
                     [](const Changelog& a, const Changelog& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < changelogs.size(); ++i)
        if (changelogs[i].version == changelogs[i - 1].version)
            fail(changelogs[i].directory, "same version as " + changelogs[i - 1].directory.filename().string() +
                                              " (two folders for one version)");
    return changelogs;
}

}  // namespace pum
