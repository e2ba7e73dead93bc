"""pum's ``Upgrader``: install, upgrade, demo data, uninstall and the application hooks.

Every command is run by the C++ core (the same engine as the command line and
the QGIS plugin) on the caller's psycopg connection: the same session, inside
the caller's open transaction. As pum's API says:

- ``install``, ``uninstall``, ``drop_app``, ``create_app`` and
  ``recreate_app`` commit only with ``commit=True``; otherwise they leave the
  transaction open, for the caller to commit or roll back (so a program can run
  an install and its own statements in one transaction);
- ``upgrade`` and ``install_demo_data`` commit at their end (they have no
  ``commit`` argument in pum).

A failure or a cancellation raises a :mod:`pum.exceptions` type and commits
nothing: roll the connection back (leaving a ``with psycopg.connect()`` block
through the exception does that).

``roles`` and ``grant`` are opt-in here, as in pum's API (the command line
creates roles and grants unless told to skip them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, Union

import packaging.version

from . import _pum_native
from .feedback import Feedback, _begin_command
from .pum_config import PumConfig
from .schema_migrations import SchemaMigrations

if TYPE_CHECKING:
    import psycopg

VersionLike = Union[str, packaging.version.Version, None]


def _version_text(version: VersionLike) -> Optional[str]:
    return None if version is None else str(version)


class Upgrader:
    """pum's commands for the module of ``config``; ``max_version`` caps install and upgrade."""

    def __init__(self, config: PumConfig, max_version: VersionLike = None) -> None:
        self.config = config
        self.max_version = packaging.version.parse(str(max_version)) if max_version is not None else None
        self.schema_migrations = SchemaMigrations(config)
        # Changelog files are recorded under the module path as the caller gave it, as pum records them.
        self._native = _pum_native.CallerUpgrader(config.native, str(config.base_path))

    def _max_version(self, max_version: VersionLike) -> Optional[str]:
        return _version_text(max_version if max_version is not None else self.max_version)

    @staticmethod
    def _feedback(feedback: Optional[Feedback]) -> Optional[Feedback]:
        if feedback is not None:
            _begin_command(feedback)
        return feedback

    def install(self, connection: psycopg.Connection = None, *, parameters: Optional[Dict[str, Any]] = None,
                max_version: VersionLike = None, roles: bool = False, grant: bool = False,
                beta_testing: bool = False, skip_drop_app: bool = False, skip_create_app: bool = False,
                allow_multiple_modules: bool = False, commit: bool = False,
                feedback: Optional[Feedback] = None) -> None:
        """Creates the migration table and runs the drop hooks, every changelog up to
        ``max_version`` and the create hooks; with ``roles``, creates the module's
        roles first, and with ``grant`` grants them their permissions.

        Refused when the module is already installed, or when another module's
        migration table is in the database (unless ``allow_multiple_modules``).
        """
        self._native.install(
            connection, parameters=parameters, max_version=self._max_version(max_version), roles=roles,
            grant=grant, beta_testing=beta_testing, skip_drop_app=skip_drop_app, skip_create_app=skip_create_app,
            allow_multiple_modules=allow_multiple_modules, commit=commit, feedback=self._feedback(feedback))

    def install_demo_data(self, connection: psycopg.Connection, name: str, *,
                          parameters: Optional[Dict[str, Any]] = None, grant: bool = True,
                          skip_drop_app: bool = False, skip_create_app: bool = False) -> None:
        """Loads the demo data set ``name`` into the installed module: drop hooks,
        its files, create hooks, grants; commits at the end."""
        self._native.install_demo_data(connection, name, parameters=parameters, grant=grant,
                                       skip_drop_app=skip_drop_app, skip_create_app=skip_create_app, commit=True)

    def upgrade(self, connection: psycopg.Connection, *, parameters: Optional[Dict[str, Any]] = None,
                max_version: VersionLike = None, beta_testing: bool = False, force: bool = False,
                skip_drop_app: bool = False, skip_create_app: bool = False, roles: bool = False,
                grant: bool = False, skip_baseline_check: bool = False,
                feedback: Optional[Feedback] = None) -> None:
        """Runs the drop hooks, the changelogs newer than the installed version (up to
        ``max_version``) and the create hooks, then commits. With nothing to
        upgrade, the hooks (and grants) still run, as in pum.

        Refused for another module, for a beta-testing install unless ``force``,
        when a parameter that is not ``app_only`` changes, and when a changelog at
        or below the installed version was not applied (unless ``skip_baseline_check``).
        """
        self._native.upgrade(
            connection, parameters=parameters, max_version=self._max_version(max_version),
            beta_testing=beta_testing, force=force, skip_drop_app=skip_drop_app, skip_create_app=skip_create_app,
            roles=roles, grant=grant, skip_baseline_check=skip_baseline_check, commit=True,
            feedback=self._feedback(feedback))

    def uninstall(self, connection: psycopg.Connection, *, parameters: Optional[Dict[str, Any]] = None,
                  commit: bool = False, feedback: Optional[Feedback] = None) -> None:
        """Runs the module's ``uninstall`` hooks; refused when it defines none."""
        self._native.uninstall(connection, parameters=parameters, commit=commit, feedback=self._feedback(feedback))

    def drop_app(self, connection: psycopg.Connection, *, parameters: Optional[Dict[str, Any]] = None,
                 feedback: Optional[Feedback] = None, commit: bool = False) -> None:
        """Runs the drop hooks (``application.drop``)."""
        self._native.drop_app(connection, parameters=parameters, commit=commit, feedback=self._feedback(feedback))

    def create_app(self, connection: psycopg.Connection, *, parameters: Optional[Dict[str, Any]] = None,
                   feedback: Optional[Feedback] = None, commit: bool = False) -> None:
        """Runs the create hooks (``application.create``)."""
        self._native.create_app(connection, parameters=parameters, commit=commit, feedback=self._feedback(feedback))

    def recreate_app(self, connection: psycopg.Connection, *, parameters: Optional[Dict[str, Any]] = None,
                     feedback: Optional[Feedback] = None, commit: bool = False) -> None:
        """Runs the drop hooks, then the create hooks. A parameter that is not
        ``app_only`` must keep the value it was installed with."""
        self._native.recreate_app(connection, parameters=parameters, commit=commit,
                                  feedback=self._feedback(feedback))


__all__ = ["Upgrader"]
