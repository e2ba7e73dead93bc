"""The Python half of the ``.py`` hook runner (the C++ half is libpum_python_hooks).

``check_hook`` runs for every hook before the transaction starts; ``run_hook``
runs one inside it. Both load the hook file under a unique module name with
its folder and the module root at the front of ``sys.path``, and afterwards
remove those entries and forget the modules imported from those folders, so
two hooks may each have their own ``helpers`` and a second run in the same
process gets fresh code.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import itertools
import os
import sys
import traceback
import types
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from . import _connection
from .dependencies import check_dependencies
from .exceptions import PumCancelled, PumHookError
from .hook import HookBase, bind

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_counter = itertools.count(1)


def ensure_own_package(folder: str) -> None:
    """Refuses to run with another ``pum`` (pum 1.x from pip) imported in its place."""
    expected = os.path.realpath(os.path.join(folder, "pum"))
    if os.path.realpath(_PACKAGE_DIR) != expected:
        raise PumHookError(f"another 'pum' package is imported ({_PACKAGE_DIR}) instead of pum-native's ({expected})")


def _inside(path: Optional[str], folders: List[str]) -> bool:
    if not path:
        return False
    path = os.path.realpath(path)
    return any(path == folder or path.startswith(folder + os.sep) for folder in folders)


# Never forgotten for a hook: this package and psycopg are shared by every hook.
_KEEP = {"pum", "psycopg", "psycopg_c", "psycopg_binary"}


def evict_shadowing(folders: List[str]) -> None:
    """Forgets modules of another folder that bear the name of one of these folders' modules.

    A hook's `import helpers` must find its own helpers.py, not the one another
    module's hook left in sys.modules (pum's HookHandler keeps them until
    cleanup_hook_imports()). The standard library, compiled extensions (they
    cannot load twice in one process), pum and psycopg are never forgotten.
    """
    local = set()
    for folder in folders:
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            stem, ext = os.path.splitext(entry)
            if ext == ".py" or (not ext and os.path.isdir(os.path.join(folder, entry))):
                local.add(stem if ext else entry)
    for name in list(sys.modules):
        top = name.split(".", 1)[0]
        if top not in local or top in _KEEP or top in sys.builtin_module_names \
                or top in getattr(sys, "stdlib_module_names", ()):
            continue
        module = sys.modules.get(name)
        location = getattr(module, "__file__", None)
        if location and not location.endswith(".py"):
            continue
        paths = list(getattr(module, "__path__", []) or [])
        if _inside(location, folders) or any(_inside(p, folders) for p in paths):
            continue
        sys.modules.pop(name, None)


@contextlib.contextmanager
def _hook_imports(file: Path, module_root: Path) -> Iterator[None]:
    folders = list(dict.fromkeys([os.path.realpath(file.parent), os.path.realpath(module_root)]))
    evict_shadowing(folders)
    before = set(sys.modules)
    saved_path = list(sys.path)
    saved_bytecode = sys.dont_write_bytecode
    # No __pycache__ in the user's module folders, and never a stale one:
    # a hook rewritten within the same second must still load anew.
    sys.dont_write_bytecode = True
    sys.path[:0] = folders
    importlib.invalidate_caches()
    try:
        yield
    finally:
        # Restore the whole list: a hook may have changed it as well.
        sys.path[:] = saved_path
        sys.dont_write_bytecode = saved_bytecode
        for name in set(sys.modules) - before:
            module = sys.modules.get(name)
            # Only what came from the hook's folders: dropping a C extension
            # (numpy...) would break its next import in this process.
            if module is None or _inside(getattr(module, "__file__", None), folders) or name.startswith("_pum_hook_"):
                sys.modules.pop(name, None)


def _load(file: Path) -> type:
    """The ``Hook`` class of ``file``, from freshly compiled source (no bytecode cache)."""
    name = f"_pum_hook_{next(_counter)}_{file.stem.replace('-', '_')}"
    module = types.ModuleType(name)
    module.__file__ = str(file)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    source = file.read_bytes()
    # dont_inherit: this file's `from __future__` imports are not the hook's.
    exec(compile(source, str(file), "exec", dont_inherit=True), module.__dict__)
    hook_class = module.__dict__.get("Hook")
    if not inspect.isclass(hook_class):
        raise PumHookError(f"{file} must define a class named 'Hook' (class Hook(HookBase): ...)")
    if not issubclass(hook_class, HookBase):
        bases = ", ".join(f"{b.__module__}.{b.__qualname__}" for b in hook_class.__mro__[1:-1]) or "object"
        raise PumHookError(f"class Hook in {file} must inherit from pum.HookBase (it inherits from {bases})")
    if hook_class.run_hook is HookBase.run_hook:
        raise PumHookError(f"class Hook in {file} must define run_hook(self, connection, ...)")
    return hook_class


class _Signature:
    """What run_hook asks for: the connection, named parameters, maybe **kwargs."""

    def __init__(self, hook_class: type, file: Path) -> None:
        function = hook_class.run_hook
        params = list(inspect.signature(function).parameters.values())
        # The seed page's examples forget `self`; say so instead of a TypeError.
        if not params or params[0].name == "connection":
            raise PumHookError(f"run_hook in {file} must take self first: def run_hook(self, connection, ...)")
        rest = params[1:]
        if not rest or rest[0].kind in (inspect.Parameter.VAR_KEYWORD, inspect.Parameter.VAR_POSITIONAL):
            raise PumHookError(f"run_hook in {file} must take the connection: def run_hook(self, connection, ...)")
        self.connection = rest[0].name
        self.named: Dict[str, inspect.Parameter] = {}
        self.var_keyword = False
        for param in rest[1:]:
            if param.kind == inspect.Parameter.VAR_KEYWORD:
                self.var_keyword = True
            elif param.kind == inspect.Parameter.VAR_POSITIONAL:
                continue
            else:
                self.named[param.name] = param

    def check(self, declared: Dict[str, str], file: Path, config_file: str) -> None:
        for name in self.named:
            if name not in declared:
                known = ", ".join(sorted(declared)) or "none"
                raise PumHookError(
                    f"{file}: run_hook takes '{name}', which is not a parameter declared in {config_file} "
                    f"(declared: {known})")

    def arguments(self, connection: Any, values: Dict[str, Any]) -> Dict[str, Any]:
        arguments = {self.connection: connection}
        for name, param in self.named.items():
            value = values.get(name)
            # An unset parameter (NULL) leaves the signature's default in charge.
            if value is None and param.default is not inspect.Parameter.empty:
                continue
            arguments[name] = value
        if self.var_keyword:
            for name, value in values.items():
                arguments.setdefault(name, value)
        return arguments


def _relative(file: Path, module_root: Path) -> str:
    try:
        return str(file.relative_to(module_root))
    except ValueError:
        return str(file)


def _describe(error: BaseException, file: Path, module_root: Path) -> str:
    """'hook.py:LINE: Type: message' and the traceback from the hook's own frames."""
    shown = _relative(file, module_root)
    line = None
    if isinstance(error, SyntaxError) and error.filename == str(file):
        line = error.lineno
    # A statement the hook queued fails later: its error names the line that queued it.
    queued_line = getattr(error, "_pum_line", None)
    line = queued_line or line
    tb = error.__traceback__
    frames = []
    while tb is not None:
        frame_file = tb.tb_frame.f_code.co_filename
        if frame_file == str(file) and queued_line is None:
            line = tb.tb_lineno
        if not frames and os.path.dirname(os.path.abspath(frame_file)) == _PACKAGE_DIR and frame_file != str(file):
            tb = tb.tb_next  # pum's own runner frames say nothing to the user
            continue
        frames.append(tb)
        tb = tb.tb_next
    if isinstance(error, SystemExit):
        headline = f"the hook called sys.exit({error.code!r}); hooks must raise an exception to fail"
    elif isinstance(error, KeyboardInterrupt):
        headline = "the hook was interrupted (KeyboardInterrupt)"
    else:
        headline = f"{type(error).__name__}: {error}"
    where = f"{shown}:{line}" if line else shown
    details = "".join(traceback.format_exception(type(error), error, frames[0] if frames else None))
    return f"{where}: {headline}\n{details.rstrip()}"


