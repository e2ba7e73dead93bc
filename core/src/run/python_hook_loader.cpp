#include "pum/run/python_hook_loader.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <system_error>

#include "pum/base/error.h"
#include "pum/platform/library.h"
#include "pum/run/hook.h"

namespace fs = std::filesystem;

namespace pum {

namespace {

// The signature of pum_python_register (python_bindings/include/pum/python_hooks.h,
// not included: that part of the tree may not be built at all).
using RegisterFunction = int (*)(char* error, std::size_t size);

// Next to libpum, wherever the dynamic linker found it (build tree or
// install): no compiled-in path, no LD_LIBRARY_PATH needed.
fs::path hooksLibrary()
{
    const std::string file = platform::libraryContaining(reinterpret_cast<void*>(&loadPythonHooks));
    if (file.empty()) return {};
    std::error_code ec;
    fs::path core = fs::canonical(file, ec);
    if (ec) return {};
    return core.parent_path() / "libpum_python_hooks.so";
}

class UnavailableRunner : public HookRunner {
public:
    explicit UnavailableRunner(std::string reason) : reason_(std::move(reason)) {}
    void check(const HookDefinition& hook, const Config&) override { fail(hook); }
    void run(const HookDefinition& hook, HookContext&) override { fail(hook); }

private:
    [[noreturn]] void fail(const HookDefinition& hook) const { throw HookError(hook.describe() + ": " + reason_); }
    std::string reason_;
};

PythonHooksLoad load()
{
    PythonHooksLoad outcome;
    const fs::path library = hooksLibrary();
    outcome.library = library.string();
    std::error_code ec;
    if (library.empty() || !fs::exists(library, ec)) {
        outcome.status = PythonHooksLoad::Status::Missing;
        return outcome;
    }
    // Symbols private: the runner's stay its own. It makes libpython
    // global itself when it starts an interpreter; in QGIS it already is.
    // Kept open for the life of the process: the runner and the interpreter
    // must outlive every command.
    const platform::OpenedLibrary opened = platform::openLibrary(library.string());
    if (!opened.handle) {
        outcome.status = PythonHooksLoad::Status::OpenFailed;
        outcome.detail = opened.error;
        return outcome;
    }
    auto entry = reinterpret_cast<RegisterFunction>(platform::findSymbol(opened, "pum_python_register"));
    if (!entry) {
        outcome.status = PythonHooksLoad::Status::NoEntryPoint;
        return outcome;
    }
    char message[4096] = {};
    if (entry(message, sizeof message) != 0) {
        outcome.status = PythonHooksLoad::Status::StartFailed;
        outcome.detail = message;
    }
    return outcome;
}

}  // namespace

std::string PythonHooksLoad::message() const
{
    switch (status) {
    case Status::Loaded:
        return {};
    case Status::Missing:
        return "this module has Python hooks (.py) but this pum was built without Python hooks (" +
               (library.empty() ? std::string("libpum_python_hooks.so cannot be located") : library + " is missing") +
               "): rebuild with python3-dev and pybind11-dev installed";
    case Status::OpenFailed:
        return "cannot load the Python hook runner: " + detail;
    case Status::NoEntryPoint:
        return "cannot load the Python hook runner: " + library + " has no pum_python_register";
    case Status::StartFailed:
        return "cannot start Python for the module's hooks: " + detail;
    }
    return {};
}

const PythonHooksLoad& loadPythonHooks()
{
    static std::mutex mutex;
    static std::unique_ptr<PythonHooksLoad> outcome;
    std::lock_guard<std::mutex> lock(mutex);
    if (!outcome) {
        outcome = std::make_unique<PythonHooksLoad>(load());
        if (!outcome->ok() && !HookRegistry::instance().find(".py"))
            HookRegistry::instance().add(".py", std::make_shared<UnavailableRunner>(outcome->message()));
    }
    return *outcome;
}

}  // namespace pum
