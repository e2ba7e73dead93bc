#pragma once
// Helpers shared by the tests: the throwaway cluster started by the `db`
// CTest fixture, fresh databases, temporary module folders.
#include <filesystem>
#include <map>
#include <string>

#include "pum/db/database.h"

namespace pum::test {

// Variables written by tests/support/pg_test_cluster.sh (PGHOST, PGPORT, ...).
const std::map<std::string, std::string>& clusterEnv();
// key=value connection string for `dbname` on the test cluster.
std::string conninfo(const std::string& dbname);

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
