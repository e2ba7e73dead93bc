#include "validate_task.h"

#include <exception>

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
