// Cross-checks our statement splitting against PostgreSQL's own scanner and
// parser, as packaged by libpg_query (PostgreSQL 15), on tricky SQL.
#include <gtest/gtest.h>

#include "pum/base/error.h"
#include "pum/sql/sql.h"

#ifdef PUM_HAVE_PG_QUERY
#include <pg_query.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <regex>

namespace {

// Offsets where each statement ends (its ';', or the end of its last token).
std::vector<std::size_t> ourEnds(const std::string& sql)
{
    pum::SqlOptions options;
    options.substitute = false;  // the text is then the source, byte for byte
    options.refuseTransactionControl = false;
    std::vector<std::size_t> ends;
    for (const auto& s : pum::parseSql(sql, "corpus", {}, options).statements) {
        std::size_t end = s.offsetMap.front().second + s.text.size();
        ends.push_back(s.text.back() == ';' ? end - 1 : end);
    }
    return ends;
}

// A string continued across a -- comment ('a' -- c<newline>'b'). Every server
// (13 to 18, measured: tests/db/sql/test_sql_server_lexer.cpp) continues it,
// an E'' string in E mode; libpg_query's split before 18 ends it at the
// comment. We follow the server, so older libpg_query is not the judge there.
bool oldLibpgQueryMisreads(const std::string& sql)
{
    if (PG_VERSION_NUM >= 180000) return false;
    static const std::regex kAcrossComment("'[ \\t\\f\\v]*(--[^\\n\\r]*)?[\\n\\r]([ \\t\\n\\r\\f\\v]|--[^\\n\\r]*)*'");
    std::smatch m;
    for (auto it = sql.cbegin(); std::regex_search(it, sql.cend(), m, kAcrossComment); it = m[0].second - 1)
        if (m.str().find("--") != std::string::npos) return true;
    return false;
}

std::vector<std::size_t> pgEnds(const std::string& sql, bool parser, std::string& error)
{
    PgQuerySplitResult result = parser ? pg_query_split_with_parser(sql.c_str()) : pg_query_split_with_scanner(sql.c_str());
    std::vector<std::size_t> ends;
    if (result.error) error = result.error->message;
    else
        for (int i = 0; i < result.n_stmts; ++i)
            ends.push_back(static_cast<std::size_t>(result.stmts[i]->stmt_location + result.stmts[i]->stmt_len));
    pg_query_free_split_result(result);
    return ends;
}

const std::vector<std::string> kCorpus = {
    "select 1; select 2;",
    "select 'a;b', 'it''s;'; select \"x;\"\"y\" from t;",
    "select E'it\\'s; ok', e'\\\\'; select 'a\\'; select 3;",
    "select E'a'\n\n  '\\'; x;'; select 3;",
    "select E'a' -- c\n'b\\'c;'; select 3;",
    "select E'a'\n-- c\n'b\\'c;'; select 3;",
    "select 'a'\n';b'; select 2;",
    "select $$ ; $$, $a$ $b$ ; $a$; select $_1$;$_1$;",
    "prepare p as select $1, $2; select $1$$x;$$;",
    "select a$b$ from t; select '$b$';",
    "/* a /* b; */ c; */ select 1; select /* x /* y */ */ 2;",
    "-- c;\nselect 1 -- ;\n; select 2;",
    "select U&'d\\0061t\\+000061;', U&\"a;b\", B'01', X'ff', N'x;'; select 2;",
    "select 1;;; select 2;",
    "do $body$ begin raise notice '%', ';'; end $body$; select 1;",
    "create table \"t;\" (\"a\"\"b;\" int); comment on table \"t;\" is 'x; y';",
    "select '{1,2}'::int[], x ~ '[0-9]{6}'; select 'é;ü', \"ß;\";",
    "select 1\r\n;\r\nselect 'x;\r\n';\r\n",
    "select 3.5e+3, .5, 1.; select x.y from t;",
    "select $été$ ; $été$; select 2;",
    "select 1 /* unterminated? no */; select '/*'; select '--'; select 2;",
    "create rule r as on insert to t do also (insert into a values (1); insert into b values (2)); select 1;",
    "select (1; select 2); select 3;",
    "select 1.5.x$$a; select 2;",
    "select 1.5e-3$$x;$$; select 2;",
};

// Valid SQL the parser splits (it knows BEGIN ATOMIC bodies; the scanner does not).
const std::vector<std::string> kParsedCorpus = {
    "create function f() returns int language sql begin atomic select 1; select case when true then 2 end; end; "
    "select 3;",
    "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); "
    "END; select 1;",
    "create function g() returns int as $$ begin return 1; end $$ language plpgsql; select 1;",
    "select case when x then 1 end; select 2;",
};

}  // namespace

