#include "pum/sql/sql.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "pum/base/error.h"
#include "base/ascii.h"
#include "base/text_input.h"

namespace pum {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isHigh(char c) { return static_cast<unsigned char>(c) >= 0x80; }
// PostgreSQL's identifier characters: letters, '_' and any non-ASCII byte to
// start; digits and '$' may follow.
bool identStart(char c) { return isAlpha(c) || c == '_' || isHigh(c); }
bool identCont(char c) { return identStart(c) || isDigit(c) || c == '$'; }
// Dollar-quote tags are identifier characters without '$'.
bool tagCont(char c) { return identStart(c) || isDigit(c); }
bool nameChar(char c) { return isAlpha(c) || isDigit(c) || c == '_'; }

// End of the dollar-quote delimiter (`$$`, `$tag$`) starting at `at` in
// `text`, or 0 when there is none.
std::size_t delimiterEnd(std::string_view text, std::size_t at)
{
    std::size_t k = at + 1;
    if (k < text.size() && identStart(text[k]))
        while (k < text.size() && tagCont(text[k])) ++k;
    return k < text.size() && text[k] == '$' ? k + 1 : 0;
}

// No statement after substitution may be larger, nor may substitution add
// more to one file (docs/sql.md): it bounds the memory a file and its
// values can take, whatever the values and however often they are used.
constexpr std::size_t kMaxStatementBytes = std::size_t(64) << 20;
constexpr std::size_t kMaxSubstitutedBytes = std::size_t(64) << 20;
// A value joined to a longer run of identifier characters is refused, so
// that looking at the run stays cheap (PostgreSQL keeps 63 bytes of a name).
constexpr std::size_t kMaxJoinedRun = 1024;

// Quotes nested deeper than this inside a dollar-quoted body are refused:
// no real code comes near it, and it bounds the scanner's recursion.
constexpr std::size_t kMaxDollarDepth = 64;


std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Where a placeholder stands decides how its value is written.
enum class Context { Plain, Dollar, DollarString, DollarIdent, String, EString, UString, Ident };

// The first tokens of a statement, enough to recognise transaction control
// and pg_dump's set_config.
struct Token {
    enum Kind { Word, String, Ident, Other } kind = Other;
    std::string text;  // lower-cased for words; content for strings and identifiers
};

// Thrown (and caught in run()) when a chunk ends inside a string, comment
// or placeholder: the statement continues in the next chunk.
struct ChunkEnded {};

class Parser {
public:
    Parser(std::string_view sql, std::string source, const ParameterValues& parameters, const SqlOptions& options,
           SqlChunk* chunk = nullptr)
        : src_(sql), params_(parameters), options_(options), chunk_(chunk)
    {
        if (chunk_) substituted_ = chunk_->substituted;
        script_.source = std::move(source);
        auto starts = std::make_shared<std::vector<std::size_t>>();
        starts->push_back(0);
        for (const char* p = src_.data(); (p = static_cast<const char*>(
                                               std::memchr(p, '\n', src_.size() - (p - src_.data())))) != nullptr;)
            starts->push_back(static_cast<std::size_t>(++p - src_.data()));
        lineStarts_ = std::move(starts);
    }

