#include "cli.h"

namespace pum::cli {

void registerAdminCommands(CLI::App& app, GlobalOptions& options)
{
    // Filled in by the tool set work (issue 5).
    (void)app;
    (void)options;
}

}  // namespace pum::cli
