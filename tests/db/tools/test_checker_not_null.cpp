// pum check and NOT NULL across server versions. From PostgreSQL 18, each NOT NULL
// is also a named constraint in pg_constraint (contype 'n'), named after the table
// it was first made on: an upgraded database keeps the old names, a fresh install
// of the same version gets new ones. Both must compare equal on every server;
// a NOT NULL really dropped or added must still be seen.
#include <gtest/gtest.h>

#include "pum/tools/checker.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;

namespace {

// The module's history: created under old names, then renamed and tightened (the
// primary key named as the fresh install names it: a renamed index is another difference).
const char* kUpgraded = R"SQL(
CREATE SCHEMA od;
CREATE TABLE od.old_sign (id integer CONSTRAINT sign_pkey PRIMARY KEY, label text NOT NULL, size integer);
ALTER TABLE od.old_sign RENAME TO sign;
ALTER TABLE od.sign RENAME COLUMN label TO name;
ALTER TABLE od.sign ALTER COLUMN size SET NOT NULL;
ALTER TABLE od.sign ADD COLUMN kind text NOT NULL DEFAULT 'road';
CREATE TABLE od.base (id integer NOT NULL, note text);
CREATE TABLE od.child (extra text) INHERITS (od.base);
ALTER TABLE od.base ALTER COLUMN note SET NOT NULL;
CREATE TABLE od.measure (id integer NOT NULL, taken date NOT NULL) PARTITION BY RANGE (taken);
CREATE TABLE od.measure_2025 PARTITION OF od.measure FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
)SQL";

// The same version installed fresh.
const char* kFresh = R"SQL(
CREATE SCHEMA od;
CREATE TABLE od.sign (id integer CONSTRAINT sign_pkey PRIMARY KEY, name text NOT NULL, size integer NOT NULL, kind text NOT NULL DEFAULT 'road');
CREATE TABLE od.base (id integer NOT NULL, note text NOT NULL);
CREATE TABLE od.child (extra text) INHERITS (od.base);
CREATE TABLE od.measure (id integer NOT NULL, taken date NOT NULL) PARTITION BY RANGE (taken);
CREATE TABLE od.measure_2025 PARTITION OF od.measure FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
)SQL";

ComparisonReport compare(const TempDatabase& a, const TempDatabase& b)
{
    auto ca = a.connect();
    auto cb = b.connect();
    return compareDatabases(ca, cb, {});
}

}  // namespace

TEST(CheckerNotNull, UpgradedAndFreshDatabasesCompareEqual)
{
    TempDatabase upgraded(false), fresh(false);
    upgraded.connect().exec(kUpgraded);
    fresh.connect().exec(kFresh);
    const auto report = compare(upgraded, fresh);
    EXPECT_TRUE(report.passed()) << reportText(report);
}

TEST(CheckerNotNull, ADroppedNotNullIsStillADifference)
{
    TempDatabase upgraded(false), fresh(false);
    upgraded.connect().exec(kUpgraded);
    fresh.connect().exec(kFresh);
    fresh.connect().exec("ALTER TABLE od.sign ALTER COLUMN size DROP NOT NULL");
    const auto report = compare(upgraded, fresh);
    EXPECT_FALSE(report.passed());
    EXPECT_NE(reportText(report).find("od.sign.size"), std::string::npos) << reportText(report);
}
