#pragma once
// The log panel: the engine's messages, coloured by level, newest at the bottom.
#include <QPlainTextEdit>

namespace pumqt {

class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    // Messages above this level (pum::Feedback::Level as int) are not shown.
    void setMaximumLevel(int level) { maximumLevel_ = level; }
    int maximumLevel() const { return maximumLevel_; }

public slots:
    // `level` is a pum::Feedback::Level.
    void appendMessage(int level, const QString& message);

private:
    int maximumLevel_;
};

}  // namespace pumqt
