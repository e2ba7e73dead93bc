#pragma once
// Makes `.py` hooks runnable inside QGIS: loads libpum_python_hooks (built and
// installed next to libpum) on first need, which uses QGIS's own Python
// interpreter. When that fails, a stand-in runner makes any command with a
// `.py` hook fail before it starts, with the reason.
#include <QString>

namespace pumqgis {

// Call on the UI thread (the interpreter's main thread). Returns true when the
// runner is registered; otherwise `error` says why.
bool loadPythonHooks(QString* error);

}  // namespace pumqgis
