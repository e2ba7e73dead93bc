"""End-to-end: a module opened from its release .zip (built here from
tests/data/project_module, as GitHub packs a release), installed, then its
QGIS project opened from the message bar, its layers on the database just used.
"""
import os
import shutil
import tempfile
import zipfile

from qgis.core import QgsDataSourceUri, QgsProject
from qgis.PyQt.QtCore import QMetaObject, QTimer
from qgis.PyQt.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton
from qgis.utils import iface


def release_zip(source, folder):
    """The module's folder as a release archive: one top folder, datamodel/ and project/ in it."""
    path = os.path.join(folder, "pum-project-1.1.0.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for root, _, files in os.walk(source):
            for name in sorted(files):
                full = os.path.join(root, name)
                archive.write(full, "pum-project-1.1.0/" + os.path.relpath(full, source))
    return path


def choose_folder(e2e, folder, seen, tries=100):
    """Fills in the folder dialog the button opens (a modal Qt dialog)."""
    def fill():
        dialog = QApplication.activeModalWidget()
        seen.append(f"{type(dialog).__name__}:{dialog.objectName()}" if dialog is not None else "none")
        if dialog is None or dialog.objectName() != "projectFolderDialog":
            if len(seen) < tries:
                QTimer.singleShot(200, fill)
            elif dialog is not None:
                dialog.reject()  # never hang the test on an unexpected window
            return
        try:
            dialog.setDirectory(folder)
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            if name is not None:
                name.setText(folder)
            else:
                dialog.selectFile(folder)
            # accept() is protected in PyQt's QFileDialog: through the meta-object (QFileDialog::accept).
            QMetaObject.invokeMethod(dialog, "accept")
        except Exception as e:  # a Python error dialog would block QGIS: report instead
            seen.append(f"error: {e}")
            dialog.reject()
    QTimer.singleShot(300, fill)


def check_project(e2e, database):
    layers = list(QgsProject.instance().mapLayers().values())
    if len(layers) != 5:
        raise RuntimeError(f"the project has {len(layers)} layers, 5 expected: {[l.name() for l in layers]}")
    for layer in layers:
        if not layer.isValid():
            raise RuntimeError(f"layer {layer.name()} is not valid: {layer.source()}")
        if layer.providerType() != "postgres":
            continue
        uri = QgsDataSourceUri(layer.source())
        if uri.database() != database or "password" in layer.source():
            raise RuntimeError(f"layer {layer.name()} is not on {database} (or has a password): {layer.source()}")
        count = sum(1 for _ in layer.getFeatures())
        if count == 0:
            raise RuntimeError(f"layer {layer.name()} reads no feature from {database}")
        e2e.note(f"archive.layer.{layer.name().replace(' ', '_')}", f"valid, {count} features, authcfg={uri.authConfigId()}")


def run(dialog, e2e):
    work = tempfile.mkdtemp(prefix="archive-", dir=e2e.env["PUM_E2E_WORK"])  # removed by e2e_qgis.sh
    source = os.path.join(e2e.env["PUM_E2E_SOURCE"], "tests", "data", "project_module")
    archive = release_zip(source, work)
    database = e2e.create_database("pum_e2e_archive_project")

    e2e.open_module(dialog, "Network project (release zip)", database, archive)
    title, details = e2e.status(dialog)
    e2e.note("archive.status", f"{title} / {details}")
    if "pum_project" not in title or "not installed" not in title:
        raise RuntimeError(f"module from the archive not read: {title} / {details}")
    log = dialog.findChild(QPlainTextEdit, "log").toPlainText()
    if "1.1.0" not in log or archive not in log:
        raise RuntimeError("the log does not show the archive's module and version: " + log[-500:])
    line = [l for l in log.splitlines() if archive in l][-1]
    e2e.note("archive.log", line)
    # The cache folder it was unpacked to: <cache>/pum/modules/<name>-<hash>/pum-project-1.1.0/datamodel.
    unpacked = os.path.dirname(os.path.dirname(line.rsplit(" in ", 1)[1]))
    e2e.screenshot("archive-module", dialog)

    e2e.run(dialog, "install")
    nodes = e2e.psql(database, "SELECT count(*) FROM pum_project.node")
    if nodes != "2":
        raise RuntimeError(f"install from the archive left {nodes} nodes")

    button = dialog.findChild(QPushButton, "openModuleProject")
    if button is None or not button.isVisible():
        raise RuntimeError("no visible 'Open the QGIS project…' button after the install")
    e2e.note("archive.project_button", button.text())
    output = os.path.join(work, "my project")
    os.makedirs(output)
    seen = []
    choose_folder(e2e, output, seen)
    button.click()  # returns once the folder dialog is closed and the project opened
    e2e.note("archive.modal_windows_seen", ", ".join(seen[-3:]))
    if not e2e.wait_for(lambda: len(QgsProject.instance().mapLayers()) > 0, 30):
        raise RuntimeError("no project opened; modal windows seen: " + ", ".join(seen[-5:]))
    written = os.path.join(output, "network.qgs")
    if not os.path.isfile(written) or QgsProject.instance().fileName() != written:
        raise RuntimeError(f"project not written/opened at {written}: {QgsProject.instance().fileName()}")
    with open(written, encoding="utf-8") as f:
        text = f.read()
    if "old secret" in text or "db.example.invalid" in text or "password=" in text:
        raise RuntimeError("the written project still names the old server or a password")
    check_project(e2e, database)

    # QGIS with the project's layers, the dialog moved down (its message bar on top).
    iface.mapCanvas().zoomToFullExtent()
    iface.mapCanvas().zoomByFactor(1.3)
    geometry = dialog.geometry()
    dialog.move(470, 600)  # its minimum size: the lower part off-screen
    e2e.pump(1.5)
    e2e.screenshot("project-opened")
    dialog.setGeometry(geometry)
    QgsProject.instance().clear()
    if os.sep + os.path.join("pum", "modules") + os.sep in unpacked:  # not left in the user's cache
        shutil.rmtree(unpacked, ignore_errors=True)
