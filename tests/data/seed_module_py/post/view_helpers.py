"""Helpers for the view hooks (what pirogue.utils.select_columns does)."""


def select_columns(pg_cur, table_schema: str, table_name: str) -> str:
    """The table's columns, quoted and comma separated, in table order."""
    pg_cur.execute(
        """
        SELECT quote_ident(column_name)
        FROM information_schema.columns
        WHERE table_schema = %s AND table_name = %s
        ORDER BY ordinal_position
        """,
        (table_schema, table_name),
    )
    names = [row[0] for row in pg_cur.fetchall()]
    if not names:
        raise ValueError(f"{table_schema}.{table_name} has no columns (does it exist?)")
    return ", ".join(names)