    SqlScript run()
    {
        if (auto problem = detail::findTextProblem(src_); problem.offset != std::string_view::npos)
            fail(problem.offset, "SQL text must be UTF-8 without NUL bytes: " + problem.what +
                                     " on this line" + (src_.starts_with("\xFF\xFE") || src_.starts_with("\xFE\xFF")
                                                            ? " (the file looks like UTF-16)"
                                                            : ""));
        std::size_t i = 0;
        // A UTF-8 byte order mark is not SQL; the server would choke on it.
        if ((!chunk_ || chunk_->first) && src_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
        const std::size_t n = src_.size();
        try {
            scan(i, n);
        } catch (const ChunkEnded&) {
            active_ = false;  // its statement is parsed again with the next chunk
        }
        if (partial()) {
            if (active_) active_ = false;
            chunk_->consumed = consumed_;
        } else if (active_) {
            endStatement(lastTokenEnd_);
        }
        if (chunk_) {
            chunk_->substituted = partial() ? substitutedConsumed_ : substituted_;
            if (!partial()) chunk_->consumed = n;
        }
        script_.lineStarts = *lineStarts_;
        return std::move(script_);
    }

private:
    bool partial() const { return chunk_ && !chunk_->last; }

    void scan(std::size_t i, std::size_t n)
    {
        while (i < n) {
            char c = src_[i];
            if (isSpace(c)) {
                ++i;
            } else if (c == '-' && i + 1 < n && src_[i + 1] == '-') {
                const void* eol = std::memchr(src_.data() + i, '\n', n - i);
                i = eol ? static_cast<std::size_t>(static_cast<const char*>(eol) - src_.data()) : n;
            } else if (c == '/' && i + 1 < n && src_[i + 1] == '*') {
                i = skipBlockComment(i, n, true);
            } else {
                i = token(i);
            }
            if (!active_) {
                consumed_ = i;
                substitutedConsumed_ = substituted_;
            }
        }
    }

    std::string_view src_;
    const ParameterValues& params_;
    const SqlOptions& options_;
    SqlChunk* chunk_ = nullptr;
    std::size_t consumed_ = 0;  // source bytes up to the end of the last complete statement
    std::size_t substitutedConsumed_ = 0;  // substituted_ at that point
    SqlScript script_;
    std::shared_ptr<const std::vector<std::size_t>> lineStarts_;

    // The statement being built.
    bool active_ = false;
    std::string out_;
    std::vector<std::pair<std::size_t, std::size_t>> map_;
    std::size_t copyFrom_ = 0;      // source bytes from here on are not yet in out_
    bool afterValue_ = false;       // the last thing appended was a substituted value
    std::size_t lastTokenEnd_ = 0;  // end of the statement's last token (trailing comments excluded)
    int line_ = 0;
    std::size_t start_ = 0;
    std::array<std::string, 4> idents_;  // first identifiers, lower-cased, as psql tracks them
    int identCount_ = 0;
    int beginDepth_ = 0;  // BEGIN/CASE ... END depth inside CREATE FUNCTION/PROCEDURE
    std::vector<Token> first_;
    bool prevWordFrom_ = false;
    bool copyFromStdin_ = false;
    int parenDepth_ = 0;
    bool wantTokens_ = false;  // the first word needs the following tokens checked
    bool isCopy_ = false;
    std::size_t substituted_ = 0;  // bytes of values added to the file so far

    int rawLine(std::size_t offset) const
    {
        return static_cast<int>(std::upper_bound(lineStarts_->begin(), lineStarts_->end(), offset) -
                                lineStarts_->begin());
    }
    int lineOf(std::size_t offset) const { return rawLine(offset) + options_.firstLine - 1; }
    // Characters (not bytes: UTF-8 continuation bytes are skipped) from the line's start, 1-based.
    int columnOf(std::size_t offset) const
    {
        const std::size_t start = (*lineStarts_)[static_cast<std::size_t>(rawLine(offset) - 1)];
        int column = 1;
        for (std::size_t k = start; k < offset && k < src_.size(); ++k)
            if ((static_cast<unsigned char>(src_[k]) & 0xC0) != 0x80) ++column;
        return column;
    }

    // An error found by running into the end of the text: in a chunk that
    // more text follows, the construct may end there.
    [[noreturn]] void failAtEnd(std::size_t offset, std::string message) const
    {
        if (partial()) throw ChunkEnded{};
        fail(offset, std::move(message));
    }

    [[noreturn]] void fail(std::size_t offset, std::string message) const
    {
        SqlErrorInfo info;
        info.message = std::move(message);
        info.file = script_.source;
        info.line = lineOf(offset);
        info.column = columnOf(offset);
        throw SqlError(std::move(info));
    }

    // ---- output and offset map ----

    void flush(std::size_t to)
    {
        if (to <= copyFrom_) return;
        std::size_t expected = map_.empty() ? std::size_t(-1) : map_.back().second + (out_.size() - map_.back().first);
        if (afterValue_ || expected != copyFrom_) addPair(copyFrom_);
        afterValue_ = false;
        reserveOutput(to - copyFrom_);
        out_.append(src_.data() + copyFrom_, to - copyFrom_);
        copyFrom_ = to;
    }

    void addPair(std::size_t sourceOffset)
    {
        if (!map_.empty() && map_.back().first == out_.size()) map_.back().second = sourceOffset;
        else map_.emplace_back(out_.size(), sourceOffset);
    }

    void appendValue(std::size_t braceOffset, std::size_t resumeAt, const std::string& value)
    {
        flush(braceOffset);
        addPair(braceOffset);
        reserveOutput(value.size());
        substituted_ += value.size();
        if (substituted_ > kMaxSubstitutedBytes)
            fail(braceOffset, "parameter values add more than " + std::to_string(kMaxSubstitutedBytes >> 20) +
                                  " MiB to this file: pass large data as a file, not as a parameter");
        out_ += value;
        afterValue_ = true;
        copyFrom_ = resumeAt;
    }

    // Refuses a statement that would grow past kMaxStatementBytes.
    void reserveOutput(std::size_t more) const
    {
        if (out_.size() + more > kMaxStatementBytes)
            fail(start_, "statement larger than " + std::to_string(kMaxStatementBytes >> 20) +
                             " MiB (it starts on this line): split it, or load the data with COPY from a file on "
                             "the server");
    }

    void begin(std::size_t i)
    {
        active_ = true;
        out_.clear();
        map_.clear();
        copyFrom_ = i;
        afterValue_ = false;
        start_ = i;
        line_ = lineOf(i);
        for (auto& s : idents_) s.clear();
        identCount_ = 0;
        beginDepth_ = 0;
        first_.clear();
        prevWordFrom_ = false;
        copyFromStdin_ = false;
        parenDepth_ = 0;
        wantTokens_ = false;
        isCopy_ = false;
    }

    void endStatement(std::size_t end)
    {
        flush(end);
        if (afterValue_) addPair(end);  // closes the value's span (see SqlStatement::offsetMap)
        checkStatement();
        SqlStatement statement;
        statement.text = std::move(out_);
        statement.line = line_;
        statement.offsetMap = std::move(map_);
        statement.lineStarts = lineStarts_.get();
        statement.lineStartsOwner = lineStarts_;
        script_.statements.push_back(std::move(statement));
        out_ = std::string();
        map_ = {};
        active_ = false;
    }

    void record(Token::Kind kind, std::string_view text)
    {
        // Only statements starting with one of these words need more than
        // their first token checked (keeps large data files fast).
        if (first_.size() >= 8 || (!first_.empty() && !wantTokens_)) return;
        first_.push_back({kind, kind == Token::Word ? detail::asciiLowered(text) : std::string(text)});
        if (first_.size() == 1) {
            const std::string& w = first_[0].text;
            wantTokens_ = kind == Token::Word &&
                          (w == "start" || w == "commit" || w == "rollback" || w == "prepare" || w == "select");
        }
    }

    // ---- statement-level checks ----

    bool isCreateRoutine() const
    {
        auto routine = [](const std::string& s) { return s == "function" || s == "procedure"; };
        return idents_[0] == "create" &&
               (routine(idents_[1]) || (idents_[1] == "or" && idents_[2] == "replace" && routine(idents_[3])));
    }

    void word(std::string_view w)
    {
        if (identCount_ < 4) {
            idents_[identCount_] = detail::asciiLowered(w);
            if (identCount_++ == 0) isCopy_ = idents_[0] == "copy";
        }
        // Like psql: inside CREATE FUNCTION/PROCEDURE, a BEGIN ATOMIC ... END
        // body (and CASE ... END within it) holds semicolons that do not end
        // the statement.
        if (detail::asciiEqualsIgnoreCase(w, "begin") || detail::asciiEqualsIgnoreCase(w, "case")) {
            if (isCreateRoutine()) ++beginDepth_;
        } else if (detail::asciiEqualsIgnoreCase(w, "end")) {
            if (beginDepth_ > 0) --beginDepth_;
        }
        if (isCopy_ && parenDepth_ == 0) {
            if (prevWordFrom_ && detail::asciiEqualsIgnoreCase(w, "stdin")) copyFromStdin_ = true;
            prevWordFrom_ = detail::asciiEqualsIgnoreCase(w, "from");
        }
        record(Token::Word, w);
    }

    bool firstIs(std::size_t index, Token::Kind kind, std::string_view text) const
    {
        return index < first_.size() && first_[index].kind == kind && first_[index].text == text;
    }

    void checkStatement() const
    {
        if (copyFromStdin_)
            fail(start_, "COPY ... FROM STDIN is not supported: its data cannot be sent inline; use INSERT, or "
                         "COPY from a file on the server");
        if (!options_.refuseTransactionControl || first_.empty() || first_[0].kind != Token::Word) return;
        const std::string& w = first_[0].text;
        std::string what;
        if (w == "begin" || w == "end" || w == "abort") {
            what = upper(w);
        } else if (w == "start" && firstIs(1, Token::Word, "transaction")) {
            what = "START TRANSACTION";
        } else if (w == "commit") {
            what = firstIs(1, Token::Word, "prepared") ? "COMMIT PREPARED" : "COMMIT";
        } else if (w == "rollback") {
            // ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] x stays inside the transaction.
            std::size_t next = (firstIs(1, Token::Word, "work") || firstIs(1, Token::Word, "transaction")) ? 2 : 1;
            if (!firstIs(next, Token::Word, "to"))
                what = firstIs(1, Token::Word, "prepared") ? "ROLLBACK PREPARED" : "ROLLBACK";
        } else if (w == "prepare" && firstIs(1, Token::Word, "transaction")) {
            what = "PREPARE TRANSACTION";
        } else if (w == "select" && isSetSearchPath()) {
            fail(start_, "SQL contains forbidden transaction statement: pg_dump's SELECT "
                         "pg_catalog.set_config('search_path', ...) is not allowed: it would change the search_path "
                         "for the rest of the run (it breaks PostGIS installation)");
        }
        if (!what.empty())
            fail(start_, "SQL contains forbidden transaction statement: transaction control (" + what +
                             ") is not allowed: pum runs each command, changelogs and hooks, in one transaction");
    }

    bool isSetSearchPath() const
    {
        std::size_t k = 1;
        auto isName = [&](std::size_t index, std::string_view name) {
            return index < first_.size() && (first_[index].kind == Token::Word || first_[index].kind == Token::Ident) &&
                   detail::asciiEqualsIgnoreCase(first_[index].text, name);
        };
        if (isName(k, "pg_catalog") && firstIs(k + 1, Token::Other, ".")) k += 2;
        if (!isName(k, "set_config") || !firstIs(k + 1, Token::Other, "(")) return false;
        k += 2;
        return k < first_.size() && first_[k].kind == Token::String && detail::asciiEqualsIgnoreCase(first_[k].text, "search_path");
    }

    // ---- lexer ----

    // Returns the position after the comment; `report` errors when unterminated.
    std::size_t skipBlockComment(std::size_t i, std::size_t end, bool report) const
    {
        std::size_t startAt = i;
        int depth = 0;
        while (i < end) {
            if (src_[i] == '/' && i + 1 < end && src_[i + 1] == '*') {
                ++depth;
                i += 2;
            } else if (src_[i] == '*' && i + 1 < end && src_[i + 1] == '/') {
                i += 2;
                if (--depth == 0) return i;
            } else {
                ++i;
            }
        }
        if (report) failAtEnd(startAt, "unterminated /* comment (it starts on this line)");
        return end;
    }

    // One token of plain code at `i`; returns the position after it.
    std::size_t token(std::size_t i)
    {
        const std::size_t n = src_.size();
        char c = src_[i];
        if (!active_) {
            if (c == ';') return i + 1;  // an empty statement
            begin(i);
        }
        std::size_t end = i + 1;
        if (c == '\'') {
            end = standardString(i, i + 1, Context::String);
        } else if (c == '"') {
            end = quotedIdentifier(i, i + 1);
        } else if (c == '$') {
            end = dollar(i);
        } else if (identStart(c)) {
            end = i + 1;
            while (end < n && identCont(src_[end])) ++end;
            std::string_view w = src_.substr(i, end - i);
            if (end < n && src_[end] == '\'' && w.size() == 1) {
                char p = detail::asciiLower(w[0]);
                if (p == 'e') return lastTokenEnd_ = eString(i, end + 1);
                if (p == 'b' || p == 'x' || p == 'n') return lastTokenEnd_ = standardString(i, end + 1, Context::String);
            }
            if (w.size() == 1 && detail::asciiLower(w[0]) == 'u' && end + 1 < n && src_[end] == '&') {
                if (src_[end + 1] == '\'') return lastTokenEnd_ = standardString(i, end + 2, Context::UString);
                if (src_[end + 1] == '"') return lastTokenEnd_ = quotedIdentifier(i, end + 2);
            }
            word(w);
        } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(src_[i + 1]))) {
            // digits[.digits][e[+-]digits]; what follows (an identifier such as
            // x$$a in 1.5.x$$a) is a token of its own, as for the server.
            end = i;
            while (end < n && isDigit(src_[end])) ++end;
            if (end < n && src_[end] == '.' && !(end + 1 < n && src_[end + 1] == '.')) {
                ++end;
                while (end < n && isDigit(src_[end])) ++end;
            }
            if (end < n && (src_[end] == 'e' || src_[end] == 'E')) {
                std::size_t e = end + 1;
                if (e < n && (src_[e] == '+' || src_[e] == '-')) ++e;
                if (e < n && isDigit(src_[e])) {
                    end = e;
                    while (end < n && isDigit(src_[end])) ++end;
                }
            }
            record(Token::Other, src_.substr(i, end - i));
        } else if (c == ';') {
            // Like psql: not inside parentheses (CREATE RULE ... DO (cmd; cmd))
            // nor inside a BEGIN ATOMIC body.
            if (beginDepth_ == 0 && parenDepth_ == 0) {
                lastTokenEnd_ = i + 1;
                endStatement(i + 1);
                return i + 1;
            }
            record(Token::Other, ";");
        } else if (options_.substitute && (c == '{' || c == '}')) {
            end = brace(i, n, Context::Plain);
        } else if (c == '\\') {
            metaCommand(i);
            record(Token::Other, "\\");
        } else {
            if (c == '(') ++parenDepth_;
            else if (c == ')' && parenDepth_ > 0) --parenDepth_;
            record(Token::Other, src_.substr(i, 1));
        }
        lastTokenEnd_ = end;
        return end;
    }

