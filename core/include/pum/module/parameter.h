#pragma once
// Module parameters: their declaration in `.pum.yaml`, typed values, and how a
// value is written into SQL as a literal.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pum {

enum class ParameterType { Boolean, Integer, Text, Decimal, Path };

std::string_view toString(ParameterType type);                       // "boolean", "integer", ...
std::optional<ParameterType> parameterTypeFromString(std::string_view name);

// A typed value. Stored as canonical text: "true"/"false" for booleans, the
// decimal digits of an integer (int64), the digits of a decimal as written
// (e.g. "1.50", no exponent), the raw text for text and path. Or NULL.
class ParameterValue {
public:
    ParameterValue() = default;  // NULL of type text
    static ParameterValue null(ParameterType type);
    // Parses `text` as `type`. Throws ParameterError (empty name) whose message
    // says what was expected, e.g. "'abc' is not an integer".
    // Booleans accept true/false, yes/no, on/off, 1/0 (any case).
    static ParameterValue parse(ParameterType type, std::string_view text);

    ParameterType type() const { return type_; }
    bool isNull() const { return null_; }
    const std::string& text() const { return text_; }

    // The value as a SQL literal usable anywhere an expression is:
    // 2056, true, 'it''s', E'a\\b', 1.50, NULL. Negative numbers get a
    // leading space (" -5") so that "1-{n}" can never become a "--" comment.
    std::string toSqlLiteral() const;
    // The value as a JSON value for the migration table's `parameters` column:
    // number for integer and decimal, true/false, string for text and path, null.
    std::string toJson() const;

    friend bool operator==(const ParameterValue& a, const ParameterValue& b);
    friend bool operator!=(const ParameterValue& a, const ParameterValue& b) { return !(a == b); }

private:
    ParameterType type_ = ParameterType::Text;
    bool null_ = true;
    std::string text_;
};

struct ParameterDefinition {
    std::string name;
    ParameterType type = ParameterType::Text;
    std::optional<ParameterValue> defaultValue;
    std::string description;
    std::vector<ParameterValue> values;  // allowed values; empty = any
    bool appOnly = false;                // may change between install and upgrade
    int line = 0;                        // line of the declaration in .pum.yaml
};

// Parameter values by name (ordered, so logs and JSON are stable).
using ParameterValues = std::map<std::string, ParameterValue>;

// A value that fits wherever `{name}` may stand, for checking SQL without the
// real one: the first of its `values`, else 0, false or 'x' by its type.
ParameterValue neutralValue(const ParameterDefinition& definition);

// Converts user-given texts (from `-p NAME VALUE`, a form...) by declared type,
// checks them against `values`, fills defaults (NULL when there is none).
// Throws ParameterError naming the parameter for undeclared names, values that
// don't parse, and values outside `values`.
ParameterValues resolveParameters(const std::vector<ParameterDefinition>& definitions,
                                  const std::map<std::string, std::string>& given);

// Same, from already typed values (API users); values are re-checked.
ParameterValues resolveParameters(const std::vector<ParameterDefinition>& definitions,
                                  const ParameterValues& given);

// Reads the `parameters` JSON stored in the migration table back as typed
// values (accepts numbers or strings, as pum wrote them). Unknown names are kept as text.
ParameterValues parametersFromJson(const std::vector<ParameterDefinition>& definitions,
                                   const std::string& json);
// JSON object {"name": value, ...} of all values.
std::string parametersToJson(const ParameterValues& values);

}  // namespace pum
