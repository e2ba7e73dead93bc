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
import re
import sys
from typing import Any, List, Optional, Tuple

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
    if _classes is None:
        psycopg = _psycopg()
        from psycopg.pq import pq_ctypes
        _classes = (_borrowed_pgconn_class(psycopg, pq_ctypes), _hook_connection_class(psycopg),
                    _hook_cursor_class(psycopg))
    return _classes


# The mixins that need no psycopg name are plain module classes; those that
# do are built by a function, once psycopg is imported. Each goes ahead of
# psycopg's class in the bases and adds methods only (empty __slots__).

class _TransactionGuard:
    """BorrowedPGconn's checks on what psycopg sends.

    Every query psycopg sends goes through one of these (cursors,
    connection.execute, pipelines, and a hook using connection.pgconn
    directly): SQL that would end pum's transaction never reaches the server.
    Statements still queued go out first (see _Queue).
    """

    __slots__ = ()
    _pum_owner = None  # the HookConnection, to refuse statements after rollback()

    def _pum_check(self, command: Any) -> None:
        owner = self._pum_owner
        if owner is not None and owner._pum_rolled_back:
            raise PumHookError(f"{owner._pum_hook} called connection.rollback(): the run is being rolled back, "
                               "no further statement runs")
        _refuse_transaction_control(command)
        if owner is not None and owner._pum_sent is not None:
            owner._pum_sent(1)

    def _pum_flush(self) -> None:
        owner = self._pum_owner
        if owner is not None:
            owner._pum_flush()

    def exec_(self, command: bytes):
        self._pum_check(command)
        self._pum_flush()
        return super().exec_(command)

    def send_query(self, command: bytes):
        self._pum_check(command)
        if not self._pum_merge(command, None, {}):
            super().send_query(command)

    def exec_params(self, command: bytes, *args, **kwargs):
        self._pum_check(command)
        self._pum_flush()
        return super().exec_params(command, *args, **kwargs)

    def send_query_params(self, command: bytes, *args, **kwargs):
        self._pum_check(command)
        if not self._pum_merge(command, args, kwargs):
            super().send_query_params(command, *args, **kwargs)

    def prepare(self, name: bytes, command: bytes, *args, **kwargs):
        self._pum_check(command)
        self._pum_flush()
        return super().prepare(name, command, *args, **kwargs)

    def send_prepare(self, name: bytes, command: bytes, *args, **kwargs):
        self._pum_check(command)
        self._pum_flush()
        return super().send_prepare(name, command, *args, **kwargs)

    def send_query_prepared(self, *args, **kwargs):
        self._pum_flush()
        return super().send_query_prepared(*args, **kwargs)

    def exec_prepared(self, *args, **kwargs):
        self._pum_flush()
        return super().exec_prepared(*args, **kwargs)

    def enter_pipeline_mode(self) -> None:
        self._pum_flush()
        return super().enter_pipeline_mode()


def _queue_pipeline_mixin(psycopg: Any, pq_ctypes: Any) -> type:
    """BorrowedPGconn's sending of the queue in one pipeline, and reading of its results.

    Calls psycopg's PGconn methods directly, past _TransactionGuard: the
    queued statements were checked when they were queued.
    """

    class QueuePipeline:
        __slots__ = ()

        def _pum_send_queue(self, queue: "_Queue") -> None:
            pq_ctypes.PGconn.enter_pipeline_mode(self)
            for item in queue.items:
                for text, _line in item.statements:
                    pq_ctypes.PGconn.send_query_params(self, text.encode("utf-8"), None)

        def _pum_read_queue(self, queue: "_Queue") -> Optional[tuple]:
            """Reads every queued statement's results: (error result, item, index) of the first failure."""
            failure = None
            for item in queue.items:
                for index in range(len(item.statements)):
                    while True:
                        result = pq_ctypes.PGconn.get_result(self)
                        if result is None:
                            break
                        if failure is None and result.status == psycopg.pq.ExecStatus.FATAL_ERROR:
                            failure = (result, item, index)
                        if self.status != psycopg.pq.ConnStatus.OK:
                            raise psycopg.OperationalError(
                                "the connection was lost: " + psycopg.pq.error_message(self))
            return failure

        def _pum_end_pipeline(self) -> None:
            """Reads up to the sync point and leaves pipeline mode."""
            nulls = 0
            while self.status == psycopg.pq.ConnStatus.OK and nulls < 1000:
                result = pq_ctypes.PGconn.get_result(self)
                if result is None:
                    nulls += 1  # never expected before the sync: bounded, not an endless loop
                elif result.status == psycopg.pq.ExecStatus.PIPELINE_SYNC:
                    break
            pq_ctypes.PGconn.exit_pipeline_mode(self)

        def _pum_flush_queue(self, queue: "_Queue") -> Optional[tuple]:
            """Sends and reads `queue` in one round trip; the first failure, if any."""
            self._pum_send_queue(queue)
            pq_ctypes.PGconn.pipeline_sync(self)
            _send_all(self)
            failure = self._pum_read_queue(queue)
            self._pum_end_pipeline()
            return failure

    return QueuePipeline


