#pragma once
// Internal: what pum accepts as text read from a file (SQL files, .pum.yaml):
// UTF-8 without NUL bytes. libpq sends statements as C strings, so a NUL
// would silently cut one short; PostgreSQL refuses invalid UTF-8 anyway,
// but without a line, and YAML parsers differ on it.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pum::detail {

struct TextProblem {
    std::size_t offset = std::string_view::npos;  // npos: none
    std::string what;                              // e.g. "a NUL byte", "invalid UTF-8 (byte 0xff)"
};

// Length of the UTF-8 sequence at `s[i]` (its first byte is >= 0x80), or 0
// when it is invalid: overlong forms, surrogates and code points past
// U+10FFFF are invalid, as for PostgreSQL.
inline std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    auto continuation = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
    const unsigned c = byte(i);
    if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned c1 = byte(i + 1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return 0;  // overlong, surrogate
        return continuation(i + 1) && continuation(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned c1 = byte(i + 1);
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;  // overlong, past U+10FFFF
        return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    return 0;
}

// The first NUL byte or invalid UTF-8 sequence of `s`.
inline TextProblem findTextProblem(std::string_view s)
{
    constexpr std::uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight ASCII bytes without NUL at a time: the common case, kept fast.
        if (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (((word & kHigh) | ((word - kOnes) & ~word & kHigh)) == 0) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return {i, "a NUL byte"};
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8SequenceLength(s, i);
        if (length == 0) {
            static const char* const kHex = "0123456789abcdef";
            return {i, std::string("invalid UTF-8 (byte 0x") + kHex[c >> 4] + kHex[c & 15] + ")"};
        }
        i += length;
    }
    return {};
}

}  // namespace pum::detail
