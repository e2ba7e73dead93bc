"""pum's roles API (``pum.role_manager``) on pum-native's core.

:class:`RoleManager`, :class:`Role` and :class:`Permission` have pum's
signatures; creating, granting, revoking, dropping, memberships, login roles
and the inventory all run in the C++ core (core/src/roles/role_manager.cpp,
role_inventory.cpp, login_roles.cpp) on the caller's psycopg connection, in
the caller's transaction: nothing is committed unless ``commit=True``.

DB-specific roles (``suffix``) follow pum 1.7+: ``<role>_<suffix>`` copies hold
the permissions, the generic roles are created too but kept apart from them
(no membership between a generic role and its copies).

Server errors are raised as psycopg's error classes, as pum raises them (they
are :class:`~pum.exceptions.PumSqlError` too).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Union

from ._sql_errors import psycopg_errors
from .exceptions import PumConfigError

if TYPE_CHECKING:  # pragma: no cover
    import psycopg

    from .feedback import Feedback


def _native():
    from . import _pum_native
    return _pum_native


def _run(feedback: Optional["Feedback"], call, *args, **kwargs) -> None:
    """Runs a core call; its messages go to the ``pum`` logger, ``feedback`` may cancel it before it starts."""
    with psycopg_errors():
        call(*args, feedback=feedback, **kwargs)


class PermissionType(enum.Enum):
    """What a permission allows on its schemas."""

    READ = "read"
    WRITE = "write"


class Permission:
    """A ``read`` or ``write`` permission on schemas."""

    def __init__(self, type: Union[PermissionType, str], schemas: Optional[List[str]] = None) -> None:
        try:
            self.type = type if isinstance(type, PermissionType) else PermissionType(type)
        except ValueError:
            raise PumConfigError(f"unknown permission type {type!r} (expected 'read' or 'write')") from None
        self.schemas = list(schemas or [])

    def grant(self, role: str, connection: "psycopg.Connection", commit: bool = False,
              feedback: Optional["Feedback"] = None) -> None:
        """Grants this permission on its schemas to the existing role ``role``."""
        _run(feedback, _native().grant_permission, connection, self.type.value, self.schemas, role, commit)

    def as_dict(self) -> Dict[str, Any]:
        return {"type": self.type.value, "schemas": list(self.schemas)}

    def __repr__(self) -> str:
        return f"<Permission: {self.type.value} on {self.schemas}>"


def _permission(item: Any) -> Permission:
    if isinstance(item, Permission):
        return item
    if isinstance(item, (str, PermissionType)):
        return Permission(item)
    if isinstance(item, dict):
        return Permission(item.get("type"), item.get("schemas"))
    # A configuration model object (type/schemas attributes).
    return Permission(getattr(item, "type"), getattr(item, "schemas", None))


class Role:
    """A role of the module: its permissions, the role it inherits, a description."""

    def __init__(self, name: str, permissions: Union[List[Permission], List[str]], *,
                 inherit: Optional["Role"] = None, description: Optional[str] = None) -> None:
        self.name = name
        self._permissions = [_permission(p) for p in permissions or []]
        self.inherit = inherit
        self.description = description

    def permissions(self) -> List[Permission]:
        """This role's own permissions."""
        return list(self._permissions)

    def all_permissions(self) -> List[Permission]:
        """This role's permissions and those of the roles it inherits."""
        out, seen, role = [], set(), self
        while role is not None and role.name not in seen:
            seen.add(role.name)
            out.extend(role._permissions)
            role = role.inherit
        return out

    def as_dict(self) -> Dict[str, Any]:
        return {"name": self.name, "permissions": [p.as_dict() for p in self._permissions],
                "inherit": self.inherit.name if self.inherit is not None else None,
                "description": self.description}

    def exists(self, connection: "psycopg.Connection") -> bool:
        """Whether the role exists in the database."""
        with psycopg_errors():
            return _native().role_exists(connection, self.name)

    def create(self, connection: "psycopg.Connection", grant: bool = False, commit: bool = False,
               feedback: Optional["Feedback"] = None) -> None:
        """Creates the role (kept when it exists), granted the role it inherits, and its permissions if ``grant``."""
        chain, role = [], self
        while role is not None and role.name not in {r.name for r in chain}:
            chain.append(role)
            role = role.inherit
        manager = _native().RoleManager([r.as_dict() for r in chain], f"role {self.name}")
        _run(feedback, manager.create_roles, connection, roles=[self.name], grant=grant, commit=commit)

    def __repr__(self) -> str:
        return f"<Role: {self.name}>"


def _role_dict(item: Any) -> Dict[str, Any]:
    """A role given as dict, Role or configuration model, as a dict."""
    if isinstance(item, Role):
        return item.as_dict()
    if isinstance(item, dict):
        data = dict(item)
    else:
        data = {key: getattr(item, key, None) for key in ("name", "permissions", "inherit", "description")}
    inherit = data.get("inherit")
    data["inherit"] = getattr(inherit, "name", inherit)
    data["permissions"] = [_permission(p).as_dict() for p in data.get("permissions") or []]
    return data


