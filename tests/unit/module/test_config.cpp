// Loading `.pum.yaml`: both spellings of the hooks, every key, and every
// error with the line and key path it must point at.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>

#include "pum/module/config.h"
#include "pum/base/error.h"
#include "test_support.h"

namespace fs = std::filesystem;
using pum::Config;
using pum::ConfigError;
using pum::ParameterType;
using pum::test::TempDir;
using ::testing::HasSubstr;

namespace {

// A module folder holding `yaml` as its .pum.yaml plus the usual hook files.
struct Module {
    TempDir dir;
    explicit Module(const std::string& yaml)
    {
        dir.write(".pum.yaml", yaml);
        dir.write("app/drop.sql", "DROP VIEW IF EXISTS app.v;\n");
        dir.write("app/create.sql", "CREATE VIEW app.v AS SELECT 1;\n");
        dir.write("app/create.py", "from pum import HookBase\n");
        dir.write("demo/a.sql", "SELECT 1;\n");
        dir.write("demo/b.sql", "SELECT 2;\n");
    }
    Config load() const { return Config::load(dir.path()); }
};

struct Expected {
    int line;
    std::string key;
    std::string message;  // a part of the message
};

// Loads `yaml` and checks the error's file, line, key and message.
void expectError(const std::string& yaml, const Expected& expected)
{
    Module module(yaml);
    try {
        module.load();
        ADD_FAILURE() << "no error; expected line " << expected.line << " " << expected.key << ": "
                      << expected.message;
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.file(), (module.dir.path() / ".pum.yaml").string());
        EXPECT_EQ(e.line(), expected.line) << e.what();
        EXPECT_EQ(e.key(), expected.key) << e.what();
        EXPECT_THAT(e.message(), HasSubstr(expected.message)) << e.what();
    }
}

const char* kMinimal = "pum:\n  module: m\n";

}  // namespace

TEST(Config, FullCurrentFormat)
{
    Module module(R"(# a module in pum's current format
pum:
  module: water
  migration_table_schema: water_sys
  minimum_version: 1.0.0
changelogs_directory: sql/changelogs
parameters:
  - name: srid
    type: integer
    default: 2056
    description: Coordinate system
  - name: lang
    values: [en, fr, de]
    default: fr
  - name: ratio
    type: decimal
    default: 1.50
  - name: debug
    type: boolean
    default: yes
    app_only: true
  - name: data_dir
    type: path
application:
  drop:
    - file: app/drop.sql
  create:
    - file: app/create.sql
    - code: |
        CREATE VIEW app.w AS SELECT {srid} AS srid;
    - file: app/create.py
uninstall:
  - code: DROP SCHEMA app CASCADE;
roles:
  - name: viewer
    description: Read only
    permissions:
      - type: read
        schemas: [water_od, water_app]
  - name: editor
    inherit: viewer
    permissions:
      - type: write
        schemas:
          - water_od
demo_data:
  - name: small
    file: demo/a.sql
  - name: full
    files: [demo/a.sql, demo/b.sql]
dependencies:
  - name: pirogue
    minimum_version: 2.0.1
    maximum_version: "3.0"
)");
    const Config c = module.load();
    const fs::path root = fs::absolute(module.dir.path()).lexically_normal();
    EXPECT_EQ(c.baseDir, root);
    EXPECT_EQ(c.configFile, root / ".pum.yaml");
    EXPECT_EQ(c.module, "water");
    EXPECT_EQ(c.migrationTableSchema, "water_sys");
    ASSERT_TRUE(c.minimumVersion);
    EXPECT_EQ(c.minimumVersion->toString(), "1.0.0");
    EXPECT_EQ(c.changelogsDirectory, root / "sql" / "changelogs");

    ASSERT_EQ(c.parameters.size(), 5u);
    const auto& srid = c.parameters[0];
    EXPECT_EQ(srid.name, "srid");
    EXPECT_EQ(srid.type, ParameterType::Integer);
    ASSERT_TRUE(srid.defaultValue);
    EXPECT_EQ(srid.defaultValue->text(), "2056");
    EXPECT_EQ(srid.description, "Coordinate system");
    EXPECT_FALSE(srid.appOnly);
    EXPECT_EQ(srid.line, 8);
    const auto& lang = c.parameters[1];
    EXPECT_EQ(lang.type, ParameterType::Text);  // the default type
    ASSERT_EQ(lang.values.size(), 3u);
    EXPECT_EQ(lang.values[2].text(), "de");
    EXPECT_EQ(lang.defaultValue->text(), "fr");
    EXPECT_EQ(c.parameters[2].defaultValue->text(), "1.50");  // as written, not as a float
    EXPECT_EQ(c.parameters[3].type, ParameterType::Boolean);
    EXPECT_EQ(c.parameters[3].defaultValue->text(), "true");
    EXPECT_TRUE(c.parameters[3].appOnly);
    EXPECT_EQ(c.parameters[4].type, ParameterType::Path);
    EXPECT_FALSE(c.parameters[4].defaultValue);
    ASSERT_NE(c.parameter("ratio"), nullptr);
    EXPECT_EQ(c.parameter("ratio")->type, ParameterType::Decimal);
    EXPECT_EQ(c.parameter("nope"), nullptr);

    ASSERT_EQ(c.dropHooks.size(), 1u);
    EXPECT_EQ(c.dropHooks[0].file, root / "app" / "drop.sql");
    EXPECT_EQ(c.dropHooks[0].relativeFile, "app/drop.sql");
    EXPECT_EQ(c.dropHooks[0].line, 26);
    EXPECT_EQ(c.dropHooks[0].describe(), "app/drop.sql");
    ASSERT_EQ(c.createHooks.size(), 3u);
    EXPECT_FALSE(c.createHooks[1].file);
    EXPECT_EQ(c.createHooks[1].code, "CREATE VIEW app.w AS SELECT {srid} AS srid;\n");
    EXPECT_EQ(c.createHooks[1].line, 29);
    EXPECT_EQ(c.createHooks[1].codeLine, 30);  // the block's text starts below `code: |`
    EXPECT_EQ(c.createHooks[1].configFile, (root / ".pum.yaml").string());
    EXPECT_EQ(c.createHooks[1].describe(), "inline code at .pum.yaml:30");
    EXPECT_FALSE(c.createHooks[1].isPython());
    EXPECT_TRUE(c.createHooks[2].isPython());
    EXPECT_TRUE(c.hasPythonHooks());
    ASSERT_EQ(c.uninstallHooks.size(), 1u);
    EXPECT_EQ(c.uninstallHooks[0].code, "DROP SCHEMA app CASCADE;");
    EXPECT_EQ(c.uninstallHooks[0].codeLine, 33);

    ASSERT_EQ(c.roles.size(), 2u);
    EXPECT_EQ(c.roles[0].name, "viewer");
    EXPECT_EQ(c.roles[0].description, "Read only");
    EXPECT_FALSE(c.roles[0].inherit);
    ASSERT_EQ(c.roles[0].permissions.size(), 1u);
    EXPECT_EQ(c.roles[0].permissions[0].type, pum::RolePermission::Type::Read);
    EXPECT_THAT(c.roles[0].permissions[0].schemas, ::testing::ElementsAre("water_od", "water_app"));
    EXPECT_EQ(c.roles[1].inherit, "viewer");
    EXPECT_EQ(c.roles[1].permissions[0].type, pum::RolePermission::Type::Write);
    EXPECT_EQ(c.roles[1].line, 40);

    ASSERT_EQ(c.demoData.size(), 2u);
    EXPECT_EQ(c.demoData[0].name, "small");
    EXPECT_THAT(c.demoData[0].files, ::testing::ElementsAre(root / "demo" / "a.sql"));
    EXPECT_THAT(c.demoData[1].files, ::testing::ElementsAre(root / "demo" / "a.sql", root / "demo" / "b.sql"));

    ASSERT_EQ(c.dependencies.size(), 1u);
    EXPECT_EQ(c.dependencies[0].name, "pirogue");
    EXPECT_EQ(c.dependencies[0].minimumVersion, "2.0.1");
    EXPECT_EQ(c.dependencies[0].maximumVersion, "3.0");
}

