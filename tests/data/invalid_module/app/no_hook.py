from pum import HookBase


class Hooks(HookBase):
    def run_hook(self, connection):
        pass
