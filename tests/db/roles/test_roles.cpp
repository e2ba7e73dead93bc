// Roles and grants against the real cluster, verified by connecting as a
// LOGIN member role (password over TCP) and trying to read and write.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <random>

#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/roles/roles.h"
#include "lock_wait.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;

namespace {

// Roles are shared by the whole cluster and tests run in parallel: each test
// gets its own prefix, and its roles are dropped at the end (after its
// database, which holds their privileges, is gone).
std::string uniquePrefix()
{
    static std::atomic<int> counter{0};
    std::random_device rd;
    return "pumr" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 10000) + "_";
}

struct RoleCleanup {
    std::string prefix;
    ~RoleCleanup()
    {
        try {
            auto c = Connection::open(test::conninfo("postgres"));
            auto r = c.execParams("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1) ORDER BY length(rolname) DESC", {prefix});
            for (int i = 0; i < r.rows(); ++i) c.exec("DROP ROLE IF EXISTS " + c.quoteIdentifier(r.value(i, 0)));
        } catch (const std::exception& e) {
            ADD_FAILURE() << "could not drop roles " << prefix << "*: " << e.what();
        }
    }
};

std::string tcpConninfo(const std::string& db, const std::string& user, const std::string& password)
{
    return "host=127.0.0.1 port=" + test::clusterEnv().at("PGPORT") + " dbname=" + db + " user='" + user +
           "' password='" + password + "'";
}

RoleDefinition role(const std::string& name, std::vector<RolePermission> permissions,
                    std::optional<std::string> inherit = std::nullopt)
{
    RoleDefinition r;
    r.name = name;
    r.description = "test role " + name;
    r.permissions = std::move(permissions);
    r.inherit = std::move(inherit);
    return r;
}

RolePermission perm(RolePermission::Type type, std::vector<std::string> schemas)
{
    RolePermission p;
    p.type = type;
    p.schemas = std::move(schemas);
    return p;
}

class RolesTest : public ::testing::Test {
protected:
    RoleCleanup cleanup{uniquePrefix()};  // declared first: destroyed after the database
    TempDatabase db;
    NullFeedback feedback;
    Config config;
    std::string viewer, editor;

    void SetUp() override
    {
        viewer = cleanup.prefix + "viewer";
        editor = cleanup.prefix + "editor";
        config.module = "roles_test";
        config.configFile = "/nowhere/.pum.yaml";
        config.roles.push_back(role(viewer, {perm(RolePermission::Type::Read, {"od", "app"})}));
        config.roles.push_back(role(editor, {perm(RolePermission::Type::Write, {"od"})}, viewer));
        auto c = db.connect();
        c.exec("CREATE SCHEMA od; CREATE SCHEMA app;"
               "CREATE TABLE od.sign (id serial PRIMARY KEY, label text);"
               "INSERT INTO od.sign (label) VALUES ('stop');"
               "CREATE VIEW app.vw_sign AS SELECT id, label FROM od.sign;"
               "CREATE FUNCTION od.double(x integer) RETURNS integer LANGUAGE sql AS 'SELECT 2 * x';");
    }

    void createAndGrant(const RoleOptions& options = {})
    {
        auto c = db.connect();
        Transaction t(c);
        createRoles(c, config, feedback, options);
        grantPermissions(c, config, feedback, options);
        t.commit();
    }

    std::string login(const std::string& member, const std::vector<std::string>& of)
    {
        const std::string name = cleanup.prefix + member;
        auto c = db.connect();
        createLoginRole(c, name, "secret " + member);
        for (const auto& r : of) c.exec("GRANT " + c.quoteIdentifier(r) + " TO " + c.quoteIdentifier(name));
        return name;
    }

    Connection connectAs(const std::string& user)
    {
        const std::string member = user.substr(cleanup.prefix.size());
        return Connection::open(tcpConninfo(db.name(), user, "secret " + member));
    }
};

