#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pum/base/error.h"
#include "pum/module/parameter.h"

using namespace pum;
using ::testing::HasSubstr;

namespace {

std::string parseError(ParameterType type, std::string_view text)
{
    try {
        ParameterValue::parse(type, text);
    } catch (const ParameterError& e) {
        return e.what();
    }
    return "<accepted>";
}

template <typename F>
std::string errorOf(F f)
{
    try {
        f();
    } catch (const ParameterError& e) {
        return e.what();
    }
    return "<no error>";
}

ParameterDefinition def(std::string name, ParameterType type, std::optional<std::string> defaultValue = {},
                        std::vector<std::string> values = {})
{
    ParameterDefinition d;
    d.name = std::move(name);
    d.type = type;
    if (defaultValue) d.defaultValue = ParameterValue::parse(type, *defaultValue);
    for (const auto& v : values) d.values.push_back(ParameterValue::parse(type, v));
    return d;
}

}  // namespace

TEST(ParameterType, NamesRoundTrip)
{
    for (auto t : {ParameterType::Boolean, ParameterType::Integer, ParameterType::Text, ParameterType::Decimal,
                   ParameterType::Path})
        EXPECT_EQ(parameterTypeFromString(toString(t)), t);
    EXPECT_EQ(toString(ParameterType::Decimal), "decimal");
    EXPECT_FALSE(parameterTypeFromString("float").has_value());
    EXPECT_FALSE(parameterTypeFromString("").has_value());
}

TEST(ParameterValue, DefaultIsTextNull)
{
    ParameterValue v;
    EXPECT_TRUE(v.isNull());
    EXPECT_EQ(v.type(), ParameterType::Text);
    EXPECT_EQ(v.toSqlLiteral(), "NULL");
    EXPECT_EQ(v.toJson(), "null");
    EXPECT_EQ(ParameterValue::null(ParameterType::Integer).toSqlLiteral(), "NULL");
    EXPECT_EQ(ParameterValue::null(ParameterType::Integer).type(), ParameterType::Integer);
}

TEST(ParameterValue, Integers)
{
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "2056").toSqlLiteral(), "2056");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "007").text(), "7");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "+12").text(), "12");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "-0").text(), "0");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "-5").toSqlLiteral(), " -5");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "-5").toJson(), "-5");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "9223372036854775807").text(), "9223372036854775807");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Integer, "-9223372036854775808").text(), "-9223372036854775808");
    EXPECT_EQ(parseError(ParameterType::Integer, "abc"), "'abc' is not an integer");
    for (const char* bad : {"", "-", "+", "1.0", "1e3", " 1", "1 ", "0x10", "9223372036854775808",
                            "-9223372036854775809", "12a", "--1"})
        EXPECT_THAT(parseError(ParameterType::Integer, bad), HasSubstr("is not an integer")) << bad;
}

TEST(ParameterValue, Decimals)
{
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "1.50").toSqlLiteral(), "1.50");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "1.50").toJson(), "1.50");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "3").text(), "3");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, ".5").text(), "0.5");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "5.").text(), "5");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "-.5").text(), "-0.5");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "00.25").text(), "0.25");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "-2.5").toSqlLiteral(), " -2.5");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Decimal, "123456789012345678901234567890.000000000000001").text(),
              "123456789012345678901234567890.000000000000001");
    for (const char* bad : {"", ".", "-", "NaN", "nan", "inf", "-Infinity", "1e5", "1.5e3", "1.2.3", "1,5", " 1.5",
                            "0x1p3", "1.5f"})
        EXPECT_THAT(parseError(ParameterType::Decimal, bad), HasSubstr("is not a decimal")) << bad;
}

TEST(ParameterValue, DecimalsCompareByValue)
{
    auto d = [](const char* t) { return ParameterValue::parse(ParameterType::Decimal, t); };
    EXPECT_EQ(d("1.5"), d("1.50"));
    EXPECT_EQ(d("1"), d("1.0"));
    EXPECT_EQ(d("0"), d("-0.0"));
    EXPECT_NE(d("1.5"), d("15"));
    EXPECT_NE(d("10"), d("1"));
    EXPECT_NE(d("-1"), d("1"));
}

TEST(ParameterValue, Booleans)
{
    for (const char* t : {"true", "TRUE", "Yes", "on", "1", "t", "T"}) {
        auto v = ParameterValue::parse(ParameterType::Boolean, t);
        EXPECT_EQ(v.text(), "true") << t;
        EXPECT_EQ(v.toSqlLiteral(), "true");
        EXPECT_EQ(v.toJson(), "true");
    }
    for (const char* f : {"false", "False", "NO", "off", "0", "f"})
        EXPECT_EQ(ParameterValue::parse(ParameterType::Boolean, f).toSqlLiteral(), "false") << f;
    for (const char* bad : {"", "maybe", "2", "truee", "yes "})
        EXPECT_THAT(parseError(ParameterType::Boolean, bad), HasSubstr("is not a boolean")) << bad;
}

