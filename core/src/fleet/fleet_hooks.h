#pragma once
// While a fleet runs in parallel, its Python hooks run one at a time: pum's
// runner changes the interpreter's sys.path and sys.modules for the length of
// a hook and gives the GIL up while the hook's SQL runs, so two hooks on two
// threads would see (and undo) each other's imports.
namespace pum::detail {

// For its lifetime, the registered ".py" runner (if any) is wrapped in one
// that lets a single hook check or run at a time, process-wide. Nested and
// concurrent guards share one wrapper; the last one out restores the runner.
class SerializedPythonHooks {
public:
    SerializedPythonHooks();
    ~SerializedPythonHooks();
    SerializedPythonHooks(const SerializedPythonHooks&) = delete;
    SerializedPythonHooks& operator=(const SerializedPythonHooks&) = delete;
};

}  // namespace pum::detail
