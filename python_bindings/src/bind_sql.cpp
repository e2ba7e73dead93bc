// pum's SQL lexer seen from Python: pum.sql_content (SqlContent, what Python
// hooks run through HookBase.execute) splits and substitutes with it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>

#include "binders.h"
#include "bridge.h"
#include "given_parameters.h"
#include "pum/base/error.h"
#include "pum/sql/sql.h"

namespace py = pybind11;
using namespace pum;

namespace {

// A parsed script whose statements keep pointing at its line table.
struct Script {
    SqlScript script;
    py::list statements() const
    {
        py::list list;
        for (const SqlStatement& statement : script.statements) list.append(py::make_tuple(statement.text, statement.line));
        return list;
    }
    int lineAtPosition(std::size_t index, int position) const
    {
        if (index >= script.statements.size()) throw py::index_error("no statement " + std::to_string(index));
        return script.statements[index].lineAtPosition(position);
    }
};

void bindSql(py::module_& m)
{
    py::class_<Script, std::shared_ptr<Script>>(m, "SqlScript")
        .def_property_readonly("source", [](const Script& s) { return s.script.source; })
        .def_property_readonly("statements", &Script::statements, "[(text, line), ...]")
        .def("line_at_position", &Script::lineAtPosition, py::arg("index"), py::arg("position"),
             "Source line of a server error position (1-based characters) in statement `index`.");

    m.def(
        "parse_sql",
        [](const std::string& text, const std::string& source, const py::dict& parameters, bool substitute,
           bool refuseTransactionControl, int firstLine) {
            SqlOptions options;
            options.substitute = substitute;
            options.refuseTransactionControl = refuseTransactionControl;
            options.firstLine = firstLine;
            auto script = std::make_shared<Script>();
            script->script = parseSql(text, source, pum::python::rawParameters(parameters), options);
            return script;
        },
        py::arg("text"), py::arg("source") = "SQL text", py::arg("parameters") = py::dict(),
        py::arg("substitute") = true, py::arg("refuse_transaction_control") = true, py::arg("first_line") = 1,
        "Splits SQL with pum's lexer and substitutes {name} parameters (Python values).");

    m.def(
        "transaction_control",
        [](const std::string& text) -> std::string {
            SqlOptions options;
            options.substitute = false;
            try {
                parseSql(text, "query", {}, options);
                return {};
            } catch (const SqlError& refused) {
                // Only transaction control: anything else the server reports itself.
                options.refuseTransactionControl = false;
                try {
                    parseSql(text, "query", {}, options);
                } catch (const SqlError&) {
                    return {};
                }
                return refused.info().message;
            }
        },
        py::arg("text"), "Why `text` ends or starts a transaction (\"\" when it does not).");
}

const pum::python::Binder binder("sql", 10, &bindSql);

}  // namespace
