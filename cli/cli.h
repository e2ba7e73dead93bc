#pragma once
// Shared pieces of the `pum` command line: global options, the feedback that
// prints progress, and how command groups register themselves.
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/feedback.h"

namespace pum::cli {

struct GlobalOptions {
    std::string configFile;    // -c
    std::string pgConnection;  // -p (service name, URI or key=value)
    std::string dir;           // -d module root (default: -c's folder, else the current folder)
    int verbosity = 0;         // -v / -vv
    bool quiet = false;        // -q

    // The module's folder: -d, else the folder of the -c file (as pum does), else ".".
    std::filesystem::path moduleDir() const;
};

// Progress line on stderr (a terminal gets a redrawn bar, a pipe gets plain
// lines), -v shows files and hooks, -vv statements, -q only warnings and errors.
class CliFeedback : public Feedback {
public:
    explicit CliFeedback(const GlobalOptions& options);
    ~CliFeedback() override;
    void log(Level level, const std::string& message) override;
    void progress(std::size_t done, std::size_t total, const std::string& current) override;
    bool isCancelled() const override;  // true after Ctrl-C (SIGINT)
    void lockCancellation() override;   // the commit has started: Ctrl-C no longer cancels
    void finish();                      // ends the progress line

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Everything a command needs, opened lazily from the global options.
class Session {
public:
    explicit Session(const GlobalOptions& options);
    const GlobalOptions& options() const { return options_; }
    // Loads the module's configuration (and the Python hook runner if it has .py hooks).
    const Config& config();
    // Opens the connection given with -p; refuses a missing -p with a clear message.
    Connection& connection();
    CliFeedback& feedback() { return feedback_; }

private:
    const GlobalOptions& options_;
    std::optional<Config> config_;
    std::optional<Connection> connection_;
    CliFeedback feedback_;
};

// A command's action returns the process exit code.
using Action = std::function<int(Session&)>;

// Registers a subcommand's action; main() runs the action of the one parsed.
void setAction(CLI::App* command, Action action);

// `-p NAME VALUE` (repeatable) under install, upgrade, uninstall, app...: the
// raw texts, converted and checked later against the module's declarations.
using ParameterArgs = std::vector<std::pair<std::string, std::string>>;
void addParameterOption(CLI::App* command, ParameterArgs& target);
// --lock-timeout DURATION, and its value (nullopt when not given; a bad one is a CommandError).
void addLockTimeoutOption(CLI::App* command, std::string& target);
std::optional<std::chrono::milliseconds> lockTimeoutOf(const std::string& text);
// The texts by name; a name given twice is refused.
std::map<std::string, std::string> parameterMap(const ParameterArgs& args);

// Command groups, each in its own file.
void registerModuleCommands(CLI::App& app, GlobalOptions& options);  // install, upgrade, baseline, info, app
void registerAdminCommands(CLI::App& app, GlobalOptions& options);   // roles, demo data, uninstall, check, dump, restore, db
void registerFleetCommands(CLI::App& app, GlobalOptions& options);   // fleet upgrade, info, dry-run
void registerValidateCommand(CLI::App& app, GlobalOptions& options);  // validate (no database)
void registerTestUpgradeCommand(CLI::App& app, GlobalOptions& options);  // test-upgrade (scratch copies)

}  // namespace pum::cli
