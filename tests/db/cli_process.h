#pragma once
// The `pum` executable as a child process the test can signal and bound in
// time: a regression that hangs fails the test instead of hanging it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace pum::test {

inline std::string cliPath() { return std::getenv("PUM_CLI") ? std::getenv("PUM_CLI") : "pum"; }

class CliProcess {
public:
    // Starts `pum args...` (no shell) with `extraEnv` ("NAME=value") added to ours.
    explicit CliProcess(const std::vector<std::string>& args, const std::vector<std::string>& extraEnv = {})
    {
        int out[2], err[2];
        if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, err[1], 2);
        std::vector<std::string> argvText = {cliPath()};
        argvText.insert(argvText.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : argvText) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> envText;
        for (char** e = environ; e && *e; ++e) envText.emplace_back(*e);
        envText.insert(envText.end(), extraEnv.begin(), extraEnv.end());
        std::vector<char*> envp;
        for (auto& e : envText) envp.push_back(e.data());
        envp.push_back(nullptr);
        const int rc = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        close(err[1]);
        outFd_ = out[0];
        errFd_ = err[0];
        if (rc != 0) throw std::runtime_error("cannot start " + cliPath());
    }
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;
    ~CliProcess()
    {
        if (pid_ > 0 && exitCode_ == kRunning) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (outFd_ >= 0) close(outFd_);
        if (errFd_ >= 0) close(errFd_);
    }

    void signal(int number) { kill(pid_, number); }

    // Waits for the exit, reading its output; kills it and returns kTimedOut past `limit`.
    int wait(std::chrono::milliseconds limit)
    {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (exitCode_ == kRunning) {
            read(std::chrono::milliseconds(50));
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                break;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                kill(pid_, SIGKILL);
                waitpid(pid_, nullptr, 0);
                exitCode_ = kTimedOut;
            }
        }
        while (read(std::chrono::milliseconds(0))) {
        }
        return exitCode_;
    }

    const std::string& out() const { return out_; }
    const std::string& err() const { return err_; }

    static constexpr int kRunning = -1000;
    static constexpr int kTimedOut = -1;

private:
    // True when something was read.
    bool read(std::chrono::milliseconds timeout)
    {
        pollfd fds[2] = {{outFd_, POLLIN, 0}, {errFd_, POLLIN, 0}};
        if (poll(fds, 2, static_cast<int>(timeout.count())) <= 0) return false;
        bool got = false;
        char buffer[4096];
        for (auto [fd, text] : {std::pair{outFd_, &out_}, std::pair{errFd_, &err_}}) {
            pollfd one{fd, POLLIN, 0};
            if (poll(&one, 1, 0) <= 0 || !(one.revents & (POLLIN | POLLHUP))) continue;
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) {
                text->append(buffer, static_cast<size_t>(n));
                got = true;
            }
        }
        return got;
    }

    pid_t pid_ = -1;
    int outFd_ = -1;
    int errFd_ = -1;
    int exitCode_ = kRunning;
    std::string out_;
    std::string err_;
};

}  // namespace pum::test
