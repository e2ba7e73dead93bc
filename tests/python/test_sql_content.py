"""SqlContent / execute_sql on an ordinary psycopg connection (outside hooks)."""

from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from pum import CursorResult, SqlContent
from pum.exceptions import PumSqlError
from pum.utils.execute_sql import execute_sql


@pytest.fixture
def conn(db):
    with psycopg.connect(db.conninfo) as connection:
        yield connection


def test_result_reads_like_a_cursor(conn):
    result = SqlContent("SELECT g AS n, g * 2 AS double FROM generate_series(1, 5) g").execute(conn)
    assert isinstance(result, CursorResult)
    assert [column.name for column in result.description] == ["n", "double"]
    assert result.rowcount == 5
    assert result.fetchone() == (1, 2)
    assert result.fetchmany(2) == [(2, 4), (3, 6)]
    assert result.fetchall() == [(4, 8), (5, 10)]
    assert result.fetchone() is None
    ddl = SqlContent("CREATE TEMP TABLE x (id int)").execute(conn)
    assert ddl.description is None and ddl.fetchall() == []


def test_parameters_become_typed_literals_with_pum_brace_rules(conn):
    result = SqlContent(
        "SELECT {i} AS i, {b} AS b, {d} AS d, {s} AS s, {p} AS p, {none} AS none, '{{1,2}}'::int[] AS arr"
    ).execute(conn, parameters={"i": 2056, "b": True, "d": Decimal("1.50"), "s": "it's \\ {x}",
                                "p": Path("/a/b"), "none": None})
    assert result.fetchone() == (2056, True, Decimal("1.50"), "it's \\ {x}", "/a/b", None, [1, 2])


def test_without_parameters_text_runs_as_written(conn):
    assert SqlContent("SELECT '{literal}'").execute(conn).fetchone() == ("{literal}",)


def test_several_statements_and_files(conn, tmp_path):
    file = tmp_path / "script.sql"
    file.write_text("-- comment; with a semicolon\nCREATE TEMP TABLE t (v text);\n"
                    "INSERT INTO t VALUES ('a;b'), ($$c;d$$);\nSELECT v FROM t ORDER BY v;\n")
    assert SqlContent(file).execute(conn).fetchall() == [("a;b",), ("c;d",)]


def test_errors_carry_file_line_and_sqlstate(conn, tmp_path):
    file = tmp_path / "bad.sql"
    file.write_text("SELECT 1;\n\nSELECT no_such_column\n  FROM pg_class;\n")
    with pytest.raises(PumSqlError) as raised:
        SqlContent(file).execute(conn)
    assert raised.value.file == str(file) and raised.value.line == 3 and raised.value.sqlstate == "42703"
    conn.rollback()
    with pytest.raises(PumSqlError, match="unknown") as raised:
        SqlContent("SELECT 1;\nSELECT {missing}").execute(conn, parameters={"other": 1})
    assert raised.value.line == 2


def test_transaction_control_is_refused(conn):
    with pytest.raises(PumSqlError, match="COMMIT"):
        SqlContent("CREATE TEMP TABLE t (id int); COMMIT;").execute(conn)


def test_psycopg_sql_objects(conn):
    conn.execute("CREATE TEMP TABLE \"Odd Name\" (id int)")
    query = sql.SQL("INSERT INTO {table} VALUES ({v})")
    SqlContent(query).execute(conn, parameters={"table": sql.Identifier("Odd Name"), "v": sql.Literal(7)})
    composed = sql.SQL("SELECT id FROM {}").format(sql.Identifier("Odd Name"))
    assert SqlContent(composed).execute(conn).fetchall() == [(7,)]
    assert SqlContent("SELECT {v}").execute(conn, parameters=SqlContent.prepare_parameters({"v": 3})).fetchone() == (3,)


def test_commit_flag(db, conn):
    SqlContent("CREATE TABLE kept (id int)").execute(conn, commit=False)
    assert db.scalar("SELECT to_regclass('public.kept')") is None
    execute_sql(conn, "CREATE TABLE kept2 (id int)", commit=True)
    assert db.scalar("SELECT to_regclass('public.kept') IS NOT NULL AND to_regclass('public.kept2') IS NOT NULL")


def test_refuses_what_is_not_sql():
    with pytest.raises(PumSqlError, match="not int"):
        SqlContent(42)
