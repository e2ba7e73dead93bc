#pragma once
// Internal: reading SQL from hooks and files for the upgrader.
#include <filesystem>
#include <string>

#include "pum/base/display_path.h"
#include "pum/module/config.h"
#include "pum/sql/sql.h"

namespace pum::detail {

using pum::displayPath;  // pum/base/display_path.h
// Reads a whole file; throws ConfigError naming it when it cannot.
std::string readTextFile(const std::filesystem::path& path);
// Parses a SQL file with the parameters (lexer errors name the file and line).
SqlScript loadSqlFile(const std::filesystem::path& path, const ParameterValues& parameters);
// Parses a SQL hook (inline code: lines point into .pum.yaml).
SqlScript loadSqlHook(const HookDefinition& hook, const ParameterValues& parameters);

}  // namespace pum::detail
