"""Validate in the real dialog: tests/data/invalid_module (one mistake of every
kind) checked offline, its findings in the log as file:line:col, double-click
opens the file at its line in the configured editor; then a module whose only
mistake is in its SQL (the status reads fine): Install is blocked until overridden."""
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtGui import QTextCursor
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QCheckBox, QPlainTextEdit, QPushButton


TABLES = "SELECT count(*) FROM pg_class WHERE relnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema', 'pg_toast'))"


def validate(dialog, e2e, log):
    """Clicks Validate, waits for its summary line, returns it."""
    count = log.blockCount()
    QTest.mouseClick(dialog.findChild(QPushButton, "validate"), Qt.LeftButton)
    if not e2e.wait_for(lambda: log.blockCount() > count and any("statements checked" in line for line in log.toPlainText().splitlines()[-3:]), 60):
        raise RuntimeError("Validate did not finish: " + log.toPlainText()[-500:])
    return next(line for line in log.toPlainText().splitlines()[-3:] if "statements checked" in line)


def run(dialog, e2e):
    db = e2e.create_database("pum_e2e_validate")
    relations = e2e.psql(db, TABLES)
    module = os.path.join(e2e.env["PUM_E2E_SOURCE"], "tests", "data", "invalid_module")
    e2e.open_module(dialog, "Validate (module with errors)", db, module)
    log = dialog.findChild(QPlainTextEdit, "log")
    before = log.blockCount()
    summary = validate(dialog, e2e, log)
    e2e.note("validate.summary", summary)
    if "errors: 15, warnings: 1" not in summary:
        raise RuntimeError("unexpected summary: " + summary)
    wanted = "changelogs/1.0.0/01_schema.sql:7:1: error: syntax error at or near"
    finding = next((b for b in range(before, log.blockCount()) if wanted in log.document().findBlockByNumber(b).text()), None)
    if finding is None:
        raise RuntimeError(f"no finding '{wanted}' in the log")
    e2e.screenshot("validate-findings", dialog)

    # Double-click: the editor of pum/editorCommand gets the file and line.
    opened = os.path.join(e2e.env["PUM_E2E_WORK"], "editor-args.txt")
    editor = os.path.join(e2e.env["PUM_E2E_WORK"], "editor.sh")
    with open(editor, "w") as f:
        f.write(f"#!/bin/sh\necho \"$@\" > '{opened}'\n")
    os.chmod(editor, 0o755)
    QgsSettings().setValue("pum/editorCommand", editor + " +{line} {file}")
    block = log.document().findBlockByNumber(finding)
    log.moveCursor(QTextCursor.End)
    log.setTextCursor(QTextCursor(block))
    log.ensureCursorVisible()
    e2e.pump(0.3)
    where = log.cursorRect(QTextCursor(block)).center() + QPoint(30, 0)
    QTest.mouseDClick(log.viewport(), Qt.LeftButton, Qt.NoModifier, where)
    if not e2e.wait_for(lambda: os.path.exists(opened) and os.path.getsize(opened) > 0, 10):
        raise RuntimeError("double-click did not start the editor")
    QgsSettings().remove("pum/editorCommand")
    args = open(opened).read().split()
    expected = ["+7", os.path.join(module, "changelogs", "1.0.0", "01_schema.sql")]
    if [args[0], os.path.realpath(args[1])] != [expected[0], os.path.realpath(expected[1])]:
        raise RuntimeError(f"editor got {args}, expected {expected}")
    e2e.note("validate.editor", " ".join(args))

    # A module the engine would start installing: Validate's errors block Install.
    broken = os.path.join(e2e.env["PUM_E2E_WORK"], "sql_typo_module")
    os.makedirs(os.path.join(broken, "changelogs", "1.0.0"), exist_ok=True)
    with open(os.path.join(broken, ".pum.yaml"), "w") as f:
        f.write("pum:\n  module: sql_typo\n")
    with open(os.path.join(broken, "changelogs", "1.0.0", "01_tables.sql"), "w") as f:
        f.write("CREATE TABLE a (id int);\nCREATE TABLE b (id int,, name text);\n")
    e2e.open_module(dialog, "Validate (SQL typo)", db, broken)
    install = dialog.findChild(QPushButton, "install")
    if not install.isEnabled():
        raise RuntimeError(f"Install disabled before validating; status: {e2e.status(dialog)}")
    summary = validate(dialog, e2e, log)
    if "errors: 1," not in summary:
        raise RuntimeError("unexpected summary: " + summary)
    if install.isEnabled():
        raise RuntimeError("Install still enabled after Validate found errors")
    override = dialog.findChild(QCheckBox, "overrideValidation")
    if not override.isVisible():
        raise RuntimeError("no 'Ignore validation errors' box")
    override.setChecked(True)
    if not install.isEnabled():
        raise RuntimeError("Install still disabled with 'Ignore validation errors' ticked")
    override.setChecked(False)
    if e2e.psql(db, TABLES) != relations:
        raise RuntimeError("Validate changed the database")
