"""Each statement's adjacent word pairs, indexed, on PostgreSQL (a NULL column on SQLite).

A phrase of two common words ("the political") is found by the main index as the statements
holding both words, and every one of them is then read to check that the words are adjacent:
tens of thousands of TOASTed vectors. Indexing the pairs themselves (`the_political`) answers a
two-word phrase from the index alone, and narrows a longer one to the statements holding all its
pairs before that check: the common-grams idea of Lucene and Solr, applied to every pair.

The pairs are a generated column over the two normalised columns, so PostgreSQL computes them
as each row is written, whatever writes it; adding it computes them for every existing row. A
pair never spans the title and the body, as a phrase in FTS5 never spans two columns. SQLite's
FTS5 keeps positions in its own index and needs none of this.
"""

import django.contrib.postgres.search
import django.db.models
from django.db import migrations

import archive.search.document

FUNCTION = "archive_word_pairs"
INDEX = "statement_search_pairs_gin"

# The columns hold tokens separated by single spaces (archive.search.normalise.index_text). A
# pair is indexed when both its words have at most WORD_BYTES bytes and it is one of the first
# PAIRS of its column, which keeps any statement's pairs far under the 1 MB a
# tsvector may hold (a 1 MiB release is accepted). Any other pair is written as the lexeme
# INCOMPLETE, which every phrase's lookup also accepts (archive.search.postgres): such a
# statement is always checked against its document instead.
WORD_BYTES = 24
PAIRS = 8000
INCOMPLETE = "_"

CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(COALESCE(array_agg(pair), '{{}}'))
    FROM (
        SELECT CASE WHEN octet_length(a) > {WORD_BYTES} OR octet_length(b) > {WORD_BYTES}
                    THEN '{INCOMPLETE}' ELSE a || '_' || b END AS pair
        FROM unnest(ARRAY[title, body]) AS text,
             LATERAL string_to_array(text, ' ') AS words,
             LATERAL unnest(words[1:least(cardinality(words) - 1, {PAIRS})],
                            words[2:least(cardinality(words), {PAIRS} + 1)]) AS pairs(a, b)
        UNION ALL
        SELECT '{INCOMPLETE}' FROM unnest(ARRAY[title, body]) AS text
        WHERE cardinality(string_to_array(text, ' ')) > {PAIRS} + 1
    ) AS pairs
$$
"""


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FUNCTION)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(text, text)")


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_statement USING gin (search_pairs)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0013_spellings_by_entity")]

    operations = [
        migrations.RunPython(create_function, drop_function, elidable=False),
        migrations.AddField(
            model_name="statement",
            name="search_pairs",
            field=django.db.models.GeneratedField(
                db_persist=True,
                expression=archive.search.document.WordPairs("search_title", "search_body"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
