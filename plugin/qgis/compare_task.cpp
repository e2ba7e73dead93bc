#include "compare_task.h"

#include <QElapsedTimer>

#include "pum/db/database.h"
#include "pum/base/error.h"

namespace pumqgis {

CompareTask::CompareTask(CompareRequest request, const QString& description)
    : QgsTask(description, QgsTask::CanCancel), request_(std::move(request))
{
}

void CompareTask::cancel()
{
    cancelled_.store(true);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (pum::Connection* connection : {first_, second_})
            if (connection)
                connection->requestCancel();
    }
    QgsTask::cancel();
}

void CompareTask::attach(pum::Connection* first, pum::Connection* second)
{
    std::lock_guard<std::mutex> lock(mutex_);
    first_ = first;
    second_ = second;
}

bool CompareTask::run()
{
    QElapsedTimer timer;
    timer.start();
    try {
        compare();
        result_.ok = true;
    } catch (const std::exception& e) {
        // A cancelled read surfaces as CancelledError or as the server's "canceling statement".
        result_.cancelled = cancelled_.load();
        result_.message = result_.cancelled ? tr("Comparison cancelled.")
                                            : tr("Comparison failed: %1").arg(QString::fromUtf8(e.what()));
    }
    result_.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (result_.ok) {
        const int count = static_cast<int>(result_.report->differenceCount());
        result_.message = result_.equal()
                              ? tr("%1 and %2 are equal.").arg(request_.firstName, request_.secondName)
                              : tr("%1 and %2 differ (differences: %3).")
                                    .arg(request_.firstName, request_.secondName)
                                    .arg(count);
    }
    return result_.ok;
}

void CompareTask::compare()
{
    // Cancel works while connecting too; connect_timeout (else 10 s) bounds it.
    const auto cancelled = [this] { return cancelled_.load(); };
    pum::Connection first = pum::Connection::open(request_.first, cancelled);
    pum::Connection second = pum::Connection::open(request_.second, cancelled);
    attach(&first, &second);
    struct Detach {
        CompareTask* task;
        ~Detach() { task->attach(nullptr, nullptr); }
    } detach{this};
    // A cancel that came before attach() found no connection to interrupt.
    if (cancelled_.load())
        throw pum::CancelledError();
    result_.report = pum::compareDatabases(first, second, request_.options);
}

void CompareTask::finished(bool)
{
    emit completed(result_);
}

}  // namespace pumqgis