    void metaCommand(std::size_t i) const
    {
        std::size_t k = i;
        while (k > 0 && (src_[k - 1] == ' ' || src_[k - 1] == '\t' || src_[k - 1] == '\r')) --k;
        if (k != 0 && src_[k - 1] != '\n' && !(k == 3 && src_.substr(0, 3) == "\xEF\xBB\xBF")) return;
        std::size_t e = i + 1;
        while (e < src_.size() && !isSpace(src_[e])) ++e;
        fail(i, "psql meta-command '" + std::string(src_.substr(i, e - i)) +
                    "' is not supported: pum sends SQL to the server, not to psql");
    }

    // '...' (also B'', X'', N'', U&''): no backslash escapes (standard_conforming_strings on).
    std::size_t standardString(std::size_t tokenStart, std::size_t contentStart, Context ctx)
    {
        const std::size_t n = src_.size();
        std::size_t k = contentStart;
        while (true) {
            const void* q = std::memchr(src_.data() + k, '\'', n - k);
            if (!q) failAtEnd(tokenStart, "unterminated quoted string (it starts on this line)");
            k = static_cast<std::size_t>(static_cast<const char*>(q) - src_.data());
            if (k + 1 < n && src_[k + 1] == '\'') {
                k += 2;
                continue;
            }
            break;
        }
        region(contentStart, k, ctx);
        record(Token::String, src_.substr(contentStart, k - contentStart));
        return k + 1;
    }