TEST(Config, Defaults)
{
    Module module(kMinimal);
    const Config c = module.load();
    EXPECT_EQ(c.module, "m");
    EXPECT_EQ(c.migrationTableSchema, "public");
    EXPECT_FALSE(c.minimumVersion);
    EXPECT_EQ(c.changelogsDirectory, fs::absolute(module.dir.path()).lexically_normal() / "changelogs");
    EXPECT_TRUE(c.parameters.empty());
    EXPECT_TRUE(c.dropHooks.empty());
    EXPECT_TRUE(c.createHooks.empty());
    EXPECT_TRUE(c.uninstallHooks.empty());
    EXPECT_TRUE(c.roles.empty());
    EXPECT_TRUE(c.demoData.empty());
    EXPECT_TRUE(c.dependencies.empty());
    EXPECT_FALSE(c.hasPythonHooks());
}

TEST(Config, BooleanWithoutDefaultIsFalse)
{
    // As in pum: a boolean parameter left without a default is false, not NULL.
    Module module("pum:\n  module: m\nparameters:\n  - name: flag\n    type: boolean\n  - name: t\n");
    const Config c = module.load();
    ASSERT_TRUE(c.parameters.at(0).defaultValue);
    EXPECT_EQ(c.parameters.at(0).defaultValue->text(), "false");
    EXPECT_FALSE(c.parameters.at(1).defaultValue);  // other types: no default
}

TEST(Config, InlineCodeLines)
{
    Module module(R"(pum:
  module: m
uninstall:
  - code: "SELECT 1;"
  - code: |-   # a comment after the indicator

      SELECT 2;
  - code: >
      SELECT 3;
  - code:
      SELECT 4;
  - {code: SELECT 5;}
)");
    const Config c = module.load();
    ASSERT_EQ(c.uninstallHooks.size(), 5u);
    EXPECT_EQ(c.uninstallHooks[0].codeLine, 4);
    // A literal block keeps its leading blank line, so its first line is the one below `|-`.
    EXPECT_EQ(c.uninstallHooks[1].code, "\nSELECT 2;");
    EXPECT_EQ(c.uninstallHooks[1].codeLine, 6);
    EXPECT_EQ(c.uninstallHooks[1].line, 5);
    EXPECT_EQ(c.uninstallHooks[2].codeLine, 9);
    EXPECT_EQ(c.uninstallHooks[3].code, "SELECT 4;");
    EXPECT_EQ(c.uninstallHooks[3].codeLine, 11);
    EXPECT_EQ(c.uninstallHooks[3].line, 10);
    EXPECT_EQ(c.uninstallHooks[4].codeLine, 12);
}

