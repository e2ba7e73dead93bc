#include "pum/db/database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <utility>

#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/sql/sql.h"
#include "pum/platform/socket_wait.h"
#include "db/connect.h"
#include "base/text.h"

namespace pum {

using detail::trimmed;

namespace {

std::string field(const PGresult* result, int code)
{
    const char* value = PQresultErrorField(result, code);
    return value ? value : "";
}

// Shortens a statement for messages: the first lines are enough to recognise it.
std::string shortStatement(const std::string& text)
{
    constexpr size_t limit = 300;
    if (text.size() <= limit) return trimmed(text);
    return trimmed(text.substr(0, limit)) + " ...";
}

SqlErrorInfo errorInfo(const PGresult* result, PGconn* conn)
{
    SqlErrorInfo info;
    if (result) {
        info.sqlstate = field(result, PG_DIAG_SQLSTATE);
        info.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
        info.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
        info.hint = field(result, PG_DIAG_MESSAGE_HINT);
        info.context = field(result, PG_DIAG_CONTEXT);
    }
    if (info.message.empty()) info.message = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    if (info.message.empty()) info.message = trimmed(PQerrorMessage(conn));
    return info;
}

int errorPosition(const PGresult* result)
{
    const char* value = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION);
    return value ? std::atoi(value) : 0;
}

std::string describeConnection(PGconn* conn)
{
    std::string text = PQdb(conn) ? PQdb(conn) : "";
    const char* host = PQhost(conn);
    const char* port = PQport(conn);
    const char* user = PQuser(conn);
    if (host && *host) {
        text += " on ";
        text += host;
        if (port && *port) text += std::string(":") + port;
    }
    if (user && *user) text += std::string(" as ") + user;
    return text;
}

}  // namespace

// ---------------------------------------------------------------- Result

Result::Result(pg_result* result) : result_(result) {}
Result::Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
Result& Result::operator=(Result&& other) noexcept
{
    if (this != &other) {
        if (result_) PQclear(result_);
        result_ = std::exchange(other.result_, nullptr);
    }
    return *this;
}
Result::~Result()
{
    if (result_) PQclear(result_);
}

int Result::rows() const { return result_ ? PQntuples(result_) : 0; }
int Result::columns() const { return result_ ? PQnfields(result_) : 0; }
bool Result::isNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
std::string Result::value(int row, int column) const
{
    if (isNull(row, column)) return {};
    return std::string(PQgetvalue(result_, row, column), static_cast<size_t>(PQgetlength(result_, row, column)));
}
std::optional<std::string> Result::get(int row, int column) const
{
    if (isNull(row, column)) return std::nullopt;
    return value(row, column);
}
std::string Result::columnName(int column) const { return PQfname(result_, column); }
long long Result::affectedRows() const
{
    const char* tuples = result_ ? PQcmdTuples(result_) : nullptr;
    return tuples && *tuples ? std::atoll(tuples) : 0;
}

// ---------------------------------------------------------------- Connection

struct Connection::CancelHandle {
    std::mutex mutex;
    PGcancel* cancel = nullptr;
    std::atomic<bool> requested{false};
    std::atomic<bool> sending{false};
    // Set when the connection was given up (its socket closed) after an
    // unanswered cancel request: nothing is sent on it any more.
    std::atomic<bool> abandoned{false};
    // When the first request went out (steady clock ticks; 0: not yet).
    std::atomic<std::chrono::steady_clock::rep> sentAt{0};
    ~CancelHandle()
    {
        if (cancel) PQfreeCancel(cancel);
    }
    void send()
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!cancel) return;
        char buffer[256];
        PQcancel(cancel, buffer, sizeof buffer);
    }
    // PQcancel opens a connection of its own and waits for the server to
    // close it, which a server that stopped answering never does: it runs on
    // a thread of its own, one at a time, so that no caller (QGIS's UI
    // thread, the command's poll loop) ever waits for it.
    static void sendInBackground(const std::shared_ptr<CancelHandle>& handle)
    {
        std::chrono::steady_clock::rep never = 0;
        handle->sentAt.compare_exchange_strong(never, std::chrono::steady_clock::now().time_since_epoch().count());
        if (handle->sending.exchange(true)) return;
        std::thread([handle] {
            handle->send();
            handle->sending = false;
        }).detach();
    }
    // Before a command: a request still going out for an earlier call (a
    // feedback's cancellation ends one call, the connection stays usable)
    // must reach the server before this command does, or it would cancel
    // this one; and this command's grace counts from its own request.
    void settle(std::chrono::milliseconds limit)
    {
        // Sticky: every later command but the rollback is refused anyway. And a
        // request stuck on a server that stopped answering is never waited for twice.
        if (requested || abandoned) return;
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (sending.load() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        sentAt = 0;
    }
    // True once a request has gone unanswered for `grace`.
    bool unansweredFor(std::chrono::milliseconds grace) const
    {
        const auto sent = sentAt.load();
        if (sent == 0) return false;
        const auto since = std::chrono::steady_clock::now().time_since_epoch() - std::chrono::steady_clock::duration(sent);
        return since > grace;
    }
};

