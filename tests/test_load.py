"""Loading releases: each format loads, loads are idempotent, bad input changes nothing."""

import dataclasses
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from archive.cache import corpus_version
from archive.loader import load, matching, parallel
from archive.loader.extract import extract
from archive.loader.gazetteer import FIXTURES_DIR, Gazetteer
from archive.loader.load import load_releases
from archive.loader.parallel import default_workers
from archive.models import Statement
from bench.corpus import write_corpus
from tests.conftest import FIXTURE_RELEASES

pytestmark = pytest.mark.django_db

HEADER = "title: {title}\ndate: {date}\nurl: {url}\nlanguage: en\nsource: SOC Media\n\n{body}"
BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, held a meeting with "
    "France's Special Envoy to Syria, Jean-Francois Guillaume.\n"
    "Al-Bahra stressed the need to implement UN Security Council Resolution 2254.\n"
    "(Source: SOC's Media Department)"
)


def snapshot():
    """Everything a load could change, to compare before and after."""
    return sorted(
        Statement.objects.values_list("id", "title", "date", "body", "source_url", "updated")
    )


def test_fixture_releases_load_undated_with_their_addresses():
    report = load_releases(paths=[FIXTURE_RELEASES])
    assert (report.created, report.updated, report.unchanged, report.errors) == (5, 0, 0, [])
    assert Statement.objects.filter(date__isnull=True).count() == 5
    assert Statement.objects.exclude(source_url="").count() == 3
    assert Statement.objects.filter(title_derived=True).count() == 2
    assert set(Statement.objects.values_list("source_name", flat=True)) == {
        "SOC's Media Department",
        "SOC's media department",
    }


def test_each_format_loads(write_release):
    write_release("bare.txt", BODY)
    write_release(
        "header.txt",
        HEADER.format(
            title="Header release",
            date="2024-12-03",
            url="https://example.org/h",
            body=BODY.replace("France", "Germany"),
        ),
    )
    write_release(
        "bulk.jsonl",
        json.dumps(
            {
                "title": "JSON release",
                "date": "2023-05-01",
                "url": "https://example.org/j",
                "body": BODY.replace("France", "Italy"),
            }
        )
        + "\n",
    )
    report = load_releases(paths=[write_release("bare.txt", BODY).parent])
    assert report.created == 3 and report.ok
    titles = set(Statement.objects.values_list("title", flat=True))
    assert {"Header release", "JSON release"} <= titles
    bare = Statement.objects.get(title_derived=True)
    assert bare.date is None and bare.date_source == ""
    assert str(Statement.objects.get(title="JSON release").date) == "2023-05-01"


def test_loading_twice_changes_nothing(tmp_path):
    shutil.copytree(FIXTURE_RELEASES, tmp_path / "releases")
    load_releases(paths=[tmp_path / "releases"])
    before = snapshot()
    counts = [m.objects.count() for m in _entity_models()]
    report = load_releases(paths=[tmp_path / "releases"])
    assert (report.created, report.updated, report.unchanged) == (0, 0, 5)
    assert snapshot() == before
    assert [m.objects.count() for m in _entity_models()] == counts


def test_changed_file_updates_its_statement_matched_by_url(write_release):
    path = write_release(
        "a.txt",
        HEADER.format(title="First", date="2024-01-02", url="https://example.org/a", body=BODY),
    )
    load_releases(paths=[path])
    statement = Statement.objects.get()
    write_release(
        "a.txt",
        HEADER.format(
            title="First, corrected",
            date="2024-01-02",
            url="https://example.org/a",
            body=BODY + "\nA new closing paragraph.",
        ),
    )
    report = load_releases(paths=[path])
    assert (report.created, report.updated) == (0, 1)
    statement.refresh_from_db()
    assert statement.title == "First, corrected"
    assert statement.paragraphs[-1] == "A new closing paragraph."
    assert Statement.objects.count() == 1


def test_edited_bare_file_updates_its_statement_matched_by_file(write_release):
    path = write_release("bare.txt", BODY)
    load_releases(paths=[path])
    write_release("bare.txt", BODY.replace("held a meeting", "met"))
    report = load_releases(paths=[path])
    assert (report.created, report.updated) == (0, 1)
    assert "Hadi al-Bahra, met" in Statement.objects.get().body


