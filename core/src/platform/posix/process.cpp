#include "pum/platform/process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "pum/base/error.h"

extern char** environ;

namespace pum::platform {

struct ChildProcess::State {
    pid_t pid = 0;
    int output = -1;  // the pipe's reading end
    bool started = false;
    bool waited = false;
    std::string startError;

    void closeOutput()
    {
        if (output >= 0) close(output);
        output = -1;
    }
};

namespace {

std::vector<char*> pointers(std::vector<std::string>& strings)
{
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

}  // namespace

ChildProcess::ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const std::optional<std::vector<std::string>>& environment)
    : state_(std::make_unique<State>())
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);

    std::vector<std::string> argStrings = {program.string()};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv = pointers(argStrings);
    std::vector<std::string> envStrings = environment ? *environment : std::vector<std::string>();
    std::vector<char*> envp = pointers(envStrings);
    char** env = environment ? envp.data() : environ;

    const int rc = program.has_parent_path()
                       ? posix_spawn(&state_->pid, argv[0], &actions, nullptr, argv.data(), env)
                       : posix_spawnp(&state_->pid, argv[0], &actions, nullptr, argv.data(), env);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        state_->startError = std::strerror(rc);
        return;
    }
    state_->output = fds[0];
    state_->started = true;
}

ChildProcess::~ChildProcess()
{
    if (state_->started && !state_->waited) wait();
}

bool ChildProcess::started() const { return state_->started; }

const std::string& ChildProcess::startError() const { return state_->startError; }

ChildProcess::Read ChildProcess::readOutput(std::string& into, std::optional<std::chrono::milliseconds> timeout)
{
    if (state_->output < 0) return Read::End;
    if (timeout) {
        pollfd readable{state_->output, POLLIN, 0};
        const int ready = poll(&readable, 1, static_cast<int>(timeout->count()));
        if (ready == 0 || (ready < 0 && errno == EINTR)) return Read::NothingYet;
    }
    char buffer[4096];
    const ssize_t n = read(state_->output, buffer, sizeof buffer);
    if (n > 0) {
        into.append(buffer, static_cast<std::size_t>(n));
        return Read::Data;
    }
    return n < 0 && errno == EINTR ? Read::NothingYet : Read::End;
}

void ChildProcess::terminate()
{
    if (state_->started && !state_->waited) kill(state_->pid, SIGTERM);
}

int ChildProcess::wait()
{
    state_->closeOutput();
    if (!state_->started || state_->waited) return -1;
    state_->waited = true;
    int status = 0;
    while (waitpid(state_->pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

long processId() { return static_cast<long>(getpid()); }

std::vector<std::string> currentEnvironment()
{
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
    return env;
}

std::filesystem::path findOnPath(const std::string& program)
{
    const char* path = std::getenv("PATH");
    if (!path) return {};
    const std::string folders = path;
    std::size_t start = 0;
    while (start <= folders.size()) {
        std::size_t end = folders.find(':', start);
        if (end == std::string::npos) end = folders.size();
        std::filesystem::path candidate = std::filesystem::path(folders.substr(start, end - start)) / program;
        // An empty entry would name the current folder: not searched.
        if (!candidate.parent_path().empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return {};
}

std::filesystem::path createUniqueFile(const std::filesystem::path& folder, const std::string& prefix)
{
    std::string name = (folder / (prefix + "XXXXXX")).string();
    const int fd = mkstemp(name.data());
    if (fd < 0) throw Error(std::string("cannot create a temporary file: ") + std::strerror(errno));
    close(fd);
    return name;
}

}  // namespace pum::platform
