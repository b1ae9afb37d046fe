"""The archive's search pages beside two yardsticks measured in the same run, on the same corpus.

- Tantivy (bench/tantivy_floor.py): the engine floor, what a dedicated search engine takes to
  find the ten best statements and count every match;
- Datasette (bench/datasette_pages.py, SQLite only): a generic page over the same file, with its
  search and column facets.

Each is optional: without its package (the `bench` extra) the run says so and goes on. Ratios
are per query (the archive's page p50 over the other's p50), then the median over the queries,
overall and per kind of query: the machine's load weighs on both sides of a ratio alike.
"""

from collections import defaultdict
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from django.db import connection

from . import datasette_pages, tantivy_floor
from .queries import Query
from .stats import median, summary

INSTALL = "pip install -e '.[bench]'"


def _ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("nan")


def _by_kind(queries: list[Query], ratios: dict[str, float]) -> dict[str, float]:
    kinds: dict[str, list[float]] = defaultdict(list)
    for query in queries:
        kinds[query.kind].append(ratios[query.text])
    return {kind: round(median(values), 2) for kind, values in kinds.items()}


def tantivy_figures(
    queries: list[Query],
    page_p50: dict[str, float],
    engine_p50: dict[str, float],
    found: dict[str, int],
    rounds: int,
    say: Callable[[str], None],
) -> dict:
    """Index build time and size, search p50/p95, and page / Tantivy per query and kind."""
    if not tantivy_floor.available():
        say(f"tantivy: not installed, skipped ({INSTALL})")
        return {"skipped": "tantivy is not installed"}
    say("tantivy: indexing the published statements ...")
    floor = tantivy_floor.build()
    try:
        say(f"tantivy: {rounds * tantivy_floor.REPEAT} timed passes over the queries ...")
        timed = tantivy_floor.time_searches(floor, queries, rounds)
        index = {
            "documents": floor.documents,
            "build_s": round(floor.build_seconds, 2),
            "size_mb": round(floor.size_bytes / 1024 / 1024, 2),
        }
    finally:
        floor.close()
    p50 = {q: median(row["seconds"]) for q, row in timed.items()}
    page_over = {q.text: _ratio(page_p50[q.text], p50[q.text]) for q in queries}
    return {
        "version": version("tantivy"),
        "index": index,
        "search": summary([s for row in timed.values() for s in row["seconds"]]),
        "page_over_tantivy": round(median(list(page_over.values())), 2),
        "page_over_tantivy_by_kind": _by_kind(queries, page_over),
        "engine_over_tantivy": round(
            median([_ratio(engine_p50[q.text], p50[q.text]) for q in queries]), 2
        ),
        "same_count": sum(timed[q.text]["count"] == found[q.text] for q in queries),
        "queries": {
            q.text: {
                "tantivy": timed[q.text]["tantivy"],
                "count": timed[q.text]["count"],
                "p50_ms": round(p50[q.text] * 1000, 3),
                "page_over_tantivy": page_over[q.text],
            }
            for q in queries
        },
    }


def sqlite_file() -> Path | None:
    """The file of the database being measured, if it is an SQLite file."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return None
    return Path(connection.settings_dict["NAME"]).resolve()


def datasette_figures(
    queries: list[Query],
    page_p50: dict[str, float],
    found: dict[str, int],
    rounds: int,
    say: Callable[[str], None],
) -> dict:
    """Datasette's search + facets page p50/p95, and page / Datasette per query and kind."""
    path = sqlite_file()
    if path is None:
        reason = "SQLite runs only" if connection.vendor != "sqlite" else "no database file"
        say(f"datasette: {reason}, skipped")
        return {"skipped": reason}
    if not datasette_pages.available():
        say(f"datasette: not installed, skipped ({INSTALL})")
        return {"skipped": "datasette is not installed"}
    say(f"datasette: {rounds} timed passes over the queries (in-process client) ...")
    timed = datasette_pages.time_pages(path, queries, rounds)
    p50 = {q: median(row["seconds"]) for q, row in timed.items()}
    page_over = {q.text: _ratio(page_p50[q.text], p50[q.text]) for q in queries}
    return {
        "version": version("datasette"),
        "facets": [f"{k}={v}" for k, v in [*datasette_pages.FACETS, datasette_pages.DATE_FACET]],
        "search": summary([s for row in timed.values() for s in row["seconds"]]),
        "statuses": sorted({s for row in timed.values() for s in row["statuses"]}),
        "page_over_datasette": round(median(list(page_over.values())), 2),
        "page_over_datasette_by_kind": _by_kind(queries, page_over),
        "same_count": sum(timed[q.text]["count"] == found[q.text] for q in queries),
        "queries": {
            q.text: {
                "count": timed[q.text]["count"],
                "p50_ms": round(p50[q.text] * 1000, 2),
                "page_over_datasette": page_over[q.text],
            }
            for q in queries
        },
    }


def table(result: dict) -> str:
    """Per kind of query: how many, page / Tantivy, page / Datasette (medians)."""
    floor = result.get("tantivy", {})
    side = result.get("datasette", {})
    if "search" not in floor and "search" not in side:
        return ""
    kinds = list(dict.fromkeys(q["kind"] for q in result.get("per_query", [])))
    counts = defaultdict(int)
    for q in result.get("per_query", []):
        counts[q["kind"]] += 1
    lines = [
        "| query kind | queries | page / Tantivy | page / Datasette |",
        "|---|---:|---:|---:|",
    ]
    for kind in [*kinds, "all"]:
        n = sum(counts.values()) if kind == "all" else counts[kind]
        cells = []
        for figures, name in ((floor, "page_over_tantivy"), (side, "page_over_datasette")):
            by_kind = figures.get(f"{name}_by_kind", {})
            value = figures.get(name) if kind == "all" else by_kind.get(kind)
            cells.append("-" if value is None else f"{value:,.2f}")
        lines.append(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
