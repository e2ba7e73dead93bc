"""pum-native's Python package: what hook files import, and a scripting API.

For hooks (the same names as pum 1.x)::

    from pum import HookBase, SqlContent
    from pum.exceptions import PumSqlError
    from pum.utils.execute_sql import execute_sql

For scripts: :func:`load_config`, :func:`connect`, :class:`Upgrader`,
:func:`install`, :func:`upgrade`, :func:`info` (see :mod:`pum.api`), run by
the same C++ engine as the ``pum`` command line.
"""

from .exceptions import (PumCancelled, PumCommandError, PumConfigError, PumConnectionError,
                         PumDependencyError, PumException, PumHookError, PumInvalidChangelog,
                         PumParameterError, PumSqlError)
from .hook import HookBase
from .sql_content import CursorResult, SqlContent

_API = ("Config", "ParameterDefinition", "Connection", "Upgrader", "load_config", "connect",
        "install", "upgrade", "info")


def __getattr__(name):
    # The scripting API needs the compiled core; hook files that only import
    # HookBase do not pay for loading it until SQL runs.
    if name in _API:
        from . import api
        return getattr(api, name)
    if name == "__version__":
        from . import _pum_native
        return _pum_native.tool_version()
    raise AttributeError(f"module 'pum' has no attribute {name!r}")


__all__ = ["HookBase", "SqlContent", "CursorResult", "PumException", "PumConfigError", "PumInvalidChangelog",
           "PumParameterError", "PumDependencyError", "PumHookError", "PumSqlError", "PumConnectionError",
           "PumCommandError", "PumCancelled", *_API]
