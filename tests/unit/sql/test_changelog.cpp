// Reading changelog folders: version order, file order, the APP_ONLY_RELEASE
// marker, and every invalid layout.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "pum/sql/changelog.h"
#include "pum/module/config.h"
#include "pum/base/error.h"
#include "test_support.h"

namespace fs = std::filesystem;
using pum::Config;
using pum::ConfigError;
using pum::loadChangelogs;
using pum::test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

struct Module {
    TempDir dir;
    Module() { dir.write(".pum.yaml", "pum:\n  module: m\n"); }
    void sql(const std::string& relative) const { dir.write("changelogs/" + relative, "SELECT 1;\n"); }
    void folder(const std::string& relative) const { fs::create_directories(dir.path() / "changelogs" / relative); }
    std::vector<pum::Changelog> load() const { return loadChangelogs(Config::load(dir.path())); }
    fs::path changelogs() const { return fs::absolute(dir.path()).lexically_normal() / "changelogs"; }
};

std::vector<std::string> versions(const std::vector<pum::Changelog>& changelogs)
{
    std::vector<std::string> out;
    for (const auto& c : changelogs) out.push_back(c.version.toString());
    return out;
}

std::vector<std::string> names(const std::vector<fs::path>& files)
{
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.filename().string());
    return out;
}

// Loads and checks that the error names `folder` (relative to changelogs/) and says `message`.
void expectError(const Module& module, const std::string& folder, const std::string& message)
{
    try {
        module.load();
        ADD_FAILURE() << "no error; expected " << folder << ": " << message;
    } catch (const ConfigError& e) {
        const fs::path expected = folder.empty() ? module.changelogs() : module.changelogs() / folder;
        EXPECT_EQ(e.file(), expected.string()) << e.what();
        EXPECT_EQ(e.line(), 0) << e.what();
        EXPECT_THAT(e.message(), HasSubstr(message)) << e.what();
    }
}

}  // namespace

TEST(Changelog, VersionOrderIsNumeric)
{
    Module m;
    for (const char* v : {"1.10.0", "1.9.0", "1.0.0", "2.0", "1.1.0", "0.9", "10.0.0", "1.9.1"})
        m.sql(std::string(v) + "/01_x.sql");
    const auto changelogs = m.load();
    // Text order would put 1.10.0 before 1.9.0 and 10.0.0 before 2.0.
    EXPECT_THAT(versions(changelogs), ElementsAre("0.9", "1.0.0", "1.1.0", "1.9.0", "1.9.1", "1.10.0", "2.0", "10.0.0"));
    EXPECT_EQ(changelogs[0].directory, m.changelogs() / "0.9");
    EXPECT_EQ(changelogs[0].files.at(0), m.changelogs() / "0.9" / "01_x.sql");
}

TEST(Changelog, TwoAndThreeComponentVersionsInterleave)
{
    Module m;
    m.sql("1.1/a.sql");
    m.sql("1.0.5/a.sql");
    m.sql("1.0/a.sql");
    m.sql("1.1.1/a.sql");
    EXPECT_THAT(versions(m.load()), ElementsAre("1.0", "1.0.5", "1.1", "1.1.1"));
}

TEST(Changelog, FilesSortedByNameOnlySqlNotRecursive)
{
    Module m;
    for (const char* f : {"10_c.sql", "02_b.sql", "01_a.sql", "B.sql", "a.sql", "notes.txt", "03.sql.bak",
                          ".#01_a.sql", "sub/99_nested.sql"})
        m.sql(std::string("1.0.0/") + f);
    const auto changelogs = m.load();
    ASSERT_EQ(changelogs.size(), 1u);
    // Byte order: digits, then upper case, then lower case.
    EXPECT_THAT(names(changelogs[0].files), ElementsAre("01_a.sql", "02_b.sql", "10_c.sql", "B.sql", "a.sql"));
    EXPECT_FALSE(changelogs[0].appOnlyRelease);
}

TEST(Changelog, AppOnlyRelease)
{
    Module m;
    m.sql("1.0.0/01.sql");
    m.dir.write("changelogs/1.1.0/APP_ONLY_RELEASE", "");
    m.dir.write("changelogs/1.2.0/APP_ONLY_RELEASE", "");
    m.dir.write("changelogs/1.2.0/README.md", "views only");
    const auto changelogs = m.load();
    ASSERT_EQ(changelogs.size(), 3u);
    EXPECT_FALSE(changelogs[0].appOnlyRelease);
    EXPECT_TRUE(changelogs[1].appOnlyRelease);
    EXPECT_TRUE(changelogs[1].files.empty());
    EXPECT_TRUE(changelogs[2].appOnlyRelease);
}

