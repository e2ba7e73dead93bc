// PostgreSQL 16 prints a view over a single relation without column qualifiers
// (its views no longer carry the OLD/NEW range-table entries that made 15 print
// them), so a view created by the same SQL reads `s.id` on 15 and `id` on 16+.
#include "pum/tools/checker.h"

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace pum {

namespace {

struct Token {
    std::string text;
    std::size_t begin;
    bool word;  // an unquoted identifier or keyword
};

bool wordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// Words, quoted names and literals (kept whole) and single punctuation marks.
std::vector<Token> tokens(const std::string& sql)
{
    std::vector<Token> out;
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '\'' || c == '"') {
            std::size_t close = i + 1;
            while (close < sql.size() && !(sql[close] == c && (close + 1 >= sql.size() || sql[close + 1] != c)))
                close += sql[close] == c ? 2 : 1;  // a doubled quote stays inside
            out.push_back({sql.substr(i, close + 1 - i), i, false});
            i = close + 1;
        } else if (wordChar(c)) {
            std::size_t end = i;
            while (end < sql.size() && wordChar(sql[end])) ++end;
            out.push_back({sql.substr(i, end - i), i, true});
            i = end;
        } else {
            out.push_back({std::string(1, c), i, false});
            ++i;
        }
    }
    return out;
}

bool isWord(const Token& t, const char* word) { return t.word && t.text == word; }

// The name the query's columns are qualified with, when the query reads exactly
// one relation in one SELECT; empty otherwise.
std::string soleQualifier(const std::vector<Token>& t)
{
    static const std::set<std::string> kMulti{"SELECT", "FROM", "JOIN", "UNION", "INTERSECT", "EXCEPT",
                                              "VALUES", "LATERAL", "WITH"};
    std::size_t from = t.size(), selects = 0, froms = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!t[i].word || !kMulti.count(t[i].text)) continue;
        if (t[i].text == "SELECT") ++selects;
        else if (t[i].text == "FROM") { ++froms; from = i; }
        else return "";
    }
    if (selects != 1 || froms != 1) return "";
    std::size_t i = from + 1;
    if (i < t.size() && isWord(t[i], "ONLY")) ++i;
    // schema.relation or relation, then an optional alias
    std::string last;
    while (i < t.size() && (t[i].word || t[i].text[0] == '"')) {
        last = t[i].text;
        if (i + 1 < t.size() && t[i + 1].text == ".") i += 2; else { ++i; break; }
    }
    if (last.empty()) return "";
    static const std::set<std::string> kAfter{"WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET",
                                              "FETCH", "FOR"};
    if (i < t.size() && (t[i].word || t[i].text[0] == '"') && !kAfter.count(t[i].text)) last = t[i++].text;
    if (i < t.size() && !(t[i].word && kAfter.count(t[i].text)) && t[i].text != ";") return "";
    return last;
}

}  // namespace

std::string normalizeViewDefinition(const std::string& definition)
{
    const auto t = tokens(definition);
    const std::string qualifier = soleQualifier(t);
    if (qualifier.empty()) return definition;
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        // `q.column` where q stands alone (not itself after a dot: schema.q.x stays)
        const bool afterDot = i > 0 && t[i - 1].text == "." && t[i - 1].begin + 1 == t[i].begin;
        const bool qualifies = t[i].text == qualifier && t[i + 1].text == "." &&
                               t[i + 1].begin == t[i].begin + t[i].text.size() &&
                               t[i + 2].begin == t[i + 1].begin + 1 && (t[i + 2].word || t[i + 2].text[0] == '"');
        const bool relationItself = i > 0 && (isWord(t[i - 1], "FROM") || isWord(t[i - 1], "ONLY"));  // FROM q.t
        if (!qualifies || afterDot || relationItself) continue;
        out += definition.substr(copied, t[i].begin - copied);
        copied = t[i + 2].begin;
    }
    return out + definition.substr(copied);
}

}  // namespace pum
