"""A tiny view-building library, written the way the widely used ones are:
create() commits by default (commit=True), so a hook calling it commits."""

from psycopg import sql


class ViewBuilder:
    def __init__(self, connection, schema, name, query, comment=None):
        self.connection = connection
        self.schema = schema
        self.name = name
        self.query = query
        self.comment = comment

    def create(self, commit=True):
        view = sql.Identifier(self.schema, self.name)
        with self.connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE OR REPLACE VIEW {} AS {}").format(view, sql.SQL(self.query)))
            if self.comment is not None:
                cursor.execute(sql.SQL("COMMENT ON VIEW {} IS {}").format(view, sql.Literal(self.comment)))
        if commit:
            self.connection.commit()
