#include "help_format.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace pum::cli {

namespace {

constexpr std::size_t kColumn = 30;  // where descriptions start, as CLI11 2.1 put them

// "OPTIONS" (CLI11 2.4+) and "Options" (2.1) are one section: printed as the latter.
std::string sectionName(const std::string& group)
{
    bool allUpper = std::none_of(group.begin(), group.end(), [](unsigned char c) { return std::islower(c); });
    if (!allUpper || group.size() < 2) return group;
    std::string out = group;
    std::transform(out.begin() + 1, out.end(), out.begin() + 1, [](unsigned char c) { return std::tolower(c); });
    return out;
}

// "  entry   description", the description on its own line when the entry is long.
void entryLine(std::ostringstream& out, const std::string& entry, const std::string& description)
{
    std::string left = "  " + entry;
    out << left;
    if (!description.empty()) {
        if (left.size() >= kColumn)
            out << "\n" << std::string(kColumn, ' ');
        else
            out << std::string(kColumn - left.size(), ' ');
        for (char c : description) {
            out << c;
            if (c == '\n') out << std::string(kColumn, ' ');
        }
    }
    out << "\n";
}

std::string optionArgument(const CLI::Option* option)
{
    if (!option->get_option_text().empty()) return " " + option->get_option_text();
    std::string out;
    if (option->get_type_size() == 0) return out;
    // A default only after a type: CLI11 2.4+ gives counted flags (-v) a default of 0.
    if (!option->get_type_name().empty()) {
        out += " " + option->get_type_name();
        if (!option->get_default_str().empty()) out += "=" + option->get_default_str();
    }
    if (option->get_expected_max() == CLI::detail::expected_max_vector_size)
        out += " ...";
    else if (option->get_expected_min() > 1)
        out += " x " + std::to_string(option->get_expected());
    if (option->get_required()) out += " REQUIRED";
    return out;
}

std::string usageLine(const CLI::App* app, const std::string& name)
{
    std::string out = "Usage: " + name;
    if (!app->get_options([](const CLI::Option* o) { return o->nonpositional(); }).empty()) out += " [OPTIONS]";
    for (const CLI::Option* o : app->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        std::string usage = o->get_name(true, false);
        if (o->get_expected_max() >= CLI::detail::expected_max_vector_size) usage += "...";
        out += " " + (o->get_required() ? usage : "[" + usage + "]");
    }
    auto named = app->get_subcommands([](const CLI::App* s) { return !s->get_disabled() && !s->get_name().empty(); });
    if (!named.empty()) {
        bool optional = app->get_require_subcommand_min() == 0;
        out += std::string(" ") + (optional ? "[SUBCOMMAND]" : "SUBCOMMAND");
    }
    return out + "\n";
}

void optionSections(std::ostringstream& out, const CLI::App* app)
{
    auto positionals = app->get_options([](const CLI::Option* o) {
        return !o->get_group().empty() && o->get_positional();
    });
    if (!positionals.empty()) {
        out << "\nPositionals:\n";
        for (const CLI::Option* o : positionals)
            entryLine(out, o->get_name(true, false) + optionArgument(o), o->get_description());
    }
    for (const std::string& group : app->get_groups()) {
        auto options = app->get_options([&group](const CLI::Option* o) {
            return o->get_group() == group && o->nonpositional();
        });
        if (group.empty() || options.empty()) continue;
        out << "\n" << sectionName(group) << ":\n";
        for (const CLI::Option* o : options)
            entryLine(out, o->get_name(false, true) + optionArgument(o), o->get_description());
    }
}

void subcommandSections(std::ostringstream& out, const CLI::App* app)
{
    std::vector<std::string> groups;  // in the order the subcommands were declared
    for (const CLI::App* sub : app->get_subcommands({}))
        if (!sub->get_name().empty() && !sub->get_group().empty() &&
            std::find(groups.begin(), groups.end(), sub->get_group()) == groups.end())
            groups.push_back(sub->get_group());
    for (const std::string& group : groups) {
        out << "\n" << sectionName(group) << ":\n";
        for (const CLI::App* sub : app->get_subcommands({}))
            if (!sub->get_name().empty() && sub->get_group() == group)
                entryLine(out, sub->get_display_name(true), sub->get_description());
    }
}

}  // namespace

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode) const
{
    std::ostringstream out;
    if (!app->get_description().empty()) out << app->get_description() << "\n";
    out << usageLine(app, name);
    optionSections(out, app);
    subcommandSections(out, app);
    out << "\n";
    if (!app->get_footer().empty()) out << app->get_footer() << "\n";
    return out.str();
}

}  // namespace pum::cli
