// libpum_python_hooks: brings up Python for programs that are not Python (the
// CLI; inside QGIS the running interpreter is used) and registers the runner.
#include "pum/python_hooks.h"

#include <Python.h>

#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>

#include "bridge.h"
#include "pum/platform/library.h"

namespace fs = std::filesystem;
namespace py = pybind11;

namespace {

// The folder holding the `pum` package, found from this library's own path:
// build tree (build/lib -> build/python) or install (<libdir>/pum/python).
fs::path packageFolder()
{
    const std::string self = pum::platform::libraryContaining(reinterpret_cast<void*>(&pum_python_register));
    if (self.empty()) throw std::runtime_error("cannot tell where libpum_python_hooks is (dladdr failed)");
    const fs::path libDir = fs::weakly_canonical(fs::absolute(self)).parent_path();
    for (const fs::path& candidate : {libDir / PUM_PYTHON_FROM_LIB_INSTALL, libDir / PUM_PYTHON_FROM_LIB_BUILD}) {
        std::error_code ec;
        if (fs::exists(candidate / "pum" / "__init__.py", ec))
            return fs::weakly_canonical(candidate);
    }
    throw std::runtime_error("the pum Python package is missing: looked in " +
                             (libDir / PUM_PYTHON_FROM_LIB_INSTALL).string() + " and " +
                             (libDir / PUM_PYTHON_FROM_LIB_BUILD).lexically_normal().string());
}

void startInterpreter()
{
    // We may have been loaded with private symbols (dlopen's default), and then
    // libpython's symbols are invisible to the extension modules Python loads
    // (_ctypes: "undefined symbol: PyTuple_Type"). Promote libpython to global.
    const std::string python = pum::platform::libraryContaining(reinterpret_cast<void*>(&Py_InitializeFromConfig));
    if (!python.empty()) pum::platform::shareSymbols(python);

    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    // Ctrl-C stays with the host program (the CLI cancels cleanly on SIGINT).
    config.install_signal_handlers = 0;
    config.parse_argv = 0;
    // Name the interpreter we were built for: otherwise Python looks for
    // "python3" on PATH to find its standard library, and may find another one.
    PyStatus status = PyConfig_SetBytesString(&config, &config.program_name, PUM_PYTHON_EXECUTABLE);
    if (!PyStatus_Exception(status))
        status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status))
        throw std::runtime_error(std::string("cannot start Python: ") +
                                 (status.err_msg ? status.err_msg : "unknown error"));
}

std::string otherPackage(const py::handle& module, const fs::path& ours)
{
    const py::object file = py::getattr(module, "__file__", py::none());
    const py::object version = py::getattr(module, "__version__", py::none());
    std::string where = file.is_none() ? std::string("a namespace package") : py::str(file).cast<std::string>();
    if (!version.is_none())
        where += ", version " + py::str(version).cast<std::string>();
    return "another Python package named 'pum' is already imported in this Python (" + where +
           "), probably by another QGIS plugin that bundles pum or by a script; pum-native runs Python hooks "
           "only with its own pum (" + ours.string() + ") and cannot replace a package in use: run them where "
           "the other pum is not imported (in QGIS: restart it without the plugin that imports it)";
}

// With the GIL held: our `pum`, loaded from its file rather than searched on
// sys.path. On Debian, /usr/local's dist-packages (pip's pum 1.x, same name)
// comes before /usr/lib/python3/dist-packages, so a search could find the
// other one; the hooks' `from pum import HookBase` then get ours from
// sys.modules. A `pum` already imported that is not ours is refused, never
// swapped: the code that imported it is still using it.
void importOwnPackage(const fs::path& folder)
{
    const fs::path init = folder / "pum" / "__init__.py";
    py::dict modules = py::module_::import("sys").attr("modules");
    if (modules.contains("pum")) {
        const py::object existing = modules["pum"];
        const py::object file = py::getattr(existing, "__file__", py::none());
        std::error_code ec;
        if (file.is_none() || !fs::equivalent(py::str(file).cast<std::string>(), init, ec))
            throw std::runtime_error(otherPackage(existing, init.parent_path()));
        return;
    }
    py::module_ util = py::module_::import("importlib.util");
    py::list locations;
    locations.append(py::str(init.parent_path().string()));
    py::object spec = util.attr("spec_from_file_location")("pum", init.string(),
                                                           py::arg("submodule_search_locations") = locations);
    py::object module = util.attr("module_from_spec")(spec);
    modules["pum"] = module;  // before running it, as the import system does
    try {
        spec.attr("loader").attr("exec_module")(module);
    } catch (...) {
        modules.attr("pop")("pum", py::none());
        throw;
    }
}

// With the GIL held: our package, and the runner's prerequisites.
void prepare(const fs::path& folder)
{
    // psycopg must use its pure-Python libpq binding to share pum's libpq
    // session; this only matters if psycopg was not imported yet.
    py::module_::import("os").attr("environ").attr("setdefault")("PSYCOPG_IMPL", "python");
    importOwnPackage(folder);
    py::module_ runner = py::module_::import("pum._runner");
    runner.attr("ensure_own_package")(folder.string());
}

std::mutex registerMutex;
bool registered = false;
// A failed Py_InitializeFromConfig leaves a half-made runtime: never retry it.
std::string startFailure;

}  // namespace

extern "C" __attribute__((visibility("default"))) int pum_python_register(char* error, size_t size)
{
    std::lock_guard<std::mutex> lock(registerMutex);
    std::string message;
    try {
        if (registered)
            return 0;
        if (!startFailure.empty())
            throw std::runtime_error(startFailure);
        const fs::path folder = packageFolder();
        const bool ours = !Py_IsInitialized();
        if (ours) {
            try {
                startInterpreter();
            } catch (const std::exception& failed) {
                startFailure = failed.what();
                throw;
            }
        }
        {
            // Inside QGIS this borrows its interpreter from whatever thread we are on.
            PyGILState_STATE state = PyGILState_Ensure();
            try {
                prepare(folder);
                pum::python::registerHookRunner();
            } catch (py::error_already_set& failed) {
                message = failed.what();
            } catch (const std::exception& failed) {
                message = failed.what();
            }
            PyGILState_Release(state);
        }
        if (ours) {
            // Hooks run later, possibly from another thread: release the GIL
            // taken by initialisation, each run takes it back. The interpreter
            // is never finalised: hooks' modules (psycopg...) live until exit.
            PyEval_SaveThread();
        }
        if (message.empty())
            registered = true;
    } catch (const std::exception& failed) {
        message = failed.what();
    }
    if (message.empty())
        return 0;
    if (error && size > 0) {
        std::strncpy(error, message.c_str(), size - 1);
        error[size - 1] = '\0';
    }
    return 1;
}
