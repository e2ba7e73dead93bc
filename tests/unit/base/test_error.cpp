// Messages of the error types and connection string handling (no database).
#include <gtest/gtest.h>

#include "pum/db/database.h"
#include "pum/base/error.h"

using namespace pum;

TEST(Errors, ConfigErrorNamesFileLineAndKey)
{
    ConfigError e("/m/.pum.yaml", 12, "parameters[0].type", "unknown type 'int'");
    EXPECT_STREQ(e.what(), "/m/.pum.yaml:12: parameters[0].type: unknown type 'int'");
    EXPECT_STREQ(ConfigError("/m/changelogs/x", 0, "", "bad folder").what(), "/m/changelogs/x: bad folder");
}

TEST(Errors, SqlErrorNamesFileLineAndServerFields)
{
    SqlErrorInfo info;
    info.sqlstate = "42P01";
    info.message = "relation \"x\" does not exist";
    info.hint = "create it first";
    info.file = "changelogs/1.0.0/01.sql";
    info.line = 7;
    SqlError e(info);
    EXPECT_STREQ(e.what(),
                 "changelogs/1.0.0/01.sql:7: relation \"x\" does not exist (SQLSTATE 42P01)\nHINT: create it first");
    auto moved = SqlError(SqlErrorInfo{"22P02", "bad", "", "", "", "", 0, ""}).withLocation("f.sql", 3);
    EXPECT_EQ(moved.line(), 3);
    EXPECT_EQ(moved.sqlstate(), "22P02");
    EXPECT_STREQ(moved.what(), "f.sql:3: bad (SQLSTATE 22P02)");
}

TEST(ConnectionInfo, BareWordIsAService)
{
    EXPECT_EQ(connectionInfo("pg_tww"), "service='pg_tww'");
    EXPECT_EQ(connectionInfo("  my'svc"), "service='my\\'svc'");
    EXPECT_EQ(connectionInfo("host=x dbname=y"), "host=x dbname=y");
    EXPECT_EQ(connectionInfo("postgresql://u@h/db"), "postgresql://u@h/db");
    EXPECT_EQ(connectionInfo("postgres://h/db"), "postgres://h/db");
    EXPECT_EQ(connectionInfo(""), "");
}

TEST(ConnectionInfo, RedactsPasswordsFromAnyForm)
{
    EXPECT_EQ(redactPassword("failed for s3cr3t!", "host=x password=s3cr3t!"), "failed for ****");
    EXPECT_EQ(redactPassword("uri had p4ss in it", "postgresql://u:p4ss@h/db"), "uri had **** in it");
    EXPECT_EQ(redactPassword("nothing here", "host=x"), "nothing here");
}
