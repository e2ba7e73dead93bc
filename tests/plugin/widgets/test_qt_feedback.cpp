#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QThread>

#include <thread>

#include "pum/base/error.h"
#include "qt_feedback.h"

TEST(QtFeedback, ForwardsLogAndThrottlesProgress)
{
    pumqt::QtFeedback feedback;
    QSignalSpy logs(&feedback, &pumqt::QtFeedback::logged);
    QSignalSpy steps(&feedback, &pumqt::QtFeedback::progressed);
    feedback.setProgressInterval(std::chrono::hours(1));

    feedback.log(pum::Feedback::Level::Warning, "careful");
    ASSERT_EQ(logs.count(), 1);
    EXPECT_EQ(logs.at(0).at(0).toInt(), static_cast<int>(pum::Feedback::Level::Warning));
    EXPECT_EQ(logs.at(0).at(1).toString(), QStringLiteral("careful"));

    // 1000 statements in two files: only each new file and the last step get through.
    for (std::size_t i = 1; i <= 1000; ++i)
        feedback.progress(i, 1000, i <= 500 ? "a.sql" : "b.sql");
    ASSERT_EQ(steps.count(), 3);
    EXPECT_EQ(steps.at(0).at(2).toString(), QStringLiteral("a.sql"));
    EXPECT_EQ(steps.at(1).at(2).toString(), QStringLiteral("b.sql"));
    EXPECT_EQ(steps.at(2).at(0).toLongLong(), 1000);
}

TEST(QtFeedback, SignalsFromAWorkerThreadArriveQueued)
{
    pumqt::QtFeedback feedback;
    QThread* receiverThread = nullptr;
    QObject receiver;
    QObject::connect(&feedback, &pumqt::QtFeedback::logged, &receiver,
                     [&](int, const QString&) { receiverThread = QThread::currentThread(); });
    std::thread worker([&] { feedback.log(pum::Feedback::Level::Info, "from worker"); });
    worker.join();
    EXPECT_EQ(receiverThread, nullptr);  // not delivered on the worker
    QCoreApplication::processEvents();
    EXPECT_EQ(receiverThread, QThread::currentThread());
}

TEST(QtFeedback, CancelIsSeenByTheEngine)
{
    pumqt::QtFeedback feedback;
    EXPECT_FALSE(feedback.isCancelled());
    EXPECT_NO_THROW(feedback.throwIfCancelled());
    std::thread other([&] { feedback.cancel(); });
    other.join();
    EXPECT_TRUE(feedback.isCancelled());
    EXPECT_THROW(feedback.throwIfCancelled(), pum::CancelledError);
}
