"""pum's dump and restore: :class:`Dumper` on the C++ core's dumper.

The core runs pg_dump (``--no-owner --no-privileges``, as pum does) and, to
restore, pg_restore for a custom-format dump or psql for a plain SQL one (pum
itself only runs pg_restore). The tools get the connection's parameters
through their environment, never a password on their command line, and the
pg_dump used matches the server's version when ``pg_dump_exe`` is left at
its default. A restore stops at the first error and restores nothing.

Raises :class:`pum.exceptions.PgDumpCommandError` /
:class:`~pum.exceptions.PgRestoreCommandError` when the tool cannot be
started, :class:`~pum.exceptions.PgDumpFailed` /
:class:`~pum.exceptions.PgRestoreFailed` when it fails.
"""

from __future__ import annotations

from enum import Enum

from . import _pum_native


class DumpFormat(Enum):
    CUSTOM = "custom"
    PLAIN = "plain"

    def to_pg_dump_flag(self):
        """pg_dump's option for this format."""
        return "-Fc" if self is DumpFormat.CUSTOM else "-Fp"


class Dumper:
    """Dumps and restores the database of ``pg_connection`` (a service name
    or a connection string) to and from ``dump_path``."""

    def __init__(self, pg_connection: str, dump_path: str):
        self.pg_connection = pg_connection
        self.dump_path = dump_path

    def pg_dump(self, dbname: str | None = None, *, pg_dump_exe: str = "pg_dump",
                exclude_schema: list[str] | None = None, format: DumpFormat = DumpFormat.CUSTOM):
        """Dumps the database (``dbname`` on the same server, if given)."""
        _pum_native.dump_database(self.pg_connection, dbname, str(self.dump_path), pg_dump_exe,
                                  list(exclude_schema or []), DumpFormat(format).value)

    def pg_restore(self, dbname: str | None = None, pg_restore_exe: str = "pg_restore",
                   exclude_schema: list[str] | None = None):
        """Restores the dump into the database (``dbname`` on the same server, if given)."""
        _pum_native.restore_database(self.pg_connection, dbname, str(self.dump_path), pg_restore_exe,
                                     list(exclude_schema or []))


__all__ = ["DumpFormat", "Dumper"]