def test_same_text_twice_in_one_run_loads_once(write_release):
    write_release("one.txt", BODY)
    report = load_releases(paths=[write_release("two.txt", BODY).parent])
    assert report.created == 1 and Statement.objects.count() == 1


def test_same_url_twice_with_different_text_is_an_error(write_release):
    url = "https://example.org/dup"
    write_release("a.txt", HEADER.format(title="A", date="2024-01-01", url=url, body=BODY))
    second = write_release(
        "b.txt", HEADER.format(title="A", date="2024-01-01", url=url, body=BODY + "\nMore.")
    )
    report = load_releases(paths=[second.parent])
    assert [str(e) for e in report.errors] == [
        f"{second}:1: same release (url {url}) as {second.parent / 'a.txt'}:1, with different text"
    ]
    assert Statement.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("undecodable.txt", b"Text\n\xc3\x28 broken\n"),
        ("binary.txt", b"\x00\x01\x02\x03binary"),
        ("empty.txt", ""),
        ("header.txt", "title: T\nauthor: X\n\nBody."),
        ("date.txt", "title: T\ndate: 31/31/2020\n\nBody."),
        ("bad.jsonl", '{"body": "fine"}\n{oops}\n'),
        ("huge.txt", "x" * (1024 * 1024 + 1)),
    ],
)
def test_one_bad_file_leaves_the_database_as_it_was(tmp_path, write_release, name, content):
    shutil.copytree(FIXTURE_RELEASES, tmp_path / "releases")
    load_releases(paths=[tmp_path / "releases"])
    before = snapshot()
    write_release(
        "releases/new.txt",
        HEADER.format(title="New", date="2024-01-01", url="https://example.org/new", body=BODY),
    )
    bad = write_release(f"releases/{name}", content)
    report = load_releases(paths=[tmp_path / "releases"])
    assert len(report.errors) == 1 and report.errors[0].path == bad
    assert str(report.errors[0]).startswith(f"{bad}:")
    assert snapshot() == before


def test_dry_run_reports_but_writes_nothing():
    report = load_releases(paths=[FIXTURE_RELEASES], dry_run=True)
    assert report.created == 5 and "would be created" in report.summary()
    assert Statement.objects.count() == 0


def test_command_prints_report_and_fails_on_errors(write_release, capsys):
    good = write_release("good.txt", BODY)
    call_command("load_releases", str(good))
    assert "1 created, 0 updated, 0 unchanged, 0 errors" in capsys.readouterr().out
    bad = write_release("bad.txt", "title: T\ndate: someday\n\nBody.")
    with pytest.raises(CommandError, match="database was left as it was"):
        call_command("load_releases", str(bad))
    assert f"{bad}:2: date 'someday' is not a date" in capsys.readouterr().err


def test_command_rejects_missing_path():
    with pytest.raises(CommandError, match="no such file"):
        call_command("load_releases", "/nonexistent/path")


def _entity_models():
    from archive import models

    return [
        models.Person,
        models.PersonAlias,
        models.Mention,
        models.Citation,
        models.OrganizationMention,
        models.PlaceMention,
        models.Meeting,
        models.Membership,
    ]


# Batches, worker processes and streaming ---------------------------------------------------------
# A large load is written in batches, extracted in worker processes and, past KEEP_IN_MEMORY
# releases, read twice. Each is forced here on a small synthetic corpus and must store exactly
# what the plain path (one batch, extraction in this process) stores.

SYNTHETIC = 60  # releases, in files of 25: a batch of 7 ends mid-file and a file mid-batch


@pytest.fixture
def reference(db):
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)


@pytest.fixture
def corpus(tmp_path):
    written = write_corpus(count=SYNTHETIC, seed=11, out=tmp_path / "corpus", per_file=25)
    return written.files


