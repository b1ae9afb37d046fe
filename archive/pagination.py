"""Pages of results: of the corpus index's positions for the list, of a QuerySet elsewhere."""

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.utils.functional import cached_property

from archive.models import Statement


class IndexPaginator(Paginator):
    """Pages of an order of corpus-index positions (archive.ordering), read as Statement rows.

    The count is the exact size of the results' bitmap; a page's rows are one query by id (and
    one for their people).
    """

    def __init__(self, order, index, per_page, rows=None):
        """`rows`: the QuerySet a page's statements are read from (with what they show)."""
        super().__init__(order, per_page)
        self.index = index
        self.rows = rows if rows is not None else Statement.objects.published().with_people()

    def _get_page(self, positions, number, paginator):
        ids = self.index.ids_at(positions)
        rows = self.rows.in_bulk(ids)
        return Page([rows[pk] for pk in ids if pk in rows], number, paginator)


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

    def __init__(self, object_list, per_page, *, count=None, exact=False, counted=True, **kwargs):
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
