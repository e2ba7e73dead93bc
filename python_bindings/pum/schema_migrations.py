"""pum's ``SchemaMigrations``: the module's ``<schema>.pum_migrations`` table.

The table is read and written by the C++ core (the same code as the command
line's: layouts 1 and 2 upgraded in place, versions compared as versions,
not as text) on the caller's psycopg connection. Writes join the caller's
transaction and commit only with ``commit=True``. What stays here is pum's
Python shape of the records: ``datetime``, ``uuid.UUID``,
``packaging.version.Version`` and parsed JSON.
"""

from __future__ import annotations

import datetime
import json
import uuid
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

import packaging.version

from . import _pum_native
from .exceptions import PumSchemaMigrationError, PumSchemaMigrationNoBaselineError

if TYPE_CHECKING:
    import psycopg

    from .pum_config import PumConfig

MIGRATION_TABLE_VERSION = _pum_native.CallerMigrationTable.LAYOUT_VERSION
MIGRATION_TABLE_NAME = _pum_native.CallerMigrationTable.TABLE_NAME

# What migration_summary reports as the pum version of rows written before
# pum recorded it (layout 2 and older).
UNKNOWN_PUM_VERSION = "0.0.0"


def _timestamp(text: Optional[str]) -> Optional[datetime.datetime]:
    return None if text is None else datetime.datetime.fromisoformat(text)


def _record(raw: Dict[str, Any]) -> Dict[str, Any]:
    """A row as psycopg would return it."""
    record = dict(raw)
    record["id"] = uuid.UUID(raw["id"])
    record["date_installed"] = _timestamp(raw["date_installed"])
    record["parameters"] = json.loads(raw["parameters"])
    record["changelog_files"] = list(raw["changelog_files"])
    return record


def _summary(raw: Dict[str, Any]) -> Dict[str, Any]:
    latest = _record(raw["latest"])
    return {
        "schema": raw["schema"],
        "module": latest["module"],
        "version": latest["version"],
        "installed_date": _timestamp(raw["installed_date"]),
        "upgrade_date": _timestamp(raw["upgrade_date"]),
        "beta_testing": latest["beta_testing"],
        "parameters": latest["parameters"],
        "changelog_files": latest["changelog_files"],
        "migration_table_version": latest["migration_table_version"],
        "pum_version": latest["pum_version"] or UNKNOWN_PUM_VERSION,
    }


class SchemaMigrations:
    """The migration table of the module of ``config`` (``pum.migration_table_schema``)."""

    def __init__(self, config: "PumConfig") -> None:
        self.config = config
        self.migration_table_schema = config.native.migration_table_schema
        self.migration_table_identifier = f"{self.migration_table_schema}.{MIGRATION_TABLE_NAME}"
        self._table = _pum_native.CallerMigrationTable(self.migration_table_schema)

    def exists(self, connection: "psycopg.Connection") -> bool:
        """Whether the migration table exists."""
        return self._table.exists(connection)

    @staticmethod
    def schemas_with_migrations(connection: "psycopg.Connection") -> List[str]:
        """Every schema holding a pum_migrations table, sorted."""
        return _pum_native.CallerMigrationTable.schemas_with_table(connection)

    @staticmethod
    def schemas_with_migration_details(connection: "psycopg.Connection") -> List[Dict[str, Any]]:
        """migration_summary() of every schema holding a pum_migrations table that records a version."""
        details = []
        for schema in _pum_native.CallerMigrationTable.schemas_with_table(connection):
            raw = _pum_native.CallerMigrationTable(schema).summary(connection)
            if raw is not None:
                details.append(_summary(raw))
        return details

    def exists_in_other_schemas(self, connection: "psycopg.Connection") -> List[str]:
        """Schemas other than this module's holding a pum_migrations table."""
        return self._table.other_schemas(connection)

    def create(self, connection: "psycopg.Connection", *, allow_multiple_modules: bool = False,
               commit: bool = False) -> None:
        """Creates the table (and its schema) unless it exists; refused when another
        schema has one, unless ``allow_multiple_modules``."""
        self._table.create(connection, allow_multiple_modules=allow_multiple_modules, commit=commit)

    def migration_table_version(self, connection: "psycopg.Connection") -> int:
        """The table's layout version (1, 2 or 3)."""
        return self._table.layout_version(connection)

    def update_migration_table_schema(self, connection: "psycopg.Connection") -> None:
        """Brings a layout 1 or 2 table to the current layout, in place (no commit)."""
        self._table.upgrade_layout(connection)

    def set_baseline(self, connection: "psycopg.Connection", version: Union[packaging.version.Version, str],
                     changelog_files: Optional[List[str]] = None, parameters: Optional[Dict[str, Any]] = None, *,
                     beta_testing: bool = False, commit: bool = False) -> None:
        """Records ``version`` as installed, without running anything. Refused at or
        below the installed version."""
        self._table.set_baseline(connection, self.config.native.module, str(version),
                                 [str(f) for f in changelog_files or []], parameters, beta_testing=beta_testing,
                                 commit=commit)

    def has_baseline(self, connection: "psycopg.Connection") -> bool:
        """Whether the table exists and records a version."""
        return self._table.latest(connection) is not None

    def baseline(self, connection: "psycopg.Connection") -> packaging.version.Version:
        """The installed version: the highest recorded, compared as versions."""
        return packaging.version.Version(self._latest(connection)["version"])

    def migration_summary(self, connection: "psycopg.Connection") -> Dict[str, Any]:
        """The installed module at a glance: ``schema``, ``module``, ``version``,
        ``installed_date`` (first install), ``upgrade_date`` (of the installed
        version, None when it was installed with the first), ``beta_testing``,
        ``parameters``, ``pum_version`` ("0.0.0" when unknown)..."""
        raw = self._table.summary(connection) if self._table.exists(connection) else None
        if raw is None:
            raise PumSchemaMigrationNoBaselineError(self._no_baseline())
        return _summary(raw)

    def migration_details(self, connection: "psycopg.Connection", version: Optional[str] = None) -> Dict[str, Any]:
        """The row of ``version`` (default: the installed one), as a dict of its columns."""
        if version is None:
            return _record(self._latest(connection))
        raw = self._table.record_of(connection, str(version)) if self._table.exists(connection) else None
        if raw is None:
            raise PumSchemaMigrationError(f"version {version} is not recorded in {self.migration_table_identifier}")
        return _record(raw)

    def compare(self, connection: "psycopg.Connection") -> int:
        """-1 when the module has changelogs newer than the installed version, 0 when up to date."""
        return self._table.compare(connection, self.config.native)

    def _latest(self, connection: "psycopg.Connection") -> Dict[str, Any]:
        raw = self._table.latest(connection)
        if raw is None:
            raise PumSchemaMigrationNoBaselineError(self._no_baseline())
        return raw

    def _no_baseline(self) -> str:
        return f"no version is recorded in {self.migration_table_identifier} (module not installed, no baseline)"


__all__ = ["MIGRATION_TABLE_NAME", "MIGRATION_TABLE_VERSION", "SchemaMigrations"]
