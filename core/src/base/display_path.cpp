#include "pum/base/display_path.h"

#include <system_error>
#include <utility>

namespace pum {

namespace {
// Per thread: the plugin runs commands of different modules side by side.
thread_local std::filesystem::path base;
}  // namespace

DisplayPathBase::DisplayPathBase(std::filesystem::path newBase) : previous_(std::exchange(base, std::move(newBase))) {}

DisplayPathBase::~DisplayPathBase() { base = std::move(previous_); }

std::string displayPath(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!base.empty()) {
        const auto absolute = std::filesystem::absolute(path, ec);
        const auto root = std::filesystem::absolute(base, ec).lexically_normal();
        const auto relative = absolute.lexically_normal().lexically_relative(root);
        if (!ec && !relative.empty() && *relative.begin() != "..") return relative.generic_string();
        return path.string();
    }
    auto relative = std::filesystem::proximate(path, ec);
    if (ec || relative.empty()) return path.string();
    auto text = relative.string();
    return text.size() < path.string().size() ? text : path.string();
}

}  // namespace pum
