"""Hostile input: query strings never make an error page, and release text never becomes markup."""

import random

import pytest
from django.urls import reverse

from archive.models import Mention
from bench.hostile import HOSTILE, PARAMS, random_strings
from tests.factories import (
    CitationFactory,
    MeetingFactory,
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonFactory,
    PlaceFactory,
    PlaceMentionFactory,
    ResolutionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")
SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
EVIL = f"Evil {SCRIPT} and {IMG}"


@pytest.fixture
def evil_archive():
    statement = StatementFactory(title=EVIL, body=f"First {SCRIPT} paragraph.\nSecond {IMG} one.")
    person = PersonFactory(name=f"Person {SCRIPT}")
    MentionFactory(
        statement=statement,
        person=person,
        name_as_written=IMG,
        role=SCRIPT,
        side=Mention.Side.COUNTERPART,
    )
    OrganizationMentionFactory(
        statement=statement, organization=OrganizationFactory(name=f"Org {IMG}"), as_written=SCRIPT
    )
    PlaceMentionFactory(
        statement=statement, place=PlaceFactory(name=f"Place {SCRIPT}"), as_written=IMG
    )
    CitationFactory(
        statement=statement,
        resolution=ResolutionFactory(title=SCRIPT, symbol=IMG),
        as_written=SCRIPT,
    )
    MeetingFactory(statement=statement, date_as_written=SCRIPT)
    return statement


def test_several_hundred_random_and_hostile_query_strings_never_fail(client):
    StatementFactory(title="The ceasefire", body="A political transition.\nSecond paragraph.")
    values = HOSTILE + list(random_strings(300))
    rng = random.Random(4)
    for n, value in enumerate(values):
        param = PARAMS[n % len(PARAMS)] if n % 3 else "q"
        extra = {rng.choice(PARAMS): rng.choice(values)}
        response = client.get(LIST, {param: value, **extra})
        assert response.status_code == 200, (param, value[:80])


def test_hostile_strings_on_csv_feed_and_meetings_never_fail(client):
    StatementFactory()
    for value in HOSTILE:
        for name in ("statement-export", "statement-feed", "meeting-list"):
            response = client.get(
                reverse(f"archive:{name}"), {"q": value, "kind": value, "page": value}
            )
            assert response.status_code == 200, (name, value[:80])
            if response.streaming:  # read to the end, as a download would be
                b"".join(response.streaming_content)


def test_hostile_highlight_on_the_permalink_never_fails(client):
    statement = StatementFactory()
    for value in HOSTILE + list(random_strings(50)):
        assert client.get(statement.get_absolute_url(), {"q": value}).status_code == 200


def assert_escaped(page: str):
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page


def test_release_text_is_escaped_on_the_list(client, evil_archive):
    assert_escaped(client.get(LIST).content.decode())
    assert_escaped(client.get(LIST, {"q": "evil"}).content.decode())
    assert_escaped(client.get(LIST, {"q": "first paragraph"}).content.decode())


def test_release_text_is_escaped_on_the_permalink(client, evil_archive):
    assert_escaped(client.get(evil_archive.get_absolute_url()).content.decode())
    assert_escaped(
        client.get(evil_archive.get_absolute_url(), {"q": "script alert"}).content.decode()
    )


def test_release_text_is_escaped_on_entity_pages_and_home(client, evil_archive):
    urls = ["/", reverse("archive:meeting-list")]
    urls += [m.person.get_absolute_url() for m in evil_archive.mentions.all()]
    urls += [m.organization.get_absolute_url() for m in evil_archive.organization_mentions.all()]
    urls += [m.place.get_absolute_url() for m in evil_archive.place_mentions.all()]
    urls += [c.resolution.get_absolute_url() for c in evil_archive.citations.all()]
    for url in urls:
        assert_escaped(client.get(url).content.decode())


def test_hostile_query_is_escaped_where_it_is_echoed(client):
    StatementFactory()
    page = client.get(LIST, {"q": SCRIPT, "person": IMG}).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
