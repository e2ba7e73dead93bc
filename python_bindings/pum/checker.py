"""pum's database comparison: :class:`Checker` and its result classes.

``Checker(pg_connection1, pg_connection2, ...).run_checks()`` compares the
structure of two databases with the C++ core (``pum check``'s code: the
catalogs read, definitions normalised where a dump and restore re-prints them
differently, objects of extensions such as PostGIS left out) and returns pum's
:class:`ComparisonReport`. As in pum, a difference is an object only in the
first database (``REMOVED``) or only in the second (``ADDED``); a definition
that differs is both: the first database's as removed, the second's as added.

The result classes are plain Python dataclasses because callers read and build
them; :mod:`pum.report_generator` renders them with the core's report writers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import Enum

import psycopg

from . import _pum_native


class DifferenceType(Enum):
    """Which database has the object."""

    ADDED = "added"  # only in the second database
    REMOVED = "removed"  # only in the first database


@dataclass
class DifferenceItem:
    """One object found in one database only (or with another definition).

    ``content`` has the object's name parts under pum's keys
    (``table_schema``, ``table_name``...) and its definition (under
    ``constraint_definition``, ``index_definition``...).
    """

    type: DifferenceType
    content: dict | str
    # The core's name of the object ("schema.table.column"): how it is shown in reports.
    object_name: str = field(default="", repr=False, compare=False)


@dataclass
class CheckResult:
    """The outcome of one kind of check (tables, columns...)."""

    name: str
    key: str
    passed: bool = True
    differences: list[DifferenceItem] = field(default_factory=list)

    @property
    def difference_count(self) -> int:
        return len(self.differences)


@dataclass
class ComparisonReport:
    """All the checks of one comparison."""

    pg_connection1: str
    pg_connection2: str
    timestamp: datetime.datetime = field(default_factory=datetime.datetime.now)
    check_results: list[CheckResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.check_results)

    @property
    def total_checks(self) -> int:
        return len(self.check_results)

    @property
    def passed_checks(self) -> int:
        return sum(1 for result in self.check_results if result.passed)

    @property
    def failed_checks(self) -> int:
        return self.total_checks - self.passed_checks

    @property
    def total_differences(self) -> int:
        return sum(result.difference_count for result in self.check_results)


def _items(difference: dict, definition_key: str) -> list[DifferenceItem]:
    """The core's difference as pum's items: a change is the removed then the added definition."""
    identity = dict(difference["identity"])
    items = []
    for side, kind in (("first", DifferenceType.REMOVED), ("second", DifferenceType.ADDED)):
        if difference["type"] in (kind.value, "changed"):
            items.append(DifferenceItem(kind, {**identity, definition_key: difference[side]},
                                        object_name=difference["object"]))
    return items


def _check_result(check: dict) -> CheckResult:
    differences = [item for difference in check["differences"]
                   for item in _items(difference, check["definition_key"])]
    return CheckResult(name=check["name"], key=check["key"], passed=not differences, differences=differences)


class Checker:
    """Compares the structure of two databases.

    ``pg_connection1`` and ``pg_connection2`` are service names or connection
    strings; the connections are opened here (``conn1``, ``conn2``) and stay
    open for the caller to close. ``exclude_schema``: schemas left out;
    ``exclude_field_pattern``: column names left out (SQL LIKE patterns);
    ``ignore_list``: kinds of check skipped ("triggers", "views"...).
    """

    def __init__(self, pg_connection1, pg_connection2, exclude_schema=None, exclude_field_pattern=None,
                 ignore_list=None):
        self.pg_connection1 = pg_connection1
        self.pg_connection2 = pg_connection2
        # Autocommit: reading the catalogs leaves no transaction open on the caller's side.
        self.conn1 = psycopg.connect(_pum_native.connection_info(pg_connection1), autocommit=True)
        self.conn2 = psycopg.connect(_pum_native.connection_info(pg_connection2), autocommit=True)
        self.exclude_schema = list(exclude_schema or [])
        self.exclude_field_pattern = list(exclude_field_pattern or [])
        self.ignore_list = list(ignore_list or [])

    def run_checks(self) -> ComparisonReport:
        """Runs every check not in ``ignore_list``."""
        return self._run(self.ignore_list)

    def _run(self, ignore) -> ComparisonReport:
        native = _pum_native.compare_databases(self.conn1, self.conn2, self.exclude_schema,
                                               self.exclude_field_pattern, list(ignore))
        return ComparisonReport(
            pg_connection1=self.pg_connection1,
            pg_connection2=self.pg_connection2,
            timestamp=datetime.datetime.now(),
            check_results=[_check_result(check) for check in native["checks"]],
        )

    def _check(self, key: str, with_views: bool = False):
        """One check, as pum's check_* methods return it: (passed, differences)."""
        # The core compares view columns only while views are compared: kept for check_columns.
        keep = {key, "views"} if with_views else {key}
        report = self._run([kind for kind in _pum_native.check_kinds() if kind not in keep])
        result = next(result for result in report.check_results if result.key == key)
        return result.passed, result.differences

    def check_tables(self):
        return self._check("tables")

    def check_columns(self, check_views=True):
        return self._check("columns", with_views=check_views)

    def check_constraints(self):
        return self._check("constraints")

    def check_views(self):
        return self._check("views")

    def check_sequences(self):
        return self._check("sequences")

    def check_indexes(self):
        return self._check("indexes")

    def check_triggers(self):
        return self._check("triggers")

    def check_functions(self):
        return self._check("functions")

    def check_rules(self):
        return self._check("rules")


__all__ = ["DifferenceType", "DifferenceItem", "CheckResult", "ComparisonReport", "Checker"]
