#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <cstdio>
#include <tuple>

#include "log_view.h"
#include "pum/base/feedback.h"

using Level = pum::Feedback::Level;

TEST(LogView, ShowsMessagesUpToItsLevelEscaped)
{
    pumqt::LogView view;
    view.setMaximumLevel(static_cast<int>(Level::Info));
    view.appendMessage(static_cast<int>(Level::Info), QStringLiteral("installing <schema> 1.0.0"));
    view.appendMessage(static_cast<int>(Level::Debug), QStringLiteral("hidden detail"));
    view.appendMessage(static_cast<int>(Level::Error), QStringLiteral("boom"));
    const QString text = view.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("installing <schema> 1.0.0"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("hidden detail")));
    EXPECT_TRUE(text.contains(QStringLiteral("Error: boom")));
    EXPECT_EQ(view.document()->blockCount(), 2);
}

TEST(LogView, DoubleClickOnAFindingEmitsItsPlace)
{
    pumqt::LogView view;
    view.resize(600, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.appendMessage(static_cast<int>(Level::Info), QStringLiteral("Validating"));
    view.appendLocatedMessage(static_cast<int>(Level::Error), QStringLiteral("a.sql:3:7: error: syntax error"),
                              QStringLiteral("/m/a.sql"), 3, 7);
    view.appendMessage(static_cast<int>(Level::Info), QStringLiteral("1 error"));
    QSignalSpy spy(&view, &pumqt::LogView::locationActivated);

    auto centreOf = [&](int block) {
        return view.cursorRect(QTextCursor(view.document()->findBlockByNumber(block))).center() + QPoint(20, 0);
    };
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, centreOf(0));
    EXPECT_EQ(spy.count(), 0) << "a message without a place leads nowhere";
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, centreOf(1));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("/m/a.sql"));
    EXPECT_EQ(spy.at(0).at(1).toInt(), 3);
    EXPECT_EQ(spy.at(0).at(2).toInt(), 7);

    pumqt::LogView::Location location;
    EXPECT_FALSE(view.locationOf(2, &location));
    EXPECT_TRUE(view.locationOf(1, &location));
    EXPECT_EQ(location.line, 3);
}

namespace {
// The block (message) whose text holds `text`, or -1.
int blockHolding(const pumqt::LogView& view, const QString& text)
{
    for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next())
        if (b.text().contains(text))
            return b.blockNumber();
    return -1;
}

void logOneOfEach(pumqt::LogView& view)
{
    view.appendMessage(static_cast<int>(Level::Error), QStringLiteral("an error"));
    view.appendMessage(static_cast<int>(Level::Warning), QStringLiteral("a warning"));
    view.appendMessage(static_cast<int>(Level::Info), QStringLiteral("an info\non two lines"));
    view.appendMessage(static_cast<int>(Level::Debug), QStringLiteral("NOTICE: a server notice"));
    view.appendMessage(static_cast<int>(Level::Trace), QStringLiteral("a statement"));
}
}  // namespace

TEST(LogView, ThreeLevelsLikeTheCli)
{
    pumqt::LogView view;
    EXPECT_EQ(view.verbosity(), pumqt::LogView::Verbosity::Normal);  // the default
    logOneOfEach(view);
    EXPECT_EQ(view.document()->blockCount(), 3) << view.toPlainText().toStdString();
    EXPECT_NE(blockHolding(view, QStringLiteral("an info")), -1);
    EXPECT_EQ(blockHolding(view, QStringLiteral("a server notice")), -1);

    view.setVerbosity(pumqt::LogView::Verbosity::Warnings);
    EXPECT_EQ(view.document()->blockCount(), 2) << view.toPlainText().toStdString();
    EXPECT_EQ(blockHolding(view, QStringLiteral("Error: an error")), 0);
    EXPECT_EQ(blockHolding(view, QStringLiteral("Warning: a warning")), 1);
    EXPECT_EQ(blockHolding(view, QStringLiteral("an info")), -1);

    // Detailed shows the debug and trace lines logged before it was chosen.
    view.setVerbosity(pumqt::LogView::Verbosity::Detailed);
    EXPECT_EQ(view.verbosity(), pumqt::LogView::Verbosity::Detailed);
    EXPECT_EQ(view.document()->blockCount(), 5) << view.toPlainText().toStdString();
    EXPECT_EQ(blockHolding(view, QStringLiteral("NOTICE: a server notice")), 3);
    EXPECT_EQ(blockHolding(view, QStringLiteral("a statement")), 4);
    EXPECT_EQ(blockHolding(view, QStringLiteral("on two lines")), 2) << "a message stays one block";

    view.setVerbosity(pumqt::LogView::Verbosity::Normal);
    EXPECT_EQ(view.document()->blockCount(), 3);
    EXPECT_EQ(view.messageCount(), 5);
}

