"""SQL text or files run on any psycopg 3 connection, split and substituted by pum's own lexer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

from .exceptions import PumSqlError

if TYPE_CHECKING:
    import psycopg
    import psycopg.sql


class CursorResult:
    """What a statement returned, kept after the cursor is gone.

    Reads like a DB-API cursor: :meth:`fetchone`, :meth:`fetchmany`,
    :meth:`fetchall`, :attr:`description`, :attr:`rowcount`, and iteration.
    It holds the result of the last statement run. ``_pum_results`` and
    ``_pum_description`` are pum 1.x's names of the rows and the description.
    """

    def __init__(self, results: Optional[List[tuple]] = None, description: Optional[Sequence[Any]] = None,
                 rowcount: int = 0) -> None:
        self._pum_results: List[tuple] = list(results) if results is not None else []
        self._pum_description = description
        self._rowcount = rowcount
        self._position = 0

    @property
    def description(self) -> Optional[Sequence[Any]]:
        """The columns of the rows (psycopg's ``cursor.description``), None for a statement without rows."""
        return self._pum_description

    @property
    def rowcount(self) -> int:
        """Rows returned or affected by the statement."""
        return self._rowcount

    def fetchone(self) -> Optional[tuple]:
        """The next row, or ``None`` when there is none left."""
        if self._position >= len(self._pum_results):
            return None
        row = self._pum_results[self._position]
        self._position += 1
        return row

    def fetchmany(self, size: int = 1) -> List[tuple]:
        """Up to ``size`` next rows."""
        rows = self._pum_results[self._position:self._position + max(size, 0)]
        self._position += len(rows)
        return rows

    def fetchall(self) -> List[tuple]:
        """All remaining rows."""
        rows = self._pum_results[self._position:]
        self._position = len(self._pum_results)
        return rows

    def __iter__(self):
        while True:
            row = self.fetchone()
            if row is None:
                return
            yield row


def _native():
    from . import _pum_native
    return _pum_native


def sql_chunks_from_file(file: Union[str, Path]) -> List["psycopg.sql.SQL"]:
    """The statements of a SQL file as ``psycopg.sql.SQL`` objects, split by pum's lexer (pum 1.x API).

    Braces are kept as written (the chunks are templates, formatted later).
    """
    import psycopg.sql as psql

    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PumSqlError(f"cannot read SQL file {path}: {error.strerror}", file=str(path)) from None
    script = _native().parse_sql(text, str(path), {}, substitute=False)
    return [psql.SQL(statement) for statement, _line in script.statements]


class SqlContent:
    """SQL to run: text, a ``psycopg.sql`` object, or a path to a ``.sql`` file.

    ``execute`` splits it into statements with pum's lexer (the one changelogs
    go through: strings, dollar quotes and comments are understood), replaces
    ``{name}`` by the parameter's SQL literal with Python ``str.format`` brace
    rules, and refuses transaction control (``BEGIN``, ``COMMIT``...)::

        SqlContent("SELECT {srid}::int").execute(connection, parameters={"srid": 2056}).fetchone()
    """

    def __init__(self, sql: Union[str, Path, "psycopg.sql.Composable"], *, source: Optional[str] = None) -> None:
        if isinstance(sql, os.PathLike):
            sql = Path(sql)
        elif not isinstance(sql, str):
            try:
                import psycopg.sql as psql
            except ImportError:
                psql = None
            if psql is None or not isinstance(sql, psql.Composable):
                raise PumSqlError(f"SQL must be a str, a pathlib.Path or a psycopg.sql object, not {type(sql).__name__}")
        self.sql = sql
        self._source = source

    def _text(self, connection: Any) -> Tuple[str, str, bool]:
        """(text, source, may substitute)."""
        if isinstance(self.sql, Path):
            try:
                return self.sql.read_text(encoding="utf-8"), self._source or str(self.sql), True
            except OSError as error:
                raise PumSqlError(f"cannot read SQL file {self.sql}: {error.strerror}", file=str(self.sql)) from None
        if isinstance(self.sql, str):
            return self.sql, self._source or "SQL text", True
        import psycopg.sql as psql
        # A plain SQL template still gets {name} substituted, as in pum 1.x;
        # composed SQL is final.
        return self.sql.as_string(connection), self._source or "composed SQL", isinstance(self.sql, psql.SQL)

    def statements(self, parameters: Optional[Dict[str, Any]] = None, connection: Any = None) -> List[Tuple[str, int]]:
        """The statements as they will run: ``[(text, line), ...]``. Raises PumSqlError."""
        script, _ = self._parse(parameters, connection)
        return script.statements

    def validate(self, parameters: Optional[Dict[str, Any]] = None) -> bool:
        """Checks that the SQL parses and every ``{name}`` is given (pum 1.x name)."""
        self._parse(parameters, None)
        return True

    def _parse(self, parameters: Optional[Dict[str, Any]], connection: Any):
        text, source, substitute = self._text(connection)
        values, composed = _split_parameters(parameters or {}, connection)
        native = _native()
        if composed:
            # Identifiers or other composed SQL as values: the core's literals
            # cannot express them, so psycopg formats the text (same brace
            # rules), then the lexer splits it without substituting.
            import psycopg.sql as psql
            if connection is None:
                raise PumSqlError("SQL composed with psycopg.sql values needs a connection to be rendered")
            rendered = {name: psql.Literal(value) for name, value in values.items()}
            rendered.update(composed)
            try:
                text = psql.SQL(text).format(**rendered).as_string(connection)
            except (KeyError, IndexError, ValueError) as error:
                raise PumSqlError(f"{source}: cannot substitute parameters: {error}", file=source) from None
            return native.parse_sql(text, source, {}, substitute=False), source
        return native.parse_sql(text, source, values, substitute=substitute and parameters is not None), source

    def execute(self, connection: "psycopg.Connection", *, parameters: Optional[Dict[str, Any]] = None,
                commit: bool = False) -> CursorResult:
        """Runs the statements on ``connection``; returns the last one's result.

        ``parameters`` maps names to Python values (``bool``, ``int``,
        ``Decimal``, ``float``, ``str``, ``Path``, ``None``) or
        ``psycopg.sql`` objects (``Literal``, ``Identifier``, composed SQL).
        Without ``parameters`` the text runs as written (braces untouched).
        Commits only when ``commit`` is true (refused inside a hook).
        Raises :class:`PumSqlError` with the file and line of the failing statement.
        """
        import psycopg

        script, source = self._parse(parameters, connection)
        result = CursorResult()
        with connection.cursor() as cursor:
            for index, (text, line) in enumerate(script.statements):
                try:
                    cursor.execute(text.encode("utf-8"), prepare=False)
                except psycopg.Error as error:
                    diag = getattr(error, "diag", None)
                    position = getattr(diag, "statement_position", None)
                    if position:
                        line = script.line_at_position(index, int(position))
                    failure = PumSqlError(
                        f"{source}:{line}: {str(error).strip()}", sqlstate=getattr(error, "sqlstate", None),
                        file=source, line=line, detail=getattr(diag, "message_detail", None) or "",
                        hint=getattr(diag, "message_hint", None) or "", statement=text)
                    # Both a PumSqlError and the psycopg class of its SQLSTATE
                    # (pum's callers catch psycopg.errors.UniqueViolation...).
                    from ._sql_errors import as_psycopg_error
                    converted = as_psycopg_error(failure)
                    if converted is not failure:
                        converted.sqlstate = failure.sqlstate
                        # The server's diagnostics (error.diag) of the original error.
                        for name in ("_info", "_encoding", "_pgconn"):
                            if hasattr(error, name):
                                setattr(converted, name, getattr(error, name))
                    raise converted from error
            if cursor.description is not None:
                result = CursorResult(cursor.fetchall(), cursor.description, cursor.rowcount)
            else:
                result = CursorResult(None, None, cursor.rowcount)
        if commit:
            connection.commit()
        return result

    @staticmethod
    def prepare_parameters(parameters: Optional[Dict[str, Any]]) -> Dict[str, Any]:
        """Parameters as ``psycopg.sql.Literal`` objects (pum 1.x helper)."""
        import psycopg.sql as psql
        return {name: value if isinstance(value, psql.Composable) else psql.Literal(value)
                for name, value in (parameters or {}).items()}


def _split_parameters(parameters: Dict[str, Any], connection: Any) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """Plain values (for the core's typed literals) and composed SQL (Identifier...)."""
    values: Dict[str, Any] = {}
    composed: Dict[str, Any] = {}
    try:
        import psycopg.sql as psql
    except ImportError:
        return dict(parameters), composed
    for name, value in parameters.items():
        if isinstance(value, psql.Literal):
            values[name] = value._obj  # the wrapped Python value, typed by the core
        elif isinstance(value, psql.Composable):
            composed[name] = value
        else:
            values[name] = value
    if composed:
        # Everything goes through psycopg then, plain values as literals.
        return values, composed
    return values, composed


__all__ = ["SqlContent", "CursorResult", "sql_chunks_from_file"]
