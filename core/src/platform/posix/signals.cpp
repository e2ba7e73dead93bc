#include "pum/platform/signals.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace pum::platform {

namespace {

std::atomic<bool> interrupted{false};
int wakePipe[2] = {-1, -1};

void onSignal(int)
{
    // A signal handler may only set flags and write(): the handler's thread does the rest.
    interrupted = true;
    std::signal(SIGINT, SIG_DFL);
    const int saved = errno;
    const char wake = 1;
    if (wakePipe[1] >= 0) {
        const ssize_t written = write(wakePipe[1], &wake, 1);
        (void)written;
    }
    errno = saved;
}

}  // namespace

InterruptHandler::InterruptHandler(std::function<void()> onInterrupt)
{
    if (pipe2(wakePipe, O_CLOEXEC) == 0) {
        thread_ = std::thread([fd = wakePipe[0], onInterrupt = std::move(onInterrupt)] {
            for (;;) {
                char byte = 0;
                const ssize_t n = read(fd, &byte, 1);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0 || byte == 0) return;  // 0: the handler is going away
                onInterrupt();
            }
        });
    }
    std::signal(SIGINT, onSignal);
}

InterruptHandler::~InterruptHandler()
{
    if (!thread_.joinable()) return;
    const char stop = 0;
    const ssize_t written = write(wakePipe[1], &stop, 1);
    (void)written;
    thread_.join();
}

bool interruptRequested() { return interrupted.load(); }

}  // namespace pum::platform