bool fails(Connection& c, const std::string& sql, const std::string& sqlstate = "42501")
{
    try {
        c.exec(sql);
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), sqlstate) << e.what();
        return true;
    }
    return false;
}

}  // namespace

TEST_F(RolesTest, CreatedRolesHaveTheDocumentedAttributes)
{
    createAndGrant();
    auto c = db.connect();
    for (const auto& name : {viewer, editor}) {
        auto r = c.execParams("SELECT rolcanlogin, rolsuper, rolinherit, rolcreatedb, rolcreaterole, rolreplication, "
                              "shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = $1",
                              {name});
        ASSERT_EQ(r.rows(), 1) << name;
        EXPECT_EQ(r.value(0, 0), "f");
        EXPECT_EQ(r.value(0, 1), "f");
        EXPECT_EQ(r.value(0, 2), "t");
        EXPECT_EQ(r.value(0, 3), "f");
        EXPECT_EQ(r.value(0, 4), "f");
        EXPECT_EQ(r.value(0, 5), "f");
        EXPECT_EQ(r.value(0, 6), "test role " + name);
    }
    // inherit: viewer is granted to editor.
    EXPECT_EQ(c.execParams("SELECT pg_has_role($1, $2, 'MEMBER')", {editor, viewer}).value(0, 0), "t");
    EXPECT_EQ(c.execParams("SELECT pg_has_role($1, $2, 'MEMBER')", {viewer, editor}).value(0, 0), "f");
}

TEST_F(RolesTest, ReadMemberCanReadButNotWrite)
{
    createAndGrant();
    // Created after the grant: reachable through the default privileges only.
    db.connect().exec("CREATE TABLE od.later (id integer); INSERT INTO od.later VALUES (7);"
                      "CREATE SEQUENCE od.later_seq;");
    const auto reader = login("reader", {viewer});
    auto c = connectAs(reader);
    EXPECT_EQ(c.exec("SELECT label FROM od.sign").value(0, 0), "stop");
    EXPECT_EQ(c.exec("SELECT count(*) FROM app.vw_sign").value(0, 0), "1");
    EXPECT_EQ(c.exec("SELECT id FROM od.later").value(0, 0), "7");
    EXPECT_EQ(c.exec("SELECT od.double(21)").value(0, 0), "42");
    EXPECT_EQ(c.exec("SELECT last_value FROM od.later_seq").value(0, 0), "1");
    EXPECT_TRUE(fails(c, "INSERT INTO od.sign (label) VALUES ('no')"));
    EXPECT_TRUE(fails(c, "UPDATE od.later SET id = 8"));
    EXPECT_TRUE(fails(c, "DELETE FROM od.sign"));
    EXPECT_TRUE(fails(c, "CREATE TABLE od.mine (x integer)"));
    // USAGE on sequences (the spec's read) allows nextval, not setval.
    EXPECT_EQ(c.exec("SELECT nextval('od.later_seq')").value(0, 0), "1");
    EXPECT_TRUE(fails(c, "SELECT setval('od.later_seq', 5)"));
}

TEST_F(RolesTest, WriteMemberCanWriteAndReadsThroughInherit)
{
    createAndGrant();
    db.connect().exec("CREATE TABLE od.later (id serial, v text)");
    const auto writer = login("writer", {editor});
    auto c = connectAs(writer);
    c.exec("INSERT INTO od.sign (label) VALUES ('yield')");  // needs the sequence too
    c.exec("UPDATE od.sign SET label = upper(label)");
    c.exec("INSERT INTO od.later (v) VALUES ('x')");
    c.exec("DELETE FROM od.later");
    c.exec("CREATE TABLE od.mine (x integer)");  // ALL on the schema
    EXPECT_EQ(c.exec("SELECT count(*) FROM od.sign").value(0, 0), "2");
    // app is read-only for the editor (inherited from the viewer).
    EXPECT_EQ(c.exec("SELECT count(*) FROM app.vw_sign").value(0, 0), "2");
    EXPECT_TRUE(fails(c, "CREATE TABLE app.mine (x integer)"));
}

