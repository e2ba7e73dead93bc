#pragma once
// A module version: the name of a changelog folder. Any PEP 440 version, as
// pum reads folder names with packaging.version: `1`, `1.2`, `1.2.3`,
// `1.2.3.4`, `2.0rc1`, `2.0.post1`, `2.0.dev3`, `1!2.0`, `1.0+local.7`,
// with PEP 440's spellings (`2.0-RC.1`, `v1.2`, `1.0alpha`, `1.0-1`...).
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pum {

class Version {
public:
    Version() = default;

    // Throws pum::Error naming the text when it is not a PEP 440 version
    // (surrounding blanks are refused too: a folder named " 1.0" is a mistake).
    static Version parse(std::string_view text);
    static std::optional<Version> tryParse(std::string_view text);

    // Release components as written (1.2.3 -> {1, 2, 3}).
    const std::vector<long long>& parts() const { return parts_; }
    // The text it was parsed from, so that `1.0` is recorded as `1.0`.
    const std::string& toString() const { return text_; }
    // PEP 440's normalised spelling: `2.0-RC.1` -> `2.0rc1`, `v1.0` -> `1.0`.
    std::string normalized() const;
    bool empty() const { return parts_.empty(); }

    long long epoch() const { return epoch_; }
    // Pre-release: "a", "b" or "rc" and its number.
    const std::optional<std::pair<std::string, long long>>& pre() const { return pre_; }
    const std::optional<long long>& post() const { return post_; }
    const std::optional<long long>& dev() const { return dev_; }
    // A pre-release or development release (2.0rc1, 2.0.dev1).
    bool isPrerelease() const { return pre_.has_value() || dev_.has_value(); }

    // PEP 440 order: epoch, release (trailing zeros ignored, so 1.0 == 1.0.0),
    // then 1.0.dev1 < 1.0a1 < 1.0b1 < 1.0rc1 < 1.0 < 1.0+local < 1.0.post1.
    friend std::strong_ordering operator<=>(const Version& a, const Version& b);
    friend bool operator==(const Version& a, const Version& b) { return (a <=> b) == 0; }

private:
    using LocalPart = std::variant<long long, std::string>;
    long long epoch_ = 0;
    std::vector<long long> parts_;
    std::optional<std::pair<std::string, long long>> pre_;
    std::optional<long long> post_;
    std::optional<long long> dev_;
    std::vector<LocalPart> local_;
    std::string text_;
};

}  // namespace pum
