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


class HookHandler:
    """One hook of ``.pum.yaml``: a ``.sql`` or ``.py`` file, or inline SQL ``code`` (pum 1.x API).

    ``file`` is relative to ``base_path`` (the module root) or absolute. A
    Python hook is loaded when the handler is made (``hook_instance`` is its
    ``Hook``), with its folder and the module root at the front of
    ``sys.path``; they are there again while it runs, so imports inside
    ``run_hook`` work too. The modules the hook imported from those folders
    stay loaded until :meth:`cleanup_imports` (``PumConfig.cleanup_hook_imports``)
    forgets them, so that another version of the module can then load its own.
    SQL runs through :class:`pum.sql_content.SqlContent` (pum's lexer).
    """

    def __init__(self, *, file: Union[str, Path, None] = None, code: Optional[str] = None,
                 base_path: Optional[Path] = None, source: Optional[str] = None) -> None:
        from .exceptions import PumHookError

        if (file is None) == (code is None):
            raise PumHookError("a hook has either a file or code, not both or neither")
        self.base_path = Path(base_path) if base_path is not None else Path(".")
        self.file: Optional[Path] = None
        self.code = code
        self._source = source
        self.hook_instance: Optional[HookBase] = None
        self._signature = None
        self._paths: list = []
        self._imported: set = set()
        if file is not None:
            path = Path(file)
            self.file = path if path.is_absolute() else self.base_path / path
            if not self.file.is_file():
                raise PumHookError(f"hook file {self.file} not found")
            if self.file.suffix.lower() == ".py":
                self._load()
            elif self.file.suffix.lower() != ".sql":
                raise PumHookError(f"hook file {self.file} is neither a .sql nor a .py file")

    # ---- identity ----------------------------------------------------------

    def _key(self) -> Tuple[Optional[str], Optional[str]]:
        return (os.path.realpath(self.file) if self.file is not None else None, self.code)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HookHandler):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        if self.file is not None:
            return f"<HookHandler file={self.file}>"
        code = self.code if len(self.code) <= 40 else self.code[:37] + "..."
        return f"<HookHandler code={code!r}>"

    @property
    def is_python(self) -> bool:
        return self.file is not None and self.file.suffix.lower() == ".py"

    # ---- Python hooks ------------------------------------------------------

    def _folders(self) -> list:
        return list(dict.fromkeys([os.path.realpath(self.file.parent), os.path.realpath(self.base_path)]))

    def _imports(self):
        """Context: the hook's folders first on sys.path; remembers what it imports from them."""
        import contextlib
        import importlib
        import sys

        from ._runner import _inside, evict_shadowing

        @contextlib.contextmanager
        def context():
            folders = self._folders()
            evict_shadowing(folders)
            before = set(sys.modules)
            saved_bytecode = sys.dont_write_bytecode
            sys.dont_write_bytecode = True
            added = [folder for folder in folders if folder not in sys.path]
            sys.path[:0] = added
            importlib.invalidate_caches()
            try:
                yield
            finally:
                for folder in added:
                    with contextlib.suppress(ValueError):
                        sys.path.remove(folder)
                sys.dont_write_bytecode = saved_bytecode
                for name in set(sys.modules) - before:
                    module = sys.modules.get(name)
                    location = getattr(module, "__file__", None)
                    paths = list(getattr(module, "__path__", []) or [])
                    if (module is None or name.startswith("_pum_hook_") or _inside(location, folders)
                            or any(_inside(p, folders) for p in paths)):
                        self._imported.add(name)

        return context()

    def _load(self) -> None:
        from ._runner import _describe, _load, _Signature
        from .exceptions import PumHookError

        try:
            with self._imports():
                hook_class = _load(self.file)
                self._signature = _Signature(hook_class, self.file)
                self.hook_instance = hook_class()
        except PumHookError:
            raise
        except BaseException as error:  # a hook file must not stop the process, even with sys.exit()
            raise PumHookError(_describe(error, self.file, self.base_path)) from None

    def cleanup_sys_path(self) -> None:
        """Removes the hook's folders from ``sys.path`` (they are only there while it loads and runs)."""
        import sys

        if self.file is None:
            return
        for folder in self._folders():
            while folder in sys.path:
                sys.path.remove(folder)

    def cleanup_imports(self) -> None:
        """Forgets the modules the hook imported from its folders (and the hook itself)."""
        import sys

        for name in self._imported:
            sys.modules.pop(name, None)
        self._imported.clear()

    # ---- pum 1.x API -------------------------------------------------------

    def _sql(self):
        from .sql_content import SqlContent

        if self.file is not None:
            return SqlContent(self.file)
        return SqlContent(self.code, source=self._source or "inline code")

    def validate(self, parameters: Optional[dict]) -> None:
        """Checks the hook against the declared ``parameters`` (a dict name -> value).

        A Python hook's ``run_hook`` may only name declared parameters; SQL must
        parse with them. Raises :class:`pum.exceptions.PumHookError`.
        """
        from .exceptions import PumHookError, PumSqlError

        declared = dict(parameters or {})
        if self.is_python:
            for name in self._signature.named:
                if name not in declared:
                    known = ", ".join(sorted(declared)) or "none"
                    raise PumHookError(f"{self.file}: run_hook takes '{name}', which is not a declared parameter "
                                       f"(declared: {known})")
            return
        try:
            self._sql().validate(declared)
        except PumSqlError as error:
            raise PumHookError(f"hook {self.file or 'code'} is invalid: {error}") from None

    def execute(self, connection: "psycopg.Connection", *, commit: bool = False,
                parameters: Optional[dict] = None) -> None:
        """Runs the hook on ``connection`` (a psycopg connection); commits only when ``commit`` is true."""
        from .exceptions import PumHookError

        if self.is_python:
            from ._runner import _describe

            values = dict(parameters or {})
            try:
                with self._imports():
                    bind(self.hook_instance, connection, values, file=self.file, module_root=self.base_path)
                    self.hook_instance.run_hook(**self._signature.arguments(connection, values))
            except PumHookError:
                raise
            except BaseException as error:
                from .exceptions import PumException
                if isinstance(error, PumException):
                    raise
                raise PumHookError(_describe(error, self.file, self.base_path)) from error
        else:
            self._sql().execute(connection, parameters=parameters, commit=False)
        if commit:
            connection.commit()


__all__ = ["HookBase", "HookHandler"]
