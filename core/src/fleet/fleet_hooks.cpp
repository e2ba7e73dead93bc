#include "fleet/fleet_hooks.h"

#include <memory>
#include <mutex>

#include "pum/run/hook.h"

namespace pum::detail {

namespace {

class SerializedRunner : public HookRunner {
public:
    explicit SerializedRunner(std::shared_ptr<HookRunner> inner) : inner_(std::move(inner)) {}
    void check(const HookDefinition& hook, const Config& config) override
    {
        std::lock_guard<std::mutex> lock(hookMutex());
        inner_->check(hook, config);
    }
    void run(const HookDefinition& hook, HookContext& context) override
    {
        std::lock_guard<std::mutex> lock(hookMutex());
        inner_->run(hook, context);
    }
    const std::shared_ptr<HookRunner>& inner() const { return inner_; }

private:
    static std::mutex& hookMutex()
    {
        static std::mutex mutex;
        return mutex;
    }
    std::shared_ptr<HookRunner> inner_;
};

struct Installed {
    std::mutex mutex;
    int users = 0;
    std::shared_ptr<HookRunner> original;
    std::shared_ptr<HookRunner> wrapper;
};

Installed& installed()
{
    static Installed state;
    return state;
}

}  // namespace

SerializedPythonHooks::SerializedPythonHooks()
{
    auto& state = installed();
    std::lock_guard<std::mutex> lock(state.mutex);
    if (state.users++ > 0) return;
    state.original = HookRegistry::instance().find(".py");
    if (!state.original) return;  // no runner: a Python hook fails before it starts anyway
    state.wrapper = std::make_shared<SerializedRunner>(state.original);
    HookRegistry::instance().add(".py", state.wrapper);
}

SerializedPythonHooks::~SerializedPythonHooks()
{
    auto& state = installed();
    std::lock_guard<std::mutex> lock(state.mutex);
    if (--state.users > 0) return;
    // Put the runner back unless someone registered another one meanwhile.
    if (state.wrapper && HookRegistry::instance().find(".py") == state.wrapper)
        HookRegistry::instance().add(".py", state.original);
    state.wrapper.reset();
    state.original.reset();
}

}  // namespace pum::detail