TEST(Changelog, IgnoresLooseFilesAndHiddenFolders)
{
    Module m;
    m.sql("1.0.0/01.sql");
    m.dir.write("changelogs/README.md", "changelogs");
    m.folder(".git");
    m.dir.write("changelogs/.hidden/x.sql", "SELECT 1;\n");
    EXPECT_THAT(versions(m.load()), ElementsAre("1.0.0"));
}

TEST(Changelog, OnlyHiddenFilesIsNoVersions)
{
    // A module whose first release is not written yet keeps its folder in git with a .gitkeep.
    Module m;
    m.dir.write("changelogs/.gitkeep", "");
    EXPECT_TRUE(m.load().empty());
}

TEST(Changelog, Pep440FolderNames)
{
    Module m;
    for (const char* v : {"2.0", "2.0rc1", "1", "1.2.3.4", "1.2.3", "2.0b2", "2.0.post1", "1.10"})
        m.sql(std::string(v) + "/01_x.sql");
    // As packaging.version orders them: pre-releases before their release.
    EXPECT_THAT(versions(m.load()),
                ElementsAre("1", "1.2.3", "1.2.3.4", "1.10", "2.0b2", "2.0rc1", "2.0", "2.0.post1"));
}

TEST(Changelog, OneFolder)
{
    Module m;
    m.sql("1.2.0/02_b.sql");
    m.sql("1.2.0/01_a.sql");
    const auto changelog = pum::loadChangelog(m.changelogs() / "1.2.0");
    EXPECT_EQ(changelog.version.toString(), "1.2.0");
    EXPECT_THAT(names(changelog.files), ElementsAre("01_a.sql", "02_b.sql"));
}

TEST(Changelog, OneFolderNotStrictListsInvalidFolders)
{
    Module m;
    m.folder("1.0.0");
    EXPECT_THROW(pum::loadChangelog(m.changelogs() / "1.0.0"), ConfigError);
    const auto empty = pum::loadChangelog(m.changelogs() / "1.0.0", false);
    EXPECT_TRUE(empty.files.empty());
    EXPECT_FALSE(empty.appOnlyRelease);

    m.sql("1.1.0/01.sql");
    m.dir.write("changelogs/1.1.0/APP_ONLY_RELEASE", "");
    EXPECT_THROW(pum::loadChangelog(m.changelogs() / "1.1.0"), ConfigError);
    const auto both = pum::loadChangelog(m.changelogs() / "1.1.0", false);
    EXPECT_THAT(names(both.files), ElementsAre("01.sql"));
    EXPECT_FALSE(both.appOnlyRelease);

    EXPECT_THROW(pum::loadChangelog(m.changelogs() / "latest", false), ConfigError);
}

TEST(Changelog, CustomDirectory)
{
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: m\nchangelogs_directory: db/versions\n");
    dir.write("db/versions/1.0.0/01.sql", "SELECT 1;\n");
    const auto changelogs = loadChangelogs(Config::load(dir.path()));
    ASSERT_EQ(changelogs.size(), 1u);
    EXPECT_EQ(changelogs[0].directory, fs::absolute(dir.path()).lexically_normal() / "db" / "versions" / "1.0.0");
}

TEST(Changelog, FixtureModuleOrder)
{
    const auto config = Config::load(pum::test::sourceDir() / "tests" / "data" / "current_module");
    const auto changelogs = loadChangelogs(config);
    std::vector<std::string> v = versions(changelogs);
    ASSERT_GE(v.size(), 5u);
    // 1.10.0 alters what 1.9.0 created: numeric order is required.
    auto at = [&](const char* version) { return std::find(v.begin(), v.end(), version) - v.begin(); };
    EXPECT_LT(at("1.9.0"), at("1.10.0"));
    EXPECT_LT(at("1.1.0"), at("1.9.0"));
    EXPECT_TRUE(std::any_of(changelogs.begin(), changelogs.end(), [](const auto& c) { return c.appOnlyRelease; }));
}

// ---- errors ------------------------------------------------------------------

TEST(ChangelogErrors, InvalidFolderNames)
{
    for (const char* bad : {"1.x", "latest", "1.0 ", "+1.0", "1.0.0-", "release-1", "1.0.0.", "1..0"}) {
        SCOPED_TRACE(bad);
        Module m;
        m.sql("1.0.0/01.sql");
        m.sql(std::string(bad) + "/01.sql");
        expectError(m, bad, "is not a version");
    }
}

