#pragma once
// Internal: ASCII case folding for SQL keywords and parameter words. Locale
// free on purpose: keywords compare the same whatever the user's locale.
#include <cstddef>
#include <string>
#include <string_view>

namespace pum::detail {

inline char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool asciiEqualsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i])) return false;
    return true;
}

inline std::string asciiLowered(std::string_view text)
{
    std::string out(text);
    for (char& c : out) c = asciiLower(c);
    return out;
}

}  // namespace pum::detail
