"""What each engine must do underneath the shared API: index use, and index upkeep."""

import copy

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Statement
from archive.search import api, postgres
from archive.search.sqlite import FTS_TABLE, SCHEMA
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")

SEARCHES = ["ceasefire", '"political transition" geneva -astana', "geneva OR astana", "-astana"]


def page_sql(q, queryset=None):
    """A ranked search's first page; by default as the list page makes it, with filters."""
    if queryset is None:
        queryset = Statement.objects.published().filter(date__year__gte=2015)
    return api.search_sql(queryset, q)


def explain(sql, params, prefix):
    with connection.cursor() as cursor:
        cursor.execute(f"{prefix} {sql}", params)
        return [row[-1] for row in cursor.fetchall()]


@postgres_only
@pytest.mark.parametrize("q", SEARCHES)
def test_postgres_plan_uses_the_gin_index_and_no_to_tsvector(q):
    StatementFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # Unfiltered, the GIN index is the only way in; a tiny test table would otherwise let the
    # planner start from the (status, date) index and filter.
    plan = "\n".join(explain(*page_sql(q, Statement.objects.all()), "EXPLAIN (VERBOSE, COSTS OFF)"))
    # A phrase may be looked up by its word pairs instead (migration 0014_search_word_pairs).
    assert {"statement_search_document_gin", "statement_search_pairs_gin"} & set(plan.split()), plan
    filtered = "\n".join(explain(*page_sql(q), "EXPLAIN (VERBOSE, COSTS OFF)"))
    assert "to_tsvector" not in plan + filtered, plan


def word_pairs(statement) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT unnest(tsvector_to_array(search_pairs)) FROM archive_statement WHERE id = %s",
            [statement.pk],
        )
        return {pair for (pair,) in cursor.fetchall()}


@postgres_only
def test_postgres_indexes_the_word_pairs_of_each_column_apart():
    """Phrases are looked up by these pairs before their words' positions are read."""
    statement = StatementFactory(title="Talks in Geneva", body="The political transition.")
    assert word_pairs(statement) == {"talk_in", "in_geneva", "the_polit", "polit_transit"}


@postgres_only
def test_postgres_marks_a_statement_whose_pairs_are_not_all_indexed():
    long_word = "x" * 25
    statement = StatementFactory(title="Short", body=f"A {long_word} word.")
    assert word_pairs(statement) == {"_"}  # both pairs hold the long word
    statement.body = " ".join(f"w{i}" for i in range(8_002))
    statement.save()
    pairs = word_pairs(statement)
    assert {"w0_w1", "w7999_w8000", "_"} <= pairs and "w8000_w8001" not in pairs


