"""SQLite search backend: an FTS5 external-content table kept current by triggers.

The index (`statement_fts`) holds no copy of the text: it reads the normalised title and body
(search_title, search_body: see archive.search.document) from archive_statement, and triggers on
that table keep it current for every write, including bulk_create(), which bypasses model
signals. Those columns hold tokens separated by spaces, so the `ascii` tokenizer, which splits
on ASCII spaces and punctuation only, reads exactly the tokens PostgreSQL reads.

`install()` (re)creates the index after every migrate; Django rebuilds a table to alter it on
SQLite, which drops its triggers, so a missing (or outdated) piece means the index may have
missed writes and is rebuilt from the table.

A search filters on `id IN (SELECT rowid FROM statement_fts WHERE statement_fts MATCH ...)`, a
list SQLite computes once whatever other filters the page adds (a plain join would let the
planner probe the FTS table once per candidate statement). Ordering by relevance then joins one
materialized match with its bm25 scores, which drives the query (see _Hits).
"""

import contextlib
import contextvars
import json
from collections.abc import Sequence

from django.db import connections
from django.db.models import Expression, F, FloatField, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Lookup
from django.db.models.sql.constants import INNER
from django.db.models.sql.datastructures import Join

from .query import SearchQuery, Term, without_implied

FTS_TABLE = "statement_fts"
CONTENT_TABLE = "archive_statement"
# bm25 column weights: a title hit counts ten body hits.
BM25 = f"bm25({FTS_TABLE}, 10.0, 1.0)"

# Stored as written (SQLite keeps the text of each CREATE), so install() can tell a current
# object from one an older version of this module created.
SCHEMA = {
    FTS_TABLE: f"""
        CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
            search_title, search_body,
            content='{CONTENT_TABLE}', content_rowid='id',
            tokenize='ascii'
        )""",
    f"{FTS_TABLE}_insert": f"""
        CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {CONTENT_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}(rowid, search_title, search_body)
                VALUES (new.id, new.search_title, new.search_body);
        END""",
    f"{FTS_TABLE}_delete": f"""
        CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {CONTENT_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_title, search_body)
                VALUES ('delete', old.id, old.search_title, old.search_body);
        END""",
    # Only a change of the indexed text costs a reindex (not publishing, not a date fix, not
    # the loader saving a release again unchanged).
    f"{FTS_TABLE}_update": f"""
        CREATE TRIGGER {FTS_TABLE}_update
        AFTER UPDATE OF id, search_title, search_body ON {CONTENT_TABLE}
        WHEN old.id IS NOT new.id OR old.search_title IS NOT new.search_title
            OR old.search_body IS NOT new.search_body
        BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_title, search_body)
                VALUES ('delete', old.id, old.search_title, old.search_body);
            INSERT INTO {FTS_TABLE}(rowid, search_title, search_body)
                VALUES (new.id, new.search_title, new.search_body);
        END""",
}


def _same_sql(a: str | None, b: str) -> bool:
    return a is not None and a.split() == b.split()


def install(connection) -> bool:
    """Create the FTS table and its triggers where missing or outdated; then rebuild the index.

    Idempotent and cheap when everything is in place (one read of sqlite_master). Returns True
    when it rebuilt.
    """
    with connection.cursor() as cursor:
        if CONTENT_TABLE not in connection.introspection.table_names(cursor):
            return False  # migrated backwards past the statements table: nothing to index
        names = ", ".join(["%s"] * len(SCHEMA))
        cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({names})", list(SCHEMA))
        present = dict(cursor.fetchall())
        stale = [name for name, sql in SCHEMA.items() if not _same_sql(present.get(name), sql)]
        if not stale:
            return False
        for name in stale:
            if name in present:
                kind = "TABLE" if name == FTS_TABLE else "TRIGGER"
                cursor.execute(f"DROP {kind} {name}")
            cursor.execute(SCHEMA[name])
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    return True


def fts_string(term: Term) -> str:
    """A term as an FTS5 string of its tokens: data, never an operator, a column or a prefix."""
    return '"' + " ".join(term.tokens).replace('"', '""') + '"'


def _any(terms) -> str:
    return "(" + " OR ".join(fts_string(t) for t in without_implied(terms)) + ")"


def match_expression(query: SearchQuery) -> str:
    """The positive part of the query in FTS5 syntax, with exclusions as FTS5's binary NOT."""
    positive = " AND ".join(_any(group) for group in query.required)
    if query.excluded:
        return f"({positive}) NOT {_any(query.excluded)}"
    return positive


