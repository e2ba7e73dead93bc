"""Runs inside the real QGIS (qgis --code e2e_qgis.py), driven by e2e_qgis.sh.

Like a user: saves a PostGIS connection whose user and password live in an
auth configuration, opens the plugin's dialog from the Database menu, picks
that connection and the example module, sets the SRID with the CRS selector,
installs version 1.1.0, then upgrades. Takes screenshots of the dialog's main
states. Writes what it saw to $PUM_E2E_OUT (one `key=value` per line) and quits
QGIS; the shell script checks the database afterwards.
"""
import glob
import importlib.util
import os
import subprocess
import time
import traceback
import types

from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsCoordinateReferenceSystem,
                       QgsDataSourceUri, QgsProviderRegistry)
from qgis.gui import QgsProjectionSelectionWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAction, QApplication, QCheckBox, QComboBox, QDialog, QLabel,
                                 QMenu, QPlainTextEdit, QPushButton, QToolButton, QWidget)
from qgis.utils import iface

ENV = os.environ
OUT = ENV["PUM_E2E_OUT"]
IMAGES = ENV["PUM_E2E_IMAGES"]
results = []


def note(key, value):
    results.append(f"{key}={value}")
    with open(OUT, "w") as f:
        f.write("\n".join(results) + "\n")


def pump(seconds):
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def wait_for(condition, seconds=120):
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def screenshot(name, widget=None, crop=None):
    """The X screen as a user sees it (`crop`: WxH+X+Y of it), or the dialog alone."""
    pump(0.5)
    suffix = ENV.get("PUM_E2E_SCREENSHOT_SUFFIX", "")
    path = os.path.join(IMAGES, f"plugin-{name}{suffix}.png")
    if widget is not None:
        widget.grab().save(path)
    else:
        crop_option = f"-crop {crop} +repage" if crop else ""
        subprocess.run(f"xwd -root -silent | convert xwd:- {crop_option} png:{path}", shell=True, check=True)
    note(f"screenshot.{name}", path)


def save_connection(name="Signage (auth config)", database=None):
    auth = QgsApplication.authManager()
    auth.setMasterPassword("end-to-end master password", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("signage editor")
    config.setConfig("username", ENV["PUM_E2E_USER"])
    config.setConfig("password", ENV["PUM_E2E_PASSWORD"])
    stored = auth.storeAuthenticationConfig(config)
    # PyQGIS returns (ok, config) since the config is an in/out argument.
    ok, config = stored if isinstance(stored, tuple) else (stored, config)
    if not ok or not config.id():
        raise RuntimeError("could not store the auth configuration")
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", ENV["PUM_E2E_PORT"], database or ENV["PUM_E2E_DB"], "", "",
                      QgsDataSourceUri.SslDisable, config.id())
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = md.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True})
    md.saveConnection(connection, name)
    note("authcfg", config.id())


def open_dialog_from_menu():
    window = iface.mainWindow()
    window.setGeometry(0, 0, 1400, 1000)
    pump(1)
    menu = iface.databaseMenu()
    bar = window.menuBar()
    entry, holder = None, None
    for action in menu.actions():
        sub = action.menu()
        if sub is not None and "pum" in action.text():
            for a in sub.actions():
                if a.objectName() == "mActionPumDatamodelManager":
                    entry, holder = a, action
    if entry is not None:
        # Open Database > Datamodel manager (pum) with the mouse, as a user
        # would, for the screenshot.
        QTest.mouseClick(bar, Qt.LeftButton, Qt.NoModifier, bar.actionGeometry(menu.menuAction()).center())
        pump(0.8)
        menu.setActiveAction(holder)
        QTest.keyClick(menu, Qt.Key_Right)  # opens the submenu
        pump(0.5)
        holder.menu().setActiveAction(entry)
        pump(0.8)
        screenshot("menu", crop="1000x200+0+0")
        holder.menu().hide()
        menu.hide()
        pump(0.3)
    if entry is None:
        raise RuntimeError("no 'Datamodel manager (pum)' entry in the Database menu")
    note("menu_entry", entry.text())
    entry.trigger()
    dialog = None

    def found():
        nonlocal dialog
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "PumDialog" and w.isVisible():
                dialog = w
                return True
        return False

    if not wait_for(found, 20):
        raise RuntimeError("the dialog did not open")
    dialog.move(20, 20)
    return dialog


