// Parameter values are data, never code: the `pum` executable installs a
// module whose changelog nests dollar quotes, against the test cluster.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "test_support.h"

using pum::test::TempDatabase;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace {

std::string cli() { return std::getenv("PUM_CLI") ? std::getenv("PUM_CLI") : "pum"; }

// A module whose only changelog puts {label} inside $q$, itself inside $$.
std::filesystem::path nestedQuoteModule(const TempDir& dir)
{
    dir.write("m/.pum.yaml",
              "pum:\n  module: nested_quotes\nparameters:\n  - name: label\n    type: text\n    default: x\n");
    dir.write("m/changelogs/1.0.0/01_note.sql",
              "CREATE TABLE public.note (label text);\n"
              "DO $$ BEGIN EXECUTE $q$ INSERT INTO public.note VALUES ({label}) $q$; END $$;\n");
    return dir.path() / "m";
}

int install(const TempDatabase& db, const std::filesystem::path& module, const std::string& label, std::string& out)
{
    // Single-quoted for /bin/sh: the values below hold no single quote.
    return pum::test::runCommand(cli() + " -p '" + db.conninfo() + "' -d '" + module.string() +
                                     "' install --skip-roles --skip-grant -p label '" + label + "'",
                                 out);
}

}  // namespace

TEST(SqlInjection, AValueClosingANestedDollarQuoteIsRefused)
{
    TempDatabase db;
    TempDir dir;
    auto module = nestedQuoteModule(dir);
    db.scalar("CREATE TABLE public.victim (id int)");
    // The value of issue 12: it closes $q$, drops public.victim, and reopens
    // $q$ so that the rest still compiles.
    const std::string attack =
        "a$q$ || chr(39) || $q$)$q$; DROP TABLE public.victim; EXECUTE $q$SELECT ($q$ || chr(39) || $q$b";
    std::string out;
    EXPECT_EQ(install(db, module, attack, out), 1) << out;
    EXPECT_THAT(out, HasSubstr("01_note.sql:2"));
    EXPECT_THAT(out, HasSubstr("parameter 'label'"));
    EXPECT_THAT(out, HasSubstr("close the dollar quote $q$"));
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.victim') IS NOT NULL"), "t");
    EXPECT_EQ(db.scalar("SELECT to_regclass('public.note') IS NULL"), "t");
}

TEST(SqlInjection, HarmlessDollarsInAValueAreStoredAsWritten)
{
    TempDatabase db;
    TempDir dir;
    auto module = nestedQuoteModule(dir);
    const std::string label = "costs $1, or US$ 5; -- ) chr(39)";
    std::string out;
    ASSERT_EQ(install(db, module, label, out), 0) << out;
    EXPECT_EQ(db.scalar("SELECT string_agg(label, '|') FROM public.note"), label);
}