def _merged_queue_mixin(pq_ctypes: Any) -> type:
    """BorrowedPGconn's sending of the queue ahead of psycopg's own command.

    Statements queued by HookCursor.execute() go out before anything else
    reaches the server (see _Queue), here or merged with the next statement;
    get_result() then hides their results from psycopg.
    """

    class MergedQueue:
        __slots__ = ()
        _pum_merged = None   # the _Queue sent ahead of psycopg's command, results not yet read
        _pum_after = None    # "command": passing its results; "failed": its error result was returned

        def _pum_merge(self, command: bytes, args: Optional[tuple], kwargs: dict) -> bool:
            """Sends the queue and then psycopg's command in one pipeline (one round trip).

            Only for a HookCursor's execute() (whose errors it can attribute) and
            a single statement (a pipeline takes no multi-statement string);
            otherwise the queue is flushed on its own first. False: not sent.
            """
            owner = self._pum_owner
            queue = owner._pum_queue if owner is not None else None
            if not queue:
                return False
            if not owner._pum_merging or (args is None and not _single_statement(command)):
                owner._pum_flush()
                return False
            owner._pum_queue = _Queue()
            self._pum_send_queue(queue)
            if args is None:
                pq_ctypes.PGconn.send_query_params(self, command, None)
            else:
                pq_ctypes.PGconn.send_query_params(self, command, *args, **kwargs)
            pq_ctypes.PGconn.pipeline_sync(self)
            self._pum_merged = queue
            return True

        def get_result(self):
            merged = self._pum_merged
            if merged is not None:
                self._pum_merged = None
                failure = self._pum_read_queue(merged)
                if failure is not None:
                    # psycopg's command was aborted: its error becomes the queued one's.
                    self._pum_end_pipeline()
                    self._pum_after = "failed"
                    self._pum_owner._pum_failure = failure
                    return failure[0]
                self._pum_after = "command"
            if self._pum_after == "failed":
                self._pum_after = None
                return None
            if self._pum_after == "command":
                result = super().get_result()
                if result is None:
                    self._pum_after = None
                    self._pum_end_pipeline()
                return result
            return super().get_result()

    return MergedQueue


def _borrowed_pgconn_class(psycopg: Any, pq_ctypes: Any) -> type:
    class BorrowedPGconn(_TransactionGuard, _merged_queue_mixin(pq_ctypes),
                         _queue_pipeline_mixin(psycopg, pq_ctypes), pq_ctypes.PGconn):
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

    return BorrowedPGconn


def _hook_cursor_class(psycopg: Any) -> type:
    class HookCursor(psycopg.Cursor):
        """Queues what returns nothing instead of waiting a round trip for it.

        A statement without parameters whose every part is DDL (CREATE,
        ALTER, DROP, COMMENT, GRANT, REVOKE, DO) is queued on the connection;
        the queue goes out in one pipeline ahead of the next statement that
        reaches the server (whose results the hook reads), at commit(),
        before self.execute() and at the hook's end. A queued statement's
        error is raised by that later call, naming the statement, its line
        and where the hook queued it; the run is rolled back either way.
        """

        def execute(self, query, params=None, *, prepare=None, binary=None):
            conn = self._conn
            if params is None and not prepare and not binary and not self.closed:
                item = conn._pum_queueable(query)
                if item is not None:
                    conn._check_connection_ok()
                    self._pgconn._pum_check(item.text)
                    self._reset()
                    conn._pum_enqueue(item)
                    return self
            if not conn._pum_queue:
                return super().execute(query, params, prepare=prepare, binary=binary)
            conn._pum_merging = True
            try:
                return super().execute(query, params, prepare=prepare, binary=binary)
            except psycopg.Error:
                failure, conn._pum_failure = conn._pum_failure, None
                if failure is None:
                    raise
                raise _queued_error(conn, failure) from None
            finally:
                conn._pum_merging = False
                conn._pum_failure = None

    return HookCursor


