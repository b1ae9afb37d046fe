"""The benchmark's yardsticks: bench queries written in Tantivy's syntax, and what a run says
when a yardstick's package is missing (tests/test_bench.py has a tiny run measuring both)."""

from pathlib import Path

import pytest

from bench import comparison
from bench.queries import Query
from bench.tantivy_floor import translate


@pytest.mark.parametrize(
    "search, tantivy",
    [
        ("revolution", '+"revolut"'),  # stemmed as the archive indexes it
        ("Geneva talks", '+"geneva" +"talk"'),  # every word required
        ('"international committee"', '+"internat committe"'),
        ("nahhas OR mofomofe", '+("nahha" OR "mofomof")'),
        ("a b OR c d", '+"a" +("b" OR "c") +"d"'),  # OR binds tighter than AND
        ("transition -mipedopi", '+"transit" -"mipedopi"'),
        ('geneva -"astana talks"', '+"geneva" -"astana talk"'),
        ("-assad", '* -"assad"'),  # Tantivy refuses exclusions alone: everything but them
        ("S/RES/2254", '+"s res 2254"'),  # one term, its tokens in order
        ("Çavuşoğlu Hay’at", '+"cavusoglu" +"hayat"'),  # folded as the archive folds
        ("geneva OR -astana", '+"geneva" -"astana"'),  # an OR never reaches an exclusion
        # No field, wildcard, boost or grouping syntax: words the archive's parser reads, a
        # chunk of several words (`title:geneva`) being a phrase of them as in the archive.
        ("title:geneva body:*", '+"titl geneva" +"bodi"'),
        ("foo^2 AND (bar)", '+"foo 2" +"and" +"bar"'),
        ("*** OR", "*"),  # no searchable word: every statement, as the archive lists them
    ],
)
def test_bench_queries_become_tantivy_queries(search, tantivy):
    assert translate(search) == tantivy


def test_a_yardstick_without_its_package_is_skipped_with_a_clear_line(monkeypatch):
    monkeypatch.setattr("bench.tantivy_floor.available", lambda: False)
    monkeypatch.setattr("bench.datasette_pages.available", lambda: False)
    monkeypatch.setattr(comparison, "sqlite_file", lambda: Path("archive.sqlite3"))
    said = []
    queries = [Query("revolution", "common")]
    assert comparison.tantivy_figures(queries, {}, {}, {}, 1, said.append) == {
        "skipped": "tantivy is not installed"
    }
    assert comparison.datasette_figures(queries, {}, {}, 1, said.append) == {
        "skipped": "datasette is not installed"
    }
    assert said == [
        "tantivy: not installed, skipped (pip install -e '.[bench]')",
        "datasette: not installed, skipped (pip install -e '.[bench]')",
    ]


@pytest.mark.django_db
def test_tantivy_finds_the_statements_the_archive_finds_for_every_shape_of_query():
    pytest.importorskip("tantivy")
    from archive.models import Statement
    from bench.measure import hits
    from bench.tantivy_floor import build
    from tests.factories import StatementFactory

    StatementFactory(title="Geneva talks resume", body="Delegates met in Geneva for talks.")
    StatementFactory(title="Astana round", body="The Astana talks ended; Geneva was not named.")
    StatementFactory(title="Hay’at statement", body="Çavuşoğlu spoke of S/RES/2254 in Geneva.")
    StatementFactory(title="A draft", body="Geneva talks in a draft.", status="draft")
    searches = [
        "geneva", "geneva talks", '"geneva talks"', "astana OR hayat", "geneva -astana",
        'talks -"astana talks"', "-astana", "cavusoglu 2254", "S/RES/2254", "***",
    ]  # fmt: skip
    floor = build()
    try:
        assert floor.documents == Statement.objects.published().count() == 3
        found = {q: floor.search(translate(q)) for q in searches}
    finally:
        floor.close()
    assert {q: count for q, (_, count) in found.items()} == {q: hits(q) for q in searches}
    ids, count = found["geneva"]
    assert count == 3 and len(ids) == 3
    assert ids[0] == Statement.objects.get(title="Geneva talks resume").pk  # a title hit first
