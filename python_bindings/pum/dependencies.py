"""The ``dependencies:`` of ``.pum.yaml``: Python packages the hooks need.

Each is looked up as an installed distribution (``importlib.metadata``) and,
failing that, as an importable module (Debian names packages ``python3-x`` and
some modules differ from their distribution's name). Versions are compared
numerically, component by component.

pum 1.x installs missing packages with pip into a temporary folder. This pum
does not: it refuses with the exact package and the command that installs it
(see docs/python.md for why).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
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


def check_dependencies(dependencies: List[Tuple[str, Optional[str], Optional[str], int]],
                       config_file: str = ".pum.yaml") -> None:
    """Raises PumDependencyError naming every missing or out-of-range package."""
    problems = []
    for name, minimum, maximum, line in dependencies:
        where = f"{config_file}:{line}" if line else config_file
        found, version = installed_version(name)
        if not found:
            problems.append(f"{where}: Python package '{name}' is required by the module's hooks but is not "
                            f"installed; {_how_to_install(name, minimum, maximum)}")
            continue
        if (minimum or maximum) and version is None:
            problems.append(f"{where}: Python package '{name}' is installed but its version cannot be told "
                            f"(needed: {'>=' + minimum if minimum else ''}{' ' if minimum and maximum else ''}"
                            f"{'<=' + maximum if maximum else ''})")
            continue
        if minimum and _compare(version, minimum) < 0:
            problems.append(f"{where}: Python package '{name}' {version} is older than the minimum {minimum}; "
                            f"{_how_to_install(name, minimum, maximum)}")
        elif maximum and _compare(version, maximum) > 0:
            problems.append(f"{where}: Python package '{name}' {version} is newer than the maximum {maximum}; "
                            f"{_how_to_install(name, minimum, maximum)}")
    if problems:
        raise PumDependencyError("\n".join(problems))


__all__ = ["check_dependencies", "installed_version"]
