"""Run by QGIS (`qgis --code`) in the clean root: is the packaged plugin loaded
from the system plugin folder, with its entry in the Database menu?

Writes key=value lines to $PUM_PKG_QGIS_OUT and quits QGIS; the shell script
(clean_root_test.sh) reads them.
"""

import os

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

OUT = os.environ["PUM_PKG_QGIS_OUT"]
ACTION = "mActionPumDatamodelManager"


def loaded_plugin_files():
    """The pum plugin libraries mapped into this process (where QGIS found it)."""
    with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
        return sorted({line.split()[-1] for line in maps if line.rstrip().endswith("libpumplugin.so")})


def menu_entry():
    for action in iface.databaseMenu().actions():
        submenu = action.menu()
        for candidate in ([action] + (submenu.actions() if submenu else [])):
            if candidate.objectName() == ACTION:
                return candidate.text().replace("&", "")
    return ""


def report():
    lines = [f"plugin_file={','.join(loaded_plugin_files())}", f"menu_entry={menu_entry()}"]
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    # Straight out: the check is done, and a clean shutdown of QGIS adds nothing to it.
    os._exit(0)


_deadline = [120]  # half-second ticks: QGIS adds C++ plugins' menus once its window is up


def poll():
    _deadline[0] -= 1
    if menu_entry() or _deadline[0] <= 0:
        report()
    else:
        QTimer.singleShot(500, poll)


QTimer.singleShot(500, poll)
