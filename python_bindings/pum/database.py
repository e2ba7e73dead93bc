"""pum's database functions (``pum.database``) on pum-native's core.

``CREATE DATABASE`` and ``DROP DATABASE`` cannot run in a transaction, so
these open a connection of their own from ``connection_params`` (psycopg's
keyword arguments: ``service``, ``host``, ``dbname``...; ``dbname`` is the
database to connect to, ``postgres`` when missing). The statements run in the
core (core/src/tools/database_admin.cpp); server errors are raised as psycopg's
error classes, as pum raises them (``DuplicateDatabase``, ``InvalidCatalogName``...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Optional, Tuple

from ._sql_errors import psycopg_errors
from .exceptions import PumCommandError

if TYPE_CHECKING:  # pragma: no cover
    import psycopg


def _native():
    from . import _pum_native
    return _pum_native


def _quote(value: object) -> str:
    """A libpq conninfo value: quoted, with \\ and ' escaped."""
    text = str(value)
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _spec(connection_params: dict) -> Tuple[str, str]:
    """(libpq conninfo, database to connect to) for psycopg-style keyword parameters."""
    params = dict(connection_params or {})
    database = str(params.pop("dbname", None) or params.pop("database", None) or "postgres")
    params.pop("autocommit", None)  # psycopg's own option, not libpq's
    conninfo = " ".join(f"{key}={_quote(value)}" for key, value in params.items() if value is not None)
    return conninfo, database


def create_database(connection_params: dict, database_name: str, *, template: Optional[str] = None) -> None:
    """Creates ``database_name`` (a copy of ``template`` when given)."""
    spec, maintenance = _spec(connection_params)
    with psycopg_errors():
        _native().create_database(spec, maintenance, database_name, template or "")


def drop_database(connection_params: dict, database_name: str) -> None:
    """Drops ``database_name``, ending the sessions connected to it first."""
    spec, maintenance = _spec(connection_params)
    with psycopg_errors():
        _native().drop_database(spec, maintenance, database_name)


def get_database_connect_access(connection: "psycopg.Connection", database_name: str) -> Tuple[bool, List[str]]:
    """(whether PUBLIC may connect, roles granted CONNECT explicitly) for ``database_name``.

    Raises ValueError when the database does not exist.
    """
    try:
        with psycopg_errors():
            public, roles = _native().connect_access(connection, database_name)
    except PumCommandError as error:
        raise ValueError(str(error)) from error
    return bool(public), list(roles)


def configure_database_connect_access(connection_params: dict, database_name: str, *,
                                      grant_roles: Optional[Iterable[str]] = None,
                                      revoke_roles: Optional[Iterable[str]] = None,
                                      public: Optional[bool] = None) -> None:
    """Grants and revokes CONNECT on ``database_name``, committed.

    ``public``: True grants CONNECT to PUBLIC, False revokes it (only the
    granted roles, superusers and the owner may then connect), None leaves it.
    PUBLIC is handled first, then ``revoke_roles``, then ``grant_roles``.
    """
    spec, maintenance = _spec(connection_params)
    with psycopg_errors():
        _native().configure_connect_access(spec, maintenance, database_name, list(grant_roles or []),
                                           list(revoke_roles or []), public)


__all__ = ["create_database", "drop_database", "get_database_connect_access", "configure_database_connect_access"]
