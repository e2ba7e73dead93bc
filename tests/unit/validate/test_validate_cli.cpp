// `pum validate`: exit codes, text and --json output, -p values (no database).
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;

int runPum(const std::string& args, std::string& out)
{
    const char* cli = std::getenv("PUM_CLI");
    return pum::test::runCommand(std::string(cli ? cli : "pum") + " " + args + " 2>&1", out);
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

const char* kModule = R"(pum:
  module: m
parameters:
  - name: folder
    type: text
    default: plain
  - name: unused
    type: integer
    default: 1
)";

}  // namespace

TEST(ValidateCli, ExitOneOnErrorsWithCompilerStyleLines)
{
    std::string out;
    const fs::path module = pum::test::sourceDir() / "tests/data/invalid_module";
    EXPECT_EQ(runPum("-d " + quoted(module) + " validate", out), 1) << out;
    EXPECT_NE(out.find("changelogs/1.0.0/01_schema.sql:7:1: error: syntax error at or near \")\" [sql-syntax]\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("15 errors, 1 warning"), std::string::npos) << out;
}

TEST(ValidateCli, ExitZeroForValidModulesAndWarnings)
{
    std::string out;
    EXPECT_EQ(runPum("-d " + quoted(pum::test::sourceDir() / "examples/signage") + " validate", out), 0) << out;
    EXPECT_NE(out.find("0 errors, 0 warnings"), std::string::npos) << out;

    pum::test::TempDir dir;
    dir.write(".pum.yaml", kModule);
    dir.write("changelogs/1.0.0/01.sql", "SELECT '{folder}';\n");
    EXPECT_EQ(runPum("-d " + quoted(dir.path()) + " validate", out), 0) << out;  // an unused parameter warns
    EXPECT_NE(out.find("warning: parameter 'unused' is declared but"), std::string::npos) << out;
    EXPECT_EQ(runPum("-d " + quoted(dir.path()) + " validate --strict", out), 1) << out;
    // -p under validate is a parameter, as under install (the global -p is the connection).
    EXPECT_EQ(runPum("-d " + quoted(dir.path()) + " validate -p folder 'C:\\data'", out), 1) << out;
    EXPECT_NE(out.find("01.sql:1:9: error: parameter 'folder' contains a backslash"), std::string::npos) << out;
    EXPECT_EQ(runPum("-d " + quoted(dir.path()) + " validate -p unused x", out), 1) << out;
    EXPECT_NE(out.find("[parameter-value]"), std::string::npos) << out;
    // A bad .pum.yaml is a finding with its line, exit 1.
    dir.write(".pum.yaml", "pum:\n  module: m\n  colour: blue\n");
    EXPECT_EQ(runPum("-d " + quoted(dir.path()) + " validate", out), 1) << out;
    EXPECT_NE(out.find(".pum.yaml:3: error: "), std::string::npos) << out;
}

TEST(ValidateCli, JsonOutput)
{
    std::string out;
    const fs::path module = pum::test::sourceDir() / "tests/data/invalid_module";
    const char* cli = std::getenv("PUM_CLI");
    // stdout only: the JSON must parse as a whole.
    EXPECT_EQ(pum::test::runCommand(std::string(cli ? cli : "pum") + " -d " + quoted(module) + " validate --json",
                                    out),
              1);
    const auto json = nlohmann::json::parse(out);
    EXPECT_EQ(json["ok"], false);
    EXPECT_EQ(json["errors"], 15);
    EXPECT_EQ(json["warnings"], 1);
    ASSERT_EQ(json["findings"].size(), 16u);
    for (const auto& finding : json["findings"]) {
        for (const char* key : {"file", "line", "column", "severity", "code", "message"})
            EXPECT_TRUE(finding.contains(key)) << finding.dump();
        EXPECT_TRUE(finding["line"].is_number_integer());
    }
    EXPECT_EQ(json["findings"][15]["severity"], "warning");
    EXPECT_EQ(json["findings"][15]["code"], "unused-parameter");
}

TEST(ValidateCli, HelpNamesTheChecks)
{
    std::string out;
    EXPECT_EQ(runPum("validate --help", out), 0) << out;
    for (const char* text : {"--json", "--strict", "--python", "-p,--parameter", "without a database"})
        EXPECT_NE(out.find(text), std::string::npos) << text << "\n" << out;
    EXPECT_EQ(runPum("validate --no-such-flag", out), 2) << out;
}