def archive_rows() -> dict[str, list]:
    """Everything a load writes, in creation order, with natural keys instead of ids."""
    from archive import models

    statement = "statement__content_hash"
    return {
        "statements": list(
            Statement.objects.order_by("id").values_list(
                "content_hash",
                "title",
                "title_derived",
                "slug",
                "date",
                "date_source",
                "language",
                "source_name",
                "source_url",
                "source_file",
                "status",
            )
        ),
        "people": list(models.Person.objects.order_by("id").values_list("name", "slug")),
        "aliases": list(
            models.PersonAlias.objects.order_by("id").values_list("person__slug", "name", "key")
        ),
        "organizations": list(
            models.Organization.objects.order_by("id").values_list("name", "slug", "kind")
        ),
        "organization aliases": list(
            models.OrganizationAlias.objects.order_by("id").values_list(
                "organization__slug", "name"
            )
        ),
        "places": list(models.Place.objects.order_by("id").values_list("name", "slug", "kind")),
        "resolutions": list(
            models.Resolution.objects.order_by("id").values_list("body", "number", "slug")
        ),
        "mentions": list(
            models.Mention.objects.order_by("id").values_list(
                statement,
                "person__slug",
                "name_as_written",
                "role",
                "organization__slug",
                "side",
                "spoke",
                "paragraph",
                "review",
            )
        ),
        "memberships": list(
            models.Membership.objects.order_by("id").values_list(
                "person__slug",
                "organization__slug",
                "role",
                "first_statement__content_hash",
                "last_statement__content_hash",
                "first_seen",
                "last_seen",
            )
        ),
        "organization mentions": list(
            models.OrganizationMention.objects.order_by("id").values_list(
                statement, "organization__slug", "as_written", "paragraph", "review"
            )
        ),
        "place mentions": list(
            models.PlaceMention.objects.order_by("id").values_list(
                statement, "place__slug", "as_written", "paragraph", "review"
            )
        ),
        "citations": list(
            models.Citation.objects.order_by("id").values_list(
                statement, "resolution__slug", "as_written", "paragraph", "review"
            )
        ),
        "meetings": list(
            models.Meeting.objects.order_by("id").values_list(
                statement, "kind", "format", "number", "date_as_written", "date", "place__slug"
            )
        ),
        "suggestions": list(
            models.MergeSuggestion.objects.order_by("id").values_list(
                "person__slug", "candidate__slug", "score", "reason"
            )
        ),
    }


def rows_of_a_fresh_load(**options) -> dict[str, list]:
    """Empty the archive, load the reference data and the given paths with `options`."""
    from archive import models

    for model in (models.Statement, models.Person, models.Organization, models.Place):
        model.objects.all().delete()
    models.Resolution.objects.all().delete()
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    report = load_releases(**options)
    assert report.ok, report.errors
    return archive_rows()


def test_batches_store_what_one_batch_stores(reference, corpus):
    whole = rows_of_a_fresh_load(paths=corpus, workers=0)
    batched = rows_of_a_fresh_load(paths=corpus, workers=0, batch_size=7)
    assert len(whole["statements"]) == SYNTHETIC and whole["mentions"] and whole["memberships"]
    assert batched == whole


def test_worker_processes_store_what_the_loader_process_stores(reference, corpus, monkeypatch):
    whole = rows_of_a_fresh_load(paths=corpus, workers=0)
    monkeypatch.setattr(load, "KEEP_IN_MEMORY", 10)  # and the write pass reads the files again
    in_workers = rows_of_a_fresh_load(paths=corpus, workers=2, batch_size=7)
    assert in_workers == whole


def test_a_small_load_extracts_in_process_and_a_large_one_in_workers():
    assert default_workers(5 * 4096, parallel_from=load.PARALLEL_FROM) == 0
    assert default_workers(10_000 * 4096, parallel_from=load.PARALLEL_FROM) >= 1


def test_error_in_the_last_file_of_a_large_load_writes_nothing(reference, corpus):
    load_releases(paths=FIXTURE_RELEASES.glob("*.txt"))
    before = snapshot()
    last = corpus[-1]
    last.write_text(last.read_text(encoding="utf-8") + "{oops}\n", encoding="utf-8")
    report = load_releases(paths=corpus, workers=2, batch_size=7)
    assert [e.path for e in report.errors] == [last] and report.created == 0
    assert snapshot() == before


