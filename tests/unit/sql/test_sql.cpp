#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "pum/base/error.h"
#include "pum/sql/sql.h"

using namespace pum;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

ParameterValue integer(const char* t) { return ParameterValue::parse(ParameterType::Integer, t); }
ParameterValue text(std::string_view t) { return ParameterValue::parse(ParameterType::Text, t); }

SqlScript parse(std::string_view sql, const ParameterValues& params = {}, SqlOptions options = {})
{
    return parseSql(sql, "test.sql", params, options);
}

std::vector<std::string> texts(std::string_view sql, const ParameterValues& params = {}, SqlOptions options = {})
{
    std::vector<std::string> out;
    for (const auto& s : parse(sql, params, options).statements) out.push_back(s.text);
    return out;
}

std::vector<int> lines(std::string_view sql, SqlOptions options = {})
{
    std::vector<int> out;
    for (const auto& s : parse(sql, {}, options).statements) out.push_back(s.line);
    return out;
}

// The error a parse raises (fails the test when there is none).
SqlErrorInfo errorOf(std::string_view sql, const ParameterValues& params = {}, SqlOptions options = {})
{
    try {
        parse(sql, params, options);
    } catch (const SqlError& e) {
        return e.info();
    }
    ADD_FAILURE() << "no error for: " << sql;
    return {};
}

const ParameterValues kParams = {
    {"srid", integer("2056")},
    {"neg", integer("-5")},
    {"ratio", ParameterValue::parse(ParameterType::Decimal, "1.50")},
    {"flag", ParameterValue::parse(ParameterType::Boolean, "yes")},
    {"name", text("it's")},
    {"back", text("a\\b")},
    {"dir", ParameterValue::parse(ParameterType::Path, "/data/x")},
    {"nothing", ParameterValue::null(ParameterType::Text)},
    {"multi", text("l1\nl2\nl3")},
    {"evil", text("'); DROP TABLE x; --")},
};

std::string one(std::string_view sql, const ParameterValues& params = kParams)
{
    auto t = texts(sql, params);
    EXPECT_EQ(t.size(), 1u) << sql;
    return t.empty() ? "" : t[0];
}

}  // namespace

// ---- splitting ----

TEST(SqlSplit, SplitsOnTopLevelSemicolonsKeepingThem)
{
    EXPECT_THAT(texts("select 1; select 2;\nselect 3"), ElementsAre("select 1;", "select 2;", "select 3"));
    EXPECT_THAT(texts("select 1;;  ; select 2;"), ElementsAre("select 1;", "select 2;"));
    EXPECT_TRUE(texts("").empty());
    EXPECT_TRUE(texts("  \n\t ").empty());
    EXPECT_TRUE(texts("-- only a comment\n/* and another */\n;\n").empty());
}

TEST(SqlSplit, LeadingCommentsTrimmedInnerCommentsKept)
{
    EXPECT_THAT(texts("-- header\n/* block */ select 1 -- why\n , 2; -- trailing\nselect 3 -- end"),
                ElementsAre("select 1 -- why\n , 2;", "select 3"));
}

TEST(SqlSplit, SemicolonsInsideStringsIdentifiersCommentsAndBodies)
{
    EXPECT_THAT(texts("select 'a;b', 'it''s; x'; select 2;"), ElementsAre("select 'a;b', 'it''s; x';", "select 2;"));
    EXPECT_THAT(texts(R"(select 1 as "a;""b"; select 2;)"), ElementsAre(R"(select 1 as "a;""b";)", "select 2;"));
    EXPECT_THAT(texts("select 1 /* ; */ -- ;\n; select 2;"), ElementsAre("select 1 /* ; */ -- ;\n;", "select 2;"));
    EXPECT_THAT(texts("do $$ begin perform 1; end $$; select 2;"),
                ElementsAre("do $$ begin perform 1; end $$;", "select 2;"));
    EXPECT_THAT(texts("do $body$ begin perform ';'; end $body$; select 2;"),
                ElementsAre("do $body$ begin perform ';'; end $body$;", "select 2;"));
}

TEST(SqlSplit, NestedBlockComments)
{
    EXPECT_THAT(texts("/* a /* b; */ still comment; */ select 1; select /* x /* y */ */ 2;"),
                ElementsAre("select 1;", "select /* x /* y */ */ 2;"));
}

TEST(SqlSplit, DollarQuotesWithOtherTagsInside)
{
    EXPECT_THAT(texts("select $a$ $b$ ; $a$; select 2;"), ElementsAre("select $a$ $b$ ; $a$;", "select 2;"));
    EXPECT_THAT(texts("select $a$ $$ ; $$ $a$; select $$ $a$ ; $$;"),
                ElementsAre("select $a$ $$ ; $$ $a$;", "select $$ $a$ ; $$;"));
    EXPECT_THAT(texts("select $_x1$;$_x1$; select 2"), ElementsAre("select $_x1$;$_x1$;", "select 2"));
    EXPECT_THAT(texts("select $été$ ; $été$;"), ElementsAre("select $été$ ; $été$;"));
}

TEST(SqlSplit, PositionalParametersAreNotDollarQuotes)
{
    EXPECT_THAT(texts("prepare p as select $1; select $2;"), ElementsAre("prepare p as select $1;", "select $2;"));
    EXPECT_THAT(texts("select $1$$x;$$; select 2;"), ElementsAre("select $1$$x;$$;", "select 2;"));
    // A tag cannot start with a digit: $1a$ is not a dollar quote.
    EXPECT_THAT(texts("select $1a$; select 2;"), ElementsAre("select $1a$;", "select 2;"));
}

