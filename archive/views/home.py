"""The front page: a search box, and ways into the archive by date, people, resolutions, places."""

from django.http import QueryDict
from django.shortcuts import render

from archive.filters import StatementFilter
from archive.models import Statement

from .statements import archive_counts

LATEST = 8
TOP = 8


def home(request):
    statements = Statement.objects.published()
    # The archive-wide facets of /statements/ (cached), whose first values are the top ones.
    counts = archive_counts(StatementFilter(QueryDict(), queryset=statements), None)
    facets = {facet.name: facet.values[:TOP] for facet in counts["facets"]}
    return render(
        request,
        "archive/home.html",
        {
            "latest": statements.newest_first().with_people()[:LATEST],
            "top_people": facets["person"],
            "top_resolutions": facets["resolution"],
            "top_places": facets["place"],
            "histogram": counts["histogram"],
            "list_params": {},
        },
    )
