from pathlib import Path

from psycopg import Connection

from pum import HookBase
from columns import column_list


class Hook(HookBase):
    def run_hook(self, connection: Connection, srid: int):
        assert isinstance(srid, int)
        columns = column_list(connection, "pum_pyseed_data", "some_table").as_string(connection)
        self.execute(f"""
            CREATE OR REPLACE VIEW pum_pyseed_app.some_view AS
            SELECT {columns}, ST_Transform(geometry, {{srid}})::geometry(Point, {{srid}}) AS geometry
            FROM pum_pyseed_data.some_table;
        """)
        self.execute(Path("sql/comment_view.sql"))
