"""The front page: a search box, and ways into the archive by date, people, resolutions, places."""

from django.http import QueryDict
from django.shortcuts import render

from archive.listing import listing

LATEST = 8
TOP = 8


def home(request):
    # The archive-wide facets and histogram of /statements/, whose first values are the top ones.
    archive = listing(QueryDict())
    facets = {facet.name: facet.values[:TOP] for facet in archive.facets}
    return render(
        request,
        "archive/home.html",
        {
            "latest": archive.page.object_list[:LATEST],
            "top_people": facets["person"],
            "top_resolutions": facets["resolution"],
            "top_places": facets["place"],
            "histogram": archive.histogram,
            "list_params": {},
        },
    )
