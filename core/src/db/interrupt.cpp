#include "pum/db/interrupt.h"

#include <mutex>
#include <vector>

#include "pum/db/database.h"

namespace pum {

namespace {

struct Interrupters {
    std::mutex mutex;
    std::vector<std::function<void()>> list;
};

Interrupters& interrupters()
{
    static Interrupters registry;
    return registry;
}

}  // namespace

void addInterrupter(std::function<void()> interrupter)
{
    auto& registry = interrupters();
    std::lock_guard<std::mutex> lock(registry.mutex);
    registry.list.push_back(std::move(interrupter));
}

void interruptAll()
{
    // The server first: a statement or lock wait stops within a round trip.
    Connection::cancelAll();
    std::vector<std::function<void()>> copy;
    {
        auto& registry = interrupters();
        std::lock_guard<std::mutex> lock(registry.mutex);
        copy = registry.list;
    }
    for (const auto& interrupter : copy)
        interrupter();
}

}  // namespace pum
