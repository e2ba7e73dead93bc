#include "pum/base/error.h"

#include <utility>

namespace pum {

namespace {

std::string configMessage(const std::string& file, int line, const std::string& key, const std::string& message)
{
    std::string text = file;
    if (line > 0) text += ":" + std::to_string(line);
    if (!text.empty()) text += ": ";
    if (!key.empty()) text += key + ": ";
    return text + message;
}

std::string sqlMessage(const SqlErrorInfo& info)
{
    std::string text;
    if (!info.file.empty()) {
        text = info.file;
        if (info.line > 0) text += ":" + std::to_string(info.line);
        text += ": ";
    }
    text += info.message;
    if (!info.sqlstate.empty()) text += " (SQLSTATE " + info.sqlstate + ")";
    if (!info.detail.empty()) text += "\nDETAIL: " + info.detail;
    if (!info.hint.empty()) text += "\nHINT: " + info.hint;
    if (!info.context.empty()) text += "\nCONTEXT: " + info.context;
    return text;
}

}  // namespace

ConfigError::ConfigError(std::string file, int line, std::string key, std::string message)
    : Error(configMessage(file, line, key, message)),
      file_(std::move(file)),
      line_(line),
      key_(std::move(key)),
      message_(std::move(message))
{
}

ParameterError::ParameterError(std::string name, std::string message)
    : Error(message), name_(std::move(name))
{
}

SqlError::SqlError(SqlErrorInfo info) : Error(sqlMessage(info)), info_(std::move(info)) {}

SqlError SqlError::withLocation(std::string file, int line) const
{
    SqlErrorInfo copy = info_;
    copy.file = std::move(file);
    copy.line = line;
    return SqlError(std::move(copy));
}

}  // namespace pum
