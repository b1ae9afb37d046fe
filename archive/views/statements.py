"""The statement list: search and faceted browsing over published statements."""

from django.shortcuts import render

from archive.listing import filtered as _filtered  # noqa: F401 (the CSV and feed's own)
from archive.listing import in_order as _sorted  # noqa: F401
from archive.listing import listing
from archive.search.cards import page_context

from .params import clean_params


def statement_list(request):
    """The statements the parameters ask for, with every facet and the histogram counted, and
    the names the words were recognised as."""
    found = listing(clean_params(request.GET))
    named = page_context(found.query, bool(found.page.object_list), found.index)
    return render(request, "archive/statement_list.html", {**found.context(), **named})