namespace {

// Every open connection's cancel handle, for Connection::cancelAll().
struct CancelRegistry {
    std::mutex mutex;
    std::vector<std::weak_ptr<Connection::CancelHandle>> handles;
};

CancelRegistry& cancelRegistry()
{
    static CancelRegistry* registry = new CancelRegistry;  // never destroyed: a watcher thread may outlive main
    return *registry;
}

}  // namespace

std::string textArrayLiteral(const std::vector<std::string>& values)
{
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (char c : values[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

std::string quoteConninfoValue(const std::string& value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string connectionInfo(const std::string& spec)
{
    size_t start = spec.find_first_not_of(" \t\n");
    if (start == std::string::npos) return {};  // everything from the environment (PGHOST, PGSERVICE...)
    std::string s = spec.substr(start);
    if (s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0) return s;
    if (s.find('=') != std::string::npos) return s;
    return "service=" + quoteConninfoValue(s);
}

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes the valid %XX sequences and keeps the rest as written.
std::string percentDecoded(const std::string& text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 && hexDigit(text[i + 2]) >= 0) {
            out += static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

void addSecret(std::vector<std::string>& secrets, const std::string& secret)
{
    if (!secret.empty()) secrets.push_back(secret);
}

// The password of `userinfo@` in a URI, for both possible ends of the
// userinfo (a malformed URI may hold '@' or '/' anywhere).
void uriPasswords(const std::string& spec, std::vector<std::string>& secrets)
{
    const size_t scheme = spec.find("://");
    if (scheme == std::string::npos) return;
    const size_t start = scheme + 3;
    if (spec.find('@', start) == std::string::npos) {
        // No '@': libpq reads "user:secret" as host:port; the user meant a password.
        const size_t colon = spec.find(':', start);
        const size_t end = spec.find_first_of("/?", start);
        if (colon != std::string::npos && colon < end) {
            const std::string raw = spec.substr(colon + 1, end == std::string::npos ? end : end - colon - 1);
            if (raw.find_first_not_of("0123456789") != std::string::npos) {
                addSecret(secrets, raw);
                addSecret(secrets, percentDecoded(raw));
            }
        }
        return;
    }
    for (size_t at : {spec.find('@', start), spec.rfind('@')}) {
        if (at == std::string::npos || at < start) continue;
        const size_t colon = spec.find(':', start);
        if (colon == std::string::npos || colon > at) continue;
        const std::string raw = spec.substr(colon + 1, at - colon - 1);
        addSecret(secrets, raw);
        addSecret(secrets, percentDecoded(raw));
    }
}

// Every `password = value` of a key=value string or a URI's query, quoted
// ('a\'b', unterminated too) or not, as written and as meant.
void keywordPasswords(const std::string& spec, std::vector<std::string>& secrets)
{
    const std::string keyword = "password";
    for (size_t pos = spec.find(keyword); pos != std::string::npos; pos = spec.find(keyword, pos + 1)) {
        size_t i = pos + keyword.size();
        while (i < spec.size() && std::isspace(static_cast<unsigned char>(spec[i]))) ++i;
        if (i >= spec.size() || spec[i] != '=') continue;
        ++i;
        while (i < spec.size() && std::isspace(static_cast<unsigned char>(spec[i]))) ++i;
        std::string raw, meant;
        if (i < spec.size() && spec[i] == '\'') {
            for (++i; i < spec.size() && spec[i] != '\''; ++i) {
                if (spec[i] == '\\' && i + 1 < spec.size()) raw += spec[i++];
                raw += spec[i];
                meant += spec[i];
            }
        } else {
            for (; i < spec.size() && !std::isspace(static_cast<unsigned char>(spec[i])) && spec[i] != '&'; ++i)
                raw += spec[i];
            meant = percentDecoded(raw);
        }
        addSecret(secrets, raw);
        addSecret(secrets, meant);
    }
}

// Every form the password of `spec` may take in a message.
std::vector<std::string> secretsOf(const std::string& spec)
{
    std::vector<std::string> secrets;
    if (const char* env = std::getenv("PGPASSWORD")) addSecret(secrets, env);
    char* error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(connectionInfo(spec).c_str(), &error)) {
        for (PQconninfoOption* o = options; o->keyword; ++o)
            if (std::strcmp(o->keyword, "password") == 0 && o->val) addSecret(secrets, o->val);
        PQconninfoFree(options);
    }
    if (error) PQfreemem(error);
    uriPasswords(spec, secrets);
    keywordPasswords(spec, secrets);
    return secrets;
}

std::string redactSecrets(std::string text, std::vector<std::string> secrets)
{
    // Longest first, so that a shorter form inside a longer one leaves nothing behind.
    std::sort(secrets.begin(), secrets.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const auto& secret : secrets) {
        for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 4))
            text.replace(pos, secret.size(), "****");
    }
    return text;
}

// libpq's parse error with every quoted part dropped (it quotes the input);
// one-character quotes ("=", "]") only name the syntax, so they stay.
std::string unquotedParseError(const std::string& message)
{
    std::string out;
    for (size_t i = 0; i < message.size(); ++i) {
        const size_t close = message[i] == '"' ? message.find('"', i + 1) : std::string::npos;
        if (close == std::string::npos) {
            out += message[i];
            continue;
        }
        out += close - i - 1 <= 1 ? message.substr(i, close - i + 1) : "\"...\"";
        i = close;
    }
    return out;
}

}  // namespace

std::optional<std::string> connectionSpecProblem(const std::string& spec)
{
    char* error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(connectionInfo(spec).c_str(), &error);
    if (parsed) {
        PQconninfoFree(parsed);
        return std::nullopt;
    }
    std::string message = error ? unquotedParseError(trimmed(error)) : std::string();
    if (error) PQfreemem(error);
    if (message.empty()) message = "libpq cannot parse it";
    return redactPassword(message, spec);
}

std::string redactPassword(const std::string& text, const std::string& spec)
{
    return redactSecrets(text, secretsOf(spec));
}

std::string redactPassword(const std::string& text, const Connection& connection)
{
    std::vector<std::string> secrets;
    if (const char* env = std::getenv("PGPASSWORD")) addSecret(secrets, env);
    if (connection.native() && PQpass(connection.native())) addSecret(secrets, PQpass(connection.native()));
    return redactSecrets(text, std::move(secrets));
}

Connection Connection::open(const std::string& spec, const std::function<bool()>& cancelled)
{
    if (auto problem = connectionSpecProblem(spec)) throw ConnectionError("invalid connection string: " + *problem);
    const std::string info = connectionInfo(spec);

    // expand_dbname lets `dbname` carry the whole spec (URI or key=value), and
    // fallback_application_name shows "pum" in pg_stat_activity unless the user set one.
    const char* keywords[] = {"dbname", "fallback_application_name", nullptr};
    const char* values[] = {info.c_str(), "pum", nullptr};
    detail::ConnectAttempt attempt = detail::connectParams(keywords, values, cancelled);
    PGconn* conn = attempt.conn;
    if (!conn) throw ConnectionError("cannot connect: out of memory");
    if (attempt.outcome != detail::ConnectAttempt::Outcome::Finished || PQstatus(conn) != CONNECTION_OK) {
        std::string target = describeConnection(conn);
        std::string message = trimmed(PQerrorMessage(conn));
        // The password libpq found (service file, ~/.pgpass is never echoed) joins the spec's.
        std::vector<std::string> secrets = secretsOf(spec);
        if (PQpass(conn)) addSecret(secrets, PQpass(conn));
        PQfinish(conn);
        const std::string where = target.empty() || target[0] == ' ' ? std::string() : " to " + target;
        if (attempt.outcome == detail::ConnectAttempt::Outcome::Cancelled)
            throw CancelledError();
        if (attempt.outcome == detail::ConnectAttempt::Outcome::TimedOut)
            message = "no answer within " + std::to_string(attempt.timeoutSeconds) +
                      " s (connect_timeout: set it in the connection string, the service or PGCONNECT_TIMEOUT)";
        if (info.rfind("service=", 0) == 0 && message.find("definition of service") != std::string::npos)
            message += " (is it in ~/.pg_service.conf or the file named by PGSERVICEFILE?)";
        throw ConnectionError(redactSecrets("cannot connect" + where + ": " + message, std::move(secrets)));
    }
    // The lexer maps server error positions (counted in characters) assuming UTF-8.
    PQsetClientEncoding(conn, "UTF8");
    return Connection(conn);
}

namespace {

void forwardNotice(void* arg, const PGresult* result)
{
    auto* handler = static_cast<std::function<void(const std::string&)>*>(arg);
    if (handler && *handler) (*handler)(trimmed(PQresultErrorMessage(result)));
}

}  // namespace

Connection::Connection(pg_conn* connection)
    : conn_(connection),
      cancel_(std::make_shared<CancelHandle>()),
      notices_(std::make_unique<std::function<void(const std::string&)>>())
{
    if (conn_) {
        cancel_->cancel = PQgetCancel(conn_);
        PQsetNoticeReceiver(conn_, forwardNotice, notices_.get());
    }
    registerCancel();
}

void Connection::registerCancel()
{
    auto& registry = cancelRegistry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    auto& handles = registry.handles;
    handles.erase(std::remove_if(handles.begin(), handles.end(), [](const auto& h) { return h.expired(); }),
                  handles.end());
    handles.push_back(cancel_);
}

void Connection::cancelAll()
{
    detail::cancelPendingConnects();
    std::vector<std::shared_ptr<CancelHandle>> live;
    {
        auto& registry = cancelRegistry();
        std::lock_guard<std::mutex> lock(registry.mutex);
        for (const auto& h : registry.handles)
            if (auto handle = h.lock()) live.push_back(std::move(handle));
    }
    for (const auto& handle : live) {
        handle->requested = true;
        CancelHandle::sendInBackground(handle);
    }
}

Connection Connection::borrow(pg_conn* connection)
{
    Connection borrowed(nullptr);
    borrowed.conn_ = connection;
    borrowed.borrowed_ = true;
    borrowed.mode_ = TransactionMode::Join;
    if (connection) {
        std::lock_guard<std::mutex> lock(borrowed.cancel_->mutex);
        borrowed.cancel_->cancel = PQgetCancel(connection);
    }
    return borrowed;
}

void Connection::setNoticeHandler(std::function<void(const std::string&)> handler)
{
    *notices_ = std::move(handler);
}

Connection::Connection(Connection&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)),
      borrowed_(other.borrowed_),
      mode_(other.mode_),
      roundTrips_(other.roundTrips_),
      cancel_(std::move(other.cancel_)),
      notices_(std::move(other.notices_))
{
}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        if (conn_ && !borrowed_) PQfinish(conn_);
        conn_ = std::exchange(other.conn_, nullptr);
        borrowed_ = other.borrowed_;
        mode_ = other.mode_;
        roundTrips_ = other.roundTrips_;
        cancel_ = std::move(other.cancel_);
        notices_ = std::move(other.notices_);
    }
    return *this;
}