class RoleManager:
    """The module's roles; ``roles`` as dicts (``.pum.yaml``'s shape) or :class:`Role` objects."""

    def __init__(self, roles: Union[List[Role], List[dict], None] = None) -> None:
        dicts = [_role_dict(r) for r in roles or []]
        self._native = _native().RoleManager(dicts, "the roles given")
        self.roles: Dict[str, Role] = {}
        for data in dicts:
            self.roles[data["name"]] = Role(data["name"], data["permissions"], description=data.get("description"))
        for data in dicts:
            inherit = data.get("inherit")
            if inherit:
                # A role not configured here is one that exists in the database already.
                self.roles[data["name"]].inherit = self.roles.get(inherit) or Role(inherit, [])

    def create_roles(self, connection: "psycopg.Connection", *, suffix: Optional[str] = None,
                     grant: bool = False, commit: bool = False, feedback: Optional["Feedback"] = None) -> None:
        """Creates the roles (existing ones are kept); with ``suffix`` the ``<role>_<suffix>`` copies too."""
        _run(feedback, self._native.create_roles, connection, suffix=suffix or "", grant=grant, commit=commit)

    def grant_permissions(self, connection: "psycopg.Connection", commit: bool = False,
                          feedback: Optional["Feedback"] = None) -> None:
        """Grants every role its permissions (default privileges included)."""
        _run(feedback, self._native.grant_permissions, connection, commit=commit)

    def revoke_permissions(self, connection: "psycopg.Connection", *, roles: Optional[List[str]] = None,
                           suffix: Optional[str] = None, commit: bool = False,
                           feedback: Optional["Feedback"] = None) -> None:
        """Revokes the roles' permissions (and a generic role's memberships in its copies)."""
        _run(feedback, self._native.revoke_permissions, connection, suffix=suffix or "", roles=list(roles or []),
             commit=commit)

    def drop_roles(self, connection: "psycopg.Connection", *, roles: Optional[List[str]] = None,
                   suffix: Optional[str] = None, force: bool = False, commit: bool = False,
                   feedback: Optional["Feedback"] = None) -> None:
        """Revokes and drops the roles (with ``suffix`` only the copies); ``force`` first
        reassigns what they own here to the current user and drops their other privileges."""
        _run(feedback, self._native.drop_roles, connection, suffix=suffix or "", roles=list(roles or []),
             force=force, commit=commit)

    def grant_to(self, connection: "psycopg.Connection", *, to: str, roles: Optional[List[str]] = None,
                 suffix: Optional[str] = None, commit: bool = False,
                 feedback: Optional["Feedback"] = None) -> None:
        """Makes the user ``to`` a member of the roles (or of their ``suffix`` copies)."""
        _run(feedback, self._native.grant_to, connection, to, suffix=suffix or "", roles=list(roles or []),
             commit=commit)

    def revoke_from(self, connection: "psycopg.Connection", *, from_role: str, roles: Optional[List[str]] = None,
                    suffix: Optional[str] = None, commit: bool = False,
                    feedback: Optional["Feedback"] = None) -> None:
        """Removes the user ``from_role`` from the roles (or from their ``suffix`` copies)."""
        _run(feedback, self._native.revoke_from, connection, from_role, suffix=suffix or "",
             roles=list(roles or []), commit=commit)

    @staticmethod
    def create_login_role(connection: "psycopg.Connection", name: str, *, password: Optional[str] = None,
                          commit: bool = False) -> None:
        """Creates a LOGIN role (the password is sent hashed); refused when it exists."""
        with psycopg_errors():
            _native().create_login_role(connection, name, password or "", commit)

    @staticmethod
    def drop_login_role(connection: "psycopg.Connection", name: str, *, commit: bool = False) -> None:
        """Drops a LOGIN role; nothing happens when it does not exist."""
        with psycopg_errors():
            _native().drop_login_role(connection, name, True, commit)

    @staticmethod
    def login_roles(connection: "psycopg.Connection") -> List[str]:
        """Non-superuser roles that can log in, sorted."""
        with psycopg_errors():
            return _native().login_roles(connection)

    @staticmethod
    def members_of(connection: "psycopg.Connection", role_name: str) -> List[str]:
        """Login roles that are members of ``role_name`` (directly or not), sorted ([] for no such role)."""
        with psycopg_errors():
            if not _native().role_exists(connection, role_name):
                return []  # as pum: nothing to list (the core, for the CLI, names the missing role)
            return _native().members_of(connection, role_name, True)

    @staticmethod
    def memberships_of(connection: "psycopg.Connection", user_name: str) -> List[str]:
        """Roles ``user_name`` is directly a member of, sorted ([] for no such role)."""
        with psycopg_errors():
            if not _native().role_exists(connection, user_name):
                return []
            return _native().memberships_of(connection, user_name)

    def roles_inventory(self, connection: "psycopg.Connection", *,
                        include_superusers: bool = False) -> "RoleInventory":
        """What each role has on the module's schemas against what it should have."""
        with psycopg_errors():
            data = self._native.inventory(connection, include_superusers)
        return RoleInventory._from_core(data, self.roles)