TEST(SqlSplit, DollarContinuingAnIdentifierIsNotAQuote)
{
    EXPECT_THAT(texts("select a$b$ from t; select '$b$';"), ElementsAre("select a$b$ from t;", "select '$b$';"));
    EXPECT_THAT(texts("select x$$ ; select 2;"), ElementsAre("select x$$ ;", "select 2;"));
}

TEST(SqlSplit, EscapeStrings)
{
    EXPECT_THAT(texts(R"(select E'it\'s; ok'; select 2;)"), ElementsAre(R"(select E'it\'s; ok';)", "select 2;"));
    EXPECT_THAT(texts(R"(select e'\\'; select 2;)"), ElementsAre(R"(select e'\\';)", "select 2;"));
    EXPECT_THAT(texts(R"(select E'a''b\\\'c;'; select 2;)"), ElementsAre(R"(select E'a''b\\\'c;';)", "select 2;"));
    // In a standard string a backslash is an ordinary character.
    EXPECT_THAT(texts(R"(select 'a\'; select 2;)"), ElementsAre(R"(select 'a\';)", "select 2;"));
    // xE'..' is an identifier followed by a standard string.
    EXPECT_THAT(texts(R"(select xE'a\'; select 2;)"), ElementsAre(R"(select xE'a\';)", "select 2;"));
    // Segments separated by a newline continue an E'' string in escape mode.
    EXPECT_THAT(texts("select E'a'\n\n  '\\'; x;'; select 3;"),
                ElementsAre("select E'a'\n\n  '\\'; x;';", "select 3;"));
    // ...across -- comments too, as every server (13 to 18) reads them...
    EXPECT_THAT(texts("select E'a' -- c\n'b\\'c;'; select 3;"),
                ElementsAre("select E'a' -- c\n'b\\'c;';", "select 3;"));
    EXPECT_THAT(texts("select E'a'\n-- c\n'b\\'c;'; select 3;"),
                ElementsAre("select E'a'\n-- c\n'b\\'c;';", "select 3;"));
    // ...but not across a /* */ comment, nor without a newline: '\' is then a standard string.
    EXPECT_THAT(texts("select E'a' /* c */\n'\\'; select 3;"),
                ElementsAre("select E'a' /* c */\n'\\';", "select 3;"));
    EXPECT_THAT(texts("select E'a' '\\'; select 3;"), ElementsAre("select E'a' '\\';", "select 3;"));
}

TEST(SqlSplit, OtherStringPrefixes)
{
    EXPECT_THAT(texts(R"(select U&'d\0061t\+000061;', U&"a;b", B'01', X'ff', N'x;'; select 2;)"),
                ElementsAre(R"(select U&'d\0061t\+000061;', U&"a;b", B'01', X'ff', N'x;';)", "select 2;"));
}

TEST(SqlSplit, BeginAtomicBodies)
{
    const char* sql =
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
        "BEGIN ATOMIC\n"
        "  SELECT 1;\n"
        "  SELECT CASE WHEN true THEN 2 ELSE 3 END;\n"
        "END;\n"
        "select 2;";
    auto t = texts(sql);
    ASSERT_EQ(t.size(), 2u);
    EXPECT_THAT(t[0], ::testing::EndsWith("END;"));
    EXPECT_EQ(t[1], "select 2;");
    EXPECT_THAT(texts("create or replace procedure p() begin atomic insert into t values (1); insert into t "
                      "values (2); end; select 1;"),
                ElementsAre("create or replace procedure p() begin atomic insert into t values (1); insert into t "
                            "values (2); end;",
                            "select 1;"));
    // CASE ... END elsewhere does not hold semicolons.
    EXPECT_THAT(texts("select case when x then 1 end; select 2;"),
                ElementsAre("select case when x then 1 end;", "select 2;"));
    // A plain function with a dollar body.
    EXPECT_THAT(texts("create function g() returns int as $$ begin return 1; end $$ language plpgsql; select 1;"),
                ElementsAre("create function g() returns int as $$ begin return 1; end $$ language plpgsql;",
                            "select 1;"));
}

TEST(SqlSplit, SemicolonsInsideParentheses)
{
    // A rule with several actions; psql and the server's scanner do not split inside parentheses.
    EXPECT_THAT(texts("create rule r as on insert to t do also (insert into a values (1); insert into b values (2));"
                      " select 1;"),
                ElementsAre("create rule r as on insert to t do also (insert into a values (1); insert into b values "
                            "(2));",
                            "select 1;"));
    EXPECT_THAT(texts("select 1); select 2;"), ElementsAre("select 1);", "select 2;"));
}

TEST(SqlSplit, LinesOfStatements)
{
    EXPECT_THAT(lines("select 1;\n\n-- c\n  select\n2; select 3;\n/*\n*/ select 4"), ElementsAre(1, 4, 5, 7));
    SqlOptions options;
    options.firstLine = 10;
    EXPECT_THAT(lines("select 1;\nselect 2;", options), ElementsAre(10, 11));
}

TEST(SqlSplit, CrlfFiles)
{
    auto script = parse("select 1;\r\n-- c\r\nselect\r\n  'x' ;\r\nselect 3 -- e\r\n");
    ASSERT_EQ(script.statements.size(), 3u);
    EXPECT_EQ(script.statements[0].text, "select 1;");
    EXPECT_EQ(script.statements[1].text, "select\r\n  'x' ;");
    EXPECT_EQ(script.statements[1].line, 3);
    EXPECT_EQ(script.statements[1].lineAtOffset(script.statements[1].text.find("'x'")), 4);
    EXPECT_EQ(script.statements[2].text, "select 3");
    EXPECT_EQ(script.statements[2].line, 5);
}

TEST(SqlSplit, ByteOrderMarkIsSkipped)
{
    EXPECT_THAT(texts("\xEF\xBB\xBFselect 1;"), ElementsAre("select 1;"));
}

