"""Move a statement's body (its long text) to the end of the row on SQLite.

SQLite stores a row's columns in order and keeps what does not fit in a page on a chain of
overflow pages, which a read must follow to reach any column stored after them. `status` had
been added after `body`, so checking that a matched statement is published read its whole body:
a search matching 30,000 of 100,000 statements spent 330 ms on that check alone, and 50 ms once
the body came last. PostgreSQL keeps long values out of line (TOAST) whatever the order, so
there this migration changes nothing.
"""

from django.db import migrations

MOVED_LAST = ["body"]


class MoveFieldsLast(migrations.operations.base.Operation):
    """Put the named fields at the end of the model, and of its table on SQLite (a rebuild)."""

    reduces_to_sql = False
    reversible = True

    def __init__(self, model_name, names):
        self.model_name, self.names = model_name, names

    def deconstruct(self):
        return type(self).__qualname__, [self.model_name, self.names], {}

    def state_forwards(self, app_label, state):
        model = state.models[app_label, self.model_name]
        for name in self.names:
            model.fields[name] = model.fields.pop(name)
        state.reload_model(app_label, self.model_name, delay=True)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "sqlite":
            # Django's own way of changing a SQLite table: a copy built in the model's field
            # order. The FTS triggers go with the old table; archive.apps recreates them (and
            # rebuilds the index) after migrate.
            schema_editor._remake_table(to_state.apps.get_model(app_label, self.model_name))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        """Leave the columns where they are: the order is a storage detail, not the schema."""

    def describe(self):
        return f"Move {', '.join(self.names)} to the end of {self.model_name}"


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_statement_indexes")]

    operations = [MoveFieldsLast("statement", MOVED_LAST)]
