"""The same searches on Datasette: its table page over the benchmark's own SQLite file.

Datasette serves the file as it is, through its in-process client (no network, no port): the
statements table, searched with the archive's own FTS5 index (`statement_fts`, which Datasette
is told about), narrowed to the published statements, with Datasette's column facets. Each
query is sent as the FTS5 expression the archive itself runs (`_searchmode=raw`), so both find
the same statements. Datasette lists them by primary key (its table search does not rank) and
counts facets on the table's own columns; the archive's facets are its entities, which
Datasette cannot facet on without a view of their own.

Facet suggestions are off and the time limits raised to the archive's statement timeout, so no
facet is left out for time and no time goes to suggesting more. Optional: the `datasette`
package comes with the `bench` extra.
"""

import asyncio
import importlib.util
import time
from pathlib import Path
from urllib.parse import urlencode

from archive.search.query import parse
from archive.search.sqlite import CONTENT_TABLE, FTS_TABLE, match_expression

from .queries import Query

PAGE_SIZE = 20  # the archive's results per page
COLUMNS = ["title", "date", "body"]  # what a result of the archive's list shows
FACETS = [("_facet", "language"), ("_facet", "date_source"), ("_facet", "source_name")]
DATE_FACET = ("_facet_date", "date")
SETTINGS = {"suggest_facets": False, "facet_time_limit_ms": 5000, "sql_time_limit_ms": 5000}


def available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def search_params(text: str) -> list[tuple[str, str]]:
    """The query string of Datasette's table page for one search, with its facets."""
    return [
        ("_search", match_expression(parse(text))),
        ("_searchmode", "raw"),
        ("status", "published"),
        *FACETS,
        DATE_FACET,
        ("_size", str(PAGE_SIZE)),
        *[("_col", column) for column in COLUMNS],
    ]


def _datasette(path: Path):
    from datasette.app import Datasette

    name = path.stem
    metadata = {
        "databases": {name: {"tables": {CONTENT_TABLE: {"fts_table": FTS_TABLE, "fts_pk": "id"}}}}
    }
    return Datasette(files=[str(path)], settings=SETTINGS, metadata=metadata), name


async def _measure(path: Path, queries: list[Query], rounds: int) -> dict:
    datasette, name = _datasette(path)
    await datasette.invoke_startup()
    urls = {q.text: f"/{name}/{CONTENT_TABLE}?{urlencode(search_params(q.text))}" for q in queries}
    timed = {}
    for query in queries:  # untimed: the count from the JSON, then the page once to warm
        data = (await datasette.client.get(urls[query.text].replace("?", ".json?", 1))).json()
        await datasette.client.get(urls[query.text])
        timed[query.text] = {
            "count": data.get("filtered_table_rows_count"),
            "seconds": [],
            "statuses": set(),
        }
    for _ in range(rounds):
        for query in queries:
            began = time.perf_counter()
            response = await datasette.client.get(urls[query.text])
            timed[query.text]["seconds"].append(time.perf_counter() - began)
            timed[query.text]["statuses"].add(response.status_code)
    for row in timed.values():
        row["statuses"] = sorted(row["statuses"])
    return timed


def time_pages(path: Path, queries: list[Query], rounds: int) -> dict:
    """{query text: {"count": n, "seconds": [...], "statuses": [...]}} of Datasette's HTML page
    for each search, from `rounds` passes over every query in turn."""
    return asyncio.run(_measure(path, queries, rounds))
