"""The same files give the same report and the same archive on SQLite and on PostgreSQL, and an
archive built on SQLite moves to PostgreSQL with `dumpdata` / `loaddata`.

Both engines run here whichever one the suite runs on: each in `manage.py` processes against a
scratch database (skipped only when no PostgreSQL server answers)."""

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_RELEASES
from tests.scratch import canonical_dump, manage, postgres_url, prepared, scratch_database

pytestmark = pytest.mark.skipif(postgres_url() is None, reason="no PostgreSQL server answers")

BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, met the UN Special "
    "Envoy for Syria, Geir Pedersen, in Geneva.\n"
    "They discussed UN Security Council Resolution 2254.\n"
    "(Source: SOC's Media Department)"
)


def header(*, title="A title", date="2024-03-01", url="", source="SOC", body=BODY) -> str:
    return f"title: {title}\ndate: {date}\nurl: {url}\nsource: {source}\n\n{body}"


def jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(record).encode("ascii") + b"\n" for record in records)


HOSTILE = {
    "late-nul.txt": header(body=BODY + "\n" + "Padding. " * 1200 + "\nNUL \x00 here."),
    "nul.jsonl": jsonl({"body": "NUL \u0000 in JSON", "title": "T"}),
    "surrogate.jsonl": b'{"body": "lone \\ud800 surrogate", "title": "T"}\n',
    "long-url.txt": header(url="https://example.org/" + "u" * 481),
    "long-source.jsonl": jsonl({"body": BODY, "source": "S" * 201}),
    "long-title.jsonl": jsonl({"body": BODY, "title": "T" * 301}),
    "control.txt": header(title="Bell \x07 in a title"),
    "c1.jsonl": jsonl({"body": "C1 \u009b control", "title": "T"}),
    "year-one.txt": header(date="0001-01-01"),
    "year-9999.jsonl": jsonl({"body": BODY, "date": "9999-12-31"}),
    "javascript.txt": header(url="javascript:alert(1)"),
}
TRICKY = {
    "unicode.txt": header(
        title="سوريا — «Ünïcödé» 😀 e\u0301",
        url="https://example.org/%D8%B3?x=1&y=2",
        source="S" * 200,
        body="Tabs\tand RTL \u200f marks, <b>markup</b> &amp; entities.\n" + BODY,
    ),
    "longest.jsonl": jsonl(
        {"body": BODY, "title": "T" * 300, "url": "https://example.org/" + "u" * 480},
        {"body": BODY.replace("Geneva", "Istanbul"), "date": "1900-01-01"},
    ),
}


def write(directory: Path, files: dict) -> Path:
    directory.mkdir()
    for name, content in files.items():
        path = directory / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return directory


def load_on(database_url: str, hostile: Path, good: list[Path]) -> tuple[list[str], list[dict]]:
    """The report of loading the hostile files, then the archive after loading the good ones."""
    refused = manage(database_url, "load_releases", str(hostile), check=False)
    assert refused.returncode != 0
    manage(database_url, "load_releases", *map(str, good))
    return refused.stderr.splitlines(), canonical_dump(database_url)


def test_same_files_same_report_and_same_archive_on_both_engines(tmp_path):
    hostile = write(tmp_path / "hostile", HOSTILE)
    good = [write(tmp_path / "tricky", TRICKY), FIXTURE_RELEASES]
    with (
        scratch_database(tmp_path, "sqlite") as lite,
        scratch_database(tmp_path, "postgresql") as pg,
    ):
        sqlite_report, sqlite_rows = load_on(prepared(lite), hostile, good)
        postgres_report, postgres_rows = load_on(prepared(pg), hostile, good)

    reported = [line for line in sqlite_report if line.startswith(str(hostile))]
    assert sorted({line.split(":", 1)[0] for line in reported}) == sorted(
        str(hostile / name) for name in HOSTILE
    )
    assert postgres_report == sqlite_report
    assert len(postgres_rows) == len(sqlite_rows)
    for postgres_row, sqlite_row in zip(postgres_rows, sqlite_rows, strict=True):
        assert postgres_row == sqlite_row
    statements = [row for row in sqlite_rows if row["model"] == "archive.statement"]
    assert len(statements) == 8 and any("😀" in row["fields"]["title"] for row in statements)


def test_an_archive_built_on_sqlite_loads_into_postgresql(tmp_path):
    good = [write(tmp_path / "tricky", TRICKY), FIXTURE_RELEASES]
    dump = tmp_path / "archive.json"
    with (
        scratch_database(tmp_path, "sqlite") as lite,
        scratch_database(tmp_path, "postgresql") as pg,
    ):
        manage(prepared(lite), "load_releases", *map(str, good))
        manage(lite, "dumpdata", "archive", "--exclude", "archive.loadrun", "-o", str(dump))
        manage(pg, "migrate", "--no-input", "-v", "0")
        manage(pg, "loaddata", str(dump), "-v", "0")
        assert canonical_dump(pg) == canonical_dump(lite)
