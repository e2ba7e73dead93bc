// libFuzzer target: the configuration loader on any bytes, as YAML text
// (Config::loadFromText), and each of its first lines as a version
// (Version::parse) and as a parameter value of each type. Only pum's own
// errors may come out: a yaml-cpp exception or any other one escaping is a
// bug, and so is a crash, a leak, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "pum/module/config.h"
#include "pum/base/error.h"
#include "pum/module/parameter.h"
#include "pum/module/version.h"

namespace fs = std::filesystem;

namespace {

// A module root holding the files hooks and demo data usually name.
const fs::path& moduleRoot()
{
    static const fs::path root = [] {
        fs::path dir = fs::temp_directory_path() / ("pum-fuzz-config-" + std::to_string(::getpid()));
        for (const char* file : {"app/drop_app.sql", "app/create_app.sql", "app/create.py", "demo/a.sql",
                                 "changelogs/1.0.0/01.sql", "uninstall.sql"}) {
            fs::create_directories((dir / file).parent_path());
            std::ofstream(dir / file) << "SELECT 1;\n";
        }
        std::atexit([] { std::error_code ec; fs::remove_all(moduleRoot(), ec); });
        return dir;
    }();
    return root;
}

void values(std::string_view line)
{
    try {
        pum::Version a = pum::Version::parse(line);
        pum::Version b = pum::Version::parse("1.2.3");
        (void)(a < b);
        (void)(a == b);
    } catch (const pum::Error&) {
    }
    for (auto type : {pum::ParameterType::Boolean, pum::ParameterType::Integer, pum::ParameterType::Decimal,
                      pum::ParameterType::Text, pum::ParameterType::Path}) {
        try {
            pum::ParameterValue value = pum::ParameterValue::parse(type, line);
            (void)value.toSqlLiteral();
            (void)(value == pum::ParameterValue::parse(type, line));
        } catch (const pum::Error&) {
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        pum::Config config = pum::Config::loadFromText(text, moduleRoot(), "fuzz.yaml");
        for (const auto& parameter : config.parameters) (void)config.parameter(parameter.name);
    } catch (const pum::Error&) {
    }
    std::size_t start = 0;
    for (int line = 0; line < 8 && start <= text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        values(std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    return 0;
}
