#pragma once
// A SQL file sent to the server piece by piece (pum/sql/sql_stream.h reads
// it): the connection layer's side of streaming, so that the SQL layer needs
// no connection.
#include <cstddef>
#include <filesystem>
#include <string>

#include "pum/module/parameter.h"

namespace pum {

class Connection;
class Feedback;

// Sends the file's statements, a pipeline per piece. Progress is reported
// as `doneBefore + i` of `total`; returns the number of statements.
std::size_t runSqlFile(Connection& connection, const std::filesystem::path& path, const std::string& shown,
                       const ParameterValues& parameters, Feedback* feedback = nullptr, std::size_t doneBefore = 0,
                       std::size_t total = 0);

}  // namespace pum
