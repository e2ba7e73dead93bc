#pragma once
// Loading the ".py" hook runner, for every program that runs the core (the
// CLI, the QGIS plugin): libpum_python_hooks, built and installed next to
// libpum, is opened on first need and registers itself with the
// HookRegistry. The core itself never links Python; this only opens a library.
#include <string>

namespace pum {

struct PythonHooksLoad {
    enum class Status {
        Loaded,        // the runner is registered
        Missing,       // this build has no Python hooks (the library is not there)
        OpenFailed,    // dlopen refused it (detail: dlerror())
        NoEntryPoint,  // the library has no pum_python_register
        StartFailed,   // Python or the pum package could not start (detail says why)
    };
    Status status = Status::Loaded;
    std::string library;  // the library's path (may be empty when it cannot be located)
    std::string detail;
    // One English sentence for the user (the plugin translates by status instead).
    std::string message() const;
    bool ok() const { return status == Status::Loaded; }
};

// Loads and registers the runner once per process; later calls return the
// first outcome. On failure a stand-in runner is registered for ".py" so that
// a command with a Python hook fails before it starts, with the reason.
// Call it on the thread that owns the interpreter when one already runs (QGIS's UI thread).
const PythonHooksLoad& loadPythonHooks();

}  // namespace pum
