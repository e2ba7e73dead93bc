"""Base class of Python hooks (``class Hook(HookBase)`` in a ``.py`` hook file)."""

from __future__ import annotations

import abc
import copy
import inspect
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple, Union

if TYPE_CHECKING:  # psycopg is only needed when a hook actually runs
    import psycopg
    import psycopg.sql


class HookBase(abc.ABC):
    """Base class of a Python hook.

    A hook file defines ``class Hook(HookBase)`` and overrides
    :meth:`run_hook`. pum calls it inside the command's transaction::

        from pum import HookBase

        class Hook(HookBase):
            def run_hook(self, connection, srid: int):
                self.execute("CREATE TABLE app.t (geom geometry(Point, {srid}))")

    The surface is pum's: ``run_hook``, ``execute`` and the attributes
    ``_connection`` and ``_parameters``, set before ``run_hook`` runs. A
    subclass may set any other attribute on ``self`` (``self.parameters``...):
    pum-native keeps its own state under a mangled name no hook can collide with.

    ``connection.commit()`` inside a hook (or a library it calls) is a
    checkpoint, not a commit: the command commits once, at its end.
    ``rollback()`` aborts the whole command; ``close()``, ``autocommit = True``
    and ``with connection:`` are refused.
    """

    def __init__(self) -> None:
        self._connection: Optional["psycopg.Connection"] = None
        self._parameters: Dict[str, Any] = {}

    @abc.abstractmethod
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
        connection = getattr(self, "_connection", None)
        if connection is None:
            raise RuntimeError("HookBase.execute() is only available while pum runs the hook")
        run = _run_of(self)
        text, source, substitute = _sql_source(sql, connection, run)
        if run.run_sql is not None:
            # The core substitutes the run's typed values (what _parameters was set from).
            run.run_sql(text, source, 1, substitute)
            return
        parameters = getattr(self, "_parameters", None) or {}
        # Outside pum's runner (a hook driven by a test, say): same lexer, psycopg's connection.
        from .sql_content import SqlContent
        SqlContent(text, source=source).execute(connection, parameters=parameters if substitute else None)


class _Run:
    """What pum-native's runner lends one hook run (kept off the hook's namespace)."""

    def __init__(self, run_sql: Optional[Callable[..., None]] = None, file: Optional[Path] = None,
                 module_root: Optional[Path] = None) -> None:
        self.run_sql = run_sql
        self.file = Path(file) if file else None
        self.module_root = Path(module_root) if module_root else None


# A name mangled as Python mangles `__pum_native_run` inside HookBase: a
# subclass writing `self.__pum_native_run` would get its own mangled name.
_RUN_ATTRIBUTE = "_HookBase__pum_native_run"


def _run_of(hook: HookBase) -> _Run:
    return hook.__dict__.get(_RUN_ATTRIBUTE) or _Run()


def bind(hook: HookBase, connection: "psycopg.Connection", parameters: Optional[Dict[str, Any]] = None, *,
         run_sql: Optional[Callable[..., None]] = None, file: Optional[Path] = None,
         module_root: Optional[Path] = None) -> None:
    """Called by the runner before ``run_hook``: pum's two attributes, and ours under a mangled name."""
    hook._connection = connection
    # A copy: the caller's dict stays as it was whatever the hook does with its own.
    hook._parameters = copy.deepcopy(dict(parameters or {}))
    hook.__dict__[_RUN_ATTRIBUTE] = _Run(run_sql, file, module_root)


def _sql_source(sql: Any, connection: Any, run: _Run) -> Tuple[str, str, bool]:
    """(text, source for messages, substitute parameters?)."""
    path = _as_sql_file(sql, run)
    if path is not None:
        return path.read_text(encoding="utf-8"), str(path), True
    where = _caller(run)
    try:
        import psycopg.sql as psql
    except ImportError:  # then sql can only be a str
        psql = None
    if psql is not None and isinstance(sql, psql.SQL):
        return sql.as_string(connection), f"SQL given to execute() at {where}", True
    if psql is not None and isinstance(sql, psql.Composable):
        return sql.as_string(connection), f"SQL given to execute() at {where}", False
    if isinstance(sql, bytes):
        sql = sql.decode("utf-8")
    if not isinstance(sql, str):
        raise TypeError(f"execute() takes SQL as str, pathlib.Path or psycopg.sql, not {type(sql).__name__}")
    return sql, f"SQL given to execute() at {where}", True


def _as_sql_file(sql: Any, run: _Run) -> Optional[Path]:
    if isinstance(sql, os.PathLike):
        candidate = Path(sql)
    elif isinstance(sql, str) and sql.strip().lower().endswith(".sql") and "\n" not in sql.strip():
        candidate = Path(sql.strip())
    else:
        return None
    if candidate.is_absolute():
        found = candidate if candidate.is_file() else None
    else:
        roots = [p for p in (run.file.parent if run.file else None, run.module_root) if p]
        found = next((root / candidate for root in roots if (root / candidate).is_file()), None)
        if found is None and candidate.is_file():
            found = candidate.resolve()
    # A Path, or a str that can only be a file name (no blank), must exist.
    if found is None and (isinstance(sql, os.PathLike) or not any(c.isspace() for c in sql.strip())):
        raise FileNotFoundError(f"SQL file {candidate} not found (looked in the hook's folder and the module root)")
    return found


def _caller(run: _Run) -> str:
    """'file:line' of the hook code that called execute(), for error messages."""
    frame = inspect.currentframe()
    here = os.path.abspath(__file__)
    while frame is not None:
        name = frame.f_code.co_filename
        if os.path.abspath(name) != here:
            shown = name
            if run.module_root is not None:
                try:
                    shown = str(Path(name).relative_to(run.module_root))
                except ValueError:
                    pass
            return f"{shown}:{frame.f_lineno}"
        frame = frame.f_back
    return "hook"


__all__ = ["HookBase"]
