"""SQLite search backend: an FTS5 external-content table kept current by triggers.

The index (`statement_fts`) holds no copy of the text: it reads title and body from
archive_statement, and triggers on that table keep it current for every write, including
bulk_create() and queryset.update(), which bypass model signals. `install()` (re)creates it after
every migrate; Django rebuilds a table to alter it on SQLite, which drops its triggers, so a
missing piece means the index may have missed writes and is rebuilt from the table.

A search filters on `id IN (SELECT rowid FROM statement_fts WHERE ... MATCH ...)`: the match runs
once, whatever other filters the page adds, and the query stays an ordinary QuerySet that counts,
facets and subqueries can build on.
"""

from collections.abc import Sequence

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Expression, F, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from .highlight import Markers, render
from .query import SearchQuery, Term

FTS_TABLE = "statement_fts"
CONTENT_TABLE = "archive_statement"
# bm25 column weights: a title hit counts ten body hits.
BM25 = f"bm25({FTS_TABLE}, 10.0, 1.0)"
SNIPPET_TOKENS = 40

SCHEMA = {
    FTS_TABLE: f"""
        CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
            title, body,
            content='{CONTENT_TABLE}', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
    f"{FTS_TABLE}_insert": f"""
        CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {CONTENT_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
        END""",
    f"{FTS_TABLE}_delete": f"""
        CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {CONTENT_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
        END""",
    # Only a change of the indexed text costs a reindex (not publishing, not a date fix).
    f"{FTS_TABLE}_update": f"""
        CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update
        AFTER UPDATE OF id, title, body ON {CONTENT_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
        END""",
}


def install(connection) -> bool:
    """Create the FTS table and its triggers if missing; rebuild the index if anything was.

    Idempotent and cheap when everything is in place. Returns True when it rebuilt.
    """
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if CONTENT_TABLE not in tables:
            return False  # migrated backwards past the statements table: nothing to index
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name IN (%s)" % ", ".join(["%s"] * len(SCHEMA)),
            list(SCHEMA),
        )
        present = {name for (name,) in cursor.fetchall()}
        if present == set(SCHEMA):
            return False
        for sql in SCHEMA.values():
            cursor.execute(sql)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    return True


def fts_string(term: Term) -> str:
    """A term as an FTS5 string: always data, never an operator, a column filter or a prefix."""
    return '"' + term.text.replace('"', '""') + '"'


def _any(terms) -> str:
    return "(" + " OR ".join(fts_string(t) for t in terms) + ")"


def match_expression(query: SearchQuery) -> str:
    """The positive part of the query in FTS5 syntax, with exclusions as FTS5's binary NOT."""
    positive = " AND ".join(_any(group) for group in query.required)
    if query.excluded:
        return f"({positive}) NOT {_any(query.excluded)}"
    return positive


def _hits(match: str) -> RawSQL:
    """The ids of statements matching an FTS5 expression, computed once per query."""
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])


class _Rank(Expression):
    """-bm25 of a statement for an FTS5 query (higher is better).

    bm25() only exists inside a query over the FTS table, so the matches are materialized once
    (with their scores) and each statement looks its score up by rowid. A plain correlated
    subquery would rerun the match, and bm25's corpus statistics, for every row.
    """

    output_field = FloatField()

    def __init__(self, match: str, pk=None):
        super().__init__()
        self.match = match
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return (
            f"(WITH hits AS MATERIALIZED (SELECT rowid, -{BM25} AS score FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s) SELECT score FROM hits WHERE hits.rowid = {pk_sql})"
        ), [self.match, *pk_params]


def matching(queryset: QuerySet, query: SearchQuery) -> QuerySet:
    # `id IN (SELECT rowid ... MATCH)` is a list SQLite computes once, whichever index then
    # drives the query; a join on the FTS table could instead rerun the match once per
    # candidate row when the planner puts it on the inner side.
    if not query.has_positive:
        return queryset.exclude(pk__in=_hits(_any(query.excluded)))
    match = match_expression(query)
    return queryset.filter(pk__in=_hits(match)).annotate(rank=_Rank(match))


def snippets(statements: Sequence, query: SearchQuery) -> dict[int, str]:
    """FTS5 snippet() of the body, for the given rows only."""
    markers = Markers.unforgeable()
    ids = [s.pk for s in statements]
    with connections[statements[0]._state.db or DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, 1, %s, %s, '…', {SNIPPET_TOKENS}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [markers.start, markers.stop, match_expression(query), *ids],
        )
        return {pk: render(text, markers) for pk, text in cursor.fetchall()}
