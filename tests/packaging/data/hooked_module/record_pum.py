"""Records which `pum` package this hook imported, for the test to check."""

import pum
from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        connection.execute("CREATE TABLE pkgtest.hook_pum AS SELECT %s::text AS file", (pum.__file__,))
