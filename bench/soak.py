"""A soak: gunicorn with production settings serves N clients a mix of pages and hostile queries
for a bounded time while loads keep running into the same database; any 5xx (or a request that
gets no answer) fails it.

The clients are closed-loop (each sends its next request when the previous one is answered), so
the server is kept as busy as it can be, and the latency is what a reader waited. One load after
another runs in a `manage.py load_releases` process for the whole time, so every request is
served while releases are being written. Only the loopback address is used.
"""

import asyncio
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from archive.models import Statement

from . import http
from .corpus import write_corpus
from .hostile import HOSTILE, PARAMS, random_strings
from .measure import browse_pages, entity_pages, facet_choices, permalink_pages, search_pages
from .queries import default_queries
from .stats import summary

REQUEST_TIMEOUT = 30  # seconds a request may take before it counts as unanswered
LOAD_NICENESS = 10  # loads yield the processor to the pages, as README "Deploying" advises


@dataclass
class SoakResult:
    engine: str
    seconds: float = 0
    clients: int = 0
    statuses: Counter = field(default_factory=Counter)
    unanswered: int = 0
    unanswered_urls: list[str] = field(default_factory=list)  # timed out or connection dropped
    latencies: list[float] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)  # the URLs that answered 5xx
    loads: int = 0  # loads finished during the soak
    load_failures: list[str] = field(default_factory=list)
    releases_loaded: int = 0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values()) + self.unanswered

    @property
    def ok(self) -> bool:
        return not self.server_errors and not self.unanswered and not self.load_failures

    def to_dict(self) -> dict:
        return {
            "engine": self.engine,
            "seconds": round(self.seconds, 1),
            "clients": self.clients,
            "requests": self.requests,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "server_errors": len(self.server_errors),
            "unanswered": self.unanswered,
            "latency": summary(self.latencies),
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0,
            "loads_finished": self.loads,
            "releases_loaded": self.releases_loaded,
            "load_failures": self.load_failures,
            "first_server_errors": self.server_errors[:20],
            "first_unanswered": self.unanswered_urls[:20],
        }

    def summary(self) -> str:
        latency = summary(self.latencies)
        statuses = ", ".join(f"{k}: {v:,}" for k, v in sorted(self.statuses.items()))
        return (
            f"{self.engine}: {self.requests:,} requests in {self.seconds:.0f} s from "
            f"{self.clients} clients ({statuses}; unanswered: {self.unanswered}); "
            f"p50 {latency.get('p50_ms', 0):.0f} ms, p95 {latency.get('p95_ms', 0):.0f} ms, "
            f"max {latency.get('max_ms', 0):.0f} ms; {self.releases_loaded:,} releases loaded "
            f"meanwhile in {self.loads} load(s); server errors: {len(self.server_errors)}"
            + (f"; load failures: {len(self.load_failures)}" if self.load_failures else "")
        )


def soak_urls(seed: int = 7) -> list[str]:
    """Pages of every kind, searches, and the hostile strings in every parameter, shuffled."""
    facets = facet_choices()
    queries = default_queries()
    pages = browse_pages(facets) + permalink_pages(40) + entity_pages(6)
    pages += search_pages(queries, facets, {q.text for q in queries if q.common})
    urls = [page.url for page in pages]
    urls += ["/", reverse("archive:statement-feed"), reverse("archive:statement-export") + "?q=un"]
    rng = Random(seed)
    list_url = reverse("archive:statement-list")
    values = HOSTILE + list(random_strings(300, seed=seed))
    for index, value in enumerate(values):
        param = PARAMS[index % len(PARAMS)] if index % 3 else "q"
        other = {rng.choice(PARAMS): rng.choice(values)}
        urls.append(f"{list_url}?{urlencode({param: value, **other})}")
    for value in HOSTILE:
        query = urlencode({"q": value, "kind": value, "page": value})
        urls += [
            f"{reverse('archive:statement-feed')}?{query}",
            f"{reverse('archive:meeting-list')}?{query}",
            f"{reverse('archive:statement-export')}?{query}",
        ]
    statement = Statement.objects.published().first()
    if statement:
        urls += [f"{statement.get_absolute_url()}?{urlencode({'q': v})}" for v in HOSTILE]
    urls += ["/statements/999999999/gone/", "/people/no-such-person/", "/statements/1/wrong-slug/"]
    rng.shuffle(urls)
    return urls


