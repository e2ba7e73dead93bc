#pragma once
// pum's Python API works on the caller's psycopg 3 connection: the core runs
// on that very libpq session (conn.pgconn.pgconn_ptr), inside the caller's
// transaction, committing only when the API call says commit=True.
#include <pybind11/pybind11.h>

#include "pum/db/database.h"

namespace pum::python {

namespace py = pybind11;

// A borrowed core Connection on `connection`'s PGconn (checked to be our
// libpq). `commit`: the command commits at its end (pum's commit=True);
// otherwise it joins the caller's transaction and leaves it open. Needs the GIL.
Connection callerConnection(const py::handle& connection, bool commit);

// (PQlibVersion(), address of PQlibVersion): how psycopg proves it shares our libpq.
py::tuple libpqIdentity();

}  // namespace pum::python
