#pragma once
// The changelogs of a module: one folder per version, SQL files in name order.
#include <filesystem>
#include <vector>

#include "pum/module/version.h"

namespace pum {

struct Config;

struct Changelog {
    Version version;
    std::filesystem::path directory;
    std::vector<std::filesystem::path> files;  // *.sql directly inside, sorted by file name (byte order)
    bool appOnlyRelease = false;               // folder holds only an APP_ONLY_RELEASE marker
};

// All changelogs of `config`, in version order. Throws ConfigError naming the
// folder for: a folder whose name is not a PEP 440 version, two folders of the
// same version (1.0 and 1.0.0), an empty folder, SQL files beside
// APP_ONLY_RELEASE, a missing changelogs directory, a changelogs directory
// that is empty (not even a `.gitkeep`: a module without any release). Files
// other than *.sql and the marker are ignored.
std::vector<Changelog> loadChangelogs(const Config& config);

// One version folder, its version read from the folder's name. With `strict`
// (what loadChangelogs does), an empty folder and SQL files beside the marker
// are refused; without, the folder is only listed (pum's `Changelog(dir)`,
// which refuses them when validated).
Changelog loadChangelog(const std::filesystem::path& directory, bool strict = true);

// Checks every file of `changelog` as it would run with `config`'s parameters
// (their defaults, or a neutral value of their type when they have none)
// without running it. Throws ConfigError naming the file and line for what the
// SQL lexer refuses (transaction control, an undeclared `{name}`...) and for a
// parameter marked `app_only` used in a changelog: app_only parameters may
// change on every upgrade, so the schema must not depend on them.
void validateChangelog(const Changelog& changelog, const Config& config);

// Only the app_only part of validateChangelog (what install and upgrade check
// before they start; the files are parsed with the real values anyway).
void refuseAppOnlyParameters(const Changelog& changelog, const Config& config);

}  // namespace pum