// ---- parameters ----

TEST(SqlParameters, BraceRules)
{
    EXPECT_EQ(one("select '{{1,2}}'::int[];"), "select '{1,2}'::int[];");
    EXPECT_EQ(one("select x ~ '^[0-9]{{6}}$';"), "select x ~ '^[0-9]{6}$';");
    EXPECT_EQ(one(R"(select E'\\d{{2}}', "{{a}}", $$ {{ }} $$;)"), R"(select E'\\d{2}', "{a}", $$ { } $$;)");
    EXPECT_EQ(one("select '{{' || '}}';"), "select '{' || '}';");
    EXPECT_EQ(one("select '{{{srid}}}';"), "select '{2056}';");
}

TEST(SqlParameters, CommentsAreNotTouched)
{
    EXPECT_EQ(one("select {srid} -- {unknown} } {{\n/* {x} { } /* {{ */ */;"),
              "select 2056 -- {unknown} } {{\n/* {x} { } /* {{ */ */;");
    EXPECT_EQ(one("do $$ begin -- {nope} }\n /* { */ perform {srid}; end $$;"),
              "do $$ begin -- {nope} }\n /* { */ perform 2056; end $$;");
    EXPECT_THAT(texts("-- {x}\nselect 1;", {}), ElementsAre("select 1;"));
    // Quotes inside the body: '--' there is not a comment.
    EXPECT_EQ(one("do $$ begin perform '--', \"a--\", {srid}; end $$;"),
              "do $$ begin perform '--', \"a--\", 2056; end $$;");
}

TEST(SqlParameters, NoSubstitutionLeavesBracesAlone)
{
    SqlOptions options;
    options.substitute = false;
    EXPECT_THAT(texts("select '{x}', {y}, '}}'; select 2", {}, options),
                ElementsAre("select '{x}', {y}, '}}';", "select 2"));
}

TEST(SqlParameters, PlainCodeGetsLiterals)
{
    EXPECT_EQ(one("select {srid}, {neg}, 1-{neg}, {ratio}, {flag}, {name}, {back}, {dir}, {nothing};"),
              "select 2056,  -5, 1- -5, 1.50, true, 'it''s', E'a\\\\b', '/data/x', NULL;");
    EXPECT_EQ(one("select st_transform(g, {srid})::geometry(point, {srid});"),
              "select st_transform(g, 2056)::geometry(point, 2056);");
    // Two adjacent literals stay two tokens.
    EXPECT_EQ(one("select 'a'{name}'b';"), "select 'a' 'it''s' 'b';");
    EXPECT_EQ(one("select t{srid};"), "select t2056;");
    EXPECT_EQ(one("select E{name}, U&{name}, date{name};"), "select E 'it''s', U& 'it''s', date 'it''s';");
    EXPECT_EQ(one("create table t_{srid}_x ();"), "create table t_2056_x ();");
    // A number does not swallow the identifier that follows.
    EXPECT_EQ(one("select {srid}E1$a$;"), "select 2056 E1$a$;");
    EXPECT_EQ(one("select 1{srid}e1;"), "select 12056 e1;");
    EXPECT_EQ(one("select {neg}x;"), "select  -5 x;");
    // NULL and booleans do not absorb a string prefix.
    EXPECT_EQ(one("select {nothing}E'\\'';"), "select NULL E'\\'';");
    EXPECT_EQ(one("select {flag}U&'x';"), "select true U&'x';");
}

TEST(SqlParameters, StringsGetTheirContent)
{
    EXPECT_EQ(one("select 'EPSG:{srid}', '{neg}', '{ratio}', '{flag}', '{name}', '{dir}';"),
              "select 'EPSG:2056', '-5', '1.50', 'true', 'it''s', '/data/x';");
    EXPECT_EQ(one(R"(select E'{name}\n{back}';)"), R"(select E'it''s\na\\b';)");
    EXPECT_EQ(one(R"(select E'\\{name}';)"), R"(select E'\\it''s';)");
    EXPECT_EQ(one(R"(create table "t_{name}" ();)"), R"(create table "t_it's" ();)");
    EXPECT_EQ(one(R"(select "{evil}";)", {{"evil", text("a\"b")}}), R"(select "a""b";)");
}

TEST(SqlParameters, DollarBodiesGetLiterals)
{
    EXPECT_EQ(one("do $$ begin perform st_setsrid(g, {srid}), {name}; end $$;"),
              "do $$ begin perform st_setsrid(g, 2056), 'it''s'; end $$;");
    // '$' alone or before digits opens no quote.
    EXPECT_EQ(one("do $x$ begin raise notice '%', {v}; end $x$;", {{"v", text("US$ 5 = $1")}}),
              "do $x$ begin raise notice '%', 'US$ 5 = $1'; end $x$;");
}

// The attack of issue 12: the value closes the $q$ nested inside $$, so the
// rest of it runs as PL/pgSQL.
const char* const kNestedAttack =
    "DO $$ BEGIN EXECUTE $q$ INSERT INTO public.note VALUES ({label}) $q$; END $$;";
const char* const kNestedAttackValue =
    "a$q$ || chr(39) || $q$)$q$; DROP TABLE public.victim; EXECUTE $q$SELECT ($q$ || chr(39) || $q$b";

TEST(SqlParameters, ValuesNeverCloseANestedDollarQuote)
{
    auto e = errorOf(std::string("SELECT 1;\n") + kNestedAttack, {{"label", text(kNestedAttackValue)}});
    EXPECT_EQ(e.file, "test.sql");
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("parameter 'label'"));
    EXPECT_THAT(e.message, HasSubstr("close the dollar quote $q$ opened on line 2"));
    // The same value as data, where it can be: a plain string literal.
    EXPECT_EQ(one("INSERT INTO public.note VALUES ({label});", {{"label", text(kNestedAttackValue)}}),
              std::string("INSERT INTO public.note VALUES ('") + kNestedAttackValue + "');");
}

