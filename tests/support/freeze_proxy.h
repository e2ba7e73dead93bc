#pragma once
// A TCP proxy on 127.0.0.1 that forwards to a server until freeze(); from
// then on it forwards nothing and answers no new connection (a cancel
// request included): a server host that hung, or a VPN link that died with
// its TCP connections still open.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace pum::test {

class FreezeProxy {
public:
    explicit FreezeProxy(int targetPort) : target_(targetPort)
    {
        listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address = loopback(0);
        socklen_t length = sizeof address;
        if (listener_ < 0 || bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            listen(listener_, 16) != 0 || getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("FreezeProxy: cannot listen on 127.0.0.1");
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { loop(); });
    }
    ~FreezeProxy()
    {
        stop_ = true;
        thread_.join();
        for (int fd : sockets_) close(fd);
        close(listener_);
    }
    FreezeProxy(const FreezeProxy&) = delete;
    FreezeProxy& operator=(const FreezeProxy&) = delete;

    int port() const { return port_; }
    void freeze() { frozen_ = true; }
    // True once a client has sent something the frozen proxy holds back.
    bool waitForClientData(int milliseconds = 20000)
    {
        std::vector<pollfd> fds;
        {
            std::lock_guard<std::mutex> lock(clientsMutex_);
            for (int fd : clients_) fds.push_back({fd, POLLIN, 0});
        }
        return !fds.empty() && poll(fds.data(), fds.size(), milliseconds) > 0;
    }
    // Connections accepted after freeze() (cancel requests): never answered.
    int unansweredConnections() const { return unanswered_.load(); }

private:
    static sockaddr_in loopback(int port)
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(port));
        return address;
    }

    void loop()
    {
        auto& pairs = pairs_;
        while (!stop_) {
            std::vector<pollfd> fds{{listener_, POLLIN, 0}};
            if (!frozen_)
                for (auto [client, server] : pairs) {
                    fds.push_back({client, POLLIN, 0});
                    fds.push_back({server, POLLIN, 0});
                }
            if (poll(fds.data(), fds.size(), 20) <= 0) continue;
            if (fds[0].revents & POLLIN) accept();
            if (frozen_) continue;
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                const auto& pair = pairs[(i - 1) / 2];
                const int from = fds[i].fd, to = from == pair.first ? pair.second : pair.first;
                char buffer[65536];
                const ssize_t n = read(from, buffer, sizeof buffer);
                if (n > 0) {
                    for (ssize_t done = 0; done < n;) {
                        const ssize_t w = write(to, buffer + done, static_cast<std::size_t>(n - done));
                        if (w <= 0) break;
                        done += w;
                    }
                } else {
                    shutdown(to, SHUT_RDWR);
                    shutdown(from, SHUT_RDWR);
                }
            }
        }
    }

    void accept()
    {
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) return;
        sockets_.push_back(client);
        if (frozen_) {
            ++unanswered_;
            return;
        }
        const int server = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address = loopback(target_);
        if (server < 0 || connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            if (server >= 0) close(server);
            shutdown(client, SHUT_RDWR);
            return;
        }
        sockets_.push_back(server);
        {
            std::lock_guard<std::mutex> lock(clientsMutex_);
            clients_.push_back(client);
        }
        pairs_.emplace_back(client, server);
    }

    int target_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> frozen_{false};
    std::atomic<bool> stop_{false};
    std::atomic<int> unanswered_{0};
    std::vector<int> sockets_;
    std::vector<std::pair<int, int>> pairs_;  // client, server; only the proxy's thread touches them
    std::vector<int> clients_;                // read by waitForClientData()
    std::mutex clientsMutex_;
    std::thread thread_;
};

}  // namespace pum::test
