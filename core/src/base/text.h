#pragma once
// Internal: string helpers the core's files share (one copy, so that a fix
// reaches every message at once).
#include <string>
#include <string_view>
#include <vector>

namespace pum::detail {

// Without the spaces, tabs and line breaks around it (libpq's messages end
// with a newline).
inline std::string trimmed(std::string_view text)
{
    constexpr std::string_view blanks = " \t\r\n";
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(blanks);
    return std::string(text.substr(first, last - first + 1));
}

inline std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ")
{
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// Safe inside HTML text and attribute values.
inline std::string html(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace pum::detail
