#pragma once
// What "the database is as it was" means in the dry-run tests: the schema as
// pg_dump --schema-only writes it, and every user table's rows (sequences
// aside: their values are not transactional).
#include <sstream>
#include <stdexcept>
#include <string>

#include "pum/db/database.h"
#include "pum/tools/dumper.h"
#include "test_support.h"

namespace pum::test {

// pg_dump --schema-only, without the \restrict lines whose key is new at each run.
inline std::string schemaDump(const TempDatabase& db)
{
    auto c = db.connect();
    const int major = std::stoi(c.exec("SHOW server_version_num").value(0, 0)) / 10000;
    std::string out;
    const int rc = runCommand(
        findPgTool("pg_dump", major).string() + " --schema-only -d '" + db.conninfo() + "' 2>&1", out);
    if (rc != 0) throw std::runtime_error("pg_dump failed: " + out);
    std::string kept, line;
    std::istringstream lines(out);
    while (std::getline(lines, line))
        if (line.rfind("\\restrict ", 0) != 0 && line.rfind("\\unrestrict ", 0) != 0) kept += line + "\n";
    return kept;
}

// "schema.table: COUNT MD5" per user table, in name order.
inline std::string tableRows(const TempDatabase& db)
{
    auto c = db.connect();
    auto tables = c.exec("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON "
                         "n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN "
                         "('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' ORDER BY 1");
    std::string out;
    for (int i = 0; i < tables.rows(); ++i) {
        const std::string table = tables.value(i, 0);
        out += table + ": " +
               c.exec("SELECT count(*) || ' ' || COALESCE(md5(string_agg(r::text, ',' ORDER BY r::text)), '') FROM " +
                      table + " r")
                   .value(0, 0) +
               "\n";
    }
    return out;
}

}  // namespace pum::test
