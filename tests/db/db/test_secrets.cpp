// No output ever shows a password, whatever the connection string: URI or
// key=value, percent-encoded, quoted, escaped, malformed, from a service file
// or PGPASSWORD. Checked on the core API and on the `pum` command (stdout and
// stderr, `info` and `info --json`), and on what an install stores.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "cli_process.h"
#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/base/error.h"
#include "test_support.h"

using namespace std::chrono_literals;
using pum::test::CliProcess;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

struct SecretCase {
    std::string name;
    std::string spec;
    std::vector<std::string> passwords;  // as written and as meant
    std::vector<std::string> env;        // extra environment (NAME=value)
};

std::string port() { return pum::test::clusterEnv().at("PGPORT"); }

// Every piece of the password long enough to be recognised: "part of the
// password shows" is a leak too.
std::string leakIn(const std::string& text, const std::vector<std::string>& passwords)
{
    constexpr size_t window = 5;
    for (const auto& password : passwords) {
        if (password.size() < window) {
            if (text.find(password) != std::string::npos) return password;
            continue;
        }
        for (size_t i = 0; i + window <= password.size(); ++i)
            if (text.find(password.substr(i, window)) != std::string::npos) return password.substr(i, window);
    }
    return {};
}

std::vector<SecretCase> cases(const TempDir& dir)
{
    const std::string p = port();
    const auto serviceFile =
        dir.write("pg_service.conf", "[leaky]\nhost=127.0.0.1\nport=1\nuser=bob\ndbname=x\npassword=Svc9s3cretW\n");
    return {
        {"uri_bad_ipv6", "postgresql://bob:Zk7s3cretQ@[::1/db", {"Zk7s3cretQ"}, {}},
        {"uri_bad_percent", "postgresql://bob:50%offZk7s3cretQ@h/db", {"50%offZk7s3cretQ"}, {}},
        {"uri_percent_bad_port", "postgresql://bob:Zk7%41s3cretQ@h:notaport/db", {"Zk7%41s3cretQ", "Zk7As3cretQ"}, {}},
        {"uri_encoded_refused", "postgresql://bob:Zk7%2Fs3cr%40etQ@127.0.0.1:1/db", {"Zk7%2Fs3cr%40etQ", "Zk7/s3cr@etQ"}, {}},
        {"uri_raw_at_and_slash", "postgresql://bob:Zk7s3c@ret/Q@127.0.0.1:1/db", {"Zk7s3c@ret/Q"}, {}},
        {"uri_query_password", "postgresql://bob@h/db?password=Zk7s3cretQ&nosuchoption=1", {"Zk7s3cretQ"}, {}},
        {"uri_no_host", "postgresql://bob:Zk7s3cretQ", {"Zk7s3cretQ"}, {}},
        {"uri_bad_sslmode", "postgresql://bob:Zk7s3cretQ@127.0.0.1:" + p + "/db?sslmode=bogus", {"Zk7s3cretQ"}, {}},
        {"uri_no_such_db", "postgresql://postgres:Zk7s3cretQ@127.0.0.1:" + p + "/no_such_db_x", {"Zk7s3cretQ"}, {}},
        {"kv_refused", "host=127.0.0.1 port=1 password=Zk7s3cretQ dbname=x", {"Zk7s3cretQ"}, {}},
        {"kv_unterminated_quote", "host=h password='Zk7 s3cr\\'etQ", {"Zk7 s3cr\\'etQ", "Zk7 s3cr'etQ"}, {}},
        {"kv_escaped_bad_option", "password = 'Zk7s3cr\\\\etQ' bogus=1", {"Zk7s3cr\\\\etQ", "Zk7s3cr\\etQ"}, {}},
        {"kv_missing_equals", "host=h password=Zk7s3cretQ junkword", {"Zk7s3cretQ"}, {}},
        {"kv_spaces_in_password", "host=h password=Zk7s3 cretQ9", {"Zk7s3 cretQ9"}, {}},
        {"kv_no_such_user", "host=127.0.0.1 port=" + p + " user=no_such_user_x dbname=postgres password=Zk7s3cretQ",
         {"Zk7s3cretQ"}, {}},
        {"service_file", "leaky", {"Svc9s3cretW"}, {"PGSERVICEFILE=" + serviceFile.string()}},
        {"pgpassword", "host=127.0.0.1 port=1 dbname=x", {"Env5s3cretR"}, {"PGPASSWORD=Env5s3cretR"}},
    };
}

// Applies `env` to this process for the core API checks.
class ScopedEnv {
public:
    explicit ScopedEnv(const std::vector<std::string>& env)
    {
        for (const auto& e : env) {
            const auto eq = e.find('=');
            names_.push_back(e.substr(0, eq));
            setenv(names_.back().c_str(), e.substr(eq + 1).c_str(), 1);
        }
    }
    ~ScopedEnv()
    {
        for (const auto& n : names_) unsetenv(n.c_str());
    }

private:
    std::vector<std::string> names_;
};

