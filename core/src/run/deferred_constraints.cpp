#include "pum/run/deferred_constraints.h"

#include <set>
#include <vector>

#include "pum/db/database.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "pum/sql/sql.h"

namespace pum {

namespace {

// Every deferrable constraint this session can name: our own temporary
// tables count, other sessions' do not.
constexpr const char* kDeferrable = R"SQL(
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.conname), bool_or(c.condeferred)
  FROM pg_catalog.pg_constraint c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
 WHERE c.condeferrable
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND (n.nspname NOT LIKE 'pg\_temp\_%' OR n.oid = pg_catalog.pg_my_temp_schema())
 GROUP BY 1
 ORDER BY 1
)SQL";

SqlStatement statement(std::string text)
{
    SqlStatement s;
    s.text = std::move(text);
    return s;
}

}  // namespace

void settleDeferredConstraints(Connection& connection, Feedback& feedback, const std::string& phase)
{
    Result deferrable = connection.exec(kDeferrable);
    if (deferrable.rows() == 0) return;

    // One SET CONSTRAINTS per name, IMMEDIATE: that fires its pending checks
    // now, and the statement that fails names the constraint. Naming them
    // (not SET CONSTRAINTS ALL) leaves constraints created later at their
    // declared default. All in one pipeline: one round trip.
    std::vector<SqlStatement> statements;
    std::vector<std::string> names;
    std::string deferred;
    for (int row = 0; row < deferrable.rows(); ++row) {
        const std::string name = deferrable.value(row, 0);
        names.push_back(name);
        statements.push_back(statement("SET CONSTRAINTS " + name + " IMMEDIATE"));
        // Two constraints of one schema may share a name; SET CONSTRAINTS
        // then sets both, so one INITIALLY DEFERRED among them defers both.
        if (deferrable.value(row, 1) == "t") deferred += (deferred.empty() ? "" : ", ") + name;
    }
    if (!deferred.empty()) statements.push_back(statement("SET CONSTRAINTS " + deferred + " DEFERRED"));

    feedback.log(Feedback::Level::Debug, "checking deferred constraints at the end of " + phase +
                                             " (pum commits there): " + std::to_string(names.size()) +
                                             " deferrable constraints");
    const std::string source = "deferred constraints at the end of " + phase;
    try {
        connection.runStatements(statements, source);
    } catch (const SqlError& error) {
        SqlErrorInfo info = error.info();
        std::string constraint = "a deferred constraint";
        const std::string prefix = "SET CONSTRAINTS ";
        if (info.statement.rfind(prefix, 0) == 0) {
            std::string name = info.statement.substr(prefix.size());
            if (auto at = name.rfind(" IMMEDIATE"); at != std::string::npos) name.erase(at);
            constraint = "deferred constraint " + name;
        }
        info.message = constraint + " is violated at the end of " + phase +
                       " (where pum commits, so its check runs there): " + info.message;
        info.file.clear();
        info.line = 0;
        throw SqlError(std::move(info));
    }
}

}  // namespace pum
