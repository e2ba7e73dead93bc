#include "python_hooks_loader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <dlfcn.h>

#include <memory>

#include "pum/error.h"
#include "pum/hook.h"
#include "pum/upgrader.h"

namespace pumqgis {

namespace {

// The signature of pum_python_register (python_bindings/include/pum/python_hooks.h,
// not included: that part of the tree may not be built).
using RegisterFunction = int (*)(char* error, std::size_t size);

class UnavailableRunner : public pum::HookRunner {
public:
    explicit UnavailableRunner(std::string reason) : reason_(std::move(reason)) {}
    void check(const pum::HookDefinition& hook, const pum::Config&) override { fail(hook); }
    void run(const pum::HookDefinition& hook, pum::HookContext&) override { fail(hook); }

private:
    [[noreturn]] void fail(const pum::HookDefinition& hook) const
    {
        throw pum::HookError(hook.describe() + ": " + reason_);
    }
    std::string reason_;
};

// Next to libpum, wherever the dynamic linker found it (build tree or install).
QString hooksLibrary()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&pum::toolVersion), &info) == 0 || !info.dli_fname)
        return QString();
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalPath() +
           QStringLiteral("/libpum_python_hooks.so");
}

bool tryLoad(QString* error)
{
    const QString path = hooksLibrary();
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        *error = QCoreApplication::translate("pumqgis::PythonHooks", "this module has Python hooks (.py), but this pum was built without Python hooks (%1 is missing)")
                     .arg(path.isEmpty() ? QStringLiteral("libpum_python_hooks.so") : path);
        return false;
    }
    void* handle = dlopen(path.toLocal8Bit().constData(), RTLD_NOW | RTLD_GLOBAL);
    if (!handle) {
        *error = QCoreApplication::translate("pumqgis::PythonHooks", "cannot load the Python hook runner: %1").arg(QString::fromLocal8Bit(dlerror()));
        return false;
    }
    auto registerHooks = reinterpret_cast<RegisterFunction>(dlsym(handle, "pum_python_register"));
    if (!registerHooks) {
        *error = QCoreApplication::translate("pumqgis::PythonHooks", "%1 has no pum_python_register").arg(path);
        return false;
    }
    char message[1024] = {0};
    if (registerHooks(message, sizeof message) != 0) {
        // e.g. which package a hook needs that QGIS's Python lacks.
        *error = QString::fromUtf8(message);
        return false;
    }
    return true;
}

}  // namespace

bool loadPythonHooks(QString* error)
{
    static bool loaded = false;
    static QString failure;
    if (loaded)
        return true;
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    if (tryLoad(&failure)) {
        loaded = true;
        return true;
    }
    if (!pum::HookRegistry::instance().find(".py"))
        pum::HookRegistry::instance().add(".py", std::make_shared<UnavailableRunner>(failure.toStdString()));
    *error = failure;
    return false;
}

}  // namespace pumqgis
