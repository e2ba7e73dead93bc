"""A module's configuration (pum 1.x's ``PumConfig``), loaded and checked by the core.

``PumConfig.from_yaml(path)`` reads a ``.pum.yaml``; ``PumConfig(base_path,
**settings)`` takes the same content as keyword arguments (``pum={"module":
...}``, ``parameters=[...]``...). Either way the core reads it (the same
loader as the CLI's and the QGIS plugin's: unknown keys, types, hook files,
roles, demo data... are checked there) and the changelogs are read and
checked by the core as well. What stays here is pum's Python surface:
packaging versions, ``HookHandler`` objects, the tool's ``minimum_version``
(compared with this module's ``PUM_VERSION``) and the Python dependencies.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

import packaging.version

from . import _pum_native
from .changelog import Changelog
from .exceptions import PumConfigError, PumHookError, PumInvalidChangelog, PumSqlError
from .hook import HookHandler
from .parameter import ParameterDefinition, ParameterType

if TYPE_CHECKING:
    from .role_manager import RoleManager

# The version of pum this package implements (compared with `pum.minimum_version`).
PUM_VERSION = packaging.version.Version(_pum_native.tool_version())

VersionLike = Union[str, packaging.version.Version, None]


class _Model(SimpleNamespace):
    """A section of the configuration, read like pum's pydantic models (attributes, ``model_dump()``)."""

    def model_dump(self) -> Dict[str, Any]:
        def dump(value: Any) -> Any:
            if isinstance(value, _Model):
                return value.model_dump()
            if isinstance(value, ParameterDefinition):
                return value.to_dict()
            if isinstance(value, list):
                return [dump(item) for item in value]
            return value
        return {key: dump(value) for key, value in vars(self).items()}


