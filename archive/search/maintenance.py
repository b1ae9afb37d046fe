"""Index upkeep after bulk writes, so the first searches after a load are not the slow ones."""

from django.db import connections

# Created by migrations 0002_search_gin_index and 0014_search_word_pairs (PostgreSQL only).
GIN_INDEXES = ("statement_search_document_gin", "statement_search_pairs_gin")
# Rows SQLite's ANALYZE reads per index: enough for the planner's estimates, and it keeps the
# analysis under half a second at 100,000 statements.
SQLITE_ANALYSIS_LIMIT = 1000


def settle_index(*, using: str = "default") -> None:
    """Merge PostgreSQL's GIN pending lists, and refresh the planner's statistics on both engines.

    With `fastupdate` (the default, and much the faster way to load), new entries wait in a
    pending list that every search scans until autovacuum merges it; right after a large load
    that made searches tens of times slower.

    Statistics tell the planner that `status = 'published'` keeps nearly every statement. SQLite
    has none until ANALYZE runs, and then assumes an equality keeps about ten rows: it checked a
    search's matches by walking every published statement in the status index (50 ms at
    100,000 for a word in 400 of them) rather than looking up each match. PostgreSQL's
    autovacuum analyzes eventually; after a load, the next page should not wait for it.
    """
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for index in GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            cursor.execute("ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