TEST_F(RolesTest, ExistingRolesAreLeftAloneAndGrantingTwiceIsFine)
{
    createAndGrant();
    auto c = db.connect();
    c.exec("COMMENT ON ROLE " + c.quoteIdentifier(viewer) + " IS 'changed by hand'");
    createAndGrant();
    EXPECT_EQ(c.execParams("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = $1", {viewer}).value(0, 0),
              "changed by hand");
}

TEST_F(RolesTest, MissingRoleToInheritIsRefusedAndNothingIsCreated)
{
    const std::string ghost = cleanup.prefix + "ghost";
    config.roles.push_back(role(cleanup.prefix + "orphan", {}, ghost));
    auto c = db.connect();
    Transaction t(c);
    try {
        createRoles(c, config, feedback);
        FAIL() << "expected a CommandError";
    } catch (const CommandError& e) {
        EXPECT_NE(std::string(e.what()).find(ghost), std::string::npos) << e.what();
    }
    t.rollback();
    EXPECT_EQ(c.execParams("SELECT count(*) FROM pg_roles WHERE starts_with(rolname, $1)", {cleanup.prefix}).value(0, 0), "0");
}

TEST_F(RolesTest, GrantingToMissingRoleNamesIt)
{
    auto c = db.connect();
    try {
        grantPermissions(c, config, feedback);
        FAIL() << "expected a CommandError";
    } catch (const CommandError& e) {
        EXPECT_NE(std::string(e.what()).find(viewer), std::string::npos) << e.what();
    }
}

TEST_F(RolesTest, SuffixCreatesPerDatabaseCopiesKeptApartFromTheGenericRoles)
{
    RoleOptions options;
    options.suffix = "lausanne";
    createAndGrant(options);
    const std::string viewerL = viewer + "_lausanne", editorL = editor + "_lausanne";
    auto c = db.connect();
    auto member = [&](const std::string& m, const std::string& r) {
        return c.execParams("SELECT pg_has_role($1, $2, 'MEMBER')", {m, r}).value(0, 0) == "t";
    };
    // pum 1.7+: the generic roles exist, inherit each other, and reach no copy.
    EXPECT_EQ(c.execParams("SELECT count(*) FROM pg_roles WHERE rolname IN ($1, $2)", {viewer, editor}).value(0, 0), "2");
    EXPECT_FALSE(member(viewer, viewerL));
    EXPECT_FALSE(member(editor, editorL));
    EXPECT_TRUE(member(editor, viewer));
    EXPECT_TRUE(member(editorL, viewerL));  // inheritance mirrored between copies
    EXPECT_FALSE(member(viewerL, viewer));
    // The copies hold the privileges, the generic roles none.
    EXPECT_EQ(c.execParams("SELECT has_table_privilege($1, 'od.sign', 'INSERT')", {editorL}).value(0, 0), "t");
    EXPECT_EQ(c.execParams("SELECT has_table_privilege($1, 'od.sign', 'SELECT')", {viewer}).value(0, 0), "f");
    // A login user granted the copy reads this database; one granted the generic role does not.
    const auto reader = login("reader", {viewerL});
    auto rc = connectAs(reader);
    EXPECT_EQ(rc.exec("SELECT label FROM od.sign").value(0, 0), "stop");
    EXPECT_TRUE(fails(rc, "DELETE FROM od.sign"));
    const auto outsider = login("outsider", {viewer});
    auto oc = connectAs(outsider);
    EXPECT_TRUE(fails(oc, "SELECT label FROM od.sign"));

    // The inventory expects the permissions of the copies, nothing of the generic roles.
    const auto inv = listRoles(c, config);
    EXPECT_TRUE(inv.ok()) << formatRoleInventory(inv);
    EXPECT_EQ(inv.configured.size(), 4u) << formatRoleInventory(inv);
    for (const auto& r : inv.configured)
        for (const auto& a : r.schemas) EXPECT_EQ(a.expectedRead, !r.suffix.empty()) << r.name << " " << a.schema;
    bool sawReader = false;
    for (const auto& g : inv.grantees) sawReader |= g.name == reader;
    EXPECT_TRUE(sawReader) << formatRoleInventory(inv);
}

