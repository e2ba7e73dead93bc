#include "test_support.h"

#include "pum/tools/dumper.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace pum::test {

namespace fs = std::filesystem;

namespace {
// Makes the compiled-in locations visible to every test (and to the programs
// they start) unless the environment already names others.
[[maybe_unused]] const bool environmentReady = [] {
    setenv("PUM_TEST_ENV", PUM_TEST_ENV_DEFAULT, 0);
    setenv("PUM_SOURCE_DIR", PUM_SOURCE_DIR_DEFAULT, 0);
    setenv("PUM_CLI", PUM_CLI_DEFAULT, 0);
    return true;
}();
}  // namespace

const std::map<std::string, std::string>& clusterEnv()
{
    static const std::map<std::string, std::string> env = [] {
        std::map<std::string, std::string> result;
        const char* file = std::getenv("PUM_TEST_ENV");
        if (!file) throw std::runtime_error("PUM_TEST_ENV is not set: run the database tests through ctest");
        std::ifstream in(file);
        if (!in) throw std::runtime_error(std::string("cannot read ") + file + ": is the db_cluster_start fixture running?");
        std::string line;
        while (std::getline(in, line)) {
            auto eq = line.find('=');
            if (eq != std::string::npos) result[line.substr(0, eq)] = line.substr(eq + 1);
        }
        return result;
    }();
    return env;
}

std::string conninfo(const std::string& dbname)
{
    const auto& env = clusterEnv();
    return "host=" + env.at("PGHOST") + " port=" + env.at("PGPORT") + " user=" + env.at("PGUSER") +
           " dbname=" + dbname;
}

bool clusterHasPostgis()
{
    // An env file from before the matrix has no PUM_TEST_POSTGIS: its template always had PostGIS.
    const auto& env = clusterEnv();
    auto it = env.find("PUM_TEST_POSTGIS");
    return it == env.end() || it->second != "0";
}

static int clusterNumber(const char* key)
{
    const auto& env = clusterEnv();
    auto it = env.find(key);
    return it == env.end() || it->second.empty() ? 0 : std::stoi(it->second);
}

// Why the dump tools would refuse the test server (pum::findPgTool's own
// choice and message), empty when they would not.
static std::string pgDumpRefusal()
{
    try {
        pum::findPgTool("pg_dump", clusterNumber("PUM_TEST_SERVER_MAJOR"));
        return {};
    } catch (const pum::ToolNotStarted& e) {
        return e.what();
    }
}

bool clusterCanBeDumped() { return pgDumpRefusal().empty(); }

std::string needsPgDumpReason()
{
    return "not applicable: needs pg_dump " + std::to_string(clusterNumber("PUM_TEST_SERVER_MAJOR")) +
           " or newer for the test server; " + pgDumpRefusal();
}

static std::string uniqueSuffix()
{
    static std::atomic<int> counter{0};
    std::random_device rd;
    return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
}

TempDatabase::TempDatabase(bool postgis) : name_("pumtest_" + uniqueSuffix())
{
    auto admin = Connection::open(test::conninfo("postgres"));
    std::string sql = "CREATE DATABASE " + admin.quoteIdentifier(name_);
    if (postgis) sql += " TEMPLATE " + admin.quoteIdentifier(clusterEnv().at("PUM_TEST_TEMPLATE"));
    admin.exec(sql);
}

TempDatabase::~TempDatabase()
{
    try {
        auto admin = Connection::open(test::conninfo("postgres"));
        admin.exec("DROP DATABASE IF EXISTS " + admin.quoteIdentifier(name_) + " WITH (FORCE)");
    } catch (const std::exception& e) {
        ADD_FAILURE() << "could not drop " << name_ << ": " << e.what();
    }
}

std::string TempDatabase::conninfo() const { return test::conninfo(name_); }

Connection TempDatabase::connect() const { return Connection::open(conninfo()); }

std::string TempDatabase::scalar(const std::string& sql) const
{
    auto c = connect();
    auto r = c.exec(sql);
    if (r.rows() == 0 || r.columns() == 0) return "";
    return r.value(0, 0);
}

std::string TempDatabase::snapshot() const
{
    auto c = connect();
    std::ostringstream out;
    auto dump = [&](const char* title, const std::string& sql) {
        out << "## " << title << "\n";
        auto r = c.exec(sql);
        for (int i = 0; i < r.rows(); ++i) {
            for (int j = 0; j < r.columns(); ++j) out << (j ? " | " : "") << r.value(i, j);
            out << "\n";
        }
    };
    const std::string userSchemas =
        "n.nspname NOT IN ('pg_catalog','information_schema','pg_toast') AND n.nspname NOT LIKE 'pg_temp%' "
        "AND n.nspname NOT LIKE 'pg_toast_temp%'";
    dump("schemas", "SELECT nspname FROM pg_namespace n WHERE " + userSchemas + " ORDER BY 1");
    dump("relations",
         "SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid=c.relnamespace "
         "WHERE " + userSchemas + " ORDER BY 1,2");
    dump("columns",
         "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull "
         "FROM pg_attribute a JOIN pg_class c ON c.oid=a.attrelid JOIN pg_namespace n ON n.oid=c.relnamespace "
         "WHERE a.attnum > 0 AND NOT a.attisdropped AND " + userSchemas + " ORDER BY 1,2,3");
    dump("views",
         "SELECT schemaname, viewname, definition FROM pg_views WHERE schemaname NOT IN "
         "('pg_catalog','information_schema') ORDER BY 1,2");
    dump("functions",
         "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) FROM pg_proc p "
         "JOIN pg_namespace n ON n.oid=p.pronamespace WHERE " + userSchemas +
         " AND n.nspname <> 'public' ORDER BY 1,2,3");
    dump("triggers", "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1,2");
    dump("comments",
         "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON "
         "n.oid=c.relnamespace WHERE " + userSchemas + " AND obj_description(c.oid, 'pg_class') IS NOT NULL ORDER BY 1");
    auto tables = c.exec(
        "SELECT quote_ident(n.nspname)||'.'||quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON "
        "n.oid=c.relnamespace WHERE c.relkind IN ('r','p') AND " + userSchemas +
        " AND (n.nspname <> 'public' OR c.relname = 'pum_migrations') ORDER BY 1");
    for (int i = 0; i < tables.rows(); ++i) {
        const auto t = tables.value(i, 0);
        dump(t.c_str(), "SELECT t::text FROM " + t + " t ORDER BY 1");
    }
    return out.str();
}

TempDir::TempDir()
{
    std::string templ = (fs::temp_directory_path() / "pum-test-XXXXXX").string();
    if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(path_, ec);
}

fs::path TempDir::write(const fs::path& relative, const std::string& content) const
{
    auto p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p;
}

fs::path sourceDir()
{
    const char* dir = std::getenv("PUM_SOURCE_DIR");
    return dir ? fs::path(dir) : fs::current_path();
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int runCommand(const std::string& command, std::string& output)
{
    output.clear();
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
    int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace pum::test
