// SqlFileStream: the same statements, lines and errors as parseSql on the
// whole file, whatever the size of the pieces it reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

#include "pum/base/error.h"
#include "pum/sql/sql.h"
#include "pum/sql/sql_stream.h"

using namespace pum;
using ::testing::HasSubstr;

namespace {

namespace fs = std::filesystem;

struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& text)
    {
        static std::mt19937_64 random{std::random_device{}()};
        path = fs::temp_directory_path() / ("pum_sql_stream_" + std::to_string(random()) + ".sql");
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() { fs::remove(path); }
};

const ParameterValues& params()
{
    static const ParameterValues values = {{"srid", ParameterValue::parse(ParameterType::Integer, "2056")},
                                           {"name", ParameterValue::parse(ParameterType::Text, "it's")}};
    return values;
}

// Strings, comments and dollar quotes spanning lines; a statement spanning many pieces.
const std::string kTricky =
    "\xEF\xBB\xBF-- header\n"
    "CREATE TABLE t (id int, g geometry(Point, {srid}));\n"
    "/* a block /* nested\n comment */ still\n */ INSERT INTO t VALUES (1, NULL);\n"
    "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$\n"
    "BEGIN\n  RETURN 'a;\nb' || $$x;\n$$;\nEND\n$body$;\n"
    "SELECT E'it\\'s;\n', '{{a,b}}', {name};\n"
    "\n\n   ;;  \n"
    "COMMENT ON TABLE t IS 'multi\n\nline;';\n"
    "SELECT 1 -- no semicolon at the end";

struct Collected {
    std::vector<std::string> texts;
    std::vector<int> lines;
    std::vector<int> positionLines;  // line of the last character of each statement
};

Collected collect(const std::vector<SqlStatement>& statements, Collected into = {})
{
    for (const auto& s : statements) {
        into.texts.push_back(s.text);
        into.lines.push_back(s.line);
        int characters = 0;
        for (unsigned char c : s.text) characters += (c & 0xC0) != 0x80;
        into.positionLines.push_back(s.lineAtPosition(characters));
    }
    return into;
}

Collected streamed(const fs::path& path, std::size_t piece)
{
    SqlFileStream stream(path, "test.sql", params(), piece);
    Collected out;
    SqlScript batch;
    while (stream.next(batch)) out = collect(batch.statements, std::move(out));
    return out;
}

Collected whole(const std::string& text) { return collect(parseSql(text, "test.sql", params()).statements); }

// The message and line of the error `run` throws.
std::pair<std::string, int> errorOf(const std::function<void()>& run)
{
    try {
        run();
    } catch (const SqlError& e) {
        return {e.info().message, e.line()};
    } catch (const ConfigError& e) {
        return {e.what(), e.line()};
    }
    return {"no error", 0};
}

}  // namespace

TEST(SqlFileStream, SameStatementsAndLinesAsTheWholeFileForEveryPieceSize)
{
    TempFile file(kTricky);
    const Collected expected = whole(kTricky);
    ASSERT_EQ(expected.texts.size(), 6u);
    for (std::size_t piece : {1, 2, 3, 7, 16, 33, 100, 4096}) {
        const Collected got = streamed(file.path, piece);
        EXPECT_EQ(got.texts, expected.texts) << "piece " << piece;
        EXPECT_EQ(got.lines, expected.lines) << "piece " << piece;
        EXPECT_EQ(got.positionLines, expected.positionLines) << "piece " << piece;
    }
}

TEST(SqlFileStream, ManyPiecesOfALargeFileKeepTheirLines)
{
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += "INSERT INTO t VALUES (" + std::to_string(i) + ", 'line\n" + std::to_string(i) + "');\n";
    TempFile file(text);
    SqlFileStream stream(file.path, "big.sql", params(), 1000);
    SqlScript batch;
    std::size_t count = 0, batches = 0;
    while (stream.next(batch)) {
        ++batches;
        for (const auto& s : batch.statements) {
            EXPECT_EQ(s.line, 2 * static_cast<int>(count) + 1);  // each statement spans two lines
            ++count;
        }
    }
    EXPECT_EQ(count, 5000u);
    EXPECT_GT(batches, 100u);  // really piece by piece
    EXPECT_EQ(checkSqlFile(file.path, "big.sql", params()), 5000u);
}

TEST(SqlFileStream, ErrorsNameTheFilesLineWhateverThePiece)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"SELECT 1;\nSELECT 2;\nSELECT 'open\n\n", "unterminated quoted string"},
        {"SELECT 1;\nSELECT 2;\nCREATE FUNCTION f() AS $q$\nbody;\n", "unterminated dollar-quoted string"},
        {"SELECT 1;\nSELECT 2;\n/* open\ncomment\n", "unterminated /* comment"},
        {"SELECT 1;\nSELECT 2;\nSELECT {nope};\nSELECT 4;\n", "unknown parameter 'nope'"},
        {"SELECT 1;\nSELECT 2;\nCOMMIT;\nSELECT 4;\n", "transaction control (COMMIT)"},
        {"SELECT 1;\nSELECT 2;\nSELECT '\xff';\n", "invalid UTF-8"},
        {"SELECT 1;\nSELECT 2;\nSELECT 3 $$ || '{name}$' || $$;\n", "dollar-quoted body"},
    };
    for (const auto& [text, message] : cases) {
        TempFile file(text);
        const auto expected = errorOf([&] { parseSql(text, "test.sql", params()); });
        ASSERT_THAT(expected.first, HasSubstr(message)) << text;
        EXPECT_EQ(expected.second, 3) << text;
        for (std::size_t piece : {1, 5, 12, 4096}) {
            const auto got = errorOf([&] { streamed(file.path, piece); });
            EXPECT_EQ(got, expected) << text << " piece " << piece;
        }
    }
}

TEST(SqlFileStream, AMissingFileIsAConfigErrorNamingIt)
{
    EXPECT_THROW(SqlFileStream("/nonexistent/x.sql", "x.sql", params()), ConfigError);
}
