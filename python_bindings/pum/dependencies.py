"""The ``dependencies:`` of ``.pum.yaml``: Python packages the hooks need.

Each is looked up as an installed distribution (``importlib.metadata``) and,
failing that, as an importable module (Debian names packages ``python3-x`` and
some modules differ from their distribution's name). Versions are compared
numerically, component by component.

Like pum 1.x, packages that are missing or out of range are then installed
with pip into a temporary folder put at the front of ``sys.path`` for the
rest of the process (never into the system). When pip is not there, or fails
(no network...), the command is refused with every problem, the reason pip
gave, and how to install them by hand. ``PUM_NO_PIP_INSTALL=1`` turns the
installation off.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from typing import List, Optional, Tuple

from .exceptions import PumDependencyError


def _key(version: str) -> Tuple:
    """Sortable key of a version: numeric components, then a pre-release marker."""
    try:
        from packaging.version import Version
        return (0, Version(version))
    except Exception:
        numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
        return (1, tuple(numbers + [0] * (4 - len(numbers))))


def _compare(a: str, b: str) -> int:
    ka, kb = _key(a), _key(b)
    if ka[0] != kb[0]:  # one side did not parse with packaging: compare numbers only
        ka, kb = (1, _numbers(a)), (1, _numbers(b))
    return (ka > kb) - (ka < kb)


def _numbers(version: str) -> Tuple[int, ...]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def installed_version(name: str) -> Tuple[bool, Optional[str]]:
    """(found, version or None when it cannot be told)."""
    try:
        return True, importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        pass
    module = name.replace("-", "_")
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return False, None
    try:
        imported = importlib.import_module(module)
    except Exception:
        return True, None
    version = getattr(imported, "__version__", None)
    return True, str(version) if version is not None else None


def _how_to_install(name: str, minimum: Optional[str], maximum: Optional[str]) -> str:
    bounds = ",".join(b for b in ((f">={minimum}" if minimum else ""), (f"<={maximum}" if maximum else "")) if b)
    debian = "python3-" + name.lower().replace("_", "-")
    return f"install it with `apt install {debian}` or `pip install '{name}{bounds}'`"


def _problems(dependencies, config_file):
    """[(requirement for pip, message)] of every missing or out-of-range package."""
    problems = []
    for name, minimum, maximum, line in dependencies:
        where = f"{config_file}:{line}" if line else config_file
        requirement = name + ",".join(b for b in ((f">={minimum}" if minimum else ""),
                                                  (f"<={maximum}" if maximum else "")) if b)
        found, version = installed_version(name)
        if not found:
            problems.append((requirement, f"{where}: Python package '{name}' is required by the module's hooks but "
                                          f"is not installed; {_how_to_install(name, minimum, maximum)}"))
        elif (minimum or maximum) and version is None:
            problems.append((requirement, f"{where}: Python package '{name}' is installed but its version cannot "
                                          f"be told (needed: {requirement[len(name):]})"))
        elif minimum and _compare(version, minimum) < 0:
            problems.append((requirement, f"{where}: Python package '{name}' {version} is older than the minimum "
                                          f"{minimum}; {_how_to_install(name, minimum, maximum)}"))
        elif maximum and _compare(version, maximum) > 0:
            problems.append((requirement, f"{where}: Python package '{name}' {version} is newer than the maximum "
                                          f"{maximum}; {_how_to_install(name, minimum, maximum)}"))
    return problems


_install_dir = None


def _python() -> str:
    """The interpreter to run pip with (inside QGIS sys.executable is QGIS itself)."""
    for candidate in (sys.executable, getattr(sys, "_base_executable", ""),
                      os.path.join(sys.exec_prefix, "bin", f"python{sys.version_info[0]}.{sys.version_info[1]}")):
        if candidate and os.path.basename(candidate).startswith("python") and os.access(candidate, os.X_OK):
            return candidate
    return ""


def _pip_install(requirements):
    """Installs into this process's temporary folder; returns why it could not ('' on success)."""
    global _install_dir
    if os.environ.get("PUM_NO_PIP_INSTALL", "") not in ("", "0"):
        return "installing them with pip is turned off (PUM_NO_PIP_INSTALL)"
    python = _python()
    if not python or importlib.util.find_spec("pip") is None:
        return "pip is not available to install them (apt install python3-pip)"
    make_install_folder()
    command = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
               "--timeout", "15", "--retries", "1", "--upgrade", "--target", _install_dir, *requirements]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"pip could not install them: {error}"
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.startswith("ERROR")] or done.stderr.splitlines()
        return "pip could not install them: " + " ".join(lines[-2:]).strip()
    if _install_dir not in sys.path:
        sys.path.insert(0, _install_dir)
    importlib.invalidate_caches()
    return ""


def check_dependencies(dependencies: List[Tuple[str, Optional[str], Optional[str], int]],
                       config_file: str = ".pum.yaml") -> None:
    """Installs what is missing (see the module's docstring) or raises PumDependencyError naming every problem."""
    problems = _problems(dependencies, config_file)
    if not problems:
        return
    why = _pip_install([requirement for requirement, _ in problems])
    if not why:
        problems = _problems(dependencies, config_file)
        if not problems:
            return
        why = "pip installed them, but they are still missing or out of range"
    raise PumDependencyError("\n".join(message for _, message in problems) + f"\n({why})")


def make_install_folder() -> str:
    """This process's folder for packages pip installs (made on first use)."""
    global _install_dir
    if _install_dir is None:
        _install_dir = tempfile.mkdtemp(prefix="pum-dependencies-")
    return _install_dir


def install_folder() -> Optional[str]:
    """The temporary folder pip installed missing dependencies into, if it did."""
    return _install_dir


__all__ = ["check_dependencies", "installed_version", "install_folder", "make_install_folder"]
