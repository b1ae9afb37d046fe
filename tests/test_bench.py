"""The benchmark harness runs end to end on a tiny corpus and reports SQL query counts.

No timing is asserted anywhere: times depend on the machine; completion and query counts do not.
"""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from archive.models import Statement
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


@pytest.mark.django_db
def test_bench_loads_a_tiny_corpus_and_measures_every_page(tmp_path, capsys):
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
        "ratios.page_over_engine", "ratios.page_over_sql", "search.p95_ms"
    }  # fmt: skip
    assert "| figure (ms unless stated) |" in capsys.readouterr().out


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