def status(dialog):
    title = dialog.findChild(QLabel, "statusTitle").text()
    details = dialog.findChild(QLabel, "statusDetails").text()
    return title, details


def wait_idle(dialog, seconds=180):
    """Until no task runs: the status is read again after every command."""
    return wait_for(lambda: not dialog.property("busy"), seconds)


def run(dialog, button_name):
    button = dialog.findChild(QPushButton, button_name)
    if not button.isEnabled():
        raise RuntimeError(f"{button_name} is disabled; status: {status(dialog)}")
    QTest.mouseClick(button, Qt.LeftButton)
    # It starts (the connection list is locked while it runs) and ends, then the status is read again.
    wait_for(lambda: not dialog.findChild(QComboBox, "connection").isEnabled(), 10)
    wait_for(lambda: dialog.findChild(QComboBox, "connection").isEnabled(), 300)
    if not wait_idle(dialog, 300):
        raise RuntimeError(f"{button_name} did not finish")
    pump(0.5)


def open_module(dialog, connection_name, database, module_dir):
    """Saves a connection to `database`, picks it and the module in the dialog."""
    save_connection(connection_name, database)
    connections = dialog.findChild(QComboBox, "connection")
    QTest.mouseClick(dialog.findChild(QToolButton, "reloadConnections"), Qt.LeftButton)
    wait_idle(dialog)
    connections.setCurrentIndex(connections.findText(connection_name))
    module = dialog.findChild(QComboBox, "module")
    module.lineEdit().setText(module_dir)
    QTest.keyClick(module.lineEdit(), Qt.Key_Return)
    wait_idle(dialog)


def install_and_note(dialog, prefix):
    run(dialog, "install")
    note(f"{prefix}.status.installed", " / ".join(status(dialog)))
    log = dialog.findChild(QPlainTextEdit, "log").toPlainText().splitlines()
    note(f"{prefix}.log", log[-1] if log else "")


def python_hooks(dialog):
    """A module whose create hook is a .py file: it runs in QGIS's interpreter."""
    open_module(dialog, "Seed (Python hooks)", ENV["PUM_E2E_PY_DB"], ENV["PUM_E2E_PY_MODULE"])
    note("python.status.before", " / ".join(status(dialog)))
    install_and_note(dialog, "python")


def network_module(dialog):
    """A module as real ones are, installed with its demo data from the dialog."""
    open_module(dialog, "Network (demo data)", ENV["PUM_E2E_NET_DB"], ENV["PUM_E2E_NET_MODULE"])
    demo = dialog.findChild(QComboBox, "demoData")
    index = demo.findText("Sample network")
    if index < 0:
        raise RuntimeError("demo data set not listed: " + ", ".join(demo.itemText(i) for i in range(demo.count())))
    demo.setCurrentIndex(index)
    install_and_note(dialog, "network")


