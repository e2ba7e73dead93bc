"""A module shaped like a large public datamodel (tests/support/big_module.h:
6 parameters with long descriptions, 80 changelog files, hundreds of server
NOTICEs, a Python create hook that runs 3 s, demo data) in the real QGIS, at
the size the dialog takes on a 1366x768 screen: every parameter in view, the
progress moving through the hook, the log one line per file with the notices
counted, the status naming the demo data. Screenshots of each state."""
import os
import subprocess

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

# PumDialog::defaultSize for a 1366x768 screen's available area (1366x728 under a panel).
SIZE_1366X768 = (1280, 688)


def parameters_in_view(dialog):
    """The parameter editors that lie outside the scroll area's visible part."""
    scroll = dialog.findChild(QWidget, "parametersScroll")
    viewport = scroll.viewport()
    hidden = []
    for editor in dialog.findChildren(QWidget):
        if not editor.objectName().startswith("parameter_") or not editor.isVisible():
            continue
        top_left = editor.mapTo(viewport, editor.rect().topLeft())
        bottom_right = editor.mapTo(viewport, editor.rect().bottomRight())
        if not (viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)):
            hidden.append(editor.objectName())
    return hidden


def run(dialog, e2e):
    if not e2e.env.get("PUM_E2E_PY_DB"):
        raise RuntimeError("this build has no Python hooks: the big module's create hook needs them")
    module = os.path.join(e2e.env["PUM_E2E_WORK"], "big_module")
    tool = os.path.join(e2e.env["PUM_E2E_BUILD"], "tests", "pum_write_big_module")
    subprocess.run([tool, module], check=True)
    db = e2e.create_database("pum_e2e_big")
    dialog.resize(*SIZE_1366X768)
    e2e.open_module(dialog, "Big datamodel", db, module)
    e2e.pump(0.5)
    hidden = parameters_in_view(dialog)
    if hidden:
        raise RuntimeError("parameters out of view at 1366x768: " + ", ".join(hidden))
    demo = dialog.findChild(QComboBox, "demoData")
    demo.setCurrentIndex(demo.findText("Sample data"))
    e2e.screenshot("big-not-installed", dialog)

    # Install with demo data; a screenshot while the Python hook runs.
    step = dialog.findChild(QLabel, "currentFile")
    install = dialog.findChild(QWidget, "install")
    QTest.mouseClick(install, Qt.LeftButton)
    if not e2e.wait_for(lambda: "statements sent" in step.text(), 60):
        raise RuntimeError("the Python hook's statements never showed: " + step.text())
    e2e.pump(2.2)  # past 2 s: the step's time shows
    e2e.note("big.running", step.text())
    e2e.screenshot("big-running", dialog)
    if not e2e.wait_idle(dialog, 120) or not e2e.wait_for(lambda: dialog.findChild(QComboBox, "connection").isEnabled(), 120):
        raise RuntimeError("the install did not finish")
    e2e.pump(0.5)
    title, details = e2e.status(dialog)
    e2e.note("big.status", f"{title} / {details}")
    if "Sample data" not in details:
        raise RuntimeError("the status does not name the demo data: " + details)
    log = dialog.findChild(QPlainTextEdit, "log").toPlainText()
    if "NOTICE" in log:
        raise RuntimeError("server notices shown at the Normal level")
    if "080_table.sql: 20 statements in" not in log or "4 server notices" not in log:
        raise RuntimeError("no line per file with its notices counted: " + log[-600:])
    e2e.screenshot("big-installed", dialog)
