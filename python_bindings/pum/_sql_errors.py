"""Server errors raised as pum's API raises them: psycopg's error classes.

pum runs its SQL through psycopg, so its callers catch ``psycopg.errors.*``
(``DuplicateDatabase``, ``DependentObjectsStillExist``...). Our core reports a
server error as :class:`~pum.exceptions.PumSqlError` with its SQLSTATE; here it
becomes an exception that is both the psycopg class of that SQLSTATE and a
``PumSqlError``, so either ``except`` catches it.
"""

from __future__ import annotations

import contextlib
from typing import Dict, Iterator, Type

from .exceptions import PumSqlError

_classes: Dict[type, type] = {}


def _dual_class(psycopg_class: type) -> Type[Exception]:
    cls = _classes.get(psycopg_class)
    if cls is None:
        cls = type(psycopg_class.__name__, (psycopg_class, PumSqlError), {"__module__": "pum.exceptions"})
        _classes[psycopg_class] = cls
    return cls


def as_psycopg_error(error: PumSqlError) -> Exception:
    """The psycopg-compatible form of ``error`` (``error`` itself without a known SQLSTATE)."""
    if not error.sqlstate:
        return error
    try:
        import psycopg.errors
        psycopg_class = psycopg.errors.lookup(error.sqlstate)
    except (ImportError, KeyError):
        return error
    converted = _dual_class(psycopg_class)(str(error))
    for name in ("file", "line", "detail", "hint", "statement"):
        setattr(converted, name, getattr(error, name, None))
    return converted


@contextlib.contextmanager
def psycopg_errors() -> Iterator[None]:
    """Re-raises a PumSqlError from the core as its psycopg-compatible form."""
    try:
        yield
    except PumSqlError as error:
        converted = as_psycopg_error(error)
        if converted is error:
            raise
        raise converted from error
