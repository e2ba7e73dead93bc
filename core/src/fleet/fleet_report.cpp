// A fleet's summary table: database, from, to, result, time, message.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pum/fleet/fleet.h"
#include "base/text.h"

namespace pum {

using detail::html;

namespace {

// Every status, in the order the summary counts them.
constexpr FleetStatus kStatuses[] = {FleetStatus::Upgraded,     FleetStatus::WouldUpgrade, FleetStatus::UpToDate,
                                     FleetStatus::UpgradePending, FleetStatus::NotInstalled, FleetStatus::Failed,
                                     FleetStatus::Cancelled,    FleetStatus::Pending};

std::string versionText(const std::optional<Version>& version) { return version ? version->toString() : "-"; }

std::string secondsText(double seconds)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
    return buffer;
}

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string shownName(const FleetResult& result) { return result.target; }

// "10 databases: 9 upgraded, 1 failed in 2.31 s (4 jobs)"
std::string summaryLine(const FleetReport& report)
{
    std::string counts;
    for (FleetStatus status : kStatuses)
        if (const auto n = report.count(status))
            counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + toString(status);
    const auto total = report.results.size();
    return std::to_string(total) + (total == 1 ? " database" : " databases") + (counts.empty() ? "" : ": " + counts) +
           " in " + secondsText(report.seconds) + " (" + std::to_string(report.jobs) +
           (report.jobs == 1 ? " job" : " jobs") + ")";
}

}  // namespace

const char* toString(FleetStatus status)
{
    switch (status) {
    case FleetStatus::Pending: return "not run";
    case FleetStatus::Upgraded: return "upgraded";
    case FleetStatus::UpToDate: return "up to date";
    case FleetStatus::UpgradePending: return "upgrade pending";
    case FleetStatus::WouldUpgrade: return "would upgrade";
    case FleetStatus::NotInstalled: return "not installed";
    case FleetStatus::Failed: return "failed";
    case FleetStatus::Cancelled: return "cancelled";
    }
    return "";
}

const char* statusKey(FleetStatus status)
{
    switch (status) {
    case FleetStatus::Pending: return "not_run";
    case FleetStatus::Upgraded: return "upgraded";
    case FleetStatus::UpToDate: return "up_to_date";
    case FleetStatus::UpgradePending: return "upgrade_pending";
    case FleetStatus::WouldUpgrade: return "would_upgrade";
    case FleetStatus::NotInstalled: return "not_installed";
    case FleetStatus::Failed: return "failed";
    case FleetStatus::Cancelled: return "cancelled";
    }
    return "";
}

std::size_t FleetReport::count(FleetStatus status) const
{
    std::size_t n = 0;
    for (const auto& result : results) n += result.status == status ? 1 : 0;
    return n;
}

bool FleetReport::anyFailed() const { return count(FleetStatus::Failed) > 0; }

bool FleetReport::anyCancelled() const { return count(FleetStatus::Cancelled) + count(FleetStatus::Pending) > 0; }

std::string fleetReportText(const FleetReport& report)
{
    const char* headers[] = {"database", "from", "to", "result", "time", "message"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : report.results)
        rows.push_back({shownName(r), versionText(r.from), versionText(r.to), toString(r.status),
                        secondsText(r.seconds), firstLine(r.message)});
    std::size_t widths[5] = {};
    for (int c = 0; c < 5; ++c) widths[c] = std::string(headers[c]).size();
    for (const auto& row : rows)
        for (int c = 0; c < 5; ++c) widths[c] = std::max(widths[c], row[static_cast<std::size_t>(c)].size());
    std::ostringstream out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < 5; ++c) {
            std::string cell = cells[c];
            // The time column reads best right-aligned.
            if (c == 4) cell.insert(0, widths[c] - cell.size(), ' ');
            else cell.resize(widths[c], ' ');
            text += cell + "  ";
        }
        text += cells[5];
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << "\n";
    };
    line({headers[0], headers[1], headers[2], headers[3], headers[4], headers[5]});
    for (const auto& row : rows) line(row);
    out << "\n" << summaryLine(report) << "\n";
    if (report.pythonHooksSerialized) out << "(Python hooks ran one at a time; SQL ran in parallel)\n";
    return out.str();
}

std::string fleetReportJson(const FleetReport& report)
{
    nlohmann::json j;
    j["command"] = toString(report.command);
    j["module"] = report.module;
    j["jobs"] = report.jobs;
    j["seconds"] = report.seconds;
    j["python_hooks_serialized"] = report.pythonHooksSerialized;
    j["failed"] = report.anyFailed();
    nlohmann::json counts = nlohmann::json::object();
    for (FleetStatus status : kStatuses) counts[statusKey(status)] = report.count(status);
    j["counts"] = counts;
    nlohmann::json databases = nlohmann::json::array();
    for (const auto& r : report.results) {
        nlohmann::json d;
        d["target"] = r.target;
        d["database"] = r.database;
        d["from"] = r.from ? nlohmann::json(r.from->toString()) : nlohmann::json(nullptr);
        d["to"] = r.to ? nlohmann::json(r.to->toString()) : nlohmann::json(nullptr);
        d["result"] = statusKey(r.status);
        nlohmann::json versions = nlohmann::json::array();
        for (const auto& v : r.versions) versions.push_back(v.toString());
        d["versions"] = versions;
        d["statements"] = r.statements;
        d["seconds"] = r.seconds;
        d["message"] = r.message;
        if (r.dryRun) d["dry_run"] = nlohmann::json::parse(dryRunJson(*r.dryRun));
        databases.push_back(d);
    }
    j["databases"] = databases;
    return j.dump(2) + "\n";
}

std::string fleetReportHtml(const FleetReport& report)
{
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>pum fleet "
        << html(toString(report.command)) << ": " << html(report.module) << "</title>\n<style>\n"
        << "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        << "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
        << "td.time{text-align:right}pre{margin:0;white-space:pre-wrap}"
        << "tr.failed td{background:#fdd}tr.cancelled td,tr.not_run td{background:#eee}"
        << "tr.upgraded td,tr.would_upgrade td{background:#dfd}\n</style></head><body>\n"
        << "<h1>pum fleet " << html(toString(report.command)) << ": " << html(report.module) << "</h1>\n"
        << "<p>" << html(summaryLine(report)) << "</p>\n"
        << "<table>\n<tr><th>database</th><th>from</th><th>to</th><th>result</th><th>time</th><th>message</th></tr>\n";
    for (const auto& r : report.results) {
        out << "<tr class=\"" << statusKey(r.status) << "\"><td>" << html(shownName(r)) << "</td><td>"
            << html(versionText(r.from)) << "</td><td>" << html(versionText(r.to)) << "</td><td>"
            << html(toString(r.status)) << "</td><td class=\"time\">" << html(secondsText(r.seconds))
            << "</td><td><pre>" << html(r.message) << "</pre></td></tr>\n";
    }
    out << "</table>\n";
    if (report.pythonHooksSerialized) out << "<p>Python hooks ran one at a time; SQL ran in parallel.</p>\n";
    out << "</body></html>\n";
    return out.str();
}

}  // namespace pum