TEST(Config, WindowsLineEndingsAndByteOrderMark)
{
    Module module("\xEF\xBB\xBFpum:\r\n  module: m\r\nuninstall:\r\n  - code: |\r\n      SELECT 1;\r\n"
                  "      SELECT 2;\r\nparameters:\r\n  - name: a\r\n    type:\r\n");
    const Config c = module.load();
    EXPECT_EQ(c.module, "m");
    EXPECT_EQ(c.uninstallHooks.at(0).code, "SELECT 1;\nSELECT 2;\n");
    EXPECT_EQ(c.uninstallHooks.at(0).codeLine, 5);
    expectError("\xEF\xBB\xBFpum:\r\n  module: m\r\nparameters:\r\n  - name: a\r\n    type: integer\r\n"
                "    default:\r\n    values: [1, x]\r\n",
                {7, "parameters[0].values[1]", "'x' is not an integer"});
}

TEST(Config, NullSectionsAreEmpty)
{
    // pum reads `key:` with nothing after it as "not set".
    Module module("pum:\n  module: m\n  migration_table_schema:\nparameters:\napplication:\n  drop:\nroles:\n");
    const Config c = module.load();
    EXPECT_EQ(c.migrationTableSchema, "public");
    EXPECT_TRUE(c.parameters.empty());
    EXPECT_TRUE(c.dropHooks.empty());
    EXPECT_TRUE(c.roles.empty());
}

// Exactly the seed page's configuration: pre with inline code and a file,
// post with a SQL file and a Python file.
TEST(Config, SeedPageLegacyFormat)
{
    TempDir dir;
    dir.write(".pum.yaml", R"(pum:
  module: pum_test

migration_hooks:
  pre:
    - code: DROP VIEW IF EXISTS pum_test_app.some_view;
    - file: pre/drop_view.sql

  post:
    - file: post/create_schema.sql
    - file: post/create_view.py
)");
    dir.write("pre/drop_view.sql", "DROP VIEW IF EXISTS pum_test_app.some_view;\n");
    dir.write("post/create_schema.sql", "CREATE SCHEMA IF NOT EXISTS pum_test_app;\n");
    dir.write("post/create_view.py", "from pum import HookBase\n");

    const Config c = Config::load(dir.path());
    const fs::path root = fs::absolute(dir.path()).lexically_normal();
    ASSERT_EQ(c.dropHooks.size(), 2u);
    EXPECT_EQ(c.dropHooks[0].code, "DROP VIEW IF EXISTS pum_test_app.some_view;");
    EXPECT_EQ(c.dropHooks[0].codeLine, 6);
    EXPECT_EQ(c.dropHooks[0].line, 6);
    EXPECT_EQ(c.dropHooks[0].describe(), "inline code at .pum.yaml:6");
    EXPECT_EQ(c.dropHooks[1].file, root / "pre" / "drop_view.sql");
    EXPECT_EQ(c.dropHooks[1].line, 7);
    ASSERT_EQ(c.createHooks.size(), 2u);
    EXPECT_EQ(c.createHooks[0].file, root / "post" / "create_schema.sql");
    EXPECT_FALSE(c.createHooks[0].isPython());
    EXPECT_EQ(c.createHooks[1].file, root / "post" / "create_view.py");
    EXPECT_EQ(c.createHooks[1].relativeFile, "post/create_view.py");
    EXPECT_TRUE(c.createHooks[1].isPython());
    EXPECT_TRUE(c.hasPythonHooks());
}

// pum's handle_legacy_names: pre/post and drop/create under either key.
TEST(Config, EitherSpellingUnderEitherKey)
{
    const std::string hooks = "    - file: app/drop.sql\n";
    {
        Module m("pum:\n  module: m\napplication:\n  pre:\n" + hooks + "  post:\n    - file: app/create.sql\n");
        const Config c = m.load();
        ASSERT_EQ(c.dropHooks.size(), 1u);
        EXPECT_EQ(c.dropHooks[0].relativeFile, "app/drop.sql");
        ASSERT_EQ(c.createHooks.size(), 1u);
        EXPECT_EQ(c.createHooks[0].relativeFile, "app/create.sql");
    }
    {
        Module m("pum:\n  module: m\nmigration_hooks:\n  drop:\n" + hooks + "  create:\n    - code: SELECT 1;\n");
        const Config c = m.load();
        ASSERT_EQ(c.dropHooks.size(), 1u);
        ASSERT_EQ(c.createHooks.size(), 1u);
        EXPECT_EQ(c.createHooks[0].code, "SELECT 1;");
    }
    {
        // Mixed: pre with create.
        Module m("pum:\n  module: m\nmigration_hooks:\n  pre:\n" + hooks + "  create:\n    - code: SELECT 1;\n");
        const Config c = m.load();
        EXPECT_EQ(c.dropHooks.size(), 1u);
        EXPECT_EQ(c.createHooks.size(), 1u);
    }
}

