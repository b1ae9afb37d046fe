"""Index pages of people, organizations, places and resolutions."""

import datetime
import re

import pytest

from archive.models import Review, Statement
from tests.factories import (
    CitationFactory,
    MembershipFactory,
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


def rows(client, url, params=None):
    """(name, count, years) of each row of the index table."""
    page = client.get(url, params or {})
    assert page.status_code == 200
    html = page.content.decode()
    found = re.findall(
        r'<th scope="row"><a href="[^"]+">([^<]+)</a>.*?</th>\s*<td class="num">(\d+)</td>\s*'
        r"<td>(.*?)</td>",
        html,
        re.S,
    )
    return [(name, int(n), re.sub(r"<[^>]+>", "", years).strip()) for name, n, years in found]


def mention(person, year, **fields):
    statement = StatementFactory(date=datetime.date(year, 3, 1), **fields)
    return MentionFactory(statement=statement, person=person)


def test_people_show_their_statement_count_and_years_from_published_statements_only(client):
    bahra, envoy = PersonFactory(name="Hadi al-Bahra"), PersonFactory(name="Geir Pedersen")
    mention(bahra, 2016)
    mention(bahra, 2021)
    mention(bahra, 2024, status=Statement.Status.DRAFT)
    mention(envoy, 2019)
    removed = mention(envoy, 2012)
    removed.review = Review.REMOVED
    removed.save()
    PersonFactory(name="Aaron Reference-Only")
    assert rows(client, "/people/") == [
        ("Geir Pedersen", 1, "2019"),
        ("Hadi al-Bahra", 2, "2016–2021"),
    ]


def test_people_sort_by_number_of_statements(client):
    bahra, envoy = PersonFactory(name="Hadi al-Bahra"), PersonFactory(name="Geir Pedersen")
    mention(bahra, 2016)
    mention(bahra, 2017)
    mention(envoy, 2019)
    assert [r[0] for r in rows(client, "/people/", {"sort": "count"})] == [
        "Hadi al-Bahra",
        "Geir Pedersen",
    ]


def test_people_filter_by_first_letter_and_by_role(client):
    bahra, envoy = PersonFactory(name="Hadi al-Bahra"), PersonFactory(name="Geir Pedersen")
    mention(bahra, 2016)
    mention(envoy, 2019)
    MembershipFactory(person=bahra, role="President")
    assert [r[0] for r in rows(client, "/people/", {"letter": "h"})] == ["Hadi al-Bahra"]
    assert [r[0] for r in rows(client, "/people/", {"role": "President"})] == ["Hadi al-Bahra"]
    assert len(rows(client, "/people/", {"role": "<script>", "letter": "ÿÿ"})) == 2


def test_organizations_and_places_filter_by_kind(client):
    statement = StatementFactory(date=datetime.date(2020, 1, 1))
    OrganizationMentionFactory(
        statement=statement, organization=OrganizationFactory(name="UN", kind="un")
    )
    OrganizationMentionFactory(
        statement=statement, organization=OrganizationFactory(name="Turkey", kind="government")
    )
    PlaceMentionFactory(statement=statement, place=PlaceFactory(name="Idlib", kind="city"))
    PlaceMentionFactory(statement=statement, place=PlaceFactory(name="Syria", kind="country"))
    assert [r[0] for r in rows(client, "/organizations/", {"kind": "un"})] == ["UN"]
    assert [r[0] for r in rows(client, "/places/", {"kind": "country"})] == ["Syria"]


def test_resolutions_list_by_body_and_number_with_undated_statements(client):
    CitationFactory(
        statement=StatementFactory(date=None), resolution=ResolutionFactory(number="2254")
    )
    CitationFactory(
        statement=StatementFactory(date=datetime.date(2020, 6, 1)),
        resolution=ResolutionFactory(number="2118", year=2013),
    )
    assert rows(client, "/resolutions/") == [
        ("UNSC Resolution 2118 (2013)", 1, "2020"),
        ("UNSC Resolution 2254 (2015)", 1, "undated"),
    ]
    assert [r[0] for r in rows(client, "/resolutions/", {"kind": "UNGA"})] == []


def test_hostile_parameters_on_index_pages_never_fail(client):
    from tests.test_pages_hostile import HOSTILE

    mention(PersonFactory(), 2020)
    for url in ("/people/", "/organizations/", "/places/", "/resolutions/"):
        for value in HOSTILE:
            params = {"letter": value, "kind": value, "role": value, "sort": value, "page": value}
            assert client.get(url, params).status_code == 200, (url, value[:40])
