"""The statement list: search and faceted browsing over published statements."""

import hashlib

from django.shortcuts import render

from archive import cache
from archive.budget import Budget, Deadline, search_ms, within
from archive.facets import FACET_NAMES, statement_facets
from archive.filters import SORTS, StatementFilter, is_active
from archive.histogram import histogram
from archive.models import Statement
from archive.search import api as search
from archive.search.entities import page_context

from .params import COUNT_CAP, CappedPaginator, capped_count, clean_params

PER_PAGE = 20


def _filtered(params):
    """The FilterSet of the list page over published statements, and the sort in force."""
    filterset = StatementFilter(params, queryset=Statement.objects.published())
    sort = filterset.sort(params.get("sort"))
    return filterset, sort


def _sorted(filterset, sort):
    statements = filterset.qs
    if sort == "relevance":
        return search.ranked(statements)
    return statements.oldest_first() if sort == "oldest" else statements.newest_first()


def _counts(filterset, expanded, budget, fallback=None, archive_wide=None):
    """The facets and histogram of the results, within `budget` (None for what did not fit).

    `fallback`, `archive_wide`: archive-wide facets, see statement_facets().
    """
    cleaned = filterset.cleaned()
    # The histogram first: once counted, it also gives the page its exact total.
    dates = budget.run(
        lambda: histogram(filterset.qs_without(), cleaned.get("date_from"), cleaned.get("date_to"))
    )
    facets = statement_facets(filterset, expanded, budget, fallback, archive_wide)
    return {"facets": facets, "histogram": dates}


def archive_counts(filterset, expanded):
    """The counts of the unfiltered list: the same for every visitor, cached per corpus version."""

    def compute():
        with Budget(ms=cache.FILL_MS) as budget:
            counts = _counts(filterset, expanded, budget)
        return counts, not budget.spent

    return cache.cached(f"browse:{expanded or ''}", cache.corpus_version(), compute)


def _filters_key(cleaned) -> str:
    """A short key naming the active (valid, so bounded) filters, whatever their order."""
    items = sorted(
        (
            name,
            sorted(str(getattr(v, "slug", v)) for v in value)
            if hasattr(value, "__iter__") and not isinstance(value, str)
            else str(value),
        )
        for name, value in cleaned.items()
        if is_active(value)
    )
    return hashlib.sha256(repr(items).encode()).hexdigest()[:32]


def filtered_counts(filterset, expanded, cleaned):
    """The counts of a list filtered without words: the same for every visitor, cached too.

    Shared by every visitor of the URL, so the first may wait a little longer for them.
    """
    version = cache.corpus_version()
    known = cache.peek(f"browse:{expanded or ''}") or {}
    # The archive-wide counts of this very corpus version, if cached: with one filter only, that
    # filter's own facet counts the whole archive (facets are disjunctive).
    current = cache.current(f"browse:{expanded or ''}", version) or {}

    def compute():
        with Budget(ms=cache.SHARED_FILL_MS) as budget:
            counts = _counts(
                filterset, expanded, budget, known.get("facets"), current.get("facets")
            )
        return counts, not budget.spent

    return cache.cached(f"browse:{expanded or ''}:{_filters_key(cleaned)}", version, compute)


def search_counts(filterset, expanded, ms=None):
    """The counts of a search, within the page's time budget (never cached: words are endless)."""
    known = cache.peek(f"browse:{expanded or ''}") or {}
    with Budget(ms=ms) as budget:
        return _counts(filterset, expanded, budget, known.get("facets"))


def statement_list(request):
    params = clean_params(request.GET)
    filterset, sort = _filtered(params)
    # Only a facet's name: the value also keys the cache, which must not take any string.
    expanded = params.get("more") if params.get("more") in FACET_NAMES else None
    cleaned = filterset.cleaned()
    filtered = filterset.active_except("q")
    if filterset.query:
        counts = None  # counted after the page, see below
    elif filtered:
        counts = filtered_counts(filterset, expanded, cleaned)
    else:
        counts = archive_counts(filterset, expanded)
    # A histogram that was counted (not cut short) counted every result: the exact total.
    exact = bool(counts and counts["histogram"])
    # How many statements the words match: past the cap, relevance would score every one of
    # them (a word found in most statements), so such a search is shown newest first and the
    # page says why; and the queries compile for a broad match (search.many_matches). Scoring
    # follows the words alone, so with other filters too it is the words' matches that count.
    matches, listed = 0, True
    # A search's own steps (its matches, its count, its page) share one allowance of time.
    deadline = Deadline(search_ms())
    if filterset.query:
        # The words' matches, fetched once when there are not too many: every later query of
        # the page (count, facets, histogram) then filters on that list. A search that cannot
        # even list them in time is shown newest first, uncounted.
        words = search.matching(Statement.objects.published(), filterset.query)
        listed, ids = within(deadline.left(), lambda: search.matched_ids(words, COUNT_CAP))
        filterset.use_matches(ids)
        matches = COUNT_CAP + 1 if ids is None else len(ids)
    broad = matches > COUNT_CAP
    unranked = sort == "relevance" and broad
    if unranked:
        sort = "newest"
    with search.many_matches(filterset.qs.db, broad):
        counted = listed
        if exact:
            count = counts["histogram"].total
        elif (filterset.query and not filtered) or not listed:
            count = matches
        elif filterset.query:
            # Words and filters: at most half of what is left, the rest is for the page itself.
            rows = filterset.qs_without()
            counted, count = within(deadline.left() // 2, lambda: capped_count(rows))
        else:
            count = capped_count(filterset.qs_without())
        paginator = CappedPaginator(
            _sorted(filterset, sort).with_people(),
            PER_PAGE,
            count=count,
            exact=exact,
            counted=counted,
        )
        page = paginator.get_page(params.get("page"))
        if filterset.query:
            # Newest first over a broad match, PostgreSQL checks statement after statement
            # until it has a page: quick for a common word, slow for a rare phrase of common
            # words at a million statements.
            answered, rows = within(deadline.left(), lambda: list(page.object_list))
            page.object_list = rows or []
        else:
            answered, page.object_list = True, list(page.object_list)
        if counts is None:
            # Not even listed: nothing to count within the budget either.
            counts = search_counts(filterset, expanded, ms=None if listed else 0)
    snippets = search.snippets(page.object_list, filterset.query)
    for statement in page.object_list:
        statement.snippet = snippets.get(statement.pk)
    return render(
        request,
        "archive/statement_list.html",
        {
            "filterset": filterset,
            "params": params,
            "page": page,
            "query": filterset.query,
            "sort": sort,
            "unranked": unranked,
            "listed": listed,
            "answered": answered,
            "sorts": {k: v for k, v in SORTS.items() if k != "relevance" or filterset.query},
            "chips": filterset.chips(),
            "facets": counts["facets"],
            "counted": all(facet.counted for facet in counts["facets"]),
            "histogram": counts["histogram"],
            "errors": [
                f"{filterset.filters[name].label}: {error}"
                for name, errors in filterset.form.errors.items()
                for error in errors
            ],
            # The active filters travel with a new search as hidden fields.
            "kept": [
                (key, value)
                for key, values in params.lists()
                if key in filterset.filters and key != "q"
                for value in values
            ],
            # Whether the words are searchable, the names they contain, names they may mean.
            **page_context(filterset.query, bool(page.object_list)),
        },
    )
