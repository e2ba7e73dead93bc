#include <gtest/gtest.h>

#include "log_view.h"
#include "pum/feedback.h"

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
