"""One entry of ``dependencies:`` in ``.pum.yaml``: a Python package the module's hooks need (pum 1.x API).

``resolve()`` checks the installed version against the bounds and, when
allowed to, installs the package with pip into a folder put at the front of
``sys.path`` (never into the system). Versions are compared as PEP 440
versions (``packaging``).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from typing import Optional

import packaging.version

from .dependencies import installed_version
from .exceptions import PumDependencyError


def _installed_version(name: str) -> Optional[str]:
    """The installed distribution's version; None when not installed, "" when it cannot be told."""
    found, version = installed_version(name)
    if not found:
        return None
    return version if version is not None else ""


class DependencyHandler:
    """A required Python package ``name`` with optional ``minimum_version`` / ``maximum_version`` (inclusive)."""

    def __init__(self, name: str, *, minimum_version: Optional[packaging.version.Version] = None,
                 maximum_version: Optional[packaging.version.Version] = None) -> None:
        self.name = name
        self.minimum_version = _as_version(minimum_version)
        self.maximum_version = _as_version(maximum_version)

    def __repr__(self) -> str:
        return f"<DependencyHandler {self.requirement()}>"

    def requirement(self) -> str:
        """The pip requirement: ``name>=min,<=max``."""
        bounds = [b for b in ((f">={self.minimum_version}" if self.minimum_version else ""),
                              (f"<={self.maximum_version}" if self.maximum_version else "")) if b]
        return self.name + ",".join(bounds)

    def _problem(self) -> Optional[str]:
        installed = _installed_version(self.name)
        if installed is None:
            return f"Python package '{self.name}' is required by the module but is not installed"
        if not installed:
            if self.minimum_version or self.maximum_version:
                return (f"Python package '{self.name}' is installed but its version cannot be told "
                        f"(needed: {self.requirement()[len(self.name):]})")
            return None
        try:
            version = packaging.version.parse(installed)
        except packaging.version.InvalidVersion:
            return None if not (self.minimum_version or self.maximum_version) else (
                f"Python package '{self.name}' is installed but its version '{installed}' cannot be compared")
        if self.minimum_version and version < self.minimum_version:
            return (f"Python package '{self.name}' {installed} is installed, which is lower than the minimum "
                    f"required {self.minimum_version}")
        if self.maximum_version and version > self.maximum_version:
            return (f"Python package '{self.name}' {installed} is installed, which is higher than the maximum "
                    f"allowed {self.maximum_version}")
        return None

    def resolve(self, install_dependencies: bool = False, install_path: Optional[str] = None) -> None:
        """Checks the package; installs it into ``install_path`` when allowed, else raises PumDependencyError."""
        problem = self._problem()
        if problem is None:
            return
        if not install_dependencies:
            raise PumDependencyError(
                f"{problem}; install '{self.requirement()}' (pip install, or apt install "
                f"python3-{self.name.lower().replace('_', '-')}), or let pum install it (install_dependencies)")
        if install_path is None:
            from . import dependencies
            install_path = dependencies.install_folder() or dependencies.make_install_folder()
        self.pip_install(install_path=install_path)

    def python_command(self) -> str:
        """The Python interpreter to run pip with (inside QGIS ``sys.executable`` is QGIS itself)."""
        from .dependencies import _python
        return _python() or sys.executable

    def pip_install(self, install_path: str) -> None:
        """``pip install --target install_path``, then puts ``install_path`` first on ``sys.path``."""
        command = [self.python_command(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                   "--no-input", "--upgrade", "--target", str(install_path), self.requirement()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PumDependencyError(f"pip could not install '{self.requirement()}': {error}") from None
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if line.startswith("ERROR")] or done.stderr.splitlines()
            raise PumDependencyError(f"pip could not install '{self.requirement()}': "
                                     + " ".join(lines[-2:]).strip())
        if str(install_path) not in sys.path:
            sys.path.insert(0, str(install_path))
        importlib.invalidate_caches()
        problem = self._problem()
        if problem is not None:
            raise PumDependencyError(f"{problem} (after installing it with pip into {install_path})")


def _as_version(value) -> Optional[packaging.version.Version]:
    if value is None or isinstance(value, packaging.version.Version):
        return value
    return packaging.version.parse(str(value))


__all__ = ["DependencyHandler"]
