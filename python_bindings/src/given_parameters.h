#pragma once
// Parameter values given from Python (a dict of Python values), as the core's
// typed ParameterValues. Shared by the bindings of the commands (pum.upgrader,
// pum.schema_migrations, pum.api). Need the GIL.
#include <pybind11/pybind11.h>

#include <optional>
#include <string>

#include "bridge.h"
#include "pum/module/config.h"
#include "pum/base/error.h"
#include "pum/module/parameter.h"

namespace pum::python {

// Each value by its Python type (int -> integer, str -> text...), undeclared names kept.
inline ParameterValues rawParameters(const py::handle& parameters)
{
    ParameterValues values;
    if (parameters.is_none()) return values;
    for (auto item : py::reinterpret_borrow<py::dict>(parameters)) {
        const std::string name = py::str(item.first);
        try {
            values[name] = toParameterValue(item.second);
        } catch (const ParameterError& error) {
            throw ParameterError(name, "parameter '" + name + "': " + error.what());
        }
    }
    return values;
}

// What the user gave, typed by the module's declarations (a Python int for a
// text parameter becomes its text; "2056" for an integer one, 2056); None
// means unset (the stored value or the default applies). The core resolves
// and checks the rest.
inline ParameterValues givenParameters(const Config& config, const py::handle& parameters)
{
    ParameterValues values;
    for (const auto& [name, value] : rawParameters(parameters)) {
        if (value.isNull()) continue;
        const ParameterDefinition* definition = config.parameter(name);
        try {
            values[name] = definition && definition->type != value.type()
                               ? ParameterValue::parse(definition->type, value.text())
                               : value;
        } catch (const ParameterError& error) {
            throw ParameterError(name, "parameter '" + name + "': " + error.what());
        }
    }
    return values;
}

}  // namespace pum::python