TEST(ConfigErrors, BothSpellingsOfOnePhase)
{
    expectError("pum:\n  module: m\napplication:\n  drop: []\n  pre: []\n",
                {5, "application.pre", "'drop' and 'pre' are two spellings of the same hooks"});
    expectError("pum:\n  module: m\nmigration_hooks:\n  post: []\n  create: []\n",
                {5, "migration_hooks.create", "'create' and 'post' are two spellings of the same hooks"});
}

TEST(Config, LoadFromText)
{
    TempDir dir;
    dir.write("app/create.sql", "SELECT 1;\n");
    const Config c = Config::loadFromText(
        "pum:\n  module: from_text\nparameters:\n  - name: srid\n    type: integer\n    default: 2056\n"
        "application:\n  create:\n    - file: app/create.sql\n",
        dir.path(), "settings given to PumConfig");
    const fs::path root = fs::absolute(dir.path()).lexically_normal();
    EXPECT_EQ(c.module, "from_text");
    EXPECT_EQ(c.baseDir, root);
    EXPECT_EQ(c.configFile, fs::path("settings given to PumConfig"));
    EXPECT_EQ(c.changelogsDirectory, root / "changelogs");
    ASSERT_EQ(c.parameters.size(), 1u);
    EXPECT_EQ(c.parameters[0].type, ParameterType::Integer);
    ASSERT_EQ(c.createHooks.size(), 1u);
    EXPECT_EQ(c.createHooks[0].file, root / "app" / "create.sql");
}

TEST(ConfigErrors, LoadFromTextNamesTheDisplayName)
{
    TempDir dir;
    try {
        Config::loadFromText("pum:\n  module: m\ninvalid_key: 1\n", dir.path(), "settings for m");
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.file(), "settings for m");
        EXPECT_EQ(e.line(), 3);
        EXPECT_EQ(e.key(), "invalid_key");
    }
    try {
        Config::loadFromText("pum:\n  module: m\napplication:\n  create:\n    - file: app/nope.sql\n", dir.path(),
                             "settings for m");
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_THAT(e.message(), HasSubstr("file not found"));
    }
    EXPECT_THROW(Config::loadFromText("pum:\n  module: m\n", dir.path() / "missing", "settings"), ConfigError);
    EXPECT_THROW(Config::loadFromText("pum: [\n", dir.path(), "settings"), ConfigError);
}

TEST(Config, MinimumVersionIsPep440)
{
    Module m("pum:\n  module: m\n  minimum_version: 1.8rc1\n");
    const Config c = m.load();
    ASSERT_TRUE(c.minimumVersion.has_value());
    EXPECT_TRUE(c.minimumVersion->isPrerelease());
}

TEST(Config, ConfigFileElsewhere)
{
    TempDir dir;
    dir.write("module/app/drop.sql", "SELECT 1;\n");
    dir.write("configs/alt.yaml", "pum:\n  module: alt\napplication:\n  drop:\n    - file: app/drop.sql\n");
    // An absolute config file; hook files stay relative to the module root.
    const Config c = Config::load(dir.path() / "module", dir.path() / "configs" / "alt.yaml");
    EXPECT_EQ(c.module, "alt");
    EXPECT_EQ(c.configFile, fs::absolute(dir.path() / "configs" / "alt.yaml").lexically_normal());
    EXPECT_EQ(c.dropHooks.at(0).file, fs::absolute(dir.path() / "module" / "app" / "drop.sql").lexically_normal());

    // A relative config file is relative to the current directory.
    const fs::path previous = fs::current_path();
    fs::current_path(dir.path() / "configs");
    try {
        const Config relative = Config::load(dir.path() / "module", fs::path("alt.yaml"));
        EXPECT_EQ(relative.configFile, fs::absolute(dir.path() / "configs" / "alt.yaml").lexically_normal());
    } catch (...) {
        fs::current_path(previous);
        throw;
    }
    fs::current_path(previous);
}

TEST(Config, FixtureModulesLoad)
{
    const fs::path data = pum::test::sourceDir() / "tests" / "data";

    const Config seed = Config::load(data / "seed_module");
    EXPECT_EQ(seed.dropHooks.size(), 2u);
    EXPECT_TRUE(seed.dropHooks.at(0).code);
    EXPECT_TRUE(seed.dropHooks.at(1).file);
    EXPECT_FALSE(seed.hasPythonHooks());

    const Config seedPy = Config::load(data / "seed_module_py");
    EXPECT_TRUE(seedPy.hasPythonHooks());
    EXPECT_EQ(seedPy.module, seed.module);

    const Config current = Config::load(data / "current_module");
    ASSERT_NE(current.parameter("srid"), nullptr);
    EXPECT_EQ(current.parameter("srid")->type, ParameterType::Integer);
    EXPECT_EQ(current.parameter("srid")->defaultValue->text(), "2056");
    EXPECT_FALSE(current.dropHooks.empty());
    EXPECT_FALSE(current.createHooks.empty());
    ASSERT_EQ(current.roles.size(), 2u);
    EXPECT_EQ(current.roles[1].inherit, current.roles[0].name);
    EXPECT_TRUE(current.parameter("label_language")->appOnly);
    EXPECT_EQ(current.createHooks.at(1).codeLine, 33);  // inline SQL below `code: |`
}

// ---- errors ------------------------------------------------------------------

