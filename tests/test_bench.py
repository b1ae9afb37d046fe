"""The benchmark harness runs end to end on a tiny corpus and reports SQL query counts.

No timing is asserted anywhere: times depend on the machine; completion and query counts do not.
"""

import json
import sqlite3

import pytest
from django.core.management import call_command
from django.db import connection

from archive.models import Statement
from bench import comparison
from bench.stats import percentile, summary

QUERIES = """\
# kind<TAB>query: a few of each shape keep the test quick (the default set has 40)
common\trevolution
medium\tbimagi
rare\tzirapa
phrase\t"international committee"
or\tnahhas OR mofomofe
exclude\ttransition -mipedopi
"""


def _sqlite_file_copy(tmp_path):
    """Datasette serves a file; the test database lives in memory, so it gets a copy (of
    committed rows: a backup waits for no transaction to be open on its source)."""

    def copy():
        path = tmp_path / "archive.sqlite3"
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return path

    return copy


# Committed rows: Datasette reads a copy of the database (see _sqlite_file_copy).
@pytest.mark.django_db(transaction=True)
def test_bench_loads_a_tiny_corpus_and_measures_every_page(tmp_path, capsys, monkeypatch):
    if connection.vendor == "sqlite":
        monkeypatch.setattr(comparison, "sqlite_file", _sqlite_file_copy(tmp_path))
    out = tmp_path / "bench.json"
    queries = tmp_path / "queries.txt"
    queries.write_text(QUERIES)
    call_command(
        "bench", "--size", "40", "--seed", "3", "--rounds", "1", "--no-http", "--check",
        "--queries", str(queries), "--json", str(out),
    )  # fmt: skip
    result = json.loads(out.read_text())

    assert result["size"] == 40 and result["engine"] == connection.vendor
    assert Statement.objects.count() == result["statements"] == 40
    assert result["ingest"]["created"] == 40
    for kind in ("search", "search_common", "browse", "permalink", "meetings", "bare"):
        page = result["pages"][kind]
        assert page["n"] > 0 and page["statuses"] == [200], kind
        assert page["queries"], kind
    assert result["pages"]["bare"]["queries"] == [0]
    assert all(result["pages"][k]["queries"][0] > 0 for k in ("search", "browse", "permalink"))
    assert result["checks"] == {"ok": True, "problems": []}
    assert [q["kind"] for q in result["per_query"]] == [
        "common", "medium", "rare", "phrase", "or", "exclude"
    ]  # fmt: skip
    assert {row["group"] for row in result["query_counts"]} >= {"search[q]", "browse[]"}
    assert f"{connection.vendor}.40.search.p95_ms" in result["figures"]
    # A page takes at least as long as the SQL it runs (timed inside it).
    assert result["ratios"]["page_over_sql"] >= 1
    assert {t["figure"] for t in result["targets"]} >= {
        "search.p50_ms", "search.p95_ms", "browse.p95_ms", "permalink.p95_ms", "person.p95_ms"
    }  # fmt: skip
    printed = capsys.readouterr().out
    assert "| figure (ms unless stated) |" in printed
    assert_yardsticks(result, printed)


def assert_yardsticks(result: dict, printed: str) -> None:
    """Tantivy and Datasette (SQLite only) measured on the run's corpus, when installed: each
    query matched the same statements as the archive's search, and the ratios are reported
    per kind of query; without a package, the run says it skipped it."""
    kinds = ["common", "medium", "rare", "phrase", "or", "exclude"]
    floor, side = result["tantivy"], result["datasette"]
    if not comparison.tantivy_floor.available():
        assert floor == {"skipped": "tantivy is not installed"}
    else:
        assert floor["index"]["documents"] == 40 and floor["index"]["size_mb"] > 0
        assert floor["search"]["n"] > 0
        assert floor["same_count"] == len(kinds)
        assert list(floor["page_over_tantivy_by_kind"]) == kinds
        assert f"{connection.vendor}.40.ratio.page_over_tantivy" in result["figures"]
        assert "| query kind | queries | page / Tantivy | page / Datasette |" in printed
    if connection.vendor != "sqlite":
        assert side == {"skipped": "SQLite runs only"}
    elif not comparison.datasette_pages.available():
        assert side == {"skipped": "datasette is not installed"}
    else:
        assert side["statuses"] == [200] and side["search"]["n"] == len(kinds)
        assert side["same_count"] == len(kinds)
        assert list(side["page_over_datasette_by_kind"]) == kinds
        assert "sqlite.40.ratio.page_over_datasette" in result["figures"]


@pytest.mark.django_db
def test_bench_refuses_to_load_into_a_database_that_has_statements():
    from tests.factories import StatementFactory

    StatementFactory()
    with pytest.raises(Exception, match="--scratch"):
        call_command("bench", "--size", "5", "--no-http")


def test_percentiles_are_nearest_rank():
    values = [0.001 * n for n in range(1, 101)]
    assert percentile(values, 50) == pytest.approx(0.050)
    assert percentile(values, 95) == pytest.approx(0.095)
    assert summary(values)["max_ms"] == pytest.approx(100)
    assert summary([]) == {"n": 0}