def test_a_large_load_writes_what_it_checked_even_if_a_file_changes_meanwhile(
    reference, corpus, monkeypatch
):
    """A large load spools its checked releases rather than reading the files again, so a file
    broken after the check cannot slip unchecked text in, nor stop the load half-written."""
    monkeypatch.setattr(load, "KEEP_IN_MEMORY", 10)
    last = corpus[-1]
    spool_read = load.Spool.read

    def break_the_last_file_then_read(spool, skip=0):
        last.write_text("{oops}\n", encoding="utf-8")
        return spool_read(spool, skip)

    monkeypatch.setattr(load.Spool, "read", break_the_last_file_then_read)
    report = load_releases(paths=corpus, batch_size=7, workers=0)
    assert report.ok and report.created == SYNTHETIC
    assert Statement.objects.count() == SYNTHETIC


def test_a_large_load_twice_changes_nothing(reference, corpus, monkeypatch):
    monkeypatch.setattr(load, "KEEP_IN_MEMORY", 10)
    first = load_releases(paths=corpus, batch_size=7, workers=2)
    assert first.created == SYNTHETIC
    before, counts = archive_rows(), snapshot()
    extracted = []
    monkeypatch.setattr(parallel, "extract", lambda *a, **k: extracted.append(a) or None)
    again = load_releases(paths=corpus, batch_size=7, workers=0)
    assert (again.created, again.updated, again.unchanged) == (0, 0, SYNTHETIC)
    assert not extracted  # unchanged releases are not even extracted
    assert archive_rows() == before and snapshot() == counts


def test_dry_run_of_a_large_load_writes_nothing(reference, corpus):
    report = load_releases(paths=corpus, batch_size=7, workers=2, dry_run=True)
    assert report.created == SYNTHETIC
    assert Statement.objects.count() == 0


def test_progress_counts_every_release_once(corpus):
    calls = []
    load_releases(
        paths=corpus, batch_size=7, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(n, SYNTHETIC) for n in range(1, SYNTHETIC + 1)]


def test_releases_match_statements_as_they_were_before_the_run(write_release):
    """Two releases of one run can match one statement (here by URL, then by its old text), in
    batches far apart: the second is compared with the statement as the first left it."""
    url = "https://example.org/a"
    first = write_release("a.txt", HEADER.format(title="A", date="2024-01-02", url=url, body=BODY))
    load_releases(paths=[first])
    statement = Statement.objects.get()
    changed = BODY + "\nA new closing paragraph."
    write_release("a.txt", HEADER.format(title="A", date="2024-01-02", url=url, body=changed))
    for n in range(4):
        write_release(f"b{n}.txt", BODY.replace("France", f"Country {n}"))
    write_release("c.txt", BODY)  # no URL: matches the statement by the text it had
    report = load_releases(paths=[first.parent], batch_size=1)
    assert (report.created, report.updated, report.unchanged) == (4, 2, 0)
    statement.refresh_from_db()
    assert (statement.body, statement.source_url) == (BODY, "")


@pytest.mark.parametrize("releases", ["fixtures", "synthetic"])
def test_the_written_date_is_the_one_extraction_finds(releases, corpus):
    paths = [FIXTURE_RELEASES] if releases == "fixtures" else corpus
    for release in load.CheckedReleases(load.find_release_files(paths)).check([]):
        undated = dataclasses.replace(release, date=None)
        expected = extract(release.body, gazetteer=Gazetteer.from_fixtures()).release_date
        assert matching.written_date(undated) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN pending list")
def test_a_load_leaves_nothing_in_the_gin_pending_list():
    load_releases(paths=[FIXTURE_RELEASES])
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('statement_search_document_gin'::regclass)")
        assert cursor.fetchone()[0] == 0


def test_a_load_that_changes_statements_refreshes_the_archive_wide_counts(write_release):
    path = write_release("bare.txt", BODY)
    load_releases(paths=[path])
    before = corpus_version()
    write_release("bare.txt", BODY.replace("held a meeting", "met"))
    load_releases(paths=[path])  # an update: no new id, so only the hook can tell
    assert corpus_version() != before
