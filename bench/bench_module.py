"""The benchmark's module that behaves like real ones: SQL files, then a Python
hook that builds editable views through a small helper library.

The helper library (written into the module as app/viewlib.py) does what
view-building libraries of real pum datamodels do: for each view it asks
the catalog for the table's columns (information_schema.columns, a result
the hook reads), then runs several DDL statements through psycopg one
execute() at a time: CREATE VIEW, two trigger functions, two INSTEAD OF
triggers, a COMMENT. The psql script of the module holds the same
statements in the same order (the catalog queries included), so both tools
do the same work.
"""
import os

# The same text runs in the hook (through psycopg) and in the psql script.
VIEWLIB = '''"""Editable views: the pattern of view-building helper libraries."""

COLUMNS = ("SELECT column_name FROM information_schema.columns "
           "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position")


def view_statements(schema, table, view, columns):
    """The DDL of one editable view over schema.table."""
    cols = ", ".join(columns)
    new = ", ".join("NEW." + c for c in columns)
    sets = ", ".join(c + " = NEW." + c for c in columns if c != "id")
    return [
        f"CREATE VIEW {schema}.{view} AS SELECT {cols} FROM {schema}.{table}",
        f"CREATE FUNCTION {schema}.{view}_insert() RETURNS trigger LANGUAGE plpgsql AS $$\\n"
        f"BEGIN\\n  INSERT INTO {schema}.{table} ({cols}) VALUES ({new});\\n  RETURN NEW;\\nEND\\n$$",
        f"CREATE TRIGGER {view}_insert INSTEAD OF INSERT ON {schema}.{view} "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.{view}_insert()",
        f"CREATE FUNCTION {schema}.{view}_update() RETURNS trigger LANGUAGE plpgsql AS $$\\n"
        f"BEGIN\\n  UPDATE {schema}.{table} SET {sets} WHERE id = OLD.id;\\n  RETURN NEW;\\nEND\\n$$",
        f"CREATE TRIGGER {view}_update INSTEAD OF UPDATE ON {schema}.{view} "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.{view}_update()",
        f"COMMENT ON VIEW {schema}.{view} IS 'Editable view of {table}'",
    ]


def create_editable_view(connection, schema, table, view):
    cursor = connection.cursor()
    cursor.execute(COLUMNS, (schema, table))
    columns = [row[0] for row in cursor.fetchall()]
    for statement in view_statements(schema, table, view, columns):
        cursor.execute(statement)
'''

HOOK = '''from pum import HookBase

import viewlib


class Hook(HookBase):
    def run_hook(self, connection):
        for table in {tables!r}:
            viewlib.create_editable_view(connection, "bench", table, "v_" + table[2:])
        connection.commit()  # what such libraries do; pum keeps the one transaction
'''

COLUMNS = ["id", "name", "tags", "geom"]  # of every table _many_file creates


def hook_files(tables):
    """(relative path, text) of the hook and its library."""
    return [("app/viewlib.py", VIEWLIB), ("app/create_views.py", HOOK.format(tables=list(tables)))]


def psql_hook_sql(tables):
    """The hook's statements as psql runs them (the catalog query included)."""
    namespace = {}
    exec(VIEWLIB, namespace)
    out = []
    for table in tables:
        out.append(namespace["COLUMNS"].replace("%s", "'bench'", 1).replace("%s", f"'{table}'", 1) + ";")
        out.extend(s + ";" for s in namespace["view_statements"]("bench", table, "v_" + table[2:], COLUMNS))
    return "\n".join(out) + "\n"


def write_hooks(module_dir, tables):
    for relative, text in hook_files(tables):
        path = os.path.join(module_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    return "migration_hooks:\n  post:\n    - file: app/create_views.py\n"