class _LentConnection:
    """HookConnection's refusals: what would end pum's transaction or free its connection."""

    __slots__ = ()

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


def _hook_connection_class(psycopg: Any) -> type:
    class HookConnection(_LentConnection, psycopg.Connection):
        """The ``psycopg.Connection`` a hook receives. See the module's docstring."""

        # Set by borrow(): the hook's name for messages, and the runner's log.
        _pum_hook = "the hook"
        _pum_file = None      # the hook's file: the line a queued statement came from
        _pum_log = None
        _pum_sent = None      # the runner's count of statements sent (the progress bar)
        _pum_committed = False
        _pum_rolled_back = False
        _pum_merging = False  # a HookCursor's execute() is sending: the queue may go with it
        _pum_failure = None   # (error result, item, index) of a queued statement, for HookCursor

        def _pum_queueable(self, query: Any) -> Optional["_Queued"]:
            if self._pipeline is not None or self._num_transactions or self._pum_rolled_back:
                return None  # psycopg's own pipeline, or a savepoint whose errors the hook may catch
            if self.pgconn.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
                return None
            return _queued(query, self, self._pum_file)

        def _pum_enqueue(self, item: "_Queued") -> None:
            self._pum_queue.add(item)
            if self._pum_queue.full():
                self._pum_flush()

        def _pum_flush(self) -> None:
            """Sends the queued statements (one round trip); raises the first one's error."""
            queue = self._pum_queue
            if not queue:
                return
            self._pum_queue = _Queue()
            failure = self.pgconn._pum_flush_queue(queue)
            if failure is not None:
                raise _queued_error(self, failure)

        def commit(self) -> None:
            # Libraries that build views commit by default: accept it, keep the
            # one transaction (pum's own install commits only at its end too).
            self._pum_flush()
            if self.pgconn.transaction_status == psycopg.pq.TransactionStatus.INERROR:
                raise PumHookError(f"{self._pum_hook} called connection.commit() after an SQL error it caught: "
                                   "the transaction is aborted and the whole run is rolled back")
            if not self._pum_committed:
                self._pum_committed = True
                if self._pum_log is not None:
                    self._pum_log(f"{self._pum_hook} asked to commit; the run commits once at its end", "debug")

    return HookConnection


def _send_all(pgconn: Any) -> None:
    """Flushes libpq's output buffer, also on a non-blocking connection (the caller's psycopg one)."""
    import select
    from psycopg.pq import pq_ctypes
    while pq_ctypes.PGconn.flush(pgconn) == 1:
        readable, _, _ = select.select([pgconn.socket], [pgconn.socket], [])
        if readable:
            pgconn.consume_input()


