"""Module parameters as pum 1.x names them: ``ParameterType`` and ``ParameterDefinition``.

The declarations themselves are read and checked by the core (``parameters:``
of ``.pum.yaml``); these are the Python objects programs and tests compare.
"""

from __future__ import annotations

import decimal
import enum
from pathlib import Path
from typing import Any, List, Optional, Union

from .exceptions import PumConfigError


class ParameterType(enum.Enum):
    """The type of a parameter; ``str()`` and f-strings give its name (``"integer"``)."""

    BOOLEAN = "boolean"
    INTEGER = "integer"
    TEXT = "text"
    DECIMAL = "decimal"
    PATH = "path"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def convert_value(type: ParameterType, value: Any) -> Any:
    """``value`` as the Python value of ``type`` (``None`` stays ``None``); raises PumConfigError."""
    if value is None:
        return None
    try:
        if type is ParameterType.BOOLEAN:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError(f"{value!r} is not a boolean")
        if type is ParameterType.INTEGER:
            if isinstance(value, bool):
                raise ValueError(f"{value!r} is not an integer")
            if isinstance(value, int):
                return value
            return int(str(value).strip())
        if type is ParameterType.DECIMAL:
            if isinstance(value, decimal.Decimal):
                return value
            return decimal.Decimal(str(value).strip())
        if type is ParameterType.PATH:
            return Path(value) if not isinstance(value, Path) else value
        return value if isinstance(value, str) else str(value)
    except (ValueError, decimal.InvalidOperation) as error:
        raise PumConfigError(f"invalid {type.value} value {value!r}: {error}") from None


class ParameterDefinition:
    """One declared parameter: name, type, default, description, allowed values, app_only."""

    def __init__(self, name: str, type: Union[str, ParameterType], default: Union[str, float, int, None] = None,
                 description: Optional[str] = None, values: Optional[list] = None, app_only: bool = False) -> None:
        self.name = name
        try:
            self.type = type if isinstance(type, ParameterType) else ParameterType(str(type))
        except ValueError:
            raise PumConfigError(f"parameter '{name}': unknown type '{type}' "
                                 "(expected one of: boolean, integer, text, decimal, path)") from None
        self.default = convert_value(self.type, default)
        self.description = description or None
        self.values: Optional[List[Any]] = (
            [convert_value(self.type, value) for value in values] if values is not None else None)
        self.app_only = bool(app_only)
        if self.values is not None and self.default is not None and self.default not in self.values:
            raise PumConfigError(f"parameter '{name}': default {self.default!r} is not one of the allowed values "
                                 f"{self.values!r}")

    @classmethod
    def _from_native(cls, native: Any) -> "ParameterDefinition":
        values = list(native.values)
        return cls(name=native.name, type=native.type, default=native.default,
                   description=native.description or None, values=values or None, app_only=native.app_only)

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type.value, "default": self.default,
                "description": self.description, "values": self.values, "app_only": self.app_only}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParameterDefinition):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash((self.name, self.type))

    def __repr__(self) -> str:
        return (f"ParameterDefinition(name={self.name!r}, type={self.type.value!r}, default={self.default!r}, "
                f"description={self.description!r}, values={self.values!r}, app_only={self.app_only!r})")


__all__ = ["ParameterType", "ParameterDefinition"]
