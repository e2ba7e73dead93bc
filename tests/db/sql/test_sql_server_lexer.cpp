// The server's own lexer judges how our splitter reads strings. A string goes
// on across whitespace with a newline and across -- comments between them,
// in the mode of its first segment (E'' escapes included); a /* */ comment
// or no newline ends it. Measured the same on PostgreSQL 13 to 18.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pum/base/error.h"
#include "pum/db/database.h"
#include "pum/sql/sql.h"
#include "test_support.h"

using pum::Connection;

namespace {

pum::SqlScript split(const std::string& sql)
{
    pum::SqlOptions options;
    options.substitute = false;
    return pum::parseSql(sql, "lexer.sql", {}, options);
}

}  // namespace

TEST(SqlServerLexer, AStringContinuesAcrossALineCommentAsOnTheServer)
{
    auto c = Connection::open(pum::test::conninfo("postgres"));
    const std::pair<std::string, std::string> continued[] = {
        {"select E'a' -- c\n'b\\'c;'", "ab'c;"},
        {"select E'a'\n-- c\n  'b\\'c;'", "ab'c;"},
        {"select E'a' -- c\n\n-- d\n'b;'", "ab;"},
        {"select 'a' -- c\n'b;'", "ab;"},
        {"select 'a'\n\n  'b'", "ab"},
    };
    for (const auto& [sql, value] : continued) {
        const auto script = split(sql + ";\nselect 2;");
        ASSERT_EQ(script.statements.size(), 2u) << sql;
        EXPECT_EQ(c.exec(script.statements[0].text).value(0, 0), value) << sql;
    }
    // Not continued: the second string stands alone, which the server refuses.
    for (const std::string sql : {"select 'a' /* c */\n'b;'", "select 'a' 'b;'", "select E'a' /* c */\n'b'"}) {
        const auto script = split(sql + ";\nselect 2;");
        ASSERT_EQ(script.statements.size(), 2u) << sql;
        EXPECT_THROW(c.exec(script.statements[0].text), pum::Error) << sql;
    }
    // E mode goes on: \' is an escaped quote, so the string never ends, for both.
    const std::string unterminated = "select E'a' -- c\n'\\'; select 3;";
    EXPECT_THROW(split(unterminated), pum::SqlError);
    try {
        c.exec(unterminated);
        ADD_FAILURE() << "the server ran " << unterminated;
    } catch (const pum::Error& e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("unterminated quoted string"));
    }
}
