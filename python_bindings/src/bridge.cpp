#include "bridge.h"

#include <cmath>

namespace pum::python {

namespace {

py::object exceptionType(const char* name)
{
    return py::module_::import("pum.exceptions").attr(name);
}

}  // namespace

void setPythonError(const std::exception& error)
{
    // Most specific first: SqlError and the others all derive from pum::Error.
    const char* type = "PumException";
    py::dict kwargs;
    if (auto* sql = dynamic_cast<const SqlError*>(&error)) {
        type = "PumSqlError";
        const SqlErrorInfo& info = sql->info();
        kwargs["sqlstate"] = info.sqlstate.empty() ? py::object(py::none()) : py::str(info.sqlstate);
        kwargs["file"] = info.file.empty() ? py::object(py::none()) : py::str(info.file);
        kwargs["line"] = info.line > 0 ? py::object(py::int_(info.line)) : py::object(py::none());
        kwargs["detail"] = info.detail;
        kwargs["hint"] = info.hint;
        kwargs["statement"] = info.statement;
    } else if (auto* config = dynamic_cast<const ConfigError*>(&error)) {
        type = "PumConfigError";
        kwargs["file"] = config->file();
        kwargs["line"] = config->line() > 0 ? py::object(py::int_(config->line())) : py::object(py::none());
        kwargs["key"] = config->key();
    } else if (auto* parameter = dynamic_cast<const ParameterError*>(&error)) {
        type = "PumParameterError";
        kwargs["name"] = parameter->name();
    } else if (dynamic_cast<const HookError*>(&error)) {
        type = "PumHookError";
    } else if (dynamic_cast<const ConnectionError*>(&error)) {
        type = "PumConnectionError";
    } else if (dynamic_cast<const CommandError*>(&error)) {
        type = "PumCommandError";
    } else if (dynamic_cast<const CancelledError*>(&error)) {
        type = "PumCancelled";
    } else if (!dynamic_cast<const Error*>(&error)) {
        PyErr_SetString(PyExc_RuntimeError, error.what());
        return;
    }
    try {
        py::object instance = exceptionType(type)(error.what(), **kwargs);
        PyErr_SetObject(py::type::handle_of(instance).ptr(), instance.ptr());
    } catch (py::error_already_set& failed) {
        // pum.exceptions itself failed to import: keep that error, it says why.
        failed.restore();
    }
}

void rethrowAsCoreError(py::error_already_set& error)
{
    std::string message;
    bool cancelled = false;
    try {
        cancelled = error.matches(exceptionType("PumCancelled"));
        message = py::str(error.value());
    } catch (py::error_already_set& again) {
        message = again.what();
    }
    if (cancelled)
        throw CancelledError();
    if (message.empty())
        message = error.what();
    throw HookError(message);
}

ParameterValue toParameterValue(const py::handle& value)
{
    if (value.is_none())
        return ParameterValue::null(ParameterType::Text);
    if (py::isinstance<py::bool_>(value))
        return ParameterValue::parse(ParameterType::Boolean, value.cast<bool>() ? "true" : "false");
    if (py::isinstance<py::int_>(value))
        return ParameterValue::parse(ParameterType::Integer, py::str(value).cast<std::string>());
    py::module_ decimal = py::module_::import("decimal");
    if (py::isinstance(value, decimal.attr("Decimal")) || py::isinstance<py::float_>(value)) {
        if (py::isinstance<py::float_>(value) && !std::isfinite(value.cast<double>()))
            throw ParameterError("", "a decimal parameter must be a finite number");
        // Through Decimal(str(x)) so 0.1 stays 0.1, and 'f' so there is never an exponent.
        py::object exact = decimal.attr("Decimal")(py::str(value));
        std::string text = py::str(py::module_::import("builtins").attr("format")(exact, "f"));
        return ParameterValue::parse(ParameterType::Decimal, text);
    }
    if (py::isinstance<py::str>(value))
        return ParameterValue::parse(ParameterType::Text, value.cast<std::string>());
    py::module_ os = py::module_::import("os");
    if (py::isinstance(value, os.attr("PathLike")))
        return ParameterValue::parse(ParameterType::Path, py::str(os.attr("fspath")(value)).cast<std::string>());
    throw ParameterError("", "unsupported parameter value of Python type " +
                                 py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>() +
                                 " (use bool, int, decimal.Decimal, float, str, pathlib.Path or None)");
}

py::object toPython(const ParameterValue& value)
{
    if (value.isNull())
        return py::none();
    const std::string& text = value.text();
    switch (value.type()) {
    case ParameterType::Boolean:
        return py::bool_(text == "true");
    case ParameterType::Integer:
        return py::int_(py::int_(py::str(text)));
    case ParameterType::Decimal:
        return py::module_::import("decimal").attr("Decimal")(text);
    case ParameterType::Path:
        return py::module_::import("pathlib").attr("Path")(text);
    case ParameterType::Text:
        break;
    }
    return py::str(text);
}

}  // namespace pum::python