TEST(SqlParameters, ValuesNeverHoldADollarQuoteDelimiterAtAnyDepth)
{
    // Three levels: $outer$, then $$ inside it, then $q$ inside that.
    const std::string sql = "create function f() returns void language plpgsql as $outer$\n"
                            "begin\n"
                            "  execute $$ do $q$ begin perform {v}; end $q$ $$;\n"
                            "  perform {v};\n"
                            "end $outer$;";
    struct Case {
        const char* value;
        const char* message;
    };
    for (const auto& c : std::vector<Case>{{"$q$", "close the dollar quote $q$ opened on line 3"},
                                           {"x$$y", "close the dollar quote $$ opened on line 3"},
                                           {"$outer$", "close the dollar quote $outer$ opened on line 1"},
                                           {"$other$", "open a dollar quote $other$"},
                                           {"$_9$", "open a dollar quote $_9$"}}) {
        auto e = errorOf(sql, {{"v", text(c.value)}});
        EXPECT_EQ(e.line, 3) << c.value;
        EXPECT_THAT(e.message, HasSubstr("parameter 'v'")) << c.value;
        EXPECT_THAT(e.message, HasSubstr(c.message)) << c.value;
    }
    // On the level of $outer$ only $outer$ is open; $q$ is refused there too
    // (it would open a quote).
    auto e = errorOf("do $outer$ begin\n perform {v}; end $outer$;", {{"v", text("$q$")}});
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("open a dollar quote $q$ inside the dollar-quoted body opened on line 1"));
    // Harmless dollars are data at every depth.
    for (const char* value : {"$", "$1", "a$b", "$1$", "cost: 5$", "$ $"}) {
        std::string literal = std::string("'") + value + "'";
        EXPECT_EQ(one(sql, {{"v", text(value)}}),
                  "create function f() returns void language plpgsql as $outer$\n"
                  "begin\n"
                  "  execute $$ do $q$ begin perform " + literal + "; end $q$ $$;\n"
                  "  perform " + literal + ";\n"
                  "end $outer$;")
            << value;
    }
}

TEST(SqlParameters, ValuesNeverFormADollarQuoteDelimiterWithTheTextAround)
{
    ParameterValues params = {{"n", integer("5")}, {"b", ParameterValue::parse(ParameterType::Boolean, "t")}};
    // $a{n}$ would become $a5$, a tag that was not in the file: in code, as
    // on the top level, a value next to '$' is refused...
    EXPECT_THAT(errorOf("do $$ begin perform $a{n}$ x $a5$; end $$;", params).message, HasSubstr("'$'"));
    EXPECT_THAT(errorOf("do $$ begin execute $q$ select $x_{b}$ $q$; end $$;", params).message, HasSubstr("'$'"));
    // ...and inside the body's strings, which EXECUTE runs as code, the tag itself is.
    EXPECT_THAT(errorOf("do $$ begin execute 'select $a{n}$ x $a5$'; end $$;", params).message,
                HasSubstr("parameter 'n' cannot be placed here: its value would open a dollar quote $a5$"));
    EXPECT_THAT(errorOf("do $$ begin perform \"$x_{b}$\"; end $$;", params).message,
                HasSubstr("open a dollar quote $x_true$"));
    // Next to a '$', a value could hide a tag inside an identifier (t_5$q$).
    EXPECT_THAT(errorOf("do $$ begin execute $q$ select t_{n}$q$; end $$;", params).message, HasSubstr("'$'"));
    // Spaced out, the same values are fine.
    EXPECT_EQ(one("do $$ begin execute $q$ select {n}, {b} $q$; end $$;", params),
              "do $$ begin execute $q$ select 5, true $q$; end $$;");
}

TEST(SqlParameters, NestedDollarQuotesHaveTheirOwnStrings)
{
    // A quote opened inside the nested body ends with it: after $q$, {v} is code again.
    EXPECT_EQ(one("do $$ begin execute $q$ select 'a $q$; perform {name}; end $$;"),
              "do $$ begin execute $q$ select 'a $q$; perform 'it''s'; end $$;");
    // A '$q$' inside a string of the body is text, not a quote: {name} is in code.
    EXPECT_EQ(one("do $$ begin perform 'x $q$', {name}; end $$;"),
              "do $$ begin perform 'x $q$', 'it''s'; end $$;");
    // Inside a string of the nested body a text is refused, as on the first level.
    EXPECT_THAT(errorOf("do $$ begin execute $q$ select '{name}' $q$; end $$;", kParams).message,
                HasSubstr("quoted string"));
    // A $tag$ never closed is not a quote (the body is not SQL there); the
    // rest is still scanned, and no value may hold that tag.
    EXPECT_EQ(one("do $$ x = $a$ {srid} $$;"), "do $$ x = $a$ 2056 $$;");
    EXPECT_THAT(errorOf("do $$ x = $a$ {v} $$;", {{"v", text("$a$")}}).message, HasSubstr("$a$"));
    // A '$' continuing an identifier opens no quote: a$q$ ... {v}.
    EXPECT_EQ(one("do $$ begin perform a$q$, {name}, $q$; end $$;"),
              "do $$ begin perform a$q$, 'it''s', $q$; end $$;");
}

