"""The statement list as one result: filters, words, order, a page, every facet and the histogram.

The filters are read by the FilterSet (archive.filters: what each parameter means, and the
errors); what they keep is computed on the corpus index's bitmaps (archive.corpus_index), with
the words' matches fetched once from the search engine. Every count is then exact and costs a
few bitmap operations, whatever the number of results. The page's own rows are read by id.

A page runs a handful of queries: the corpus version, one per entity filter (its values exist),
the words' matches and their ranks, the page's rows and their people, the snippets.
"""

from dataclasses import dataclass

from django.http import QueryDict

from archive import corpus_index, histogram, ordering
from archive.facets import Selection, statement_facets
from archive.filters import SORTS, StatementFilter
from archive.kinds import FACETS
from archive.models import Statement
from archive.pagination import IndexPaginator
from archive.querystrings import Links
from archive.search import api as search

PER_PAGE = 20


@dataclass
class Listing:
    filterset: StatementFilter
    params: QueryDict
    sort: str
    page: object  # a django Page of Statement rows
    facets: list
    histogram: histogram.Histogram
    first_pass: str  # what a first pass ranked first, when relevance could not rank every match
    index: corpus_index.CorpusIndex  # the corpus it was read from

    @property
    def query(self) -> str:
        return self.filterset.query

    def context(self) -> dict:
        """What the list template shows."""
        filterset = self.filterset
        return {
            "filterset": filterset,
            "params": self.params,
            "page": self.page,
            "query": self.query,
            "sort": self.sort,
            "first_pass": self.first_pass,
            "sorts": {k: v for k, v in SORTS.items() if k != "relevance" or self.query},
            "chips": filterset.chips(),
            "facets": self.facets,
            "histogram": self.histogram,
            "errors": [
                f"{filterset.filters[name].label}: {error}"
                for name, errors in filterset.form.errors.items()
                for error in errors
            ],
            # The active filters travel with a new search as hidden fields.
            "kept": [
                (key, value)
                for key, values in self.params.lists()
                if key in filterset.filters and key != "q"
                for value in values
            ],
        }


def filtered(params: QueryDict):
    """The FilterSet of the list over published statements, and the sort in force."""
    filterset = StatementFilter(params, queryset=Statement.objects.published())
    return filterset, filterset.sort(params.get("sort"))


def in_order(filterset: StatementFilter, sort: str):
    """The FilterSet's statements as a QuerySet in the order `sort` names (CSV and feed)."""
    statements = filterset.qs
    if sort == "relevance":
        return search.ranked(statements)
    return statements.oldest_first() if sort == "oldest" else statements.newest_first()


def selection(index, filterset: StatementFilter) -> Selection:
    """What the filters and words keep, as bitmaps."""
    cleaned = filterset.cleaned()
    rest = index.everything
    matched = search.matched_positions(index, Statement.objects.all(), filterset.query)
    if matched is not None:
        rest &= matched
    if cleaned.get("date_from") or cleaned.get("date_to"):
        rest &= index.between(cleaned.get("date_from"), cleaned.get("date_to"))
    keys = filterset.selected_keys()
    return Selection(
        rest=rest,
        matches=len(matched or ()),
        chosen={name: index.having(name, values) for name, values in keys.items()},
        keys=keys,
        labels=filterset.selected_labels(),
    )


def listing(params: QueryDict) -> Listing:
    """The list of statements these parameters ask for."""
    filterset, sort = filtered(params)
    index = corpus_index.current()
    chosen = selection(index, filterset)
    results = chosen.results
    order = ordering.ordered(index, results, sort, filterset.query, chosen.matches)
    page = IndexPaginator(order, index, PER_PAGE).get_page(params.get("page"))
    snippets = search.snippets(page.object_list, filterset.query)
    for statement in page.object_list:
        statement.snippet = snippets.get(statement.pk)
    cleaned = filterset.cleaned()
    expanded = params.get("more") if params.get("more") in FACETS else None
    return Listing(
        filterset=filterset,
        params=params,
        sort=sort,
        page=page,
        facets=statement_facets(index, chosen, expanded, Links(params, page=None)),
        histogram=histogram.counted(
            index, results, cleaned.get("date_from"), cleaned.get("date_to")
        ),
        first_pass=getattr(order, "first_pass", ""),
        index=index,
    )