    // E'...': backslash escapes. Segments separated by whitespace with a
    // newline continue the same string, in the same mode (as the server's lexer does).
    std::size_t eString(std::size_t tokenStart, std::size_t contentStart)
    {
        const std::size_t n = src_.size();
        std::size_t k = contentStart;
        while (true) {
            if (k >= n) failAtEnd(tokenStart, "unterminated quoted string (it starts on this line)");
            char c = src_[k];
            if (c == '\\') {
                k += 2;
            } else if (c == '\'') {
                if (k + 1 < n && src_[k + 1] == '\'') {
                    k += 2;
                    continue;
                }
                region(contentStart, k, Context::EString);
                record(Token::String, src_.substr(contentStart, k - contentStart));
                std::size_t next = continuation(k + 1);
                if (next == std::string_view::npos) return k + 1;
                contentStart = next + 1;
                k = contentStart;
            } else {
                ++k;
            }
        }
    }

    // After a string's closing quote: the position of a continuing quote, or
    // npos. As the server's lexer (13 to 18 alike): only whitespace and --
    // comments between, with at least one newline; a /* */ comment ends it.
    std::size_t continuation(std::size_t k) const
    {
        const std::size_t n = src_.size();
        bool newline = false;
        while (k < n) {
            if (src_[k] == '-' && k + 1 < n && src_[k + 1] == '-') {
                while (k < n && src_[k] != '\n' && src_[k] != '\r') ++k;  // its newline comes next
            } else if (isSpace(src_[k])) {
                newline |= src_[k] == '\n' || src_[k] == '\r';
                ++k;
            } else {
                break;
            }
        }
        return (newline && k < n && src_[k] == '\'') ? k : std::string_view::npos;
    }