Connection::~Connection()
{
    if (conn_ && !borrowed_) PQfinish(conn_);
}

namespace {

[[noreturn]] void throwResultError(PGconn* conn, const PGresult* result, const std::string& sql)
{
    if (PQstatus(conn) != CONNECTION_OK)
        throw ConnectionError("connection to " + describeConnection(conn) + " lost: " + trimmed(PQerrorMessage(conn)));
    SqlErrorInfo info = errorInfo(result, conn);
    info.statement = shortStatement(sql);
    throw SqlError(std::move(info));
}

void checkResult(PGconn* conn, const Result& result, const std::string& sql)
{
    auto status = result.native() ? PQresultStatus(result.native()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throwResultError(conn, result.native(), sql);
}

}  // namespace

Result Connection::exec(const std::string& sql) { return run(sql, nullptr, true); }

Result Connection::execParams(const std::string& sql, const std::vector<std::optional<std::string>>& params)
{
    return run(sql, &params, true);
}

namespace {

constexpr const char* kQueryCanceled = "57014";
// How long one wait for the server lasts before cancellations are looked at again.
constexpr std::chrono::milliseconds kPollInterval{100};
constexpr short kReadWrite = platform::kSocketReadable | platform::kSocketWritable;
// How long a cancelled command waits for the server before giving the connection up.
constexpr std::chrono::milliseconds kCancelGrace{5000};

std::string unsupportedCopy() { return "COPY with data from or to the client (STDIN, STDOUT) is not supported here"; }

// Ends a COPY the server started so that the connection stays usable:
// COPY OUT's rows are read and dropped, COPY IN is ended with an error.
// False when COPY OUT needs more input from the socket first.
bool endCopy(PGconn* conn, ExecStatusType status)
{
    if (status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
        int ended = PQputCopyEnd(conn, unsupportedCopy().c_str());
        if (ended < 0) throw ConnectionError("connection lost while ending a COPY: " + trimmed(PQerrorMessage(conn)));
        if (ended == 0) return false;  // non-blocking and the buffer is full: retry after a poll
        PQflush(conn);
        if (status == PGRES_COPY_IN) return true;
    }
    for (;;) {
        char* row = nullptr;
        int got = PQgetCopyData(conn, &row, 1);
        if (row) PQfreemem(row);
        if (got > 0) continue;
        if (got == 0) return false;
        if (got == -2) throw ConnectionError("connection lost during a COPY: " + trimmed(PQerrorMessage(conn)));
        return true;
    }
}

bool successful(ExecStatusType status)
{
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
}

}  // namespace

void Connection::giveUpIfCancelUnanswered()
{
    if (!cancel_->unansweredFor(kCancelGrace)) return;
    // The server answers neither the statement nor the cancel request (a hung
    // host, a dead VPN link). Closing the socket makes every later command on
    // this connection fail at once, the rollback included; the server rolls
    // the transaction back when it notices the client is gone.
    platform::shutDownSocket(PQsocket(conn_));
    cancel_->abandoned = true;
    throw ConnectionError("the server of " + describe() + " did not answer for " +
                          std::to_string(kCancelGrace.count() / 1000) +
                          " s after the cancel request: the connection was given up, nothing was committed");
}

void Connection::throwIfAbandoned() const
{
    if (cancel_->abandoned)
        throw ConnectionError("the connection to " + describe() +
                              " was given up after an unanswered cancel request: nothing was committed");
}

void Connection::waitForServer(short events)
{
    // Polled in short steps so that a cancellation racing the command's
    // start (the server was idle when the first request came) is re-sent.
    using Outcome = platform::SocketWait::Outcome;
    const auto wait = platform::waitForSocket(PQsocket(conn_), events, kPollInterval);
    if (wait.outcome == Outcome::Failed)
        throw ConnectionError("connection to " + describe() + " lost while waiting: " + wait.error);
    if (wait.outcome == Outcome::TimedOut && cancel_->requested) {
        giveUpIfCancelUnanswered();
        CancelHandle::sendInBackground(cancel_);
    }
    if (wait.outcome == Outcome::Ready && !PQconsumeInput(conn_))
        throw ConnectionError("connection to " + describe() + " lost: " + trimmed(PQerrorMessage(conn_)));
}

Result Connection::run(const std::string& sql, const std::vector<std::optional<std::string>>* params,
                       bool cancellable)
{
    if (cancellable && cancel_->requested) throw CancelledError();
    throwIfAbandoned();
    cancel_->settle(kCancelGrace);
    ++roundTrips_;
    int sent = 0;
    if (params) {
        std::vector<const char*> values;
        values.reserve(params->size());
        for (const auto& p : *params) values.push_back(p ? p->c_str() : nullptr);
        sent = PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    } else {
        sent = PQsendQuery(conn_, sql.c_str());
    }
    if (!sent) throwResultError(conn_, nullptr, sql);
    Result result = awaitResult(sql);
    if (cancellable && cancel_->requested) {
        const char* state = result.native() ? PQresultErrorField(result.native(), PG_DIAG_SQLSTATE) : nullptr;
        if (state && std::strcmp(state, kQueryCanceled) == 0) throw CancelledError();
    }
    checkResult(conn_, result, sql);
    return result;
}

Result Connection::awaitResult(const std::string& sql)
{
    // As PQexec: the first error, else the last result; every result is read
    // so that the connection is ready for the next command.
    Result kept;
    std::optional<std::string> unsupported;
    for (;;) {
        // A borrowed connection may be non-blocking (psycopg's are): the
        // command may still be partly in libpq's buffer.
        const int flushed = PQflush(conn_);
        if (flushed < 0) throwResultError(conn_, nullptr, sql);
        if (flushed == 1 || PQisBusy(conn_)) {
            waitForServer(flushed == 1 ? kReadWrite : platform::kSocketReadable);
            continue;
        }
        PGresult* raw = PQgetResult(conn_);
        if (!raw) break;
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
            PQclear(raw);
            if (!unsupported) unsupported = unsupportedCopy();
            // COPY OUT waits for rows; COPY IN for room to send its end.
            while (!endCopy(conn_, status)) waitForServer(status == PGRES_COPY_OUT ? platform::kSocketReadable : kReadWrite);
            continue;
        }
        Result result(raw);
        const bool keptFailed = kept.native() && !successful(PQresultStatus(kept.native()));
        if (!keptFailed) kept = std::move(result);
    }
    if (PQstatus(conn_) != CONNECTION_OK) throwResultError(conn_, kept.native(), sql);
    if (unsupported) {
        SqlErrorInfo info;
        info.message = *unsupported;
        info.statement = shortStatement(sql);
        throw SqlError(std::move(info));
    }
    if (kept.native() && !successful(PQresultStatus(kept.native())) &&
        PQresultStatus(kept.native()) != PGRES_FATAL_ERROR) {
        SqlErrorInfo info;
        info.message = std::string("unexpected result from the server: ") + PQresStatus(PQresultStatus(kept.native()));
        info.statement = shortStatement(sql);
        throw SqlError(std::move(info));
    }
    return kept;
}