TEST(ParameterValue, TextLiterals)
{
    auto text = [](std::string_view t) { return ParameterValue::parse(ParameterType::Text, t).toSqlLiteral(); };
    EXPECT_EQ(text("abc"), "'abc'");
    EXPECT_EQ(text(""), "''");
    EXPECT_EQ(text("it's"), "'it''s'");
    EXPECT_EQ(text("a\\b"), "E'a\\\\b'");
    EXPECT_EQ(text("a\\'b"), "E'a\\\\''b'");
    EXPECT_EQ(text("\\"), "E'\\\\'");
    EXPECT_EQ(text("'); DROP TABLE x; --"), "'''); DROP TABLE x; --'");
    EXPECT_EQ(text("line1\nline2"), "'line1\nline2'");
    EXPECT_EQ(text("été"), "'été'");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Path, "C:\\data\\x.tif").toSqlLiteral(), "E'C:\\\\data\\\\x.tif'");
    EXPECT_EQ(ParameterValue::parse(ParameterType::Path, "/tmp/x").type(), ParameterType::Path);
    EXPECT_THAT(parseError(ParameterType::Text, std::string_view("a\0b", 3)), HasSubstr("NUL"));
}

TEST(ParameterValue, TextJson)
{
    auto json = [](std::string_view t) { return ParameterValue::parse(ParameterType::Text, t).toJson(); };
    EXPECT_EQ(json("abc"), "\"abc\"");
    EXPECT_EQ(json("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(json("l1\nl2\t\x01"), "\"l1\\nl2\\t\\u0001\"");
    EXPECT_EQ(json("été"), "\"été\"");
}

TEST(ParameterValue, Equality)
{
    EXPECT_EQ(ParameterValue::parse(ParameterType::Text, "a"), ParameterValue::parse(ParameterType::Text, "a"));
    EXPECT_NE(ParameterValue::parse(ParameterType::Text, "a"), ParameterValue::parse(ParameterType::Path, "a"));
    EXPECT_NE(ParameterValue::parse(ParameterType::Text, ""), ParameterValue::null(ParameterType::Text));
    EXPECT_EQ(ParameterValue::null(ParameterType::Integer), ParameterValue::null(ParameterType::Integer));
    EXPECT_EQ(ParameterValue::parse(ParameterType::Boolean, "yes"), ParameterValue::parse(ParameterType::Boolean, "1"));
}

TEST(ResolveParameters, ConvertsFillsDefaultsAndChecks)
{
    std::vector<ParameterDefinition> defs = {def("srid", ParameterType::Integer, "2056"),
                                             def("lang", ParameterType::Text, "fr", {"de", "fr", "it"}),
                                             def("ratio", ParameterType::Decimal),
                                             def("demo", ParameterType::Boolean, "false")};
    auto values = resolveParameters(defs, std::map<std::string, std::string>{{"srid", "21781"}, {"demo", "yes"}});
    ASSERT_EQ(values.size(), 4u);
    EXPECT_EQ(values.at("srid").toSqlLiteral(), "21781");
    EXPECT_EQ(values.at("lang").toSqlLiteral(), "'fr'");
    EXPECT_TRUE(values.at("ratio").isNull());
    EXPECT_EQ(values.at("ratio").type(), ParameterType::Decimal);
    EXPECT_EQ(values.at("demo").text(), "true");

    using M = std::map<std::string, std::string>;
    EXPECT_EQ(errorOf([&] { resolveParameters(defs, M{{"srid", "abc"}}); }), "parameter 'srid': 'abc' is not an integer");
    EXPECT_EQ(errorOf([&] { resolveParameters(defs, M{{"lang", "xx"}}); }),
              "parameter 'lang': 'xx' is not one of: de, fr, it");
    EXPECT_EQ(errorOf([&] { resolveParameters(defs, M{{"foo", "1"}}); }),
              "unknown parameter 'foo' (declared: srid, lang, ratio, demo)");
    EXPECT_EQ(errorOf([&] { resolveParameters({}, M{{"foo", "1"}}); }), "unknown parameter 'foo' (declared: none)");
    try {
        resolveParameters(defs, M{{"srid", "x"}});
        FAIL();
    } catch (const ParameterError& e) {
        EXPECT_EQ(e.name(), "srid");
    }
}

TEST(ResolveParameters, TypedValuesAreRechecked)
{
    std::vector<ParameterDefinition> defs = {def("srid", ParameterType::Integer),
                                             def("lang", ParameterType::Text, "fr", {"de", "fr"})};
    ParameterValues given{{"srid", ParameterValue::parse(ParameterType::Text, "2056")}};
    auto values = resolveParameters(defs, given);
    EXPECT_EQ(values.at("srid").type(), ParameterType::Integer);
    EXPECT_EQ(values.at("srid").text(), "2056");
    EXPECT_EQ(values.at("lang").text(), "fr");
    EXPECT_EQ(errorOf([&] {
                  resolveParameters(defs, ParameterValues{{"srid", ParameterValue::parse(ParameterType::Text, "x")}});
              }),
              "parameter 'srid': 'x' is not an integer");
    EXPECT_EQ(errorOf([&] {
                  resolveParameters(defs, ParameterValues{{"lang", ParameterValue::parse(ParameterType::Text, "it")}});
              }),
              "parameter 'lang': 'it' is not one of: de, fr");
    EXPECT_THAT(errorOf([&] { resolveParameters(defs, ParameterValues{{"x", ParameterValue()}}); }),
                HasSubstr("unknown parameter 'x'"));
    auto nulls = resolveParameters(defs, ParameterValues{{"srid", ParameterValue()}});
    EXPECT_TRUE(nulls.at("srid").isNull());
    EXPECT_EQ(nulls.at("srid").type(), ParameterType::Integer);
}

TEST(ParametersJson, RoundTrip)
{
    std::vector<ParameterDefinition> defs = {def("srid", ParameterType::Integer), def("ratio", ParameterType::Decimal),
                                             def("demo", ParameterType::Boolean), def("name", ParameterType::Text),
                                             def("dir", ParameterType::Path), def("none", ParameterType::Text)};
    ParameterValues values{{"srid", ParameterValue::parse(ParameterType::Integer, "-2056")},
                           {"ratio", ParameterValue::parse(ParameterType::Decimal, "1.50")},
                           {"demo", ParameterValue::parse(ParameterType::Boolean, "on")},
                           {"name", ParameterValue::parse(ParameterType::Text, "it's \"q\" \\ é\n")},
                           {"dir", ParameterValue::parse(ParameterType::Path, "C:\\x")},
                           {"none", ParameterValue::null(ParameterType::Text)}};
    std::string json = parametersToJson(values);
    EXPECT_EQ(json,
              "{\"demo\": true, \"dir\": \"C:\\\\x\", \"name\": \"it's \\\"q\\\" \\\\ é\\n\", \"none\": null, "
              "\"ratio\": 1.50, \"srid\": -2056}");
    auto back = parametersFromJson(defs, json);
    EXPECT_EQ(back, values);
    EXPECT_EQ(back.at("ratio").text(), "1.50");  // exact digits, not a double
    EXPECT_EQ(parametersToJson({}), "{}");
}

TEST(ParametersJson, ReadsWhatPumWrote)
{
    std::vector<ParameterDefinition> defs = {def("srid", ParameterType::Integer), def("ratio", ParameterType::Decimal),
                                             def("small", ParameterType::Decimal), def("demo", ParameterType::Boolean),
                                             def("lang", ParameterType::Text)};
    // Python's json.dumps: floats as repr (2056.0, 1e-05), strings for some values.
    auto v = parametersFromJson(
        defs, R"({"srid": 2056.0, "ratio": 0.1, "small": 1e-05, "demo": "true", "lang": "fr", "old": 3, "x": [1, 2]})");
    EXPECT_EQ(v.at("srid").text(), "2056");
    EXPECT_EQ(v.at("ratio").text(), "0.1");
    EXPECT_EQ(v.at("small").text(), "0.00001");
    EXPECT_EQ(v.at("demo").text(), "true");
    EXPECT_EQ(v.at("lang").text(), "fr");
    EXPECT_EQ(v.at("old").type(), ParameterType::Text);  // unknown names kept as text
    EXPECT_EQ(v.at("old").text(), "3");
    EXPECT_EQ(v.at("x").text(), "[1,2]");
    EXPECT_EQ(parametersFromJson(defs, R"({"srid": "2056", "big": 1.5E+3})").at("big").text(), "1.5E+3");
    EXPECT_EQ(parametersFromJson(defs, R"({"ratio": 1.5E+3})").at("ratio").text(), "1500");
    EXPECT_EQ(parametersFromJson(defs, R"({"demo": 1})").at("demo").text(), "true");
    EXPECT_EQ(parametersFromJson(defs, "{}").size(), 0u);
    EXPECT_EQ(parametersFromJson(defs, "").size(), 0u);       // rows from before parameters were recorded
    EXPECT_EQ(parametersFromJson(defs, " null\n").size(), 0u);
    EXPECT_THAT(errorOf([&] { parametersFromJson(defs, R"({"srid": 1.5})"); }), HasSubstr("srid"));
    EXPECT_THAT(errorOf([&] { parametersFromJson(defs, "[1]"); }), HasSubstr("not a JSON object"));
    EXPECT_THAT(errorOf([&] { parametersFromJson(defs, "{\"a\": "); }), HasSubstr("not a JSON object"));
}