TEST_F(RolesTest, RevokingAGenericRoleEndsItsLegacyMembershipInTheCopies)
{
    RoleOptions options;
    options.suffix = "lausanne";
    createAndGrant(options);
    auto c = db.connect();
    // The layout before pum 1.7: the generic role was a member of its copy.
    c.exec("GRANT " + c.quoteIdentifier(viewer + "_lausanne") + " TO " + c.quoteIdentifier(viewer));
    revokePermissions(c, config, feedback);
    EXPECT_EQ(c.execParams("SELECT pg_has_role($1, $2, 'MEMBER')", {viewer, viewer + "_lausanne"}).value(0, 0), "f");
    EXPECT_EQ(c.execParams("SELECT pg_has_role($1, $2, 'MEMBER')", {editor, viewer}).value(0, 0), "t");
}

TEST_F(RolesTest, ForcedDropReassignsWhatTheRoleOwns)
{
    createAndGrant();
    auto c = db.connect();
    c.exec("CREATE TABLE public.owned (id integer); ALTER TABLE public.owned OWNER TO " + c.quoteIdentifier(editor));
    RoleOptions only;
    only.roles = {editor};
    {
        Transaction t(c);
        try {
            dropRoles(c, config, feedback, only);
            FAIL() << "expected the server to refuse";
        } catch (const SqlError& e) {
            EXPECT_EQ(e.sqlstate(), "2BP01") << e.what();
        }
    }
    only.force = true;
    {
        Transaction t(c);
        dropRoles(c, config, feedback, only);
        t.commit();
    }
    EXPECT_EQ(c.execParams("SELECT count(*) FROM pg_roles WHERE rolname = $1", {editor}).value(0, 0), "0");
    EXPECT_EQ(c.exec("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'owned'").value(0, 0), "t");
    EXPECT_EQ(c.execParams("SELECT count(*) FROM pg_roles WHERE rolname = $1", {viewer}).value(0, 0), "1");
}

TEST_F(RolesTest, QuotedNamesWork)
{
    const std::string odd = cleanup.prefix + "Odd \"role\"";
    config.roles.push_back(role(odd, {perm(RolePermission::Type::Read, {"Mixed Case"})}));
    db.connect().exec("CREATE SCHEMA \"Mixed Case\"; CREATE TABLE \"Mixed Case\".\"T\" (x integer)");
    createAndGrant();
    auto c = db.connect();
    EXPECT_EQ(c.execParams("SELECT has_table_privilege($1, '\"Mixed Case\".\"T\"', 'SELECT')", {odd}).value(0, 0), "t");
}

