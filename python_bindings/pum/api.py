"""Scripting API: pum's commands from Python, run by the same C++ engine as the CLI.

pum's own API (pum.upgrader.Upgrader on the caller's psycopg connection...)
is in pum's modules; this one opens its own connection and returns a summary.

Example::

    from pum import api

    config = api.load_config("path/to/module")          # reads .pum.yaml
    with api.connect("service=mydb") as connection:     # or a postgresql:// URI
        upgrader = api.Upgrader(config, connection,
                                progress=lambda done, total, current: print(done, total, current))
        if not upgrader.info()["installed"]:
            upgrader.install(parameters={"srid": 2056})
        else:
            upgrader.upgrade()

Every command runs in one transaction and commits only at the end; errors are
raised as :mod:`pum.exceptions` types. ``.py`` hooks of the module run in this
interpreter (they need psycopg 3).
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, Optional, Union

from . import _pum_native

Config = _pum_native.Config
ParameterDefinition = _pum_native.ParameterDefinition

ProgressCallback = Callable[[int, int, str], Any]
LogCallback = Callable[[str, str], Any]
CancelledCallback = Callable[[], bool]


class Connection(_pum_native.Connection):
    """A libpq connection owned by pum's core (not a psycopg connection).

    ``spec`` is a pg_service name, a ``postgresql://`` URI or a ``key=value``
    string; use it as a context manager to close it.
    """

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def load_config(base_dir: Union[str, os.PathLike], config_file: Optional[Union[str, os.PathLike]] = None) -> Config:
    """Loads and validates ``<base_dir>/.pum.yaml`` (or ``config_file``). Raises PumConfigError."""
    return Config.load(os.fspath(base_dir), os.fspath(config_file) if config_file is not None else None)


def connect(spec: str) -> Connection:
    """Opens a connection for :class:`Upgrader`. Raises PumConnectionError."""
    return Connection(spec)


class Upgrader(_pum_native.Upgrader):
    """pum's commands on one module and one database.

    ``config`` is a :class:`Config` or a module folder; ``connection`` a
    :class:`Connection` or a connection spec (then opened here).
    ``progress(done, total, current)`` is called as statements run;
    ``log(level, message)`` with level ``error``/``warning``/``info``/``debug``/``trace``;
    ``cancelled()`` is polled between statements and cancels (rolls back,
    raising PumCancelled) when it returns True. An exception raised by a
    callback cancels the command too and is re-raised.

    Methods: ``install(parameters=None, max_version=None, beta_testing=False,
    skip_drop_app=False, skip_create_app=False, allow_multiple_modules=False,
    skip_roles=False, skip_grant=False, demo_data="")`` and ``upgrade(parameters=None,
    max_version=None, beta_testing=False, force=False, skip_drop_app=False,
    skip_create_app=False, skip_baseline_check=False, skip_grant=False,
    skip_roles=False)`` return a summary dict (``from_version``, ``to_version``,
    ``applied``, ``statements``, ``seconds``, ``nothing_to_do``); ``info()``
    returns a dict (``installed``, ``version``, ``parameters``, ``pending``...);
    ``baseline(version, create_table=False, allow_multiple_modules=False,
    parameters=None)``, ``create_app``/``drop_app``/``recreate_app``/``uninstall(parameters=None)``,
    ``install_demo_data(name, parameters=None)``. Parameters are Python values
    (``int``, ``bool``, ``Decimal``, ``str``, ``Path``) converted to their declared type.
    """

    def __init__(self, config: Union[Config, str, os.PathLike], connection: Union[Connection, str], *,
                 progress: Optional[ProgressCallback] = None, log: Optional[LogCallback] = None,
                 cancelled: Optional[CancelledCallback] = None) -> None:
        if not isinstance(config, Config):
            config = load_config(config)
        if isinstance(connection, str):
            connection = Connection(connection)
        super().__init__(config, connection, progress, log, cancelled)
        self.connection = connection


def install(module: Union[Config, str, os.PathLike], connection: Union[Connection, str],
            parameters: Optional[Dict[str, Any]] = None, **options: Any) -> Dict[str, Any]:
    """``Upgrader(module, connection).install(parameters, **options)`` (callbacks go in options)."""
    callbacks = {k: options.pop(k) for k in ("progress", "log", "cancelled") if k in options}
    return Upgrader(module, connection, **callbacks).install(parameters=parameters, **options)


def upgrade(module: Union[Config, str, os.PathLike], connection: Union[Connection, str],
            parameters: Optional[Dict[str, Any]] = None, **options: Any) -> Dict[str, Any]:
    """``Upgrader(module, connection).upgrade(parameters, **options)`` (callbacks go in options)."""
    callbacks = {k: options.pop(k) for k in ("progress", "log", "cancelled") if k in options}
    return Upgrader(module, connection, **callbacks).upgrade(parameters=parameters, **options)


def info(module: Union[Config, str, os.PathLike], connection: Union[Connection, str]) -> Dict[str, Any]:
    """What is installed and what is pending, as a dict."""
    return Upgrader(module, connection).info()


__all__ = ["Config", "ParameterDefinition", "Connection", "Upgrader", "load_config", "connect",
           "install", "upgrade", "info"]