def _ids(match: str) -> RawSQL:
    """The ids of the statements matching an FTS5 expression: a list SQLite computes once."""
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])


# Whether the query being compiled is known to match many statements (see many_matches()).
_many = contextvars.ContextVar("many_matches", default=False)


@contextlib.contextmanager
def many_matches(many: bool = True):
    """Within this block, searches compile for a match that is a large share of the archive.

    SQLite otherwise looks up each match by id, reading every matching row: right for a rare
    word, and 300 ms for a word in 85,000 of 100,000 statements. For a broad match it is faster
    to walk the (status, date) index in order and test each id against the match list: the page
    of newest statements stops after 20 rows, and counts read the index, not the rows.
    """
    token = _many.set(many)
    try:
        yield
    finally:
        _many.reset(token)


class _InMatch(Lookup):
    """`id IN (<the FTS5 matches>)` as a filter; `+id` within many_matches().

    A Lookup rather than a boolean expression: Django compares an expression used as a filter
    with `= true`, and SQLite can then no longer look the matches up by id (a full scan).
    """

    lookup_name = "fts_match"  # never registered: built by matching() only
    prepare_rhs = False

    def __init__(self, match: str):
        super().__init__(F("pk"), match)

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = self.process_lhs(compiler, connection)
        # The unary + keeps SQLite from driving the query by the id list (see many_matches()).
        plus = "+" if _many.get() else ""
        return (
            f"{plus}{pk_sql} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [*pk_params, self.rhs],
        )


class _Rank(Expression):
    """-bm25 of a statement for an FTS5 expression, looked up in the materialized matches.

    bm25() only exists inside a query over the FTS table, so this subquery computes every
    match's score once and looks the statement up. It is correct wherever it is used, but the
    lookup runs per statement and SQLite may do it by scanning the matches; ranked() replaces it
    with a join (see _Hits) before ordering.
    """

    output_field = FloatField()

    def __init__(self, match: str, joinable: bool = True):
        super().__init__()
        self.match = match
        self.joinable = joinable
        self.pk = F("pk")

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


class _InList(Lookup):
    """`id IN` a list of ids passed as one JSON parameter (json_each), however long the list."""

    lookup_name = "in_json_list"  # never registered: built by matching() only
    prepare_rhs = False

    def __init__(self, ids: Sequence[int], field: str = "pk"):
        super().__init__(F(field), json.dumps(list(ids)))

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = self.process_lhs(compiler, connection)
        return f"{pk_sql} IN (SELECT value FROM json_each(%s))", [*pk_params, self.rhs]


def in_ids(field: str, ids: Sequence[int]) -> Lookup:
    """A filter keeping rows whose `field` is one of `ids` (see _InList)."""
    return _InList(ids, field)


def text_matches(model, terms) -> RawSQL:
    """The ids of the statements whose text matches any of `terms`, for `pk__in`."""
    return _ids(_any(terms))


def rank(query: SearchQuery) -> Expression:
    """-bm25 of any positive term; NULL (ranked last) for a statement matching through a fact.

    A query naming an entity (archive.search.entities) keeps statements that contain none of its
    words, which the driving join of ranked() would drop: its rank stays a per-row lookup.
    """
    return _Rank(_any(query.positive_terms), joinable=False)


def matching(queryset: QuerySet, query: SearchQuery, ids: Sequence[int] | None) -> QuerySet:
    # Filtering on an id list leaves an ordinary QuerySet for counts, facets and subqueries, and
    # does not pay for bm25, which costs twenty times the match itself on a common word.
    if ids is not None:
        queryset = queryset.filter(_InList(ids))
    if not query.has_positive:
        if ids is not None:
            return queryset
        return queryset.exclude(pk__in=_ids(_any(query.excluded)))  # FTS5 has no unary NOT
    match = match_expression(query)
    if ids is None:
        queryset = queryset.filter(_InMatch(match))
    return queryset.alias(rank=rank(query) if query.names_entities else _Rank(match))


def with_rank(queryset: QuerySet) -> QuerySet:
    """Make the rank of a searched queryset a column of one materialized, driving join."""
    rank = queryset.query.annotations.get("rank")
    if not isinstance(rank, _Rank) or not rank.joinable:
        return queryset
    queryset = queryset.all()
    sql = queryset.query
    alias = sql.join(_Hits(queryset.model, sql.get_initial_alias(), None, rank.match))
    return queryset.alias(rank=_JoinedRank(alias))


