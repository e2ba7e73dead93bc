from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        if True
            pass
