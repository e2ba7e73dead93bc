// PythonFeedback (python_feedback.h): how the core reports to a caller's
// pum.feedback.Feedback. Nothing is added to the module: pum.feedback's classes
// are plain Python, which callers subclass.
#include "python_feedback.h"

namespace pum::python {

namespace {

// Python logging levels of Feedback::Level (Trace is pum's SQL level, 5).
constexpr int kLoggingLevels[] = {40, 30, 20, 10, 5};

}  // namespace

PythonFeedback::PythonFeedback(py::object feedback) : feedback_(std::move(feedback))
{
    logger_ = py::module_::import("logging").attr("getLogger")("pum");
    for (int i = 0; i < 5; ++i) enabled_[i] = logger_.attr("isEnabledFor")(kLoggingLevels[i]).cast<bool>();
}

template <typename Call>
void PythonFeedback::guarded(Call&& call) const
{
    if (error_.failed()) return;
    py::gil_scoped_acquire gil;
    try {
        call();
    } catch (py::error_already_set& raised) {
        error_.capture(std::move(raised));
    }
}

void PythonFeedback::log(Level level, const std::string& message)
{
    const int index = static_cast<int>(level);
    if (!enabled_[index]) return;
    guarded([&] { logger_.attr("log")(kLoggingLevels[index], "%s", message); });
}

void PythonFeedback::syncSteps(std::size_t done, std::size_t total) const
{
    auto progress = feedback_.attr("get_progress")().cast<std::pair<std::size_t, std::size_t>>();
    if (progress.second != total || progress.first > done) {
        feedback_.attr("set_total_steps")(total);
        progress.first = 0;
    }
    for (; progress.first < done; ++progress.first) feedback_.attr("increment_step")();
}

void PythonFeedback::step(const std::string& message, std::size_t done, std::size_t total)
{
    Feedback::step(message, done, total);  // the Debug log, as everywhere
    if (feedback_.is_none()) return;
    guarded([&] {
        // 0 of 0: a phase outside the files and hooks, which keeps the current count.
        if (total > 0) syncSteps(done, total);
        auto progress = feedback_.attr("get_progress")();
        feedback_.attr("report_progress")(message, progress[py::int_(0)], progress[py::int_(1)]);
    });
}

bool PythonFeedback::isCancelled() const
{
    if (error_.failed()) return true;  // a method raised: stop, then re-raise its error
    if (feedback_.is_none()) return false;
    bool cancelled = false;
    guarded([&] { cancelled = feedback_.attr("is_cancelled")().cast<bool>(); });
    return cancelled || error_.failed();
}

void PythonFeedback::lockCancellation()
{
    if (feedback_.is_none()) return;
    guarded([&] { feedback_.attr("lock_cancellation")(); });
}

void PythonFeedback::rethrowCallbackError() { error_.rethrow(); }

}  // namespace pum::python
