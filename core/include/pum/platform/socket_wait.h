#pragma once
// Waiting on a socket (libpq's) until it can be read or written.
#include <chrono>
#include <string>

namespace pum::platform {

// What to wait for, or-ed together.
inline constexpr short kSocketReadable = 1;
inline constexpr short kSocketWritable = 2;

struct SocketWait {
    enum class Outcome { Ready, TimedOut, Interrupted, Failed };
    Outcome outcome = Outcome::TimedOut;
    bool readable = false;  // Ready: there is something to read, or the socket is closed or in error
    std::string error;      // Failed: why
};

SocketWait waitForSocket(int socket, short events, std::chrono::milliseconds timeout);

// Ends both directions of the socket at once (it stays open): every later
// read or write on it fails.
void shutDownSocket(int socket);

}  // namespace pum::platform
