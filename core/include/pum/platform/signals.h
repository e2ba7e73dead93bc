#pragma once
// Ctrl-C (SIGINT on POSIX), caught so that a command can cancel cleanly.
#include <functional>
#include <thread>

namespace pum::platform {

// From construction on, the first Ctrl-C sets interruptRequested() and calls
// `onInterrupt` on a thread of its own (a signal handler itself may do almost
// nothing); the next Ctrl-C ends the process as usual. One at a time.
class InterruptHandler {
public:
    explicit InterruptHandler(std::function<void()> onInterrupt);
    // Stops the thread; Ctrl-C stays caught.
    ~InterruptHandler();
    InterruptHandler(const InterruptHandler&) = delete;
    InterruptHandler& operator=(const InterruptHandler&) = delete;

private:
    std::thread thread_;
};

bool interruptRequested();

}  // namespace pum::platform