def _plain(value: Any) -> Any:
    """Settings as YAML can hold them: paths, versions and enums as text."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (os.PathLike, packaging.version.Version)):
        return str(value)
    return value


def _as_version(value: VersionLike) -> Optional[packaging.version.Version]:
    if value is None or isinstance(value, packaging.version.Version):
        return value
    try:
        return packaging.version.parse(str(value))
    except packaging.version.InvalidVersion:
        raise PumConfigError(f"'{value}' is not a version") from None


class PumConfig:
    """The configuration of the module at ``base_path``.

    ``PumConfig(base_path, pum={"module": "my_module"}, parameters=[...])``;
    ``validate`` (default) also checks the changelogs, the hooks against the
    parameters, the tool's minimum version and the Python dependencies
    (installing missing ones with pip when ``install_dependencies``).
    Raises :class:`pum.exceptions.PumConfigError`.
    """

    def __init__(self, base_path: Union[str, Path], *, validate: bool = True, install_dependencies: bool = False,
                 **kwargs: Any) -> None:
        import yaml

        base = Path(base_path)
        text = yaml.safe_dump(_plain(kwargs), sort_keys=False, allow_unicode=True)
        native = _pum_native.Config.load_from_text(text, str(base), f"settings given to PumConfig for {base}")
        self._setup(base, native)
        if validate:
            self.validate(install_dependencies=install_dependencies)

    @classmethod
    def from_yaml(cls, file_path: Union[str, Path], *, validate: bool = True,
                  install_dependencies: bool = False) -> "PumConfig":
        """Loads a ``.pum.yaml``; the module root is its folder."""
        file = Path(file_path)
        if not file.is_file():
            raise PumConfigError(f"{file}: configuration file not found", file=str(file))
        self = cls.__new__(cls)
        self._setup(file.parent, _pum_native.Config.load(str(file.parent), str(file)))
        if validate:
            self.validate(install_dependencies=install_dependencies)
        return self

    def _setup(self, base: Path, native: Any) -> None:
        self._base_path = base
        self.native = native  # the core's Config (what pum.upgrader and friends hand to the core)
        self._handlers: Dict[str, List[HookHandler]] = {}
        self._role_manager = None
        self._parameters = [ParameterDefinition._from_native(p) for p in native.parameters]
        self.config = self._model()

    # ---- what pum's ConfigModel holds ---------------------------------------

    def _relative(self, path: str) -> str:
        try:
            return os.path.relpath(path, self.native.base_dir)
        except ValueError:
            return path

    def _model(self) -> _Model:
        native = self.native

        def hooks(entries: List[dict]) -> List[_Model]:
            return [_Model(file=h["relative_file"], code=h["code"]) for h in entries]

        demo = []
        for data in native.demo_data:
            files = [self._relative(f) for f in data["files"]]
            demo.append(_Model(name=data["name"], file=None, files=files))
        dependencies = [_Model(name=name, minimum_version=_as_version(minimum), maximum_version=_as_version(maximum))
                        for name, minimum, maximum, _line in native.dependencies]
        roles = [_Model(name=r["name"], description=r["description"] or None, inherit=r["inherit"],
                        permissions=[_Model(type=p["type"], schemas=list(p["schemas"])) for p in r["permissions"]])
                 for r in native.roles]
        return _Model(
            pum=_Model(module=native.module, migration_table_schema=native.migration_table_schema,
                       minimum_version=_as_version(native.minimum_version)),
            parameters=list(self._parameters),
            application=_Model(drop=hooks(native.drop_hooks), create=hooks(native.create_hooks)),
            changelogs_directory=self._relative(native.changelogs_directory),
            roles=roles,
            demo_data=demo,
            dependencies=dependencies,
            uninstall=hooks(native.uninstall_hooks),
        )

    # ---- pum 1.x API ----------------------------------------------------------

    @property
    def base_path(self) -> Path:
        """The module root."""
        return self._base_path

    @property
    def module(self) -> str:
        return self.native.module

    @property
    def migration_table_schema(self) -> str:
        return self.native.migration_table_schema

    def __repr__(self) -> str:
        return f"<PumConfig {self.native.module} at {self._base_path}>"

    def parameters(self) -> List[ParameterDefinition]:
        """The declared parameters, in declaration order."""
        return list(self._parameters)

    def parameter(self, name: str) -> ParameterDefinition:
        """The declared parameter ``name``; raises PumConfigError when there is none."""
        for parameter in self._parameters:
            if parameter.name == name:
                return parameter
        declared = ", ".join(p.name for p in self._parameters) or "none"
        raise PumConfigError(f"parameter '{name}' is not declared (declared: {declared})")

    def changelogs(self, min_version: VersionLike = None, max_version: VersionLike = None) -> List[Changelog]:
        """The changelogs in version order, ``min_version`` and ``max_version`` included."""
        low, high = _as_version(min_version), _as_version(max_version)
        # Spelt from base_path as given, as pum does (relative stays relative).
        root = self._base_path / self.config.changelogs_directory
        result = []
        for data in self.native.changelogs():
            changelog = Changelog._from_native(data, root / Path(data["directory"]).name)
            if low is not None and changelog.version < low:
                continue
            if high is not None and changelog.version > high:
                continue
            result.append(changelog)
        return result

    def last_version(self, min_version: VersionLike = None,
                     max_version: VersionLike = None) -> Optional[packaging.version.Version]:
        """The newest changelog's version within the bounds, or None."""
        changelogs = self.changelogs(min_version=min_version, max_version=max_version)
        return changelogs[-1].version if changelogs else None

    def _hook_handlers(self, phase: str, entries: List[dict]) -> List[HookHandler]:
        if phase not in self._handlers:
            handlers = []
            for hook in entries:
                if hook["file"]:
                    handlers.append(HookHandler(file=hook["file"], base_path=self._base_path))
                else:
                    handlers.append(HookHandler(code=hook["code"], base_path=self._base_path,
                                                source=hook["description"]))
            self._handlers[phase] = handlers
        return list(self._handlers[phase])

    def drop_app_handlers(self) -> List[HookHandler]:
        """Handlers of ``application.drop`` (``migration_hooks.pre``)."""
        return self._hook_handlers("drop", self.native.drop_hooks)

    def create_app_handlers(self) -> List[HookHandler]:
        """Handlers of ``application.create`` (``migration_hooks.post``)."""
        return self._hook_handlers("create", self.native.create_hooks)

    def uninstall_handlers(self) -> List[HookHandler]:
        """Handlers of ``uninstall``."""
        return self._hook_handlers("uninstall", self.native.uninstall_hooks)

    def cleanup_hook_imports(self) -> None:
        """Forgets every module the Python hooks imported from the module's folders.

        For programs that load several modules, or several versions of one
        (the QGIS plugin): the next module's hooks then import their own
        ``helpers``, not this one's. The handlers are made anew when asked again.
        """
        for handlers in self._handlers.values():
            for handler in handlers:
                handler.cleanup_imports()
                handler.cleanup_sys_path()
        self._handlers.clear()

    def demo_data(self) -> Dict[str, List[str]]:
        """Demo data sets: name -> files (relative to the module root), in order."""
        return {data.name: list(data.files) for data in self.config.demo_data}

    def role_manager(self) -> "RoleManager":
        """The roles of ``roles:`` as a :class:`pum.role_manager.RoleManager`."""
        if self._role_manager is None:
            from .role_manager import RoleManager
            self._role_manager = RoleManager([role.model_dump() for role in self.config.roles])
        return self._role_manager

    # ---- validation -----------------------------------------------------------

    def _check_values(self) -> Dict[str, Any]:
        """A value per declared parameter to check SQL and hooks with: its default, else a neutral one."""
        neutral = {ParameterType.BOOLEAN: False, ParameterType.INTEGER: 0, ParameterType.DECIMAL: 0,
                   ParameterType.TEXT: "x", ParameterType.PATH: "x"}
        values = {}
        for parameter in self._parameters:
            value = parameter.default
            if value is None:
                value = neutral[parameter.type]
            if parameter.type is ParameterType.DECIMAL:
                import decimal
                value = decimal.Decimal(str(value))
            values[parameter.name] = value
        return values

    def validate(self, install_dependencies: bool = False) -> None:
        """Checks the tool's version, the dependencies, the changelogs and the hooks.

        Raises PumConfigError (PumInvalidChangelog for a changelog), or
        PumDependencyError for a missing Python package.
        """
        minimum = self.config.pum.minimum_version
        if minimum is not None and PUM_VERSION < minimum:
            raise PumConfigError(f"module {self.module} needs pum {minimum} or newer (pum.minimum_version); "
                                 f"this is pum {PUM_VERSION}")

        if self.config.dependencies:
            from .dependency_handler import DependencyHandler
            for dependency in self.config.dependencies:
                DependencyHandler(dependency.name, minimum_version=dependency.minimum_version,
                                  maximum_version=dependency.maximum_version).resolve(
                    install_dependencies=install_dependencies)

        for changelog in self.changelogs():
            try:
                self.native.validate_changelog(str(changelog.dir))
            except PumConfigError as error:
                raise PumInvalidChangelog(f"changelog {changelog.version} is invalid: {error}",
                                          file=getattr(error, "file", None), line=getattr(error, "line", None)) from None

        values = self._check_values()
        for handlers in (self.drop_app_handlers, self.create_app_handlers, self.uninstall_handlers):
            try:
                for handler in handlers():
                    handler.validate(values)
            except (PumHookError, PumSqlError) as error:
                self.cleanup_hook_imports()
                raise PumConfigError(f"invalid hook: {error}") from None
        # Checking loaded the Python hooks: what they imported must not be
        # what another module's hooks of the same names import next.
        self.cleanup_hook_imports()


__all__ = ["PumConfig", "PUM_VERSION"]
