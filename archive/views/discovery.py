"""What lets machines and browsers find the archive: sitemap.xml, robots.txt, an OpenSearch
description, the favicon; and the page that tells people how to take the data away."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse

from archive.models import Statement

from .exports import ANONYMOUS_ROWS
from .indexes import INDEXES, counted


class StatementSitemap(Sitemap):
    """Every published statement's permalink (drafts have none)."""

    limit = 10_000

    def items(self):
        return Statement.objects.published().only("pk", "slug", "updated").order_by("pk")

    def lastmod(self, statement):
        return statement.updated


class EntitySitemap(Sitemap):
    """The pages of the people, organizations, places or resolutions of published statements."""

    limit = 10_000

    def __init__(self, name):
        self.index = INDEXES[name]

    def items(self):
        return counted(self.index).only("pk", "slug").order_by("pk")


class PageSitemap(Sitemap):
    def items(self):
        names = ["home", "statement-list", "meeting-list", "data"]
        return names + [f"{name}-index" for name in INDEXES]

    def location(self, name):
        return reverse(f"archive:{name}")


SITEMAPS = {
    "pages": PageSitemap,
    "statements": StatementSitemap,
    **{name: EntitySitemap(name) for name in INDEXES},
}


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {reverse('archive:statement-export')}",
        f"Disallow: {reverse('archive:statement-export-json')}",
        "",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def opensearch(request):
    """Lets a browser add the archive as a search engine (its search box searches statements)."""
    return render(
        request,
        "archive/opensearch.xml",
        {"favicon": request.build_absolute_uri(static("img/favicon.svg"))},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon is a static file."""
    return redirect(static("img/favicon.svg"), permanent=True)


def data(request):
    """How to take the archive's data away: exports, their limit, the API, the bulk download."""
    return render(
        request,
        "archive/data.html",
        {
            "anonymous_rows": ANONYMOUS_ROWS,
            "bulk_url": getattr(settings, "ARCHIVE_BULK_DUMP_URL", ""),
        },
    )