    std::size_t quotedIdentifier(std::size_t tokenStart, std::size_t contentStart)
    {
        const std::size_t n = src_.size();
        std::size_t k = contentStart;
        while (true) {
            const void* q = std::memchr(src_.data() + k, '"', n - k);
            if (!q) failAtEnd(tokenStart, "unterminated quoted identifier (it starts on this line)");
            k = static_cast<std::size_t>(static_cast<const char*>(q) - src_.data());
            if (k + 1 < n && src_[k + 1] == '"') {
                k += 2;
                continue;
            }
            break;
        }
        region(contentStart, k, Context::Ident);
        record(Token::Ident, src_.substr(contentStart, k - contentStart));
        return k + 1;
    }

    // `$` at a token start: $1 parameter, $tag$ or $$ dollar quote, or a lone '$'.
    std::size_t dollar(std::size_t i)
    {
        const std::size_t n = src_.size();
        std::size_t k = i + 1;
        if (k < n && isDigit(src_[k])) {
            while (k < n && isDigit(src_[k])) ++k;
            record(Token::Other, src_.substr(i, k - i));
            return k;
        }
        if (k < n && identStart(src_[k]))
            while (k < n && tagCont(src_[k])) ++k;
        if (k >= n || src_[k] != '$') {
            record(Token::Other, "$");
            return i + 1;
        }
        std::string_view delimiter = src_.substr(i, k + 1 - i);
        std::size_t bodyStart = k + 1;
        std::size_t close = src_.find(delimiter, bodyStart);
        if (close == std::string_view::npos)
            failAtEnd(i, "unterminated dollar-quoted string " + std::string(delimiter) + " (it starts on this line)");
        if (options_.substitute) dollarBody(bodyStart, close, delimiter, i);
        record(Token::String, src_.substr(bodyStart, close - bodyStart));
        return close + delimiter.size();
    }

    // A dollar quote of a body: its delimiter, where it opens, and the quote
    // it is nested in (npos for the outermost), so that a placeholder names
    // its innermost quote and memory stays linear.
    struct OpenQuote {
        std::string_view delimiter;
        std::size_t at;
        std::size_t parent;
    };

    struct Substitution {
        std::size_t outStart, outEnd, brace;
        std::string name;
        std::size_t quote;  // innermost open quote, an index into the body's quotes
    };

    // A dollar-quoted body is opaque to the server's lexer until its closing
    // tag, but it is usually SQL or PL/pgSQL, whose code opens quotes of its
    // own (EXECUTE $q$ ... $q$), to any depth. Its -- and /* */ comments
    // (outside its own quotes) are left untouched like any comment, its
    // placeholders become literals, and no value may contain or form a
    // dollar-quote delimiter: it could close the quote around it at any
    // depth, or open one that the text after it would close.
    void dollarBody(std::size_t from, std::size_t to, std::string_view delimiter, std::size_t openedAt)
    {
        std::vector<Substitution> subs;
        std::vector<OpenQuote> quotes{{delimiter, openedAt, std::string_view::npos}};
        flush(from);
        std::size_t bodyOut = out_.size();
        bodyCode(from, to, quotes, 0, 1, subs);
        flush(to);
        for (const auto& s : subs) refuseDelimiterInValue(s, quotes, bodyOut);
        // Values only add text, and every delimiter they touch is refused
        // above; this guards the invariant itself.
        if (out_.find(delimiter, bodyOut) != std::string::npos)
            fail(from, "a parameter value would close the dollar quote " + std::string(delimiter));
    }

