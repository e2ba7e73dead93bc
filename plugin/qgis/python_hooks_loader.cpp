#include "python_hooks_loader.h"

#include <QCoreApplication>

#include "pum/run/python_hook_loader.h"

namespace pumqgis {

// The core loads the runner exactly as the command line does (one piece of
// code, so a hook that runs from `pum` runs the same in QGIS); this only puts
// its outcome into the user's language.
bool loadPythonHooks(QString* error)
{
    const pum::PythonHooksLoad& loaded = pum::loadPythonHooks();
    const QString library = QString::fromStdString(loaded.library);
    const QString detail = QString::fromStdString(loaded.detail);
    using Status = pum::PythonHooksLoad::Status;
    switch (loaded.status) {
    case Status::Loaded:
        return true;
    case Status::Missing:
        *error = QCoreApplication::translate("pumqgis::PythonHooks", "this module has Python hooks (.py), but this pum was built without Python hooks (%1 is missing)")
                     .arg(library.isEmpty() ? QStringLiteral("libpum_python_hooks.so") : library);
        break;
    case Status::OpenFailed:
        *error = QCoreApplication::translate("pumqgis::PythonHooks", "cannot load the Python hook runner: %1").arg(detail);
        break;
    case Status::NoEntryPoint:
        *error = QCoreApplication::translate("pumqgis::PythonHooks", "%1 has no pum_python_register").arg(library);
        break;
    case Status::StartFailed:
        // e.g. which package a hook needs that QGIS's Python lacks.
        *error = detail;
        break;
    }
    return false;
}

}  // namespace pumqgis
