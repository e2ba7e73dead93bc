#pragma once
// libpq behind small RAII types.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace pum {

class Feedback;
struct SqlStatement;

class Result {
public:
    Result() = default;
    explicit Result(pg_result* result);
    Result(Result&&) noexcept;
    Result& operator=(Result&&) noexcept;
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result();

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    std::string value(int row, int column) const;            // "" when NULL
    std::optional<std::string> get(int row, int column) const;  // nullopt when NULL
    std::string columnName(int column) const;
    long long affectedRows() const;  // from the command tag; 0 when none
    pg_result* native() const { return result_; }

private:
    pg_result* result_ = nullptr;
};

class Connection {
public:
    // `spec` is a pg_service name, a postgresql:// (or postgres://) URI, or a
    // key=value string; libpq's environment variables (PGHOST, PGPASSWORD,
    // PGSERVICEFILE...) fill in the rest. Throws ConnectionError whose message
    // never contains the password. Gives up after the connection's
    // connect_timeout (else 10 s) with ConnectionError, and with
    // CancelledError as soon as `cancelled` returns true (polled every 50 ms)
    // or cancelAll() is called.
    static Connection open(const std::string& spec, const std::function<bool()>& cancelled = {});
    // Takes ownership of an established connection.
    explicit Connection(pg_conn* connection);
    // A Connection on a PGconn that someone else owns (a caller's psycopg
    // connection): never finished here, its notice receiver left alone, and
    // commands join the owner's transaction (see TransactionMode).
    static Connection borrow(pg_conn* connection);
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    pg_conn* native() const { return conn_; }

    // One round trip. Throws SqlError (sqlstate, message, detail, hint) or ConnectionError.
    Result exec(const std::string& sql);
    Result execParams(const std::string& sql, const std::vector<std::optional<std::string>>& params);

    // Sends all statements in one pipeline (one round trip; the socket is
    // drained while sending so large batches cannot deadlock) and reads every
    // result. On the first failure throws SqlError located at the statement's
    // source line (refined by the server's error position). Progress is
    // reported per statement as `doneBefore + i` of `total`.
    void runStatements(const std::vector<SqlStatement>& statements, const std::string& source,
                       Feedback* feedback = nullptr, std::size_t doneBefore = 0,
                       std::size_t total = 0);

    std::string quoteIdentifier(const std::string& identifier) const;
    std::string quoteLiteral(const std::string& value) const;

    // "dbname on host:port as user" for messages; no password.
    std::string describe() const;
    std::string databaseName() const;

    // Times the client waited for the server (each exec, each pipeline).
    std::uint64_t roundTrips() const { return roundTrips_; }

    // Asks the server to cancel the running statement. Safe from another
    // thread, and returns at once: the request goes out from a thread of its
    // own. A command whose server answers neither it nor the cancel within
    // 5 s gives the connection up (ConnectionError).
    // Sticky: from then on every command on this connection throws
    // CancelledError (a request racing a command's start is re-sent while it
    // runs), except the rollback of a Transaction.
    void requestCancel();
    bool cancelRequested() const;
    // requestCancel() on every open Connection of the process: what the CLI's
    // Ctrl-C does (from a watcher thread; not from a signal handler).
    static void cancelAll();
    struct CancelHandle;  // implementation detail (database.cpp)

    bool inTransaction() const;

    // What a command's Transaction does on this connection.
    enum class TransactionMode {
        Own,            // BEGIN ... COMMIT, ROLLBACK on failure (the CLI, the plugin)
        Join,           // the caller's transaction (BEGIN only when none is open); never COMMIT or ROLLBACK
        JoinAndCommit,  // as Join, then COMMIT at the end (pum's API with commit=True)
    };
    void setTransactionMode(TransactionMode mode) { mode_ = mode; }
    TransactionMode transactionMode() const { return mode_; }
    bool borrowed() const { return borrowed_; }

    // Where the server's NOTICE/WARNING messages go (default: dropped, so
    // that nothing is printed behind the caller's back). Pass {} to reset.
    void setNoticeHandler(std::function<void(const std::string&)> handler);

private:
    friend class Transaction;
    // `cancellable`: false for the ROLLBACK that follows a cancellation.
    Result run(const std::string& sql, const std::vector<std::optional<std::string>>* params, bool cancellable);
    Result awaitResult(const std::string& sql);
    void waitForServer(short events);
    // Throws ConnectionError (and closes the socket) once a cancel request has gone unanswered too long.
    void giveUpIfCancelUnanswered();
    void throwIfAbandoned() const;  // after giveUpIfCancelUnanswered: every command fails at once
    void registerCancel();

    pg_conn* conn_ = nullptr;
    bool borrowed_ = false;
    TransactionMode mode_ = TransactionMode::Own;
    std::uint64_t roundTrips_ = 0;
    std::shared_ptr<CancelHandle> cancel_;
    // Heap-held so that libpq's pointer to it survives moves of the Connection.
    std::unique_ptr<std::function<void(const std::string&)>> notices_;
};

// BEGIN on construction; ROLLBACK on destruction unless commit() ran. On a
// connection in Join mode it joins the caller's transaction instead: commit()
// commits only in JoinAndCommit mode, and a failure is left to the caller's rollback.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();
    void rollback();
    bool active() const { return active_; }

private:
    Connection& connection_;
    bool active_ = false;
    bool joined_ = false;
};

// A text[] literal for a bind parameter ($1::text[]): each element double-quoted
// and escaped, so that any name (spaces, commas, quotes) goes through unchanged.
std::string textArrayLiteral(const std::vector<std::string>& values);

// The libpq conninfo for a user's spec: a bare word is a service name.
std::string connectionInfo(const std::string& spec);
// A value quoted for a libpq key=value string: 'it\'s'.
std::string quoteConninfoValue(const std::string& value);
// Why libpq cannot parse `spec`, without quoting any part of it (libpq's own
// message quotes the string, password included); nullopt when it parses.
std::optional<std::string> connectionSpecProblem(const std::string& spec);

// The one redaction every output goes through (messages, logs, exceptions,
// `info --json`, reports): replaces by "****" in `text` the password of
// `spec`, as libpq reads it and as it is written (percent-encoded, quoted,
// escaped; found even when libpq cannot parse `spec`), and PGPASSWORD's.
std::string redactPassword(const std::string& text, const std::string& spec);
// The same for the password `connection` was opened with (service file included).
std::string redactPassword(const std::string& text, const Connection& connection);

}  // namespace pum
