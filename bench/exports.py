"""The exports under measure: time and peak memory of a full CSV and JSON export, then the
permalink's latency while six clients loop on the largest export (`bench --exports`).

The full exports run in this process over every published statement (as a signed-in user would
get them, no row limit); tracemalloc gives the peak of memory the export itself allocated, which
stays flat however many rows stream. Over HTTP, gunicorn shares its export slots through Redis
(as production does with REDIS_URL), anonymous clients loop on the unfiltered CSV, and one more
client asks for permalinks one after the other.
"""

import http.client
import os
import threading
import time
import tracemalloc
from collections import Counter

from django.test import RequestFactory

from archive.models import Statement
from archive.views import exports

from .http import HOST, start_gunicorn
from .measure import permalink_pages
from .stats import summary

EXPORTERS = 6
SECONDS = 20


def measure(database_url: str, *, workers: int, say) -> dict:
    result = {"rows": Statement.objects.published().count()}
    for kind, view in (("csv", exports.statement_export), ("json", exports.statement_export_json)):
        say(f"exports: full {kind.upper()} of {result['rows']:,} statements ...")
        result[kind] = full_export(view)
    say(f"exports: permalink latency alone, then while {EXPORTERS} clients export ...")
    result["http"] = under_load(database_url, workers=workers)
    return result


def _signed_in_request():
    request = RequestFactory().get("/statements/export.csv", HTTP_HOST="localhost")
    request.user = type("Researcher", (), {"is_authenticated": True})()
    return request


def _drain(view) -> int:
    response = view(_signed_in_request())
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    return size


def full_export(view) -> dict:
    """Seconds for the whole file, then (a second run, traced) the peak memory it allocated."""
    started = time.perf_counter()
    size = _drain(view)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    _drain(view)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "seconds": round(seconds, 2),
        "megabytes": round(size / 1e6, 1),
        "peak_traced_mb": round(peak / 1e6, 1),
    }


def _get(port, path, timeout=120) -> tuple[int, float, int]:
    """(status, seconds, bytes) of one GET, the body read to its end."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        size = len(response.read())
        return response.status, time.perf_counter() - started, size
    finally:
        connection.close()


def _permalinks(port, paths, until) -> list[float]:
    latencies = []
    n = 0
    while time.monotonic() < until:
        status, seconds, _ = _get(port, paths[n % len(paths)])
        if status == 200:
            latencies.append(seconds)
        n += 1
    return latencies


def under_load(database_url: str, *, workers: int) -> dict:
    paths = [page.url for page in permalink_pages()]
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/3")
    server = start_gunicorn(database_url=database_url, workers=workers)
    try:
        for path in paths:
            _get(server.port, path)
        alone = _permalinks(server.port, paths, time.monotonic() + SECONDS / 2)
        statuses: Counter = Counter()
        export_seconds: list[float] = []
        until = time.monotonic() + SECONDS
        stop = threading.Event()

        def export_loop():
            while not stop.is_set():
                status, seconds, _ = _get(server.port, "/statements/export.csv")
                statuses[status] += 1
                if status == 200:
                    export_seconds.append(seconds)
                else:
                    time.sleep(0.05)

        clients = [threading.Thread(target=export_loop) for _ in range(EXPORTERS)]
        for client in clients:
            client.start()
        loaded = _permalinks(server.port, paths, until)
        stop.set()
        for client in clients:
            client.join()
    finally:
        server.stop()
    return {
        "workers": workers,
        "exporters": EXPORTERS,
        "seconds": SECONDS,
        "permalink_alone": summary(alone),
        "permalink_while_exporting": summary(loaded),
        "export_statuses": dict(statuses),
        "export_seconds": summary(export_seconds),
    }


def table(result: dict) -> str:
    """The figures as the README's markdown table."""
    http_ = result["http"]
    lines = [
        f"| exports at {result['rows']:,} statements | figure |",
        "| --- | --- |",
    ]
    for kind in ("csv", "json"):
        r = result[kind]
        lines.append(
            f"| full {kind.upper()} ({r['megabytes']} MB): seconds / peak traced memory "
            f"| {r['seconds']} s / {r['peak_traced_mb']} MB |"
        )
    lines += [
        f"| permalink p95 alone | {_ms(http_['permalink_alone'])} |",
        f"| permalink p95 while {http_['exporters']} clients loop on the CSV "
        f"| {_ms(http_['permalink_while_exporting'])} |",
        f"| export answers in {http_['seconds']} s (status: count) "
        f"| {', '.join(f'{k}: {v}' for k, v in sorted(http_['export_statuses'].items()))} |",
        f"| anonymous CSV export p95 | {_ms(http_['export_seconds'])} |",
    ]
    return "\n".join(lines)


def _ms(stats: dict) -> str:
    p95 = stats.get("p95_ms")
    return "-" if p95 is None else f"{p95:.0f} ms (n={stats['n']})"
