#pragma once
// The changelogs of a module: one folder per version, SQL files in name order.
#include <filesystem>
#include <vector>

#include "pum/version.h"

namespace pum {

struct Config;

struct Changelog {
    Version version;
    std::filesystem::path directory;
    std::vector<std::filesystem::path> files;  // *.sql directly inside, sorted by file name (byte order)
    bool appOnlyRelease = false;               // folder holds only an APP_ONLY_RELEASE marker
};

// All changelogs of `config`, in version order. Throws ConfigError naming the
// folder for: a folder whose name is not x.y / x.y.z, two folders of the same
// version (1.0 and 1.0.0), an empty folder, SQL files beside APP_ONLY_RELEASE,
// a missing changelogs directory. Files other than *.sql and the marker are ignored.
std::vector<Changelog> loadChangelogs(const Config& config);

}  // namespace pum
