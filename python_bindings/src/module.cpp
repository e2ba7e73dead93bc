// pum._pum_native: the core seen from Python. Hook files do not use it
// directly; pum's Python modules do (SqlContent's lexer, the scripting API).
#include <pybind11/pybind11.h>

#include <libpq-fe.h>

#include <string>

#include "binders.h"
#include "bridge.h"
#include "pum/base/error.h"
#include "pum/run/upgrader.h"

namespace py = pybind11;
using namespace pum;

PYBIND11_MODULE(_pum_native, m)
{
    m.doc() = "pum's C++ core (internal: use the pum package)";

    py::register_exception_translator([](std::exception_ptr pointer) {
        try {
            if (pointer)
                std::rethrow_exception(pointer);
        } catch (const Error& error) {
            pum::python::setPythonError(error);
        }
    });

    m.def("libpq_version", [] { return PQlibVersion(); });
    m.def("register_hook_runner", &pum::python::registerHookRunner,
          "Registers the .py hook runner in the core (done by the scripting API when needed).");
    m.def("tool_version", [] { return std::string(toolVersion()); });

    // Everything in src/bind_*.cpp.
    pum::python::bindAll(m);
}
