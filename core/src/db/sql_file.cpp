// A SQL file sent piece by piece: see pum/db/sql_file.h.
#include "pum/db/sql_file.h"

#include "pum/base/feedback.h"
#include "pum/db/database.h"
#include "pum/sql/sql_stream.h"

namespace pum {

std::size_t runSqlFile(Connection& connection, const std::filesystem::path& path, const std::string& shown,
                       const ParameterValues& parameters, Feedback* feedback, std::size_t doneBefore, std::size_t total)
{
    SqlFileStream stream(path, shown, parameters);
    SqlScript batch;
    std::size_t count = 0;
    while (stream.next(batch)) {
        connection.runStatements(batch.statements, shown, feedback, doneBefore + count, total);
        count += batch.statements.size();
        batch = SqlScript();  // freed before the next piece is read
    }
    return count;
}

}  // namespace pum
