// validate: the changelogs folder, every problem of every version folder.
#include <algorithm>
#include <system_error>

#include "pum/base/error.h"
#include "sql/sql_hook.h"
#include "validate/validate_internal.h"

namespace pum::detail {

namespace fs = std::filesystem;

namespace {

void add(FindingSink& sink, const ConfigError& e, const std::string& code)
{
    sink.error(displayPath(e.file()), e.line(), 0, code, e.message());
}

std::vector<fs::directory_entry> sortedEntries(const fs::path& directory)
{
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
    return entries;
}

bool isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

}  // namespace

std::vector<Changelog> checkChangelogLayout(const Config& config, FindingSink& sink)
{
    // The core's own reading decides; only when it refuses is the folder
    // walked again, to report every problem rather than the first.
    try {
        return loadChangelogs(config);
    } catch (const ConfigError& first) {
        const fs::path& root = config.changelogsDirectory;
        std::error_code ec;
        if (!fs::is_directory(root, ec) || fs::is_empty(root, ec)) {
            add(sink, first, "changelog-layout");
            return {};
        }
    }
    std::vector<Changelog> changelogs;
    std::error_code ec;
    for (const auto& entry : sortedEntries(config.changelogsDirectory)) {
        const fs::path& path = entry.path();
        if (isHidden(path)) continue;
        if (!entry.is_directory(ec)) {
            if (path.extension() == ".sql")
                sink.error(displayPath(path), 0, 0, "changelog-layout",
                           "SQL file outside a version folder (it would never run)");
            continue;
        }
        try {
            changelogs.push_back(loadChangelog(path));
        } catch (const ConfigError& e) {
            const bool version = Version::tryParse(path.filename().string()).has_value();
            add(sink, e, version ? "changelog-layout" : "changelog-version");
        }
    }
    std::stable_sort(changelogs.begin(), changelogs.end(),
                     [](const Changelog& a, const Changelog& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < changelogs.size(); ++i)
        if (changelogs[i].version == changelogs[i - 1].version)
            sink.error(displayPath(changelogs[i].directory), 0, 0, "duplicate-version",
                       "same version as " + changelogs[i - 1].directory.filename().string() +
                           " (two folders for one version)");
    return changelogs;
}

}  // namespace pum::detail