TEST(SqlParameters, DollarQuotesNestedTooDeepAreRefused)
{
    // Bounded depth: the scanner of a body is recursive.
    std::string open, close;
    for (int i = 0; i < 70; ++i) {
        open += "$t" + std::to_string(i) + "$ ";
        close = " $t" + std::to_string(i) + "$" + close;
    }
    auto e = errorOf("select " + open + "{srid}" + close + ";", kParams);
    EXPECT_THAT(e.message, HasSubstr("nested more than 64 deep"));
    // Without parameters the text is sent as written, whatever its depth.
    SqlOptions raw;
    raw.substitute = false;
    EXPECT_EQ(texts("select " + open + "{srid}" + close + ";", {}, raw).size(), 1u);
}

TEST(SqlParameters, TextsInsideStringsOfBodiesAreRefused)
{
    // Numbers and booleans inside a body's string are fine (pum modules do this).
    EXPECT_EQ(one("do $$ begin execute 'select st_setsrid(g, {srid}), {flag}, {neg}'; end $$;"),
              "do $$ begin execute 'select st_setsrid(g, 2056), true,  -5'; end $$;");
    // A text there would end the body's string when the function is compiled.
    auto e = errorOf("create function f() returns void as $$\nbegin\n  raise notice 'x {evil}';\nend $$ language plpgsql;",
                     kParams);
    EXPECT_EQ(e.line, 3);
    EXPECT_THAT(e.message, HasSubstr("'evil'"));
    EXPECT_THAT(e.message, HasSubstr("quoted string"));
    // After the body's strings (E'' ones with \' too) the text is in code again.
    EXPECT_EQ(one("do $$ begin perform 'a''b', E'c\\'d', {name}; end $$;"),
              "do $$ begin perform 'a''b', E'c\\'d', 'it''s'; end $$;");
    EXPECT_EQ(one("do $$ begin perform \"x'y\", {name}; end $$;"), "do $$ begin perform \"x'y\", 'it''s'; end $$;");
    EXPECT_THAT(errorOf("do $$ begin perform \"t_{v}\"; end $$;", {{"v", text("a\"; drop table x; --")}}).message,
                HasSubstr("quoted identifier"));
}

TEST(SqlParameters, LiteralsNeverEscape)
{
    // Whatever the context, the value stays inside its literal: the substituted
    // statement, lexed again, is still one statement and holds the value.
    ParameterValues params = {{"v", text("'); DROP TABLE x; --")}};
    ParameterValues backslash = {{"v", text("\\'); DROP TABLE x; --\\")}};
    SqlOptions raw;
    raw.substitute = false;
    for (const char* sql : {"select {v};", "select '{v}';", "select E'{v}';", "select e'x\\\\{v}';",
                            "select \"{v}\";", "do $$ begin perform {v}; end $$;", "do $t$ select \"{v}\" $t$;",
                            "select 1-{v};", "select 'a'{v};", "select {v}'a';", "select U&'{v}';"}) {
        auto substituted = texts(sql, params);
        ASSERT_EQ(substituted.size(), 1u) << sql;
        auto again = texts(substituted[0], {}, raw);
        EXPECT_EQ(again.size(), 1u) << sql << " -> " << substituted[0];
    }
    for (const char* sql : {"select {v};", "select E'{v}';", "select \"{v}\";", "do $t$ select {v} $t$;"}) {
        auto substituted = texts(sql, backslash);
        ASSERT_EQ(substituted.size(), 1u) << sql;
        EXPECT_EQ(texts(substituted[0], {}, raw).size(), 1u) << sql << " -> " << substituted[0];
    }
    EXPECT_EQ(one("select '{v}';", params), "select '''); DROP TABLE x; --';");
    EXPECT_EQ(one("select E'{v}';", backslash), "select E'\\\\''); DROP TABLE x; --\\\\';");
}

TEST(SqlParameters, UnsafePlacementsAreRefused)
{
    // A backslash inside '...' would depend on standard_conforming_strings.
    auto e = errorOf("select 1;\nselect '{back}';", kParams);
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("'back'"));
    EXPECT_THAT(e.message, HasSubstr("backslash"));
    EXPECT_THAT(errorOf("select U&'{back}';", kParams).message, HasSubstr("backslash"));
    // NULL has no text to put inside a string or identifier.
    EXPECT_THAT(errorOf("select 'x{nothing}';", kParams).message, HasSubstr("NULL"));
    EXPECT_THAT(errorOf("select \"{nothing}\";", kParams).message, HasSubstr("NULL"));
    EXPECT_THAT(errorOf("select E'{nothing}';", kParams).message, HasSubstr("NULL"));
    // A value that contains (or completes) the closing tag of its dollar quote.
    e = errorOf("do $$\nbegin\n  perform {v};\nend $$;", {{"v", text("$$; drop table x; --")}});
    EXPECT_EQ(e.line, 3);
    EXPECT_THAT(e.message, HasSubstr("'v'"));
    EXPECT_THAT(e.message, HasSubstr("$$"));
    e = errorOf("select $NULL$ \"${v}$\" $NULL$;", {{"v", ParameterValue::null(ParameterType::Text)}});
    EXPECT_THAT(e.message, HasSubstr("close the dollar quote $NULL$"));
    EXPECT_THAT(errorOf("select $NULL$ ${v}$ $NULL$;", {{"v", ParameterValue::null(ParameterType::Text)}}).message,
                HasSubstr("'$'"));
    EXPECT_THAT(errorOf("select $x5$ $x{n}$ $x5$;", {{"n", integer("5")}}).message, HasSubstr("'n'"));
    // A lone backslash would escape the value's first character.
    e = errorOf("select 1,\n E'\\{name}';", kParams);
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("backslash"));
    // An E'' value would carry its escape mode into a string continued on the next line.
    EXPECT_THAT(errorOf("select 1{back}\n'x';", kParams).message, HasSubstr("next line"));
    e = errorOf("select\n {back}\n  '\\';", kParams);
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("next line"));
    EXPECT_EQ(one("select {back} ||\n  '\\';"), "select E'a\\\\b' ||\n  '\\';");
    EXPECT_EQ(one("select {name}\n  'x';"), "select 'it''s'\n  'x';");  // both standard: one string, as written
    EXPECT_THAT(errorOf("select E'a'\n{name}\n'\\';", kParams).message, HasSubstr("join the strings"));
    // Next to '$' a value could open a dollar quote.
    EXPECT_THAT(errorOf("select ${srid}$ ;", kParams).message, HasSubstr("'$'"));
    EXPECT_THAT(errorOf("select $a{srid}$;", kParams).message, HasSubstr("'$'"));
    // ...or, joined to identifier characters, complete a tag or hide one.
    EXPECT_THAT(errorOf("select 1.5$a{flag}t$a;", kParams).message, HasSubstr("'$'"));
    EXPECT_THAT(errorOf("select a{nothing}1$q$ x $q$;", kParams).message, HasSubstr("'$'"));
}

