#include "log_view.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QTextBlock>
#include <QTextBlockUserData>
#include <QTextCursor>
#include <QTime>

#include "pum/base/feedback.h"

namespace pumqt {

using Level = pum::Feedback::Level;

namespace {
// Owned by the block it is set on (QTextBlock::setUserData).
struct LocationData : QTextBlockUserData {
    explicit LocationData(LogView::Location where) : location(std::move(where)) {}
    LogView::Location location;
};
}  // namespace

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent), maximumLevel_(static_cast<int>(Level::Debug))
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A datamodel has tens of thousands of statements: keep memory bounded.
    setMaximumBlockCount(20000);
    setPlaceholderText(tr("The log of the running command appears here."));
}

void LogView::appendMessage(int level, const QString& message)
{
    if (level > maximumLevel_)
        return;
    append(level, message, true);
}

void LogView::append(int level, const QString& message, bool withPrefix)
{
    QString colour;
    QString prefix;
    switch (static_cast<Level>(level)) {
    case Level::Error:
        colour = QStringLiteral("#c00000");
        prefix = tr("Error: ");
        break;
    case Level::Warning:
        colour = QStringLiteral("#b36b00");
        prefix = tr("Warning: ");
        break;
    case Level::Info:
        break;
    case Level::Debug:
    case Level::Trace:
        colour = QStringLiteral("#707070");
        break;
    }
    QString html = QStringLiteral("<span style=\"color:#909090\">%1</span> ")
                       .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    const QString text = ((withPrefix ? prefix : QString()) + message).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    html += colour.isEmpty() ? text : QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text);
    appendHtml(html);
    // Follow the newest message (appendHtml only does while already at the end).
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

void LogView::appendLocatedMessage(int level, const QString& message, const QString& file, int line, int column)
{
    if (level > maximumLevel_)
        return;
    // A finding says "error:" itself: no prefix.
    append(level, message, false);
    QTextBlock block = document()->lastBlock();
    block.setUserData(new LocationData({file, line, column}));
    // A hint that it leads somewhere: the message underlined, the time not.
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 9);  // past "HH:mm:ss "
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    QTextCharFormat underline;
    underline.setFontUnderline(true);
    cursor.mergeCharFormat(underline);
}

bool LogView::locationOf(int blockNumber, Location* location) const
{
    const QTextBlock block = document()->findBlockByNumber(blockNumber);
    const auto* found = block.isValid() ? dynamic_cast<const LocationData*>(block.userData()) : nullptr;
    if (!found)
        return false;
    *location = found->location;
    return true;
}

void LogView::mouseDoubleClickEvent(QMouseEvent* event)
{
    Location location;
    if (locationOf(cursorForPosition(event->pos()).blockNumber(), &location)) {
        emit locationActivated(location.file, location.line, location.column);
        event->accept();
        return;
    }
    QPlainTextEdit::mouseDoubleClickEvent(event);
}

}  // namespace pumqt
