"""A psycopg 3 connection over pum's own libpq session, lent to a hook.

psycopg's pure-Python implementation (``psycopg.pq.__impl__ == "python"``)
talks to libpq through ctypes, so it can drive the very ``PGconn*`` the core
holds: the hook sees this run's uncommitted tables, and what it does rolls back
with the rest. Around that, ``commit()`` becomes a checkpoint (the run commits once, at
its end), ``rollback()`` aborts the whole run, everything else that would end
the transaction or free the connection is refused, and the handle is taken
back after the hook.
"""

from __future__ import annotations

import ctypes
import os
from typing import Any, Tuple

from .exceptions import PumHookError

_WHY = ("pum runs the whole command in one transaction and commits it at the end; "
        "a hook must leave the transaction to pum")


def _psycopg():
    try:
        import psycopg
        import psycopg.pq
    except ImportError as error:
        raise PumHookError(
            f"Python hooks need psycopg 3, which cannot be imported ({error}): "
            "install it with `apt install python3-psycopg` (or `pip install psycopg`)") from None
    return psycopg


def check_psycopg(libpq: Tuple[int, int]) -> None:
    """Refuses a psycopg that cannot share pum's libpq session."""
    psycopg = _psycopg()
    impl = psycopg.pq.__impl__
    if impl != "python":
        raise PumHookError(
            f"psycopg uses its '{impl}' implementation, built against its own libpq, so it cannot share "
            "pum's connection; use the pure-Python one: set PSYCOPG_IMPL=python before psycopg is "
            "imported (Debian's python3-psycopg has only that one)")
    version, symbol = libpq
    from psycopg.pq import _pq_ctypes
    theirs = psycopg.pq.version()
    if theirs != version:
        raise PumHookError(f"psycopg loaded libpq {theirs} but pum uses libpq {version}: "
                           "they must be the same library")
    address = ctypes.cast(_pq_ctypes.pq.PQlibVersion, ctypes.c_void_p).value
    if address != symbol:
        raise PumHookError(f"psycopg loaded another copy of libpq ({_pq_ctypes.pq._name}) than pum's; "
                           "they must be the same library")


_classes = None


