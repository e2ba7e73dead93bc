// SQL files piece by piece: see pum/sql/sql_stream.h.
#include "pum/sql/sql_stream.h"

#include <algorithm>

#include "pum/base/error.h"

namespace pum {

namespace {

// A statement may be 64 MiB (parseSql's limit): text beyond that without a
// complete statement is parsed as the end of the file, so that the real
// error (an unterminated string...) is reported instead of reading on.
constexpr std::size_t kMaxCarried = (std::size_t(64) << 20) + (std::size_t(1) << 20);

}  // namespace

SqlFileStream::SqlFileStream(const std::filesystem::path& path, std::string shown, const ParameterValues& parameters,
                             std::size_t piece)
    : in_(path, std::ios::binary), shown_(std::move(shown)), parameters_(parameters), piece_(std::max<std::size_t>(piece, 1))
{
    if (!in_) throw ConfigError(shown_, 0, "", "cannot read file");
}

bool SqlFileStream::fill()
{
    // Pieces end after a newline: no token (and no UTF-8 character) spans one
    // except strings, comments and dollar quotes, which the parser carries over.
    while (!eof_) {
        const std::size_t before = buffer_.size();
        buffer_.resize(before + piece_);
        in_.read(buffer_.data() + before, static_cast<std::streamsize>(piece_));
        buffer_.resize(before + static_cast<std::size_t>(in_.gcount()));
        if (in_.bad()) throw ConfigError(shown_, 0, "", "cannot read file");
        if (!in_) eof_ = true;
        const std::size_t newline = buffer_.rfind('\n');
        if (eof_) {
            ready_ = buffer_.size();
            return true;
        }
        if (newline != std::string::npos && newline >= before) {
            ready_ = newline + 1;
            return true;
        }
        if (buffer_.size() > kMaxCarried) {
            ready_ = buffer_.size();
            return true;
        }
    }
    ready_ = buffer_.size();
    return ready_ > 0;
}

bool SqlFileStream::next(SqlScript& batch)
{
    for (;;) {
        if (buffer_.empty() && eof_) return false;
        if (!fill() && buffer_.empty()) return false;
        chunk_.last = eof_ && ready_ == buffer_.size();
        if (!chunk_.last && buffer_.size() > kMaxCarried) chunk_.last = true;
        SqlOptions options;
        options.firstLine = line_;
        batch = parseSqlChunk(std::string_view(buffer_).substr(0, ready_), shown_, parameters_, options, chunk_);
        chunk_.first = false;
        const std::size_t consumed = chunk_.last ? buffer_.size() : chunk_.consumed;
        line_ += static_cast<int>(std::count(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(consumed), '\n'));
        buffer_.erase(0, consumed);
        // Give the memory of a large carried statement back.
        if (buffer_.capacity() > 2 * piece_ + buffer_.size()) buffer_.shrink_to_fit();
        if (chunk_.last) eof_ = true;
        if (!batch.statements.empty()) return true;
        if (chunk_.last) return false;
    }
}

std::size_t checkSqlFile(const std::filesystem::path& path, const std::string& shown, const ParameterValues& parameters)
{
    SqlFileStream stream(path, shown, parameters);
    SqlScript batch;
    std::size_t count = 0;
    while (stream.next(batch)) count += batch.statements.size();
    return count;
}

}  // namespace pum