class _Hits(Join):
    """INNER JOIN of the statements matching an FTS5 expression, with their rank (-bm25).

    The match is a derived table that SQLite materializes once (`LIMIT -1` keeps it from being
    flattened into a join it could reorder) and that drives the query: each hit finds its
    statement by primary key. The `+` in the ON clause stops SQLite from indexing the hits for a
    lookup per statement, the plan in which a date filter leaves the planner guessing few
    statements and it rescans every hit for each of them (0.7 s instead of 40 ms measured on
    60,000 statements).

    Django has no public way to join a subquery; this Join carries what its query machinery
    asks of one (aliases, relabeling for subqueries, identity) and stays INNER: it only ever
    joins rows the id-list filter keeps anyway, which is also why it can leave itself out of
    queries that do not use the rank. A ranked queryset should not be ORed with another
    (`a | b`): the join would keep its rows to the matches.
    """

    def __init__(self, model, parent_alias, table_alias, match):
        self.model = model
        self.table_name = f"{FTS_TABLE}_hits"
        self.parent_alias = parent_alias
        self.table_alias = table_alias
        self.join_type = INNER
        self.join_fields = self.join_cols = ()
        self.join_field = _HitsRelation(model)
        self.nullable = False
        self.filtered_relation = None
        self.match = match

    def as_sql(self, compiler, connection):
        if not _uses_rank(compiler.query, self.table_alias):
            # A count or an aggregate over a ranked queryset (the paginator's count): the
            # id-list filter already keeps the same rows, so skip the join and its bm25 scores.
            return "", []
        qn = connection.ops.quote_name
        return (
            f"INNER JOIN (SELECT rowid AS id, -{BM25} AS rank FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s LIMIT -1) {qn(self.table_alias)} "
            f"ON ({qn(self.parent_alias)}.{qn(self.model._meta.pk.column)} = "
            f"+{qn(self.table_alias)}.id)"
        ), [self.match]

    def relabeled_clone(self, change_map):
        return type(self)(
            self.model,
            change_map.get(self.parent_alias, self.parent_alias),
            change_map.get(self.table_alias, self.table_alias),
            self.match,
        )

    @property
    def identity(self):
        return type(self), self.table_name, self.parent_alias, self.match

    def promote(self):
        return self  # an outer join would only add rows without a rank

    demote = promote


def _uses_rank(query, alias: str) -> bool:
    """Whether the query still refers to the rank of the join `alias`."""
    return any(
        isinstance(node, _JoinedRank) and node.alias == alias
        for expression in (*query.annotations.values(), query.where)
        for node in _walk(expression)
    )


def _walk(expression):
    yield expression
    for child in expression.get_source_expressions():
        if hasattr(child, "get_source_expressions"):
            yield from _walk(child)


class _HitsRelation:
    """The little of a relation field that Django's query code reads from a join."""

    def __init__(self, model):
        self.related_model = model

    def get_extra_restriction(self, alias, related_alias):
        return None


class _JoinedRank(Expression):
    """The rank column of a _Hits join."""

    output_field = FloatField()

    def __init__(self, alias):
        super().__init__()
        self.alias = alias

    def as_sql(self, compiler, connection):
        return f"{connection.ops.quote_name(self.alias)}.rank", []

    def relabeled_clone(self, change_map):
        return type(self)(change_map.get(self.alias, self.alias))

    def get_group_by_cols(self):
        return [self]


def match_ids(queryset: QuerySet, query: SearchQuery) -> list[int]:
    """The rowids the FTS index matches, whatever their status: the index alone answers."""
    if not query.has_positive:
        return list(matching(queryset, query, None).values_list("pk", flat=True))
    # As one JSON array in one row: a common word's 85,000 ids come in 10 ms, against 28 as rows.
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            f"SELECT json_group_array(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [match_expression(query)],
        )
        return json.loads(cursor.fetchone()[0])


def scores(queryset: QuerySet, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """{rowid: -bm25} of every match, in one pass (a few thousand at most: see first_pass()).

    Scoring only `ids` would cost FTS5 a new search per id (a second for 2,000 ids).
    """
    return _scored(queryset, match_expression(query))


# What first_pass() puts first, as the list page says it.
FIRST_PASS = "statements with the words in their title first, by relevance"


def first_pass(queryset: QuerySet, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """A cheap first ranking of a broad match: the statements with the words in their title,
    with their title's bm25 (a title match is a small list, found in a millisecond)."""
    title = "{search_title} : (" + " AND ".join(_any(group) for group in query.required) + ")"
    return _scored(queryset, title)


def _scored(queryset: QuerySet, match: str) -> dict[int, float]:
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -{BM25} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]
        )
        return dict(cursor.fetchall())