namespace {

// Leaves pipeline mode and restores blocking mode on every way out of
// runStatements, exceptions from feedback callbacks and bad_alloc included.
class PipelineGuard {
public:
    PipelineGuard(PGconn* conn, Connection::CancelHandle& cancel) : conn_(conn), cancel_(cancel) {}
    PipelineGuard(const PipelineGuard&) = delete;
    PipelineGuard& operator=(const PipelineGuard&) = delete;
    ~PipelineGuard() { leave(); }

    bool synced = false;    // the sync point is queued
    bool finished = false;  // its result was read: nothing pending

    void leave() noexcept
    {
        if (left_) return;
        left_ = true;
        // A connection given up after an unanswered cancel (socket closed) has
        // nothing to read, and another cancel request would wait on the stuck one.
        if (!finished && !cancel_.abandoned && PQstatus(conn_) == CONNECTION_OK) {
            // Left early (a callback threw): stop what still runs, then read
            // every pending result up to the sync point, which ends the pipeline.
            if (!synced) PQpipelineSync(conn_);
            PQsetnonblocking(conn_, 0);
            PQflush(conn_);
            sendCancel();
            for (int i = 0; i < 100000 && PQstatus(conn_) == CONNECTION_OK; ++i) {
                PGresult* r = PQgetResult(conn_);
                if (!r) continue;
                const ExecStatusType status = PQresultStatus(r);
                PQclear(r);
                if (status == PGRES_PIPELINE_SYNC) break;
                if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
                    try {
                        endCopy(conn_, status);
                    } catch (...) {
                        break;
                    }
                }
            }
        }
        // Results still pending (connection broken) are discarded before leaving.
        for (int i = 0; i < 1000 && PQexitPipelineMode(conn_) != 1; ++i) {
            PGresult* r = PQgetResult(conn_);
            if (!r && PQstatus(conn_) != CONNECTION_OK) break;
            if (r) PQclear(r);
        }
        PQsetnonblocking(conn_, 0);
    }

private:
    void sendCancel() noexcept
    {
        try {
            cancel_.send();
        } catch (...) {
        }
    }
    PGconn* conn_;
    Connection::CancelHandle& cancel_;
    bool left_ = false;
};