TEST(SqlParameters, BraceErrorsNameTheLine)
{
    struct Case {
        const char* sql;
        int line;
        const char* message;
    };
    for (const auto& c : std::vector<Case>{
             {"select 1;\nselect {unknown};", 2, "unknown parameter 'unknown'"},
             {"select {}", 1, "positional"},
             {"select\n\n'{0}'", 3, "positional placeholder '{0}'"},
             {"select {1a};", 1, "'{1a}' is not a parameter name"},
             {"select {srid:>3};", 1, "format spec in '{srid:>3}'"},
             {"select {srid!r};", 1, "conversion in '{srid!r}'"},
             {"select {srid.x};", 1, "attribute or index"},
             {"select {srid[0]};", 1, "attribute or index"},
             {"select 1;\n select '}';", 2, "single '}'"},
             {"select 1 }", 1, "single '}'"},
             {"select '{srid';", 1, "not closed"},
             {"select {srid", 1, "not closed"},
             {"select 1,\n {", 2, "not closed"},
             {"select { srid };", 1, "must start a parameter"},
             {"select '{\"a\": 1}'::json;", 1, "must start a parameter"},
         }) {
        auto e = errorOf(c.sql, kParams);
        EXPECT_EQ(e.line, c.line) << c.sql;
        EXPECT_THAT(e.message, HasSubstr(c.message)) << c.sql;
        EXPECT_EQ(e.file, "test.sql");
        EXPECT_TRUE(e.sqlstate.empty());
    }
    EXPECT_THAT(errorOf("select {x};", {{"a", integer("1")}, {"b", integer("2")}}).message,
                HasSubstr("(declared: a, b)"));
    EXPECT_THAT(errorOf("select {x};", {}).message, HasSubstr("(declared: none)"));
}

// ---- refused statements ----

TEST(SqlRefused, TransactionControl)
{
    struct Case {
        const char* sql;
        const char* what;
    };
    for (const auto& c : std::vector<Case>{{"BEGIN;", "BEGIN"},
                                           {"begin transaction isolation level serializable;", "BEGIN"},
                                           {"START TRANSACTION;", "START TRANSACTION"},
                                           {"commit", "COMMIT"},
                                           {"Commit Work;", "COMMIT"},
                                           {"END;", "END"},
                                           {"rollback;", "ROLLBACK"},
                                           {"ROLLBACK AND CHAIN;", "ROLLBACK"},
                                           {"abort;", "ABORT"},
                                           {"PREPARE TRANSACTION 'x';", "PREPARE TRANSACTION"},
                                           {"COMMIT PREPARED 'x';", "COMMIT PREPARED"},
                                           {"ROLLBACK PREPARED 'x';", "ROLLBACK PREPARED"}}) {
        auto e = errorOf(std::string("select 1;\n-- c\n/* d */ ") + c.sql);
        EXPECT_EQ(e.line, 3) << c.sql;
        EXPECT_EQ(e.message, "SQL contains forbidden transaction statement: transaction control (" +
                                 std::string(c.what) +
                                 ") is not allowed: pum runs each command, changelogs and hooks, in one transaction")
            << c.sql;
    }
    EXPECT_NO_THROW(parse("savepoint a; rollback to savepoint a; rollback to a; rollback work to a; release a;"));
    EXPECT_NO_THROW(parse("prepare q as select 1; select 'begin; commit;'; -- commit;\n/* rollback; */"));
    EXPECT_NO_THROW(parse("create function f() returns int language sql begin atomic select 1; end;"));
    SqlOptions allow;
    allow.refuseTransactionControl = false;
    EXPECT_THAT(texts("begin; select 1; commit;", {}, allow), ElementsAre("begin;", "select 1;", "commit;"));
}

TEST(SqlRefused, PgDumpSearchPath)
{
    for (const char* sql : {"SELECT pg_catalog.set_config('search_path', '', false);",
                            "select  set_config( 'SEARCH_PATH' , 'public', false);",
                            "SELECT pg_catalog . set_config\n('search_path', '', false)"}) {
        auto e = errorOf(std::string("\n") + sql);
        EXPECT_EQ(e.line, 2) << sql;
        EXPECT_THAT(e.message, HasSubstr("search_path")) << sql;
    }
    EXPECT_NO_THROW(parse("select set_config('application_name', 'x', false); select current_setting('search_path');"));
    SqlOptions allow;
    allow.refuseTransactionControl = false;
    EXPECT_NO_THROW(parse("SELECT pg_catalog.set_config('search_path', '', false);", {}, allow));
}

