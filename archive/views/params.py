"""The query string as the pages accept it: bounded, printable, never a reason for an error page."""

import unicodedata

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.functional import cached_property

MAX_VALUES = 20  # per parameter: repeated parameters beyond this are dropped
MAX_LENGTH = 1000  # characters per value: a query longer than this is cut


def clean_params(query: QueryDict) -> QueryDict:
    """A copy of `query` without control characters, over-long values or endless repetitions.

    NUL bytes would make PostgreSQL refuse the query, and a 10 kB value would be copied into every
    link of the page; cutting them here keeps filters, search and links simple.
    """
    cleaned = QueryDict(mutable=True)
    for key, values in list(query.lists())[: MAX_VALUES * 2]:
        key = _printable(key)[:50]
        cleaned.setlist(key, [_printable(v)[:MAX_LENGTH] for v in values[:MAX_VALUES]])
    return cleaned


def _printable(text: str) -> str:
    """Control characters (NUL, tabs, newlines, escapes) become spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


# Results counted at most: past this the page says "more than 10,000" and pages stop there, so
# counting a word found in most of a million statements reads 10,001 ids, not a million rows.
COUNT_CAP = 10_000


def capped_count(queryset) -> int:
    """The number of rows, counting no further than COUNT_CAP + 1."""
    return queryset.order_by()[: COUNT_CAP + 1].count()


class CappedPaginator(Paginator):
    """A Paginator whose count stops at COUNT_CAP + 1 (`capped` then says there are more).

    The count query runs on the unordered rows (`SELECT COUNT(*) FROM (... LIMIT 10001)`), so a
    ranked search never scores its matches just to be counted.
    """

    cap = COUNT_CAP

    def __init__(
        self, object_list, per_page, *, count=None, exact=False, counted=True, **kwargs
    ):
        """`count`: already counted, by capped_count() or (`exact`) in full however large.

        `counted=False`: the rows could not be counted in time; the page shows no number and
        offers pages as far as the cap.
        """
        super().__init__(object_list, per_page, **kwargs)
        if not counted:
            count = self.cap + 1
        if count is not None:
            self.count = count
        self.exact = exact
        self.counted = counted

    @cached_property
    def count(self):
        return capped_count(self.object_list)

    @property
    def capped(self) -> bool:
        return self.count > self.cap and not self.exact

    @property
    def shown_count(self) -> int:
        """The count to print: the cap itself when capped ("more than 10,000")."""
        return min(self.count, self.cap)

    @cached_property
    def num_pages(self):
        # Pages stop at the cap: page 501 of "more than 10,000" is not worth a count of millions.
        return super().num_pages if not self.capped else -(-self.cap // self.per_page)


def paginate(params: QueryDict, queryset, per_page: int):
    """The requested page of `queryset`: the first page for nonsense, the last one past the end."""
    return CappedPaginator(queryset, per_page).get_page(params.get("page"))
