// validate: one SQL text through our lexer, then every statement through
// PostgreSQL's own parser (libpg_query), with findings located in the file.
#include <pg_query.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

#include "pum/base/error.h"
#include "pum/sql/sql.h"
#include "sql/sql_hook.h"
#include "validate/validate_internal.h"

namespace pum::detail {

namespace {

bool nameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Characters (UTF-8 continuation bytes skipped) in [from, to) of `text`.
int characters(std::string_view text, std::size_t from, std::size_t to)
{
    int count = 0;
    for (std::size_t k = from; k < to && k < text.size(); ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++count;
    return count;
}

// Turns offsets and lexer positions in an SqlText into lines and columns of its file.
class Locator {
public:
    explicit Locator(const SqlText& sql) : sql_(sql)
    {
        starts_.push_back(0);
        const std::string& t = sql.text;
        for (std::size_t k = 0; (k = t.find('\n', k)) != std::string::npos; ++k) starts_.push_back(k + 1);
    }

    // Line and column in the file of byte `offset` of the text.
    std::pair<int, int> at(std::size_t offset) const
    {
        const int raw = static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
        const int column = characters(sql_.text, starts_[static_cast<std::size_t>(raw - 1)], offset) + 1;
        return {raw + sql_.firstLine - 1, fileColumn(raw, column)};
    }

    // A column on line `fileLine` counted within the text, as a column of the file.
    int columnAt(int fileLine, int column) const { return fileColumn(fileLine - sql_.firstLine + 1, column); }

private:
    const SqlText& sql_;
    std::vector<std::size_t> starts_;

    // Inline code sits indented in the .pum.yaml: its line of text is found on
    // the file's line, and the column counted from there. Unknown (0) when the
    // YAML writes it otherwise (a quoted scalar with escapes, a folded one).
    int fileColumn(int rawLine, int column) const
    {
        if (!sql_.yamlLines || column <= 0) return column;
        const int fileLine = rawLine + sql_.firstLine - 1;
        if (rawLine < 1 || rawLine > static_cast<int>(starts_.size()) || fileLine < 1 ||
            fileLine > static_cast<int>(sql_.yamlLines->size()))
            return 0;
        const std::size_t from = starts_[static_cast<std::size_t>(rawLine - 1)];
        std::size_t to = sql_.text.find('\n', from);
        if (to == std::string::npos) to = sql_.text.size();
        if (to > from && sql_.text[to - 1] == '\r') --to;
        const std::string_view codeLine = std::string_view(sql_.text).substr(from, to - from);
        const std::string& yaml = (*sql_.yamlLines)[static_cast<std::size_t>(fileLine - 1)];
        const std::size_t at = codeLine.empty() ? std::string::npos : yaml.find(codeLine);
        if (at == std::string::npos) return 0;
        return characters(yaml, 0, at) + column;
    }
};

// Where byte `offset` of a parsed statement came from in the source (inside
// a substituted value: its `{`), as SqlStatement::lineAtOffset maps it.
std::size_t sourceOffset(const SqlStatement& statement, std::size_t offset)
{
    const auto& map = statement.offsetMap;
    if (map.empty()) return 0;
    if (!statement.text.empty() && offset >= statement.text.size()) offset = statement.text.size() - 1;
    auto it = std::upper_bound(map.begin(), map.end(), offset,
                               [](std::size_t o, const auto& pair) { return o < pair.first; });
    if (it == map.begin()) return map.front().second;
    const auto pair = std::prev(it);
    std::size_t distance = offset - pair->first;
    if (it != map.end() && it->second > pair->second) distance = std::min(distance, it->second - pair->second - 1);
    return pair->second + distance;
}

// Byte offset of 1-based character `position` in `text` (PostgreSQL's cursor
// positions count characters); the text's size past its end.
std::size_t byteOfCharacter(const std::string& text, int position)
{
    int count = 0;
    for (std::size_t k = 0; k < text.size(); ++k) {
        if ((static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) continue;
        if (++count == position) return k;
    }
    return text.size();
}

// Every `{name}` written in the text, wherever it stands: the lexer decides
// later which ones it substitutes (not those in comments, nor `{{x}}`).
std::set<std::string> writtenPlaceholders(const std::string& text)
{
    std::set<std::string> names;
    for (std::size_t k = 0; (k = text.find('{', k)) != std::string::npos; ++k) {
        std::size_t end = k + 1;
        while (end < text.size() && nameChar(text[end])) ++end;
        if (end > k + 1 && end < text.size() && text[end] == '}' && !(text[k + 1] >= '0' && text[k + 1] <= '9'))
            names.emplace(text, k + 1, end - k - 1);
    }
    return names;
}

// Levenshtein distance, for a "did you mean" on a misspelt name.
std::size_t distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string suggestion(const std::string& name, const Config& config)
{
    for (const auto& definition : config.parameters)
        if (distance(name, definition.name) <= 2 && name.size() > 2) return "did you mean '" + definition.name + "'? ";
    return {};
}

// The first word of a statement, lower-cased (statements start at their first token).
std::string firstWord(const std::string& text)
{
    std::string word;
    for (char c : text) {
        if (!nameChar(c)) break;
        word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return word;
}

class SqlChecker {
public:
    SqlChecker(const SqlText& sql, const Config& config, FindingSink& sink)
        : sql_(sql), config_(config), sink_(sink), locator_(sql)
    {
        options_.refuseTransactionControl = false;  // reported per statement, so that every one is found
        options_.firstLine = sql.firstLine;
    }

    void run(const ParameterValues& declared, std::set<std::string>& used)
    {
        const std::set<std::string> written = writtenPlaceholders(sql_.text);
        // A name nobody declared stands for a harmless number, so that the
        // lexer goes on and finds everything else; its uses are found below.
        ParameterValues values = declared;
        for (const auto& name : written)
            if (!values.count(name)) values.emplace(name, ParameterValue::parse(ParameterType::Integer, "0"));

        SqlScript script;
        try {
            script = parseSql(sql_.text, sql_.shown, values, options_);
        } catch (const SqlError& e) {
            lexerFinding(e, "sql-lexer");
            // The file stops here; what it names is taken as used, to add no doubtful warning.
            for (const auto& name : written)
                if (declared.count(name)) used.insert(name);
            return;
        }
        for (const auto& name : written) findUse(name, values, declared.count(name) != 0, used);
        for (const auto& statement : script.statements) {
            checkTransactionControl(statement);
            checkSyntax(statement);
        }
        sink_.report.statements += script.statements.size();
    }

private:
    const SqlText& sql_;
    const Config& config_;
    FindingSink& sink_;
    Locator locator_;
    SqlOptions options_;

    void lexerFinding(const SqlError& e, const std::string& code, std::string message = {})
    {
        const int line = e.line() > 0 ? e.line() : sql_.firstLine;
        sink_.error(sql_.shown, line, locator_.columnAt(line, e.info().column), code,
                    message.empty() ? e.info().message : std::move(message));
    }

    // Whether the lexer substitutes `{name}` somewhere: without a value for
    // it, it then fails exactly at its first use (everything before parsed
    // the same), which locates the finding.
    void findUse(const std::string& name, const ParameterValues& values, bool declared, std::set<std::string>& used)
    {
        ParameterValues without = values;
        without.erase(name);
        try {
            parseSql(sql_.text, sql_.shown, without, options_);
            return;  // written only in comments, or as {{name}}
        } catch (const SqlError& e) {
            if (!declared) {
                lexerFinding(e, "undeclared-parameter",
                             "unknown parameter '" + name + "' in '{" + name + "}': " + suggestion(name, config_) +
                                 "it is not declared in " + displayPath(config_.configFile) +
                                 " (declared: " + declaredParameters(config_) + ")");
                return;
            }
            used.insert(name);
            const ParameterDefinition* definition = config_.parameter(name);
            if (sql_.changelog && definition && definition->appOnly)
                lexerFinding(e, "app-only-parameter",
                             "uses parameter '" + name + "', which is app_only in " + displayPath(config_.configFile) +
                                 ": an app_only parameter may change on every upgrade, so only the application "
                                 "hooks may use it, never a changelog");
        }
    }

    // The core's own refusal (what install and upgrade say), statement by statement.
    void checkTransactionControl(const SqlStatement& statement)
    {
        static const std::set<std::string> candidates = {"begin",    "end",     "abort",  "start",
                                                         "commit",   "rollback", "prepare", "select"};
        if (!candidates.count(firstWord(statement.text))) return;
        SqlOptions alone;
        alone.substitute = false;  // already substituted
        try {
            parseSql(statement.text, sql_.shown, {}, alone);
        } catch (const SqlError& e) {
            if (e.info().message.find("transaction statement") == std::string::npos) return;
            const auto [line, column] = locator_.at(sourceOffset(statement, 0));
            sink_.error(sql_.shown, line, column, "transaction-statement", e.info().message);
        }
    }

    void checkSyntax(const SqlStatement& statement)
    {
        PgQueryParseResult result = pg_query_parse(statement.text.c_str());
        if (result.error) {
            const std::string message = result.error->message ? result.error->message : "syntax error";
            const int position = result.error->cursorpos;
            const std::size_t offset = position > 0 ? byteOfCharacter(statement.text, position) : 0;
            const auto [line, column] = locator_.at(sourceOffset(statement, offset));
            sink_.error(sql_.shown, line, column, "sql-syntax", message);
        } else if (isPlpgsqlFunction(statement.text)) {
            checkPlpgsql(statement);
        }
        pg_query_free_parse_result(result);
    }

    static bool isPlpgsqlFunction(const std::string& text)
    {
        if (firstWord(text) != "create") return false;
        std::string lower(text.size(), ' ');
        std::transform(text.begin(), text.end(), lower.begin(),
                       [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
        return lower.find("plpgsql") != std::string::npos;
    }

    // The server compiles a PL/pgSQL body when the function is created
    // (check_function_bodies is on by default): its errors fail the install.
    // PostgreSQL gives no usable position inside the body, so the finding
    // stands at the CREATE statement.
    void checkPlpgsql(const SqlStatement& statement)
    {
        PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(statement.text.c_str());
        if (result.error) {
            const auto [line, column] = locator_.at(sourceOffset(statement, 0));
            sink_.error(sql_.shown, line, column, "plpgsql-syntax",
                        std::string("in the PL/pgSQL body of this function: ") +
                            (result.error->message ? result.error->message : "syntax error"));
        }
        pg_query_free_plpgsql_parse_result(result);
    }
};

}  // namespace

void checkSqlText(const SqlText& sql, const Config& config, const ParameterValues& values, FindingSink& sink,
                  std::set<std::string>& used)
{
    ++sink.report.files;
    const std::size_t first = sink.report.findings.size();
    SqlChecker(sql, config, sink).run(values, used);
    // In the order of the file, whichever check found them.
    std::stable_sort(sink.report.findings.begin() + static_cast<std::ptrdiff_t>(first), sink.report.findings.end(),
                     [](const Finding& a, const Finding& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
}

}  // namespace pum::detail