    // Scans [from, to), the code of one level of a dollar-quoted body. A
    // quote that this code opens is scanned as code of the next level, up to
    // its closing delimiter (found as the server finds it, by its first
    // occurrence); a '$tag$' that is never closed is not SQL, and is left as text.
    void bodyCode(std::size_t from, std::size_t to, std::vector<OpenQuote>& quotes, std::size_t current,
                  std::size_t depth, std::vector<Substitution>& subs)
    {
        char inQuote = 0;      // ' or " while inside this level's strings and identifiers
        bool escapes = false;  // the string is an E'' string
        bool nesting = true;   // cleared by an unclosed tag: the rest of this level is not SQL
        const std::string_view upTo = src_.substr(0, to);
        std::size_t k = from;
        while (k < to) {
            char c = src_[k];
            bool inString = inQuote != 0;
            if (inQuote == '\'' && escapes && c == '\\') {
                k += (k + 1 < to && (src_[k + 1] == '{' || src_[k + 1] == '}')) ? 1 : 2;
            } else if (c == '\'' || c == '"') {
                if (!inQuote) {
                    inQuote = c;
                    escapes = c == '\'' && k > from && detail::asciiLower(src_[k - 1]) == 'e' &&
                              !(k - 1 > from && identCont(src_[k - 2]));
                } else if (inQuote == c) {
                    inQuote = 0;
                }
                ++k;
            } else if (!inString && c == '-' && k + 1 < to && src_[k + 1] == '-') {
                while (k < to && src_[k] != '\n') ++k;
            } else if (!inString && c == '/' && k + 1 < to && src_[k + 1] == '*') {
                k = skipBlockComment(k, to, false);
            } else if (!inString && identStart(c)) {
                // A '$' that continues an identifier (a$b$) does not open a quote.
                while (k < to && identCont(src_[k])) ++k;
            } else if (!inString && c == '$' && nesting) {
                std::size_t tagEnd = delimiterEnd(upTo, k);
                std::size_t close = tagEnd == 0 ? std::string_view::npos
                                                : upTo.find(src_.substr(k, tagEnd - k), tagEnd);
                if (close == std::string_view::npos) {
                    nesting = tagEnd == 0;
                    ++k;
                    continue;
                }
                if (depth >= kMaxDollarDepth)
                    fail(k, "dollar quotes nested more than " + std::to_string(kMaxDollarDepth) + " deep");
                std::string_view tag = src_.substr(k, tagEnd - k);
                quotes.push_back({tag, k, current});
                bodyCode(tagEnd, close, quotes, quotes.size() - 1, depth + 1, subs);
                k = close + tag.size();
            } else if (c == '{' || c == '}') {
                std::size_t before = out_.size() + (k - copyFrom_);
                std::size_t at = k;
                std::string name;
                Context ctx = inQuote == '\'' ? Context::DollarString
                              : inQuote == '"'  ? Context::DollarIdent
                                                : Context::Dollar;
                k = brace(k, to, ctx, &name);
                if (!name.empty()) subs.push_back({before, out_.size(), at, name, current});
            } else {
                ++k;
            }
        }
    }

    // Refuses a substituted value that holds a dollar-quote delimiter or forms
    // one with the text around it (`$a{n}$`), naming the quote it would close.
    void refuseDelimiterInValue(const Substitution& s, const std::vector<OpenQuote>& quotes, std::size_t bodyOut) const
    {
        std::size_t p = runStart(s.outStart, bodyOut, tagCont, s.brace, s.name);
        if (p > bodyOut && out_[p - 1] == '$') --p;
        for (; p < s.outEnd; ++p) {
            if (out_[p] != '$') continue;
            std::size_t end = delimiterEnd(out_, p);
            if (end <= s.outStart) continue;  // none here, or one of the source's, before the value
            std::string_view found = std::string_view(out_).substr(p, end - p);
            for (std::size_t q = s.quote; q != std::string_view::npos; q = quotes[q].parent)
                if (quotes[q].delimiter == found)
                    fail(s.brace, "parameter '" + s.name + "' cannot be placed here: its value would close the dollar "
                                  "quote " + std::string(found) + " opened on line " +
                                  std::to_string(lineOf(quotes[q].at)) +
                                  " (a value inside a dollar-quoted body may not contain $$ or $tag$)");
            fail(s.brace, "parameter '" + s.name + "' cannot be placed here: its value would open a dollar quote " +
                              std::string(found) + " inside the dollar-quoted body opened on line " +
                              std::to_string(lineOf(quotes.front().at)) +
                              " (a value inside a dollar-quoted body may not contain $$ or $tag$)");
        }
    }

    // Applies the brace rules to [from, to) inside a string or identifier.
    void region(std::size_t from, std::size_t to, Context ctx)
    {
        if (!options_.substitute) return;
        bool escapes = ctx == Context::EString || ctx == Context::UString;
        std::size_t k = from;
        while (k < to) {
            char c = src_[k];
            if (c == '{' || c == '}') {
                k = brace(k, to, ctx);
            } else if (escapes && c == '\\') {
                // The escaped character is the next one: a value right after a
                // lone backslash would have its first character escaped.
                if (k + 1 < to && src_[k + 1] == '{' && !(k + 2 < to && src_[k + 2] == '{'))
                    fail(k, "a parameter cannot follow a backslash in an escaped string: its first character "
                            "would be escaped");
                k += (k + 1 < to && (src_[k + 1] == '{' || src_[k + 1] == '}')) ? 1 : 2;
            } else {
                ++k;
            }
        }
    }

