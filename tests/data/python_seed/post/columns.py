"""Local helper of create_view.py (imported from the hook's own folder)."""

from psycopg import sql


def column_list(connection, schema: str, table: str) -> sql.Composed:
    rows = connection.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = %s AND table_name = %s AND column_name <> 'geometry'"
        " ORDER BY ordinal_position",
        (schema, table),
    ).fetchall()
    return sql.SQL(", ").join(sql.Identifier(name) for (name,) in rows)
