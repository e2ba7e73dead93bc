#pragma once
// Loads the Python hook runner (built by python_bindings/) on demand, so that
// the CLI starts without Python when a module has no .py hook.
#include <string>

namespace pum::cli {

// Registers the ".py" hook runner with the core's HookRegistry. Returns false
// and sets `error` (what is missing and how to get it) when it cannot.
bool loadPythonHooks(std::string& error);

}  // namespace pum::cli
