// Changelogs larger than one piece of SqlFileStream (4 MiB): every statement
// runs, in order, and an error (the server's or the lexer's) names the
// file's own line, with nothing left behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/sql/sql_stream.h"
#include "pum/run/upgrader.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace {

InstallOptions noRoles()
{
    InstallOptions o;
    o.skipRoles = true;
    o.skipGrant = true;
    return o;
}

// Rows of three lines each until `bytes` (more than a piece), then `tail`.
std::string bigChangelog(std::size_t bytes, int& lines, const std::string& tail)
{
    std::string text = "CREATE SCHEMA big;\nCREATE TABLE big.t (id int PRIMARY KEY, label text, srid int);\n";
    lines = 2;
    for (int i = 0; text.size() < bytes; ++i) {
        text += "INSERT INTO big.t VALUES (" + std::to_string(i) + ",\n  'row " + std::to_string(i) +
                " $$ '' ; -- not a comment',\n  {srid});\n";
        lines += 3;
    }
    text += tail;
    return text;
}

void writeModule(const TempDir& dir, const std::string& changelog)
{
    dir.write(".pum.yaml",
              "pum:\n  module: big\nparameters:\n  - name: srid\n    type: integer\n    default: 2056\n");
    dir.write("changelogs/1.0.0/01_big.sql", changelog);
}

}  // namespace

class Streaming : public ::testing::Test {
protected:
    TempDatabase db{false};
    Connection c = db.connect();
    NullFeedback fb;
};

TEST_F(Streaming, AFileOfManyPiecesInstallsEveryStatementInOrder)
{
    TempDir dir;
    int lines = 0;
    writeModule(dir, bigChangelog(3 * kSqlStreamPiece, lines, "UPDATE big.t SET label = 'last' WHERE id = 0;\n"));
    Upgrader(Config::load(dir.path()), c, fb).install(noRoles());
    const int rows = std::stoi(db.scalar("SELECT count(*) FROM big.t"));
    EXPECT_EQ(rows, (lines - 2) / 3);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM big.t WHERE srid = 2056"), std::to_string(rows));
    EXPECT_EQ(db.scalar("SELECT label FROM big.t WHERE id = 0"), "last");  // the UPDATE ran after every INSERT
    EXPECT_EQ(db.scalar("SELECT label FROM big.t WHERE id = 7"), "row 7 $$ ' ; -- not a comment");
}

TEST_F(Streaming, AServerErrorInTheLastPieceNamesTheFilesLineAndLeavesNothing)
{
    TempDir dir;
    int lines = 0;
    writeModule(dir, bigChangelog(2 * kSqlStreamPiece + 1000, lines, "SELECT\n  1,\n  nope FROM big.t;\n"));
    const auto before = db.snapshot();
    try {
        Upgrader(Config::load(dir.path()), c, fb).install(noRoles());
        FAIL() << "no error";
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "42703");
        EXPECT_THAT(e.file(), HasSubstr("01_big.sql"));
        EXPECT_EQ(e.line(), lines + 3) << e.what();
    }
    EXPECT_EQ(db.snapshot(), before);
    EXPECT_FALSE(c.inTransaction());
}

TEST_F(Streaming, ALexerErrorAtTheEndNamesTheFilesLineAndLeavesNothing)
{
    TempDir dir;
    int lines = 0;
    writeModule(dir, bigChangelog(2 * kSqlStreamPiece, lines, "SELECT 1;\nSELECT 'never closed;\n"));
    const auto before = db.snapshot();
    try {
        Upgrader(Config::load(dir.path()), c, fb).install(noRoles());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("unterminated quoted string"));
        EXPECT_THAT(e.what(), HasSubstr(":" + std::to_string(lines + 2)));
    }
    EXPECT_EQ(db.snapshot(), before);
}