// One runStatements call's pipeline: the statements sent, the results read.
class PipelineBatch {
public:
    PipelineBatch(Connection& connection, PipelineGuard& guard, const std::vector<SqlStatement>& statements,
                  const std::string& source, Feedback* feedback, std::size_t doneBefore, std::size_t total)
        : connection_(connection), conn_(connection.native()), guard_(guard), statements_(statements),
          source_(source), feedback_(feedback), doneBefore_(doneBefore), total_(total)
    {
    }

    bool cancelled = false;
    bool copyIn = false;  // the server read our next statements as COPY data and will end the connection
    std::optional<SqlError> failure;

    ConnectionError lost(const std::string& what) const
    {
        return ConnectionError("connection to " + connection_.describe() + " lost while " + what + ": " +
                               trimmed(PQerrorMessage(conn_)));
    }

    // Queues statements until libpq's output buffer is full, then the sync
    // point once all are queued (or the batch stops early). The server answers
    // while we send, so a large batch cannot deadlock. True while output waits to be flushed.
    bool send()
    {
        const std::size_t count = statements_.size();
        while (!guard_.synced && sent_ < count && !failure && !cancelled) {
            if (!PQsendQueryParams(conn_, statements_[sent_].text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0))
                throw lost("sending " + source_);
            ++sent_;
            const int flushed = PQflush(conn_);
            if (flushed < 0) throw lost("sending " + source_);
            if (flushed == 1) break;
        }
        if (!guard_.synced && (sent_ == count || failure || cancelled)) {
            if (!PQpipelineSync(conn_)) throw lost("sending " + source_);
            guard_.synced = true;
        }
        const int flushed = PQflush(conn_);
        if (flushed < 0) throw lost("sending " + source_);
        return flushed == 1;
    }

