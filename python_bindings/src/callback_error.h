#pragma once
// The first exception a caller's Python callback (a pum.feedback.Feedback
// method, a pum.api progress/log/cancelled callback) raised during one
// command. The command stops at its next cancellation check and rolls back;
// the exception then reaches the caller. Cleared when a command starts and
// whenever it is raised, so that one run's error never resurfaces in the next.
#include <pybind11/pybind11.h>

#include <atomic>
#include <optional>
#include <utility>

namespace pum::python {

namespace py = pybind11;

class CallbackError {
public:
    // With the GIL (which also serialises every access to the stored exception).
    void capture(py::error_already_set&& raised)
    {
        if (!error_) error_.emplace(std::move(raised));  // the first one is the cause
        failed_ = true;
    }

    // Lock-free: polled by the core between statements, without the GIL.
    bool failed() const { return failed_; }

    // With the GIL: forgets a captured exception (a new command starts).
    void clear()
    {
        failed_ = false;
        error_.reset();
    }

    // With the GIL: raises the captured exception, if any, and forgets it.
    void rethrow()
    {
        if (!failed_) return;
        failed_ = false;
        if (!error_) return;
        py::error_already_set raised = std::move(*error_);
        error_.reset();
        throw raised;
    }

private:
    std::atomic<bool> failed_{false};
    std::optional<py::error_already_set> error_;
};

}  // namespace pum::python
