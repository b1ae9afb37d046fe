"""Site-wide routes: the editors' admin and the archive itself."""

from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.generic import RedirectView

from archive.api import api
from archive.views import discovery

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("archive.urls")),
    path("api/", RedirectView.as_view(pattern_name="api-v1:openapi-view"), name="api"),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemaps.index, {"sitemaps": discovery.SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": discovery.SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", discovery.robots_txt, name="robots-txt"),
    path("opensearch.xml", discovery.opensearch, name="opensearch"),
    path("favicon.ico", discovery.favicon, name="favicon"),
]
