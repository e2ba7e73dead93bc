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

    // Throws CancelledError when isCancelled().
    void throwIfCancelled() const;
};

// A Feedback that ignores everything (default for API users that don't care).
class NullFeedback : public Feedback {};

}  // namespace pum