template <typename F>
std::string messageOf(F&& call)
{
    try {
        call();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

std::string module() { return (pum::test::sourceDir() / "tests" / "data" / "current_module").string(); }

}  // namespace

TEST(Secrets, CoreErrorsNeverShowThePassword)
{
    TempDir dir;
    for (const auto& c : cases(dir)) {
        ScopedEnv env(c.env);
        const std::vector<std::string> messages = {
            messageOf([&] { pum::Connection::open(c.spec); }),
            messageOf([&] { pum::databaseNameOf(c.spec); }),
            messageOf([&] { pum::openMaintenanceConnection(c.spec, "postgres"); }),
            pum::connectionSpecProblem(c.spec).value_or(""),
        };
        for (const auto& m : messages) EXPECT_EQ(leakIn(m, c.passwords), "") << c.name << ": " << m;
        // Something is reported for every case: none of them can connect.
        EXPECT_NE(messages[0], "") << c.name;
    }
}

TEST(Secrets, UnparsableStringIsReportedWithoutEchoingIt)
{
    const auto problem = pum::connectionSpecProblem("postgresql://bob:Zk7s3cretQ@[::1/db");
    ASSERT_TRUE(problem.has_value());
    EXPECT_THAT(*problem, ::testing::HasSubstr("IPv6"));
    EXPECT_THAT(*problem, ::testing::Not(::testing::HasSubstr("bob")));
    EXPECT_FALSE(pum::connectionSpecProblem("host=h password='x y'").has_value());
}

TEST(Secrets, RedactionCoversEveryWrittenForm)
{
    EXPECT_EQ(pum::redactPassword("a 50%off b", "postgresql://u:50%off@h/db"), "a **** b");
    EXPECT_EQ(pum::redactPassword("a p/w@x b", "postgresql://u:p%2Fw%40x@h/db"), "a **** b");
    EXPECT_EQ(pum::redactPassword("a it's b", "host=h password='it\\'s'"), "a **** b");
    EXPECT_EQ(pum::redactPassword("a it\\'s b", "host=h password='it\\'s"), "a **** b");
    EXPECT_EQ(pum::quoteConninfoValue("it's \\ ok"), "'it\\'s \\\\ ok'");
}

TEST(Secrets, CliNeverShowsThePassword)
{
    TempDir dir;
    for (const auto& c : cases(dir)) {
        for (const std::vector<std::string>& command : {std::vector<std::string>{"info"},
                                                        std::vector<std::string>{"info", "--json"},
                                                        std::vector<std::string>{"-vv", "info"},
                                                        std::vector<std::string>{"db", "drop", "--force"}}) {
            std::vector<std::string> args = {"-p", c.spec, "-d", module()};
            args.insert(args.end(), command.begin(), command.end());
            CliProcess pum(args, c.env);
            const int code = pum.wait(60s);
            EXPECT_NE(code, CliProcess::kTimedOut) << c.name;
            EXPECT_NE(code, 0) << c.name << ": " << pum.out() << pum.err();
            EXPECT_EQ(leakIn(pum.out() + pum.err(), c.passwords), "")
                << c.name << " (" << command.back() << "): " << pum.out() << pum.err();
        }
    }
}

TEST(Secrets, InstallWithAPasswordStoresAndPrintsNoneOfIt)
{
    PUM_TEST_NEEDS_POSTGIS();
    // The test cluster trusts local TCP, so the password is accepted and ignored.
    TempDatabase db;
    const std::string password = "Ok4s3cret%2FZ";
    const std::string spec = "postgresql://postgres:" + password + "@127.0.0.1:" + port() + "/" + db.name();
    const std::vector<std::string> passwords = {password, "Ok4s3cret/Z"};
    TempDir dir;
    const auto report = dir.path() / "report.html";
    std::string printed;
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"-vv", "install", "--skip-roles", "--skip-grant", "-p", "srid", "2056"},
          std::vector<std::string>{"info"}, std::vector<std::string>{"info", "--json"},
          std::vector<std::string>{"check", spec, "-f", "html", "-o", report.string()}}) {
        std::vector<std::string> args = {"-p", spec, "-d", module()};
        args.insert(args.end(), command.begin(), command.end());
        CliProcess pum(args);
        const int code = pum.wait(120s);
        EXPECT_NE(code, CliProcess::kTimedOut) << command.front();
        if (command.front() != "check") {
            EXPECT_EQ(code, 0) << pum.out() << pum.err();
        }
        printed += pum.out() + pum.err();
    }
    ASSERT_TRUE(std::filesystem::exists(report)) << printed;
    printed += pum::test::readFile(report);
    EXPECT_EQ(leakIn(printed, passwords), "") << printed;
    const std::string stored = db.scalar("SELECT string_agg(t::text, ' ') FROM public.pum_migrations t");
    EXPECT_NE(stored, "");
    EXPECT_EQ(leakIn(stored, passwords), "") << stored;
}
