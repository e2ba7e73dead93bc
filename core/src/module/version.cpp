// PEP 440 versions, read the way packaging.version reads them (pum names
// changelog folders after them and compares them with packaging).
#include "pum/module/version.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "base/ascii.h"
#include "pum/base/error.h"

namespace pum {

namespace {

// A cursor over the lower-cased text; every `take...` either consumes what it
// matched or leaves the position unchanged.
struct Cursor {
    std::string_view text;
    std::size_t pos = 0;
    bool overflow = false;

    bool atEnd() const { return pos == text.size(); }
    bool peek(char c) const { return pos < text.size() && text[pos] == c; }
    bool peekDigit() const { return pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; }
    bool take(char c)
    {
        if (!peek(c)) return false;
        ++pos;
        return true;
    }
    bool takeWord(std::string_view word)
    {
        if (text.substr(pos, word.size()) != word) return false;
        pos += word.size();
        return true;
    }
    bool peekSeparator() const { return peek('-') || peek('_') || peek('.'); }
    std::optional<long long> takeNumber()
    {
        if (!peekDigit()) return std::nullopt;
        long long value = 0;
        while (peekDigit()) {
            const int digit = text[pos] - '0';
            if (value > (std::numeric_limits<long long>::max() - digit) / 10) overflow = true;
            else value = value * 10 + digit;
            ++pos;
        }
        return value;
    }
    // `[-_.]?N?` after a label: the separator only goes with a number.
    long long takeImplicitNumber()
    {
        const std::size_t start = pos;
        if (peekSeparator()) {
            ++pos;
            if (auto n = takeNumber()) return *n;
            pos = start;
            return 0;
        }
        if (auto n = takeNumber()) return *n;
        return 0;
    }
    // `[-_.]?` then one of `labels` (longest first).
    std::optional<std::string_view> takeLabel(std::initializer_list<std::string_view> labels)
    {
        const std::size_t start = pos;
        if (peekSeparator()) ++pos;
        for (std::string_view label : labels)
            if (takeWord(label)) return label;
        pos = start;
        return std::nullopt;
    }
};

// Orders missing parts as PEP 440 does: -1 = negative infinity, 1 = positive infinity.
template <typename T>
std::strong_ordering compareOptional(const std::optional<T>& a, const std::optional<T>& b, int missing)
{
    if (a && b) return *a <=> *b;
    if (!a && !b) return std::strong_ordering::equal;
    const int left = a ? 0 : missing;
    const int right = b ? 0 : missing;
    return left <=> right;
}

}  // namespace

std::optional<Version> Version::tryParse(std::string_view raw)
{
    const std::string lowered = detail::asciiLowered(std::string(raw));
    Cursor c{lowered};
    Version version;

    c.take('v');
    // Epoch: `N!`.
    {
        const std::size_t start = c.pos;
        auto n = c.takeNumber();
        if (n && c.take('!')) version.epoch_ = *n;
        else c.pos = start;
    }
    // Release: N(.N)*
    auto first = c.takeNumber();
    if (!first) return std::nullopt;
    version.parts_.push_back(*first);
    while (c.peek('.') && c.pos + 1 < c.text.size() && c.text[c.pos + 1] >= '0' && c.text[c.pos + 1] <= '9') {
        ++c.pos;
        version.parts_.push_back(*c.takeNumber());
    }
    // Pre-release.
    if (auto label = c.takeLabel({"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"})) {
        std::string kind = *label == "alpha" || *label == "a"  ? "a"
                           : *label == "beta" || *label == "b" ? "b"
                                                               : "rc";
        version.pre_ = std::make_pair(std::move(kind), c.takeImplicitNumber());
    }
    // Post-release: `-N` or `[-_.]?(post|rev|r)[-_.]?N?`.
    {
        const std::size_t start = c.pos;
        if (c.take('-') && c.peekDigit()) {
            version.post_ = *c.takeNumber();
        } else {
            c.pos = start;
            if (c.takeLabel({"post", "rev", "r"})) version.post_ = c.takeImplicitNumber();
        }
    }
    // Development release.
    if (c.takeLabel({"dev"})) version.dev_ = c.takeImplicitNumber();
    // Local version: `+seg([-_.]seg)*`.
    if (c.take('+')) {
        while (true) {
            const std::size_t start = c.pos;
            while (c.pos < c.text.size() && (std::isalnum(static_cast<unsigned char>(c.text[c.pos])) != 0)) ++c.pos;
            if (c.pos == start) return std::nullopt;
            const std::string_view segment = c.text.substr(start, c.pos - start);
            if (std::all_of(segment.begin(), segment.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
                Cursor number{segment};
                version.local_.emplace_back(*number.takeNumber());
                if (number.overflow) return std::nullopt;
            } else {
                version.local_.emplace_back(std::string(segment));
            }
            if (c.atEnd()) break;
            if (!c.peekSeparator()) return std::nullopt;
            ++c.pos;
        }
    }
    if (!c.atEnd() || c.overflow) return std::nullopt;
    version.text_ = std::string(raw);
    return version;
}

Version Version::parse(std::string_view text)
{
    if (auto version = tryParse(text)) return *version;
    throw Error("invalid version '" + std::string(text) +
                "': expected a PEP 440 version such as 1.2, 1.2.3 or 2.0rc1");
}

std::string Version::normalized() const
{
    std::string out;
    if (epoch_ != 0) out += std::to_string(epoch_) + "!";
    for (std::size_t i = 0; i < parts_.size(); ++i) out += (i ? "." : "") + std::to_string(parts_[i]);
    if (pre_) out += pre_->first + std::to_string(pre_->second);
    if (post_) out += ".post" + std::to_string(*post_);
    if (dev_) out += ".dev" + std::to_string(*dev_);
    for (std::size_t i = 0; i < local_.size(); ++i) {
        out += i ? "." : "+";
        if (const auto* n = std::get_if<long long>(&local_[i])) out += std::to_string(*n);
        else out += std::get<std::string>(local_[i]);
    }
    return out;
}

std::strong_ordering operator<=>(const Version& a, const Version& b)
{
    if (auto c = a.epoch_ <=> b.epoch_; c != 0) return c;
    // Missing components count as 0 so that 1.0 and 1.0.0 are the same release.
    const std::size_t n = std::max(a.parts_.size(), b.parts_.size());
    for (std::size_t i = 0; i < n; ++i) {
        const long long x = i < a.parts_.size() ? a.parts_[i] : 0;
        const long long y = i < b.parts_.size() ? b.parts_[i] : 0;
        if (auto c = x <=> y; c != 0) return c;
    }
    // Pre-release: a development release of the release itself (1.0.dev1)
    // sorts before its pre-releases; no pre-release sorts after them.
    auto preKey = [](const Version& v) -> std::pair<int, std::pair<int, long long>> {
        if (!v.pre_ && !v.post_ && v.dev_) return {-1, {0, 0}};
        if (!v.pre_) return {1, {0, 0}};
        const int kind = v.pre_->first == "a" ? 0 : v.pre_->first == "b" ? 1 : 2;
        return {0, {kind, v.pre_->second}};
    };
    if (auto c = preKey(a) <=> preKey(b); c != 0) return c;
    if (auto c = compareOptional(a.post_, b.post_, -1); c != 0) return c;
    if (auto c = compareOptional(a.dev_, b.dev_, 1); c != 0) return c;
    // Local: none sorts first; numeric segments after alphanumeric ones.
    if (a.local_.empty() != b.local_.empty()) return a.local_.empty() ? std::strong_ordering::less
                                                                      : std::strong_ordering::greater;
    const std::size_t m = std::min(a.local_.size(), b.local_.size());
    for (std::size_t i = 0; i < m; ++i) {
        const auto& x = a.local_[i];
        const auto& y = b.local_[i];
        if (x.index() != y.index()) return x.index() == 0 ? std::strong_ordering::greater : std::strong_ordering::less;
        if (x.index() == 0) {
            if (auto c = std::get<long long>(x) <=> std::get<long long>(y); c != 0) return c;
        } else if (auto c = std::get<std::string>(x).compare(std::get<std::string>(y)); c != 0) {
            return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
        }
    }
    return a.local_.size() <=> b.local_.size();
}

}  // namespace pum
