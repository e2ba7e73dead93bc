#include "pum/platform/socket_wait.h"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace pum::platform {

SocketWait waitForSocket(int socket, short events, std::chrono::milliseconds timeout)
{
    const short wanted = static_cast<short>(((events & kSocketReadable) ? POLLIN : 0) |
                                            ((events & kSocketWritable) ? POLLOUT : 0));
    pollfd fd{socket, wanted, 0};
    const int ready = poll(&fd, 1, static_cast<int>(timeout.count()));
    SocketWait wait;
    if (ready < 0) {
        wait.outcome = errno == EINTR ? SocketWait::Outcome::Interrupted : SocketWait::Outcome::Failed;
        if (errno != EINTR) wait.error = std::strerror(errno);
    } else if (ready > 0) {
        wait.outcome = SocketWait::Outcome::Ready;
        wait.readable = (fd.revents & (POLLIN | POLLERR | POLLHUP)) != 0;
    }
    return wait;
}

void shutDownSocket(int socket) { shutdown(socket, SHUT_RDWR); }

}  // namespace pum::platform
