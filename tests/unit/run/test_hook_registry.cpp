// HookRegistry from several threads at once: the Python bindings register
// the ".py" runner on first use while a command on another thread (a QGIS
// task) looks runners up and runs them. Meant to be run under the sanitizer
// build too, where a race or a runner freed while in use is reported.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "pum/module/config.h"
#include "pum/run/hook.h"

namespace {

// Counts its checks through a member, so that using a runner after it was freed reads freed memory.
class CountingRunner : public pum::HookRunner {
public:
    explicit CountingRunner(std::atomic<int>& checks) : checks_(&checks) {}
    ~CountingRunner() override { checks_ = nullptr; }
    void check(const pum::HookDefinition&, const pum::Config&) override
    {
        std::this_thread::yield();  // widens the window in which another thread replaces this runner
        checks_->fetch_add(1);
    }
    void run(const pum::HookDefinition&, pum::HookContext&) override {}

private:
    std::atomic<int>* checks_;
};

}  // namespace

TEST(HookRegistry, RunnersAreAddedReplacedAndFoundFromSeveralThreads)
{
    pum::HookRegistry registry;
    const pum::HookDefinition hook;
    const pum::Config config;
    constexpr int kThreads = 4;
    constexpr int kRounds = 3000;
    std::atomic<int> checks{0};
    std::atomic<int> lost{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kRounds; ++i) {
                // Half of the threads keep replacing the shared runner, freeing the one before...
                if (t % 2 == 0) registry.add(".shared", std::make_shared<CountingRunner>(checks));
                // ...while every thread uses it, and adds runners of its own (the map grows meanwhile).
                if (auto runner = registry.find(".shared")) runner->check(hook, config);
                const std::string own = ".own" + std::to_string(t) + "_" + std::to_string(i % 64);
                registry.add(own, std::make_shared<CountingRunner>(checks));
                if (!registry.find(own)) ++lost;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(lost.load(), 0);
    EXPECT_GT(checks.load(), 0);
    EXPECT_TRUE(registry.find(".shared"));
    EXPECT_TRUE(registry.find(".own3_63"));
    EXPECT_FALSE(registry.find(".py"));
}

TEST(HookRegistry, ARunnerReplacedWhileInUseLivesUntilItsCallReturns)
{
    pum::HookRegistry registry;
    std::atomic<int> checks{0};
    registry.add(".x", std::make_shared<CountingRunner>(checks));
    auto inUse = registry.find(".x");
    registry.add(".x", std::make_shared<CountingRunner>(checks));  // the registry lets go of the first one
    inUse->check({}, {});                                          // which the caller still holds
    EXPECT_EQ(checks.load(), 1);
    EXPECT_NE(registry.find(".x"), inUse);
}