def psql(database, sql):
    """Runs `sql` in `database` as the cluster's superuser; returns psql's unaligned output."""
    done = subprocess.run(
        [os.path.join(ENV["PUM_E2E_PGBIN"], "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
         "-h", ENV["PUM_E2E_PGHOST"], "-p", ENV["PUM_E2E_PORT"], "-U", "postgres", "-d", database, "-c", sql],
        capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"psql in {database} failed: {done.stderr.strip()} (SQL: {sql})")
    return done.stdout.strip()


def create_database(name):
    """A database from the test template; e2e_qgis.sh drops it at the end."""
    with open(ENV["PUM_E2E_STEP_DATABASES"], "a") as f:
        f.write(name + "\n")
    psql("postgres", f'CREATE DATABASE "{name}" TEMPLATE "{ENV["PUM_E2E_TEMPLATE"]}"')
    return name


# What a step file's run(dialog, e2e) gets.
E2E = types.SimpleNamespace(
    note=note, pump=pump, wait_for=wait_for, screenshot=screenshot, save_connection=save_connection,
    open_module=open_module, run=run, status=status, wait_idle=wait_idle, create_database=create_database,
    psql=psql, env=ENV)


def run_steps(dialog):
    """Every tests/plugin/e2e/step_*.py (or those named in PUM_E2E_STEPS), in name order."""
    wanted = [name for name in ENV.get("PUM_E2E_STEPS", "").split(",") if name]
    here = os.path.join(ENV["PUM_E2E_SOURCE"], "tests", "plugin", "e2e")
    for path in sorted(glob.glob(os.path.join(here, "step_*.py"))):
        name = os.path.basename(path)[len("step_"):-len(".py")]
        if wanted and name not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(f"e2e_step_{name}", path)
        step = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(step)
        started = time.time()
        try:
            step.run(dialog, E2E)
        except Exception as e:
            raise RuntimeError(f"step {name}: {e}") from e
        note(f"step.{name}", f"ok in {time.time() - started:.1f} s")


def main():
    try:
        save_connection()
        dialog = open_dialog_from_menu()
        if ENV.get("PUM_E2E_STEPS_ONLY"):  # while writing a step file: skip the main flow
            run_steps(dialog)
            note("result", "ok")
            return
        connections = dialog.findChild(QComboBox, "connection")
        index = connections.findText("Signage (auth config)")
        if index < 0:
            raise RuntimeError("saved connection not listed: " +
                               ", ".join(connections.itemText(i) for i in range(connections.count())))
        connections.setCurrentIndex(index)
        module = dialog.findChild(QComboBox, "module")
        module.setFocus()
        module.lineEdit().setText(ENV["PUM_E2E_MODULE"])
        QTest.keyClick(module.lineEdit(), Qt.Key_Return)
        wait_idle(dialog)
        note("status.before", " / ".join(status(dialog)))

        # The plugin's C++ widgets reach Python as QWidget: cast to the QGIS type.
        srid = dialog.findChild(QWidget, "parameter_srid")
        if srid is not None and srid.metaObject().className() == "QgsProjectionSelectionWidget":
            srid = sip.cast(srid, QgsProjectionSelectionWidget)
        else:
            names = [f"{w.objectName()}:{type(w).__name__}:{w.metaObject().className()}"
                     for w in dialog.findChildren(QWidget) if w.objectName().startswith("parameter_")]
            raise RuntimeError("no CRS selector for the srid parameter; parameters: " + ", ".join(names))
        srid.setCrs(QgsCoordinateReferenceSystem("EPSG:2056"))
        note("srid.crs", srid.crs().description())
        target = dialog.findChild(QComboBox, "targetVersion")
        target.setCurrentIndex(target.findText("1.1.0"))
        pump(0.3)
        screenshot("not-installed", dialog)

        run(dialog, "install")
        note("status.installed", " / ".join(status(dialog)))
        note("log.install", dialog.findChild(QPlainTextEdit, "log").toPlainText().splitlines()[-1])
        screenshot("upgrade-available", dialog)

        target.setCurrentIndex(0)  # newest
        language = dialog.findChild(QComboBox, "parameter_lang_code")
        language.setCurrentIndex(language.findText("fr"))
        run(dialog, "upgrade")
        note("status.upgraded", " / ".join(status(dialog)))
        log = dialog.findChild(QPlainTextEdit, "log").toPlainText().splitlines()
        note("log.upgrade", log[-1] if log else "")
        screenshot("up-to-date", dialog)
        screenshot("qgis-after-upgrade")

        if ENV.get("PUM_E2E_PY_DB"):
            python_hooks(dialog)
        if ENV.get("PUM_E2E_NET_DB"):
            network_module(dialog)
        run_steps(dialog)
        note("result", "ok")
    except Exception:  # reported to the shell script, which fails the test
        note("result", "error: " + traceback.format_exc().replace("\n", " | "))
    finally:
        QTimer.singleShot(200, iface.actionExit().trigger)


QTimer.singleShot(1000, main)