# DDL: statements whose results nobody reads, so they need not wait for them.
_QUEUED_KINDS = frozenset({"CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "DO"})
# Bounds the queue, so that the server's replies to it always fit in the
# socket buffers (nothing waits on anything while the queue is sent).
_QUEUE_MAX_BYTES = 1 << 20
_QUEUE_MAX_STATEMENTS = 1000
_LEADING_NOISE = re.compile(r"(?:\s+|--[^\n]*|/\*(?:(?!\*/).)*\*/)*", re.S)
_FIRST_WORD = re.compile(r"[A-Za-z]+")


class _Queued:
    """One queued execute(): its text, its statements [(text, line)], where the hook ran it."""

    __slots__ = ("text", "statements", "script", "where")

    def __init__(self, text: str, script: Any, where: Optional[Tuple[str, int]]) -> None:
        self.text = text
        self.script = script
        self.statements = script.statements
        self.where = where


class _Queue:
    __slots__ = ("items", "statements", "size")

    def __init__(self) -> None:
        self.items: List[_Queued] = []
        self.statements = 0
        self.size = 0

    def add(self, item: _Queued) -> None:
        self.items.append(item)
        self.statements += len(item.statements)
        self.size += len(item.text)

    def full(self) -> bool:
        return self.statements >= _QUEUE_MAX_STATEMENTS or self.size >= _QUEUE_MAX_BYTES

    def __bool__(self) -> bool:
        return bool(self.items)


def _kind(statement: str) -> str:
    start = _LEADING_NOISE.match(statement).end()
    word = _FIRST_WORD.match(statement, start)
    return word.group(0).upper() if word else ""


def _query_text(query: Any, connection: Any) -> Optional[str]:
    if isinstance(query, str):
        return query
    if isinstance(query, bytes):
        return query.decode("utf-8", "replace")
    import psycopg.sql
    if isinstance(query, psycopg.sql.Composable):
        return query.as_string(connection)
    return None


def _caller_line(hook_file: Optional[str]) -> Optional[Tuple[str, int]]:
    """The hook file's line that (through any library) called execute()."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == hook_file:
            return (os.path.basename(hook_file), frame.f_lineno)
        frame = frame.f_back
    return None


def _queued(query: Any, connection: Any, hook_file: Optional[str]) -> Optional[_Queued]:
    """A queue entry for `query` when every statement of it is DDL, else None."""
    text = _query_text(query, connection)
    if text is None or len(text) > _QUEUE_MAX_BYTES:
        return None
    from . import _pum_native
    try:
        script = _pum_native.parse_sql(text, "hook SQL", substitute=False)
    except Exception:
        return None  # the server (or the transaction-control check) says what is wrong, at once
    statements = script.statements
    if not statements or any(_kind(statement) not in _QUEUED_KINDS for statement, _line in statements):
        return None
    return _Queued(text, script, _caller_line(hook_file))


def _single_statement(command: bytes) -> bool:
    from . import _pum_native
    try:
        return len(_pum_native.parse_sql(command.decode("utf-8", "replace"), "query", substitute=False,
                                         refuse_transaction_control=False).statements) == 1
    except Exception:
        return False


def _queued_error(connection: Any, failure: tuple) -> Exception:
    """The server's error for a queued statement, naming it, its line and the hook's line that ran it."""
    import psycopg.errors
    from psycopg.pq import DiagnosticField
    result, item, index = failure
    error = psycopg.errors.error_from_result(result)
    text, line = item.statements[index]
    position = result.error_field(DiagnosticField.STATEMENT_POSITION)
    if position:
        line = item.script.line_at_position(index, int(position))
    where = f"{item.where[0]}:{item.where[1]}" if item.where else connection._pum_hook
    short = " ".join(text.split())
    if len(short) > 200:
        short = short[:200] + " ..."
    message = f"{error}\n(in the statement at line {line} of the SQL run at {where}: {short})"
    located = type(error)(message, info=result)
    if item.where:
        located._pum_line = item.where[1]  # the hook's line, for the runner's message
    return located


def _refuse_transaction_control(command: Any) -> None:
    text = bytes(command).decode("utf-8", "replace") if not isinstance(command, str) else command
    from . import _pum_native
    reason = _pum_native.transaction_control(text)
    if reason:
        raise PumHookError(f"refused in a hook, {_WHY}: {reason}")


def borrow(address: int, hook: str = "the hook", log: Any = None, file: Optional[str] = None,
           sent: Any = None) -> Any:
    """A HookConnection on the PGconn at ``address``; give it back with :func:`give_back`.

    ``hook`` names the hook in messages; ``log(message, level)`` is the run's log;
    ``file`` is the hook's file (the line a queued statement's error names);
    ``sent(count)`` hears of each statement as it is checked for sending.
    """
    BorrowedPGconn, HookConnection, HookCursor = _classes_for_psycopg()
    pgconn = BorrowedPGconn(address)
    connection = HookConnection(pgconn)
    pgconn._pum_owner = connection
    connection._pum_hook = hook
    connection._pum_file = file
    connection._pum_log = log
    connection._pum_sent = sent
    connection._pum_queue = _Queue()
    connection.cursor_factory = HookCursor
    # Prepared statements outlive the transaction on the session, and the
    # next hook's connection would reuse their names: never prepare.
    connection.prepare_threshold = None
    return connection


def rolled_back(connection: Any) -> bool:
    """Whether the hook called rollback() (even if it caught the error)."""
    return bool(connection._pum_rolled_back)


def flush(connection: Any) -> None:
    """Sends what the hook queued (at its end, before self.execute()); raises the first error."""
    connection._pum_flush()


def give_back(connection: Any) -> None:
    """Detaches the handle: every later use through leaked references fails cleanly.

    Statements still queued (the hook failed) are dropped: the run rolls back.
    """
    connection._pum_queue = _Queue()
    connection._closed = True
    pgconn = connection.pgconn
    pgconn._pgconn_ptr = None
    # Break the pgconn <-> connection cycle and drop the run's log function, so
    # that they are freed now, not by a garbage collection that may never come.
    pgconn._pum_owner = None
    connection._pum_log = None
    connection._pum_sent = None
