// Reading a module's changelogs folder.
#include "pum/sql/changelog.h"

#include <algorithm>
#include <system_error>

#include "pum/module/config.h"
#include "pum/base/error.h"
#include "pum/sql/sql.h"
#include "pum/sql/sql_stream.h"
#include "sql/sql_hook.h"

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

Changelog readFolder(const fs::path& directory, Version version, bool strict)
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
    changelog.appOnlyRelease = marker && changelog.files.empty();
    if (!strict) return changelog;
    if (marker && !changelog.files.empty())
        fail(directory, std::string("holds both SQL files and an ") + kAppOnlyMarker +
                            " marker (a release is either SQL or application-only)");
    if (!marker && changelog.files.empty())
        fail(directory, std::string("holds no .sql file (an application-only release holds just an empty ") +
                            kAppOnlyMarker + " file)");
    return changelog;
}

// What `{name}` stands for while a changelog is only checked.
ParameterValue checkValue(const ParameterDefinition& definition)
{
    if (definition.defaultValue && !definition.defaultValue->isNull()) return *definition.defaultValue;
    return neutralValue(definition);
}

}  // namespace

Changelog loadChangelog(const fs::path& directory, bool strict)
{
    const std::string name = directory.filename().string();
    auto version = Version::tryParse(name);
    // Skipping a misnamed folder would silently leave its SQL out of every install.
    if (!version)
        fail(directory, "'" + name + "' is not a version (a changelog folder is named after a version: 1.0, 1.2.3, 2.0rc1...)");
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) fail(directory, "changelog folder not found");
    return readFolder(directory, std::move(*version), strict);
}

namespace {

ParameterValues checkValues(const Config& config)
{
    ParameterValues values;
    for (const auto& definition : config.parameters) values[definition.name] = checkValue(definition);
    return values;
}

// Files are read piece by piece (sql_stream.h): memory stays flat on large changelogs.
void refuseAppOnly(const fs::path& file, const std::string& shown, const Config& config,
                   const ParameterValues& values)
{
    for (const auto& definition : config.parameters) {
        if (!definition.appOnly) continue;
        ParameterValues without = values;
        without.erase(definition.name);
        try {
            checkSqlFile(file, shown, without);
        } catch (const SqlError& e) {
            // Only a use of this parameter: other errors are validateChangelog's to report.
            if (e.info().message.find("unknown parameter '" + definition.name + "'") == std::string::npos) continue;
            throw ConfigError(shown, e.line(), "",
                              "uses parameter '" + definition.name + "', which is app_only in " +
                                  detail::displayPath(config.configFile) +
                                  ": an app_only parameter may change on every upgrade, so only the application "
                                  "hooks may use it, never a changelog");
        }
    }
}

}  // namespace

void validateChangelog(const Changelog& changelog, const Config& config)
{
    const ParameterValues values = checkValues(config);
    for (const fs::path& file : changelog.files) {
        const std::string shown = detail::displayPath(file);
        try {
            checkSqlFile(file, shown, values);
        } catch (const SqlError& e) {
            throw ConfigError(e.file().empty() ? shown : e.file(), e.line(), "", e.info().message);
        }
        refuseAppOnly(file, shown, config, values);
    }
}

void refuseAppOnlyParameters(const Changelog& changelog, const Config& config)
{
    const bool any = std::any_of(config.parameters.begin(), config.parameters.end(),
                                 [](const ParameterDefinition& d) { return d.appOnly; });
    if (!any) return;
    const ParameterValues values = checkValues(config);
    for (const fs::path& file : changelog.files) refuseAppOnly(file, detail::displayPath(file), config, values);
}

std::vector<Changelog> loadChangelogs(const Config& config)
{
    const fs::path& root = config.changelogsDirectory;
    std::error_code ec;
    if (!fs::exists(root, ec)) fail(root, "changelogs directory not found");
    if (!fs::is_directory(root, ec)) fail(root, "changelogs directory is not a directory");

    const auto entries = sortedEntries(root);
    if (entries.empty())
        fail(root, "changelogs directory is empty (a module has one folder per version, e.g. changelogs/1.0.0/)");
    std::vector<Changelog> changelogs;
    for (const auto& entry : entries) {
        if (isHidden(entry.path())) continue;
        if (!entry.is_directory(ec)) {
            // A README may sit beside the version folders, but SQL there would never run.
            if (entry.path().extension() == ".sql")
                fail(entry.path(), "SQL file outside a version folder (it would never run)");
            continue;
        }
        changelogs.push_back(loadChangelog(entry.path()));
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
