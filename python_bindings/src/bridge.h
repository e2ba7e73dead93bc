#pragma once
// What the extension and the embedded hook runner share: core errors raised
// as `pum.exceptions` types, Python values as typed parameter values, and the
// ".py" runner itself. Every function here needs the GIL.
#include <pybind11/pybind11.h>

#include <string>

#include "pum/base/error.h"
#include "pum/module/parameter.h"

namespace pum::python {

namespace py = pybind11;

// Sets the Python error matching `error` (PumSqlError with sqlstate, file and
// line for SqlError...). Callers then throw py::error_already_set.
void setPythonError(const std::exception& error);

// Rethrows a Python error as a core error: PumCancelled -> CancelledError,
// anything else -> HookError whose message is the exception's text (the
// runner has already put the hook's file, line and traceback in it).
[[noreturn]] void rethrowAsCoreError(py::error_already_set& error);

// A Python value as a parameter value: bool -> boolean, int -> integer,
// Decimal/float -> decimal, str -> text, os.PathLike -> path, None -> NULL text.
ParameterValue toParameterValue(const py::handle& value);
// The inverse: bool, int, decimal.Decimal, str, pathlib.Path or None.
py::object toPython(const ParameterValue& value);

// Registers the ".py" runner in HookRegistry (replacing any earlier one).
void registerHookRunner();

}  // namespace pum::python
