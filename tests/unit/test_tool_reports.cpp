// Report formats of check and role list, on reports built by hand (no database).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pum/checker.h"
#include "pum/roles.h"

using namespace pum;

namespace {

ComparisonReport sample()
{
    ComparisonReport r;
    r.first = "a on host";
    r.second = "b on host";
    r.timestamp = "2026-01-01T00:00:00Z";
    CheckResult tables{"tables", "Tables", {}};
    tables.differences.push_back({Difference::Type::Removed, "s.gone", "table", ""});
    tables.differences.push_back({Difference::Type::Added, "s.<new>", "", "table"});
    CheckResult functions{"functions", "Functions", {}};
    functions.differences.push_back({Difference::Type::Changed, "s.f()",
                                     "CREATE FUNCTION s.f()\nBEGIN\n  RETURN 1;\nEND",
                                     "CREATE FUNCTION s.f()\nBEGIN\n  RETURN 2;\nEND"});
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

TEST(CheckReport, JsonAndHtml)
{
    const auto report = sample();
    EXPECT_FALSE(report.passed());
    EXPECT_EQ(report.differenceCount(), 3u);
    auto j = nlohmann::json::parse(reportJson(report));
    EXPECT_EQ(j["checks"][0]["differences"][0]["type"], "removed");
    EXPECT_FALSE(j["checks"][0]["differences"][0].contains("second"));
    EXPECT_EQ(j["checks"][2]["differences"][0]["type"], "changed");
    EXPECT_TRUE(j["checks"][1]["passed"].get<bool>());

    const auto page = reportHtml(report);
    EXPECT_NE(page.find("s.&lt;new&gt;"), std::string::npos);
    EXPECT_EQ(page.find("s.<new>"), std::string::npos);
    EXPECT_NE(page.find("<span class=\"del\">-   RETURN 1;</span>"), std::string::npos) << page;

    ComparisonReport empty;
    EXPECT_TRUE(empty.passed());
    EXPECT_NE(reportText(empty).find("OK: no differences"), std::string::npos);
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
