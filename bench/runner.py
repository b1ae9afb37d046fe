"""One benchmark run on the current database: ingest, pages, engine, HTTP throughput, memory."""

import datetime
import os
import platform
import resource
import subprocess
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from archive.models import Statement

from . import comparison, http
from .ingest import load_synthetic
from .measure import (
    BROAD,
    Page,
    PageMeter,
    bench_urls,
    browse_pages,
    entity_pages,
    facet_choices,
    hits,
    page_summaries,
    permalink_pages,
    ratio_of_medians,
    search_pages,
    time_engine,
)
from .queries import Query
from .stats import median, summary
from .transfer import copy_archive
from .urls import BARE_URL

# Targets of issue 5 at 100k statements: (figure, limit, engines it applies to).
# The read side's targets at 100,000 statements. A search is held to them in both of its groups
# (common words, and the others), which is stricter than over the 40 queries together.
BOTH = {"postgresql", "sqlite"}
TARGETS = [
    ("search.p50_ms", 40, BOTH),
    ("search.p95_ms", 150, BOTH),
    ("search_common.p50_ms", 40, BOTH),
    ("search_common.p95_ms", 150, BOTH),
    ("browse.p95_ms", 30, BOTH),
    ("permalink.p95_ms", 15, BOTH),
    ("person.p95_ms", 60, BOTH),
    ("organization.p95_ms", 60, BOTH),
    ("resolution.p95_ms", 60, BOTH),
    ("place.p95_ms", 60, BOTH),
    ("tantivy.page_over_tantivy", 60, BOTH),
    ("ingest.releases_per_s", -500, BOTH),  # negative: a floor
]
MAX_PAGE_QUERIES = 30
GIN_FLUSH = (
    "SELECT gin_clean_pending_list(c.oid::regclass) FROM pg_class c "
    "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' AND c.relkind = 'i'"
)  # far above what any page should need; catches an N+1 at once


@dataclass
class Options:
    size: int
    seed: int = 1
    queries: list[Query] = field(default_factory=list)
    rounds: int = 3
    ingest: bool = True
    pages: bool = True
    earlier_ingest: dict | None = None  # figures of the run that loaded the database
    copy_from: str = ""  # fill the database by copying this one instead of loading
    database_url: str = ""  # for gunicorn; no HTTP step when empty
    http_rates: list[float] = field(default_factory=lambda: [2, 5, 10, 20, 40, 80])
    http_seconds: float = 8
    workers: int = 2


def engine_name() -> str:
    return connection.vendor


def machine() -> dict:
    info = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "database": connection.vendor,
    }
    try:
        meminfo = Path("/proc/meminfo").read_text().split("\n")[0].split()
        info["memory_gb"] = round(int(meminfo[1]) / 1024 / 1024, 1)
        cpu = [
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ]
        info["cpu"] = cpu[0] if cpu else ""
    except OSError:
        pass
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        info["database_version"] = cursor.fetchone()[0]
    return info


