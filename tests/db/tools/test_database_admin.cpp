// db create / drop against the real cluster.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>

#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/base/error.h"
#include "test_support.h"

using namespace pum;

namespace {

std::string uniqueName(const std::string& stem)
{
    static std::atomic<int> counter{0};
    return stem + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

// Drops what a test created, whatever happened.
struct DropLater {
    std::string name;
    ~DropLater()
    {
        try {
            auto c = Connection::open(test::conninfo("postgres"));
            c.exec("DROP DATABASE IF EXISTS " + c.quoteIdentifier(name) + " WITH (FORCE)");
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what();
        }
    }
};

}  // namespace

TEST(DatabaseAdmin, MaintenanceConnectionReplacesTheDatabase)
{
    test::TempDatabase db;
    auto c = openMaintenanceConnection(db.conninfo());
    EXPECT_EQ(c.databaseName(), "postgres");
    EXPECT_EQ(c.exec("SELECT current_database()").value(0, 0), "postgres");
    const std::string uri = "postgresql:///" + db.name() + "?host=" + test::clusterEnv().at("PGHOST") +
                            "&port=" + test::clusterEnv().at("PGPORT") + "&user=postgres";
    EXPECT_EQ(openMaintenanceConnection(uri).databaseName(), "postgres");
    EXPECT_EQ(openMaintenanceConnection(uri, db.name()).databaseName(), db.name());
    EXPECT_EQ(databaseNameOf(db.conninfo()), db.name());
    EXPECT_EQ(databaseNameOf(uri), db.name());
}

TEST(DatabaseAdmin, CreateFromTemplateAndDropWhileInUse)
{
    PUM_TEST_NEEDS_POSTGIS();
    DropLater later{uniqueName("Pum \"Admin\" db ")};
    auto admin = openMaintenanceConnection(test::conninfo("postgres"));
    createDatabase(admin, later.name, test::clusterEnv().at("PUM_TEST_TEMPLATE"));
    ASSERT_TRUE(databaseExists(admin, later.name));
    {
        auto c = openMaintenanceConnection(test::conninfo("postgres"), later.name);
        EXPECT_EQ(c.exec("SELECT extname FROM pg_extension WHERE extname = 'postgis'").rows(), 1);
        // Still connected: drop must end this session.
        dropDatabase(admin, later.name);
        EXPECT_FALSE(databaseExists(admin, later.name));
        EXPECT_ANY_THROW(c.exec("SELECT 1"));
    }
}

TEST(DatabaseAdmin, FailuresAreClearAndChangeNothing)
{
    DropLater later{uniqueName("pum_admin_")};
    auto admin = openMaintenanceConnection(test::conninfo("postgres"));
    // The server's own refusals, with their SQLSTATE (pum's API raises psycopg's class for it).
    auto sqlstateOf = [](auto&& call) {
        try {
            call();
        } catch (const SqlError& e) {
            return e.sqlstate() + " " + e.what();
        }
        return std::string("no error");
    };
    const std::string missingTemplate = sqlstateOf([&] { createDatabase(admin, later.name, "no_such_template_db"); });
    EXPECT_EQ(missingTemplate.rfind("3D000 ", 0), 0u) << missingTemplate;
    EXPECT_NE(missingTemplate.find("no_such_template_db"), std::string::npos) << missingTemplate;
    EXPECT_FALSE(databaseExists(admin, later.name));
    createDatabase(admin, later.name);
    const std::string duplicate = sqlstateOf([&] { createDatabase(admin, later.name); });
    EXPECT_EQ(duplicate.rfind("42P04 ", 0), 0u) << duplicate;
    EXPECT_NE(duplicate.find("already exists"), std::string::npos) << duplicate;
    const std::string missing = sqlstateOf([&] { dropDatabase(admin, later.name + "_missing"); });
    EXPECT_EQ(missing.rfind("3D000 ", 0), 0u) << missing;
    EXPECT_NE(missing.find("does not exist"), std::string::npos) << missing;
    EXPECT_THROW(dropDatabase(admin, "postgres"), CommandError);  // the one we are connected to
    {
        Transaction t(admin);
        EXPECT_THROW(dropDatabase(admin, later.name), CommandError);
    }
    EXPECT_TRUE(databaseExists(admin, later.name));
    EXPECT_THROW(openMaintenanceConnection("host=127.0.0.1 port=1 connect_timeout=2"), ConnectionError);
}

TEST(DatabaseAdmin, ConnectAccess)
{
    DropLater later{uniqueName("pum_access_")};
    auto admin = openMaintenanceConnection(test::conninfo("postgres"));
    createDatabase(admin, later.name);
    ConnectAccess access = connectAccess(admin, later.name);
    EXPECT_TRUE(access.publicCanConnect);
    EXPECT_TRUE(access.roles.empty());
    const std::string role = later.name + "_user";
    admin.exec("CREATE ROLE " + role);
    {
        Transaction t(admin);
        configureConnectAccess(admin, later.name, {role}, {}, false);
        t.commit();
    }
    access = connectAccess(admin, later.name);
    EXPECT_FALSE(access.publicCanConnect);
    EXPECT_EQ(access.roles, std::vector<std::string>{role});
    configureConnectAccess(admin, later.name, {}, {role}, true);
    access = connectAccess(admin, later.name);
    EXPECT_TRUE(access.publicCanConnect);
    EXPECT_TRUE(access.roles.empty());
    EXPECT_THROW(connectAccess(admin, later.name + "_missing"), CommandError);
    dropDatabase(admin, later.name);
    admin.exec("DROP ROLE " + role);
}

TEST(DatabaseAdminCli, CreateAndDropWithConfirmation)
{
    const std::string cli = std::getenv("PUM_CLI") ? std::getenv("PUM_CLI") : "pum";
    DropLater later{uniqueName("pum_cli_db_")};
    const std::string base = cli + " -p '" + test::conninfo(later.name) + "' db ";
    std::string out;
    ASSERT_EQ(test::runCommand(base + "create --template " + test::clusterEnv().at("PUM_TEST_TEMPLATE"), out), 0) << out;
    EXPECT_NE(out.find("database " + later.name + " created"), std::string::npos) << out;
    EXPECT_EQ(test::runCommand(base + "create", out), 1) << out;
    EXPECT_NE(out.find("already exists"), std::string::npos) << out;

    // No terminal and no --force: refused, nothing dropped.
    EXPECT_EQ(test::runCommand(base + "drop < /dev/null", out), 1) << out;
    EXPECT_NE(out.find("--force"), std::string::npos) << out;
    auto admin = openMaintenanceConnection(test::conninfo("postgres"));
    EXPECT_TRUE(databaseExists(admin, later.name));

    auto session = Connection::open(test::conninfo(later.name));  // ended by the drop
    ASSERT_EQ(test::runCommand(base + "drop --force", out), 0) << out;
    EXPECT_FALSE(databaseExists(admin, later.name));
    EXPECT_EQ(test::runCommand(base + "drop --force", out), 1) << out;
    EXPECT_NE(out.find("does not exist"), std::string::npos) << out;
}
