"""One changelog: a folder named after a version, holding the SQL files of that release.

The folder is read and checked by the core (the same rules as the CLI's:
``*.sql`` files directly inside, in file-name order; an empty folder is
invalid unless it holds only an ``APP_ONLY_RELEASE`` marker).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

import packaging.version

from .exceptions import PumConfigError, PumInvalidChangelog, PumSqlError

if TYPE_CHECKING:
    import psycopg

    from .feedback import Feedback
    from .schema_migrations import SchemaMigrations

APP_ONLY_RELEASE_FILE = "APP_ONLY_RELEASE"


def _native():
    from . import _pum_native
    return _pum_native


class Changelog:
    """The changelog folder ``dir`` (``changelogs/1.2.3``); ``version`` is a ``packaging`` Version."""

    def __init__(self, dir: Union[str, Path]) -> None:
        self.dir = Path(dir)
        self.version = packaging.version.parse(self.dir.name)
        self._listing: Optional[Dict[str, Any]] = None

    @classmethod
    def _from_native(cls, data: Dict[str, Any], dir: Optional[Path] = None) -> "Changelog":
        """From the core's listing; ``dir`` spells the folder as the caller does (relative to its module root)."""
        changelog = cls(dir if dir is not None else data["directory"])
        if dir is not None:
            data = dict(data, directory=str(dir), files=[str(Path(dir) / Path(f).name) for f in data["files"]])
        changelog._listing = data
        return changelog

    def __repr__(self) -> str:
        return f"<Changelog {self.version} at {self.dir}>"

    def __str__(self) -> str:
        return str(self.dir)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Changelog):
            return NotImplemented
        return self.dir.absolute() == other.dir.absolute()

    def __hash__(self) -> int:
        return hash(self.dir.absolute())

    def __lt__(self, other: "Changelog") -> bool:
        return self.version < other.version

    def _list(self, strict: bool = False) -> Dict[str, Any]:
        if self._listing is not None and not strict:
            return self._listing
        try:
            listing = _native().load_changelog(str(self.dir), strict)
        except PumConfigError as error:
            raise PumInvalidChangelog(str(error), file=getattr(error, "file", None), line=getattr(error, "line", None),
                                      key=getattr(error, "key", None)) from None
        if not strict:
            self._listing = listing
        return listing

    def files(self) -> List[Path]:
        """The SQL files, in the order they run."""
        return [Path(file) for file in self._list()["files"]]

    def is_app_only(self) -> bool:
        """Whether this is an application-only release (only an ``APP_ONLY_RELEASE`` marker, no SQL)."""
        return (self.dir / APP_ONLY_RELEASE_FILE).is_file() and not self.files()

    def validate(self, parameters: Optional[dict] = None) -> bool:
        """Checks the folder and that each file parses (with ``parameters`` substituted when given).

        Raises :class:`PumInvalidChangelog` (for instance for ``BEGIN;``/``COMMIT;``
        in a file, an empty folder, or SQL beside the marker).
        """
        from .sql_content import SqlContent

        listing = self._list(strict=True)
        for file in listing["files"]:
            try:
                SqlContent(Path(file)).validate(parameters)
            except PumSqlError as error:
                raise PumInvalidChangelog(f"changelog {self.version} is invalid: {error}",
                                          file=error.file, line=error.line) from None
        return True

    def apply(self, connection: "psycopg.Connection", parameters: Optional[dict] = None, commit: bool = True,
              schema_migrations: Optional["SchemaMigrations"] = None, beta_testing: bool = False,
              feedback: Optional["Feedback"] = None) -> List[Path]:
        """Runs the files on ``connection`` and, with ``schema_migrations``, records the version.

        Returns the files run. Commits only when ``commit`` is true.
        """
        from .sql_content import SqlContent

        files = self.files()
        for file in files:
            if feedback is not None:
                if feedback.is_cancelled():
                    from .exceptions import PumCancelled
                    raise PumCancelled("cancelled: the changes were not committed")
                feedback.report_progress(f"Applying {file.name}")
            SqlContent(file).execute(connection, parameters=parameters, commit=False)
        if schema_migrations is not None:
            schema_migrations.set_baseline(connection=connection, version=self.version,
                                           changelog_files=[str(file) for file in files], parameters=parameters,
                                           beta_testing=beta_testing, commit=False)
        if commit:
            connection.commit()
        return files

    def is_applied(self, connection: "psycopg.Connection", schema_migrations: "SchemaMigrations") -> bool:
        """Whether the migration table records this version."""
        import psycopg.sql as psql

        schema = _migration_table_schema(schema_migrations)
        if not schema_migrations.exists(connection):
            return False
        query = psql.SQL("SELECT version FROM {}.pum_migrations").format(psql.Identifier(schema))
        with connection.cursor() as cursor:
            cursor.execute(query)
            for (text,) in cursor.fetchall():
                try:
                    if packaging.version.parse(text) == self.version:
                        return True
                except packaging.version.InvalidVersion:
                    continue
        return False


def _migration_table_schema(schema_migrations: Any) -> str:
    config = getattr(schema_migrations, "config", None)
    schema = getattr(config, "migration_table_schema", None)
    if schema is None:
        inner = getattr(config, "config", None)
        schema = getattr(getattr(inner, "pum", None), "migration_table_schema", None)
    return schema or "public"


__all__ = ["Changelog", "APP_ONLY_RELEASE_FILE"]