TEST(SqlPgQuery, SplitsLikePostgresScanner)
{
    for (const auto& sql : kCorpus) {
        if (oldLibpgQueryMisreads(sql)) continue;
        std::string error;
        auto expected = pgEnds(sql, false, error);
        ASSERT_TRUE(error.empty()) << sql << ": " << error;
        EXPECT_EQ(ourEnds(sql), expected) << sql;
    }
}

TEST(SqlPgQuery, SplitsLikePostgresParser)
{
    for (const auto& sql : kParsedCorpus) {
        std::string error;
        auto expected = pgEnds(sql, true, error);
        ASSERT_TRUE(error.empty()) << sql << ": " << error;
        EXPECT_EQ(ourEnds(sql), expected) << sql;
    }
}

TEST(SqlPgQuery, SubstitutedValuesStayInsideTheirLiteral)
{
    // PostgreSQL's scanner, not ours, judges the substituted text: one statement.
    const std::vector<std::string> values = {"'); DROP TABLE x; --", "\\'); DROP TABLE x; --\\", "\"; DROP TABLE x; --",
                                             "*/ ; /*", "$$; DROP TABLE x; --", "\n;\r\n'", "é'; ü"};
    const std::vector<std::string> contexts = {"select {v};",          "select '{v}';",        "select E'{v}';",
                                               "select e'x\\\\{v}';", "select \"{v}\";",      "select U&'{v}';",
                                               "select 1-{v};",        "select 'a'{v}'b';",    "do $t$ select {v} $t$;",
                                               "select x{v};",         "select {v}::text;",    "select E'a'\n'{v}';"};
    int accepted = 0;
    for (const auto& value : values) {
        pum::ParameterValues params = {{"v", pum::ParameterValue::parse(pum::ParameterType::Text, value)}};
        for (const auto& context : contexts) {
            pum::SqlScript script;
            try {
                script = pum::parseSql(context, "t", params);
            } catch (const pum::SqlError&) {
                continue;  // refused (backslash in '...', $$ in a $$ body...): nothing reaches the server
            }
            ++accepted;
            ASSERT_EQ(script.statements.size(), 1u) << context << " with " << value;
            const std::string& text = script.statements[0].text;
            std::string error;
            auto ends = pgEnds(text, false, error);
            ASSERT_TRUE(error.empty()) << text << ": " << error;
            EXPECT_EQ(ends, std::vector<std::size_t>{text.size() - 1}) << text;
        }
    }
    // Only the backslash value in '...' and U&'...', and the $$ value in a
    // dollar-quoted body, are refused.
    EXPECT_EQ(accepted, static_cast<int>(values.size() * contexts.size()) - 3);
}

TEST(SqlPgQuery, RandomInputsSplitLikePostgresScanner)
{
    // Random sequences of tricky pieces. A " select" before every ';' and at the
    // end gives each statement a keyword (libpg_query drops statements without
    // one) without changing how anything is quoted. Both sides must agree on
    // where statements end, and we must not refuse what the server accepts.
    const std::vector<std::string> pieces = {
        "'", "\"", "$", "$$", "$a$", ";", "-", "--", "/*", "*/", "*", "/", "\n", " ", "a", "E", "e", "1",
        "\\", "x", "U&", "''", "\\'", "b$", "(1)", "(a;b)", "$1", "$_$", "\r\n", "e'", "U&'", "é", "1.5",
        ".", "x$y$"};
    std::mt19937 rng(20240601);
    pum::SqlOptions options;
    options.substitute = false;
    options.refuseTransactionControl = false;
    int compared = 0;
    for (int iteration = 0; iteration < 20000; ++iteration) {
        std::string sql;
        for (std::size_t i = 0, len = rng() % 30; i < len; ++i)
            for (char c : pieces[rng() % pieces.size()]) {
                if (c == ';') sql += " select";
                sql += c;
            }
        sql += "\nselect";
        if (oldLibpgQueryMisreads(sql)) continue;
        std::string error;
        auto expected = pgEnds(sql, false, error);
        std::vector<std::size_t> ours;
        std::string ourError;
        try {
            for (const auto& s : pum::parseSql(sql, "fuzz", {}, options).statements) {
                std::size_t end = s.offsetMap.front().second + s.text.size();
                ours.push_back(s.text.back() == ';' ? end - 1 : sql.size());  // libpg_query ends the last one at EOF
            }
        } catch (const pum::SqlError& e) {
            ourError = e.info().message;
        }
        if (ourError.find("meta-command") != std::string::npos) continue;  // psql's, not the server's
        if (!error.empty()) continue;  // the server refuses it too (or its own junk rules)
        ++compared;
        ASSERT_EQ(ourError, "") << sql;
        ASSERT_EQ(ours, expected) << sql;
    }
    EXPECT_GT(compared, 5000);
}

