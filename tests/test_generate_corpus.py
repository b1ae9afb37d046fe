"""The synthetic benchmark corpus: deterministic, in the genre, readable by the loader's parser."""

import datetime
import json
import re
from collections import Counter

from django.core.management import call_command

from archive.loader.parse import Release, parse_file
from bench.corpus import MAX_WORDS, MIN_WORDS, CorpusGenerator, write_corpus
from bench.queries import default_queries


def test_same_seed_gives_the_same_releases_and_another_seed_others():
    first = [r.to_json() for r in CorpusGenerator(seed=7).releases(20)]
    again = [r.to_json() for r in CorpusGenerator(seed=7).releases(20)]
    other = [r.to_json() for r in CorpusGenerator(seed=8).releases(20)]
    assert first == again
    assert not set(first) & set(other)


def test_any_release_can_be_generated_without_the_ones_before_it():
    generator = CorpusGenerator(seed=3)
    assert list(generator.releases(3, start=40))[2] == generator.release(42)


def test_releases_are_marked_synthetic_sized_and_dated_as_the_genre():
    releases = list(CorpusGenerator(seed=1).releases(400))
    assert all("Synthetic" in r.source for r in releases)
    assert all(r.url.startswith("https://synthetic.invalid/") for r in releases)
    assert len({r.url for r in releases}) == 400
    assert all(MIN_WORDS <= r.words <= MAX_WORDS for r in releases)
    dates = [datetime.date.fromisoformat(r.date) for r in releases if r.date]
    assert all(2012 <= d.year <= 2026 for d in dates)
    assert 0.05 < 1 - len(dates) / len(releases) < 0.3  # some undated, some dated in the text only
    text = "\n".join(r.body for r in releases)
    assert "Syrian Opposition Coalition" in text
    assert re.search(r"Resolutions? \d{4}", text)
    assert "Bab al-Hawa" in text or "Aleppo" in text


def test_vocabulary_is_zipf_like_some_words_in_most_releases_most_words_in_few():
    releases = list(CorpusGenerator(seed=2).releases(300))
    df = Counter()
    for release in releases:
        df.update(set(re.findall(r"[a-z]+", release.body.lower())))
    shares = sorted((n / len(releases) for n in df.values()), reverse=True)
    assert sum(share > 0.5 for share in shares) >= 20
    assert shares[len(shares) // 2] < 0.02


def test_default_queries_are_forty_a_fifth_common_words():
    queries = default_queries()
    assert len(queries) >= 40
    assert sum(q.common for q in queries) == len(queries) // 5
    assert len({q.text for q in queries}) == len(queries)


def test_written_files_parse_without_error_in_both_formats(tmp_path):
    jsonl = write_corpus(count=25, seed=4, out=tmp_path / "jsonl", per_file=10)
    assert [p.name for p in jsonl.files] == [
        "synthetic-4-0000000.jsonl",
        "synthetic-4-0000010.jsonl",
        "synthetic-4-0000020.jsonl",
    ]
    parsed = [item for path in jsonl.files for item in parse_file(path)]
    assert len(parsed) == 25 and all(isinstance(item, Release) for item in parsed)
    text = write_corpus(count=3, seed=4, out=tmp_path / "txt", text=True)
    releases = [item for path in text.files for item in parse_file(path)]
    assert all(
        isinstance(item, Release) and item.title and not item.title_derived for item in releases
    )
    assert [r.body for r in releases] == [r.body for r in parsed[:3]]


def test_command_writes_json_lines(tmp_path, capsys):
    call_command("generate_corpus", "--count", "12", "--seed", "5", "--out", str(tmp_path))
    lines = (tmp_path / "synthetic-5-0000000.jsonl").read_text().splitlines()
    assert len(lines) == 12
    assert set(json.loads(lines[0])) == {"title", "date", "url", "language", "source", "body"}
    assert "12 releases" in capsys.readouterr().out
