#pragma once
// A module version: the name of a changelog folder, `x.y` or `x.y.z`.
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pum {

class Version {
public:
    Version() = default;

    // Throws pum::Error naming the text when it is not `x.y` or `x.y.z`
    // (non-negative decimal integers, no leading '+', no suffix).
    static Version parse(std::string_view text);
    static std::optional<Version> tryParse(std::string_view text);

    // Components as written (2 or 3 of them).
    const std::vector<long long>& parts() const { return parts_; }
    // The text it was parsed from, so that `1.0` is recorded as `1.0`.
    const std::string& toString() const { return text_; }
    bool empty() const { return parts_.empty(); }

    // Numeric order; a missing third component counts as 0, so 1.0 == 1.0.0.
    friend std::strong_ordering operator<=>(const Version& a, const Version& b);
    friend bool operator==(const Version& a, const Version& b) { return (a <=> b) == 0; }

private:
    std::vector<long long> parts_;
    std::string text_;
};

}  // namespace pum
