#pragma once
// `pum test-upgrade`: does upgrading the database give the schema that a
// fresh install of the same version gives? Upgrades a copy of it, installs
// the target version into a second scratch database with the same
// parameters, compares the two with the checker and drops both copies,
// whatever happens (failure, exception, cancellation). The database itself
// is only read.
#include <string>

#include "pum/tools/checker.h"
#include "pum/module/config.h"
#include "pum/run/upgrader.h"

namespace pum {

class Feedback;

struct TestUpgradeOptions {
    // The upgrade of the copy. The fresh install takes the parameters the
    // upgrade used (these over the stored ones) and the version it reached.
    // dryRun and backupFile are ignored (the copy is thrown away anyway).
    UpgradeOptions upgrade;
    CheckOptions check;
};

struct TestUpgradeReport {
    std::string copyMethod;    // "template" or "dump and restore"
    std::string upgradedName;  // the scratch databases (dropped by the time the report is returned)
    std::string freshName;
    RunSummary upgrade;
    ComparisonReport comparison;  // first: the upgraded copy, second: the fresh install
    bool passed() const { return comparison.passed(); }
};

// `source`: the database to upgrade (service, URI or key=value), never
// changed. `scratch`: a server (same forms; its dbname is ignored) where the
// two scratch databases are created, its user needing CREATEDB. The copy is
// `CREATE DATABASE ... TEMPLATE` when `scratch` is the source's cluster and
// nobody else is connected to the source, else pg_dump/pg_restore (without
// owners and, on another cluster, without privileges). Extensions of the
// source (PostGIS...) are created in the fresh database first, as an
// administrator did in the source. A failing copy, upgrade or install
// throws (after the drops); differences are in the report, not thrown.
TestUpgradeReport testUpgrade(const Config& config, const std::string& source, const std::string& scratch,
                              const TestUpgradeOptions& options, Feedback& feedback);

}  // namespace pum
