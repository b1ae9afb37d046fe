"""Measuring the archive's pages in-process: time, SQL queries, SQL time and memory per page.

Pages are requested through Django's test client (the whole middleware and template stack, no
network), with the benchmark's URLconf so the bare view is there to compare with. Each URL is
requested once untimed to count its SQL queries and warm caches; the timed requests follow.
"""

import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.db import connection
from django.db.models import Count, Max, Min
from django.http import QueryDict
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Meeting, Organization, Person, Place, Resolution, Statement

from .queries import Query
from .stats import median, summary

STATEMENT_LIST = "archive:statement-list"
PLAIN_STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"


@dataclass
class Page:
    kind: str  # search, search_common, browse, permalink, person, ..., bare
    url: str
    query: Query | None = None
    faceted: bool = False

    @property
    def group(self) -> str:
        """Pages that must run the same SQL queries: same kind, same parameters given."""
        names = sorted({name for name, _ in parse_qsl(urlsplit(self.url).query)} - {"page", "sort"})
        return f"{self.kind}[{','.join(names)}]"


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    sql_seconds: list[float] = field(default_factory=list)
    queries: set[int] = field(default_factory=set)
    statuses: set[int] = field(default_factory=set)


class SqlTimer:
    """Adds up the time spent executing SQL while it is installed (connection.execute_wrapper)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - began


# -- what to request


def statement_list_url(**params) -> str:
    return reverse(STATEMENT_LIST) + ("?" + urlencode(params, doseq=True) if params else "")


def facet_choices() -> list[tuple[str, str]]:
    """One popular value of each kind of facet, as (parameter, value), to narrow searches with."""
    choices: list[tuple[str, str]] = []
    year = (
        Statement.objects.published()
        .filter(date__isnull=False)
        .values("date__year")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if year:
        choices.append(("year", str(year["date__year"])))
    for param, model, relation in (
        ("person", Person, "mentions"),
        ("place", Place, "statement_mentions"),
        ("resolution", Resolution, "citations"),
        ("organization", Organization, "statement_mentions"),
    ):
        top = model.objects.annotate(n=Count(relation)).filter(n__gt=0).order_by("-n").first()
        if top:
            choices.append((param, top.slug))
    if Meeting.objects.exists():
        choices.append(("kind", Meeting.Kind.MEETING.value))
    return choices


BROAD = 0.2  # a search matching a fifth of the corpus or more counts as a common-word search


def search_pages(
    queries: list[Query], facets: list[tuple[str, str]], broad: set[str]
) -> list[Page]:
    """Each query alone and narrowed by one facet; `broad` queries are common-word searches."""
    pages = []
    for index, query in enumerate(queries):
        kind = "search_common" if query.text in broad else "search"
        pages.append(Page(kind, statement_list_url(q=query.text), query))
        if facets:
            param, value = facets[index % len(facets)]
            url = statement_list_url(q=query.text, **{param: value})
            pages.append(Page(kind, url, query, faceted=True))
    return pages


def browse_pages(facets: list[tuple[str, str]]) -> list[Page]:
    urls = [
        statement_list_url(),
        statement_list_url(page=2),
        statement_list_url(sort="oldest"),
        statement_list_url(page=50),
    ]
    urls += [statement_list_url(**{param: value}) for param, value in facets]
    return [Page("browse", url, faceted=i >= 4) for i, url in enumerate(urls)]


def permalink_pages(n: int = 30) -> list[Page]:
    bounds = Statement.objects.published().aggregate(low=Min("id"), high=Max("id"))
    if bounds["low"] is None:
        return []
    low, high = bounds["low"], bounds["high"]
    step = max(1, (high - low) // n)
    ids = list(range(low, high + 1, step))[:n]
    statements = Statement.objects.published().filter(id__in=ids).only("id", "slug")
    return [Page("permalink", s.get_absolute_url()) for s in statements]


def entity_pages(per_kind: int = 5) -> list[Page]:
    """The most-cited entities of each kind (the heaviest pages) and some from the middle."""
    pages = []
    for kind, model, relation in (
        ("person", Person, "mentions"),
        ("organization", Organization, "statement_mentions"),
        ("resolution", Resolution, "citations"),
        ("place", Place, "statement_mentions"),
    ):
        ranked = list(
            model.objects.annotate(n=Count(relation)).filter(n__gt=0).order_by("-n", "id")
            .values_list("slug", flat=True)
        )  # fmt: skip
        chosen = ranked[: per_kind - per_kind // 2] + ranked[len(ranked) // 2 :][: per_kind // 2]
        pages += [Page(kind, model(slug=slug).get_absolute_url()) for slug in chosen]
    pages.append(Page("meetings", reverse("archive:meeting-list")))
    pages.append(Page("meetings", reverse("archive:meeting-list") + "?page=2"))
    return pages


# -- how to request it


@contextmanager
def bench_urls():
    """The bench URLconf, and production behaviour (no debug) over plain HTTP."""
    with override_settings(
        ROOT_URLCONF="bench.urls",
        ALLOWED_HOSTS=["testserver"],
        DEBUG=False,
        SECURE_SSL_REDIRECT=False,
        # No collectstatic needed: the same URLs, without the manifest lookup.
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC_STORAGE}},
    ):
        yield


class PageMeter:
    """Requests pages through the test client and records time, SQL time and query counts."""

    def __init__(self):
        # A page that fails is recorded (status 500) and reported by the checks, not raised.
        self.client = Client(raise_request_exception=False)
        self.timings: dict[str, Timing] = defaultdict(Timing)
        self.by_url: dict[str, Timing] = defaultdict(Timing)
        self.counts: list[dict] = []  # per URL: group, SQL queries, results listed

    def warm(self, pages: Iterable[Page]) -> None:
        """Two untimed requests per URL, counting the second one's SQL queries.

        The second is the steady state the timed requests see: whatever a page caches (facet
        counts of the unfiltered list, say) was filled by the first.
        """
        for page in pages:
            self.client.get(page.url)
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(page.url)
            for timing in (self.timings[page.kind], self.by_url[page.url]):
                timing.queries.add(len(captured))
                timing.statuses.add(response.status_code)
            self.counts.append(
                {
                    "url": page.url,
                    "group": page.group,
                    "queries": len(captured),
                    "results": list_results(page.url) if page.kind.startswith("search") else None,
                }
            )

    def time(self, pages: list[Page], rounds: int) -> None:
        """`rounds` passes over the pages in order (one URL is not requested twice in a row)."""
        for _ in range(rounds):
            for page in pages:
                timer = SqlTimer()
                with connection.execute_wrapper(timer):
                    began = time.perf_counter()
                    response = self.client.get(page.url)
                    elapsed = time.perf_counter() - began
                for timing in (self.timings[page.kind], self.by_url[page.url]):
                    timing.seconds.append(elapsed)
                    timing.sql_seconds.append(timer.seconds)
                    timing.statuses.add(response.status_code)

    def peak_python_memory(self, url: str) -> int:
        """Peak bytes allocated by Python while serving one request (tracemalloc)."""
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            self.client.get(url)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def list_results(url: str) -> int:
    """How many statements the list page at `url` finds (through its own FilterSet, untimed)."""
    from archive.filters import StatementFilter

    params = QueryDict(urlsplit(url).query)
    return StatementFilter(params, queryset=Statement.objects.published()).qs.count()


# -- the search engine alone


def engine_statement(query: str) -> tuple[str, list]:
    """The raw SQL of a search's first page of ids, ranked by the engine over every match."""
    from archive.search import api as search

    sql, params = search.search_sql(Statement.objects.published(), query)
    return sql, list(params)


def hits(query: str) -> int:
    """How many published statements the search matches (untimed)."""
    from archive.search import api as search

    return search.matching(Statement.objects.published(), query).count()


def time_engine(query: str, rounds: int) -> list[float]:
    """Seconds per execution of the search's raw SQL, rows fetched."""
    sql, params = engine_statement(query)
    seconds = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # warm
        cursor.fetchall()
        for _ in range(rounds):
            began = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            seconds.append(time.perf_counter() - began)
    return seconds


def page_summaries(meter: PageMeter) -> dict:
    out = {}
    for kind, timing in sorted(meter.timings.items()):
        out[kind] = {
            **summary(timing.seconds),
            "sql": summary(timing.sql_seconds),
            "queries": sorted(timing.queries),
            "statuses": sorted(timing.statuses),
        }
    return out


def ratio_of_medians(pages: list[float], base: list[float]) -> float:
    b = median(base)
    return round(median(pages) / b, 2) if b else float("nan")


ProgressFn = Callable[[str], None]