TEST(ChangelogErrors, DuplicateVersion)
{
    Module m;
    m.sql("1.0/01.sql");
    m.sql("1.0.0/01.sql");
    try {
        m.load();
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        // Either folder may be named; the message names the other.
        const bool first = e.file() == (m.changelogs() / "1.0").string();
        const bool second = e.file() == (m.changelogs() / "1.0.0").string();
        EXPECT_TRUE(first || second) << e.what();
        EXPECT_THAT(e.message(), HasSubstr(first ? "1.0.0" : "1.0"));
        EXPECT_THAT(e.message(), HasSubstr("same version"));
    }
}

TEST(ChangelogErrors, EmptyFolder)
{
    Module m;
    m.sql("1.0.0/01.sql");
    m.folder("1.1.0");
    expectError(m, "1.1.0", "holds no .sql file");
}

TEST(ChangelogErrors, FolderWithOnlyOtherFiles)
{
    Module m;
    m.dir.write("changelogs/1.0.0/notes.txt", "nothing to run");
    m.sql("1.0.0/sub/01.sql");
    expectError(m, "1.0.0", "holds no .sql file");
}

TEST(ChangelogErrors, MarkerBesideSql)
{
    Module m;
    m.sql("1.0.0/01.sql");
    m.dir.write("changelogs/1.0.0/APP_ONLY_RELEASE", "");
    expectError(m, "1.0.0", "both SQL files and an APP_ONLY_RELEASE marker");
}

TEST(ChangelogErrors, SqlOutsideVersionFolder)
{
    Module m;
    m.sql("1.0.0/01.sql");
    m.sql("02_forgotten.sql");
    expectError(m, "02_forgotten.sql", "outside a version folder");
}

TEST(ChangelogErrors, MissingDirectory)
{
    Module m;
    expectError(m, "", "changelogs directory not found");
}

TEST(ChangelogErrors, DirectoryIsAFile)
{
    Module m;
    m.dir.write("changelogs", "not a folder");
    expectError(m, "", "not a directory");
}

TEST(ChangelogErrors, EmptyDirectory)
{
    Module m;
    m.folder("");
    expectError(m, "", "changelogs directory is empty");
}

// ---- validateChangelog -------------------------------------------------------

namespace {

struct ValidatedModule {
    TempDir dir;
    explicit ValidatedModule(const std::string& parameters)
    {
        dir.write(".pum.yaml", "pum:\n  module: m\nparameters:\n" + parameters);
    }
    void file(const std::string& name, const std::string& sql) const { dir.write("changelogs/1.0.0/" + name, sql); }
    void validate() const
    {
        const Config config = Config::load(dir.path());
        for (const auto& changelog : loadChangelogs(config)) pum::validateChangelog(changelog, config);
    }
};

const char* kParameters =
    "  - name: srid\n    type: integer\n    default: 2056\n"
    "  - name: label\n    type: text\n"
    "  - name: view_comment\n    type: text\n    default: hello\n    app_only: true\n";

}  // namespace

TEST(ValidateChangelog, AcceptsDeclaredParameters)
{
    ValidatedModule m(kParameters);
    // `label` has no default: a value inside a string must not be refused while only checking.
    m.file("01.sql", "CREATE TABLE t (g geometry(Point, {srid}), l text DEFAULT 'x {label}');\n"
                     "COMMENT ON TABLE t IS '{{view_comment}}';\n");
    EXPECT_NO_THROW(m.validate());
}

TEST(ValidateChangelog, RefusesAppOnlyParameterNamingIt)
{
    ValidatedModule m(kParameters);
    m.file("01.sql", "CREATE TABLE t (id int);\n");
    m.file("02.sql", "CREATE TABLE u (id int);\n\nCOMMENT ON TABLE u IS {view_comment};\n");
    try {
        m.validate();
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_THAT(e.message(), HasSubstr("'view_comment'"));
        EXPECT_THAT(e.message(), HasSubstr("app_only"));
        EXPECT_THAT(e.file(), HasSubstr("02.sql"));
        EXPECT_EQ(e.line(), 3);
    }
}

TEST(ValidateChangelog, RefusesTransactionControl)
{
    ValidatedModule m(kParameters);
    m.file("01.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n");
    try {
        m.validate();
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_THAT(e.file(), HasSubstr("01.sql"));
        EXPECT_EQ(e.line(), 1);
    }
}

TEST(ValidateChangelog, RefusesUndeclaredParameter)
{
    ValidatedModule m(kParameters);
    m.file("01.sql", "SELECT 1;\nSELECT {SRID};\n");
    try {
        m.validate();
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_THAT(e.message(), HasSubstr("SRID"));
        EXPECT_EQ(e.line(), 2);
    }
}
