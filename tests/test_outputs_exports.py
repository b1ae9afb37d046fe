"""Exports: every list as Atom, CSV and JSON, read back with real parsers."""

import csv
import datetime
import io
import json
import re

import feedparser
import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from archive import export_slots
from archive.views import exports
from tests.factories import PlaceFactory, PlaceMentionFactory, StatementFactory
from tests.outputs_data import HOSTILE_TITLE, hostile_statement, rich_statement

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")
CSV = reverse("archive:statement-export")
JSON = reverse("archive:statement-export-json")
FEED = reverse("archive:statement-feed")
API = "/api/v1/statements"


def read_csv(response):
    assert response.streaming
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def read_json(response):
    assert response.streaming
    return json.loads(b"".join(response.streaming_content))


def listed_ids(client, params) -> list[int]:
    page = client.get(LIST, params).content.decode()
    return [int(n) for n in re.findall(r'class="result-title"><a href="/statements/(\d+)/', page)]


def test_csv_has_a_bom_every_fact_column_and_a_filename_naming_the_query(client):
    statement = rich_statement()
    response = client.get(CSV, {"q": "envoy", "place": "geneva", "page": "2"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="statements-place-geneva-q-envoy.csv"' in response["Content-Disposition"]
    [row] = read_csv(response)
    assert row["id"] == str(statement.pk)
    assert row["permalink"] == f"http://testserver{statement.get_absolute_url()}"
    assert row["title"] == statement.title
    assert row["date"] == "2021-05-04"
    assert row["language"] == "en"
    assert row["original_url"] == statement.source_url
    assert row["event_kind"] == "meeting"
    assert row["event_date"] == "2021-05-03"
    assert row["event_place"] == "Geneva"
    assert row["coalition_delegation"] == "Hadi al-Bahra (President, Syrian Opposition Coalition)"
    assert row["counterparts"] == "Geir Pedersen (UN Special Envoy, United Nations)"
    assert row["speakers"] == "Geir Pedersen"
    assert row["organizations"] == "United Nations"
    assert row["places"] == "Geneva"
    assert row["resolutions"] == "UNSC 2254"


def test_an_export_without_filters_is_named_statements_all(client):
    StatementFactory()
    assert 'filename="statements-all.json"' in client.get(JSON)["Content-Disposition"]


def test_json_export_carries_the_same_facts_nested(client):
    statement = rich_statement()
    document = read_json(client.get(JSON, {"place": "geneva"}))
    assert document["version"] == "1"
    assert document["truncated"] is False
    [item] = document["statements"]
    assert item["id"] == statement.pk
    assert item["event"] == {
        "kind": "meeting",
        "date": "2021-05-03",
        "date_as_written": "Monday",
        "place": "Geneva",
    }
    assert [(p["name"], p["side"], p["role"]) for p in item["people"]] == [
        ("Hadi al-Bahra", "soc", "President"),
        ("Geir Pedersen", "counterpart", "UN Special Envoy"),
    ]
    assert item["resolutions"][0]["identifier"] == "UNSC 2254"
    assert item["synthetic"] is False


@pytest.mark.parametrize(
    "formula",
    ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "  =cmd", " -1"],
)
def test_every_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(client, formula):
    StatementFactory(title=formula, source_name=formula)
    [row] = read_csv(client.get(CSV))
    assert row["title"] == "'" + formula
    assert row["issued_by"] == "'" + formula


def test_ordinary_cells_are_left_as_they_are(client):
    StatementFactory(title="Coalition’s statement on Idlib (é)")
    [row] = read_csv(client.get(CSV))
    assert row["title"] == "Coalition’s statement on Idlib (é)"


def test_hostile_text_survives_csv_json_and_the_feed(client):
    statement = hostile_statement()
    [row] = read_csv(client.get(CSV))
    assert row["title"] == "'" + HOSTILE_TITLE
    [item] = read_json(client.get(JSON))["statements"]
    assert item["title"] == HOSTILE_TITLE
    feed = feedparser.parse(client.get(FEED).content)
    assert not feed.bozo, feed.get("bozo_exception")
    [entry] = feed.entries
    assert entry.title == HOSTILE_TITLE.replace("\x07", "\ufffd")
    assert entry.link == f"http://testserver{statement.get_absolute_url()}"


def test_the_feed_parses_and_names_the_coalition_as_author(client):
    statement = rich_statement()
    feed = feedparser.parse(client.get(FEED, {"place": "geneva"}).content)
    assert not feed.bozo
    [entry] = feed.entries
    assert entry.title == statement.title
    assert entry.author == "Syrian Opposition Coalition"
    assert entry.published.startswith("2021-05-04")


@pytest.mark.parametrize(
    "params",
    [
        {"place": "geneva", "sort": "oldest"},
        {"q": "Geneva talks", "sort": "oldest"},
        {"q": "Geneva", "year": "2020", "sort": "newest"},
    ],
    ids=["place", "search", "search and year"],
)
def test_the_same_filter_gives_the_same_statements_on_the_page_and_every_output(client, params):
    geneva = PlaceFactory(name="Geneva", slug="geneva")
    inside = [
        StatementFactory(
            title=f"Talks in Geneva {n}",
            body=f"Geneva talks, round {n}.",
            date=datetime.date(2020, 3, 1 + n),
        )
        for n in range(3)
    ]
    for statement in inside:
        PlaceMentionFactory(statement=statement, place=geneva)
    StatementFactory(title="Elsewhere", body="Nothing of the kind.")
    StatementFactory(title="Talks in Geneva, a draft", body="Geneva talks.", status="draft")
    expected = listed_ids(client, params)
    assert sorted(expected) == [s.pk for s in inside]
    assert [int(r["id"]) for r in read_csv(client.get(CSV, params))] == expected
    assert [s["id"] for s in read_json(client.get(JSON, params))["statements"]] == expected
    assert [s["id"] for s in client.get(API, params).json()["results"]] == expected
    feed = feedparser.parse(client.get(FEED, params).content)
    assert sorted(int(e.link.split("/")[4]) for e in feed.entries) == sorted(expected)


def test_anonymous_exports_stop_at_the_row_limit_and_point_to_the_bulk_file(client, monkeypatch):
    monkeypatch.setattr(exports, "ANONYMOUS_ROWS", 2)
    for _ in range(3):
        StatementFactory()
    response = client.get(JSON)
    assert response["X-Row-Limit"] == "2"
    assert reverse("archive:data") in response["Link"]
    document = read_json(response)
    assert len(document["statements"]) == 2
    assert document["truncated"] is True
    assert document["more"] == f"http://testserver{reverse('archive:data')}"
    assert len(read_csv(client.get(CSV))) == 2


def test_signed_in_users_export_every_row(client, monkeypatch):
    monkeypatch.setattr(exports, "ANONYMOUS_ROWS", 2)
    for _ in range(3):
        StatementFactory()
    client.force_login(User.objects.create_user("researcher"))
    assert len(read_csv(client.get(CSV))) == 3
    assert read_json(client.get(JSON))["truncated"] is False


def test_an_export_while_every_slot_streams_is_told_to_retry_later(client):
    StatementFactory()
    taken = [export_slots.take() for _ in range(export_slots.SLOTS)]
    try:
        response = client.get(CSV)
        assert response.status_code == 503
        assert response["Retry-After"] == str(export_slots.RETRY_AFTER)
    finally:
        for slot in taken:
            slot.release()
    assert client.get(CSV).status_code == 200


def test_a_slot_is_given_back_when_the_export_ends_or_is_never_read(client):
    StatementFactory()
    read_csv(client.get(CSV))
    unread = client.get(JSON)
    unread.close()
    assert export_slots.take() is not None


def test_exports_read_the_rows_a_chunk_at_a_time(client, monkeypatch, django_assert_num_queries):
    """The statements are read a chunk at a time, each chunk's facts with one query per kind
    (people, organizations, places, citations and their resolutions, events): the queries grow
    with the chunks, memory holds one chunk."""
    from archive import records

    monkeypatch.setattr(records, "CHUNK", 2)
    for _ in range(6):
        rich_statement()
    response = client.get(CSV)
    with django_assert_num_queries(1 + 3 * 6):
        rows = read_csv(response)
    assert len(rows) == 6
    assert {r["resolutions"] for r in rows} == {"UNSC 2254"}


def test_the_bulk_file_holds_every_published_statement_in_the_export_format(tmp_path, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setattr(exports, "ANONYMOUS_ROWS", 1)
    statements = [rich_statement(), rich_statement()]
    StatementFactory(status="draft")
    out = tmp_path / "archive.csv"
    call_command("export_statements", "--base-url", "https://archive.example.org/", "--out", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [int(r["id"]) for r in rows] == [s.pk for s in statements]
    assert rows[0]["permalink"] == f"https://archive.example.org{statements[0].get_absolute_url()}"
    out = tmp_path / "archive.json"
    call_command(
        "export_statements", "--base-url", "https://a.example", "--format", "json", "--out", out
    )
    document = json.loads(out.read_text())
    assert len(document["statements"]) == 2 and document["truncated"] is False
