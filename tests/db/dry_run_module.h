#pragma once
// tests/data/dry_run_module, shared by the dry-run, lock-timeout and backup tests.
#include <string>
#include <vector>

#include "pum/module/config.h"
#include "pum/base/feedback.h"
#include "pum/run/upgrader.h"
#include "test_support.h"

namespace pum::test {

inline std::string dryRunModuleDir() { return (sourceDir() / "tests" / "data" / "dry_run_module").string(); }

// The module installed at 1.0.0, then `names` inserted into pum_dry_run.full_table.
inline void installDryRunModuleOneZero(const TempDatabase& db, const std::vector<std::string>& names)
{
    auto c = db.connect();
    NullFeedback feedback;
    Upgrader upgrader(Config::load(dryRunModuleDir()), c, feedback);
    InstallOptions options;
    options.maxVersion = Version::parse("1.0.0");
    upgrader.install(options);
    for (const auto& name : names) c.execParams("INSERT INTO pum_dry_run.full_table (name) VALUES ($1)", {name});
}

}  // namespace pum::test
