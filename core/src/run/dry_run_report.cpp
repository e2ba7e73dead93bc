// The dry run's report as text, JSON and HTML.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pum/run/dry_run.h"
#include "base/text.h"

namespace pum {

using detail::html;

namespace {

std::string secondsText(double s)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f s", s);
    return buffer;
}

// The first line of a definition, marked when there is more (function bodies).
std::string firstLine(const std::string& s)
{
    const auto nl = s.find('\n');
    std::string line = s.substr(0, nl);
    if (line.size() > 120) return line.substr(0, 117) + "...";
    return nl == std::string::npos ? line : line + " ...";
}

std::string versionsText(const std::vector<Version>& versions)
{
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ", ") + v.toString();
    return out.empty() ? "none" : out;
}

std::string title(const DryRunReport& r)
{
    std::string t = "Dry run of the " + r.command + " of " + r.module;
    if (r.from) t += " from " + r.from->toString();
    if (r.to) t += " to " + r.to->toString();
    return t + " in " + r.database;
}

}  // namespace

std::string dryRunText(const DryRunReport& r)
{
    std::ostringstream out;
    out << title(r) << ": nothing was changed (rolled back)\n";
    out << "versions that would be applied: " << versionsText(r.versions) << "\n";
    out << "steps (" << r.statements << " statements in " << secondsText(r.seconds) << "):\n";
    for (const auto& step : r.steps) {
        char line[64];
        std::snprintf(line, sizeof line, "  %10s %7zu  ", secondsText(step.seconds).c_str(), step.statements);
        out << line << step.label << "\n";
    }
    const std::size_t changes = r.schemaChanges.differenceCount();
    out << "schema changes (" << changes << "):" << (changes == 0 ? " none\n" : "\n");
    for (const auto& check : r.schemaChanges.checks) {
        if (check.differences.empty()) continue;
        out << "  " << check.name << ":\n";
        for (const auto& d : check.differences) {
            out << "    " << toString(d.type) << " " << d.object;
            if (d.type == Difference::Type::Changed)
                out << "\n      before: " << firstLine(d.first) << "\n      after:  " << firstLine(d.second) << "\n";
            else
                out << ": " << firstLine(d.type == Difference::Type::Added ? d.second : d.first) << "\n";
        }
    }
    if (!r.locks.empty()) {
        out << "ACCESS EXCLUSIVE locks on existing tables (held until the commit):\n";
        for (const auto& lock : r.locks)
            out << "  " << secondsText(lock.seconds) << "  " << lock.relation
                << (lock.dropped ? " (dropped)" : lock.hasRows ? "" : " (empty)") << ", from " << lock.acquiredIn
                << "\n";
    }
    for (const auto& w : r.warnings) out << "warning: " << w << "\n";
    return out.str();
}

std::string dryRunJson(const DryRunReport& r)
{
    using nlohmann::ordered_json;
    ordered_json j;
    j["dry_run"] = true;
    j["command"] = r.command;
    j["module"] = r.module;
    j["database"] = r.database;
    j["from"] = r.from ? ordered_json(r.from->toString()) : ordered_json(nullptr);
    j["to"] = r.to ? ordered_json(r.to->toString()) : ordered_json(nullptr);
    j["versions"] = ordered_json::array();
    for (const auto& v : r.versions) j["versions"].push_back(v.toString());
    j["statements"] = r.statements;
    j["seconds"] = r.seconds;
    j["steps"] = ordered_json::array();
    for (const auto& s : r.steps)
        j["steps"].push_back({{"file", s.label}, {"statements", s.statements}, {"seconds", s.seconds}});
    j["schema_changes"] = ordered_json::array();
    for (const auto& check : r.schemaChanges.checks)
        for (const auto& d : check.differences) {
            ordered_json c{{"kind", check.key}, {"type", toString(d.type)}, {"object", d.object}};
            if (d.type != Difference::Type::Added) c["before"] = d.first;
            if (d.type != Difference::Type::Removed) c["after"] = d.second;
            j["schema_changes"].push_back(std::move(c));
        }
    j["locks"] = ordered_json::array();
    for (const auto& l : r.locks)
        j["locks"].push_back({{"relation", l.relation},
                              {"mode", "AccessExclusiveLock"},
                              {"acquired_in", l.acquiredIn},
                              {"seconds", l.seconds},
                              {"has_rows", l.hasRows},
                              {"dropped", l.dropped},
                              {"warning", l.warning}});
    j["lock_warning_seconds"] = r.lockWarningSeconds;
    j["warnings"] = r.warnings;
    return j.dump(2);
}

std::string dryRunHtml(const DryRunReport& r)
{
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << html(title(r)) << "</title>\n"
        << "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}"
           "pre{margin:0;white-space:pre-wrap}.warning{color:#a40}.added{color:#070}.removed{color:#a00}"
           ".changed{color:#05a}</style></head><body>\n";
    out << "<h1>" << html(title(r)) << "</h1>\n<p>Nothing was changed: the run was rolled back.</p>\n";
    for (const auto& w : r.warnings) out << "<p class=\"warning\">Warning: " << html(w) << "</p>\n";
    out << "<h2>Versions that would be applied</h2>\n<p>" << html(versionsText(r.versions)) << "</p>\n";
    out << "<h2>Steps</h2>\n<p>" << r.statements << " statements in " << secondsText(r.seconds)
        << "</p>\n<table><tr><th>File or hook</th><th>Statements</th><th>Time</th></tr>\n";
    for (const auto& s : r.steps)
        out << "<tr><td>" << html(s.label) << "</td><td>" << s.statements << "</td><td>" << secondsText(s.seconds)
            << "</td></tr>\n";
    out << "</table>\n<h2>Schema changes (" << r.schemaChanges.differenceCount() << ")</h2>\n";
    for (const auto& check : r.schemaChanges.checks) {
        if (check.differences.empty()) continue;
        out << "<h3>" << html(check.name) << "</h3>\n<table><tr><th>Change</th><th>Object</th><th>Before</th>"
            << "<th>After</th></tr>\n";
        for (const auto& d : check.differences)
            out << "<tr><td class=\"" << toString(d.type) << "\">" << toString(d.type) << "</td><td>"
                << html(d.object) << "</td><td><pre>" << html(d.first) << "</pre></td><td><pre>" << html(d.second)
                << "</pre></td></tr>\n";
        out << "</table>\n";
    }
    if (!r.locks.empty()) {
        out << "<h2>ACCESS EXCLUSIVE locks on existing tables</h2>\n<table><tr><th>Table</th><th>Held</th>"
            << "<th>From</th><th>Rows</th></tr>\n";
        for (const auto& l : r.locks)
            out << "<tr" << (l.warning ? " class=\"warning\"" : "") << "><td>" << html(l.relation) << "</td><td>"
                << secondsText(l.seconds) << "</td><td>" << html(l.acquiredIn) << "</td><td>"
                << (l.dropped ? "dropped" : l.hasRows ? "yes" : "no") << "</td></tr>\n";
        out << "</table>\n";
    }
    out << "</body></html>\n";
    return out.str();
}

}  // namespace pum
