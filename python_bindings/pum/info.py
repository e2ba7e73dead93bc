"""pum's ``run_info``: what is installed in a database, and what is pending.

The facts come from the C++ core (the same as ``pum info`` on the command
line); this module only words them, line by line, on the ``pum.info`` logger
at INFO level, as pum reports them. Reading does not refuse a module whose
``minimum_version`` is newer than this pum.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Dict, List

from . import _pum_native
from .schema_migrations import SchemaMigrations

if TYPE_CHECKING:
    import psycopg

    from .pum_config import PumConfig

logger = logging.getLogger(__name__)


def _parameters_text(parameters: Dict[str, Any]) -> str:
    return ", ".join(f"{name} = {value!r}" for name, value in parameters.items()) or "none"


def _installed_lines(connection: "psycopg.Connection", config: "PumConfig", info: Dict[str, Any]) -> List[str]:
    if not info["installed"]:
        return ["Installed: no (no migration table)"]
    if info["version"] is None:
        return ["Installed: migration table present, but no version recorded"]
    summary = SchemaMigrations(config).migration_summary(connection)
    of_module = "" if info["installed_module"] == info["module"] else f" (of module {info['installed_module']})"
    lines = [f"Installed version: {summary['version']}{of_module}",
             f"Installed on: {summary['installed_date']}"]
    if summary["upgrade_date"] is not None:
        lines.append(f"Upgraded on: {summary['upgrade_date']}")
    lines += [f"Beta testing: {'yes (upgrades refused unless forced)' if summary['beta_testing'] else 'no'}",
              f"Parameters: {_parameters_text(summary['parameters'])}",
              f"Installed with pum: {summary['pum_version']}",
              f"Migration table layout: {info['layout_version']}"]
    return lines


def run_info(connection: "psycopg.Connection", config: "PumConfig") -> None:
    """Logs the module, the installed version (with its dates, parameters and the
    pum that installed it), the available and the pending versions."""
    info = _pum_native.CallerUpgrader(config.native, str(config.base_path)).info(connection)
    lines = [f"Module: {info['module']}", f"Migration table: {info['migration_table']}"]
    lines += _installed_lines(connection, config, info)
    lines.append(f"Available versions: {', '.join(info['available']) or 'none'}")
    lines.append(f"Pending versions: {', '.join(info['pending']) or 'none'}")
    if info["other_schemas"]:
        lines.append(f"Other modules' migration tables in: {', '.join(info['other_schemas'])}")
    for line in lines:
        logger.info("%s", line)


__all__ = ["run_info"]