TEST(SqlRefused, CopyFromStdinAndMetaCommands)
{
    SqlOptions allow;
    allow.refuseTransactionControl = false;
    auto e = errorOf("select 1;\nCOPY public.t (a, b) FROM stdin;\n1\t2\n\\.\n", {}, allow);
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("COPY ... FROM STDIN"));
    EXPECT_NO_THROW(parse("copy t from '/tmp/x.csv'; copy t to stdout; select 'from stdin';"));
    EXPECT_NO_THROW(parse("copy (select * from stdin) to '/tmp/x';"));
    EXPECT_THAT(errorOf("copy t(a) from\n  STDIN with (format csv);").message, HasSubstr("FROM STDIN"));
    e = errorOf("select 1;\n  \\connect other\nselect 2;");
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("'\\connect'"));
    EXPECT_THAT(errorOf("\\set ON_ERROR_STOP on\n").message, HasSubstr("psql meta-command"));
}

TEST(SqlRefused, UnterminatedTokensNameTheirFirstLine)
{
    struct Case {
        const char* sql;
        int line;
        const char* message;
    };
    for (const auto& c : std::vector<Case>{{"select 1;\nselect 'abc;\n\n", 2, "unterminated quoted string"},
                                           {"select\n E'abc\\';", 2, "unterminated quoted string"},
                                           {"select 1;\n\nselect \"abc;", 3, "unterminated quoted identifier"},
                                           {"do $tag$\nbegin end $ta$;", 1, "unterminated dollar-quoted string $tag$"},
                                           {"select 1; /* a /* b */\n select 2;", 1, "unterminated /* comment"}}) {
        auto e = errorOf(c.sql);
        EXPECT_EQ(e.line, c.line) << c.sql;
        EXPECT_THAT(e.message, HasSubstr(c.message)) << c.sql;
    }
    SqlOptions options;
    options.firstLine = 40;
    EXPECT_EQ(errorOf("select 1;\n'x", {}, options).line, 41);
}

// ---- line mapping ----

TEST(SqlLines, OffsetsAfterMultiLineValues)
{
    auto script = parse("select 1;\nselect {multi},\n  a,\n  '{{x}}' || b\nfrom t;", kParams);
    ASSERT_EQ(script.statements.size(), 2u);
    const auto& s = script.statements[1];
    EXPECT_EQ(s.text, "select 'l1\nl2\nl3',\n  a,\n  '{x}' || b\nfrom t;");
    EXPECT_EQ(s.line, 2);
    EXPECT_EQ(s.lineAtOffset(0), 2);
    EXPECT_EQ(s.lineAtOffset(s.text.find("l3")), 2);  // inside the value: the line of its '{'
    EXPECT_EQ(s.lineAtOffset(s.text.find("a,")), 3);
    EXPECT_EQ(s.lineAtOffset(s.text.find("b\n")), 4);  // after a collapsed '{{'
    EXPECT_EQ(s.lineAtOffset(s.text.find("from")), 5);
    EXPECT_EQ(s.lineAtOffset(s.text.size() + 10), 5);
}

TEST(SqlLines, ServerPositionsCountUtf8Characters)
{
    SqlOptions options;
    options.firstLine = 7;
    auto script = parse("-- header\nselect 'ééé',\n  'ü' ||\n  bad;", {}, options);
    ASSERT_EQ(script.statements.size(), 1u);
    const auto& s = script.statements[0];
    EXPECT_EQ(s.line, 8);
    std::string_view ascii = "select 'ééé',\n  'ü' ||\n  ";
    int position = 1 + static_cast<int>(ascii.size()) - 4;  // 4 bytes are UTF-8 continuation bytes
    EXPECT_EQ(s.lineAtPosition(position), 10);
    EXPECT_EQ(s.lineAtPosition(1), 8);
    EXPECT_EQ(s.lineAtPosition(15), 9);  // the newline after 'ééé', is character 14
    EXPECT_EQ(s.lineAtPosition(0), 8);
    EXPECT_EQ(s.lineAtPosition(100000), 8);
}

TEST(SqlLines, ValuesBeforeAnErrorPosition)
{
    auto script = parse("insert into t values ({multi},\n {multi},\n oops);", kParams);
    const auto& s = script.statements[0];
    auto bytes = s.text.find("oops");
    int chars = static_cast<int>(bytes) + 1;  // ASCII only
    EXPECT_EQ(s.lineAtPosition(chars), 3);
    EXPECT_EQ(s.lineAtPosition(static_cast<int>(s.text.find("l2")) + 1), 1);
}

TEST(SqlLines, StatementsOutliveTheirScript)
{
    std::vector<SqlStatement> kept;
    {
        SqlScript script = parse("select 1;\n\nselect\n2;");
        SqlScript moved = std::move(script);
        kept = moved.statements;
        EXPECT_EQ(moved.lineStarts.size(), 4u);
    }
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[1].lineAtOffset(kept[1].text.find('2')), 4);
}

TEST(SqlLines, HandMadeStatementsFallBackToTheirLine)
{
    SqlStatement statement;
    statement.text = "select 1";
    statement.line = 12;
    EXPECT_EQ(statement.lineAtOffset(3), 12);
    EXPECT_EQ(statement.lineAtPosition(3), 12);
}

// ---- size (speed is measured by bench/bench_sql.cpp, not asserted here) ----