TEST_F(RolesTest, ListShowsMissingGrantUnknownRoleAndMissingRole)
{
    const std::string absent = cleanup.prefix + "absent";
    createAndGrant();
    config.roles.push_back(role(absent, {perm(RolePermission::Type::Read, {"od"})}));
    auto c = db.connect();
    // A grant lost (table recreated by hand), and a role nobody configured.
    c.exec("REVOKE SELECT ON od.sign FROM " + c.quoteIdentifier(viewer));
    const std::string stranger = cleanup.prefix + "stranger";
    c.exec("CREATE ROLE " + c.quoteIdentifier(stranger) + " LOGIN");
    c.exec("GRANT USAGE ON SCHEMA od TO " + c.quoteIdentifier(stranger) + "; GRANT SELECT ON od.sign TO " +
           c.quoteIdentifier(stranger));

    const RoleInventory inv = listRoles(c, config);
    EXPECT_FALSE(inv.ok());
    EXPECT_EQ(inv.missing, std::vector<std::string>{absent});
    const RoleStatus* v = nullptr;
    const RoleStatus* e = nullptr;
    for (const auto& r : inv.configured) {
        if (r.name == viewer) v = &r;
        if (r.name == editor) e = &r;
    }
    ASSERT_TRUE(v && e);
    EXPECT_FALSE(v->ok());
    bool sawMissing = false;
    for (const auto& a : v->schemas) {
        if (a.schema == "od") {
            EXPECT_TRUE(a.expectedRead);
            EXPECT_FALSE(a.hasRead);
            EXPECT_FALSE(a.satisfied());
            for (const auto& m : a.missing) sawMissing |= m == "table od.sign: SELECT";
        }
        if (a.schema == "app") {
            EXPECT_TRUE(a.satisfied());
        }
    }
    EXPECT_TRUE(sawMissing);
    // The editor has write on od itself (ALL includes SELECT): still fine.
    EXPECT_TRUE(e->ok()) << formatRoleInventory(inv);

    bool sawStranger = false;
    for (const auto& o : inv.others)
        if (o.name == stranger) {
            sawStranger = true;
            EXPECT_TRUE(o.canLogin);
            ASSERT_EQ(o.schemas.size(), 1u);
            EXPECT_EQ(o.schemas[0].schema, "od");
            // SELECT on the table but not on its sequence: partial, not read.
            EXPECT_TRUE(o.schemas[0].hasUsage);
            EXPECT_FALSE(o.schemas[0].hasRead);
        }
    EXPECT_TRUE(sawStranger) << formatRoleInventory(inv);

    const std::string text = formatRoleInventory(inv);
    EXPECT_NE(text.find("MISSING   " + absent), std::string::npos) << text;
    EXPECT_NE(text.find("MISMATCH  " + viewer), std::string::npos) << text;
    EXPECT_NE(text.find("?  " + stranger + " [LOGIN]: od (partial)"), std::string::npos) << text;

    auto j = nlohmann::json::parse(roleInventoryJson(inv));
    EXPECT_FALSE(j["ok"].get<bool>());
    EXPECT_EQ(j["missing_roles"][0], absent);
    bool jsonStranger = false;
    for (const auto& o : j["other_roles"]) jsonStranger |= o["name"] == stranger;
    EXPECT_TRUE(jsonStranger);
}

TEST_F(RolesTest, ListIsOkAfterCreateAndGrant)
{
    createAndGrant();
    auto c = db.connect();
    const auto inv = listRoles(c, config);
    EXPECT_TRUE(inv.ok()) << formatRoleInventory(inv);
    EXPECT_TRUE(inv.missing.empty());
}

TEST_F(RolesTest, RevokeAndDrop)
{
    createAndGrant();
    auto c = db.connect();
    {
        Transaction t(c);
        revokePermissions(c, config, feedback);
        t.commit();
    }
    EXPECT_EQ(c.execParams("SELECT has_table_privilege($1, 'od.sign', 'SELECT')", {viewer}).value(0, 0), "f");
    {
        Transaction t(c);
        dropRoles(c, config, feedback);
        t.commit();
    }
    EXPECT_EQ(c.execParams("SELECT count(*) FROM pg_roles WHERE rolname IN ($1, $2)", {viewer, editor}).value(0, 0), "0");
}

TEST_F(RolesTest, MembershipGrantAndRevoke)
{
    createAndGrant();
    auto c = db.connect();
    const std::string user = cleanup.prefix + "user";
    createLoginRole(c, user);
    RoleOptions only;
    only.roles = {viewer};
    grantMembership(c, config, user, only);
    EXPECT_EQ(membersOf(c, viewer), (std::vector<std::string>{editor, user}));
    EXPECT_EQ(membersOf(c, viewer, true), std::vector<std::string>{user});  // login roles only
    EXPECT_EQ(membershipsOf(c, user), std::vector<std::string>{viewer});
    revokeMembership(c, config, user, only);
    EXPECT_TRUE(membershipsOf(c, user).empty());
    EXPECT_EQ(membersOf(c, viewer), std::vector<std::string>{editor});
    EXPECT_THROW(grantMembership(c, config, cleanup.prefix + "nobody", only), CommandError);
    RoleOptions unknown;
    unknown.roles = {"not_configured"};
    EXPECT_THROW(grantMembership(c, config, user, unknown), CommandError);
}

