// Report formats of check and role list, on reports built by hand (no database).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pum/tools/checker.h"
#include "pum/roles/roles.h"

using namespace pum;

namespace {

ComparisonReport sample()
{
    ComparisonReport r;
    r.first = "a on host";
    r.second = "b on host";
    r.timestamp = "2026-01-01T00:00:00Z";
    CheckResult tables{"tables", "Tables", {}};
    tables.differences.push_back({Difference::Type::Removed, "s.gone", "table", "", {}});
    tables.differences.push_back({Difference::Type::Added, "s.<new>", "", "table", {}});
    CheckResult functions{"functions", "Functions", {}};
    functions.differences.push_back({Difference::Type::Changed, "s.f()",
                                     "CREATE FUNCTION s.f()\nBEGIN\n  RETURN 1;\nEND",
                                     "CREATE FUNCTION s.f()\nBEGIN\n  RETURN 2;\nEND", {}});
    CheckResult views{"views", "Views", {}};
    r.checks = {tables, views, functions};
    return r;
}

}  // namespace

TEST(CheckReport, TextShowsEachDifferenceAndALineDiff)
{
    const auto text = reportText(sample());
    EXPECT_NE(text.find("Tables: 2 differences\n  - s.gone (only in first): table\n  + s.<new> (only in second): table\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Views: OK\n"), std::string::npos);
    // Only the changed lines of a multi-line definition.
    EXPECT_NE(text.find("  ~ s.f():\n      -   RETURN 1;\n      +   RETURN 2;\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("BEGIN"), std::string::npos) << text;
    EXPECT_NE(text.find("DIFFERENCES FOUND: 3"), std::string::npos);
}

TEST(CheckReport, JsonInPumsLayoutAndHtml)
{
    const auto report = sample();
    EXPECT_FALSE(report.passed());
    EXPECT_EQ(report.differenceCount(), 3u);
    auto j = nlohmann::json::parse(reportJson(report));
    EXPECT_EQ(j["pg_connection1"], "a on host");
    EXPECT_EQ(j["total_checks"], 3);
    EXPECT_EQ(j["failed_checks"], 2);
    EXPECT_EQ(j["total_differences"], 4);  // the change is listed as removed + added
    const auto& tables = j["check_results"][0];
    EXPECT_EQ(tables["name"], "Tables");
    EXPECT_EQ(tables["differences"][0]["type"], "removed");
    EXPECT_EQ(tables["differences"][0]["content"]["object"], "s.gone");
    EXPECT_EQ(tables["differences"][0]["content"]["table_type"], "table");
    EXPECT_TRUE(j["check_results"][1]["passed"].get<bool>());
    const auto& functions = j["check_results"][2]["differences"];
    ASSERT_EQ(functions.size(), 2u);
    EXPECT_EQ(functions[0]["type"], "removed");
    EXPECT_EQ(functions[1]["type"], "added");
    EXPECT_NE(functions[1]["content"]["routine_definition"].get<std::string>().find("RETURN 2"), std::string::npos);

    const auto page = reportHtml(report);
    EXPECT_NE(page.find("s.&lt;new&gt;"), std::string::npos);
    EXPECT_EQ(page.find("s.<new>"), std::string::npos);
    EXPECT_NE(page.find("<span class=\"del\">-   RETURN 1;</span>"), std::string::npos) << page;
    for (const char* part : {"toggleCollapsible", "collapsible-toggle", "collapsible-content", "schema-object",
                             "object-detail", "Database Comparison Report"})
        EXPECT_NE(page.find(part), std::string::npos) << part;

    ComparisonReport empty;
    EXPECT_TRUE(empty.passed());
    EXPECT_NE(reportText(empty).find("OK: no differences"), std::string::npos);
}

TEST(CheckReport, MergeChangesPairsRemovedAndAddedOfOneObject)
{
    CheckResult c{"constraints", "Constraints", {}};
    c.differences.push_back({Difference::Type::Removed, "s.t.a", "CHECK (x > 1)", "", {}});
    c.differences.push_back({Difference::Type::Removed, "s.t.gone", "CHECK (y)", "", {}});
    c.differences.push_back({Difference::Type::Added, "s.t.a", "", "CHECK (x >= 1)", {}});
    mergeChanges(c);
    ASSERT_EQ(c.differences.size(), 2u);
    EXPECT_EQ(c.differences[0].type, Difference::Type::Changed);
    EXPECT_EQ(c.differences[0].first, "CHECK (x > 1)");
    EXPECT_EQ(c.differences[0].second, "CHECK (x >= 1)");
    EXPECT_EQ(c.differences[1].object, "s.t.gone");
}

TEST(CheckNormalisation, ArrayCastsAsARestoreReprintsThem)
{
    const std::string original =
        "CHECK (status::text = ANY (ARRAY['active'::character varying, 'a,b''c'::character varying]::text[]))";
    const std::string restored =
        "CHECK (status::text = ANY (ARRAY['active'::character varying::text, 'a,b''c'::character varying::text]))";
    EXPECT_EQ(normalizeDefinition(restored), original);
    EXPECT_EQ(normalizeDefinition(original), original);
    // Not the same casts on every element, or not casts at all: unchanged.
    for (const std::string kept : {"CHECK (t = ANY (ARRAY['a'::text, 'b'::text]))",
                                   "CHECK (x = ANY (ARRAY[1::bigint::numeric, 2::integer::text]))",
                                   "CHECK (x = ANY (ARRAY[a::text || 'b'::text]))", "CHECK (y > 1800)",
                                   "CHECK (note <> 'ARRAY[1::int::text]')"})
        EXPECT_EQ(normalizeDefinition(kept), kept);
    EXPECT_EQ(normalizeDefinition("ARRAY[ARRAY[1::integer::numeric(10,2)], ARRAY[2::integer::numeric(10,2)]]"),
              "ARRAY[ARRAY[1::integer]::numeric(10,2)[], ARRAY[2::integer]::numeric(10,2)[]]");
}

TEST(CheckNormalisation, ViewsOverOneRelationReadTheSameOnPostgres15And16)
{
    // As pg_get_viewdef(oid, true) prints the same views on 15 and on 16.
    const std::pair<std::string, std::string> same[] = {
        {" SELECT s.id,\n    s.label\n   FROM pum_matrix.sign s\n  WHERE s.size > 1;",
         " SELECT id,\n    label\n   FROM pum_matrix.sign s\n  WHERE size > 1;"},
        {" SELECT sign.id,\n    sign.label\n   FROM sign\n  WHERE sign.size > 2;",
         " SELECT id,\n    label\n   FROM sign\n  WHERE size > 2;"},
        {" SELECT s.\"Label\" AS l\n   FROM ONLY s.s s\n  ORDER BY s.id;",
         " SELECT \"Label\" AS l\n   FROM ONLY s.s s\n  ORDER BY id;"},
    };
    for (const auto& [on15, on16] : same) {
        EXPECT_EQ(normalizeViewDefinition(on15), on16);
        EXPECT_EQ(normalizeViewDefinition(on16), on16);
    }
    // Joins, subqueries, set operations and literals keep every qualifier.
    for (const std::string kept :
         {" SELECT sign.id,\n    p.id AS pid\n   FROM sign\n     JOIN pole p ON p.sign_id = sign.id;",
          " SELECT s.id\n   FROM sign s, pole p;",
          " SELECT s.id\n   FROM sign s\n  WHERE s.id IN ( SELECT pole.sign_id FROM pole);",
          " SELECT s.id\n   FROM sign s\nUNION\n SELECT s.id\n   FROM sign s;"})
        EXPECT_EQ(normalizeViewDefinition(kept), kept);
    // Inside a literal, or after another qualifier (x.s.id), it is not a qualifier.
    EXPECT_EQ(normalizeViewDefinition(" SELECT 's.id'::text AS t,\n    x.s.id,\n    s.id\n   FROM sign s;"),
              " SELECT 's.id'::text AS t,\n    x.s.id,\n    id\n   FROM sign s;");
}

TEST(RoleReport, SatisfiedNeedsTheExactLevelAndDefaultPrivileges)
{
    SchemaAccess a;
    a.schema = "od";
    a.expectedRead = true;
    a.hasRead = true;
    EXPECT_FALSE(a.satisfied());  // no default privileges: new tables would be unreadable
    a.hasDefaultPrivileges = true;
    EXPECT_TRUE(a.satisfied());
    a.hasWrite = true;
    EXPECT_FALSE(a.satisfied());  // more than configured
    SchemaAccess none;
    none.hasRead = true;  // e.g. through PUBLIC: nothing configured, nothing missing (as pum)
    EXPECT_TRUE(none.satisfied());
    none.exists = false;
    EXPECT_TRUE(none.satisfied());
    none.expectedRead = true;
    EXPECT_FALSE(none.satisfied());

    RoleInventory inv;
    inv.schemas = {"od"};
    RoleStatus r;
    r.name = r.configuredName = "viewer";
    r.exists = true;
    r.schemas = {a};
    inv.configured = {r};
    inv.missing = {"editor"};
    EXPECT_FALSE(inv.ok());
    auto j = nlohmann::json::parse(roleInventoryJson(inv));
    EXPECT_EQ(j["missing_roles"][0], "editor");
    EXPECT_EQ(j["configured_roles"][0]["schemas"][0]["has"], "write");
    EXPECT_EQ(j["configured_roles"][0]["schemas"][0]["expected"], "read");
    EXPECT_NE(formatRoleInventory(inv).find("!! od: has write, expected read"), std::string::npos)
        << formatRoleInventory(inv);
}
