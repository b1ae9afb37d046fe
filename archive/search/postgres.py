"""PostgreSQL search backend: the stored weighted tsvector, its GIN index, ts_rank_cd, ts_headline.

Queries only ever compare `search_document` (stored, indexed) with a tsquery computed once, so
the GIN index answers the match and no to_tsvector runs over table rows.

The tsquery is wrapped in a scalar subquery, which PostgreSQL evaluates once (an InitPlan) and
cannot estimate. That is deliberate: the planner does not count the cost of reading and
decompressing each row's TOASTed tsvector, so a tsquery it can estimate at a few percent of the
rows tips it into a sequential scan that evaluates `@@` on every vector. Measured on 60,000
synthetic releases: a word in 8% of them took 470 ms that way and 16 ms through the index, a
word in 90% 360 ms against 90 ms (the index answers `@@` exactly, without the vectors, except
for phrases, which it rechecks: a phrase is looked up by its word pairs instead, see
_pair_matches). Ranking still reads the vector of every match, the price of ordering by
relevance: from a copy kept in the row of a narrow table (scores()), not out of line.

The document indexes the normalised text (archive.search.document) with the `simple`
configuration, and the tsquery is written from the query's tokens, the same normalisation: no
stemming, no stop word and no parsing of its own gets between them, which is what makes both
engines find the same statements. A phrase must lie within the title or within the body, as in
FTS5, whose columns are separate: each of its tokens carries the weight of one or the other
(`'a':A <-> 'b':A | 'a':B <-> 'b':B`), since tsvector concatenation joins the body's positions
onto the title's.
"""

import contextlib
from collections.abc import Sequence

from django.contrib.postgres.search import SearchQueryField, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import BooleanField, F, Func, Q, QuerySet, Value
from django.db.models.lookups import Lookup

from .document import CONFIG
from .query import SearchQuery, Term, without_implied

# The lexeme of a statement some of whose pairs are not indexed (migration 0014_search_word_pairs).
PAIRS_INCOMPLETE = "_"

# ts_rank_cd weights for D, C, B (body), A (title): a title hit counts five body hits.
RANK_WEIGHTS = [0.1, 0.1, 0.2, 1.0]


def _lexeme(token: str, weight: str = "") -> str:
    """A quoted lexeme. Tokens hold letters and digits only (normalise.py): nothing to escape."""
    return f"'{token}'" + (f":{weight}" if weight else "")


def term_tsquery(term: Term) -> str:
    """A term in tsquery syntax: a lexeme, or a phrase held within the title or the body."""
    tokens = term.tokens
    if len(tokens) == 1:
        return _lexeme(tokens[0])
    within = (" <-> ".join(_lexeme(t, weight) for t in tokens) for weight in "AB")
    return "(" + " | ".join(f"({phrase})" for phrase in within) + ")"


def _any(terms) -> str:
    return "(" + " | ".join(term_tsquery(t) for t in without_implied(terms)) + ")"


class _TsQuery(Func):
    """to_tsquery('simple', text): the text is written by this module from tokens only."""

    function = "to_tsquery"
    output_field = SearchQueryField()

    def __init__(self, text: str):
        super().__init__(Value(CONFIG), Value(text))

    def as_sql(self, compiler, connection, **extra_context):
        return f"to_tsquery('{CONFIG}'::regconfig, %s)", [self.source_expressions[1].value]


class _Once(Func):
    """A tsquery the planner evaluates once and does not estimate (see the module docstring)."""

    template = "(SELECT %(expressions)s)"
    output_field = SearchQueryField()


class _Matches(Func):
    """`vector @@ tsquery` as a filter."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


class _Unindexed(Func):
    """A tsvector column as an expression no index answers: COALESCE(column, '')."""

    template = "COALESCE(%(expressions)s, ''::tsvector)"
    output_field = SearchVectorField()


class _Lexemes(Func):
    """A tsquery of lexemes as written, `text::tsquery`: the parser would split `a_b` in two."""

    output_field = SearchQueryField()

    def __init__(self, text: str):
        super().__init__(Value(text))

    def as_sql(self, compiler, connection, **extra_context):
        return "%s::tsquery", [self.source_expressions[0].value]


def _matches(tsquery: Func) -> _Matches:
    return _Matches(F("search_document"), _Once(tsquery))


def _has_pairs(term: Term) -> bool:
    return len(term.tokens) > 1


def _pairs(term: Term) -> str:
    """The adjacent pairs of a phrase's tokens, as the pairs' column holds them: `'a_b' & 'b_c'`."""
    tokens = term.tokens
    return " & ".join(_lexeme(f"{a}_{b}") for a, b in zip(tokens, tokens[1:], strict=False))


def _document_tsquery(groups, excluded=()) -> str:
    """Every group matches through any of its terms, and no excluded term matches."""
    return " & ".join(_any(group) for group in groups) + "".join(
        f" & !{term_tsquery(t)}" for t in excluded
    )


def _in_pairs(tsquery: str) -> _Matches:
    """`search_pairs @@ tsquery` (lexemes as written), answered by the pairs' index."""
    return _Matches(F("search_pairs"), _Once(_Lexemes(tsquery)))


