"""The site's routes plus one bare view, for the benchmark only (never in the product's URLs).

The bare view runs Django's whole request cycle (middleware, URL resolution, a response) and no
database or template work, so page time / bare-view time shows what a page adds to the framework.
"""

from django.http import HttpResponse
from django.urls import include, path

BARE_URL = "/__bench__/bare/"


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path(BARE_URL.strip("/") + "/", bare, name="bench-bare"),
    path("", include("archive.root_urls")),
]
