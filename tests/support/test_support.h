#pragma once
// Helpers shared by the tests: the throwaway cluster started by the `db`
// CTest fixture, fresh databases, temporary module folders.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "pum/db/database.h"

namespace pum::test {

// Variables written by tests/support/pg_test_cluster.sh (PGHOST, PGPORT, ...).
const std::map<std::string, std::string>& clusterEnv();
// key=value connection string for `dbname` on the test cluster.
std::string conninfo(const std::string& dbname);

// Whether the test cluster's template has PostGIS (PUM_TEST_POSTGIS in the env
// file; the npm server builds of the server matrix have none).
bool clusterHasPostgis();
// The reason a test needing PostGIS gives on a server without it. It must start
// with "not applicable: needs PostGIS": the server matrix counts those skips apart
// and allows no other but the one below (scripts/server-matrix.sh, tests/support/gtest_no_skip.sh).
inline constexpr const char* kNeedsPostgis = "not applicable: needs PostGIS, which the test server does not have";
// Whether a pg_dump as new as the test server is here (pg_dump refuses a newer
// server: Debian 12 has none above 15, so none for PostgreSQL 16 to 18).
bool clusterCanBeDumped();
// The reason a test that dumps gives when there is none ("not applicable: needs pg_dump ...",
// with findPgTool's refusal).
std::string needsPgDumpReason();

// A new database (copied from the PostGIS template), dropped at destruction.
class TempDatabase {
public:
    explicit TempDatabase(bool postgis = true);
    ~TempDatabase();
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    const std::string& name() const { return name_; }
    std::string conninfo() const;
    Connection connect() const;
    // Runs `sql` in its own connection and returns the first column of the first row ("" if none).
    std::string scalar(const std::string& sql) const;
    // A description of every user object (tables, columns, views, functions,
    // rows of pum_migrations): equal before and after a failed command.
    std::string snapshot() const;

private:
    std::string name_;
};

// A temporary folder removed at destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to path()/relative, creating folders.
    std::filesystem::path write(const std::filesystem::path& relative, const std::string& content) const;

private:
    std::filesystem::path path_;
};

std::filesystem::path sourceDir();  // the project's source tree
std::string readFile(const std::filesystem::path& path);

// Runs a command with /bin/sh, returns exit code and fills `output` (stdout+stderr).
int runCommand(const std::string& command, std::string& output);

}  // namespace pum::test

// First line of a test that needs PostGIS: without it the test is skipped as not
// applicable, with its reason, never reported as passed.
#define PUM_TEST_NEEDS_POSTGIS() \
    do { \
        if (!::pum::test::clusterHasPostgis()) GTEST_SKIP() << ::pum::test::kNeedsPostgis; \
    } while (0)

// First line of a test that runs pg_dump on the test server: without a pg_dump as
// new as the server, not applicable, with its reason.
#define PUM_TEST_NEEDS_PG_DUMP() \
    do { \
        if (!::pum::test::clusterCanBeDumped()) GTEST_SKIP() << ::pum::test::needsPgDumpReason(); \
    } while (0)
