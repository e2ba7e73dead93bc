#pragma once
// Internal: reading SQL from hooks and files for the upgrader.
#include <filesystem>
#include <string>

#include "pum/module/config.h"
#include "pum/sql/sql.h"

namespace pum::detail {

// The path shown in messages: relative to the current folder when that is shorter.
std::string displayPath(const std::filesystem::path& path);
// Reads a whole file; throws ConfigError naming it when it cannot.
std::string readTextFile(const std::filesystem::path& path);
// Parses a SQL file with the parameters (lexer errors name the file and line).
SqlScript loadSqlFile(const std::filesystem::path& path, const ParameterValues& parameters);
// Parses a SQL hook (inline code: lines point into .pum.yaml).
SqlScript loadSqlHook(const HookDefinition& hook, const ParameterValues& parameters);

}  // namespace pum::detail
