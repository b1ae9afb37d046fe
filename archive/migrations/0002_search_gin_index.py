"""GIN index on the stored search document, on PostgreSQL only.

SQLite keeps a constant NULL in that column and searches an FTS5 table instead (created after
every migrate by archive.apps), so the index is created through a vendor check rather than an
AddIndex, which would try `USING gin` there too. The model state does not list the index: no
model field or Meta changes, and makemigrations stays quiet.
"""

from django.db import migrations

INDEX = "statement_search_document_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_statement USING gin (search_document)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
