#include "python_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "pum/error.h"
#include "pum/hook.h"
#include "pum/upgrader.h"

namespace fs = std::filesystem;

namespace pum::cli {

namespace {

// From python_bindings/include/pum/python_hooks.h (not included: that part
// of the tree may not be built at all).
using RegisterFunction = int (*)(char* error, std::size_t size);

// libpum_python_hooks is installed, and built, next to libpum (the library
// folder beside the executable's: build/bin/pum -> build/lib, <prefix>/bin ->
// <prefix>/lib): ask the dynamic linker where libpum was found, so no path is
// compiled in and no PYTHONPATH or LD_LIBRARY_PATH is needed.
fs::path hooksLibrary()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&pum::toolVersion), &info) != 0 && info.dli_fname) {
        std::error_code ec;
        fs::path core = fs::canonical(info.dli_fname, ec);
        if (!ec)
            return core.parent_path() / "libpum_python_hooks.so";
    }
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    return exe.parent_path().parent_path() / "lib" / "libpum_python_hooks.so";
}

// Stands in for the real runner when it cannot be loaded, so that a command
// that would run a .py hook fails before starting with the actual reason
// (psycopg missing, no Python in this build...), while `info` still works.
class UnavailableRunner : public HookRunner {
public:
    explicit UnavailableRunner(std::string reason) : reason_(std::move(reason)) {}
    void check(const HookDefinition& hook, const Config&) override { fail(hook); }
    void run(const HookDefinition& hook, HookContext&) override { fail(hook); }

private:
    [[noreturn]] void fail(const HookDefinition& hook) const { throw HookError(hook.describe() + ": " + reason_); }
    std::string reason_;
};

bool load(std::string& error);

}  // namespace

bool loadPythonHooks(std::string& error)
{
    if (load(error))
        return true;
    if (!HookRegistry::instance().find(".py"))
        HookRegistry::instance().add(".py", std::make_shared<UnavailableRunner>(error));
    return false;
}

namespace {

bool load(std::string& error)
{
    static bool loaded = false;
    if (loaded)
        return true;
    const fs::path library = hooksLibrary();
    std::error_code ec;
    if (library.empty() || !fs::exists(library, ec)) {
        error = "this module has Python hooks (.py) but this pum was built without Python hooks (" +
                (library.empty() ? std::string("cannot locate the executable") : library.string() + " is missing") +
                "): rebuild with python3-dev and pybind11-dev installed";
        return false;
    }
    // Kept loaded for the life of the process: the runner it registers and
    // the interpreter it starts must outlive every command.
    void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        error = "cannot load the Python hook runner: " + std::string(why ? why : library.string());
        return false;
    }
    auto entry = reinterpret_cast<RegisterFunction>(dlsym(handle, "pum_python_register"));
    if (!entry) {
        error = "cannot load the Python hook runner: " + library.string() + " has no pum_python_register";
        return false;
    }
    char message[4096] = {};
    if (entry(message, sizeof message) != 0) {
        error = std::string("cannot start Python for the module's hooks: ") + message;
        return false;
    }
    loaded = true;
    return true;
}

}  // namespace

}  // namespace pum::cli
