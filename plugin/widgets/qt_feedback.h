#pragma once
// Bridges the core's Feedback (called on the worker thread) to Qt signals,
// which reach widgets on the UI thread as queued connections.
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <mutex>

#include "pum/base/feedback.h"

namespace pum {
class Connection;
}

namespace pumqt {

class QtFeedback : public QObject, public pum::Feedback {
    Q_OBJECT
public:
    explicit QtFeedback(QObject* parent = nullptr);

    void log(Level level, const std::string& message) override;
    void progress(std::size_t done, std::size_t total, const std::string& current) override;
    bool isCancelled() const override { return cancelled_.load(); }

    // The connection the engine is using, so cancel() can interrupt a running
    // statement instead of waiting for the next poll. nullptr when none.
    void setConnection(pum::Connection* connection);

    // Safe from any thread: raises the flag the engine polls and asks the
    // server to cancel the statement running now.
    void cancel();

    // Minimum time between two progressed() signals for the same file: the
    // engine reports every statement, and a real changelog has thousands.
    void setProgressInterval(std::chrono::milliseconds interval) { interval_ = interval; }

signals:
    void logged(int level, const QString& message);
    void progressed(qint64 done, qint64 total, const QString& current);

private:
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    pum::Connection* connection_ = nullptr;
    std::chrono::milliseconds interval_{50};
    std::chrono::steady_clock::time_point lastProgress_{};
    std::string lastCurrent_;
};

}  // namespace pumqt
