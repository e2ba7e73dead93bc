#include "pum/base/feedback.h"

#include "pum/base/error.h"

namespace pum {

void Feedback::step(const std::string& message, std::size_t done, std::size_t total)
{
    log(Level::Debug, total > 0 ? "[" + std::to_string(done) + "/" + std::to_string(total) + "] " + message : message);
}

void Feedback::throwIfCancelled() const
{
    if (isCancelled()) throw CancelledError();
}

}  // namespace pum