class Loads:
    """`manage.py load_releases` of fresh synthetic releases, one load after another."""

    def __init__(self, *, database_url: str, size: int, seed: int, start: int) -> None:
        self.database_url, self.size, self.seed, self.next_start = database_url, size, seed, start
        self.directory = tempfile.TemporaryDirectory(prefix="soak-loads-")
        self.process: subprocess.Popen | None = None
        self.finished = 0
        self.failures: list[str] = []

    def keep_running(self) -> None:
        """Start the next load if none runs; count the one that ended."""
        if self.process is not None:
            if self.process.poll() is None:
                return
            _, errors = self.process.communicate()
            if self.process.returncode == 0:
                self.finished += 1
            else:
                self.failures.append(errors[-2000:])
        out = Path(self.directory.name) / f"load-{self.next_start}"
        files = write_corpus(
            count=self.size, seed=self.seed, out=out, per_file=500, start=self.next_start
        ).files
        self.next_start += self.size
        env = {**os.environ, "DATABASE_URL": self.database_url, "ALLOW_INSECURE_KEY": "1"}
        self.process = subprocess.Popen(
            ["nice", "-n", str(LOAD_NICENESS), sys.executable, "manage.py", "load_releases"]
            + [*map(str, files), "-v", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def stop(self) -> int:
        """Let the running load finish (never kill it: that is another test); releases loaded."""
        if self.process is not None:
            _, errors = self.process.communicate()
            if self.process.returncode == 0:
                self.finished += 1
            else:
                self.failures.append(errors[-2000:])
        self.directory.cleanup()
        return self.finished * self.size


async def _clients(
    port: int, urls: list[str], clients: int, until: float, enough: int, result: SoakResult
):
    async def client(offset: int) -> None:
        index = offset * len(urls) // clients
        while time.monotonic() < until and not (enough and result.requests >= enough):
            url = urls[index % len(urls)]
            index += 1
            began = time.monotonic()
            try:
                status = await http._fetch(port, url, REQUEST_TIMEOUT)
            except (TimeoutError, OSError, ValueError, IndexError) as error:
                result.unanswered += 1
                result.unanswered_urls.append(f"{type(error).__name__} {url[:200]}")
                continue
            result.latencies.append(time.monotonic() - began)
            result.statuses[status] += 1
            if status >= 500:
                result.server_errors.append(f"{status} {url[:200]}")

    await asyncio.gather(*(client(n) for n in range(clients)))


def soak(
    *,
    database_url: str,
    engine: str,
    seconds: float,
    clients: int,
    load_size: int,
    load_start: int,
    requests: int = 0,
    workers: int = 2,
    say=print,
) -> SoakResult:
    """Serve the current database with gunicorn and soak it for `seconds` while loads run (or
    until `requests` have been answered, if given)."""
    urls = soak_urls()
    result = SoakResult(engine=engine, clients=clients)
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(48))
    server = http.start_gunicorn(database_url=database_url, workers=workers)
    loads = Loads(database_url=database_url, size=load_size, seed=3, start=load_start)
    try:
        http.warm(port=server.port, urls=urls[:20])
        loads.keep_running()
        goal = f" (or {requests:,} requests)" if requests else ""
        say(f"soaking {engine} for {seconds:.0f} s{goal}: {clients} clients, {len(urls)} URLs")
        began = time.monotonic()
        until = began + seconds

        async def run() -> None:
            traffic = asyncio.create_task(
                _clients(server.port, urls, clients, until, requests, result)
            )
            while not traffic.done():
                loads.keep_running()
                await asyncio.sleep(0.5)
            await traffic

        asyncio.run(run())
        result.seconds = time.monotonic() - began
    finally:
        result.releases_loaded = loads.stop()
        result.loads, result.load_failures = loads.finished, loads.failures
        server.stop()
    return result
