#pragma once
// The one channel through which the engine reports progress and learns about
// cancellation. The core never prints: the CLI, Python and the plugin each
// implement this.
#include <cstddef>
#include <string>

namespace pum {

class Feedback {
public:
    enum class Level { Error, Warning, Info, Debug, Trace };

    virtual ~Feedback() = default;

    // Info: commands and versions; Debug: each file and hook; Trace: each statement.
    virtual void log(Level level, const std::string& message) { (void)level; (void)message; }
    // `done` of `total` steps (statements) are finished; `current` is the file or hook now running.
    virtual void progress(std::size_t done, std::size_t total, const std::string& current)
    {
        (void)done; (void)total; (void)current;
    }
    // Polled between statements and files; may be called from the worker thread.
    virtual bool isCancelled() const { return false; }

    // A step of the command worded for its user, as pum reports them (pum's
    // report_progress): "Creating migrations table", "Executing <file>",
    // "Committing changes"; `done` of `total` files and hooks are finished.
    // Shown with the Debug log by default.
    virtual void step(const std::string& message, std::size_t done, std::size_t total);
    // The command starts committing: from here on it cannot be cancelled
    // (isCancelled() is no longer polled).
    virtual void lockCancellation() {}

    // Throws CancelledError when isCancelled().
    void throwIfCancelled() const;
};

// A Feedback that ignores everything (default for API users that don't care).
class NullFeedback : public Feedback {};

}  // namespace pum
