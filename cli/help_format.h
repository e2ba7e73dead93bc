// The layout of `pum --help`, the same whatever CLI11 the build finds.
#pragma once

#include <CLI/CLI.hpp>

namespace pum::cli {

// CLI11 2.4 and later print help differently from 2.1 (Debian 12): upper-case
// section names, a usage line without "Usage:", short and long names in
// separate columns, wrapped descriptions. The man page and completion
// (packaging/help_docs.py), the tests and users' scripts read the help, so pum
// renders it itself through FormatterBase's one stable entry point.
class HelpFormatter : public CLI::FormatterBase {
public:
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
};

}  // namespace pum::cli
