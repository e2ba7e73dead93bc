// libFuzzer target: pum::parseSql on any bytes, with a parameter of each
// type. The first byte picks the options, the first line is the text value
// of {v}, the rest is the SQL. Besides the sanitizers, it checks what must
// hold for any input: only pum::SqlError is thrown, and without
// substitution every statement is its source text, byte for byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pum/base/error.h"
#include "pum/sql/sql.h"

namespace {

pum::ParameterValues parameters(std::string_view text)
{
    using pum::ParameterType;
    using pum::ParameterValue;
    pum::ParameterValues values = {{"n", ParameterValue::parse(ParameterType::Integer, "-7")},
                                   {"srid", ParameterValue::parse(ParameterType::Integer, "2056")},
                                   {"d", ParameterValue::parse(ParameterType::Decimal, "-0.50")},
                                   {"b", ParameterValue::parse(ParameterType::Boolean, "yes")},
                                   {"p", ParameterValue::parse(ParameterType::Path, "/data/a b")},
                                   {"z", ParameterValue::null(ParameterType::Text)}};
    try {
        values.emplace("v", ParameterValue::parse(ParameterType::Text, text));
    } catch (const pum::Error&) {
        values.emplace("v", ParameterValue::parse(ParameterType::Text, "it's $q$ \\ \""));  // a NUL in the line
    }
    return values;
}

void checkStatements(const pum::SqlScript& script, std::string_view sql, bool substitute)
{
    for (const auto& statement : script.statements) {
        if (statement.text.empty() || statement.offsetMap.empty()) std::abort();
        // Every byte maps back to a line of the file.
        for (std::size_t k = 0; k < statement.text.size(); k += 1 + statement.text.size() / 8)
            if (statement.lineAtOffset(k) < statement.line) std::abort();
        statement.lineAtPosition(static_cast<int>(statement.text.size() / 2) + 1);
        if (!substitute && sql.substr(statement.offsetMap.front().second, statement.text.size()) != statement.text)
            std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    pum::SqlOptions options;
    options.substitute = (data[0] & 1) != 0;
    options.refuseTransactionControl = (data[0] & 2) != 0;
    options.firstLine = 1 + (data[0] >> 4);
    std::string_view rest = input.substr(1);
    const std::size_t eol = rest.find('\n');
    const std::string_view value = eol == std::string_view::npos ? std::string_view() : rest.substr(0, eol);
    const std::string_view sql = eol == std::string_view::npos ? rest : rest.substr(eol + 1);
    try {
        checkStatements(pum::parseSql(sql, "fuzz.sql", parameters(value), options), sql, options.substitute);
    } catch (const pum::SqlError& e) {
        if (e.info().line < options.firstLine) std::abort();  // every error names a line of the file
    }
    return 0;
}