TEST(LogView, SaveWritesEveryKeptMessageWithTimeAndLevel)
{
    pumqt::LogView view;
    view.setVerbosity(pumqt::LogView::Verbosity::Warnings);
    logOneOfEach(view);
    view.appendLocatedMessage(static_cast<int>(Level::Error), QStringLiteral("a.sql:3:7: error: syntax error"),
                              QStringLiteral("/m/a.sql"), 3, 7);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pum.log"));
    QString error;
    ASSERT_TRUE(view.saveTo(path, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 7) << lines.join(QLatin1Char('|')).toStdString();
    const QRegularExpression head(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (\\w+) +(.*)$"));
    // Line of the file, level, message: the continuation of the info is line 3.
    const std::tuple<int, const char*, const char*> expected[] = {
        {0, "ERROR", "an error"},  {1, "WARNING", "a warning"}, {2, "INFO", "an info"},
        {4, "DEBUG", "NOTICE: a server notice"}, {5, "TRACE", "a statement"},
        {6, "ERROR", "a.sql:3:7: error: syntax error"}};
    for (const auto& [line, level, text] : expected) {
        const auto match = head.match(lines[line]);
        ASSERT_TRUE(match.hasMatch()) << lines[line].toStdString();
        EXPECT_EQ(match.captured(1), QLatin1String(level));
        EXPECT_EQ(match.captured(2), QLatin1String(text));
    }
    // The second line of a message is indented under it, not a message of its own.
    EXPECT_EQ(lines[3].trimmed(), QStringLiteral("on two lines"));
    EXPECT_TRUE(lines[3].startsWith(QStringLiteral("     "))) << lines[3].toStdString();

    EXPECT_FALSE(view.saveTo(dir.filePath(QStringLiteral("no/such/folder/pum.log")), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(LogView, PlacesSurviveAChangeOfLevel)
{
    pumqt::LogView view;
    view.resize(600, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.appendMessage(static_cast<int>(Level::Info), QStringLiteral("Validating"));
    view.appendMessage(static_cast<int>(Level::Debug), QStringLiteral("a debug line"));
    view.appendLocatedMessage(static_cast<int>(Level::Warning), QStringLiteral("b.sql:9:1: warning: odd"),
                              QStringLiteral("/m/b.sql"), 9, 1);
    QSignalSpy spy(&view, &pumqt::LogView::locationActivated);
    for (auto verbosity : {pumqt::LogView::Verbosity::Detailed, pumqt::LogView::Verbosity::Warnings,
                           pumqt::LogView::Verbosity::Normal}) {
        view.setVerbosity(verbosity);
        const int block = blockHolding(view, QStringLiteral("b.sql:9:1"));
        ASSERT_NE(block, -1);
        pumqt::LogView::Location location;
        ASSERT_TRUE(view.locationOf(block, &location)) << static_cast<int>(verbosity);
        EXPECT_EQ(location.file, QStringLiteral("/m/b.sql"));
        EXPECT_EQ(location.line, 9);
        for (int other = 0; other < view.document()->blockCount(); ++other)
            EXPECT_EQ(view.locationOf(other, &location), other == block);
        const QTextCursor cursor(view.document()->findBlockByNumber(block));
        const QPoint at = view.cursorRect(cursor).center() + QPoint(20, 0);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, at);
    }
    ASSERT_EQ(spy.count(), 3);
    EXPECT_EQ(spy.at(2).at(0).toString(), QStringLiteral("/m/b.sql"));
    EXPECT_EQ(spy.at(2).at(1).toInt(), 9);
}

TEST(LogView, KeepsTheNewestMessagesOnly)
{
    pumqt::LogView view;
    const int total = pumqt::LogView::kMaxMessages + 10;
    for (int i = 0; i < total; ++i)
        view.appendMessage(static_cast<int>(Level::Trace), QStringLiteral("statement %1").arg(i));
    EXPECT_EQ(view.messageCount(), pumqt::LogView::kMaxMessages);
    EXPECT_EQ(view.document()->blockCount(), 1);  // none shown: only the empty block
    QElapsedTimer timer;
    timer.start();
    view.setVerbosity(pumqt::LogView::Verbosity::Detailed);
    const qint64 ms = timer.elapsed();
    std::printf("[ figures  ] %d kept messages shown again in %lld ms\n", pumqt::LogView::kMaxMessages,
                static_cast<long long>(ms));
    EXPECT_EQ(view.document()->blockCount(), pumqt::LogView::kMaxMessages);
    EXPECT_TRUE(view.document()->firstBlock().text().endsWith(QStringLiteral(" statement 10")))
        << view.document()->firstBlock().text().toStdString();
    EXPECT_TRUE(view.document()->lastBlock().text().endsWith(QStringLiteral(" statement %1").arg(total - 1)));
}
