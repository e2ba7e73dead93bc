# The seed page's hook, with `self` added to run_hook. pirogue's
# select_columns is replaced by a local helper (view_helpers.py beside this
# file), which also shows that local imports work.
from psycopg import Connection
from pum import HookBase

from view_helpers import select_columns


class Hook(HookBase):
    def run_hook(self, connection: Connection):
        columns = select_columns(
            pg_cur=connection.cursor(),
            table_schema="pum_test_data",
            table_name="some_table",
        )
        sql_code = f"""
            CREATE OR REPLACE VIEW pum_test_app.some_view AS
            SELECT {columns}
            FROM pum_test_data.some_table
            WHERE is_active = TRUE;
        """
        self.execute(sql=sql_code)
