#pragma once
// The log panel: the engine's messages, coloured by level, newest at the bottom.
// It keeps every message it receives (the newest kMaxMessages), with its level
// and time, and shows those up to the chosen level: a level chosen later shows
// what was logged before (the server's NOTICEs, logged at debug level, on
// demand after the fact). A message may carry a place in a file (a validation
// finding): double-clicking it emits locationActivated, for the dialog to open
// that file at that line.
#include <QDateTime>
#include <QPlainTextEdit>

#include <deque>
#include <optional>

namespace pumqt {

class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    // A datamodel has tens of thousands of statements: memory stays bounded.
    static constexpr int kMaxMessages = 20000;

    // The three levels a user chooses from, as the CLI's -q, default and -v/-vv:
    // errors and warnings; info too; debug and trace too.
    enum class Verbosity { Warnings, Normal, Detailed };
    static QString verbosityName(Verbosity verbosity);
    void setVerbosity(Verbosity verbosity);
    Verbosity verbosity() const;

    // Messages above this level (pum::Feedback::Level as int) are kept but not
    // shown; changing it shows the kept messages again at the new level.
    void setMaximumLevel(int level);
    int maximumLevel() const { return maximumLevel_; }

    // The place of the message in block `blockNumber`, if it has one.
    struct Location {
        QString file;  // absolute
        int line = 0;
        int column = 0;
    };
    bool locationOf(int blockNumber, Location* location) const;

    // Every kept message, shown or not, one a line with its date, time and
    // level, into `path` (UTF-8). False, with the reason in `error`, when it
    // cannot be written.
    bool saveTo(const QString& path, QString* error = nullptr) const;
    int messageCount() const { return static_cast<int>(messages_.size()); }

public slots:
    // `level` is a pum::Feedback::Level.
    void appendMessage(int level, const QString& message);
    // A message about `file` at `line` (1-based, 0 for the whole file) and `column` (0: unknown).
    void appendLocatedMessage(int level, const QString& message, const QString& file, int line, int column);

signals:
    void locationActivated(const QString& file, int line, int column);

protected:
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    struct Message {
        QDateTime time;
        int level = 0;
        QString text;
        std::optional<Location> location;  // a finding: shown without a level prefix
    };
    void keep(Message message);
    void renderMessage(const Message& message, QTextCursor& cursor);
    void renderAll();

    int maximumLevel_;
    std::deque<Message> messages_;
};

}  // namespace pumqt
