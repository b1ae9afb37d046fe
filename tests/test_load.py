"""Loading releases: each format loads, loads are idempotent, bad input changes nothing."""

import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.loader.load import load_releases
from archive.models import Statement
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
