#include "log_view.h"

#include <QColor>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextBlockUserData>
#include <QTextCursor>
#include <QTextFormat>

#include "pum/base/feedback.h"

namespace pumqt {

using Level = pum::Feedback::Level;

namespace {
// Owned by the block it is set on (QTextBlock::setUserData).
struct LocationData : QTextBlockUserData {
    explicit LocationData(LogView::Location where) : location(std::move(where)) {}
    LogView::Location location;
};

// The level's word in a saved log: fixed English, like the engine's own lines,
// so that a saved log reads (and greps) the same whatever the language.
QString levelWord(int level)
{
    switch (static_cast<Level>(level)) {
    case Level::Error:
        return QStringLiteral("ERROR");
    case Level::Warning:
        return QStringLiteral("WARNING");
    case Level::Info:
        return QStringLiteral("INFO");
    case Level::Debug:
        return QStringLiteral("DEBUG");
    case Level::Trace:
        break;
    }
    return QStringLiteral("TRACE");
}
}  // namespace

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent), maximumLevel_(static_cast<int>(Level::Info))
{
    setReadOnly(true);
    setUndoRedoEnabled(false);  // a log is never edited: no undo history to grow
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(kMaxMessages);
    setPlaceholderText(tr("The log of the running command appears here."));
}

QString LogView::verbosityName(Verbosity verbosity)
{
    switch (verbosity) {
    case Verbosity::Warnings:
        return tr("Warnings");
    case Verbosity::Normal:
        break;
    case Verbosity::Detailed:
        return tr("Detailed");
    }
    return tr("Normal");
}

void LogView::setVerbosity(Verbosity verbosity)
{
    switch (verbosity) {
    case Verbosity::Warnings:
        setMaximumLevel(static_cast<int>(Level::Warning));
        return;
    case Verbosity::Normal:
        setMaximumLevel(static_cast<int>(Level::Info));
        return;
    case Verbosity::Detailed:
        setMaximumLevel(static_cast<int>(Level::Trace));
        return;
    }
}

LogView::Verbosity LogView::verbosity() const
{
    if (maximumLevel_ <= static_cast<int>(Level::Warning))
        return Verbosity::Warnings;
    if (maximumLevel_ <= static_cast<int>(Level::Info))
        return Verbosity::Normal;
    return Verbosity::Detailed;
}

void LogView::setMaximumLevel(int level)
{
    if (level == maximumLevel_)
        return;
    maximumLevel_ = level;
    renderAll();
}

void LogView::appendMessage(int level, const QString& message)
{
    keep({QDateTime::currentDateTime(), level, message, std::nullopt});
}

void LogView::appendLocatedMessage(int level, const QString& message, const QString& file, int line, int column)
{
    keep({QDateTime::currentDateTime(), level, message, Location{file, line, column}});
}

void LogView::keep(Message message)
{
    messages_.push_back(std::move(message));
    if (messages_.size() > static_cast<std::size_t>(kMaxMessages))
        messages_.pop_front();
    const Message& kept = messages_.back();
    if (kept.level > maximumLevel_)
        return;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    renderMessage(kept, cursor);
    // Follow the newest message.
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

void LogView::renderMessage(const Message& message, QTextCursor& cursor)
{
    QTextCharFormat text;
    QString prefix;
    switch (static_cast<Level>(message.level)) {
    case Level::Error:
        text.setForeground(QColor(0xc0, 0x00, 0x00));
        prefix = tr("Error: ");
        break;
    case Level::Warning:
        text.setForeground(QColor(0xb3, 0x6b, 0x00));
        prefix = tr("Warning: ");
        break;
    case Level::Info:
        break;  // the palette's text colour
    case Level::Debug:
    case Level::Trace:
        text.setForeground(QColor(0x70, 0x70, 0x70));
        break;
    }
    if (message.location) {
        prefix.clear();  // a finding says "error:" itself
        text.setFontUnderline(true);  // a hint that it leads somewhere
    }
    if (!document()->isEmpty())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextCharFormat time;
    time.setForeground(QColor(0x90, 0x90, 0x90));
    cursor.insertText(message.time.toString(QStringLiteral("HH:mm:ss")), time);
    cursor.insertText(QStringLiteral(" "), QTextCharFormat());
    // One block per message (a line break inside it is not a new block), so
    // that a block number leads back to its message's place.
    QString body = prefix + message.text;
    body.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
    cursor.insertText(body, text);
    if (message.location)
        cursor.block().setUserData(new LocationData(*message.location));
}

void LogView::renderAll()
{
    clear();
    QTextCursor cursor(document());
    cursor.beginEditBlock();  // one layout pass for all of them
    for (const Message& message : messages_) {
        if (message.level <= maximumLevel_)
            renderMessage(message, cursor);
    }
    cursor.endEditBlock();
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

bool LogView::saveTo(const QString& path, QString* error) const
{
    QString text;
    for (const Message& message : messages_) {
        const QString head = message.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz ")) +
                             levelWord(message.level).leftJustified(8);
        // Continuation lines indented under the message, so that each line
        // starting with a date is one message.
        QString body = message.text;
        body.replace(QLatin1Char('\n'), QLatin1Char('\n') + QString(head.size(), QLatin1Char(' ')));
        text += head + body + QLatin1Char('\n');
    }
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit();
    if (!ok && error)
        *error = file.errorString();
    return ok;
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
