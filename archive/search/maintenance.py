"""Index upkeep after bulk writes, so the first searches after a load are not the slow ones."""

from django.db import connections

# Created by migration 0002_search_gin_index (PostgreSQL only).
GIN_INDEX = "statement_search_document_gin"


def settle_index(*, using: str = "default") -> None:
    """Merge what a load left in PostgreSQL's GIN pending list into the index proper.

    With `fastupdate` (the default, and much the faster way to load), new entries wait in a
    pending list that every search scans until autovacuum merges it; right after a large load
    that made searches tens of times slower. SQLite's FTS5 needs nothing here.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [GIN_INDEX])