TEST(ConfigErrors, MissingFile)
{
    TempDir dir;
    try {
        Config::load(dir.path());
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.file(), (fs::absolute(dir.path()).lexically_normal() / ".pum.yaml").string());
        EXPECT_EQ(e.line(), 0);
        EXPECT_THAT(e.message(), HasSubstr("not found"));
    }
    EXPECT_THROW(Config::load(dir.path(), dir.path() / "other.yaml"), ConfigError);
    EXPECT_THROW(Config::load(dir.path() / "no_such_module"), ConfigError);
    dir.write("file", "");
    EXPECT_THROW(Config::load(dir.path() / "file"), ConfigError);
}

TEST(ConfigErrors, YamlSyntax)
{
    expectError("pum:\n  module: m\nparameters: [\n  - name: x\n", {4, "", "invalid YAML: illegal block entry"});
    expectError("pum:\n  module: m\n    bad: indent\n", {3, "", "invalid YAML"});
    expectError("pum:\n  module: m\n---\npum:\n  module: n\n", {4, "", "several YAML documents"});
}

TEST(ConfigErrors, UnknownKeys)
{
    expectError("pum:\n  module: m\naplication:\n  drop: []\n",
                {3, "aplication",
                 "unknown key 'aplication' (expected one of: pum, parameters, application, migration_hooks, "
                 "changelogs_directory, roles, demo_data, dependencies, uninstall)"});
    expectError("pum:\n  module: m\n  schema: x\n", {3, "pum.schema", "unknown key 'schema'"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n  - name: b\n    typ: integer\n",
                {6, "parameters[1].typ", "unknown key 'typ'"});
    expectError("pum:\n  module: m\napplication:\n  drop:\n    - file: app/drop.sql\n      when: always\n",
                {6, "application.drop[0].when", "unknown key 'when' (expected one of: file, code)"});
    expectError("pum:\n  module: m\nmigration_hooks:\n  pre: []\n  before: []\n",
                {5, "migration_hooks.before", "(expected one of: drop, create, pre, post)"});
    expectError("pum:\n  module: m\napplication:\n  after: []\n",
                {4, "application.after", "(expected one of: drop, create, pre, post)"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      - type: read\n        schemas: [a]\n"
                "        tables: [b]\n",
                {8, "roles[0].permissions[0].tables", "unknown key 'tables'"});
    expectError("pum:\n  module: m\ndemo_data:\n  - name: d\n    file: demo/a.sql\n    skip: true\n",
                {6, "demo_data[0].skip", "unknown key"});
    expectError("pum:\n  module: m\ndependencies:\n  - name: d\n    version: 1\n", {5, "dependencies[0].version", "unknown key"});
    expectError("pum:\n  module: m\npum:\n  module: n\n", {3, "pum", "duplicate key 'pum' (first at line 1)"});
}

TEST(ConfigErrors, WrongTypes)
{
    expectError("- pum\n", {1, "", "expected a mapping"});
    expectError("pum: water\n", {1, "pum", "expected a mapping"});
    expectError("pum:\n  module: [a, b]\n", {2, "pum.module", "expected a text, got a list"});
    expectError("pum:\n  module: m\nparameters:\n  name: srid\n", {4, "parameters", "expected a list"});
    expectError("pum:\n  module: m\nparameters:\n  - srid\n", {4, "parameters[0]", "expected a mapping"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    default: [1]\n",
                {5, "parameters[0].default", "got a list"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    app_only: sometimes\n",
                {5, "parameters[0].app_only", "expected a boolean"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    app_only: 'true'\n",
                {5, "parameters[0].app_only", "expected a boolean"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    values: fr\n",
                {5, "parameters[0].values", "expected a list"});
    expectError("pum:\n  module: m\napplication:\n  - file: app/drop.sql\n", {4, "application", "expected a mapping"});
    expectError("pum:\n  module: m\napplication:\n  drop:\n    file: app/drop.sql\n",
                {5, "application.drop", "expected a list"});
    expectError("pum:\n  module: m\nuninstall:\n  - app/drop.sql\n", {4, "uninstall[0]", "expected a mapping"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      type: read\n",
                {6, "roles[0].permissions", "expected a list"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      - type: read\n        schemas: a\n",
                {7, "roles[0].permissions[0].schemas", "expected a list"});
    expectError("pum:\n  module: m\ndemo_data:\n  - name: d\n    files: demo/a.sql\n",
                {5, "demo_data[0].files", "expected a list"});
    expectError("pum:\n  module: m\nchangelogs_directory: [a]\n", {3, "changelogs_directory", "expected a text"});
}

TEST(ConfigErrors, PumSection)
{
    expectError("", {0, "pum", "missing"});
    expectError("parameters: []\n", {1, "pum", "missing"});
    expectError("pum:\n  migration_table_schema: s\n", {2, "pum.module", "missing"});
    expectError("pum:\n  module:\n", {2, "pum.module", "must not be empty"});
    expectError("pum:\n  module: ''\n", {2, "pum.module", "must not be empty"});
    expectError("pum:\n  module: " + std::string(51, 'm') + "\n", {2, "pum.module", "longer than 50"});
    expectError("pum:\n  module: m\n  minimum_version: 1.x\n",
                {3, "pum.minimum_version", "'1.x' is not a version"});
    expectError("pum:\n  module: m\n  migration_table_schema: ''\n",
                {3, "pum.migration_table_schema", "must not be empty"});
}

TEST(ConfigErrors, Parameters)
{
    expectError("pum:\n  module: m\nparameters:\n  - name: srid\n    type: integer\n    default: 2056\n"
                "  - name: n\n    type: integer\n    description: x\n    default: abc\n",
                {10, "parameters[1].default", "'abc' is not an integer"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    type: int\n",
                {5, "parameters[0].type",
                 "unknown type 'int' (expected one of: boolean, integer, text, decimal, path)"});
    expectError("pum:\n  module: m\nparameters:\n  - type: integer\n", {4, "parameters[0].name", "missing"});
    expectError("pum:\n  module: m\nparameters:\n  - name: 'my param'\n",
                {4, "parameters[0].name", "not a valid parameter name"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n  - name: b\n  - name: a\n",
                {6, "parameters[2].name", "duplicate parameter 'a' (first declared at line 4)"});
    expectError("pum:\n  module: m\nparameters:\n  - name: lang\n    values: [en, fr]\n    default: it\n",
                {6, "parameters[0].default", "'it' is not one of the allowed values (en, fr)"});
    expectError("pum:\n  module: m\nparameters:\n  - name: level\n    type: integer\n    values:\n      - 1\n"
                "      - two\n",
                {8, "parameters[0].values[1]", "'two' is not an integer"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    values: [x, x]\n",
                {5, "parameters[0].values[1]", "listed twice"});
    expectError("pum:\n  module: m\nparameters:\n  - name: a\n    values: []\n",
                {5, "parameters[0].values", "must not be empty"});
    expectError("pum:\n  module: m\nparameters:\n  - name: flag\n    type: boolean\n    default: maybe\n",
                {6, "parameters[0].default", "maybe"});
}

TEST(ConfigErrors, Hooks)
{
    expectError("pum:\n  module: m\napplication:\n  create:\n    - file: app/create.sql\n      code: SELECT 1;\n",
                {6, "application.create[0]", "either 'file' or 'code', not both"});
    expectError("pum:\n  module: m\napplication:\n  create:\n    - file: app/create.sql\n    - {}\n",
                {6, "application.create[1]", "needs 'file'"});
    expectError("pum:\n  module: m\napplication:\n  create:\n    - file:\n",
                {5, "application.create[0]", "needs 'file'"});
    expectError("pum:\n  module: m\napplication:\n  drop:\n    - file: app/missing.sql\n",
                {5, "application.drop[0].file", "file not found"});
    expectError("pum:\n  module: m\napplication:\n  drop:\n    - file: app\n",
                {5, "application.drop[0].file", "neither a .sql nor a .py file"});
    expectError("pum:\n  module: m\napplication:\n  drop:\n    - file: app/drop.txt\n",
                {5, "application.drop[0].file", "neither a .sql nor a .py file"});
    expectError("pum:\n  module: m\nmigration_hooks:\n  post:\n    - file: post/missing.py\n",
                {5, "migration_hooks.post[0].file", "file not found"});
    expectError("pum:\n  module: m\nuninstall:\n  - code: ''\n", {4, "uninstall[0].code", "must not be empty"});
    expectError("pum:\n  module: m\napplication:\n  drop: []\nmigration_hooks:\n  pre: []\n",
                {5, "migration_hooks", "two spellings of the same hooks"});
    expectError("pum:\n  module: m\nmigration_hooks:\n  pre: []\napplication:\n  drop: []\n",
                {5, "application", "two spellings of the same hooks"});
}

TEST(ConfigErrors, Roles)
{
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      - type: admin\n        schemas: [a]\n",
                {6, "roles[0].permissions[0].type", "unknown permission type 'admin' (expected read or write)"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      - schemas: [a]\n",
                {6, "roles[0].permissions[0].type", "missing"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      - type: read\n",
                {6, "roles[0].permissions[0].schemas", "missing"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    permissions:\n      - type: read\n        schemas: []\n",
                {7, "roles[0].permissions[0].schemas", "at least one schema"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n  - name: s\n  - name: r\n",
                {6, "roles[2].name", "duplicate role 'r' (first declared at line 4)"});
    expectError("pum:\n  module: m\nroles:\n  - name: r\n    inherit: r\n", {5, "roles[0].inherit", "cannot inherit itself"});
    expectError("pum:\n  module: m\nroles:\n  - name: a\n    inherit: b\n  - name: b\n    inherit: a\n",
                {4, "roles[0].inherit", "loop (a -> b -> a)"});
    expectError("pum:\n  module: m\nroles:\n  - description: x\n", {4, "roles[0].name", "missing"});
}

TEST(Config, MinimumVersionNewerThanToolStillLoads)
{
    // The upgrader refuses to run it; loading (for `info`) must still work.
    Module module("pum:\n  module: m\n  minimum_version: '99.1'\n");
    EXPECT_EQ(module.load().minimumVersion->toString(), "99.1");
}

TEST(ConfigErrors, RoleMayInheritOutsideConfig)
{
    Module module("pum:\n  module: m\nroles:\n  - name: editor\n    inherit: existing_db_role\n");
    EXPECT_EQ(module.load().roles.at(0).inherit, "existing_db_role");
}

TEST(ConfigErrors, DemoData)
{
    expectError("pum:\n  module: m\ndemo_data:\n  - name: d\n    file: demo/a.sql\n    files: [demo/b.sql]\n",
                {6, "demo_data[0]", "either 'file' or 'files', not both"});
    expectError("pum:\n  module: m\ndemo_data:\n  - name: d\n", {4, "demo_data[0]", "needs 'file' or 'files'"});
    expectError("pum:\n  module: m\ndemo_data:\n  - name: d\n    file: demo/a.sql\n  - name: d\n    file: demo/b.sql\n",
                {6, "demo_data[1].name", "duplicate demo data 'd' (first declared at line 4)"});
    expectError("pum:\n  module: m\ndemo_data:\n  - file: demo/a.sql\n", {4, "demo_data[0].name", "missing"});
}

// A module in development ships demo sets whose files are not written yet:
// only loading that set fails, so the file is recorded, not refused.
TEST(Config, MissingDemoFileIsRecordedOnItsSet)
{
    Module module("pum:\n  module: m\ndemo_data:\n  - name: d\n    files:\n      - demo/a.sql\n      - demo/c.sql\n"
                  "  - name: e\n    file: demo/b.sql\n");
    const Config c = module.load();
    ASSERT_EQ(c.demoData.size(), 2u);
    ASSERT_EQ(c.demoData[0].missing.size(), 1u);
    EXPECT_THAT(c.demoData[0].missing[0], HasSubstr(":7: demo_data[0].files[1]: file not found"));
    EXPECT_EQ(c.demoData[0].files.size(), 2u);
    EXPECT_TRUE(c.demoData[1].missing.empty());
}

TEST(ConfigErrors, Dependencies)
{
    expectError("pum:\n  module: m\ndependencies:\n  - minimum_version: 1.0\n", {4, "dependencies[0].name", "missing"});
    expectError("pum:\n  module: m\ndependencies:\n  - name: x\n    minimum_version: [1]\n",
                {5, "dependencies[0].minimum_version", "expected a text"});
}

TEST(ConfigErrors, WhatNamesFileLineAndKey)
{
    Module module("pum:\n  module: m\nparameters:\n  - name: n\n    type: integer\n    default: abc\n");
    try {
        module.load();
        ADD_FAILURE() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()),
                  (module.dir.path() / ".pum.yaml").string() + ":6: parameters[0].default: 'abc' is not an integer");
    }
}

// The example of docs/configuration.md must stay valid.
TEST(Config, DocumentationExampleLoads)
{
    const std::string doc = pum::test::readFile(pum::test::sourceDir() / "docs" / "configuration.md");
    const auto begin = doc.find("```yaml\n");
    ASSERT_NE(begin, std::string::npos);
    const auto end = doc.find("```", begin + 8);
    ASSERT_NE(end, std::string::npos);
    TempDir dir;
    dir.write(".pum.yaml", doc.substr(begin + 8, end - begin - 8));
    for (const char* file : {"app/drop_app.sql", "app/create_app.sql", "app/create_views.py", "demo/nodes.sql",
                             "demo/pipes.sql", "uninstall/uninstall.sql"})
        dir.write(file, "SELECT 1;\n");
    const Config c = Config::load(dir.path());
    EXPECT_EQ(c.module, "water");
    EXPECT_EQ(c.createHooks.size(), 3u);
    EXPECT_EQ(c.roles.size(), 2u);
}

// ---- bad input: each is refused with the file and a line, in bounded time
// and memory by construction (the loader's bounds, not a timer).

namespace {

// Nine levels of ten aliases: a billion leaves once expanded.
std::string billionLaughs(const std::string& where)
{
    std::string yaml = "pum:\n  module: m\nx0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        std::string previous = "*l" + std::to_string(level - 1);
        yaml += "x" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) yaml += (i ? ", " : "") + previous;
        yaml += "]\n";
    }
    return yaml + where;
}

ConfigError errorOfText(const std::string& yaml)
{
    TempDir dir;
    try {
        Config::loadFromText(yaml, dir.path(), "bomb.yaml");
    } catch (const ConfigError& e) {
        return e;
    }
    ADD_FAILURE() << "no error";
    return ConfigError("", 0, "", "");
}

}  // namespace

TEST(ConfigBadInput, AliasBombsAreRefusedBeforeTheyExpand)
{
    // Where the loader would walk the expansion: a permission's schemas.
    auto e = errorOfText(billionLaughs("roles:\n  - name: r\n    permissions:\n      - type: read\n        schemas: *l9\n"));
    EXPECT_EQ(e.file(), "bomb.yaml");
    EXPECT_GT(e.line(), 0);
    EXPECT_THAT(e.message(), HasSubstr("expands to more than 100000 nodes"));
    // An alias inside its own anchor: a cycle.
    e = errorOfText("pum:\n  module: m\nparameters: &p\n  - *p\n");
    EXPECT_THAT(e.message(), HasSubstr("expands to more than"));
    e = errorOfText("pum:\n  module: m\nroles:\n  - &r\n    name: a\n    permissions: [*r]\n");
    EXPECT_THAT(e.message(), HasSubstr("expands to more than"));
    // A few harmless aliases still load, as with PyYAML.
    TempDir dir;
    const Config c = Config::loadFromText(
        "pum:\n  module: m\nroles:\n  - name: a\n    permissions:\n      - type: read\n        schemas: &s [x, y]\n"
        "  - name: b\n    permissions:\n      - type: write\n        schemas: *s\n",
        dir.path(), "aliases.yaml");
    ASSERT_EQ(c.roles.size(), 2u);
    EXPECT_EQ(c.roles[1].permissions[0].schemas, (std::vector<std::string>{"x", "y"}));
}

TEST(ConfigBadInput, HugeFilesAreRefusedWithoutBeingReadWhole)
{
    // A 10 MB string: the file is past the 1 MiB bound, refused at the line
    // where its first MiB ends (line 5 here), before YAML parses it.
    const std::string big = std::string(kMinimal) + "parameters:\n  - name: p\n    default: \"" +
                            std::string(10 << 20, 'a') + "\"\n";
    expectError(big, {5, "", "larger than 1 MiB"});
    EXPECT_EQ(errorOfText(big).line(), 5);
}

TEST(ConfigBadInput, NulBytesAndInvalidUtf8NameTheirLine)
{
    using namespace std::string_literals;
    expectError(kMinimal + "parameters:\n  - name: p\n    default: a\0b\n"s, {5, "", "NUL byte"});
    expectError(std::string(kMinimal) + "parameters:\n  - name: p\n    description: caf\xe9\n", {5, "", "invalid UTF-8 (byte 0xe9)"});
    expectError(std::string(kMinimal) + "parameters:\n  - name: p\n    description: \xed\xa0\x80\n", {5, "", "invalid UTF-8"});
    expectError("\xff\xfep\0u\0m\0"s, {1, "", "invalid UTF-8"});
    // Valid UTF-8, including four-byte characters, loads.
    Module module(std::string(kMinimal) + "parameters:\n  - name: p\n    description: \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"\n");
    EXPECT_EQ(module.load().parameters[0].description, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
}

TEST(ConfigBadInput, UnterminatedQuotesAndDeepNestingAreYamlErrors)
{
    // yaml-cpp alone would read a quote cut short by the end of the file as closed.
    expectError(std::string(kMinimal) + "parameters:\n  - name: \"p\n", {4, "", "unterminated \"...\" string"});
    expectError(std::string(kMinimal) + "parameters:\n  - name: 'p''\n    type: text\n",
                {4, "", "unterminated '...' string"});
    expectError(std::string(kMinimal) + "parameters:\n  - name: \"p\\\"\n", {4, "", "unterminated"});
    Module quoted(std::string(kMinimal) + "parameters:\n  - name: 'p'\n    description: \"a \\\" 'b'\"\n");
    EXPECT_EQ(quoted.load().parameters[0].description, "a \" 'b'");
    // An unclosed flow collection is found at the end of the file.
    expectError(std::string(kMinimal) + "parameters: [{name: p\n", {4, "", "invalid YAML"});
    // Nesting deeper than yaml-cpp's guard is an error, not a stack overflow.
    auto e = errorOfText(std::string(kMinimal) + "parameters: " + std::string(100000, '[') + "\n");
    EXPECT_THAT(e.message(), HasSubstr("invalid YAML: nested more than")) << e.what();
    EXPECT_THAT(e.line(), ::testing::AllOf(::testing::Ge(3), ::testing::Le(4))) << e.what();  // read ahead to the end
}

TEST(ConfigBadInput, InputThatNeverEndsYamlCppIsStopped)
{
    // Found by fuzz/fuzz_config.cpp: yaml-cpp 0.7 and 0.8 loop forever on these
    // and our event budget stops them; 0.9 refuses them itself ("plain value
    // cannot start with flow indicator character"). Either way: an error with
    // its line, never a hang.
    for (const char* yaml : {",", ", a", "# a module\n,\n"}) {
        auto e = errorOfText(yaml);
        EXPECT_THAT(e.message(), HasSubstr("invalid YAML")) << yaml;
        EXPECT_GE(e.line(), 1);
    }
}

TEST(ConfigBadInput, HugeNumbersAreRefused)
{
    expectError(std::string(kMinimal) +
                    "parameters:\n  - name: n\n    type: integer\n    default: 99999999999999999999999999\n",
                {6, "parameters[0].default", "integer"});
    expectError("pum:\n  module: m\n  minimum_version: 99999999999999999999999.0\n",
                {3, "pum.minimum_version", ""});
    // A decimal is kept as written, however long: it is text to PostgreSQL.
    Module module(std::string(kMinimal) + "parameters:\n  - name: d\n    type: decimal\n    default: " +
                  std::string(400, '9') + ".5\n");
    EXPECT_EQ(module.load().parameters[0].defaultValue->text(), std::string(400, '9') + ".5");
}

TEST(ConfigBadInput, LongListsStayLinear)
{
    // 1001 allowed values: refused (duplicates are checked pairwise).
    std::string yaml = std::string(kMinimal) + "parameters:\n  - name: p\n    values:\n";
    for (int i = 0; i <= 1000; ++i) yaml += "      - v" + std::to_string(i) + "\n";
    expectError(yaml, {6, "parameters[0].values", "more than 1000 allowed values"});
    // A chain of 10000 roles, each inheriting the next, is followed once.
    yaml = kMinimal + std::string("roles:\n");
    for (int i = 0; i < 10000; ++i)
        yaml += "  - name: r" + std::to_string(i) + "\n" +
                (i + 1 < 10000 ? "    inherit: r" + std::to_string(i + 1) + "\n" : std::string());
    Module module(yaml);
    EXPECT_EQ(module.load().roles.size(), 10000u);
}