    // Reads every result already received, up to the sync point.
    void receive()
    {
        while (!guard_.finished && !PQisBusy(conn_)) {
            PGresult* raw = PQgetResult(conn_);
            if (!raw) {
                // End of one statement's results.
                if (current_ < sent_) ++current_;
                if (PQstatus(conn_) != CONNECTION_OK) throw lost("reading results of " + source_);
                if (current_ >= sent_ && !guard_.synced) break;  // nothing queued to read yet
                continue;
            }
            if (!take(raw)) break;
        }
    }

private:
    // One result of the current statement. False when COPY OUT needs more input first.
    bool take(PGresult* raw)
    {
        const ExecStatusType status = PQresultStatus(raw);
        Result result(raw);
        switch (status) {
        case PGRES_PIPELINE_SYNC:
            guard_.finished = true;
            break;
        case PGRES_FATAL_ERROR:
            failAtServerError(raw);
            break;
        case PGRES_PIPELINE_ABORTED:
            break;
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
            fail(unsupportedCopy());
            copyIn = copyIn || status != PGRES_COPY_OUT;
            return endCopy(conn_, status);
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
            reportDone();
            break;
        default:
            // Any state not handled above is an error, never silently skipped.
            fail(std::string("unexpected result from the server: ") + PQresStatus(status));
            break;
        }
        return true;
    }

