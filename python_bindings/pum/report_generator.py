"""pum's report formats for a :class:`pum.checker.ComparisonReport`.

The text, JSON and HTML are written by the C++ core's report writers, the
same as ``pum check -f text|json|html``: the report goes back to the core as
it is now (a caller may have filtered its checks), a removed and an added
definition of one object shown as one change.
"""

from __future__ import annotations

import datetime

from . import _pum_native
from .checker import ComparisonReport, DifferenceItem


def _item(item: DifferenceItem):
    return (item.type.value, item.object_name, item.content)


def _render(report: ComparisonReport, format: str) -> str:
    timestamp = report.timestamp
    if isinstance(timestamp, datetime.datetime):
        timestamp = timestamp.isoformat()
    checks = [(result.key, result.name, [_item(item) for item in result.differences])
              for result in report.check_results]
    return _pum_native.render_check_report(format, str(report.pg_connection1), str(report.pg_connection2),
                                           str(timestamp), checks)


class ReportGenerator:
    """Renders comparison reports."""

    @staticmethod
    def generate_text(report: ComparisonReport) -> str:
        return _render(report, "text")

    @staticmethod
    def generate_json(report: ComparisonReport) -> str:
        return _render(report, "json")

    @staticmethod
    def generate_html(report: ComparisonReport) -> str:
        return _render(report, "html")


__all__ = ["ReportGenerator"]
