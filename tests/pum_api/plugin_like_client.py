"""A client of pum's Python API, written the way QGIS plugins and deployment
scripts drive pum 1.x: only pum's own modules and signatures (api-surface.txt
of pum 1.8), nothing of pum-native's. It must run unchanged on our package.

    plugin_like_client.py MODULE_DIR CONNINFO

Reads the configuration, shows the parameters as a form would, installs an
older version with roles and demo data in the caller's transaction, upgrades,
lists the roles; prints one `key=value` line per finding for the test.
"""

import sys
from pathlib import Path

import psycopg

from pum.exceptions import PumException
from pum.feedback import Feedback
from pum.pum_config import PumConfig
from pum.schema_migrations import SchemaMigrations
from pum.upgrader import Upgrader


class DialogFeedback(Feedback):
    """What a plugin's progress bar receives."""

    def __init__(self) -> None:
        super().__init__()
        self.messages = []

    def report_progress(self, message: str, current: int = 0, total: int = 0) -> None:
        self.messages.append((message, current, total))

    def is_cancelled(self) -> bool:
        return False


def show(key, value):
    print(f"{key}={value}")


def main(module_dir: str, conninfo: str) -> int:
    config = PumConfig.from_yaml(Path(module_dir) / ".pum.yaml", install_dependencies=False)
    for parameter in config.parameters():
        show(f"parameter.{parameter.name}",
             f"{parameter.type}|{parameter.default}|{parameter.values}|{parameter.app_only}")
    show("last_version", config.last_version())
    show("demo_data", ",".join(config.demo_data()))

    migrations = SchemaMigrations(config)
    feedback = DialogFeedback()
    with psycopg.connect(conninfo) as connection:
        show("installed.before", migrations.exists(connection))
        upgrader = Upgrader(config)
        upgrader.install(connection=connection, parameters={"srid": 2056, "lang_code": "fr"},
                         max_version="1.1.0", roles=True, grant=True, feedback=feedback, commit=False)
        upgrader.install_demo_data(connection, "Bern city centre", parameters={"srid": 2056, "lang_code": "fr"})
        connection.commit()
        show("baseline.installed", migrations.baseline(connection))
        current, total = feedback.get_progress()
        show("progress.reported", len(feedback.messages) > 0 and total > 0)

    with psycopg.connect(conninfo) as connection:
        Upgrader(config).upgrade(connection, parameters={"srid": 2056, "lang_code": "it"}, roles=True, grant=True,
                                 feedback=feedback)
        connection.commit()
        show("baseline.upgraded", migrations.baseline(connection))
        inventory = config.role_manager().roles_inventory(connection)
        for status in sorted(inventory.configured_roles, key=lambda s: s.name):
            show(f"role.{status.name}", ",".join(sorted(status.schemas)))
        show("roles.missing", ",".join(inventory.missing_roles))

    # A failing call leaves the caller's transaction to the caller.
    with psycopg.connect(conninfo) as connection:
        try:
            Upgrader(config).install(connection=connection)
            show("second_install", "accepted")
        except PumException as error:
            connection.rollback()
            show("second_install", f"refused: {type(error).__name__}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
