"""``execute_sql``, as the pum documentation names it for hooks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Optional, Union

from ..sql_content import CursorResult, SqlContent

if TYPE_CHECKING:
    import psycopg


def execute_sql(connection: "psycopg.Connection", sql: Union[str, Path, Any],
                parameters: Optional[Dict[str, Any]] = None, commit: bool = False) -> CursorResult:
    """Runs ``sql`` (text, path or ``psycopg.sql``) on ``connection`` without committing.

    The same as ``SqlContent(sql).execute(connection, parameters=parameters, commit=commit)``:
    statements split by pum's lexer, ``{name}`` replaced by ``parameters``.
    Returns the last statement's result (``fetchone``, ``fetchall``...).
    """
    return SqlContent(sql).execute(connection, parameters=parameters, commit=commit)


__all__ = ["execute_sql"]
