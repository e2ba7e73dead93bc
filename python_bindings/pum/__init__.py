"""pum-native's Python package: a drop-in for pum 1.x, run by a C++ core.

The names pum exports, from the modules pum names (``pum.pum_config``,
``pum.upgrader``, ``pum.schema_migrations``...), for hook files and for the
programs that drive pum from Python::

    from pum import HookBase                     # in a hook file
    from pum.pum_config import PumConfig
    from pum.upgrader import Upgrader

pum-native's own scripting API (its own connection, callbacks, a summary
dict) is in :mod:`pum.api`.

Names load on first use, so a hook file that imports only ``HookBase`` does
not load the compiled core.
"""

from .exceptions import (PumCancelled, PumCommandError, PumConfigError, PumConnectionError,
                         PumDependencyError, PumException, PumHookError, PumInvalidChangelog,
                         PumParameterError, PumSqlError)
from .hook import HookBase
from .sql_content import CursorResult, SqlContent

# pum's top-level names: name -> module that defines it.
_LAZY = {
    "Changelog": "changelog",
    "Checker": "checker",
    "ComparisonReport": "checker",
    "ReportGenerator": "report_generator",
    "create_database": "database",
    "drop_database": "database",
    "DumpFormat": "dumper",
    "Dumper": "dumper",
    "Feedback": "feedback",
    "LogFeedback": "feedback",
    "SilentFeedback": "feedback",
    "HookHandler": "hook",
    "ParameterDefinition": "parameter",
    "ParameterType": "parameter",
    "Permission": "role_manager",
    "PermissionType": "role_manager",
    "Role": "role_manager",
    "RoleInventory": "role_manager",
    "RoleManager": "role_manager",
    "RoleStatus": "role_manager",
    "SchemaPermissionStatus": "role_manager",
    "PumConfig": "pum_config",
    "SchemaMigrations": "schema_migrations",
    "Upgrader": "upgrader",
}

# pum's logging level below DEBUG for each SQL statement (pum.SQL).
SQL = 5


def __getattr__(name):
    module = _LAZY.get(name)
    if module is not None:
        import importlib
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from . import _pum_native
        return _pum_native.tool_version()
    raise AttributeError(f"module 'pum' has no attribute {name!r}")


__all__ = ["HookBase", "SqlContent", "CursorResult", "PumException", "PumConfigError", "PumInvalidChangelog",
           "PumParameterError", "PumDependencyError", "PumHookError", "PumSqlError", "PumConnectionError",
           "PumCommandError", "PumCancelled", "SQL", *_LAZY]
