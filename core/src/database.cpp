#include "pum/database.h"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>

#include "pum/error.h"
#include "pum/feedback.h"
#include "pum/sql.h"

namespace pum {

namespace {

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
    size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\n')) ++start;
    return text.substr(start);
}

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

// Quotes a value for a libpq key=value string.
std::string conninfoValue(const std::string& value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
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
    ~CancelHandle()
    {
        if (cancel) PQfreeCancel(cancel);
    }
};

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

std::string connectionInfo(const std::string& spec)
{
    size_t start = spec.find_first_not_of(" \t\n");
    if (start == std::string::npos) return {};  // everything from the environment (PGHOST, PGSERVICE...)
    std::string s = spec.substr(start);
    if (s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0) return s;
    if (s.find('=') != std::string::npos) return s;
    return "service=" + conninfoValue(s);
}

std::string redactPassword(const std::string& text, const std::string& spec)
{
    std::vector<std::string> secrets;
    if (const char* env = std::getenv("PGPASSWORD"); env && *env) secrets.emplace_back(env);
    char* error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(connectionInfo(spec).c_str(), &error)) {
        for (PQconninfoOption* o = options; o->keyword; ++o)
            if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) secrets.emplace_back(o->val);
        PQconninfoFree(options);
    }
    if (error) PQfreemem(error);
    std::string out = text;
    for (const auto& secret : secrets) {
        for (size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos + 4))
            out.replace(pos, secret.size(), "****");
    }
    return out;
}

