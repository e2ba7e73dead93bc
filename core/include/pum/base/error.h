#pragma once
// Error types of the core. Each is caught once at the edge (CLI exit code,
// plugin message bar, Python exception); what() is the one-line message.
#include <stdexcept>
#include <string>

namespace pum {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Invalid `.pum.yaml` or module layout. what() reads "FILE:LINE: KEY: MESSAGE"
// (line and key left out when unknown).
class ConfigError : public Error {
public:
    ConfigError(std::string file, int line, std::string key, std::string message);
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const std::string& key() const { return key_; }
    const std::string& message() const { return message_; }

private:
    std::string file_;
    int line_;
    std::string key_;
    std::string message_;
};

// A parameter value that is undeclared, missing or does not parse / is not allowed.
// The message names the parameter itself; name() is for programs.
class ParameterError : public Error {
public:
    ParameterError(std::string name, std::string message);
    const std::string& name() const { return name_; }

private:
    std::string name_;
};

// An error reported by the server or by our SQL lexer. `file`/`line` locate
// the statement in its source (changelog, hook file, inline code) when known.
struct SqlErrorInfo {
    std::string sqlstate;   // e.g. "42P01"; empty for lexer errors
    std::string message;    // primary message
    std::string detail;
    std::string hint;
    std::string context;    // server's CONTEXT (e.g. PL/pgSQL line)
    std::string file;       // source file or description ("inline code in .pum.yaml")
    int line = 0;           // 1-based line in `file`, 0 when unknown
    std::string statement;  // the failing statement, possibly shortened
    int column = 0;         // 1-based, in characters, on `line` (our lexer's errors); 0 when unknown
};

class SqlError : public Error {
public:
    explicit SqlError(SqlErrorInfo info);
    const SqlErrorInfo& info() const { return info_; }
    const std::string& sqlstate() const { return info_.sqlstate; }
    const std::string& file() const { return info_.file; }
    int line() const { return info_.line; }
    // Fill in the source location afterwards (keeps the server fields).
    SqlError withLocation(std::string file, int line) const;

private:
    SqlErrorInfo info_;
};

// Connection failure or lost connection. Never carries a password.
class ConnectionError : public Error {
public:
    using Error::Error;
};

// A hook that failed for a reason other than SQL (Python exception, missing runner...).
class HookError : public Error {
public:
    using Error::Error;
};

// A command refused because of the database's state or the options given
// (already installed, other module, beta testing, changed parameter...).
class CommandError : public Error {
public:
    using Error::Error;
};

// The user cancelled; the transaction was rolled back.
class CancelledError : public Error {
public:
    // "committed", not "changed": joining a caller's transaction, the rollback is the caller's.
    CancelledError() : Error("cancelled: nothing was committed") {}
};

}  // namespace pum