TEST(SqlPgQuery, RandomPlacementsNeverChangeTheStructure)
{
    // Placeholders of every type dropped at random among tricky pieces, with
    // hostile values. Whatever we accept, each substituted statement must be
    // exactly one statement for PostgreSQL's scanner.
    const std::vector<std::string> pieces = {
        "'", "\"", "$$", "$a$", ";", "--", "/*", "*/", "\n", " ", "a", "E", "e", "1", "-", "\\", "U&", "''", "\\'",
        "{v}", "{v}", "{n}", "{d}", "{b}", "{z}", "{{", "}}", "(1)", "x", "$", "t", "_", "E1", ".", "1.5", "e'", "E'",
        "\"{v}\"", "'{v}'", "E'{v}'", "$q${v}$q$", "'{d}'", "$a", "a$", "\n'\\'", "'\\"};
    const std::vector<std::string> valuePieces = {"'", "\\", "$$", "$a$", "';--", "\\'", "*/", "/*", "\n",
                                                  "\"", "$", "a$", "E'", "{v}", "é"};
    std::mt19937 rng(7);
    pum::SqlOptions options;
    options.refuseTransactionControl = false;
    int accepted = 0;
    for (int iteration = 0; iteration < 20000; ++iteration) {
        std::string sql;
        for (std::size_t i = 0, len = rng() % 25; i < len; ++i)
            for (char c : pieces[rng() % pieces.size()]) {
                if (c == ';') sql += " select";
                sql += c;
            }
        sql += "\nselect";
        std::string value;
        for (std::size_t i = 0, len = 1 + rng() % 4; i < len; ++i) value += valuePieces[rng() % valuePieces.size()];
        using pum::ParameterType;
        using pum::ParameterValue;
        pum::ParameterValues params = {{"v", ParameterValue::parse(ParameterType::Text, value)},
                                       {"n", ParameterValue::parse(ParameterType::Integer, "-7")},
                                       {"d", ParameterValue::parse(ParameterType::Decimal, "-0.50")},
                                       {"b", ParameterValue::parse(ParameterType::Boolean, "f")},
                                       {"z", ParameterValue::null(ParameterType::Integer)}};
        pum::SqlScript script;
        try {
            script = pum::parseSql(sql, "fuzz", params, options);
        } catch (const pum::SqlError&) {
            continue;
        }
        ++accepted;
        for (const auto& statement : script.statements) {
            // Terminate the last one after a newline (safe even after a -- comment)
            // and add a sentinel statement: the scanner must end ours exactly at its ';'.
            std::string text = statement.text;
            if (text.back() != ';') text += "\n;";
            if (oldLibpgQueryMisreads(text)) continue;
            std::string error;
            auto ends = pgEnds(text + " select", false, error);
            ASSERT_TRUE(error.find("unterminated") == std::string::npos) << sql << "\n=> " << text << ": " << error;
            if (error.empty()) {
                ASSERT_EQ(ends, (std::vector<std::size_t>{text.size() - 1, text.size() + 7})) << sql << "\n=> " << text;
            }
        }
    }
    EXPECT_GT(accepted, 5000);
}

