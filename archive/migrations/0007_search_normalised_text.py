"""Search the normalised text on both engines (archive.search.normalise).

Adds the two columns the engines index, fills them for the existing rows, and rebuilds
PostgreSQL's search document over them (a generated column cannot change its expression: it is
dropped and added again, which computes it for every row, and its GIN index with it). SQLite's
FTS5 table is rebuilt over the new columns after the migration (archive.apps).
"""

import django.contrib.postgres.search
from django.db import migrations

import archive.search.document

GIN_INDEX = "statement_search_document_gin"
BATCH = 1000


def fill_search_text(apps, schema_editor):
    from archive.search.normalise import index_text

    Statement = apps.get_model("archive", "Statement")
    rows = Statement.objects.only("pk", "title", "body").order_by("pk")
    batch = []
    for statement in rows.iterator(chunk_size=BATCH):
        statement.search_title = index_text(statement.title)
        statement.search_body = index_text(statement.body)
        batch.append(statement)
        if len(batch) == BATCH:
            Statement.objects.bulk_update(batch, ["search_title", "search_body"])
            batch = []
    Statement.objects.bulk_update(batch, ["search_title", "search_body"])


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON archive_statement "
            "USING gin (search_document)"
        )


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_corpus_version")]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="search_title",
            field=archive.search.document.NormalisedTextField(
                blank=True, default="", editable=False, source="title"
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="search_body",
            field=archive.search.document.NormalisedTextField(
                blank=True, default="", editable=False, source="body"
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="statement", name="search_document"),
        migrations.AddField(
            model_name="statement",
            name="search_document",
            field=django.db.models.GeneratedField(
                db_persist=True,
                expression=archive.search.document.SearchDocument("search_title", "search_body"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.RunPython(create_gin_index, migrations.RunPython.noop, elidable=False),
    ]
