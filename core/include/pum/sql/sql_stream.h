#pragma once
// SQL files read, split and sent piece by piece, so that memory stays flat
// whatever the file's size (a 200 MB changelog, demo data): what is held at
// once is one piece of the file (kSqlStreamPiece bytes, or the one statement
// that does not fit in it) and its statements.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pum/module/parameter.h"
#include "pum/sql/sql.h"

namespace pum {

// Bytes read from the file at a time.
constexpr std::size_t kSqlStreamPiece = std::size_t(4) << 20;

// The statements of a file, a batch at a time, with the checks and line
// numbers of parseSql on the whole file.
class SqlFileStream {
public:
    // `shown` names the file in messages. Throws ConfigError when it cannot be opened.
    SqlFileStream(const std::filesystem::path& path, std::string shown, const ParameterValues& parameters,
                  std::size_t piece = kSqlStreamPiece);
    // The next statements (false at the end of the file). Throws SqlError at the file's line.
    bool next(SqlScript& batch);
    const std::string& shown() const { return shown_; }

private:
    bool fill();

    std::ifstream in_;
    std::string shown_;
    const ParameterValues& parameters_;
    std::size_t piece_;
    std::string buffer_;      // text not parsed into statements yet
    std::size_t ready_ = 0;   // bytes of buffer_ up to its last newline (or all at the end)
    bool eof_ = false;
    SqlChunk chunk_;
    int line_ = 1;            // the file's line where buffer_ starts
};

// Parses the whole file piece by piece (what runSqlFile, pum/db/sql_file.h, will send);
// returns its number of statements.
std::size_t checkSqlFile(const std::filesystem::path& path, const std::string& shown,
                         const ParameterValues& parameters);

}  // namespace pum