namespace {

// Reads a protobuf varint at `p` (libpg_query returns its scan as protobuf;
// the few fields needed here do not warrant protobuf-c).
std::uint64_t varint(const std::uint8_t*& p, const std::uint8_t* end)
{
    std::uint64_t value = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        std::uint8_t byte = *p++;
        value |= std::uint64_t(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
    }
    return value;
}

constexpr int kStringToken = 261;  // SCONST in pg_query.proto's Token

struct ScanToken {
    std::size_t start = 0, end = 0;
    int kind = 0;
};

// PostgreSQL's tokens of `sql` (ScanResult.tokens: start = 1, end = 2, token = 4), or an error.
std::vector<ScanToken> scan(const std::string& sql, std::string& error)
{
    PgQueryScanResult result = pg_query_scan(sql.c_str());
    std::vector<ScanToken> tokens;
    if (result.error) {
        error = result.error->message;
    } else {
        auto p = reinterpret_cast<const std::uint8_t*>(result.pbuf.data);
        const auto* end = p + result.pbuf.len;
        while (p < end) {
            std::uint64_t key = varint(p, end);
            if ((key & 7) == 0) {
                varint(p, end);
                continue;
            }
            std::uint64_t len = varint(p, end);  // length-delimited: only `tokens`
            const auto* tokenEnd = p + len;
            ScanToken token;
            while (p < tokenEnd) {
                std::uint64_t field = varint(p, tokenEnd) >> 3;
                std::uint64_t value = varint(p, tokenEnd);
                if (field == 1) token.start = value;
                if (field == 2) token.end = value;
                if (field == 4) token.kind = static_cast<int>(value);
            }
            tokens.push_back(token);
        }
    }
    pg_query_free_scan_result(result);
    return tokens;
}

// The shape of `sql` as PostgreSQL reads it, every dollar-quoted string
// read again as code (as EXECUTE or a function body would): token kinds,
// with nested shapes in brackets.
std::string shape(const std::string& sql, int depth = 0)
{
    std::string error;
    auto tokens = scan(sql, error);
    if (!error.empty()) return "error";  // its message quotes the text
    std::string out;
    for (const auto& t : tokens) {
        out += std::to_string(t.kind) + " ";
        if (depth < 8 && t.kind == kStringToken && sql[t.start] == '$') {
            std::size_t tagEnd = sql.find('$', t.start + 1) + 1;
            std::size_t bodyEnd = t.end - (tagEnd - t.start);
            if (tagEnd < t.end && bodyEnd >= tagEnd)
                out += "[" + shape(sql.substr(tagEnd, bodyEnd - tagEnd), depth + 1) + "] ";
        }
    }
    return out;
}

// Random code for one level of a dollar-quoted body, with quotes nested in it.
std::string randomBody(std::mt19937& rng, int level)
{
    static const std::vector<std::string> pieces = {
        "'", "\"", ";", "--", "/*", "*/", "\n", " ", "a", "E", "e", "1", "-", "\\", "''", "{v}", "{v}", "{v}",
        "{n}", "{b}", "{{", "}}", "(", ")", "x", "$", "$1", "a$", "'{v}'", "\"{v}\"", "E'{v}'", " execute ", "t_",
        "'{n}'", " "};
    std::string out;
    for (std::size_t i = 0, len = rng() % 12; i < len; ++i) {
        if (level < 4 && rng() % 6 == 0) {
            std::string tag = rng() % 3 == 0 ? "$$" : "$t" + std::to_string(level) + "$";
            out += " " + tag + randomBody(rng, level + 1) + tag + " ";
        } else {
            out += pieces[rng() % pieces.size()];
        }
    }
    return out;
}

}  // namespace

TEST(SqlPgQuery, ValuesInNestedDollarQuotesNeverChangeTheShape)
{
    // Placeholders at random depths of nested dollar quotes. Whatever hostile
    // value we accept, PostgreSQL reads every level of the result exactly as
    // with a harmless value: same tokens, same quotes, at every depth.
    const std::vector<std::string> valuePieces = {"$q$", "$$", "$t1$", "$t2$", "$t3$", "'", "\\", "$", "a", "$1",
                                                  "\n", "--", "*/", "\"", ";", "$t", "1$"};
    std::mt19937 rng(12);
    pum::SqlOptions options;
    options.refuseTransactionControl = false;
    using pum::ParameterType;
    using pum::ParameterValue;
    auto params = [](const std::string& v) {
        return pum::ParameterValues{{"v", ParameterValue::parse(ParameterType::Text, v)},
                                    {"n", ParameterValue::parse(ParameterType::Integer, "-7")},
                                    {"b", ParameterValue::parse(ParameterType::Boolean, "f")}};
    };
    auto shapes = [&](const std::string& sql, const pum::ParameterValues& p) {
        std::vector<std::string> out;
        for (const auto& statement : pum::parseSql(sql, "fuzz", p, options).statements)
            out.push_back(shape(statement.text));
        return out;
    };
    int compared = 0, refused = 0;
    for (int iteration = 0; iteration < 20000; ++iteration) {
        std::string sql = "do $q$" + randomBody(rng, 1) + "$q$;";
        std::string value;
        for (std::size_t i = 0, len = 1 + rng() % 4; i < len; ++i) value += valuePieces[rng() % valuePieces.size()];
        std::vector<std::string> expected;
        try {
            expected = shapes(sql, params("x"));
        } catch (const pum::SqlError&) {
            continue;  // refused whatever the value
        }
        std::vector<std::string> actual;
        try {
            actual = shapes(sql, params(value));
        } catch (const pum::SqlError&) {
            ++refused;
            continue;
        }
        ++compared;
        ASSERT_EQ(actual, expected) << sql << "\nwith v = " << value;
    }
    std::printf("nested bodies: %d compared, %d refused for their value\n", compared, refused);
    EXPECT_GT(compared, 5000);
}

#else

TEST(SqlPgQuery, SplitsLikePostgresScanner) { GTEST_SKIP() << "libpg_query not found at configure time"; }

#endif
