#include "caller_connection.h"

#include <libpq-fe.h>

#include <cstdint>

#include "pum/base/error.h"

namespace pum::python {

py::tuple libpqIdentity()
{
    return py::make_tuple(PQlibVersion(),
                          static_cast<std::uintptr_t>(reinterpret_cast<std::uintptr_t>(&PQlibVersion)));
}

Connection callerConnection(const py::handle& connection, bool commit)
{
    if (connection.is_none()) throw ConnectionError("a psycopg connection is needed (got None)");
    py::object pgconn;
    try {
        pgconn = connection.attr("pgconn");
    } catch (py::error_already_set&) {
        throw ConnectionError("expected a psycopg 3 connection, got " +
                              std::string(py::str(py::type::of(connection).attr("__name__"))));
    }
    // Refuses a psycopg built on another libpq (its C implementation bundles one).
    py::module_::import("pum._connection").attr("check_psycopg")(libpqIdentity());
    auto address = pgconn.attr("pgconn_ptr").cast<std::uintptr_t>();
    if (address == 0) throw ConnectionError("the psycopg connection is closed");
    auto* conn = reinterpret_cast<PGconn*>(address);
    if (PQstatus(conn) != CONNECTION_OK) throw ConnectionError("the psycopg connection is broken");
    // An autocommit connection has no transaction the caller would end: the
    // command's own would stay open behind psycopg's back, so it commits.
    if (!commit && py::hasattr(connection, "autocommit")) commit = connection.attr("autocommit").cast<bool>();
    Connection borrowed = Connection::borrow(conn);
    borrowed.setTransactionMode(commit ? Connection::TransactionMode::JoinAndCommit
                                       : Connection::TransactionMode::Join);
    return borrowed;
}

}  // namespace pum::python