def _read_in_document(tsquery: str) -> _Matches:
    """`search_document @@ tsquery` checked in each row's document, never through the words'
    index: for rows another condition has already narrowed to a few."""
    return _Matches(_Unindexed(F("search_document")), _Once(_TsQuery(tsquery)))


def _ways_to_match(group) -> list[Q]:
    """The conditions under which a statement matches an OR group, one per index that answers
    them: its words by the words' index, its two-word phrases by their pairs, and each longer
    phrase by its pairs, then checked in the documents of the few statements holding them all
    (read one by one, never through the words' index)."""
    words = [term for term in group if not _has_pairs(term)]
    pairs = [term for term in group if len(term.tokens) == 2]
    ways = [Q(_matches(_TsQuery(_any(words))))] if words else []
    if pairs:
        ways.append(Q(_in_pairs(_any_pairs(pairs))))
    for phrase in (term for term in group if len(term.tokens) > 2):
        ways.append(Q(_in_pairs(_pairs(phrase))) & Q(_read_in_document(term_tsquery(phrase))))
    return ways


def _any_pairs(phrases) -> str:
    return " | ".join(f"({_pairs(phrase)})" for phrase in phrases)


def _ids(statements: QuerySet, ways: list[Q], *more: QuerySet) -> QuerySet:
    """The ids meeting any of `ways`, each looked up on its own (ORed in one WHERE, every row
    found would have its vectors read again to tell which way it matched), and those of `more`."""
    ids = [statements.filter(way).values_list("pk", flat=True) for way in ways]
    return ids[0].union(*ids[1:], *more)


def _pair_matches(model, groups, excluded=()) -> QuerySet | None:
    """The ids of the statements, of any status, whose text matches every group (any of its
    terms) and none of `excluded`, with phrases looked up by word pairs; None when no group
    holds a phrase.

    A two-word phrase is answered by its pairs (migration 0014_search_word_pairs) from the index
    alone, and a longer one checked in the few documents holding all its pairs. The words'
    adjacency is otherwise checked by reading the document of every statement that holds them
    all, tens of thousands for a phrase of common words. A statement some of whose pairs are not
    indexed is always checked against its document."""
    groups = [without_implied(group) for group in groups]
    phrased = [group for group in groups if any(_has_pairs(term) for term in group)]
    if not phrased:
        return None
    statements = model._base_manager.all()
    # These statements are few: their documents are read one by one, never through the words'
    # index, which the planner would otherwise scan for every statement holding the words.
    incomplete = statements.filter(
        _in_pairs(_lexeme(PAIRS_INCOMPLETE)), _read_in_document(_document_tsquery(groups, excluded))
    ).values_list("pk", flat=True)
    if len(groups) == 1 and not excluded:
        return _ids(statements, _ways_to_match(groups[0]), incomplete)
    found = statements
    if worded := [group for group in groups if group not in phrased]:
        found = found.filter(_matches(_TsQuery(_document_tsquery(worded))))
    for group in phrased:
        ways = _ways_to_match(group)
        found = found.filter(ways[0] if len(ways) == 1 else Q(pk__in=_ids(statements, ways)))
    if excluded:
        found = found.exclude(pk__in=text_matches(model, excluded))
    return found.values_list("pk", flat=True).union(incomplete)


def _text_matching(queryset: QuerySet, groups, excluded=()) -> QuerySet:
    """The rows whose text matches every group (any of its terms) and none of `excluded`."""
    ids = _pair_matches(queryset.model, groups, excluded)
    if ids is None:
        return queryset.filter(_matches(_TsQuery(_document_tsquery(groups, excluded))))
    return queryset.filter(pk__in=ids)


