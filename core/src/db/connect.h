#pragma once
// Internal: connecting without blocking forever. PQconnectdbParams waits as
// long as the operating system lets a TCP connect hang and cannot be
// interrupted; this drives PQconnectStartParams/PQconnectPoll instead.
#include <chrono>
#include <functional>

struct pg_conn;

namespace pum::detail {

struct ConnectAttempt {
    enum class Outcome { Finished, TimedOut, Cancelled };
    pg_conn* conn = nullptr;  // OK or BAD when Finished; still to PQfinish in every case
    Outcome outcome = Outcome::Finished;
    int timeoutSeconds = 0;  // the limit that applied
};

// Connects with libpq's keyword/value arrays (expand_dbname on). Gives up
// after the connection's own connect_timeout (conninfo, service file or
// PGCONNECT_TIMEOUT), else `fallbackTimeout`, and as soon as `cancelled`
// returns true or cancelPendingConnects() is called (checked every 50 ms).
ConnectAttempt connectParams(const char* const* keywords, const char* const* values,
                             const std::function<bool()>& cancelled = {},
                             std::chrono::seconds fallbackTimeout = std::chrono::seconds(10));

// Called by Connection::cancelAll(): every connect in progress gives up.
void cancelPendingConnects();

}  // namespace pum::detail
