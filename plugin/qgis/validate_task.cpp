#include "validate_task.h"

#include <exception>

#include "pum/base/display_path.h"

namespace pumqgis {

ValidateTask::ValidateTask(QString moduleDirectory, pum::ValidateOptions options)
    : QgsTask(tr("Validate %1").arg(moduleDirectory), QgsTask::Flags()),
      moduleDirectory_(std::move(moduleDirectory)),
      options_(std::move(options))
{
}

bool ValidateTask::run()
{
    try {
        // Findings name their files relative to the module, wherever QGIS was started from.
        const pum::DisplayPathBase displayBase(moduleDirectory_.toStdString());
        report_ = pum::validateModule(moduleDirectory_.toStdString(), options_);
        return true;
    } catch (const std::exception& e) {
        error_ = QString::fromUtf8(e.what());
        return false;
    }
}

void ValidateTask::finished(bool result)
{
    (void)result;
    emit completed(report_, error_);
}

}  // namespace pumqgis