class SchemaPermissionStatus:
    """One role's access to one of the module's schemas."""

    def __init__(self, schema: str, expected: Optional[PermissionType], has_read: bool, has_write: bool, *,
                 exists: bool = True, has_usage: bool = False, default_privileges: bool = False,
                 missing: Iterable[str] = (), satisfied: Optional[bool] = None) -> None:
        self.schema = schema
        self.expected = expected
        self.has_read = has_read
        self.has_write = has_write
        self.exists = exists
        self.has_usage = has_usage
        self.default_privileges = default_privileges
        self.missing = list(missing)  # objects lacking an expected privilege ("table s.t: SELECT")
        self._satisfied = satisfied

    @property
    def satisfied(self) -> bool:
        """The role has what the configuration expects here (and the default privileges for it)."""
        if self._satisfied is not None:
            return self._satisfied
        if self.expected is PermissionType.WRITE:
            return self.has_write
        if self.expected is PermissionType.READ:
            return self.has_read and not self.has_write
        return True  # nothing expected here

    def __repr__(self) -> str:
        expected = self.expected.value if self.expected else None
        return (f"<SchemaPermissionStatus {self.schema}: expected={expected} read={self.has_read} "
                f"write={self.has_write} satisfied={self.satisfied}>")


class RoleStatus:
    """A role found in the database: configured (``role``), a member of one, or another with access."""

    def __init__(self, name: str, role: Optional[Role] = None, suffix: str = "",
                 schema_permissions: Optional[List[SchemaPermissionStatus]] = None,
                 granted_to: Optional[List[str]] = None, superuser: bool = False, login: bool = False, *,
                 grantee: bool = False, members: Optional[List[str]] = None, owner: bool = False) -> None:
        self.name = name
        self.role = role
        self.suffix = suffix
        self.schema_permissions = list(schema_permissions or [])
        self.granted_to = list(granted_to or [])  # roles granted to this one (it is their member)
        self.superuser = superuser
        self.login = login
        self.grantee = grantee  # not configured, but a member of a configured role
        self.members = list(members or [])
        self.owner = owner

    @property
    def is_unknown(self) -> bool:
        return self.role is None

    @property
    def is_suffixed(self) -> bool:
        return bool(self.suffix)

    @property
    def schemas(self) -> List[str]:
        return [sp.schema for sp in self.schema_permissions]

    def __repr__(self) -> str:
        return f"<RoleStatus {self.name}>"


class RoleInventory:
    """The roles related to the module's schemas (pum's ``roles_inventory`` result)."""

    def __init__(self, roles: Optional[List[RoleStatus]] = None, expected_roles: Optional[List[str]] = None,
                 other_login_roles: Optional[List[str]] = None) -> None:
        self.roles = list(roles or [])
        self.expected_roles = list(expected_roles or [])
        self.other_login_roles = list(other_login_roles or [])
        self._text = ""

    @property
    def configured_roles(self) -> List[RoleStatus]:
        return [r for r in self.roles if r.role is not None]

    @property
    def grantee_roles(self) -> List[RoleStatus]:
        return [r for r in self.roles if r.role is None and r.grantee]

    @property
    def unknown_roles(self) -> List[RoleStatus]:
        return [r for r in self.roles if r.role is None and not r.grantee]

    @property
    def missing_roles(self) -> List[str]:
        found = {r.role.name for r in self.configured_roles}
        return [name for name in self.expected_roles if name not in found]

    def __str__(self) -> str:
        return self._text or super().__str__()

    @classmethod
    def _from_core(cls, data: Dict[str, Any], roles: Dict[str, Role]) -> "RoleInventory":
        statuses = [_status(s, roles) for s in data["configured"] if s["exists"]]
        statuses += [_status(s, roles, grantee=True) for s in data["grantees"]]
        statuses += [_status(s, roles) for s in data["others"]]
        inventory = cls(statuses, list(roles), data["other_login_roles"])
        inventory._text = data["text"]
        return inventory


def _status(data: Dict[str, Any], roles: Dict[str, Role], grantee: bool = False) -> RoleStatus:
    role = roles.get(data["configured_name"]) if data["configured_name"] else None
    # As pum: a configured role is shown on the schemas its permissions name
    # (the core also checks the others, for access nobody configured).
    permissions = [
        SchemaPermissionStatus(s["schema"], PermissionType(s["expected"]) if s["expected"] else None,
                               s["has_read"], s["has_write"], exists=s["exists"], has_usage=s["has_usage"],
                               default_privileges=s["default_privileges"], missing=s["missing"],
                               satisfied=s["satisfied"])
        for s in data["schemas"] if role is None or s["named"]]
    return RoleStatus(data["name"], role, data["suffix"], permissions, data["member_of"], data["superuser"],
                      data["login"], grantee=grantee, members=data["members"], owner=data["owner"])


__all__ = ["PermissionType", "Permission", "Role", "RoleManager", "SchemaPermissionStatus", "RoleStatus",
           "RoleInventory"]
