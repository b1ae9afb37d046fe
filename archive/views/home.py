"""The front page: a search box, and ways into the archive by date, people, resolutions, places."""

from django.shortcuts import render

from archive.facets import entity_counts
from archive.histogram import histogram
from archive.models import Statement

LATEST = 8
TOP = 8


def home(request):
    statements = Statement.objects.published()
    return render(
        request,
        "archive/home.html",
        {
            "latest": statements.newest_first().with_people()[:LATEST],
            "top_people": entity_counts("person", statements, limit=TOP)[:TOP],
            "top_resolutions": entity_counts("resolution", statements, limit=TOP)[:TOP],
            "top_places": entity_counts("place", statements, limit=TOP)[:TOP],
            "histogram": histogram(statements),
            "list_params": {},
        },
    )
