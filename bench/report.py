"""Markdown tables of benchmark results: one column per run (engine and size)."""

ROWS = [
    # (label, how to read it from a result, unit)
    ("ingest (releases/s)", ("ingest", "releases_per_s"), ""),
    ("search p50 / p95 / max", ("pages", "search"), "ms"),
    ("common-word search p50 / p95 / max", ("pages", "search_common"), "ms"),
    ("browse p50 / p95 / max", ("pages", "browse"), "ms"),
    ("permalink p50 / p95 / max", ("pages", "permalink"), "ms"),
    ("person page p50 / p95 / max", ("pages", "person"), "ms"),
    ("organization page p50 / p95 / max", ("pages", "organization"), "ms"),
    ("resolution page p50 / p95 / max", ("pages", "resolution"), "ms"),
    ("place page p50 / p95 / max", ("pages", "place"), "ms"),
    ("meetings p50 / p95 / max", ("pages", "meetings"), "ms"),
    ("bare Django view p50 / p95", ("pages", "bare"), "ms"),
    ("search engine alone p50 / p95 / max", ("engine_time", "search"), "ms"),
    ("common-word engine alone p50 / p95 / max", ("engine_time", "search_common"), "ms"),
    ("median page / engine", ("ratios", "page_over_engine"), ""),
    ("Tantivy alone, top 10 + count p50 / p95 / max", ("tantivy", "search"), "ms"),
    ("median page / Tantivy", ("tantivy", "page_over_tantivy"), ""),
    ("Tantivy index: build (s) / size (MB)", None, ""),
    ("Datasette search + facets page p50 / p95 / max", ("datasette", "search"), "ms"),
    ("median page / Datasette", ("datasette", "page_over_datasette"), ""),
    ("median search page / all its SQL", ("ratios", "page_over_sql"), ""),
    ("median search page / bare view", ("ratios", "page_over_bare"), ""),
    ("SQL queries: search / browse / permalink", None, ""),
    ("SQL queries: person / org / resolution / place / meetings", None, ""),
    ("HTTP pages/s, p95 <= 1 s / any latency (gunicorn, 2 workers)", None, ""),
    ("peak RSS: bench process / gunicorn worker (MB)", None, ""),
]


def _timing(stats: dict | None, n: int = 3, digits: int = 1) -> str:
    if not stats or not stats.get("n"):
        return "-"
    values = [stats["p50_ms"], stats["p95_ms"], stats["max_ms"]][:n]
    return " / ".join(f"{v:,.{digits}f}" for v in values)


def _queries(result: dict, kinds: list[str]) -> str:
    pages = result.get("pages", {})
    out = []
    for kind in kinds:
        counts = pages.get(kind, {}).get("queries") or []
        out.append(
            "-" if not counts else "-".join(str(c) for c in sorted({min(counts), max(counts)}))
        )
    return " / ".join(out)


def cell(result: dict, label: str, where) -> str:
    if label.startswith("SQL queries: search"):
        return _queries(result, ["search", "browse", "permalink"])
    if label.startswith("SQL queries: person"):
        return _queries(result, ["person", "organization", "resolution", "place", "meetings"])
    if label.startswith("Tantivy index"):
        index = result.get("tantivy", {}).get("index")
        return f"{index['build_s']:,.2f} / {index['size_mb']:,.1f}" if index else "-"
    if label.startswith("HTTP"):
        h = result.get("http")
        return f"{h['pages_per_s']:,.1f} / {h.get('max_pages_per_s', 0):,.1f}" if h else "-"
    if label.startswith("peak RSS"):
        memory = result.get("memory", {})
        worker = memory.get("gunicorn_worker_peak_rss_mb", "-")
        return f"{memory.get('bench_peak_rss_mb', '-')} / {worker}"
    group, name = where
    value = result.get(group, {}).get(name)
    if isinstance(value, dict):
        # Tantivy answers in hundredths of a millisecond.
        return _timing(value, 2 if name == "bare" else 3, 2 if group == "tantivy" else 1)
    if value is None:
        return "-"
    if name == "releases_per_s":
        return f"{value:,.0f}"
    return f"{value:,.2f}" if isinstance(value, float) and value < 100 else f"{value:,.0f}"


def markdown_table(results: list[dict]) -> str:
    heads = [f"{r['engine']} {r['size']:,}" for r in results]
    lines = [
        "| figure (ms unless stated) | " + " | ".join(heads) + " |",
        "|---|" + "---:|" * len(results),
    ]
    for label, where, _ in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(r, label, where) for r in results) + " |")
    return "\n".join(lines)


def targets_table(results: list[dict]) -> str:
    lines = ["| run | figure | value | target | met |", "|---|---|---:|---:|---|"]
    for r in results:
        for t in r.get("targets", []):
            bound = ">=" if t["figure"].startswith("ingest") else "<="
            lines.append(
                f"| {r['engine']} {r['size']:,} | {t['figure']} | {t['value']:,} | "
                f"{bound} {t['limit']:,} | {'yes' if t['met'] else '**no**'} |"
            )
    return "\n".join(lines)


def _other(result: dict, name: str, query: str) -> str:
    """A yardstick's p50 (ms) for one query; "-" when it was not measured."""
    row = result.get(name, {}).get("queries", {}).get(query)
    if row is None:
        return "-"
    return f"{row['p50_ms']:,.2f}"


def per_query_table(result: dict) -> str:
    lines = [
        "| query | kind | hits | page p50 | page SQL p50 | engine p50 | page/engine "
        "| Tantivy p50 | Tantivy hits | Datasette p50 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for q in result.get("per_query", []):
        kind = f"{q['kind']} (common)" if q.get("common") else q["kind"]
        floor = result.get("tantivy", {}).get("queries", {}).get(q["q"])
        lines.append(
            f"| `{q['q']}` | {kind} | {q['hits']:,} | {q['page_p50_ms']:,.1f} | "
            f"{q['page_sql_p50_ms']:,.1f} | {q['engine_p50_ms']:,.1f} | {q['page_over_engine']} | "
            f"{_other(result, 'tantivy', q['q'])} | {floor['count'] if floor else '-'} | "
            f"{_other(result, 'datasette', q['q'])} |"
        )
    return "\n".join(lines)
