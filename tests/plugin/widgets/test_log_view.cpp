#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

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
