#pragma once
// The core's Feedback on a pum.feedback.Feedback object (or None): the core's
// step reports reach its report_progress (with get_progress() kept up to date
// through set_total_steps / increment_step), its cancellation checks reach
// is_cancelled(), and the commit reaches lock_cancellation(). The core's log
// goes to Python's `pum` logger, as pum logs. Implemented in bind_feedback.cpp.
#include <pybind11/pybind11.h>

#include "callback_error.h"
#include "pum/base/feedback.h"

namespace pum::python {

namespace py = pybind11;

class PythonFeedback : public Feedback {
public:
    // `feedback`: a pum.feedback.Feedback, or None. Needs the GIL (so does the destructor).
    explicit PythonFeedback(py::object feedback);

    void log(Level level, const std::string& message) override;
    void step(const std::string& message, std::size_t done, std::size_t total) override;
    bool isCancelled() const override;
    void lockCancellation() override;

    // After the core stopped on CancelledError: re-raises the exception a
    // method of the feedback object raised, if that is why it stopped.
    void rethrowCallbackError();

private:
    // Runs `call` with the GIL; an exception it raises stops the command.
    template <typename Call>
    void guarded(Call&& call) const;
    void syncSteps(std::size_t done, std::size_t total) const;

    py::object feedback_;
    py::object logger_;
    bool enabled_[5] = {};  // logger_.isEnabledFor() per Level, read once: the core logs every statement
    mutable CallbackError error_;
};

}  // namespace pum::python
