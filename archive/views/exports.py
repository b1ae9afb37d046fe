"""The list's result set in other formats: an Atom feed and a CSV file."""

import csv

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render

from archive.models import Citation, PlaceMention

from .params import clean_params
from .statements import _filtered, _sorted

FEED_SIZE = 50


def statement_feed(request):
    """An Atom feed of the newest statements matching the list's filters."""
    params = clean_params(request.GET)
    filterset, _ = _filtered(params)
    statements = filterset.qs.newest_first()[:FEED_SIZE]
    return render(
        request,
        "archive/statement_feed.xml",
        {
            "statements": statements,
            "query": params.urlencode(),
            "updated": max((s.updated for s in statements), default=None),
        },
        content_type="application/atom+xml; charset=utf-8",
    )


EXPORT_COLUMNS = ["id", "date", "title", "url", "people", "resolutions", "places"]


def statement_export(request):
    """The list's current result set as CSV, every row (not one page), for researchers' own tools.

    The one view that does not end in render(): a CSV file is not an HTML template's job.
    """
    params = clean_params(request.GET)
    filterset, sort = _filtered(params)
    statements = (
        _sorted(filterset, sort)
        .with_people()
        .prefetch_related(
            Prefetch(
                "citations",
                Citation.objects.visible().select_related("resolution"),
                to_attr="visible_citations",
            ),
            Prefetch(
                "place_mentions",
                PlaceMention.objects.visible().select_related("place"),
                to_attr="visible_places",
            ),
        )
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statements.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    for s in statements:
        resolutions = dict.fromkeys(c.resolution.identifier for c in s.visible_citations)
        writer.writerow(
            _spreadsheet_safe(value)
            for value in [
                s.pk,
                s.date.isoformat() if s.date else "",
                s.title,
                request.build_absolute_uri(s.get_absolute_url()),
                "; ".join(m.person.name for m in s.visible_mentions),
                "; ".join(resolutions),
                "; ".join(p.place.name for p in s.visible_places),
            ]
        )
    return response


def _spreadsheet_safe(value):
    """Text that a spreadsheet would run as a formula ("=HYPERLINK(...)") is quoted to stay text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return value
