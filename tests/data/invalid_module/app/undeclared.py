from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection, srid, language):
        self.execute(f"SELECT {srid}")
