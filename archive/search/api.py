"""The search API that views, filters and admin call, whatever the database.

    matching(queryset, q)      statements matching q, with a `rank` alias (float, higher is
                               better, title above body) when q has a positive term
    matched_ids(queryset, n)   the ids of a search's matches, fetched once, or None past n;
                               matching(..., ids=) then filters on them (see there)
    keep_ids(qs, field, ids)   rows of any table whose statement id is in such a list
    ranked(queryset)           by rank, then newest first (newest first when there is no rank)
    matched_positions(index, qs, q)  the published matches as corpus-index positions
    scores(qs, q, ids)         {id: rank} of matches, in one pass (the list's exact relevance)
    first_pass(qs, q, ids)     a cheap first ranking of a broad match, and what it puts first
    snippets(statements, q)    {pk: SafeString} for the rows of one page, hits in <mark>
    highlight_paragraph(t, q)  one text (a paragraph, a title) escaped with q's terms in <mark>
    search_sql(queryset, q)    the SQL and params of a ranked search, to time the engine alone
    many_matches(alias, many)  a block in which searches compile for a match of a large share
                               of the archive (a common word), when the caller knows it

`q` is the raw string from the search box, or a SearchQuery already parsed with `parse()`.
What a query means, edge cases included, is documented in `archive.search.query`: a blank
query (or one with no usable term) leaves the queryset as it is, with no rank; one with only
exclusions keeps every statement not matching them, also without a rank.

`rank` is a QuerySet alias(), not a selected annotation: order_by() and filter() can use it, and
`.annotate(score=F("rank"))` reads it, but a search sorted by date never computes it (on
PostgreSQL that would decompress and score the vector of every matching row). On SQLite,
ranked() is also what makes ordering by rank fast, and a ranked queryset should not be ORed
with another (`a | b`): see archive.search.sqlite._Hits.
"""

from collections.abc import Sequence

from django.db import connections
from django.db.models import F, Q, QuerySet
from django.utils.safestring import SafeString
from pyroaring import BitMap

from . import entities, postgres, sqlite
from .highlight import highlight_text, plain_lead, snippet
from .query import SearchQuery, parse

BACKENDS = {"postgresql": postgres, "sqlite": sqlite}

__all__ = [
    "SearchQuery",
    "highlight_paragraph",
    "keep_ids",
    "many_matches",
    "matching",
    "parse",
    "ranked",
    "search_sql",
    "snippets",
]


def _parsed(q: str | SearchQuery | None, using: str = "default") -> SearchQuery:
    """A search box's string parsed, with the names it contains recognised (see entities)."""
    return q if isinstance(q, SearchQuery) else entities.parse_and_recognise(q, using=using)


def _backend(alias: str):
    vendor = connections[alias].vendor
    try:
        return BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"no search backend for {vendor}") from None


def matching(
    queryset: QuerySet, q: str | SearchQuery | None, *, ids: Sequence[int] | None = None
) -> QuerySet:
    """Restrict to statements matching q; alias `rank` when q has a positive term.

    `ids`: the matches of q, already fetched by matched_ids(). The rows are then kept by that
    list, one parameter the engine reads in a millisecond, instead of by the search index: a
    page counts, facets and charts its results in several queries, and each one would otherwise
    run the search (and check each match's status) again. The rank still comes from the index.
    """
    query = _parsed(q, queryset.db)
    if query.is_blank:
        return queryset
    backend = _backend(queryset.db)
    if ids is not None or not query.names_entities:
        return backend.matching(queryset, query, ids)
    # A group naming an entity matches its spellings in the text or its fact; the other words
    # and the exclusions are searched as usual.
    words = query.without_entity_groups()
    if not words.is_blank:
        queryset = backend.matching(queryset, words, None)
    for terms, facts in query.entity_groups():
        queryset = queryset.filter(
            Q(pk__in=backend.text_matches(queryset.model, terms))
            | entities.facts_filter(facts, queryset.db)
        )
    return queryset.alias(rank=backend.rank(query))


def keep_ids(queryset: QuerySet, field: str, ids: Sequence[int]) -> QuerySet:
    """Rows whose `field` (a statement id) is in `ids`, the list passed as one parameter."""
    return queryset.filter(_backend(queryset.db).in_ids(field, ids))


