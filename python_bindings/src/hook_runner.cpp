// The ".py" hook runner: the C++ half. It hands the hook's Python side
// (pum/_runner.py) the core's own PGconn, the parameters and a function that
// runs SQL through the core, and afterwards makes sure the libpq session is
// exactly as the core expects it, whatever the hook did.
#include <libpq-fe.h>

#include <cstdint>
#include <memory>

#include "bridge.h"
#include "caller_connection.h"
#include "hook_interrupt.h"
#include "pum/module/config.h"
#include "pum/db/database.h"
#include "pum/base/feedback.h"
#include "pum/run/hook.h"
#include "pum/sql/sql.h"

namespace pum::python {

namespace {

py::dict declaredParameters(const Config& config)
{
    py::dict declared;
    for (const ParameterDefinition& definition : config.parameters)
        declared[py::str(definition.name)] = py::str(std::string(toString(definition.type)));
    return declared;
}

py::list dependencies(const Config& config)
{
    py::list list;
    for (const Dependency& dependency : config.dependencies) {
        auto optional = [](const std::optional<std::string>& text) {
            return text ? py::object(py::str(*text)) : py::object(py::none());
        };
        list.append(py::make_tuple(dependency.name, optional(dependency.minimumVersion),
                                   optional(dependency.maximumVersion), dependency.line));
    }
    return list;
}

std::string hookFile(const HookDefinition& hook)
{
    if (!hook.file)
        throw HookError(hook.describe() + ": a Python hook needs a file");
    return hook.file->string();
}

// After the hook: whatever it did through the raw libpq handle, leave no
// pending result, no pipeline and the blocking mode the core had.
std::string restoreSession(PGconn* conn, int nonblocking)
{
    std::string problem;
    if (PQpipelineStatus(conn) != PQ_PIPELINE_OFF) {
        problem = "the hook left the connection in pipeline mode";
        while (PGresult* result = PQgetResult(conn))
            PQclear(result);
        PQexitPipelineMode(conn);
    }
    if (PQisBusy(conn)) {
        if (problem.empty())
            problem = "the hook left a query running";
    }
    // A COPY left open, or results nobody read. Bounded: a session that
    // will not settle is reported, never waited on forever.
    for (int i = 0; i < 10000; ++i) {
        PGresult* result = PQgetResult(conn);
        if (!result)
            break;
        ExecStatusType status = PQresultStatus(result);
        PQclear(result);
        if (status == PGRES_COPY_IN)
            PQputCopyEnd(conn, "abandoned by a pum hook");
        if (status == PGRES_COPY_OUT) {
            char* row = nullptr;
            while (PQgetCopyData(conn, &row, 0) > 0)
                PQfreemem(row);
        }
        if (problem.empty())
            problem = "the hook left unread results on the connection";
    }
    if (PQisnonblocking(conn) != nonblocking)
        PQsetnonblocking(conn, nonblocking);
    return problem;
}

class PythonHookRunner : public HookRunner {
public:
    void check(const HookDefinition& hook, const Config& config) override
    {
        py::gil_scoped_acquire gil;
        try {
            py::module_::import("pum._runner")
                .attr("check_hook")(hookFile(hook), config.baseDir.string(), declaredParameters(config),
                                    dependencies(config), config.configFile.string(), libpqIdentity());
        } catch (py::error_already_set& error) {
            rethrowAsCoreError(error);
        }
    }

    void run(const HookDefinition& hook, HookContext& context) override
    {
        PGconn* conn = context.connection.native();
        if (!conn || PQstatus(conn) != CONNECTION_OK)
            throw ConnectionError("cannot run " + hook.describe() + ": the connection is not open");
        const int nonblocking = PQisnonblocking(conn);
        const std::string file = hookFile(hook);
        std::string sessionProblem;
        {
            py::gil_scoped_acquire gil;
            RunningHook interruptible;
            try {
                py::dict parameters;
                for (const auto& [name, value] : context.parameters)
                    parameters[py::str(name)] = toPython(value);

                HookContext* ctx = &context;
                // What self.execute() ends in: the core's lexer and pipeline on
                // the run's connection, never committing.
                py::cpp_function runSql([ctx](const std::string& text, const std::string& source,
                                              int firstLine, bool substitute) {
                    try {
                        ctx->feedback.throwIfCancelled();
                        py::gil_scoped_release nogil;
                        SqlOptions options;
                        options.substitute = substitute;
                        options.firstLine = firstLine;
                        SqlScript script = parseSql(text, source, ctx->parameters, options);
                        ctx->connection.runStatements(script.statements, source);
                        if (ctx->statementsSent) ctx->statementsSent(script.statements.size());
                    } catch (const std::exception& error) {
                        setPythonError(error);
                        throw py::error_already_set();
                    }
                });
                py::cpp_function log([ctx](const std::string& message, const std::string& level) {
                    Feedback::Level value = Feedback::Level::Info;
                    if (level == "debug") value = Feedback::Level::Debug;
                    else if (level == "warning") value = Feedback::Level::Warning;
                    else if (level == "trace") value = Feedback::Level::Trace;
                    ctx->feedback.log(value, message);
                });  // No py::arg defaults: pybind11 2.10 leaks their records with each run-time function.
                // Each statement psycopg sends for the hook (the bar moves through it).
                py::cpp_function sent([ctx](std::size_t count) {
                    if (ctx->statementsSent) ctx->statementsSent(count);
                });

                py::module_::import("pum._runner")
                    .attr("run_hook")(file, context.config.baseDir.string(), declaredParameters(context.config),
                                      reinterpret_cast<std::uintptr_t>(conn), parameters, runSql, log, sent,
                                      libpqIdentity());
            } catch (py::error_already_set& error) {
                sessionProblem = restoreSession(conn, nonblocking);
                rethrowAsCoreError(error);
            }
        }
        sessionProblem = restoreSession(conn, nonblocking);
        if (!sessionProblem.empty())
            throw HookError(hook.describe() + ": " + sessionProblem);
        switch (PQtransactionStatus(conn)) {
        case PQTRANS_INTRANS:
            break;
        case PQTRANS_INERROR:
            throw HookError(hook.describe() +
                            ": the hook caught an SQL error and went on; the transaction is aborted");
        case PQTRANS_IDLE:
            // Raw libpq access can get past every guard; say so rather than carry on.
            throw HookError(hook.describe() +
                            ": the hook ended pum's transaction (COMMIT or ROLLBACK through the raw "
                            "libpq handle); what it committed cannot be undone");
        default:
            throw ConnectionError(hook.describe() + ": the connection was lost during the hook");
        }
    }
};

}  // namespace

void registerHookRunner()
{
    HookRegistry::instance().add(".py", std::make_shared<PythonHookRunner>());
    registerHookInterrupter();
}

}  // namespace pum::python
