// The `pum` command: a drop-in for pum's command line on the native engine.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli.h"
#include "help_format.h"
#include "pum/base/error.h"
#include "pum/db/interrupt.h"
#include "pum/db/lock_timeout.h"
#include "pum/platform/signals.h"
#include "pum/platform/terminal.h"
#include "pum/run/python_hook_loader.h"
#include "pum/run/upgrader.h"

namespace pum::cli {

namespace {

// True from the first Ctrl-C on (caught by main's platform::InterruptHandler).
bool interrupted() { return platform::interruptRequested(); }
// Set when the commit starts: a Ctrl-C then lets it finish rather than claim a rollback.
std::atomic<bool> cancellationLocked{false};

// Makes Ctrl-C reach the server at once, whatever the command waits on (a
// statement, another run's module lock, a hook's SQL or its own Python code):
// the handler's thread cancels every open connection, whose next command then
// fails too, and interrupts running Python hooks; the transactions roll back
// and main() exits with 130. A second Ctrl-C kills as usual.
void cancelEverything()
{
    if (!cancellationLocked) pum::interruptAll();
}

std::map<CLI::App*, Action>& actions()
{
    static std::map<CLI::App*, Action> map;
    return map;
}

}  // namespace

// ---------------------------------------------------------------- feedback

struct CliFeedback::State {
    const GlobalOptions* options = nullptr;
    bool tty = false;
    bool lineOpen = false;
    std::string lastCurrent;
    std::chrono::steady_clock::time_point lastDraw;
};

CliFeedback::CliFeedback(const GlobalOptions& options) : state_(std::make_unique<State>())
{
    state_->options = &options;
    state_->tty = platform::isTerminal(platform::StandardStream::Error);
}

CliFeedback::~CliFeedback() = default;

void CliFeedback::finish()
{
    if (state_->lineOpen) {
        std::fputs("\r\033[K", stderr);
        state_->lineOpen = false;
    }
}

void CliFeedback::log(Level level, const std::string& message)
{
    const auto& o = *state_->options;
    int needed = 0;
    switch (level) {
    case Level::Error: needed = -1; break;
    case Level::Warning: needed = 0; break;
    case Level::Info: needed = 0; break;
    case Level::Debug: needed = 1; break;
    case Level::Trace: needed = 2; break;
    }
    // -q silences progress and information, not what may need acting on.
    if (o.quiet && level != Level::Error && level != Level::Warning) return;
    if (needed > o.verbosity) return;
    finish();
    const char* prefix = level == Level::Warning ? "warning: " : level == Level::Error ? "error: " : "";
    std::fprintf(stderr, "%s%s\n", prefix, redactPassword(message, o.pgConnection).c_str());
}

void CliFeedback::progress(std::size_t done, std::size_t total, const std::string& current)
{
    auto& s = *state_;
    if (s.options->quiet || total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    // In a log, the engine's one line per file (with its time) is progress enough.
    if (!s.tty) return;
    if (now - s.lastDraw < std::chrono::milliseconds(80) && done != total && current == s.lastCurrent) return;
    s.lastDraw = now;
    s.lastCurrent = current;
    constexpr int width = 30;
    const int filled = static_cast<int>(done * width / total);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(width, ' ');
    std::string name = current;
    if (name.size() > 50) name = "..." + name.substr(name.size() - 47);
    std::fprintf(stderr, "\r\033[K[%s] %3zu%% %zu/%zu %s", bar.c_str(), done * 100 / total, done, total,
                 name.c_str());
    std::fflush(stderr);
    s.lineOpen = true;
}

bool CliFeedback::isCancelled() const { return interrupted() && !cancellationLocked.load(); }

void CliFeedback::lockCancellation() { cancellationLocked = true; }

// ---------------------------------------------------------------- session

std::filesystem::path GlobalOptions::moduleDir() const
{
    if (!dir.empty()) return dir;
    // A -c file outside the current folder names its module's folder too, as pum's -c does.
    if (!configFile.empty() && std::filesystem::path(configFile).has_parent_path())
        return std::filesystem::path(configFile).parent_path();
    return ".";
}

Session::Session(const GlobalOptions& options) : options_(options), feedback_(options) {}

const Config& Session::config()
{
    if (!config_) {
        std::optional<std::filesystem::path> file;
        if (!options_.configFile.empty()) file = options_.configFile;
        config_ = Config::load(options_.moduleDir(), file);
        if (config_->hasPythonHooks()) {
            const PythonHooksLoad& loaded = loadPythonHooks();
            if (!loaded.ok())
                // Not fatal here: `info` needs no hooks; a command that runs one reports it before starting.
                feedback_.log(Feedback::Level::Debug, "Python hooks unavailable: " + loaded.message());
        }
    }
    return *config_;
}

Connection& Session::connection()
{
    if (!connection_) {
        // Ctrl-C while connecting gives up the connect at once.
        connection_.emplace(Connection::open(options_.pgConnection, [] { return interrupted(); }));
        // Ctrl-C just after it: the watcher saw no connection to cancel.
        if (interrupted() && !cancellationLocked) connection_->requestCancel();
    }
    return *connection_;
}

void setAction(CLI::App* command, Action action) { actions()[command] = std::move(action); }

void addParameterOption(CLI::App* command, ParameterArgs& target)
{
    command->add_option("-p,--parameter", target,
                        "Set a module parameter, converted by its declared type (repeatable): -p srid 2056")
        ->type_name("NAME VALUE");
}

void addLockTimeoutOption(CLI::App* command, std::string& target)
{
    command->add_option("--lock-timeout", target,
                        "Give up (rolled back, exit 1) after waiting this long for a lock, naming the sessions that "
                        "hold locks (user, application, since when): 500ms, 5s, 1min")
        ->type_name("DURATION");
}

std::optional<std::chrono::milliseconds> lockTimeoutOf(const std::string& text)
{
    if (text.empty()) return std::nullopt;
    return parseDuration(text, "--lock-timeout");
}

std::map<std::string, std::string> parameterMap(const ParameterArgs& args)
{
    std::map<std::string, std::string> out;
    for (const auto& [name, value] : args)
        if (!out.emplace(name, value).second) throw ParameterError(name, "parameter '" + name + "' given twice");
    return out;
}

}  // namespace pum::cli

int main(int argc, char** argv)
{
    using namespace pum::cli;
    GlobalOptions options;
    CLI::App app{"pum: PostgreSQL Upgrades Manager (native). Installs and upgrades pum modules.", "pum"};
    // Before any subcommand: each copies its parent's formatter when added.
    app.formatter(std::make_shared<HelpFormatter>());
    app.set_version_flag("--version", std::string("pum ") + pum::toolVersion());
    app.require_subcommand(1);
    app.add_option("-c,--config_file,--config-file", options.configFile,
                   "The module's configuration file (default: DIR/.pum.yaml)");
    app.add_option("-p,--pg-connection", options.pgConnection,
                   "Database: a pg_service name, a postgresql:// URI or a key=value connection string "
                   "(default: libpq's environment, PGSERVICE, PGHOST...)");
    app.add_option("-s,--pg-service", options.pgConnection, "Same as -p (pum's older spelling)");
    app.add_option("-d,--dir", options.dir, "The module's folder (default: the folder of -c, else the current folder)");
    app.add_flag("-v,--verbose", options.verbosity, "Also show each step as it starts with the server's notices (-v), and each statement (-vv)");
    app.add_flag("-q,--quiet", options.quiet, "Only print warnings and errors");

    registerModuleCommands(app, options);
    registerAdminCommands(app, options);
    registerFleetCommands(app, options);
    registerValidateCommand(app, options);
    registerTestUpgradeCommand(app, options);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForVersion& e) {
        std::cout << e.what() << "\n";  // CLI11 2.4+ prints it without the newline
        return 0;
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; usage mistakes exit 2, as pum's argparse does.
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const pum::Error& e) {
        std::cerr << "pum: " << pum::redactPassword(e.what(), options.pgConnection) << "\n";
        return 2;
    }

