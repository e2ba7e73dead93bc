"""Base class of Python hooks (``class Hook(HookBase)`` in a ``.py`` hook file)."""

from __future__ import annotations

import copy
import inspect
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple, Union

if TYPE_CHECKING:  # psycopg is only needed when a hook actually runs
    import psycopg
    import psycopg.sql


class HookBase:
    """Base class of a Python hook.

    A hook file defines ``class Hook(HookBase)`` and overrides
    :meth:`run_hook`. pum calls it inside the command's transaction::

        from pum import HookBase

        class Hook(HookBase):
            def run_hook(self, connection, srid: int):
                self.execute("CREATE TABLE app.t (geom geometry(Point, {srid}))")

    The hook must not commit: ``connection.commit()``, ``rollback()`` and
    ``close()`` raise :class:`pum.exceptions.PumHookError`.
    """

    def __init__(self) -> None:
        self._connection: Optional["psycopg.Connection"] = None
        self._parameters: Dict[str, Any] = {}
        self._run_sql: Optional[Callable[[str, str, int, bool], None]] = None
        self._file: Optional[Path] = None
        self._module_root: Optional[Path] = None

    def _prepare(self, connection: "psycopg.Connection", parameters: Optional[Dict[str, Any]] = None,
                 *, run_sql: Optional[Callable[[str, str, int, bool], None]] = None,
                 file: Optional[Path] = None, module_root: Optional[Path] = None) -> None:
        """Called by pum before :meth:`run_hook` (pum 1.x has the same method)."""
        self._connection = connection
        # A copy: a hook changing its dict must not change what execute() substitutes.
        self._parameters = copy.deepcopy(dict(parameters or {}))
        self._run_sql = run_sql
        self._file = Path(file) if file else None
        self._module_root = Path(module_root) if module_root else None

    @property
    def parameters(self) -> Dict[str, Any]:
        """Every parameter of the run by name, as Python values (a copy)."""
        return copy.deepcopy(self._parameters)

    def run_hook(self, connection: "psycopg.Connection", **parameters: Any) -> None:
        """Override: the hook's work.

        ``connection`` is a ``psycopg.Connection`` on pum's own session and
        transaction. Name module parameters as further arguments to receive
        them converted to their declared type (``int``, ``bool``,
        ``decimal.Decimal``, ``str``, ``pathlib.Path``; ``None`` when unset,
        unless the argument has a default, which then applies).
        """
        raise NotImplementedError("a hook must override run_hook(self, connection, ...)")

    def execute(self, sql: Union[str, Path, "psycopg.sql.Composable"]) -> None:
        """Runs SQL on the hook's connection with every parameter substituted, without committing.

        ``sql`` is SQL text, a ``psycopg.sql.SQL`` template (both get ``{name}``
        substituted with pum's brace rules), another ``psycopg.sql``
        composable (run as composed, no substitution), or a path to a ``.sql``
        file: a ``pathlib.Path``, or a ``str`` ending in ``.sql`` that names an
        existing file; relative paths are looked up from the hook's folder,
        then the module root. Raises :class:`pum.exceptions.PumSqlError` with
        the file and line of the failing statement.
        """
        if self._connection is None:
            raise RuntimeError("HookBase.execute() is only available while pum runs the hook")
        text, source, first_line, substitute = self._sql_source(sql)
        if self._run_sql is not None:
            self._run_sql(text, source, first_line, substitute)
            return
        # Outside pum's runner (a hook driven by a test, say): same lexer, psycopg's connection.
        from .sql_content import SqlContent
        SqlContent(text, source=source).execute(
            self._connection, parameters=self._parameters if substitute else None)

    execute.__isfinal__ = True  # type: ignore[attr-defined]

    def _sql_source(self, sql: Any) -> Tuple[str, str, int, bool]:
        """(text, source for messages, first line, substitute parameters?)."""
        path = self._as_sql_file(sql)
        if path is not None:
            return path.read_text(encoding="utf-8"), str(path), 1, True
        where = self._caller()
        try:
            import psycopg.sql as psql
        except ImportError:  # then sql can only be a str
            psql = None
        if psql is not None and isinstance(sql, psql.SQL):
            return sql.as_string(self._connection), f"SQL given to execute() at {where}", 1, True
        if psql is not None and isinstance(sql, psql.Composable):
            return sql.as_string(self._connection), f"SQL given to execute() at {where}", 1, False
        if isinstance(sql, bytes):
            sql = sql.decode("utf-8")
        if not isinstance(sql, str):
            raise TypeError(f"execute() takes SQL as str, pathlib.Path or psycopg.sql, not {type(sql).__name__}")
        return sql, f"SQL given to execute() at {where}", 1, True

    def _as_sql_file(self, sql: Any) -> Optional[Path]:
        if isinstance(sql, os.PathLike):
            candidate = Path(sql)
        elif isinstance(sql, str) and sql.strip().lower().endswith(".sql") and "\n" not in sql.strip():
            candidate = Path(sql.strip())
        else:
            return None
        if candidate.is_absolute():
            found = candidate if candidate.is_file() else None
        else:
            roots = [p for p in (self._file.parent if self._file else None, self._module_root) if p]
            found = next((root / candidate for root in roots if (root / candidate).is_file()), None)
            if found is None and candidate.is_file():
                found = candidate.resolve()
        # A Path, or a str that can only be a file name (no blank), must exist.
        if found is None and (isinstance(sql, os.PathLike) or not any(c.isspace() for c in sql.strip())):
            raise FileNotFoundError(f"SQL file {candidate} not found (looked in the hook's folder and the module root)")
        return found

    def _caller(self) -> str:
        """'file:line' of the hook code that called execute(), for error messages."""
        frame = inspect.currentframe()
        here = os.path.abspath(__file__)
        while frame is not None:
            name = frame.f_code.co_filename
            if os.path.abspath(name) != here:
                shown = name
                if self._module_root is not None:
                    try:
                        shown = str(Path(name).relative_to(self._module_root))
                    except ValueError:
                        pass
                return f"{shown}:{frame.f_lineno}"
            frame = frame.f_back
        return "hook"


__all__ = ["HookBase"]
