#pragma once
// SQL text as pum treats it: a lexer that knows strings, E'' strings, quoted
// identifiers, dollar quotes, nested block comments and line comments; splits
// a script into statements; substitutes `{name}` parameters with Python
// str.format brace rules; refuses transaction control; and maps any byte of
// the output back to a line of the input.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pum/module/parameter.h"

namespace pum {

struct SqlStatement {
    std::string text;  // one statement after substitution, trailing ';' included if present
    int line = 0;      // line in the source where the statement's first token is
    // Sorted pairs (offset in `text`, offset in the source). An offset in
    // `text` maps to the source offset of the last pair at or before it, plus
    // the distance from that pair, but never to or past the next pair's source
    // offset (so inside a substituted value: within its `{name}`, on the line of its `{`).
    std::vector<std::pair<std::size_t, std::size_t>> offsetMap;
    // Per source byte offset where each source line starts (shared by a script's statements).
    const std::vector<std::size_t>* lineStarts = nullptr;
    // Keeps `lineStarts` alive for parsed statements, so that they stay valid
    // when the SqlScript is moved or the statements are copied out of it.
    std::shared_ptr<const std::vector<std::size_t>> lineStartsOwner;

    // Source line of a byte offset in `text`.
    int lineAtOffset(std::size_t byteOffset) const;
    // Source line of a server error position (1-based, counted in characters,
    // UTF-8) within `text`. Falls back to `line` when out of range.
    int lineAtPosition(int serverPosition) const;
};

struct SqlScript {
    std::string source;                 // file path or description, for messages
    std::vector<std::size_t> lineStarts;
    std::vector<SqlStatement> statements;  // comment-only / empty statements dropped
};

struct SqlOptions {
    // Substitute `{name}` and collapse `{{`/`}}`. When false, the text is taken as is
    // (braces untouched), as for pum's SQL run without parameters.
    bool substitute = true;
    // Refuse BEGIN/START TRANSACTION/COMMIT/END/ROLLBACK/ABORT/PREPARE TRANSACTION/
    // COMMIT PREPARED/ROLLBACK PREPARED at top level, and pg_dump's
    // `SELECT pg_catalog.set_config('search_path', ...)`.
    bool refuseTransactionControl = true;
    // Added to every line number reported (for inline `code:` inside .pum.yaml).
    int firstLine = 1;
};

// Parses `sql`. Throws SqlError (with source and line, no sqlstate) for an
// unterminated string/comment/dollar quote/identifier, an unknown `{name}`, a
// positional `{}`/`{0}`, a format spec or conversion (`{x:>3}`, `{x!r}`), a
// single `}`, transaction control, COPY ... FROM STDIN, a value that cannot
// be placed safely where it stands (at any depth of nested dollar quotes, a
// value holding or forming `$$`/`$tag$`), a NUL byte or invalid UTF-8, a
// statement over 64 MiB after substitution, or values adding over 64 MiB to
// the file (see docs/sql.md).
SqlScript parseSql(std::string_view sql, std::string source, const ParameterValues& parameters,
                   const SqlOptions& options = {});

// One piece of a text parsed piece by piece (see sql_stream.h): the text is
// cut anywhere after a newline, and what is not a complete statement yet is
// given again at the front of the next piece.
struct SqlChunk {
    bool first = true;             // the piece starts the text (a byte order mark is skipped)
    bool last = false;             // no text follows: every error is reported
    std::size_t consumed = 0;      // out: bytes of the piece that the returned statements cover
    std::size_t substituted = 0;   // in/out: bytes parameter values added so far (the 64 MiB limit)
};

// parseSql on a piece: `options.firstLine` is the line the piece starts on.
// Unless `chunk.last`, only statements ended by ';' are returned, and a
// string, comment or placeholder still open at the end is no error.
SqlScript parseSqlChunk(std::string_view sql, std::string source, const ParameterValues& parameters,
                        const SqlOptions& options, SqlChunk& chunk);

}  // namespace pum
