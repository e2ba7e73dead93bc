#include "db/connect.h"

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "pum/platform/socket_wait.h"

namespace pum::detail {

namespace {

std::atomic<unsigned> cancelGeneration{0};

// The connect_timeout libpq resolved (conninfo, service file,
// PGCONNECT_TIMEOUT) in seconds, 0 when unset; below 2 counts as 2, as in libpq.
int resolvedConnectTimeout(PGconn* conn)
{
    PQconninfoOption* options = PQconninfo(conn);
    if (!options) return 0;
    int seconds = 0;
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (std::strcmp(o->keyword, "connect_timeout") == 0 && o->val && *o->val) seconds = std::atoi(o->val);
    PQconninfoFree(options);
    if (seconds <= 0) return 0;
    return seconds < 2 ? 2 : seconds;
}

}  // namespace

void cancelPendingConnects() { cancelGeneration.fetch_add(1); }

ConnectAttempt connectParams(const char* const* keywords, const char* const* values,
                             const std::function<bool()>& cancelled, std::chrono::seconds fallbackTimeout)
{
    using Clock = std::chrono::steady_clock;
    const unsigned generation = cancelGeneration.load();
    ConnectAttempt attempt;
    attempt.conn = PQconnectStartParams(keywords, values, 1);
    if (!attempt.conn || PQstatus(attempt.conn) == CONNECTION_BAD) return attempt;
    const int configured = resolvedConnectTimeout(attempt.conn);
    attempt.timeoutSeconds = configured > 0 ? configured : static_cast<int>(fallbackTimeout.count());
    const auto deadline = Clock::now() + std::chrono::seconds(attempt.timeoutSeconds);

    // PQconnectPoll's contract: start as if it had asked for writing.
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    for (;;) {
        if (state == PGRES_POLLING_OK || state == PGRES_POLLING_FAILED) return attempt;
        if (cancelGeneration.load() != generation || (cancelled && cancelled())) {
            attempt.outcome = ConnectAttempt::Outcome::Cancelled;
            return attempt;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            attempt.outcome = ConnectAttempt::Outcome::TimedOut;
            return attempt;
        }
        // The socket may change between hosts (multi-host conninfo): re-read it each turn.
        const int socket = PQsocket(attempt.conn);
        if (socket < 0) {
            state = PQconnectPoll(attempt.conn);
            continue;
        }
        const short events = state == PGRES_POLLING_READING ? platform::kSocketReadable : platform::kSocketWritable;
        const auto wait = platform::waitForSocket(socket, events, std::min(left, std::chrono::milliseconds(50)));
        // Not ready: interrupted by a signal, or timed out; look at the cancel flags first.
        if (wait.outcome == platform::SocketWait::Outcome::Ready) state = PQconnectPoll(attempt.conn);
    }
}

}  // namespace pum::detail
