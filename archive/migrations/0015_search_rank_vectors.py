"""A copy of each statement's search document kept in its row of a narrow table, for ranking,
on PostgreSQL (nothing on SQLite, whose FTS5 ranks in its own index).

Ranking reads the document of every match: 4.5 kB on average, too large to stay in the
statement's row, so each one read costs a TOAST lookup (16 ms for 2,000 of them at 100,000
statements). Kept in the row (storage MAIN), the statements' table would grow eightfold and
every search that fetches a common word's ids would read that much more. In a table of their
own, ids and documents only, the documents stay in the row and ranking reads them directly.

A trigger keeps the copy: every insert, every change of the document (it is generated from the
normalised title and body) and every delete or truncate of statements, whatever writes them.
"""

from django.db import migrations

TABLE = "archive_statement_rank"
SYNC = "archive_statement_rank_sync"
EMPTY = "archive_statement_rank_empty"

CREATE = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        statement_id bigint PRIMARY KEY,
        document tsvector NOT NULL
    )""",
    f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE MAIN",
    f"""CREATE OR REPLACE FUNCTION {SYNC}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM {TABLE} WHERE statement_id = OLD.id;
        ELSE
            INSERT INTO {TABLE} (statement_id, document) VALUES (NEW.id, NEW.search_document)
            ON CONFLICT (statement_id) DO UPDATE SET document = EXCLUDED.document;
        END IF;
        RETURN NULL;
    END
    $$""",
    f"""CREATE OR REPLACE FUNCTION {EMPTY}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE {TABLE};
        RETURN NULL;
    END
    $$""",
    f"""CREATE OR REPLACE TRIGGER {SYNC} AFTER INSERT OR DELETE OR UPDATE OF search_document
        ON archive_statement FOR EACH ROW EXECUTE FUNCTION {SYNC}()""",
    f"""CREATE OR REPLACE TRIGGER {EMPTY} AFTER TRUNCATE
        ON archive_statement FOR EACH STATEMENT EXECUTE FUNCTION {EMPTY}()""",
    f"""INSERT INTO {TABLE} (statement_id, document)
        SELECT id, search_document FROM archive_statement
        ON CONFLICT (statement_id) DO UPDATE SET document = EXCLUDED.document""",
]

DROP = [
    f"DROP TRIGGER IF EXISTS {SYNC} ON archive_statement",
    f"DROP TRIGGER IF EXISTS {EMPTY} ON archive_statement",
    f"DROP FUNCTION IF EXISTS {SYNC}()",
    f"DROP FUNCTION IF EXISTS {EMPTY}()",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("archive", "0014_search_word_pairs")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
