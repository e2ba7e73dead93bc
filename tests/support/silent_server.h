#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace pum::test {

// A TCP port that completes the handshake (the kernel's backlog) and never
// says a word: what a hung server or a dead VPN link looks like to libpq.
class SilentServer {
public:
    SilentServer()
    {
        fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd_, 4) != 0 ||
            getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("cannot listen on 127.0.0.1");
        port_ = ntohs(address.sin_port);
    }
    ~SilentServer() { close(fd_); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
    int port() const { return port_; }
    std::string conninfo(const std::string& extra = {}) const
    {
        return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=nowhere user=nobody " + extra;
    }
    // True once a client's connection waits in the backlog.
    bool waitForClient(std::chrono::seconds limit = std::chrono::seconds(20)) const
    {
        pollfd p{fd_, POLLIN, 0};
        return poll(&p, 1, static_cast<int>(std::chrono::milliseconds(limit).count())) == 1;
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace pum::test
