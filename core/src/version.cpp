#include "pum/version.h"

#include <algorithm>
#include <limits>

#include "pum/error.h"

namespace pum {

std::optional<Version> Version::tryParse(std::string_view text)
{
    std::vector<long long> parts;
    std::size_t i = 0;
    while (true) {
        // Digits only: no sign, no blanks, no empty component.
        std::size_t start = i;
        long long value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            int digit = text[i] - '0';
            if (value > (std::numeric_limits<long long>::max() - digit) / 10) return std::nullopt;
            value = value * 10 + digit;
            ++i;
        }
        if (i == start) return std::nullopt;
        parts.push_back(value);
        if (i == text.size()) break;
        if (text[i] != '.' || parts.size() == 3) return std::nullopt;
        ++i;
    }
    if (parts.size() < 2) return std::nullopt;
    Version version;
    version.parts_ = std::move(parts);
    version.text_ = std::string(text);
    return version;
}

Version Version::parse(std::string_view text)
{
    if (auto version = tryParse(text)) return *version;
    throw Error("invalid version '" + std::string(text) + "': expected x.y or x.y.z (non-negative integers)");
}

std::strong_ordering operator<=>(const Version& a, const Version& b)
{
    // Missing components count as 0 so that 1.0 and 1.0.0 are the same release.
    std::size_t n = std::max(a.parts_.size(), b.parts_.size());
    for (std::size_t i = 0; i < n; ++i) {
        long long x = i < a.parts_.size() ? a.parts_[i] : 0;
        long long y = i < b.parts_.size() ? b.parts_[i] : 0;
        if (auto c = x <=> y; c != 0) return c;
    }
    return std::strong_ordering::equal;
}

}  // namespace pum