class _InList(Lookup):
    """`id IN (SELECT unnest(array))`: a list of ids as one parameter, however long the list.

    Rather than `id = ANY(array)`, which the planner answered by reading every published id in
    an index and testing it against the array (measured at 100,000: 1.2 to 2 times slower per
    query); unnest() tells it how many ids there are, and it looks each one up.
    """

    lookup_name = "in_array"  # never registered: built by matching() only
    prepare_rhs = False

    def __init__(self, ids: Sequence[int], field: str = "pk"):
        super().__init__(F(field), list(ids))

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = self.process_lhs(compiler, connection)
        return f"{pk_sql} IN (SELECT unnest(%s::bigint[]))", [*pk_params, self.rhs]


def in_ids(field: str, ids: Sequence[int]) -> Lookup:
    """A filter keeping rows whose `field` is one of `ids` (see _InList)."""
    return _InList(ids, field)


def matching(queryset: QuerySet, query: SearchQuery, ids: Sequence[int] | None) -> QuerySet:
    if ids is not None:
        # The matches, fetched once (api.matching); the rank still reads each row's vector.
        queryset = queryset.filter(_InList(ids))
        return queryset.alias(rank=rank(query)) if query.has_positive else queryset
    if not query.has_positive:
        # Exclusions alone: NOT IN over an index-driven subquery, since `NOT (search_document
        # @@ ...)` would read and decompress every row's vector.
        return queryset.exclude(pk__in=text_matches(queryset.model, query.excluded))
    # With a positive term, exclusions go into the same tsquery (`a & !b & !c`), which the GIN
    # index answers exactly in one scan; phrases are looked up by their pairs (_pair_matches).
    return _text_matching(queryset, query.required, query.excluded).alias(rank=rank(query))


def text_matches(model, terms) -> QuerySet:
    """The ids of the statements whose text matches any of `terms`, for `pk__in`."""
    return _text_matching(model._base_manager.all(), [terms]).values("pk")


def rank(query: SearchQuery) -> SearchRank:
    """ts_rank_cd of the positive terms as typed, any of them: a statement found through the
    fact of a name (archive.search.entities) ranks by whatever words it does contain, 0 for none.

    A name is ranked by its typed words, not by every spelling of the entities it names: cover
    density reads each phrase of the query in every vector, and a surname shared by twenty
    people made fifty phrases (1.2 s to rank 2,000 statements at 100,000, against 10 ms)."""
    terms = _TsQuery(_any(query.typed_terms))
    return SearchRank(F("search_document"), _Once(terms), weights=RANK_WEIGHTS, cover_density=True)


def many_matches(many: bool = True):
    """Nothing to change: the GIN index answers a broad match as it does a narrow one."""
    return contextlib.nullcontext()


def with_rank(queryset: QuerySet) -> QuerySet:
    """Nothing to prepare: the rank alias is already cheap to order by."""
    return queryset


def match_ids(queryset: QuerySet, query: SearchQuery) -> list[int]:
    """The ids of the rows matching, from the GIN indexes; those of a phrase whatever their
    status, as the index alone answers (the callers keep the published)."""
    ids = _pair_matches(queryset.model, query.required, query.excluded)
    if ids is None:
        ids = matching(queryset, query, None).order_by().values_list("pk", flat=True)
    return _all_ids(ids)


def _all_ids(ids: QuerySet) -> list[int]:
    """A query's ids as one array in one row: a common word's 85,000 ids come in 30 ms rather
    than 40 to 75 through the ORM's rows, fetched a hundred at a time."""
    sql, params = ids.query.sql_with_params()
    with connections[ids.db].cursor() as cursor:
        cursor.execute(f"SELECT array_agg(pk) FROM ({sql}) AS matched(pk)", params)
        return cursor.fetchone()[0] or []


# Each statement's search document, copied into a table of its own where it stays in the row
# (migration 0015_search_rank_vectors): ranking reads it there without a TOAST lookup.
RANK_TABLE = "archive_statement_rank"


def scores(queryset: QuerySet, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """The rank of each of `ids`, as rank() gives it (0 where the words are not), read from the
    ranking copy of the documents."""
    sql = (
        f"SELECT statement_id, ts_rank_cd(%s::float4[], document, to_tsquery('{CONFIG}', %s)) "
        f"FROM {RANK_TABLE} WHERE statement_id IN (SELECT unnest(%s::bigint[]))"
    )
    terms = _any(query.typed_terms)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [RANK_WEIGHTS, terms, list(ids)])
        return dict(cursor.fetchall())


# What first_pass() puts first, as the list page says it.
FIRST_PASS = "the newest statements first, by relevance"


def first_pass(queryset: QuerySet, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """A cheap first ranking of a broad match: `ids` (the newest) ranked exactly, since the
    index cannot tell a title hit from a body hit without reading every match's vector."""
    return scores(queryset, query, ids)