Connection Connection::open(const std::string& spec)
{
    const std::string info = connectionInfo(spec);
    char* parseError = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(info.c_str(), &parseError);
    if (!parsed) {
        std::string message = parseError ? trimmed(parseError) : "invalid connection string";
        if (parseError) PQfreemem(parseError);
        throw ConnectionError(redactPassword("invalid connection string: " + message, spec));
    }
    PQconninfoFree(parsed);

    // expand_dbname lets `dbname` carry the whole spec (URI or key=value), and
    // fallback_application_name shows "pum" in pg_stat_activity unless the user set one.
    const char* keywords[] = {"dbname", "fallback_application_name", nullptr};
    const char* values[] = {info.c_str(), "pum", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (!conn) throw ConnectionError("cannot connect: out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string target = describeConnection(conn);
        std::string message = trimmed(PQerrorMessage(conn));
        PQfinish(conn);
        if (info.rfind("service=", 0) == 0 && message.find("definition of service") != std::string::npos)
            message += " (is it in ~/.pg_service.conf or the file named by PGSERVICEFILE?)";
        const std::string where = target.empty() || target[0] == ' ' ? std::string() : " to " + target;
        throw ConnectionError(redactPassword("cannot connect" + where + ": " + message, spec));
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
}

Connection Connection::borrow(pg_conn* connection)
{
    Connection borrowed(nullptr);
    borrowed.conn_ = connection;
    borrowed.borrowed_ = true;
    borrowed.mode_ = TransactionMode::Join;
    if (connection) borrowed.cancel_->cancel = PQgetCancel(connection);
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

Result Connection::exec(const std::string& sql)
{
    ++roundTrips_;
    Result result(PQexec(conn_, sql.c_str()));
    checkResult(conn_, result, sql);
    return result;
}

Result Connection::execParams(const std::string& sql, const std::vector<std::optional<std::string>>& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    ++roundTrips_;
    Result result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0));
    checkResult(conn_, result, sql);
    return result;
}

void Connection::runStatements(const std::vector<SqlStatement>& statements, const std::string& source,
                               Feedback* feedback, std::size_t doneBefore, std::size_t total)
{
    if (statements.empty()) return;
    const size_t count = statements.size();
    if (total == 0) total = doneBefore + count;

    auto lost = [&](const std::string& what) {
        return ConnectionError("connection to " + describe() + " lost while " + what + ": " +
                               trimmed(PQerrorMessage(conn_)));
    };

    if (PQenterPipelineMode(conn_) != 1) throw lost("starting a batch");
    PQsetnonblocking(conn_, 1);
    ++roundTrips_;

    size_t sent = 0;       // statements queued
    size_t current = 0;    // statement whose results are being read
    bool synced = false;   // sync point queued: nothing more will be sent
    bool cancelled = false;
    std::optional<SqlError> failure;
    std::optional<ConnectionError> broken;

    auto leavePipeline = [&] {
        // Results still pending (connection broken) are discarded before leaving.
        for (int i = 0; i < 1000 && PQexitPipelineMode(conn_) != 1; ++i) {
            PGresult* r = PQgetResult(conn_);
            if (!r && PQstatus(conn_) != CONNECTION_OK) break;
            if (r) PQclear(r);
        }
        PQsetnonblocking(conn_, 0);
    };

    try {
        bool done = false;
        while (!done) {
            // Queue statements until libpq's output buffer is full, then go read:
            // the server answers while we send, so a large batch cannot deadlock.
            while (!synced && sent < count && !failure && !cancelled) {
                if (!PQsendQueryParams(conn_, statements[sent].text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0))
                    throw lost("sending " + source);
                ++sent;
                int flushed = PQflush(conn_);
                if (flushed < 0) throw lost("sending " + source);
                if (flushed == 1) break;
            }
            if (!synced && (sent == count || failure || cancelled)) {
                if (!PQpipelineSync(conn_)) throw lost("sending " + source);
                synced = true;
            }
            int flushed = PQflush(conn_);
            if (flushed < 0) throw lost("sending " + source);

            pollfd fd{PQsocket(conn_), static_cast<short>(POLLIN | (flushed == 1 ? POLLOUT : 0)), 0};
            // A short timeout so that a cancellation request is noticed while a long statement runs.
            int ready = poll(&fd, 1, 100);
            if (ready < 0 && errno != EINTR) throw lost("waiting for the server");
            if (feedback && !cancelled && feedback->isCancelled()) {
                cancelled = true;
                requestCancel();
            }
            if (ready > 0 && (fd.revents & (POLLIN | POLLERR | POLLHUP))) {
                if (!PQconsumeInput(conn_)) throw lost("reading results of " + source);
            }
            while (!done && !PQisBusy(conn_)) {
                PGresult* raw = PQgetResult(conn_);
                if (!raw) {
                    // End of one statement's results.
                    if (current < sent) ++current;
                    if (PQstatus(conn_) != CONNECTION_OK) throw lost("reading results of " + source);
                    if (current >= sent && !synced) break;  // nothing queued to read yet
                    continue;
                }
                Result result(raw);
                switch (PQresultStatus(raw)) {
                case PGRES_PIPELINE_SYNC:
                    done = true;
                    break;
                case PGRES_FATAL_ERROR:
                    if (!failure && current < count) {
                        const SqlStatement& st = statements[current];
                        SqlErrorInfo info = errorInfo(raw, conn_);
                        info.file = source;
                        int position = errorPosition(raw);
                        info.line = position > 0 ? st.lineAtPosition(position) : st.line;
                        info.statement = shortStatement(st.text);
                        failure.emplace(std::move(info));
                    }
                    break;
                case PGRES_PIPELINE_ABORTED:
                    break;
                case PGRES_COPY_IN:
                case PGRES_COPY_OUT:
                case PGRES_COPY_BOTH:
                    if (!failure) {
                        SqlErrorInfo info;
                        info.file = source;
                        info.line = current < count ? statements[current].line : 0;
                        info.message = "COPY with data from or to the client is not supported here";
                        failure.emplace(std::move(info));
                    }
                    break;
                default:
                    if (feedback && current < count && (current % 64 == 0 || current + 1 == count))
                        feedback->progress(doneBefore + current + 1, total, source);
                    if (feedback && current < count)
                        feedback->log(Feedback::Level::Trace, shortStatement(statements[current].text));
                    break;
                }
            }
        }
    } catch (const ConnectionError& e) {
        broken = e;
    }
    leavePipeline();
    if (broken) throw *broken;
    if (cancelled) throw CancelledError();
    if (failure) throw *failure;
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
    std::lock_guard<std::mutex> lock(cancel_->mutex);
    if (!cancel_->cancel) return;
    char buffer[256];
    PQcancel(cancel_->cancel, buffer, sizeof buffer);
}

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
    if (PQstatus(connection_.native()) == CONNECTION_OK) connection_.exec("ROLLBACK");
}

}  // namespace pum