def matched_ids(queryset: QuerySet, limit: int) -> list[int] | None:
    """The ids of a (searched) queryset's rows, in no order; None when more than `limit` match."""
    ids = list(queryset.order_by().values_list("pk", flat=True)[: limit + 1])
    return ids if len(ids) <= limit else None


def many_matches(alias: str = "default", many: bool = True):
    """A context manager: queries compiled inside it expect a broad match (see the backends)."""
    return _backend(alias).many_matches(many)


def ranked(queryset: QuerySet) -> QuerySet:
    """Most relevant first, then newest, undated last; newest first when nothing is ranked."""
    if "rank" not in queryset.query.annotations:
        return queryset.order_by(F("date").desc(nulls_last=True), "-pk")
    queryset = _backend(queryset.db).with_rank(queryset)
    return queryset.order_by(F("rank").desc(), F("date").desc(nulls_last=True), "-pk")


def snippets(statements: Sequence, q: str | SearchQuery | None) -> dict[int, SafeString]:
    """A highlighted snippet of each statement's body, computed for these rows only.

    Statements whose body has no hit (no query, exclusions only, a title-only match) get the
    escaped lead of their body.
    """
    query = _parsed(q)
    return {s.pk: snippet(s.body, query) or plain_lead(s.body) for s in statements}


def highlight_paragraph(text: str, q: str | SearchQuery | None) -> SafeString:
    """The text escaped, with words sharing a stem with a query term in <mark>.

    Pure Python, like the snippets: the same words are marked on both engines.
    """
    return highlight_text(text, _parsed(q))


def search_sql(queryset: QuerySet, q: str | SearchQuery | None, *, limit: int = 20):
    """(sql, params) of the first page of a ranked search, for timing the engine alone."""
    page = ranked(matching(queryset, q)).values_list("pk", flat=True)[:limit]
    return page.query.sql_with_params()


def matched_positions(index, queryset: QuerySet, q: str | SearchQuery | None):
    """The published statements q matches, as a bitmap of the corpus index's positions
    (archive.corpus_index); None when q searches nothing.

    The engine is asked only for the ids its text index holds, of any status (positions keep the
    published): the words, each name's spellings, the exclusions. A name's facts come from the
    index's own bitmaps, and exclusions alone are taken from every statement there, so a name
    in a fifth of the archive costs no scan of its facts or of the statements.
    """
    query = _parsed(q, queryset.db)
    if query.is_blank:
        return None
    words = query.without_entity_groups()
    if words.has_positive:
        found = index.of_ids(_backend(queryset.db).match_ids(queryset, words))
    else:
        found = index.everything
        if words.excluded:
            found -= index.of_ids(_text_ids(queryset, words.excluded))
    for terms, facts in query.entity_groups():
        found &= BitMap.union(
            index.of_ids(_text_ids(queryset, terms)), *_fact_positions(index, facts)
        )
    return found


def _text_ids(queryset: QuerySet, terms) -> list[int]:
    """The ids of the statements whose text matches any of `terms`, of any status."""
    return _backend(queryset.db).match_ids(queryset, SearchQuery(required=(tuple(terms),)))


def _fact_positions(index, facts):
    """The positions of the statements having each of `facts` (the index holds visible facts
    of published statements only)."""
    return [index.values.get(fact.kind, {}).get(fact.slug, BitMap()) for fact in facts]


def scores(queryset: QuerySet, q: str | SearchQuery | None, ids: Sequence[int]) -> dict:
    """{id: rank} of the matches among `ids` (higher is better); the engine may return more."""
    query = _parsed(q)
    if not query.has_positive or not ids:
        return {}
    return _backend(queryset.db).scores(queryset, query, ids)


def first_pass(queryset: QuerySet, q: str | SearchQuery | None, ids: Sequence[int]):
    """({id: rank} of the statements a cheap first ranking puts first, what it puts first)."""
    query = _parsed(q)
    backend = _backend(queryset.db)
    return backend.first_pass(queryset, query, ids), backend.FIRST_PASS
