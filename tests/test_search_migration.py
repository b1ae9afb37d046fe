"""The migration to the normalised search text indexes the statements already in the archive."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from archive.models import Statement
from archive.search import api

BEFORE = [("archive", "0006_corpus_version")]


@pytest.fixture
def migrated_back(transactional_db):
    """The schema as it was before the normalised columns; migrated forward again after."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield
    call_command("migrate", "archive", verbosity=0)


def test_existing_statements_are_found_through_the_new_index(migrated_back):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO archive_statement (title, title_derived, slug, date_source, language,"
            " body, source_name, source_url, source_file, content_hash, status, created,"
            " updated) VALUES (%s, %s, %s, '', 'en', %s, '', '', '', 'h', 'published',"
            " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
            ["Old release", False, "old", "Hay’at Tahrir al-Sham and S/RES/2254 <script>x"],
        )
    call_command("migrate", "archive", verbosity=0)
    old = Statement.objects.get(slug="old")
    assert old.search_body == "hayat tahrir al sham and s res 2254 script x"
    for q in ["Hayat Tahrir", "2254", "script", "old release"]:
        assert list(api.matching(Statement.objects.all(), q)) == [old], q