def check_hook(file: str, module_root: str, declared: Dict[str, str],
               dependencies: List[Tuple[str, Optional[str], Optional[str], int]], config_file: str,
               libpq: Tuple[int, int]) -> None:
    """Before the transaction: psycopg, dependencies, the hook loads, its parameters are declared."""
    path, root = Path(file), Path(module_root)
    # psycopg first: hook files import it, and its absence must read as such.
    _connection.check_psycopg(libpq)
    check_dependencies(dependencies, config_file)
    try:
        with _hook_imports(path, root):
            _Signature(_load(path), path).check(declared, _relative(path, root), config_file)
    except PumHookError:
        raise
    except BaseException as error:  # a hook file must not stop the process, even with sys.exit()
        raise PumHookError(_describe(error, path, root)) from None


def run_hook(file: str, module_root: str, declared: Dict[str, str], address: int, parameters: Dict[str, Any],
             run_sql: Callable[[str, str, int, bool], None], log: Callable[[str, str], None],
             sent: Callable[[int], None], libpq: Tuple[int, int]) -> None:
    """Runs the hook on the core's PGconn at ``address``; raises PumHookError with the traceback.

    ``log(message, level)`` is the run's log (level ``info``, ``debug``...);
    ``sent(count)`` hears of each statement psycopg sends for the hook.
    """
    path, root = Path(file), Path(module_root)
    _connection.check_psycopg(libpq)
    connection = None
    shown = _relative(path, root)
    try:
        with _hook_imports(path, root):
            hook_class = _load(path)
            signature = _Signature(hook_class, path)
            signature.check(declared, shown, "the configuration")
            hook = hook_class()
            connection = _connection.borrow(address, f"hook {shown}", log, str(path), sent)
            lent = connection

            def run_sql_in_order(*args: Any) -> None:
                # The core sends on the same session: what the hook queued goes first.
                _connection.flush(lent)
                run_sql(*args)

            bind(hook, connection, parameters, run_sql=run_sql_in_order, file=path, module_root=root)
            hook.run_hook(**signature.arguments(connection, parameters))
            _connection.flush(connection)
    except PumCancelled:
        raise
    except BaseException as error:
        raise PumHookError(_describe(error, path, root)) from None
    else:
        # A rollback() whose error the hook (or its library) caught still aborts the run.
        if _connection.rolled_back(connection):
            raise PumHookError(f"{shown}: the hook called connection.rollback(): the whole run is rolled back")
    finally:
        if connection is not None:
            _connection.give_back(connection)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
