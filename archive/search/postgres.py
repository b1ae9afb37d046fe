"""PostgreSQL search backend: the stored weighted tsvector, its GIN index, ts_rank_cd, ts_headline.

Queries only ever compare `search_document` (stored, indexed) with a tsquery computed once, so
the GIN index answers the match and no to_tsvector runs over table rows.

The tsquery is wrapped in a scalar subquery, which PostgreSQL evaluates once (an InitPlan) and
cannot estimate. That is deliberate: the planner does not count the cost of reading and
decompressing each row's TOASTed tsvector, so a tsquery it can estimate at a few percent of the
rows tips it into a sequential scan that evaluates `@@` on every vector. Measured on 60,000
synthetic releases: a word in 8% of them took 470 ms that way and 16 ms through the index, a
word in 90% 360 ms against 90 ms (the index answers `@@` exactly, without the vectors, except
for phrases, which it rechecks). Ranking still reads the vector of every match: that is the
price of ordering by relevance.

A statement's language chooses the configuration its document was built with (document.py). The
tsquery cannot follow the row's language without becoming a per-row expression the index cannot
use, so it is built once per configuration and the results are ORed: an English statement matches
through the English stems, an Arabic one through the Arabic stems. Exclusions are ORed across
configurations too, so a statement is dropped if any configuration's form of the excluded term is
in it; that errs on the side of excluding.
"""

import contextlib
import operator
from collections.abc import Sequence
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchQueryField, SearchRank
from django.contrib.postgres.search import SearchQuery as TsQuery
from django.db.models import BooleanField, Case, F, Func, QuerySet, Value, When
from django.db.models.lookups import Lookup

from .document import DEFAULT_CONFIG, TEXT_SEARCH_CONFIGS
from .highlight import Markers, render
from .query import SearchQuery, Term

CONFIGS = (*dict.fromkeys(TEXT_SEARCH_CONFIGS.values()), DEFAULT_CONFIG)
# ts_rank_cd weights for D, C, B (body), A (title): a title hit counts five body hits.
RANK_WEIGHTS = [0.1, 0.1, 0.2, 1.0]
SNIPPET_OPTIONS = {
    "max_words": 35,
    "min_words": 15,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}


def _term(term: Term, config: str) -> TsQuery:
    # phraseto_tsquery takes the text as data: no user character is tsquery syntax, and the
    # engine's own parser splits "al-Assad" or "S/RES/2254" the way it did when indexing.
    return TsQuery(term.text, config=config, search_type="phrase")


def _all_groups(query: SearchQuery, config: str) -> TsQuery:
    """Every required group matches, each through any of its terms, in one configuration."""
    groups = (reduce(operator.or_, (_term(t, config) for t in group)) for group in query.required)
    return reduce(operator.and_, groups)


def _positive(query: SearchQuery) -> TsQuery:
    return reduce(operator.or_, (_all_groups(query, config) for config in CONFIGS))


def _excluded(query: SearchQuery) -> TsQuery:
    return reduce(operator.or_, (_term(t, c) for t in query.excluded for c in CONFIGS))


class _Once(Func):
    """A tsquery the planner evaluates once and does not estimate (see the module docstring)."""

    template = "(SELECT %(expressions)s)"
    output_field = SearchQueryField()


class _Matches(Func):
    """`search_document @@ tsquery` as a filter."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def _matches(tsquery: TsQuery) -> _Matches:
    return _Matches(F("search_document"), _Once(tsquery))


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
        return queryset.alias(rank=_rank(_positive(query))) if query.has_positive else queryset
    if not query.has_positive:
        # Exclusions alone: NOT IN over an index-driven subquery, since `NOT (search_document
        # @@ ...)` would read and decompress every row's vector.
        hits = queryset.model._base_manager.filter(_matches(_excluded(query))).values("pk")
        return queryset.exclude(pk__in=hits)
    positive = _positive(query)
    # With a positive term, exclusions go into the same tsquery (`a & !b & !c`), which the GIN
    # index answers exactly in one scan.
    wanted = reduce(
        operator.and_, (~_term(t, c) for t in query.excluded for c in CONFIGS), positive
    )
    return queryset.filter(_matches(wanted)).alias(rank=_rank(positive))


def _rank(positive: TsQuery) -> SearchRank:
    return SearchRank(
        F("search_document"), _Once(positive), weights=RANK_WEIGHTS, cover_density=True
    )


def many_matches(many: bool = True):
    """Nothing to change: the GIN index answers a broad match as it does a narrow one."""
    return contextlib.nullcontext()


def with_rank(queryset: QuerySet) -> QuerySet:
    """Nothing to prepare: the rank alias is already cheap to order by."""
    return queryset


def _config_of_row():
    """The regconfig of each row's language, as in document.py."""
    return Case(
        *(When(language=lang, then=Value(cfg)) for lang, cfg in TEXT_SEARCH_CONFIGS.items()),
        default=Value(DEFAULT_CONFIG),
    )


# ts_headline drops what its parser takes for HTML tags (`<script>` vanishes, `<img ...>` stays),
# but a release should show exactly what it says. So `<` and `>` go in as two control characters
# the parser treats as blanks and come back before escaping; the sentinels (and any of those two
# characters already in the text) become spaces.
_HIDE_FROM = "<>\x02\x03\x04\x05"
_HIDE_TO = "\x04\x05    "
_UNHIDE = str.maketrans("\x04\x05", "<>")


def snippets(statements: Sequence, query: SearchQuery) -> dict[int, str]:
    """ts_headline for the given rows only; sentinels stripped from the body before it runs."""
    markers = Markers()
    body = Func(F("body"), Value(_HIDE_FROM), Value(_HIDE_TO), function="translate")
    headline = SearchHeadline(
        body,
        _positive(query),
        config=_config_of_row(),
        start_sel=markers.start,
        stop_sel=markers.stop,
        **SNIPPET_OPTIONS,
    )
    model = type(statements[0])
    rows = model._base_manager.filter(pk__in=[s.pk for s in statements]).values_list("pk", headline)
    return {pk: render(text.translate(_UNHIDE), markers) for pk, text in rows}


def match_ids(queryset: QuerySet, query: SearchQuery) -> list[int]:
    """The ids of the rows matching, from the GIN index."""
    return list(matching(queryset, query, None).order_by().values_list("pk", flat=True))


def scores(queryset: QuerySet, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """The rank of each of `ids`: ts_rank_cd reads the vectors of these rows only."""
    rows = queryset.filter(_InList(ids)).annotate(score=_rank(_positive(query)))
    return dict(rows.order_by().values_list("pk", "score"))


# What first_pass() puts first, as the list page says it.
FIRST_PASS = "the newest statements first, by relevance"


def first_pass(queryset: QuerySet, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """A cheap first ranking of a broad match: `ids` (the newest) ranked exactly, since the
    index cannot tell a title hit from a body hit without reading every match's vector."""
    return scores(queryset, query, ids)
