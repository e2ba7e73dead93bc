#pragma once
// _pum_native is assembled from one binding file per core concept
// (bind_config.cpp, bind_upgrader.cpp...). Each file registers itself with one
// static Binder, so that adding a concept touches no shared file.
#include <pybind11/pybind11.h>

namespace pum::python {

namespace py = pybind11;

using BindFunction = void (*)(py::module_&);

struct Binder {
    // `order`: lower binds first (a class used in another's signatures first).
    Binder(const char* name, int order, BindFunction bind);
};

// Called once by PYBIND11_MODULE.
void bindAll(py::module_& module);

}  // namespace pum::python