    // A `{` or `}` at `k` within [.., end). Returns the position after what it consumed.
    std::size_t brace(std::size_t k, std::size_t end, Context ctx, std::string* substituted = nullptr)
    {
        if (src_[k] == '}') {
            if (k + 1 < end && src_[k + 1] == '}') {
                flush(k + 1);
                copyFrom_ = k + 2;
                return k + 2;
            }
            fail(k, "single '}' in SQL: write '}}' for a literal '}'");
        }
        if (k + 1 < end && src_[k + 1] == '{') {
            flush(k + 1);
            copyFrom_ = k + 2;
            return k + 2;
        }
        std::size_t q = k + 1;
        while (q < end && nameChar(src_[q])) ++q;
        std::string name(src_.substr(k + 1, q - k - 1));
        if (q >= end) failAtEnd(k, "'{' is not closed: write '{{' for a literal '{'");
        char c = src_[q];
        if (c != '}') {
            std::size_t close = src_.find('}', q);
            std::string shown = close != std::string_view::npos && close < end && close - k < 60
                                    ? std::string(src_.substr(k, close + 1 - k))
                                    : std::string(src_.substr(k, q + 1 - k)) + "...";
            if (!name.empty() && c == ':')
                fail(k, "format spec in '" + shown + "' is not supported: write {" + name + "}");
            if (!name.empty() && c == '!')
                fail(k, "conversion in '" + shown + "' is not supported: write {" + name + "}");
            if (!name.empty() && (c == '.' || c == '['))
                fail(k, "attribute or index in '" + shown + "' is not supported: write {" + name + "}");
            fail(k, "'{' must start a parameter like {name}: write '{{' for a literal '{'");
        }
        if (name.empty()) fail(k, "positional placeholder '{}' is not supported: name the parameter, {name}");
        if (name.find_first_not_of("0123456789") == std::string::npos)
            fail(k, "positional placeholder '{" + name + "}' is not supported: name the parameter, {name}");
        if (isDigit(name[0])) fail(k, "'{" + name + "}' is not a parameter name");
        auto it = params_.find(name);
        if (it == params_.end()) {
            std::string declared;
            for (const auto& [key, _] : params_) declared += (declared.empty() ? "" : ", ") + key;
            fail(k, "unknown parameter '" + name + "' in '{" + name + "}' (declared: " +
                        (declared.empty() ? std::string("none") : declared) + ")");
        }
        std::string value = render(it->first, it->second, ctx, k, q + 1);
        appendValue(k, q + 1, value);
        if (substituted) *substituted = name;
        return q + 1;
    }

    // Whether out_ ends with a string literal and whitespace holding a newline,
    // which a string value would continue.
    bool continuesPreviousString() const
    {
        std::size_t k = out_.size();
        bool newline = false;
        while (k > 0 && isSpace(out_[k - 1])) newline |= out_[--k] == '\n';
        return newline && k > 0 && out_[k - 1] == '\'';
    }

    // Start of the run of `cont` characters of out_ that ends at `end` (not
    // before `floor`). Refused when longer than kMaxJoinedRun, which keeps a
    // file of many joined values (a{n}{n}{n}...) linear.
    std::size_t runStart(std::size_t end, std::size_t floor, bool (*cont)(char), std::size_t brace,
                         const std::string& name) const
    {
        std::size_t k = end;
        while (k > floor && cont(out_[k - 1])) {
            if (end - k >= kMaxJoinedRun)
                fail(brace, "parameter '" + name + "' is joined to more than " + std::to_string(kMaxJoinedRun) +
                                " identifier characters before it");
            --k;
        }
        return k;
    }

    // Whether out_ ends with an identifier (not a number), which a value's digits would extend.
    bool endsWithIdentifier(std::size_t brace, const std::string& name) const
    {
        std::size_t k = runStart(out_.size(), 0, identCont, brace, name);
        return k < out_.size() && identStart(out_[k]);
    }

    // The text that replaces {name} written in context `ctx`, the brace at
    // `brace` of the output and the source going on at `after`.
    std::string render(const std::string& name, const ParameterValue& value, Context ctx, std::size_t brace,
                       std::size_t after)
    {
        if (ctx == Context::Plain || ctx == Context::Dollar || ctx == Context::DollarString ||
            ctx == Context::DollarIdent)
            return renderInCode(name, value.toSqlLiteral(), ctx, brace, after);
        return renderInQuotes(name, value, ctx, brace);
    }

    // A value written as code: its SQL literal, which must neither break the
    // quoting of a dollar-quoted body nor merge with the tokens around it.
    std::string renderInCode(const std::string& name, std::string literal, Context ctx, std::size_t brace,
                             std::size_t after)
    {
        if (ctx == Context::DollarIdent && literal.find('"') != std::string::npos)
            fail(brace, "parameter '" + name +
                            "' contains a '\"' and stands inside a quoted identifier of a dollar-quoted body: it "
                            "would end that identifier");
        // Inside a quoted string of a function body, a text literal's
        // quotes would end that string when the body is compiled (and let
        // the rest of the value run as code). Numbers and booleans are safe
        // there, and real modules use them so: EXECUTE '... {srid}'.
        if (ctx == Context::DollarString && literal.find('\'') != std::string::npos)
            fail(brace, "parameter '" + name +
                            "' is a text inside a quoted string of a dollar-quoted body: its literal would end "
                            "that string; concatenate it instead ('...' || {" +
                            name + "} || '...')");
        // Code inside a dollar-quoted body, at any depth, follows the rules of code.
        if (ctx != Context::Plain && ctx != Context::Dollar) return literal;
        flush(brace);
        char before = out_.empty() ? ' ' : out_.back();
        char next = after < src_.size() ? src_[after] : ' ';
        // A '$' next to a value could open a dollar quote the lexer never saw.
        if (before == '$' || next == '$') fail(brace, "parameter '" + name + "' cannot stand right next to '$'");
        refuseStringContinuation(name, literal, brace, after);
        separateToken(name, literal, brace, after, before, next);
        return literal;
    }

    // The server joins strings separated only by whitespace holding a newline,
    // so a string value must not end where another string goes on.
    void refuseStringContinuation(const std::string& name, const std::string& literal, std::size_t brace,
                                  std::size_t after) const
    {
        // The server continues an E'' string into a '...' that follows after
        // a newline, reading the latter with backslash escapes too.
        if (literal[0] == 'E' && continuation(after) != std::string_view::npos)
            fail(brace, "parameter '" + name +
                            "' is written as an E'...' string (it contains a backslash) and the string on the "
                            "next line would continue it: separate them with || or a comma");
        // Likewise a string value between two strings on other lines would
        // chain them, the second read in the first one's mode.
        if (literal[0] == '\'' && continuation(after) != std::string_view::npos && continuesPreviousString())
            fail(brace, "parameter '" + name +
                            "' would join the strings on the lines before and after it into one: separate them "
                            "with || or a comma");
    }

