#include "log_view.h"

#include <QFontDatabase>
#include <QTextCursor>
#include <QTime>

#include "pum/feedback.h"

namespace pumqt {

using Level = pum::Feedback::Level;

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
    const QString text = (prefix + message).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    html += colour.isEmpty() ? text : QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text);
    appendHtml(html);
    // Follow the newest message (appendHtml only does while already at the end).
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

}  // namespace pumqt
