#pragma once
// How messages name files. By default relative to the current folder, when
// that is shorter: a terminal's user opens them from there. A program with
// no meaningful current folder (QGIS is started from anywhere) names a base,
// the module's folder, for the commands that run on its thread.
#include <filesystem>
#include <string>

namespace pum {

// While it lives, paths under `base` are shown relative to it on this thread.
class DisplayPathBase {
public:
    explicit DisplayPathBase(std::filesystem::path base);
    ~DisplayPathBase();
    DisplayPathBase(const DisplayPathBase&) = delete;
    DisplayPathBase& operator=(const DisplayPathBase&) = delete;

private:
    std::filesystem::path previous_;
};

// The path as messages show it.
std::string displayPath(const std::filesystem::path& path);

}  // namespace pum
