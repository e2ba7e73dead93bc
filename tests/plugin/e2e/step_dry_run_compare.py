"""Dry run and Compare in the real dialog.

Dry run: tests/data/dry_run_module installed at 1.0.0 with rows in a table,
then "Dry run" (an upgrade to 1.1.0): the report window lists the new table,
and the schema (pg_dump --schema-only), every table's rows and the status are
as they were. Compare: a second database upgraded to 1.1.0 compared with the
first one says "Different" and names the new table; compared with itself
(another connection to the same database) it says "Equal".
"""
import os
import subprocess

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QApplication, QCheckBox, QComboBox, QLabel, QPushButton, QTextBrowser,
                                 QTreeWidget)


def schema_dump(e2e, database):
    done = subprocess.run(
        [os.path.join(e2e.env["PUM_E2E_PGBIN"], "pg_dump"), "--schema-only", "-h", e2e.env["PUM_E2E_PGHOST"],
         "-p", e2e.env["PUM_E2E_PORT"], "-U", "postgres", "-d", database],
        capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"pg_dump of {database} failed: {done.stderr.strip()}")
    # pg_dump's \restrict key is new at each run.
    return "\n".join(line for line in done.stdout.splitlines()
                     if not line.startswith(("\\restrict ", "\\unrestrict ")))


def table_rows(e2e, database):
    """Each user table's row count and digest (sequences aside: not transactional)."""
    tables = e2e.psql(database, "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n"
                                " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN"
                                " ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' ORDER BY 1")
    return {t: e2e.psql(database, f"SELECT count(*) || ' ' || COALESCE(md5(string_agg(r::text, ',' ORDER BY"
                                  f" r::text)), '') FROM {t} r") for t in tables.splitlines()}


def report_window(e2e, seconds=60):
    """The report window that is visible now (the newest one)."""
    found = []

    def visible():
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "pumReportDialog" and w.isVisible()]
        return bool(found)

    if not e2e.wait_for(visible, seconds):
        raise RuntimeError("no report window opened")
    return found[-1]


def tree_texts(window):
    tree = window.findChild(QTreeWidget, "pumReportTree")
    texts = []

    def walk(item):
        texts.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return texts


def choose(dialog, e2e, name, database, module):
    e2e.open_module(dialog, name, database, module)
    roles = dialog.findChild(QCheckBox, "rolesAndGrant")
    if roles is not None:
        roles.setChecked(False)  # the module's role is cluster-wide: leave it out


def set_target(dialog, version):
    target = dialog.findChild(QComboBox, "targetVersion")
    index = target.findText(version) if version else 0
    if index < 0:
        raise RuntimeError(f"version {version} not offered")
    target.setCurrentIndex(index)


def dry_run(dialog, e2e, module):
    database = e2e.create_database(f"pum_e2e_dry_run_{os.getpid()}")
    choose(dialog, e2e, "Database A (1.0.0)", database, module)
    set_target(dialog, "1.0.0")
    e2e.run(dialog, "install")
    e2e.psql(database, "INSERT INTO pum_dry_run.full_table (name) VALUES ('valve'), ('hydrant'), ('pipe')")
    set_target(dialog, "")
    status_before = e2e.status(dialog)
    schema_before = schema_dump(e2e, database)
    rows_before = table_rows(e2e, database)

    e2e.run(dialog, "dryRun")
    window = report_window(e2e)
    verdict = window.findChild(QLabel, "pumReportVerdict").text()
    e2e.note("dry_run.verdict", verdict)
    texts = tree_texts(window)
    for expected in ("1.1.0", "pum_dry_run.added_table", "pum_dry_run.full_table.full_table_touch"):
        if expected not in texts:
            raise RuntimeError(f"the dry run's report does not list {expected}: {texts}")
    if "from 1.0.0 to 1.1.0" not in verdict:
        raise RuntimeError(f"unexpected verdict: {verdict}")
    window.resize(900, 700)
    e2e.screenshot("dry-run-report", window)

    if schema_dump(e2e, database) != schema_before:
        raise RuntimeError("the dry run changed the schema")
    if table_rows(e2e, database) != rows_before:
        raise RuntimeError("the dry run changed rows")
    if e2e.status(dialog) != status_before:
        raise RuntimeError(f"status changed by the dry run: {e2e.status(dialog)} (was {status_before})")
    e2e.note("dry_run.unchanged", "schema, rows and status")
    window.close()
    return database


def compare_with(e2e, window, other):
    """Chooses `other` in the report window, runs the comparison; returns the verdict."""
    combo = window.findChild(QComboBox, "pumCompareWith")
    index = combo.findText(other)
    if index < 0:
        raise RuntimeError(f"{other} not offered: {[combo.itemText(i) for i in range(combo.count())]}")
    combo.setCurrentIndex(index)
    QTest.mouseClick(window.findChild(QPushButton, "pumCompareRun"), Qt.LeftButton)
    verdict = window.findChild(QLabel, "pumReportVerdict")
    if not e2e.wait_for(lambda: verdict.text().startswith(("Equal", "Different", "Comparison failed")), 60):
        raise RuntimeError(f"the comparison did not finish: {verdict.text()}")
    return verdict.text()


def compare(dialog, e2e, module, old):
    database = e2e.create_database(f"pum_e2e_compare_{os.getpid()}")
    choose(dialog, e2e, "Database B (1.1.0)", database, module)
    e2e.run(dialog, "install")  # newest: 1.1.0
    e2e.save_connection("Database A, second connection", old)
    QTest.mouseClick(dialog.findChild(QPushButton, "compare"), Qt.LeftButton)
    window = report_window(e2e)
    verdict = compare_with(e2e, window, "Database A (1.0.0)")
    e2e.note("compare.verdict", verdict)
    if not verdict.startswith("Different"):
        raise RuntimeError(f"1.1.0 and 1.0.0 compared as {verdict}")
    if "pum_dry_run.added_table" not in tree_texts(window):
        raise RuntimeError(f"the comparison does not name the new table: {tree_texts(window)}")
    if "added_table" not in window.findChild(QTextBrowser, "pumReportBrowser").toPlainText():
        raise RuntimeError("the HTML report does not name the new table")
    window.resize(900, 700)
    e2e.screenshot("compare-report", window)
    window.close()

    # The same two databases through another pair of connections: equal only to itself.
    choose(dialog, e2e, "Database A (1.0.0)", old, module)
    QTest.mouseClick(dialog.findChild(QPushButton, "compare"), Qt.LeftButton)
    window = report_window(e2e)
    verdict = compare_with(e2e, window, "Database A, second connection")
    e2e.note("compare.same", verdict)
    if not verdict.startswith("Equal"):
        raise RuntimeError(f"a database compared with itself: {verdict}")
    window.close()


def run(dialog, e2e):
    module = os.path.join(e2e.env["PUM_E2E_SOURCE"], "tests", "data", "dry_run_module")
    old = dry_run(dialog, e2e, module)
    compare(dialog, e2e, module, old)