    pum::platform::InterruptHandler interruptHandler(cancelEverything);
    Session session(options);
    // Every message goes through the core's redaction, whatever produced it.
    auto print = [&](const std::string& prefix, const std::string& message) {
        std::cerr << prefix << pum::redactPassword(message, options.pgConnection) << "\n";
    };
    int code = 1;
    try {
        for (auto* command : app.get_subcommands()) {
            // The deepest selected subcommand holds the action (app create, role list...).
            CLI::App* leaf = command;
            while (!leaf->get_subcommands().empty()) leaf = leaf->get_subcommands().front();
            auto it = actions().find(leaf);
            if (it == actions().end()) {
                std::cerr << leaf->help();
                return 2;
            }
            code = it->second(session);
        }
    } catch (const pum::CancelledError& e) {
        session.feedback().finish();
        std::cerr << "pum: cancelled: the transaction was rolled back, nothing was changed\n";
        return 130;
    } catch (const pum::Error& e) {
        session.feedback().finish();
        if (interrupted() && !cancellationLocked) {
            // Ctrl-C surfaced as another error (a hook's, a cancelled statement's): still a cancellation.
            print("pum: cancelled, the transaction was rolled back: ", e.what());
            return 130;
        }
        print("pum: ", e.what());
        return 1;
    } catch (const std::exception& e) {
        session.feedback().finish();
        print("pum: unexpected error: ", e.what());
        return 1;
    }
    session.feedback().finish();
    return code;
}
