"""The statement list: search and faceted browsing over published statements."""

from django.shortcuts import render

from archive.listing import filtered as _filtered  # noqa: F401 (the CSV and feed's own)
from archive.listing import in_order as _sorted  # noqa: F401
from archive.listing import listing

from .params import clean_params


def statement_list(request):
    """The statements the parameters ask for, with every facet and the histogram counted."""
    found = listing(clean_params(request.GET))
    return render(request, "archive/statement_list.html", found.context())