    void reportDone()
    {
        const std::size_t count = statements_.size();
        if (feedback_ && current_ < count && (current_ % 64 == 0 || current_ + 1 == count))
            feedback_->progress(doneBefore_ + current_ + 1, total_, source_);
        if (feedback_ && current_ < count)
            feedback_->log(Feedback::Level::Trace, shortStatement(statements_[current_].text));
    }

    // The server's error, at the line of the statement (refined by its error position).
    void failAtServerError(const PGresult* raw)
    {
        if (failure || current_ >= statements_.size()) return;
        const SqlStatement& st = statements_[current_];
        SqlErrorInfo info = errorInfo(raw, conn_);
        info.file = source_;
        const int position = errorPosition(raw);
        info.line = position > 0 ? st.lineAtPosition(position) : st.line;
        info.statement = shortStatement(st.text);
        failure.emplace(std::move(info));
    }

    void fail(std::string message)
    {
        if (failure) return;
        SqlErrorInfo info;
        info.file = source_;
        const bool known = current_ < statements_.size();
        info.line = known ? statements_[current_].line : 0;
        if (known) info.statement = shortStatement(statements_[current_].text);
        info.message = std::move(message);
        failure.emplace(std::move(info));
    }

    Connection& connection_;
    PGconn* conn_;
    PipelineGuard& guard_;
    const std::vector<SqlStatement>& statements_;
    const std::string& source_;
    Feedback* feedback_;
    std::size_t doneBefore_;
    std::size_t total_;
    std::size_t sent_ = 0;     // statements queued
    std::size_t current_ = 0;  // statement whose results are being read
};

}  // namespace