def _classes_for_psycopg():
    """Builds the subclasses once (psycopg is imported only when a hook runs)."""
    global _classes
    if _classes is not None:
        return _classes
    psycopg = _psycopg()
    from psycopg.pq import pq_ctypes

    class BorrowedPGconn(pq_ctypes.PGconn):
        """A PGconn that never frees the connection: the core owns it."""

        def __init__(self, address: int) -> None:
            # Not PGconn.__init__: it would install psycopg's notice receiver on
            # the core's connection, pointing at this object, which dies after
            # the hook (a crash at the next NOTICE). The core's receiver stays.
            self._pgconn_ptr = ctypes.cast(ctypes.c_void_p(address), ctypes.POINTER(pq_ctypes.impl.PGconn_struct))
            self.notice_handler = None
            self.notify_handler = None
            self._self_ptr = None
            self._procpid = os.getpid()

        def finish(self) -> None:
            # Only forget the handle; PQfinish is the core's job.
            self._pgconn_ptr = None

        # Every query psycopg sends goes through one of these (cursors,
        # connection.execute, pipelines, and a hook using connection.pgconn
        # directly): SQL that would end pum's transaction never reaches the server.
        _pum_owner = None  # the HookConnection, to refuse statements after rollback()

        def _pum_check(self, command: Any) -> None:
            owner = self._pum_owner
            if owner is not None and owner._pum_rolled_back:
                raise PumHookError(f"{owner._pum_hook} called connection.rollback(): the run is being rolled back, "
                                   "no further statement runs")
            _refuse_transaction_control(command)

        def exec_(self, command: bytes):
            self._pum_check(command)
            return super().exec_(command)

        def send_query(self, command: bytes):
            self._pum_check(command)
            return super().send_query(command)

        def exec_params(self, command: bytes, *args, **kwargs):
            self._pum_check(command)
            return super().exec_params(command, *args, **kwargs)

        def send_query_params(self, command: bytes, *args, **kwargs):
            self._pum_check(command)
            return super().send_query_params(command, *args, **kwargs)

        def prepare(self, name: bytes, command: bytes, *args, **kwargs):
            self._pum_check(command)
            return super().prepare(name, command, *args, **kwargs)

        def send_prepare(self, name: bytes, command: bytes, *args, **kwargs):
            self._pum_check(command)
            return super().send_prepare(name, command, *args, **kwargs)

    class HookConnection(psycopg.Connection):
        """The ``psycopg.Connection`` a hook receives. See the module's docstring."""

        # Set by borrow(): the hook's name for messages, and the runner's log.
        _pum_hook = "the hook"
        _pum_log = None
        _pum_committed = False
        _pum_rolled_back = False

        def commit(self) -> None:
            # Libraries that build views commit by default: accept it, keep the
            # one transaction (pum's own install commits only at its end too).
            if self.pgconn.transaction_status == psycopg.pq.TransactionStatus.INERROR:
                raise PumHookError(f"{self._pum_hook} called connection.commit() after an SQL error it caught: "
                                   "the transaction is aborted and the whole run is rolled back")
            if not self._pum_committed:
                self._pum_committed = True
                if self._pum_log is not None:
                    self._pum_log(f"{self._pum_hook} asked to commit; the run commits once at its end", "debug")

        def rollback(self) -> None:
            # Undoing only the hook's part is impossible in one transaction:
            # abort everything, and refuse every later statement of this hook.
            self._pum_rolled_back = True
            raise PumHookError(f"{self._pum_hook} called connection.rollback(): the whole run is rolled back "
                               "(to undo part of a hook's work, use `with connection.transaction():`, a savepoint)")

        def close(self) -> None:
            raise PumHookError("connection.close() is not allowed in a hook: the connection belongs to pum, "
                               "which goes on using it after the hook")

        def __exit__(self, exc_type, exc_value, traceback) -> None:
            if exc_type is None:
                raise PumHookError(f"`with connection:` would commit and close pum's connection: {_WHY}")
            # An exception is on its way: let it through untouched.

        def _set_autocommit(self, value: bool) -> None:
            if not value:
                return  # already off: one transaction
            raise PumHookError(f"connection.autocommit cannot be changed in a hook: {_WHY}")

        def tpc_begin(self, *args, **kwargs):
            raise PumHookError(f"two-phase commit is not allowed in a hook: {_WHY}")

        def __del__(self) -> None:
            pass  # never warn about an "unclosed" connection: it was only lent

    _classes = (BorrowedPGconn, HookConnection)
    return _classes


def _refuse_transaction_control(command: Any) -> None:
    text = bytes(command).decode("utf-8", "replace") if not isinstance(command, str) else command
    from . import _pum_native
    reason = _pum_native.transaction_control(text)
    if reason:
        raise PumHookError(f"refused in a hook, {_WHY}: {reason}")


def borrow(address: int, hook: str = "the hook", log: Any = None) -> Any:
    """A HookConnection on the PGconn at ``address``; give it back with :func:`give_back`.

    ``hook`` names the hook in messages; ``log(message, level)`` is the run's log.
    """
    BorrowedPGconn, HookConnection = _classes_for_psycopg()
    pgconn = BorrowedPGconn(address)
    connection = HookConnection(pgconn)
    pgconn._pum_owner = connection
    connection._pum_hook = hook
    connection._pum_log = log
    # Prepared statements outlive the transaction on the session, and the
    # next hook's connection would reuse their names: never prepare.
    connection.prepare_threshold = None
    return connection


def rolled_back(connection: Any) -> bool:
    """Whether the hook called rollback() (even if it caught the error)."""
    return bool(connection._pum_rolled_back)


def give_back(connection: Any) -> None:
    """Detaches the handle: every later use through leaked references fails cleanly."""
    connection._closed = True
    pgconn = connection.pgconn
    pgconn._pgconn_ptr = None
    # Break the pgconn <-> connection cycle and drop the run's log function, so
    # that they are freed now, not by a garbage collection that may never come.
    pgconn._pum_owner = None
    connection._pum_log = None