TEST(SqlSize, LargeAndPathologicalFilesParse)
{
    std::string sql;
    const std::string row = "INSERT INTO od.t (id, name, geom) VALUES (12345, 'x;y', '{{1,2}}'); -- c\n";
    while (sql.size() < 8 * 1024 * 1024) sql += row;
    // Pathological: one huge string full of braces, and a huge dollar body.
    sql += "select '" + std::string(1 << 20, 'a') + std::string(1 << 19, '{') + std::string(1 << 19, '{') + "';\n";
    sql += "do $$" + std::string(1 << 20, '}') + std::string(1 << 20, '}') + "$$;\n";
    auto script = parse(sql, kParams);
    EXPECT_EQ(script.statements.size(), (8 * 1024 * 1024 + row.size() - 1) / row.size() + 2);
    EXPECT_EQ(script.statements[0].text, "INSERT INTO od.t (id, name, geom) VALUES (12345, 'x;y', '{1,2}');");
}

// ---- bad input: each is refused with the file and line, in time and
// memory bounded by construction (the lexer's limits, not a timer).

TEST(SqlBadInput, NulBytesAndInvalidUtf8NameTheirLine)
{
    using namespace std::string_literals;
    struct Case {
        std::string sql;
        int line;
        const char* message;
    };
    for (const auto& c : std::vector<Case>{
             {"select 1;\nselect 'a\0b';"s, 2, "a NUL byte on this line"},
             {"select 1;\n\nselect 'caf\xe9';", 3, "invalid UTF-8 (byte 0xe9) on this line"},
             {"select '\xc0\xaf';", 1, "invalid UTF-8 (byte 0xc0)"},          // overlong '/'
             {"select '\xed\xa0\x80';", 1, "invalid UTF-8 (byte 0xed)"},      // a surrogate
             {"select '\xf4\x90\x80\x80';", 1, "invalid UTF-8 (byte 0xf4)"},  // past U+10FFFF
             {"select 1;\nselect '\xe2\x82", 2, "invalid UTF-8 (byte 0xe2)"},  // cut short at the end
             {"\xff\xfes\0e\0l\0"s, 1, "the file looks like UTF-16"},
             // Even in a comment: the server would see it.
             {"-- \x80\nselect 1;", 1, "invalid UTF-8 (byte 0x80)"}}) {
        auto e = errorOf(c.sql);
        EXPECT_EQ(e.file, "test.sql");
        EXPECT_EQ(e.line, c.line) << c.message;
        EXPECT_THAT(e.message, HasSubstr(c.message));
    }
    // Without substitution too: libpq would cut the statement at the NUL.
    SqlOptions raw;
    raw.substitute = false;
    EXPECT_THAT(errorOf("select '\0';"s, {}, raw).message, HasSubstr("NUL byte"));
    // Valid UTF-8 of every length passes, and a byte order mark is skipped.
    EXPECT_EQ(one("\xef\xbb\xbfselect 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80', {name};"),
              "select 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80', 'it''s';");
}

TEST(SqlBadInput, UnterminatedTokensInLargeFilesNameTheirLine)
{
    const std::string filler(10 << 20, 'a');  // 10 MB
    struct Case {
        std::string open;
        const char* message;
    };
    for (const auto& c : std::vector<Case>{{"'", "unterminated quoted string"},
                                           {"E'", "unterminated quoted string"},
                                           {"\"", "unterminated quoted identifier"},
                                           {"$body$", "unterminated dollar-quoted string $body$"},
                                           {"/*", "unterminated /* comment"}}) {
        auto e = errorOf("select 1;\nselect 2,\n " + c.open + filler);
        EXPECT_EQ(e.line, 3) << c.open;
        EXPECT_THAT(e.message, HasSubstr(c.message));
    }
    // A 10 MB string that is closed is just data.
    EXPECT_EQ(texts("select '" + filler + "';").front().size(), filler.size() + 10);
}

TEST(SqlBadInput, StatementsPastTheLimitAreRefused)
{
    // One statement of 65 MiB in the file.
    auto e = errorOf("select 1;\n\ninsert into t values ('" + std::string(65 << 20, 'x') + "');");
    EXPECT_EQ(e.line, 3);
    EXPECT_THAT(e.message, HasSubstr("statement larger than 64 MiB (it starts on this line)"));
    // Or made that large by a value: a 1 MiB value placed 70 times.
    ParameterValues big = {{"v", text(std::string(1 << 20, 'x'))}};
    std::string sql = "select 1;\nselect ";
    for (int i = 0; i < 70; ++i) sql += "{v}, ";
    e = errorOf(sql + "1;", big);
    EXPECT_EQ(e.line, 2);
    EXPECT_THAT(e.message, HasSubstr("statement larger than 64 MiB"));
    // ...or spread over statements: values may add at most 64 MiB to a file.
    sql.clear();
    for (int i = 0; i < 70; ++i) sql += "select {v};\n";
    e = errorOf(sql, big);
    EXPECT_EQ(e.line, 64);  // 64 values of 1 MiB and their quotes
    EXPECT_THAT(e.message, HasSubstr("parameter values add more than 64 MiB to this file"));
    // Under the limits, the same values are fine.
    EXPECT_EQ(texts("select {v};\nselect {v};", big).size(), 2u);
}

TEST(SqlBadInput, ManyJoinedValuesStayLinear)
{
    // a{n}{n}{n}...: each value joins the identifier before it; looking at
    // that identifier is bounded, so the file costs linear time.
    std::string sql = "select a";
    for (int i = 0; i < 200000; ++i) sql += "{srid}";
    auto e = errorOf(sql + ";", kParams);
    EXPECT_THAT(e.message, HasSubstr("parameter 'srid' is joined to more than 1024 identifier characters"));
    EXPECT_EQ(one("select t_{srid}_{srid}_{srid};"), "select t_2056_2056_2056;");
    // Inside a string of a dollar body too (where only numbers may stand).
    sql = "do $$ begin execute 'select a";
    for (int i = 0; i < 200000; ++i) sql += "{srid}";
    EXPECT_THAT(errorOf(sql + "'; end $$;", kParams).message, HasSubstr("joined to more than 1024"));
}