void Connection::runStatements(const std::vector<SqlStatement>& statements, const std::string& source,
                               Feedback* feedback, std::size_t doneBefore, std::size_t total)
{
    if (statements.empty()) return;
    if (cancel_->requested) throw CancelledError();
    throwIfAbandoned();
    cancel_->settle(kCancelGrace);
    if (total == 0) total = doneBefore + statements.size();

    if (PQenterPipelineMode(conn_) != 1)
        throw ConnectionError("connection to " + describe() + " lost while starting a batch: " +
                              trimmed(PQerrorMessage(conn_)));
    PipelineGuard guard(conn_, *cancel_);
    PipelineBatch batch(*this, guard, statements, source, feedback, doneBefore, total);
    PQsetnonblocking(conn_, 1);
    ++roundTrips_;
    using Outcome = platform::SocketWait::Outcome;
    try {
        while (!guard.finished) {
            const bool flushing = batch.send();
            // A short timeout so that a cancellation request is noticed while a long statement runs.
            const auto wait =
                platform::waitForSocket(PQsocket(conn_), flushing ? kReadWrite : platform::kSocketReadable, kPollInterval);
            if (wait.outcome == Outcome::Failed) throw batch.lost("waiting for the server");
            if (!batch.cancelled && (cancel_->requested || (feedback && feedback->isCancelled()))) {
                // The feedback's cancellation ends this call only: the connection stays usable.
                batch.cancelled = true;
                CancelHandle::sendInBackground(cancel_);
            } else if (batch.cancelled && wait.outcome == Outcome::TimedOut) {
                giveUpIfCancelUnanswered();
                CancelHandle::sendInBackground(cancel_);  // the first request may have reached the server between two statements
            }
            if (wait.outcome == Outcome::Ready && wait.readable && !PQconsumeInput(conn_))
                throw batch.lost("reading results of " + source);
            batch.receive();
        }
    } catch (const ConnectionError&) {
        // The COPY is the cause: report it at its line, not as a network fault.
        if (!batch.copyIn || !batch.failure) throw;
        SqlErrorInfo info = batch.failure->info();
        info.message += " (the server closed the connection; nothing was committed)";
        throw SqlError(std::move(info));
    }
    guard.leave();
    if (batch.cancelled) throw CancelledError();
    if (batch.failure) throw *batch.failure;
}

std::string Connection::quoteIdentifier(const std::string& identifier) const
{
    char* quoted = PQescapeIdentifier(conn_, identifier.c_str(), identifier.size());
    if (!quoted) throw Error("cannot quote identifier: " + trimmed(PQerrorMessage(conn_)));
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
}

std::string Connection::quoteLiteral(const std::string& value) const
{
    char* quoted = PQescapeLiteral(conn_, value.c_str(), value.size());
    if (!quoted) throw Error("cannot quote literal: " + trimmed(PQerrorMessage(conn_)));
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
}

std::string Connection::describe() const { return describeConnection(conn_); }

std::string Connection::databaseName() const { return PQdb(conn_) ? PQdb(conn_) : ""; }

void Connection::requestCancel()
{
    if (!cancel_) return;
    cancel_->requested = true;
    CancelHandle::sendInBackground(cancel_);
}

bool Connection::cancelRequested() const { return cancel_ && cancel_->requested; }

bool Connection::inTransaction() const
{
    auto status = PQtransactionStatus(conn_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

// ---------------------------------------------------------------- Transaction

Transaction::Transaction(Connection& connection) : connection_(connection)
{
    joined_ = connection_.transactionMode() != Connection::TransactionMode::Own;
    // Joining: open a transaction only when the caller has none, so that the
    // caller's commit() or rollback() decides for everything.
    if (!joined_ || PQtransactionStatus(connection_.native()) == PQTRANS_IDLE) connection_.exec("BEGIN");
    active_ = true;
}

Transaction::~Transaction()
{
    if (active_ && !joined_) {
        // Never throws: the error that unwound us is the one to report.
        try {
            rollback();
        } catch (...) {
        }
    }
}

void Transaction::commit()
{
    active_ = false;
    if (joined_ && connection_.transactionMode() != Connection::TransactionMode::JoinAndCommit) return;
    Result result = connection_.exec("COMMIT");
    // COMMIT of a failed transaction succeeds with the tag ROLLBACK.
    if (std::strcmp(PQcmdStatus(result.native()), "COMMIT") != 0)
        throw CommandError("the transaction was rolled back by the server: nothing was changed");
}

void Transaction::rollback()
{
    active_ = false;
    // Not cancellable: after a cancellation, this is what puts things back.
    if (PQstatus(connection_.native()) == CONNECTION_OK) connection_.run("ROLLBACK", nullptr, false);
}

}  // namespace pum