TEST_F(RolesTest, LoginRoles)
{
    createAndGrant();
    auto c = db.connect();
    const std::string john = cleanup.prefix + "john";
    createLoginRole(c, john, "pw of john");
    EXPECT_THROW(createLoginRole(c, john), CommandError);
    auto all = loginRoles(c);
    EXPECT_NE(std::find(all.begin(), all.end(), john), all.end());
    EXPECT_EQ(std::find(all.begin(), all.end(), viewer), all.end());
    // The password was stored hashed, and works.
    EXPECT_EQ(c.execParams("SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = $1", {john}).value(0, 0),
              "SCRAM-SHA-256$");
    Connection::open(tcpConninfo(db.name(), john, "pw of john"));
    EXPECT_THROW(dropLoginRole(c, viewer), CommandError);  // not a login role
    dropLoginRole(c, john);
    EXPECT_THROW(dropLoginRole(c, john), CommandError);
    dropLoginRole(c, john, true);  // pum's API: nothing to do is fine
    EXPECT_THROW(membersOf(c, john), CommandError);
}

// ---------------------------------------------------------------- command line

namespace {

std::string cli() { return std::getenv("PUM_CLI") ? std::getenv("PUM_CLI") : "pum"; }
std::string shq(const std::string& s) { return "'" + s + "'"; }

// A module folder whose roles have this test's prefix (roles are cluster-wide).
std::string writeModule(const test::TempDir& dir, const std::string& prefix, const std::string& inherit)
{
    dir.write("m/.pum.yaml", "pum:\n  module: roles_cli\nroles:\n"
                             "  - name: " + prefix + "viewer\n    description: Reads\n"
                             "    permissions:\n      - type: read\n        schemas: [od]\n"
                             "  - name: " + prefix + "editor\n    inherit: " + inherit + "\n"
                             "    permissions:\n      - type: write\n        schemas: [od]\n");
    std::filesystem::create_directories(dir.path() / "m" / "changelogs" / "1.0.0");
    dir.write("m/changelogs/1.0.0/01.sql", "CREATE SCHEMA od;\n");
    return (dir.path() / "m").string();
}

}  // namespace

TEST_F(RolesTest, CommandLine)
{
    test::TempDir dir;
    const std::string m = writeModule(dir, cleanup.prefix, viewer);
    const std::string base = cli() + " -p " + shq(db.conninfo()) + " -d " + m + " role ";
    std::string out;
    ASSERT_EQ(test::runCommand(base + "create", out), 0) << out;
    EXPECT_NE(out.find("roles of roles_cli created and granted"), std::string::npos) << out;
    ASSERT_EQ(test::runCommand(base + "list", out), 0) << out;
    EXPECT_NE(out.find("ok        " + viewer), std::string::npos) << out;
    ASSERT_EQ(test::runCommand(base + "list --json", out), 0) << out;
    auto j = nlohmann::json::parse(out);
    EXPECT_TRUE(j["ok"].get<bool>()) << out;

    // A login role with a password from stdin, made a member of the viewer: it reads.
    const std::string user = cleanup.prefix + "cli_user";
    ASSERT_EQ(test::runCommand("echo 'cli secret' | " + base + "create-login --password --name " + shq(user), out), 0) << out;
    ASSERT_EQ(test::runCommand(base + "grant --to " + shq(user) + " --roles " + viewer, out), 0) << out;
    ASSERT_EQ(test::runCommand(base + "members --roles " + viewer, out), 0) << out;
    EXPECT_NE(out.find(user), std::string::npos) << out;
    ASSERT_EQ(test::runCommand(base + "login-roles", out), 0) << out;
    EXPECT_NE(out.find(user), std::string::npos) << out;
    auto c = Connection::open(tcpConninfo(db.name(), user, "cli secret"));
    EXPECT_EQ(c.exec("SELECT count(*) FROM od.sign").value(0, 0), "1");
    EXPECT_TRUE(fails(c, "DELETE FROM od.sign"));

    ASSERT_EQ(test::runCommand(base + "revoke --from " + shq(user), out), 0) << out;
    EXPECT_TRUE(fails(c, "SELECT count(*) FROM od.sign"));
    ASSERT_EQ(test::runCommand(base + "login drop " + shq(user), out), 0) << out;
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_roles WHERE rolname = " + c.quoteLiteral(user)), "0");
}

