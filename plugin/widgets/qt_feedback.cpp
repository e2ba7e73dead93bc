#include "qt_feedback.h"

#include "pum/db/database.h"

namespace pumqt {

QtFeedback::QtFeedback(QObject* parent) : QObject(parent) {}

void QtFeedback::log(Level level, const std::string& message)
{
    emit logged(static_cast<int>(level), QString::fromStdString(message));
}

void QtFeedback::progress(std::size_t done, std::size_t total, const std::string& current)
{
    const auto now = std::chrono::steady_clock::now();
    // Always report a new file and the last step; throttle the rest.
    const bool newFile = current != lastCurrent_;
    const bool last = total > 0 && done >= total;
    if (!newFile && !last && now - lastProgress_ < interval_)
        return;
    lastProgress_ = now;
    lastCurrent_ = current;
    emit progressed(static_cast<qint64>(done), static_cast<qint64>(total), QString::fromStdString(current));
}

void QtFeedback::setConnection(pum::Connection* connection)
{
    std::lock_guard<std::mutex> lock(mutex_);
    connection_ = connection;
}

void QtFeedback::cancel()
{
    cancelled_.store(true);
    std::lock_guard<std::mutex> lock(mutex_);
    if (connection_)
        connection_->requestCancel();
}

}  // namespace pumqt
