#include "big_module.h"

#include <fstream>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;

namespace pum::test {

namespace {

void write(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A description of `length` characters: a first sentence (the form's label),
// then explanation, as real modules write them.
std::string description(std::size_t index, std::size_t length)
{
    std::string text = "Setting number " + std::to_string(index + 1) + " of the generated datamodel.";
    static const char* sentences[] = {" It decides how the schema stores a value a city may set otherwise.",
                                      " Change it only with the data owner's agreement.",
                                      " The views and triggers read it when the application is created.",
                                      " Leave the default unless the network's documentation names another."};
    // Whole sentences, as many as fit in `length` (close to it: they are short).
    for (std::size_t n = 0; n < 16; ++n) {
        const std::string next = sentences[n % 4];
        if (text.size() + next.size() > length) break;
        text += next;
    }
    return text;
}

std::string parameters(const BigModuleShape& shape)
{
    static const char* types[] = {"integer", "text", "boolean", "decimal", "integer", "text"};
    static const char* defaults[] = {"2056", "ch", "false", "1.5", "10", "plain"};
    std::string out = "parameters:\n";
    for (std::size_t i = 0; i < shape.parameters; ++i) {
        out += "  - name: setting_" + std::to_string(i + 1) + "\n";
        out += "    type: " + std::string(types[i % 6]) + "\n";
        out += "    default: " + std::string(defaults[i % 6]) + "\n";
        if (i % 6 == 5) out += "    app_only: true\n";
        out += "    description: \"" + description(i, shape.descriptionLength) + "\"\n";
    }
    return out;
}

std::string changelogFile(std::size_t index, const BigModuleShape& shape)
{
    const std::string table = "big_data.t" + std::to_string(index);
    std::string sql = "-- generated changelog file " + std::to_string(index) + "\n";
    for (std::size_t n = 0; n < shape.noticesPerFile; ++n)
        sql += "DROP TABLE IF EXISTS big_data.missing_" + std::to_string(index) + "_" + std::to_string(n) + ";\n";
    sql += "CREATE TABLE " + table + " (id serial PRIMARY KEY, name text);\n";
    const std::size_t used = shape.noticesPerFile + 1;
    for (std::size_t n = used; n < shape.statementsPerFile; ++n)
        sql += "INSERT INTO " + table + " (name) VALUES ('row " + std::to_string(n) + "');\n";
    return sql;
}

std::string createHook(const BigModuleShape& shape)
{
    if (!shape.pythonHook)
        return "CREATE SCHEMA big_app;\nCREATE VIEW big_app.t0 AS SELECT * FROM big_data.t0;\n";
    const double pause = shape.hookStatements > 0 ? shape.hookSeconds / static_cast<double>(shape.hookStatements) : 0;
    return "# Generated: recreates the application the slow way a real hook does.\n"
           "import time\n\nfrom pum import HookBase\n\n\n"
           "class Hook(HookBase):\n"
           "    def run_hook(self, connection):\n"
           "        cursor = connection.cursor()\n"
           "        cursor.execute(\"CREATE SCHEMA big_app\")\n"
           "        for n in range(" + std::to_string(shape.hookStatements) + " - 1):\n"
           "            cursor.execute(f\"DROP VIEW IF EXISTS big_app.v{n}\")\n"
           "            time.sleep(" + std::to_string(pause) + ")\n";
}

}  // namespace

void writeBigModule(const fs::path& dir, const BigModuleShape& shape)
{
    const std::string hook = shape.pythonHook ? "app/create_app.py" : "app/create_app.sql";
    write(dir / ".pum.yaml", "pum:\n  module: big_model\n\n" + parameters(shape) +
                                 "\napplication:\n  drop:\n    - file: app/drop_app.sql\n  create:\n    - file: " +
                                 hook + "\n\ndemo_data:\n  - name: Sample data\n    file: demo/sample.sql\n");
    write(dir / "app" / "drop_app.sql", "DROP SCHEMA IF EXISTS big_app CASCADE;\n");
    write(dir / hook, createHook(shape));
    write(dir / "changelogs" / "1.0.0" / "000_schema.sql", "CREATE SCHEMA big_data;\n");
    for (std::size_t i = 0; i < shape.files; ++i) {
        const std::string version = i < shape.files / 2 ? "1.0.0" : "1.1.0";
        char name[32];
        std::snprintf(name, sizeof name, "%03zu_table.sql", i + 1);
        write(dir / "changelogs" / version / name, changelogFile(i, shape));
    }
    write(dir / "demo" / "sample.sql", "INSERT INTO big_data.t0 (name) VALUES ('demo 1'), ('demo 2');\n");
}

}  // namespace pum::test