TEST_F(RolesTest, CommandLineMissingRoleToInheritChangesNothing)
{
    test::TempDir dir;
    const std::string ghost = cleanup.prefix + "ghost";
    const std::string m = writeModule(dir, cleanup.prefix, ghost);
    std::string out;
    EXPECT_EQ(test::runCommand(cli() + " -p " + shq(db.conninfo()) + " -d " + m + " role create", out), 1) << out;
    EXPECT_EQ(out.rfind("pum: ", 0), 0u) << out;
    EXPECT_NE(out.find(ghost), std::string::npos) << out;
    EXPECT_EQ(out.find('\n'), out.size() - 1) << out;  // one line
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_roles WHERE starts_with(rolname, " + shq(cleanup.prefix) + ")"), "0");
}

TEST_F(RolesTest, DroppingASuffixDropsOnlyItsCopies)
{
    RoleOptions lausanne, zurich;
    lausanne.suffix = "lausanne";
    zurich.suffix = "zurich";
    createAndGrant(lausanne);
    createAndGrant(zurich);
    auto c = db.connect();
    auto exists = [&](const std::string& name) {
        return c.execParams("SELECT count(*) FROM pg_roles WHERE rolname = $1", {name}).value(0, 0) == "1";
    };
    for (const auto& options : {lausanne, zurich}) {
        Transaction t(c);
        dropRoles(c, config, feedback, options);
        t.commit();
    }
    EXPECT_FALSE(exists(viewer + "_lausanne"));
    EXPECT_FALSE(exists(editor + "_lausanne"));
    EXPECT_FALSE(exists(viewer + "_zurich"));
    // The generic roles are shared by every database: only `drop` without suffix removes them.
    EXPECT_TRUE(exists(viewer));
    EXPECT_TRUE(exists(editor));
    {
        Transaction t(c);
        dropRoles(c, config, feedback);
        t.commit();
    }
    EXPECT_FALSE(exists(viewer));
    EXPECT_FALSE(exists(editor));
}

TEST_F(RolesTest, DropRefusedWhileAnotherDatabaseUsesTheRole)
{
    createAndGrant();
    TempDatabase other;
    auto o = other.connect();
    o.exec("CREATE TABLE t (x integer); GRANT SELECT ON t TO " + o.quoteIdentifier(viewer));
    auto c = db.connect();
    Transaction t(c);
    try {
        dropRoles(c, config, feedback);
        FAIL();
    } catch (const SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "2BP01");
        EXPECT_NE(std::string(e.what()).find(other.name()), std::string::npos) << e.what();
    }
    t.rollback();
    // Nothing changed: the permissions here are still granted.
    EXPECT_EQ(c.execParams("SELECT has_table_privilege($1, 'od.sign', 'SELECT')", {viewer}).value(0, 0), "t");
}

