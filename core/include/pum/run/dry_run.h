#pragma once
// What `install --dry-run` / `upgrade --dry-run` report: the whole run
// (hooks included) executed inside its transaction, measured, then rolled back.
#include <optional>
#include <string>
#include <vector>

#include "pum/tools/checker.h"
#include "pum/module/version.h"

namespace pum {

// One changelog file or hook as it ran.
struct DryRunStep {
    std::string label;           // the file (relative to the module) or the hook
    std::size_t statements = 0;  // SQL statements (a Python hook's: those it sent)
    double seconds = 0;
};

// An ACCESS EXCLUSIVE lock the run took on a table that existed before it:
// every reader and writer of that table waits from `acquiredIn` until the commit.
struct HeldLock {
    std::string relation;    // schema.table
    std::string acquiredIn;  // label of the step during which it was first seen held
    double seconds = 0;      // from the start of that step to the end of the run
    bool hasRows = false;    // the table held rows when the lock was seen (always true for a dropped table)
    bool dropped = false;    // the run dropped the table
    bool warning = false;    // hasRows and held at least the warning threshold
};

struct DryRunReport {
    std::string command;              // "install" or "upgrade"
    std::string module;
    std::string database;             // Connection::describe(): no password
    std::optional<Version> from;      // installed before (nullopt for install)
    std::optional<Version> to;        // would be installed after
    std::vector<Version> versions;    // the changelogs that would be applied
    std::vector<DryRunStep> steps;    // in the order they ran
    std::size_t statements = 0;
    double seconds = 0;               // the whole run, as measured
    // The schema before the first statement ("first") against after the last
    // ("second"), both read inside the transaction; every relation compared
    // (a new table lists its columns, constraints and indexes too).
    ComparisonReport schemaChanges;
    std::vector<HeldLock> locks;      // longest held first
    double lockWarningSeconds = 1;    // the threshold the warnings used
    std::vector<std::string> warnings;
};

// The report as text (what the CLI prints), as JSON, and as a self-contained HTML page.
std::string dryRunText(const DryRunReport& report);
std::string dryRunJson(const DryRunReport& report);
std::string dryRunHtml(const DryRunReport& report);

}  // namespace pum
