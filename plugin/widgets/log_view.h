#pragma once
// The log panel: the engine's messages, coloured by level, newest at the bottom.
// A message may carry a place in a file (a validation finding): double-clicking
// it emits locationActivated, for the dialog to open that file at that line.
#include <QPlainTextEdit>

namespace pumqt {

class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    // Messages above this level (pum::Feedback::Level as int) are not shown.
    void setMaximumLevel(int level) { maximumLevel_ = level; }
    int maximumLevel() const { return maximumLevel_; }

    // The place of the message in block `blockNumber`, if it has one.
    struct Location {
        QString file;  // absolute
        int line = 0;
        int column = 0;
    };
    bool locationOf(int blockNumber, Location* location) const;

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
    void append(int level, const QString& message, bool withPrefix);

    int maximumLevel_;
};

}  // namespace pumqt
