// pum.dumper on the core's dumper (core/src/tools/dumper.cpp): pg_dump and
// pg_restore (psql for a plain dump) run with the connection's parameters in
// their environment, never a password on their command line.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "binders.h"
#include "pum/db/database.h"
#include "pum/tools/database_admin.h"
#include "pum/tools/dumper.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"

namespace py = pybind11;

namespace pum::python {

namespace {

// The tool's warnings go to pum's logger, as pum's own messages do.
class LoggerFeedback : public Feedback {
public:
    void log(Level level, const std::string& message) override { messages_.emplace_back(level, message); }
    void progress(std::size_t, std::size_t, const std::string&) override {}
    // Called with the GIL held, after the core has run.
    void flush() const
    {
        py::object logger = py::module_::import("logging").attr("getLogger")("pum.dumper");
        for (const auto& [level, message] : messages_) {
            const char* method = level == Level::Warning ? "warning" : level == Level::Debug ? "debug" : "info";
            logger.attr(method)(message);
        }
    }

private:
    std::vector<std::pair<Level, std::string>> messages_;
};

// The database of `spec`, or `dbname` on the same server as the same user.
Connection open(const std::string& spec, const std::optional<std::string>& dbname)
{
    return dbname && !dbname->empty() ? openMaintenanceConnection(spec, *dbname) : Connection::open(spec);
}

// pum's default tool names mean "the one matching the server", which the core finds.
std::filesystem::path tool(const std::string& given, const char* defaultName)
{
    return given.empty() || given == defaultName ? std::filesystem::path() : std::filesystem::path(given);
}

// Runs `command` without the GIL; ToolNotStarted becomes pum's exception type
// `notStarted`, ToolFailed and ConnectionError `failed`.
template <typename F>
void runTool(F&& command, const LoggerFeedback& feedback, const char* notStarted, const char* failed)
{
    const char* type = nullptr;
    std::string message;
    {
        py::gil_scoped_release nogil;
        try {
            command();
        } catch (const ToolNotStarted& e) {
            type = notStarted, message = e.what();
        } catch (const ToolFailed& e) {
            type = failed, message = e.what();
        } catch (const ConnectionError& e) {
            // pum's pg_dump / pg_restore connect themselves: a database they cannot reach is their failure.
            type = failed, message = e.what();
        }
    }
    feedback.flush();
    if (!type) return;
    py::object instance = py::module_::import("pum.exceptions").attr(type)(message);
    PyErr_SetObject(py::type::handle_of(instance).ptr(), instance.ptr());
    throw py::error_already_set();
}

void bindDumper(py::module_& m)
{
    m.def(
        "dump_database",
        [](const std::string& spec, const std::optional<std::string>& dbname, const std::string& file,
           const std::string& pgDump, const std::vector<std::string>& excludeSchemas, const std::string& format) {
            DumpOptions options;
            options.format = format == "plain" ? DumpFormat::Plain : DumpFormat::Custom;
            options.excludeSchemas = excludeSchemas;
            options.pgDump = tool(pgDump, "pg_dump");
            LoggerFeedback feedback;
            runTool(
                [&] {
                    Connection connection = open(spec, dbname);
                    dumpDatabase(connection, file, options, feedback);
                },
                feedback, "PgDumpCommandError", "PgDumpFailed");
        },
        py::arg("pg_connection"), py::arg("dbname"), py::arg("file"), py::arg("pg_dump_exe"),
        py::arg("exclude_schema"), py::arg("format"), "pg_dump of the database into file (custom or plain format).");

    m.def(
        "restore_database",
        [](const std::string& spec, const std::optional<std::string>& dbname, const std::string& file,
           const std::string& pgRestore, const std::vector<std::string>& excludeSchemas) {
            RestoreOptions options;
            options.excludeSchemas = excludeSchemas;
            options.pgRestore = tool(pgRestore, "pg_restore");
            LoggerFeedback feedback;
            runTool(
                [&] {
                    Connection connection = open(spec, dbname);
                    restoreDatabase(connection, file, options, feedback);
                },
                feedback, "PgRestoreCommandError", "PgRestoreFailed");
        },
        py::arg("pg_connection"), py::arg("dbname"), py::arg("file"), py::arg("pg_restore_exe"),
        py::arg("exclude_schema"), "Restores a custom-format (pg_restore) or plain SQL (psql) dump.");
}

const Binder binder("dumper", 50, &bindDumper);

}  // namespace

}  // namespace pum::python
