"""Errors raised by pum, the same names as pum 1.x so that hooks can catch them.

Each core error type has its Python class; the extension translates them:
``ConfigError`` -> :class:`PumConfigError`, ``SqlError`` -> :class:`PumSqlError`
(with ``sqlstate``, ``file`` and ``line``), ``HookError`` -> :class:`PumHookError`,
``ParameterError`` -> :class:`PumParameterError`, ``ConnectionError`` ->
:class:`PumConnectionError`, ``CommandError`` -> :class:`PumCommandError`,
``CancelledError`` -> :class:`PumCancelled`.
"""

from __future__ import annotations

from typing import Optional


class PumException(Exception):
    """Base class of every error raised by pum."""


class PumConfigError(PumException):
    """Invalid ``.pum.yaml`` or module layout."""

    def __init__(self, message: str, *, file: Optional[str] = None, line: Optional[int] = None,
                 key: Optional[str] = None) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.key = key


class PumInvalidChangelog(PumConfigError):
    """A changelog folder that is not valid (pum 1.x name)."""


class PumParameterError(PumConfigError):
    """A parameter value that is undeclared, missing or not of its declared type."""

    def __init__(self, message: str, *, name: Optional[str] = None) -> None:
        super().__init__(message)
        self.name = name


class PumDependencyError(PumException):
    """A Python package named in ``dependencies:`` is missing or out of its version range."""


class PumHookError(PumException):
    """A hook failed, or did something pum refuses (commit, rollback, close...)."""


class PumSqlError(PumException):
    """An error from the server or from pum's SQL lexer.

    ``file`` and ``line`` locate the statement in its source (changelog, hook
    file, SQL given to ``execute``) when known; ``sqlstate`` is the server's
    error code (``None`` for lexer errors such as an unknown ``{parameter}``).
    """

    def __init__(self, message: str, *, sqlstate: Optional[str] = None, file: Optional[str] = None,
                 line: Optional[int] = None, detail: str = "", hint: str = "",
                 statement: str = "") -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.file = file
        self.line = line
        self.detail = detail
        self.hint = hint
        self.statement = statement


# pum 1.x spelt it this way in pum.utils.execute_sql.
PumSqlException = PumSqlError


class PumConnectionError(PumException):
    """The connection could not be opened or was lost."""


class PumCommandError(PumException):
    """A command refused because of the database's state or the options given."""


class PumCancelled(PumException):
    """The user cancelled; the transaction was rolled back."""


class PumSchemaMigrationError(PumException):
    """The migration table is missing, of another module, or inconsistent (pum 1.x name)."""


class PumSchemaMigrationNoBaselineError(PumSchemaMigrationError):
    """The migration table holds no version yet (pum 1.x name)."""


class PgDumpCommandError(PumException):
    """pg_dump could not be started (pum 1.x name)."""


class PgDumpFailed(PumException):
    """pg_dump ran and failed (pum 1.x name)."""


class PgRestoreCommandError(PumException):
    """pg_restore (or psql, for a plain dump) could not be started (pum 1.x name)."""


class PgRestoreFailed(PumException):
    """The restore ran and failed (pum 1.x name)."""


__all__ = [
    "PumException",
    "PumConfigError",
    "PumInvalidChangelog",
    "PumParameterError",
    "PumDependencyError",
    "PumHookError",
    "PumSqlError",
    "PumSqlException",
    "PumConnectionError",
    "PumCommandError",
    "PumCancelled",
    "PumSchemaMigrationError",
    "PumSchemaMigrationNoBaselineError",
    "PgDumpCommandError",
    "PgDumpFailed",
    "PgRestoreCommandError",
    "PgRestoreFailed",
]
