// pum.checker and pum.report_generator on the core's checker: the comparison
// runs in core/src/tools/checker.cpp, the reports are its writers. Reports cross
// the boundary as plain dicts and lists, which pum/checker.py turns into
// pum's result classes (and back, to render a report the caller may have edited).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "binders.h"
#include "caller_connection.h"
#include "pum/tools/checker.h"
#include "pum/db/database.h"
#include "pum/base/error.h"

namespace py = pybind11;

namespace pum::python {

namespace {

const char* typeName(Difference::Type type)
{
    switch (type) {
    case Difference::Type::Removed: return "removed";
    case Difference::Type::Added: return "added";
    case Difference::Type::Changed: return "changed";
    }
    return "";
}

py::dict toDict(const Difference& d)
{
    py::list identity;
    for (const auto& [key, value] : d.identity) identity.append(py::make_tuple(key, value));
    py::dict out;
    out["type"] = typeName(d.type);
    out["object"] = d.object;
    out["first"] = d.first;
    out["second"] = d.second;
    out["identity"] = identity;
    return out;
}

py::dict toDict(const ComparisonReport& report)
{
    py::list checks;
    for (const auto& check : report.checks) {
        py::list differences;
        for (const auto& d : check.differences) differences.append(toDict(d));
        py::dict c;
        c["key"] = check.key;
        c["name"] = check.name;
        c["definition_key"] = checkDefinitionKey(check.key);
        c["differences"] = differences;
        checks.append(c);
    }
    py::dict out;
    out["timestamp"] = report.timestamp;
    out["checks"] = checks;
    return out;
}

// One of pum's DifferenceItem, given as (type, object, content): content is a
// dict of name parts plus the definition under the kind's key, or a string.
Difference fromItem(const std::string& kind, const py::handle& item)
{
    const auto [type, object, content] = item.cast<std::tuple<std::string, std::string, py::object>>();
    Difference d;
    if (type != "removed" && type != "added")
        throw CommandError("difference type \"" + type + "\" of " + kind + ": expected \"added\" or \"removed\"");
    d.type = type == "removed" ? Difference::Type::Removed : Difference::Type::Added;
    std::string definition;
    if (py::isinstance<py::dict>(content)) {
        std::string definitionKey;
        try {
            definitionKey = checkDefinitionKey(kind);
        } catch (const Error&) {
            // a kind of the caller's own: every entry is a name part
        }
        for (auto entry : content.cast<py::dict>()) {
            const std::string key = py::str(entry.first);
            const std::string value = entry.second.is_none() ? "" : std::string(py::str(entry.second));
            if (key == definitionKey)
                definition = value;
            else
                d.identity.emplace_back(key, value);
        }
    } else if (object.empty()) {
        d.object = py::str(content);  // a free text names the object itself
    } else {
        definition = py::str(content);
    }
    if (!object.empty()) d.object = object;
    if (d.object.empty())
        for (const auto& part : d.identity) d.object += (d.object.empty() ? "" : ".") + part.second;
    if (d.object.empty()) d.object = definition;
    (d.type == Difference::Type::Removed ? d.first : d.second) = definition;
    return d;
}

// The caller's report (pg_connection1, pg_connection2, timestamp, [(key,
// name, [items])]) as the core's, a removed and an added item on one object
// merged into one change.
ComparisonReport fromPython(const std::string& first, const std::string& second, const std::string& timestamp,
                            const py::list& checks)
{
    ComparisonReport report;
    report.first = first;
    report.second = second;
    report.timestamp = timestamp;
    for (auto check : checks) {
        const auto [key, name, items] = check.cast<std::tuple<std::string, std::string, py::list>>();
        CheckResult result;
        result.key = key;
        result.name = name;
        for (auto item : items) result.differences.push_back(fromItem(key, item));
        mergeChanges(result);
        report.checks.push_back(std::move(result));
    }
    return report;
}

void bindChecker(py::module_& m)
{
    m.def(
        "compare_databases",
        [](py::object connection1, py::object connection2, std::vector<std::string> excludeSchemas,
           std::vector<std::string> excludeFieldPatterns, std::vector<std::string> ignore) {
            Connection first = callerConnection(connection1, false);
            Connection second = callerConnection(connection2, false);
            CheckOptions options{std::move(ignore), std::move(excludeSchemas), std::move(excludeFieldPatterns)};
            ComparisonReport report;
            {
                py::gil_scoped_release nogil;
                report = compareDatabases(first, second, options);
            }
            return toDict(report);
        },
        py::arg("connection1"), py::arg("connection2"), py::arg("exclude_schemas"), py::arg("exclude_field_patterns"),
        py::arg("ignore"),
        "Compares the structure of two databases (psycopg connections); returns the core's report as a dict.");

    m.def(
        "render_check_report",
        [](const std::string& format, const std::string& first, const std::string& second,
           const std::string& timestamp, const py::list& checks) {
            const ComparisonReport report = fromPython(first, second, timestamp, checks);
            if (format == "text") return reportText(report);
            if (format == "json") return reportJson(report);
            if (format == "html") return reportHtml(report);
            throw CommandError("unknown report format \"" + format + "\" (text, json or html)");
        },
        py::arg("format"), py::arg("pg_connection1"), py::arg("pg_connection2"), py::arg("timestamp"),
        py::arg("checks"), "A comparison report as text, JSON or HTML, by the core's report writers.");

    m.def("check_kinds", [] { return checkKinds(); });
    // pum's Checker and Dumper take a service name or a connection string.
    m.def("connection_info", &connectionInfo, py::arg("spec"),
          "The libpq conninfo for a service name, URI or key=value string (a bare word is a service).");
}

const Binder binder("checker", 50, &bindChecker);

}  // namespace

}  // namespace pum::python
