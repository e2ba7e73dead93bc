#pragma once
// `pum validate` in a QgsTask: the module checked offline (PostgreSQL's parser
// over every SQL file, Python hooks compiled in a child interpreter), off the
// UI thread since a large module takes a second.
#include <QString>

#include "qgstaskmanager.h"

#include "pum/validate/validate.h"

namespace pumqgis {

class ValidateTask : public QgsTask {
    Q_OBJECT
public:
    ValidateTask(QString moduleDirectory, pum::ValidateOptions options);

    const QString& moduleDirectory() const { return moduleDirectory_; }

signals:
    // On the UI thread, when the task is over (before the task manager deletes it).
    // `error` is set only when validation itself could not run (out of memory...).
    void completed(const pum::ValidationReport& report, const QString& error);

protected:
    bool run() override;
    void finished(bool result) override;

private:
    QString moduleDirectory_;
    pum::ValidateOptions options_;
    pum::ValidationReport report_;
    QString error_;
};

}  // namespace pumqgis