def ranking_copy() -> dict[int, str]:
    """{statement id: its document} as the ranking table holds them, with the documents."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT r.statement_id, r.document::text, s.search_document::text "
            "FROM archive_statement_rank r LEFT JOIN archive_statement s ON s.id = r.statement_id"
        )
        rows = cursor.fetchall()
    assert all(copied == document for _, copied, document in rows), rows
    return {pk: copied for pk, copied, _ in rows}


@postgres_only
def test_postgres_keeps_a_copy_of_each_document_for_ranking_whatever_writes_it():
    """Ranking reads the copy (migration 0015_search_rank_vectors): it must follow every write."""
    first = StatementFactory(title="Talks in Geneva", body="A ceasefire.")
    second = StatementFactory(title="Astana round", body="Nothing agreed.")
    assert set(ranking_copy()) == {first.pk, second.pk}
    first.body = "A ceasefire held in Idlib."
    first.save()
    Statement.objects.filter(pk=second.pk).update(title="Sochi round")
    assert "'idlib':8B" in ranking_copy()[first.pk]
    assert "sochi" in ranking_copy()[second.pk]
    Statement.objects.bulk_create([Statement(title="Bulk", body="Written in bulk.")])
    assert len(ranking_copy()) == 3
    second.delete()
    assert second.pk not in ranking_copy() and first.pk in ranking_copy()


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgres_empties_the_ranking_copy_with_the_statements():
    StatementFactory.create_batch(2)
    assert len(ranking_copy()) == 2
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE archive_statement CASCADE")
    assert ranking_copy() == {}


@postgres_only
def test_postgres_ranks_from_the_copy_as_from_the_documents():
    StatementFactory(title="Ceasefire", body="The ceasefire and the ceasefire talks.")
    StatementFactory(title="Talks", body="A ceasefire was mentioned once.")
    StatementFactory(title="Other", body="Nothing.")
    ids = list(Statement.objects.values_list("pk", flat=True))
    query = api.parse("ceasefire talks OR nothing")
    from_copy = api.scores(Statement.objects.all(), query, ids)
    from_documents = dict(
        Statement.objects.annotate(score=postgres.rank(query)).values_list("pk", "score")
    )
    assert from_copy == pytest.approx(from_documents) and len(from_copy) == 3


@postgres_only
def test_postgres_reads_the_newest_first_list_in_index_order():
    """`date DESC NULLS LAST, id DESC` has its own index (migration 0005): no sort per page."""
    StatementFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    page = Statement.objects.published().newest_first()[:20]
    plan = "\n".join(explain(*page.query.sql_with_params(), "EXPLAIN (COSTS OFF)"))
    assert "statement_newest" in plan and "Sort" not in plan, plan


def sqlite_objects():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name FROM sqlite_master WHERE name IN ({', '.join(['%s'] * len(SCHEMA))})",
            list(SCHEMA),
        )
        return {name for (name,) in cursor.fetchall()}


@sqlite_only
@pytest.mark.parametrize("q", SEARCHES)
def test_sqlite_runs_the_match_once_never_per_row(q):
    plan = explain(*page_sql(q), "EXPLAIN QUERY PLAN")
    fts_scans = [step for step in plan if f"{FTS_TABLE} VIRTUAL TABLE" in step]
    assert fts_scans, plan
    # "INDEX 0:M..." is a full-text match; a rowid constraint ("0:=M...") would mean the FTS
    # table sits inside a loop, probed once per candidate statement.
    assert all("VIRTUAL TABLE INDEX 0:M" in step for step in fts_scans), plan
    if api.parse(q).has_positive:
        # The materialized hits drive: each finds its statement by primary key.
        hits = plan.index(f"SCAN {FTS_TABLE}_hits")
        assert "SEARCH archive_statement USING INTEGER PRIMARY KEY" in plan[hits + 1], plan


@sqlite_only
def test_sqlite_migrate_recreates_the_index_idempotently():
    StatementFactory(title="Kept", body="A ceasefire in Idlib.")
    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    assert sqlite_objects() == set(SCHEMA)
    assert [s.title for s in api.matching(Statement.objects.all(), "idlib")] == ["Kept"]


@sqlite_only
def test_sqlite_migrate_builds_a_missing_index_from_existing_rows():
    StatementFactory(title="Old row", body="Loaded before the index existed.")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {FTS_TABLE}")  # drops its triggers' target, not the triggers
        for name in SCHEMA:
            if name != FTS_TABLE:
                cursor.execute(f"DROP TRIGGER {name}")
    call_command("migrate", verbosity=0)
    assert sqlite_objects() == set(SCHEMA)
    assert [s.title for s in api.matching(Statement.objects.all(), "existed")] == ["Old row"]


@sqlite_only
def test_sqlite_migrate_replaces_an_outdated_trigger():
    statement = StatementFactory(title="Kept", body="First wording.")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {FTS_TABLE}_update")
        cursor.execute(  # as an older version might have written it: reindex on every update
            f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON archive_statement BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) "
            "VALUES ('delete', old.id, old.title, old.body); "
            f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body); END"
        )
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [f"{FTS_TABLE}_update"])
        assert cursor.fetchone()[0].split() == SCHEMA[f"{FTS_TABLE}_update"].split()
    Statement.objects.filter(pk=statement.pk).update(body="Second wording.")
    assert list(api.matching(Statement.objects.all(), "second")) == [statement]


@sqlite_only
def test_sqlite_migrate_rebuilds_after_writes_made_without_triggers():
    # What a table rebuild by a schema migration looks like: the triggers are gone for a while.
    statement = StatementFactory(title="Changed", body="The old wording.")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {FTS_TABLE}_update")
    Statement.objects.filter(pk=statement.pk).update(body="The new wording.")
    call_command("migrate", verbosity=0)
    assert list(api.matching(Statement.objects.all(), "new")) == [statement]
    assert list(api.matching(Statement.objects.all(), "old")) == []


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_sqlite_index_survives_a_migration_that_rebuilds_the_table():
    # Altering a column makes Django copy the table into a new one and drop the old, and the
    # triggers go with it; post_migrate puts them back and reindexes.
    statement = StatementFactory(title="Before", body="Written before the rebuild.")
    old = Statement._meta.get_field("source_name")
    new = copy.deepcopy(old)
    new.max_length = old.max_length + 1
    with connection.schema_editor() as editor:
        editor.alter_field(Statement, old, new)
    try:
        assert sqlite_objects() == {FTS_TABLE}
        Statement.objects.filter(pk=statement.pk).update(body="Rewritten during the gap.")
        call_command("migrate", verbosity=0)
        assert sqlite_objects() == set(SCHEMA)
        assert list(api.matching(Statement.objects.all(), "rewritten")) == [statement]
        assert list(api.matching(Statement.objects.all(), "before")) == [statement]  # title
        assert list(api.matching(Statement.objects.all(), "rebuild")) == []
    finally:
        with connection.schema_editor() as editor:
            editor.alter_field(Statement, new, old)
        call_command("migrate", verbosity=0)


@sqlite_only
def test_sqlite_counts_a_ranked_search_without_scoring_it():
    StatementFactory(title="Ceasefire", body="Ceasefire in Idlib.")
    StatementFactory(title="Other", body="A ceasefire.")
    ranked = api.ranked(api.matching(Statement.objects.all(), "ceasefire"))
    with CaptureQueriesContext(connection) as queries:
        assert ranked.count() == 2
        assert ranked.filter(rank__gt=-1e9).count() == 2  # the rank in use keeps its join
    assert "bm25" not in queries[0]["sql"] and "bm25" in queries[1]["sql"]
