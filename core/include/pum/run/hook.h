#pragma once
// Running hooks. SQL hooks (inline code or .sql files) are built in; other
// kinds (.py) register a runner keyed by file extension, so the core builds
// and runs without Python.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "pum/module/config.h"
#include "pum/module/parameter.h"

namespace pum {

class Connection;
class Feedback;

struct HookContext {
    Connection& connection;  // inside the command's transaction
    const Config& config;
    const ParameterValues& parameters;
    Feedback& feedback;
    // A runner reports here the statements a hook sends as it sends them (the
    // bar moves through a long hook); empty when nobody listens.
    std::function<void(std::size_t)> statementsSent = {};
};

class HookRunner {
public:
    virtual ~HookRunner() = default;
    // Called for every hook of the command before anything runs: refuse here
    // what can be known in advance (missing interpreter, undeclared parameter...).
    virtual void check(const HookDefinition& hook, const Config& config) { (void)hook; (void)config; }
    // Runs the hook; must never commit. Throws HookError / SqlError.
    virtual void run(const HookDefinition& hook, HookContext& context) = 0;
};

// Thread-safe: a runner may be registered (the Python bindings do it on first
// use) while a command on another thread (a QGIS task) looks one up.
class HookRegistry {
public:
    static HookRegistry& instance();
    // `extension` with its dot, lower case: ".py". Replaces an earlier runner.
    void add(const std::string& extension, std::shared_ptr<HookRunner> runner);
    // Shared, so that a runner replaced meanwhile lives until its hook returns.
    std::shared_ptr<HookRunner> find(const std::string& extension) const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<HookRunner>> runners_;
};

// Checks that every hook can run (SQL files parse with the parameters; other
// kinds have a registered runner). Throws HookError / SqlError / ConfigError.
void checkHook(const HookDefinition& hook, const Config& config, const ParameterValues& parameters);
// Runs one hook (SQL: one pipelined batch).
void runHook(const HookDefinition& hook, HookContext& context);

}  // namespace pum
