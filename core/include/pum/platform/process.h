#pragma once
// Child processes, and what the operating system says about this one: the
// few calls pum needs to run a tool (python, pg_dump, pg_restore, psql).
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pum::platform {

// A program run with standard input from the null device and standard output
// and error together into one pipe, read by readOutput.
class ChildProcess {
public:
    // `args` follow the program's name. `program` without a folder is looked
    // up on PATH. `environment` (NAME=value entries) replaces ours when given.
    // Throws pum::Error when the pipe cannot be made; a program that cannot be
    // started leaves started() false.
    ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::optional<std::vector<std::string>>& environment = std::nullopt);
    // Closes the pipe and waits for the child, unless wait() already did.
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const;
    const std::string& startError() const;

    enum class Read { Data, NothingYet, End };
    // Appends what the child wrote to `into`. NothingYet: nothing within
    // `timeout` (or interrupted by a signal); no timeout: waits for output or the end.
    Read readOutput(std::string& into, std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    // Asks the child to end (SIGTERM on POSIX).
    void terminate();
    // Closes the pipe and waits for the end: the exit code, or 128 + the
    // signal number of a child killed by a signal.
    int wait();

private:
    struct State;  // the operating system's handles
    std::unique_ptr<State> state_;
};

// This process's id.
long processId();

// This process's environment, NAME=value entries.
std::vector<std::string> currentEnvironment();

// The executable `program` in a folder of PATH, empty when there is none.
std::filesystem::path findOnPath(const std::string& program);

// Creates an empty file of a name no other file has, "<prefix>" followed by
// some characters, in `folder`. Throws pum::Error when it cannot.
std::filesystem::path createUniqueFile(const std::filesystem::path& folder, const std::string& prefix);

}  // namespace pum::platform
