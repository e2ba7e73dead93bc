#include "pum/run/hook.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "base/ascii.h"
#include "sql/sql_hook.h"

namespace pum {

namespace detail {

std::string readTextFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(displayPath(path), 0, "", "cannot read file");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

SqlScript loadSqlFile(const std::filesystem::path& path, const ParameterValues& parameters)
{
    return parseSql(readTextFile(path), displayPath(path), parameters);
}

SqlScript loadSqlHook(const HookDefinition& hook, const ParameterValues& parameters)
{
    if (hook.code) {
        SqlOptions options;
        options.firstLine = hook.codeLine > 0 ? hook.codeLine : hook.line;
        return parseSql(*hook.code, displayPath(hook.configFile), parameters, options);
    }
    return loadSqlFile(*hook.file, parameters);
}

}  // namespace detail

namespace {

std::string extensionOf(const HookDefinition& hook)
{
    if (!hook.file) return ".sql";
    return detail::asciiLowered(hook.file->extension().string());
}

std::shared_ptr<HookRunner> runnerFor(const HookDefinition& hook)
{
    const auto ext = extensionOf(hook);
    if (auto runner = HookRegistry::instance().find(ext)) return runner;
    if (ext == ".py")
        throw HookError(hook.describe() +
                        ": Python hooks cannot run: this pum has no Python hook runner (build it with python3-dev "
                        "and pybind11-dev installed, and keep libpum_python_hooks next to libpum)");
    throw HookError(hook.describe() + ": no runner for hooks of type '" + ext + "' (expected .sql or .py)");
}

}  // namespace

HookRegistry& HookRegistry::instance()
{
    static HookRegistry registry;
    return registry;
}

void HookRegistry::add(const std::string& extension, std::shared_ptr<HookRunner> runner)
{
    std::shared_ptr<HookRunner> replaced;  // released after the lock: a runner's destructor may take time
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = runners_[extension];
    replaced = std::exchange(slot, std::move(runner));
}

std::shared_ptr<HookRunner> HookRegistry::find(const std::string& extension) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = runners_.find(extension);
    return it == runners_.end() ? nullptr : it->second;
}

void checkHook(const HookDefinition& hook, const Config& config, const ParameterValues& parameters)
{
    if (extensionOf(hook) == ".sql") {
        detail::loadSqlHook(hook, parameters);
        return;
    }
    runnerFor(hook)->check(hook, config);
}

void runHook(const HookDefinition& hook, HookContext& context)
{
    if (extensionOf(hook) == ".sql") {
        auto script = detail::loadSqlHook(hook, context.parameters);
        context.connection.runStatements(script.statements, script.source, &context.feedback);
        if (context.statementsSent) context.statementsSent(script.statements.size());
        return;
    }
    runnerFor(hook)->run(hook, context);
}

}  // namespace pum