def code_version() -> dict:
    """The commit measured, and how many files differed from it (a run is only as exact as that)."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], capture_output=True, text=True, timeout=10, cwd=settings.BASE_DIR
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    changed = [line for line in git("status", "--porcelain").splitlines() if line[:2] != "??"]
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_files": len(changed)}


def maintain() -> str:
    """What a deployment runs after a bulk load, so the pages are measured as they would be served.

    On PostgreSQL, VACUUM also empties the GIN index's pending list (rows inserted since the last
    vacuum, which every search must scan; a manual ANALYZE leaves it alone); on SQLite, ANALYZE
    gives the planner its statistics.
    """
    if connection.vendor != "postgresql":
        statements = ["ANALYZE"]
    elif not connection.in_atomic_block:
        statements = ["VACUUM ANALYZE"]
    else:  # VACUUM cannot run in a transaction (the tests' case): flush the GIN lists directly
        statements = [GIN_FLUSH, "ANALYZE"]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return "; ".join(statements)


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run(options: Options, say: Callable[[str], None] = print) -> dict:
    engine = engine_name()
    result: dict = {
        "size": options.size,
        "engine": engine,
        "seed": options.seed,
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "code": code_version(),
        # Other work on the machine skews every time; the load average says how much there was.
        "load_average": {"start": os.getloadavg()},
    }

    if options.copy_from:
        say(f"copy: every archive table from {options.copy_from} ...")
        result["copied"] = copy_archive(source_url=options.copy_from, say=say)
    if options.ingest:
        say(f"ingest: {options.size:,} synthetic releases through the loader ...")
        report = load_synthetic(
            count=options.size,
            seed=options.seed,
            progress=lambda done, total: say(f"  {done:,}/{total:,}"),
        )
        if report.errors:
            raise RuntimeError("the loader refused the corpus:\n" + "\n".join(report.errors))
        result["ingest"] = {
            "releases": report.releases,
            "created": report.created,
            "seconds": round(report.seconds, 2),
            "releases_per_s": round(report.rate, 1),
            "chunk_releases_per_s": [round(r, 1) for r in report.chunk_rates],
            "peak_rss_mb": _rss_mb(),
        }
        say(f"  {report.summary()}")
    elif options.earlier_ingest:
        result["ingest"] = options.earlier_ingest
    result["maintenance"] = maintain()
    result["statements"] = Statement.objects.count()
    if not options.pages:
        return result

    facets = facet_choices()
    queries = options.queries
    say("queries: counting each one's matches ...")
    found = {q.text: hits(q.text) for q in queries}
    broad = {q for q, n in found.items() if n >= BROAD * result["statements"]}
    pages = {
        "search": search_pages(queries, facets, broad),
        "browse": browse_pages(facets),
        "permalink": permalink_pages(),
        "entities": entity_pages(),
        "bare": [Page("bare", BARE_URL)],
    }
    every = [p for group in pages.values() for p in group]
    meter = PageMeter()
    with bench_urls():
        say(f"pages: {len(every)} URLs, warm-up pass (query counts) ...")
        meter.warm(every)
        say(f"pages: {options.rounds} timed rounds ...")
        meter.time(pages["search"], options.rounds)
        meter.time(pages["browse"] + pages["permalink"] + pages["entities"], options.rounds * 3)
        meter.time(pages["bare"] * 50, 1)
        biggest = max(
            (p for p in pages["search"] if not p.faceted),
            key=lambda p: median(meter.by_url[p.url].seconds),
            default=None,
        )
        memory = {"bench_peak_rss_mb": _rss_mb(), "page_peak_python_kb": {}}
        for page in [
            biggest,
            *pages["browse"][:1],
            *pages["permalink"][:1],
            *pages["entities"][:1],
        ]:
            if page is not None:
                peak = meter.peak_python_memory(page.url)
                memory["page_peak_python_kb"][page.kind] = round(peak / 1024)
    result["pages"] = page_summaries(meter)
    for row in meter.counts:  # each URL's own time beside its query count
        row["p50_ms"] = round(median(meter.by_url[row["url"]].seconds) * 1000, 2)
    result["query_counts"] = meter.counts
    result["facet_filters"] = [f"{p}={v}" for p, v in facets]

    say("engine: raw SQL of each search ...")
    engine_times: dict[str, list[float]] = defaultdict(list)
    per_query, ratios, ratios_common, over_sql = [], [], [], []
    page_p50, engine_p50 = {}, {}
    for query in queries:
        seconds = time_engine(query.text, options.rounds)
        plain = next(p for p in pages["search"] if p.query == query and not p.faceted)
        page_seconds = meter.by_url[plain.url].seconds
        sql_seconds = meter.by_url[plain.url].sql_seconds
        engine_times[plain.kind] += seconds
        page_p50[query.text], engine_p50[query.text] = median(page_seconds), median(seconds)
        ratio = median(page_seconds) / median(seconds) if median(seconds) else float("nan")
        (ratios_common if plain.kind == "search_common" else ratios).append(ratio)
        if median(sql_seconds):
            over_sql.append(median(page_seconds) / median(sql_seconds))
        per_query.append(
            {
                "q": query.text,
                "kind": query.kind,
                "common": plain.kind == "search_common",
                "hits": found[query.text],
                "hits_share": round(found[query.text] / result["statements"], 4)
                if result["statements"]
                else 0,
                "page_p50_ms": round(median(page_seconds) * 1000, 2),
                "page_sql_p50_ms": round(median(meter.by_url[plain.url].sql_seconds) * 1000, 2),
                "engine_p50_ms": round(median(seconds) * 1000, 2),
                "page_over_engine": round(ratio, 2),
            }
        )
    result["engine_time"] = {kind: summary(values) for kind, values in engine_times.items()}
    result["per_query"] = per_query
    search_seconds = meter.timings["search"].seconds + meter.timings["search_common"].seconds
    result["ratios"] = {
        "page_over_engine": round(median(ratios + ratios_common), 2),
        "page_over_engine_rare": round(median(ratios), 2),
        "page_over_engine_common": round(median(ratios_common), 2),
        # The page against all the SQL it ran (count, facets, histogram, snippets too), timed
        # around the driver: what is left is Django's own work, templates included.
        "page_over_sql": round(median(over_sql), 2),
        "page_over_bare": ratio_of_medians(search_seconds, meter.timings["bare"].seconds),
        "browse_over_bare": ratio_of_medians(
            meter.timings["browse"].seconds, meter.timings["bare"].seconds
        ),
        "permalink_over_bare": ratio_of_medians(
            meter.timings["permalink"].seconds, meter.timings["bare"].seconds
        ),
    }

    result["tantivy"] = comparison.tantivy_figures(
        queries, page_p50, engine_p50, found, options.rounds, say
    )
    result["datasette"] = comparison.datasette_figures(
        queries, page_p50, found, options.rounds, say
    )

    if options.database_url and options.http_rates:
        say("http: gunicorn on 127.0.0.1, open-loop load ...")
        result["http"] = http_step(options, every)
        memory["gunicorn_worker_peak_rss_mb"] = result["http"].pop("worker_peak_rss_mb")
    result["memory"] = memory
    result["load_average"]["end"] = os.getloadavg()
    result["checks"] = checks(result)
    result["targets"] = targets(result)
    result["figures"] = figures(result)
    return result


def http_step(options: Options, pages: list[Page]) -> dict:
    # The mix a reader makes: mostly searches, then permalinks, browsing and entity pages.
    mix = [p.url for p in pages if p.kind != "bare"]
    server = http.start_gunicorn(database_url=options.database_url, workers=options.workers)
    try:
        # Twice as many as there are workers, one of each kind of page at least.
        http.warm(port=server.port, urls=mix[:: max(1, len(mix) // 24)] * 2)
        steps = http.open_loop(
            port=server.port, urls=mix, rates=options.http_rates, seconds=options.http_seconds
        )
        peaks = server.worker_peak_rss_kb()
    finally:
        server.stop()
    return {
        "workers": options.workers,
        "urls": len(mix),
        "steps": [s.to_dict() for s in steps],
        "pages_per_s": round(http.sustained(steps), 2),
        "max_pages_per_s": round(max((s.throughput for s in steps), default=0), 2),
        "worker_peak_rss_mb": round(max(peaks.values(), default=0) / 1024, 1),
    }


def checks(result: dict) -> dict:
    """What the smoke run asserts: every page answered, with a fixed number of SQL queries."""
    problems = []
    for kind, page in result["pages"].items():
        bad = [s for s in page["statuses"] if s != 200]
        if bad:
            problems.append(f"{kind}: HTTP status {bad}")
        if page["queries"] and max(page["queries"]) > MAX_PAGE_QUERIES:
            problems.append(
                f"{kind}: {max(page['queries'])} SQL queries (budget {MAX_PAGE_QUERIES})"
            )
    # Pages of one group run the same queries whatever they find; an empty result may skip the
    # queries that fetch the rows' details (nothing to fetch), never add any.
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in result["query_counts"]:
        groups[row["group"]].append(row)
    for group, rows in sorted(groups.items()):
        found = {r["queries"] for r in rows if r["results"] != 0}
        empty = {r["queries"] for r in rows if r["results"] == 0}
        if len(found) > 1:
            problems.append(f"{group}: SQL queries vary with the results: {sorted(found)}")
        if found and empty and max(empty) > max(found):
            problems.append(f"{group}: an empty result runs more queries ({max(empty)})")
    http_result = result.get("http")
    if http_result and not any(s["ok"] for s in http_result["steps"]):
        problems.append("http: no request answered 200")
    return {"ok": not problems, "problems": problems}


def _lookup(result: dict, dotted: str):
    group, _, name = dotted.partition(".")
    if group in result.get("pages", {}):
        return result["pages"][group].get(name)
    return (result.get(group) or {}).get(name)


def targets(result: dict) -> list[dict]:
    out = []
    for figure, limit, engines in TARGETS:
        if result["engine"] not in engines:
            continue
        value = _lookup(result, figure)
        if value is None:
            continue
        met = value >= -limit if limit < 0 else value <= limit
        out.append({"figure": figure, "value": value, "limit": abs(limit), "met": met})
    return out


def figures(result: dict) -> dict:
    """Flat `<engine>.<size>.<figure>` keys, so runs can be merged into one file."""
    prefix = f"{result['engine']}.{result['size']}"
    flat = {}
    for kind, page in result["pages"].items():
        for stat in ("p50_ms", "p95_ms", "max_ms"):
            if stat in page:
                flat[f"{prefix}.{kind}.{stat}"] = page[stat]
        flat[f"{prefix}.{kind}.queries"] = max(page["queries"], default=0)
    for kind, stats in result["engine_time"].items():
        for stat in ("p50_ms", "p95_ms", "max_ms"):
            if stat in stats:
                flat[f"{prefix}.engine.{kind}.{stat}"] = stats[stat]
    for name, value in result["ratios"].items():
        flat[f"{prefix}.ratio.{name}"] = value
    if "ingest" in result:
        flat[f"{prefix}.ingest.releases_per_s"] = result["ingest"]["releases_per_s"]
    if "http" in result:
        flat[f"{prefix}.http.pages_per_s"] = result["http"]["pages_per_s"]
    for name in ("tantivy", "datasette"):  # the yardsticks, when measured
        other = result.get(name, {})
        if "search" in other:
            flat[f"{prefix}.{name}.p50_ms"] = other["search"]["p50_ms"]
            flat[f"{prefix}.{name}.p95_ms"] = other["search"]["p95_ms"]
            flat[f"{prefix}.ratio.page_over_{name}"] = other[f"page_over_{name}"]
    flat[f"{prefix}.memory.bench_peak_rss_mb"] = result["memory"]["bench_peak_rss_mb"]
    if "gunicorn_worker_peak_rss_mb" in result["memory"]:
        flat[f"{prefix}.memory.gunicorn_worker_peak_rss_mb"] = result["memory"][
            "gunicorn_worker_peak_rss_mb"
        ]
    return flat