    // Spaces around `literal` where it would otherwise merge with the
    // character `before` it in the output or `next` after it in the source.
    void separateToken(const std::string& name, std::string& literal, std::size_t brace, std::size_t after,
                       char before, char next) const
    {
        // Keep a string literal a token of its own: 'a''b' would be one
        // string, E'x' or U&'x' a prefixed string (which also changes how a
        // string continued on the next line is read), xE'..' an identifier
        // followed by a standard string. A space changes nothing else.
        if ((literal[0] == '\'' || literal[0] == 'E') && (before == '\'' || before == '&' || identCont(before)))
            literal.insert(0, " ");
        if (literal.back() == '\'' && (next == '\'' || identCont(next))) literal += ' ';
        // A number must not swallow the identifier after it (7 then E1$a$
        // would become 7E1 then a $a$ quote). Digits that continue an
        // identifier (t_{srid}_x) stay joined, as pum writes them.
        if (isDigit(literal.back()) && identStart(next) && (literal[0] == ' ' || !endsWithIdentifier(brace, name)))
            literal += ' ';
        // Digits, true/false and NULL join the identifier characters around
        // them into one token. That must not move a '$' into or out of a
        // dollar-quote tag, nor turn a string prefix (E'', U&'') into the
        // end of an identifier.
        if (identCont(literal[0]) && identCont(before)) {
            if (out_.find('$', runStart(out_.size(), 0, identCont, brace, name)) != std::string::npos)
                fail(brace, "parameter '" + name + "' cannot be joined to an identifier that contains '$'");
        }
        if (identCont(literal.back()) && identCont(next)) {
            std::size_t k = after;
            while (k < src_.size() && identCont(src_[k])) ++k;
            if (src_.substr(after, k - after).find('$') != std::string_view::npos)
                fail(brace, "parameter '" + name + "' cannot be joined to an identifier that contains '$'");
            if (k < src_.size() && (src_[k] == '\'' || src_[k] == '&')) literal += ' ';
        }
    }

    // A value inside a quoted identifier or string: its text with the quotes
    // (and, in an E'' string, the backslashes) doubled.
    std::string renderInQuotes(const std::string& name, const ParameterValue& value, Context ctx,
                               std::size_t brace) const
    {
        std::string where = ctx == Context::Ident ? "a quoted identifier" : "a string";
        if (value.isNull()) fail(brace, "parameter '" + name + "' is NULL and cannot be placed inside " + where);
        const std::string& text = value.text();
        std::string out;
        out.reserve(text.size() + 8);
        char quote = ctx == Context::Ident ? '"' : '\'';
        bool text_like = value.type() == ParameterType::Text || value.type() == ParameterType::Path;
        if (text_like && (ctx == Context::String || ctx == Context::UString) && text.find('\\') != std::string::npos)
            fail(brace, "parameter '" + name +
                            "' contains a backslash and cannot be placed inside a '...' string (its meaning would "
                            "depend on standard_conforming_strings): use {" +
                            name + "} outside the quotes");
        for (char c : text) {
            if (c == quote || (ctx == Context::EString && c == '\\')) out += c;
            out += c;
        }
        return out;
    }
};

}  // namespace

int SqlStatement::lineAtOffset(std::size_t byteOffset) const
{
    if (offsetMap.empty() || !lineStarts || lineStarts->empty()) return line;
    if (!text.empty() && byteOffset >= text.size()) byteOffset = text.size() - 1;
    auto it = std::upper_bound(offsetMap.begin(), offsetMap.end(), byteOffset,
                               [](std::size_t offset, const auto& pair) { return offset < pair.first; });
    if (it == offsetMap.begin()) return line;
    auto pair = std::prev(it);
    std::size_t distance = byteOffset - pair->first;
    // A segment never reaches past the source of the next one: inside a
    // substituted value (possibly longer than its `{name}`, possibly spanning
    // lines) the offset stays within the placeholder, on the line of its '{'.
    if (it != offsetMap.end() && it->second > pair->second) distance = std::min(distance, it->second - pair->second - 1);
    auto rawLine = [&](std::size_t offset) {
        return static_cast<int>(std::upper_bound(lineStarts->begin(), lineStarts->end(), offset) -
                                lineStarts->begin());
    };
    return line + rawLine(pair->second + distance) - rawLine(offsetMap.front().second);
}

int SqlStatement::lineAtPosition(int serverPosition) const
{
    if (serverPosition < 1) return line;
    int count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Continuation bytes (10xxxxxx) do not start a character.
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (++count == serverPosition) return lineAtOffset(i);
    }
    return line;
}

SqlScript parseSql(std::string_view sql, std::string source, const ParameterValues& parameters,
                   const SqlOptions& options)
{
    return Parser(sql, std::move(source), parameters, options).run();
}

SqlScript parseSqlChunk(std::string_view sql, std::string source, const ParameterValues& parameters,
                        const SqlOptions& options, SqlChunk& chunk)
{
    chunk.consumed = 0;
    return Parser(sql, std::move(source), parameters, options, &chunk).run();
}

}  // namespace pum
