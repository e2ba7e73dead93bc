#include "pum/module/parameter.h"

#include <cctype>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "pum/base/error.h"
#include "base/ascii.h"

namespace pum {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Quotes a value for an error message, keeping it on one line and short.
std::string shown(std::string_view text)
{
    std::string out = "'";
    std::size_t n = 0;
    for (char c : text) {
        if (++n > 80) {
            out += "...";
            break;
        }
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\0') out += "\\0";
        else out += c;
    }
    return out + "'";
}

std::string_view article(ParameterType type)
{
    return type == ParameterType::Integer ? "an integer" : type == ParameterType::Boolean ? "a boolean" : "a decimal";
}

// Canonical digits of an int64, or nullopt. Accepts an optional sign; leading
// zeros are dropped as Python's int() does.
std::optional<std::string> canonicalInteger(std::string_view text)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    std::uint64_t value = 0;
    const std::uint64_t limit = negative ? std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1
                                         : std::uint64_t(std::numeric_limits<std::int64_t>::max());
    for (; i < text.size(); ++i) {
        if (!isDigit(text[i])) return std::nullopt;
        unsigned digit = static_cast<unsigned>(text[i] - '0');
        if (value > (limit - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    if (value == 0) return std::string("0");
    return (negative ? "-" : "") + std::to_string(value);
}

// Canonical text of a decimal `[+-]digits[.digits]` (also `.5` and `5.`), or
// nullopt. Keeps the digits as written (1.50 stays 1.50) but writes it as a
// valid JSON number: no '+', no leading zeros, no bare '.'.
std::optional<std::string> canonicalDecimal(std::string_view text)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::size_t intStart = i;
    while (i < text.size() && isDigit(text[i])) ++i;
    std::string_view intPart = text.substr(intStart, i - intStart);
    std::string_view fracPart;
    if (i < text.size() && text[i] == '.') {
        std::size_t fracStart = ++i;
        while (i < text.size() && isDigit(text[i])) ++i;
        fracPart = text.substr(fracStart, i - fracStart);
    }
    if (i != text.size() || (intPart.empty() && fracPart.empty())) return std::nullopt;
    while (intPart.size() > 1 && intPart.front() == '0') intPart.remove_prefix(1);
    std::string out = negative ? "-" : "";
    out += intPart.empty() ? "0" : std::string(intPart);
    if (!fracPart.empty()) out += "." + std::string(fracPart);
    return out;
}

// Turns a JSON number written with an exponent (Python writes 1e-05) into
// plain digits, exactly; returns the text unchanged when there is no exponent.
std::optional<std::string> plainDecimalFromJson(std::string_view text)
{
    auto e = text.find_first_of("eE");
    if (e == std::string_view::npos) return canonicalDecimal(text);
    auto mantissa = canonicalDecimal(text.substr(0, e));
    auto exponentText = canonicalInteger(text.substr(e + 1));
    if (!mantissa || !exponentText || exponentText->size() > 4) return std::nullopt;
    long exponent = std::stol(*exponentText);
    std::string m = *mantissa;
    bool negative = !m.empty() && m[0] == '-';
    if (negative) m.erase(0, 1);
    auto point = m.find('.');
    std::string digits = point == std::string::npos ? m : m.substr(0, point) + m.substr(point + 1);
    long pointPos = static_cast<long>(point == std::string::npos ? m.size() : point) + exponent;
    if (pointPos <= 0) {
        digits = std::string(static_cast<std::size_t>(-pointPos), '0') + digits;
        pointPos = 0;
    } else if (pointPos > static_cast<long>(digits.size())) {
        digits += std::string(static_cast<std::size_t>(pointPos) - digits.size(), '0');
    }
    std::string result = digits.substr(0, static_cast<std::size_t>(pointPos));
    std::string fraction = digits.substr(static_cast<std::size_t>(pointPos));
    if (!fraction.empty()) result += "." + fraction;
    return canonicalDecimal((negative ? "-" : "") + result);
}

std::optional<bool> parseBoolean(std::string_view text)
{
    for (std::string_view t : {"true", "yes", "on", "1", "t"})
        if (detail::asciiEqualsIgnoreCase(text, t)) return true;
    for (std::string_view f : {"false", "no", "off", "0", "f"})
        if (detail::asciiEqualsIgnoreCase(text, f)) return false;
    return std::nullopt;
}

// Decimals compare by value, so that 1.5, 1.50 and a stored 1.5 agree.
std::string decimalKey(const std::string& text)
{
    std::string s = text;
    bool negative = !s.empty() && s[0] == '-';
    if (negative) s.erase(0, 1);
    if (auto point = s.find('.'); point != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "0" || s.empty()) return "0";
    return (negative ? "-" : "") + s;
}

void appendJsonString(std::string& out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// The canonical text of `text` as `type`, or the reason it is refused.
struct Canonical {
    std::optional<std::string> text;
    std::string error;
};

Canonical canonicalText(ParameterType type, std::string_view text)
{
    std::optional<std::string> canonical;
    switch (type) {
    case ParameterType::Integer: canonical = canonicalInteger(text); break;
    case ParameterType::Decimal: canonical = canonicalDecimal(text); break;
    case ParameterType::Boolean:
        if (auto b = parseBoolean(text)) canonical = *b ? "true" : "false";
        break;
    case ParameterType::Text:
    case ParameterType::Path:
        // A NUL cannot travel through libpq and would cut the SQL short.
        if (text.find('\0') != std::string_view::npos) return {std::nullopt, shown(text) + " contains a NUL character"};
        return {std::string(text), ""};
    }
    if (!canonical) return {std::nullopt, shown(text) + " is not " + std::string(article(type))};
    return {std::move(canonical), ""};
}

// Parses, returning the error message instead of throwing, so that callers can
// prefix the parameter's name.
std::optional<std::string> tryParse(ParameterType type, std::string_view text, ParameterValue& out)
{
    auto canonical = canonicalText(type, text);
    if (!canonical.text) return canonical.error;
    out = ParameterValue::parse(type, *canonical.text);
    return std::nullopt;
}

std::string declaredList(const std::vector<ParameterDefinition>& definitions)
{
    std::string out;
    for (const auto& d : definitions) out += (out.empty() ? "" : ", ") + d.name;
    return out.empty() ? "none" : out;
}

const ParameterDefinition* findDefinition(const std::vector<ParameterDefinition>& definitions, const std::string& name)
{
    for (const auto& d : definitions)
        if (d.name == name) return &d;
    return nullptr;
}

void checkAllowed(const ParameterDefinition& definition, const ParameterValue& value)
{
    if (definition.values.empty() || value.isNull()) return;
    std::string allowed;
    for (const auto& v : definition.values) {
        if (v == value) return;
        allowed += (allowed.empty() ? "" : ", ") + (v.isNull() ? std::string("NULL") : v.text());
    }
    throw ParameterError(definition.name,
                         "parameter '" + definition.name + "': " + shown(value.text()) + " is not one of: " + allowed);
}

ParameterValue convert(const ParameterDefinition& definition, std::string_view text)
{
    ParameterValue value;
    if (auto error = tryParse(definition.type, text, value))
        throw ParameterError(definition.name, "parameter '" + definition.name + "': " + *error);
    return value;
}

template <typename Given, typename Convert>
ParameterValues resolve(const std::vector<ParameterDefinition>& definitions, const Given& given, Convert convertOne)
{
    for (const auto& [name, _] : given)
        if (!findDefinition(definitions, name))
            throw ParameterError(name, "unknown parameter '" + name + "' (declared: " + declaredList(definitions) + ")");
    ParameterValues result;
    for (const auto& definition : definitions) {
        auto it = given.find(definition.name);
        ParameterValue value;
        if (it != given.end()) value = convertOne(definition, it->second);
        else value = definition.defaultValue ? *definition.defaultValue : ParameterValue::null(definition.type);
        checkAllowed(definition, value);
        result[definition.name] = value;
    }
    return result;
}

// The top-level scalars of a JSON object, with numbers as their exact text
// (nlohmann's DOM would turn 1.50 into a double).
struct JsonScalar {
    enum Kind { Null, Bool, Number, String, Composite } kind = Null;
    std::string text;
};

class TopLevelCollector : public nlohmann::json_sax<nlohmann::json> {
public:
    std::map<std::string, JsonScalar> values;
    std::string error;

    bool null() override { return put({JsonScalar::Null, ""}); }
    bool boolean(bool v) override { return put({JsonScalar::Bool, v ? "true" : "false"}); }
    bool number_integer(number_integer_t v) override { return put({JsonScalar::Number, std::to_string(v)}); }
    bool number_unsigned(number_unsigned_t v) override { return put({JsonScalar::Number, std::to_string(v)}); }
    bool number_float(number_float_t, const string_t& s) override { return put({JsonScalar::Number, s}); }
    bool string(string_t& v) override { return put({JsonScalar::String, v}); }
    bool binary(binary_t&) override { return put({JsonScalar::Composite, ""}); }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override
    {
        if (depth_ == 0) {
            error = "not a JSON object";
            return false;
        }
        return open();
    }
    bool end_array() override { return close(); }
    bool key(string_t& k) override
    {
        if (depth_ == 1) key_ = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override
    {
        error = e.what();
        return false;
    }

private:
    int depth_ = 0;
    std::string key_;

    bool put(JsonScalar v)
    {
        if (depth_ == 0) {
            error = "not a JSON object";
            return false;
        }
        if (depth_ == 1) values[key_] = std::move(v);
        return true;
    }
    bool open()
    {
        if (depth_ == 1) values[key_] = {JsonScalar::Composite, ""};
        ++depth_;
        return true;
    }
    bool close()
    {
        --depth_;
        return true;
    }
};

}  // namespace

std::string_view toString(ParameterType type)
{
    switch (type) {
    case ParameterType::Boolean: return "boolean";
    case ParameterType::Integer: return "integer";
    case ParameterType::Text: return "text";
    case ParameterType::Decimal: return "decimal";
    case ParameterType::Path: return "path";
    }
    return "text";
}

std::optional<ParameterType> parameterTypeFromString(std::string_view name)
{
    for (auto type : {ParameterType::Boolean, ParameterType::Integer, ParameterType::Text, ParameterType::Decimal,
                      ParameterType::Path})
        if (toString(type) == name) return type;
    return std::nullopt;
}

ParameterValue ParameterValue::null(ParameterType type)
{
    ParameterValue value;
    value.type_ = type;
    return value;
}

ParameterValue ParameterValue::parse(ParameterType type, std::string_view text)
{
    auto canonical = canonicalText(type, text);
    if (!canonical.text) throw ParameterError("", canonical.error);
    ParameterValue value;
    value.type_ = type;
    value.null_ = false;
    value.text_ = std::move(*canonical.text);
    return value;
}

std::string ParameterValue::toSqlLiteral() const
{
    if (null_) return "NULL";
    switch (type_) {
    case ParameterType::Boolean: return text_;
    case ParameterType::Integer:
    case ParameterType::Decimal:
        // "1-{n}" with n = -5 must not become the comment "1--5".
        return text_[0] == '-' ? " " + text_ : text_;
    case ParameterType::Text:
    case ParameterType::Path: break;
    }
    // With a backslash, an E'' literal means the same whatever
    // standard_conforming_strings is; without one, a plain literal is clearer.
    bool escape = text_.find('\\') != std::string::npos;
    std::string out = escape ? "E'" : "'";
    out.reserve(text_.size() + 3);
    for (char c : text_) {
        if (c == '\'' || (escape && c == '\\')) out += c;
        out += c;
    }
    return out + "'";
}

std::string ParameterValue::toJson() const
{
    if (null_) return "null";
    switch (type_) {
    case ParameterType::Boolean:
    case ParameterType::Integer:
    case ParameterType::Decimal: return text_;
    case ParameterType::Text:
    case ParameterType::Path: break;
    }
    std::string out;
    appendJsonString(out, text_);
    return out;
}

bool operator==(const ParameterValue& a, const ParameterValue& b)
{
    if (a.type_ != b.type_ || a.null_ != b.null_) return false;
    if (a.null_) return true;
    if (a.type_ == ParameterType::Decimal) return decimalKey(a.text_) == decimalKey(b.text_);
    return a.text_ == b.text_;
}

ParameterValue neutralValue(const ParameterDefinition& definition)
{
    if (!definition.values.empty()) return definition.values.front();
    switch (definition.type) {
    case ParameterType::Boolean: return ParameterValue::parse(definition.type, "false");
    case ParameterType::Integer:
    case ParameterType::Decimal: return ParameterValue::parse(definition.type, "0");
    case ParameterType::Text:
    case ParameterType::Path: break;
    }
    return ParameterValue::parse(definition.type, "x");
}

ParameterValues resolveParameters(const std::vector<ParameterDefinition>& definitions,
                                  const std::map<std::string, std::string>& given)
{
    return resolve(definitions, given,
                   [](const ParameterDefinition& d, const std::string& text) { return convert(d, text); });
}

ParameterValues resolveParameters(const std::vector<ParameterDefinition>& definitions, const ParameterValues& given)
{
    return resolve(definitions, given, [](const ParameterDefinition& d, const ParameterValue& v) {
        if (v.isNull()) return ParameterValue::null(d.type);
        if (v.type() == d.type) return v;
        // A value of another type (e.g. text "2056" for an integer) is converted by its text.
        return convert(d, v.text());
    });
}

ParameterValues parametersFromJson(const std::vector<ParameterDefinition>& definitions, const std::string& json)
{
    // Rows written before parameters were recorded hold NULL.
    std::string_view trimmed = json;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
    if (trimmed.empty() || trimmed == "null") return {};
    TopLevelCollector collector;
    if (!nlohmann::json::sax_parse(json, &collector) || !collector.error.empty())
        throw ParameterError("", "stored parameters are not a JSON object: " +
                                     (collector.error.empty() ? std::string("invalid JSON") : collector.error));
    ParameterValues result;
    nlohmann::json dom;  // only for values that are not scalars, which pum never wrote
    for (const auto& [name, scalar] : collector.values) {
        const ParameterDefinition* definition = findDefinition(definitions, name);
        ParameterType type = definition ? definition->type : ParameterType::Text;
        if (scalar.kind == JsonScalar::Null) {
            result[name] = ParameterValue::null(type);
            continue;
        }
        std::string text = scalar.text;
        if (scalar.kind == JsonScalar::Composite) {
            if (dom.is_null()) dom = nlohmann::json::parse(json);
            text = dom.at(name).dump();
        }
        if (!definition) {
            result[name] = ParameterValue::parse(ParameterType::Text, text);
            continue;
        }
        if (scalar.kind == JsonScalar::Number && type != ParameterType::Text && type != ParameterType::Path) {
            // Python wrote floats as repr(): 1e-05, 2056.0.
            auto plain = plainDecimalFromJson(text);
            if (plain && type == ParameterType::Integer) {
                auto point = plain->find('.');
                if (point != std::string::npos && plain->find_first_not_of('0', point + 1) == std::string::npos)
                    plain->erase(point);
            }
            if (plain && type == ParameterType::Boolean && (*plain == "0" || *plain == "1")) text = *plain;
            else if (plain && type != ParameterType::Boolean) text = *plain;
        }
        ParameterValue value;
        if (auto error = tryParse(type, text, value))
            throw ParameterError(name, "stored parameter '" + name + "': " + *error);
        result[name] = value;
    }
    return result;
}

std::string parametersToJson(const ParameterValues& values)
{
    std::string out = "{";
    bool first = true;
    for (const auto& [name, value] : values) {
        if (!first) out += ", ";
        first = false;
        appendJsonString(out, name);
        out += ": ";
        out += value.toJson();
    }
    return out + "}";
}

}  // namespace pum
