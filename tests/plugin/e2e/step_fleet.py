"""Fleet, in the real QGIS: five databases with current_module at 1.1.0, one
of them broken (a table its 1.9.0 creates exists already); the main dialog's
Fleet… button opens the Fleet window with the module; the five connections
checked, Upgrade all: four upgraded to 1.10.0, the broken one failed with its
message and left at 1.1.0. Screenshot `fleet-table`."""
import os

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QApplication, QCheckBox, QComboBox, QLabel, QListWidget, QMessageBox,
                                 QPushButton, QSpinBox, QTableView)

COUNT = 5
BROKEN = 2  # index of the broken database
COLUMNS = {"database": 0, "from": 1, "to": 2, "state": 3, "time": 4, "message": 5}
STATUS_KEY_ROLE = Qt.UserRole + 2  # FleetTableModel::StatusKeyRole


def copy_database(e2e, name, template):
    """`name` as a copy of `template` (dropped at the end like create_database's)."""
    with open(e2e.env["PUM_E2E_STEP_DATABASES"], "a") as f:
        f.write(name + "\n")
    e2e.psql("postgres", f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def prepare_databases(dialog, e2e):
    """The first installed at 1.1.0 through the main dialog; the others copied from it."""
    tag = os.getpid()
    names = [f"pum_e2e_fleet_{tag}_{i}" for i in range(COUNT)]
    e2e.create_database(names[0])
    module_dir = os.path.join(e2e.env["PUM_E2E_SOURCE"], "tests", "data", "current_module")
    e2e.open_module(dialog, f"Fleet {names[0]}", names[0], module_dir)
    target = dialog.findChild(QComboBox, "targetVersion")
    target.setCurrentIndex(target.findText("1.1.0"))
    roles = dialog.findChild(QCheckBox, "rolesAndGrant")
    if roles is not None:
        roles.setChecked(False)
    e2e.run(dialog, "install")
    installed = e2e.psql(names[0], "SELECT max(version) FROM public.pum_migrations")
    if installed != "1.1.0":
        raise RuntimeError(f"{names[0]}: install through the dialog left version {installed!r}")
    # Back to the newest: the fleet upgrades to the target version of the form.
    target.setCurrentIndex(0)
    for name in names[1:]:
        copy_database(e2e, name, names[0])
        e2e.save_connection(f"Fleet {name}", name)
    e2e.psql(names[BROKEN], "CREATE TABLE pum_current_data.maintenance (conflicting int)")
    return names


def open_fleet(dialog, e2e):
    button = dialog.findChild(QPushButton, "fleet")
    if button is None or not button.isEnabled():
        raise RuntimeError("no enabled Fleet… button in the dialog")
    QTest.mouseClick(button, Qt.LeftButton)
    found = []

    def opened():
        found[:] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "FleetDialog" and w.isVisible()]
        return bool(found)

    if not e2e.wait_for(opened, 20):
        raise RuntimeError("the Fleet window did not open")
    return found[0]


def check_connections(fleet, names):
    connections = fleet.findChild(QListWidget, "fleetConnections")
    wanted = {f"Fleet {name}" for name in names}
    for row in range(connections.count()):
        item = connections.item(row)
        item.setCheckState(Qt.Checked if item.text() in wanted else Qt.Unchecked)
    checked = {connections.item(r).text() for r in range(connections.count())
               if connections.item(r).checkState() == Qt.Checked}
    if checked != wanted:
        raise RuntimeError(f"connections listed: {sorted(checked)}, wanted {sorted(wanted)}")


def answer_yes_when_asked(e2e):
    """Upgrade asks first (a modal question): press Yes, as a user would."""
    asked = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(QMessageBox.Yes).click()
        else:
            QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    return asked


def text(value):
    return value if isinstance(value, str) else ""


def table_rows(fleet):
    model = fleet.findChild(QTableView, "fleetTable").model()
    rows = []
    for row in range(model.rowCount()):
        # An empty cell comes back as NULL, not "".
        cells = {key: text(model.data(model.index(row, column))) for key, column in COLUMNS.items()}
        cells["key"] = model.data(model.index(row, 0), STATUS_KEY_ROLE)
        rows.append(cells)
    return rows


def run(dialog, e2e):
    names = prepare_databases(dialog, e2e)
    fleet = open_fleet(dialog, e2e)
    fleet.move(40, 40)
    fleet.resize(1150, 720)
    check_connections(fleet, names)
    fleet.findChild(QSpinBox, "fleetJobs").setValue(3)
    asked = answer_yes_when_asked(e2e)
    QTest.mouseClick(fleet.findChild(QPushButton, "fleetUpgrade"), Qt.LeftButton)
    if not asked or "5 databases" not in asked[0]:
        raise RuntimeError(f"Upgrade did not ask first, or not about 5 databases: {asked}")
    e2e.wait_for(lambda: fleet.property("busy"), 10)
    if not e2e.wait_for(lambda: not fleet.property("busy"), 120):
        raise RuntimeError("the fleet upgrade did not finish")
    summary = fleet.findChild(QLabel, "fleetSummary").text()
    e2e.note("fleet.summary", summary)

    rows = table_rows(fleet)
    labels = [f"Fleet {name}" for name in names]
    if [r["database"].split(" (")[0] for r in rows] != labels:
        raise RuntimeError(f"rows {[r['database'] for r in rows]}, wanted {labels}")
    for i, r in enumerate(rows):
        broken = i == BROKEN
        want = ("failed", "1.1.0", "") if broken else ("upgraded", "1.1.0", "1.10.0")
        if (r["key"], r["from"], r["to"]) != want:
            raise RuntimeError(f"row {i}: {r}, wanted state/from/to {want}")
        version = e2e.psql(names[i], "SELECT version FROM public.pum_migrations "
                                     "ORDER BY string_to_array(version, '.')::int[] DESC LIMIT 1")
        if version != ("1.1.0" if broken else "1.10.0"):
            raise RuntimeError(f"{names[i]} is at {version} after the fleet upgrade")
    if "already exists" not in rows[BROKEN]["message"]:
        raise RuntimeError(f"the broken row's message: {rows[BROKEN]['message']!r}")
    if "Upgraded: 4, Failed: 1" not in summary:
        raise RuntimeError(f"summary: {summary!r}")
    e2e.note("fleet.broken_message", rows[BROKEN]["message"])
    table = fleet.findChild(QTableView, "fleetTable")
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    e2e.screenshot("fleet-table", fleet)
    fleet.close()
    e2e.pump(0.3)
