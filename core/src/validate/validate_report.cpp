// validate: findings as text and as JSON.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "pum/validate/validate.h"

namespace pum {

std::string toString(Finding::Severity severity)
{
    return severity == Finding::Severity::Error ? "error" : "warning";
}

std::string Finding::format() const
{
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0) out += ":" + std::to_string(column);
    }
    return out + ": " + toString(severity) + ": " + message + " [" + code + "]";
}

std::size_t ValidationReport::errors() const
{
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
        return f.severity == Finding::Severity::Error;
    }));
}

std::size_t ValidationReport::warnings() const { return findings.size() - errors(); }

std::string toJson(const ValidationReport& report)
{
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding& f : report.findings)
        findings.push_back({{"file", f.file},
                            {"line", f.line},
                            {"column", f.column},
                            {"severity", toString(f.severity)},
                            {"code", f.code},
                            {"message", f.message}});
    const nlohmann::ordered_json out = {{"ok", report.ok()},
                                {"errors", report.errors()},
                                {"warnings", report.warnings()},
                                {"files", report.files},
                                {"statements", report.statements},
                                {"findings", std::move(findings)}};
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace pum
