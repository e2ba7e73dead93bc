#include "pum/feedback.h"

#include "pum/error.h"

namespace pum {

void Feedback::throwIfCancelled() const
{
    if (isCancelled()) throw CancelledError();
}

}  // namespace pum