TEST_F(RolesTest, ConcurrentCreationOfTheSameRoles)
{
    // Two installs in two databases create the same (cluster-wide) roles at once.
    TempDatabase other;
    auto first = db.connect();
    auto second = other.connect();
    const int secondPid = test::backendPid(second);
    auto watcher = db.connect();
    Transaction t1(first);
    createRoles(first, config, feedback);
    std::exception_ptr failure;
    std::thread concurrent([&] {
        try {
            NullFeedback fb;
            Transaction t2(second);
            createRoles(second, config, fb);  // waits for the first transaction
            t2.commit();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        test::waitUntilWaitingForLock(watcher, secondPid);  // the second creation now waits for the first
    } catch (...) {
        t1.rollback();
        concurrent.join();
        throw;
    }
    t1.commit();
    concurrent.join();
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            FAIL() << "the second creation failed: " << e.what();
        }
    }
    EXPECT_EQ(first.execParams("SELECT pg_has_role($1, $2, 'MEMBER')", {editor, viewer}).value(0, 0), "t");
}

TEST_F(RolesTest, CommandLineForcedDropAndSuffixKeepsRolesApart)
{
    test::TempDir dir;
    const std::string m = writeModule(dir, cleanup.prefix, viewer);
    const std::string base = cli() + " -p " + shq(db.conninfo()) + " -d " + m + " role ";
    std::string out;
    ASSERT_EQ(test::runCommand(base + "create --suffix lausanne", out), 0) << out;
    EXPECT_EQ(db.scalar("SELECT pg_has_role(" + shq(viewer) + ", " + shq(viewer + "_lausanne") + ", 'MEMBER')"), "f");
    ASSERT_EQ(test::runCommand(base + "create", out), 0) << out;
    db.connect().exec("CREATE TABLE public.owned (id integer); ALTER TABLE public.owned OWNER TO " + editor);
    EXPECT_EQ(test::runCommand(base + "drop --roles " + editor, out), 1) << out;
    EXPECT_NE(out.find("depend"), std::string::npos) << out;
    ASSERT_EQ(test::runCommand(base + "drop --roles " + editor + " --force", out), 0) << out;
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_roles WHERE rolname = " + shq(editor)), "0");
    EXPECT_EQ(db.scalar("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'owned'"), "t");
    // With the suffix only the copies go.
    ASSERT_EQ(test::runCommand(base + "drop --suffix lausanne", out), 0) << out;
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_roles WHERE rolname = " + shq(viewer + "_lausanne")), "0");
    EXPECT_EQ(db.scalar("SELECT count(*) FROM pg_roles WHERE rolname = " + shq(viewer)), "1");
}

TEST_F(RolesTest, CommandLineDbAccess)
{
    auto c = db.connect();
    const std::string allowed = login("allowed", {});
    const std::string other = login("other", {});
    const std::string base = cli() + " -p " + shq(db.conninfo()) + " db access ";
    auto canConnect = [&](const std::string& role) {
        return db.scalar("SELECT has_database_privilege(" + shq(role) + ", current_database(), 'CONNECT')") == "t";
    };
    EXPECT_TRUE(canConnect(other));  // PUBLIC, by default
    std::string out;
    ASSERT_EQ(test::runCommand(base + "--grant-connect " + allowed, out), 0) << out;
    EXPECT_NE(out.find("PUBLIC cannot connect; granted to " + allowed), std::string::npos) << out;
    EXPECT_TRUE(canConnect(allowed));
    EXPECT_FALSE(canConnect(other));
    EXPECT_TRUE(connectAs(allowed).exec("SELECT 1").rows() == 1);
    EXPECT_THROW(connectAs(other), ConnectionError);
    // --keep-public leaves PUBLIC as it is (revoked now): only the role changes.
    ASSERT_EQ(test::runCommand(base + db.name() + " --keep-public --revoke-connect " + allowed, out), 0) << out;
    EXPECT_FALSE(canConnect(allowed));
    const auto access = connectAccess(c, db.name());
    EXPECT_FALSE(access.publicCanConnect);
    EXPECT_TRUE(access.roles.empty());
}
