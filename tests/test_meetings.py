"""The meetings page: who met whom, when and where, filtered by person, organization, place,
year and kind; letters, calls and visits shown as what they are, with their other side."""

import datetime
import re

import pytest
from django.urls import reverse

from archive.models import Meeting, Mention, Organization, Review
from tests.factories import (
    MeetingFactory,
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonFactory,
    PlaceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("archive:meeting-list")


def page(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="meeting-title"><a [^>]*>([^<]*)</a>', html)


def rows(html: str) -> list[str]:
    return re.findall(
        r'<li class="meeting">(.*?)</li>\s*(?=<li class="meeting">|</ol>)', html, re.S
    )


def text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


@pytest.fixture
def events():
    """Four events: talks in Geneva (2016), a call (2019, dated by its release), a letter to the
    Arab League, a visit to Ankara hosted by Turkey's foreign ministry."""
    soc = OrganizationFactory(name="Syrian Opposition Coalition", kind="coalition")
    un = OrganizationFactory(name="United Nations")
    switzerland = PlaceFactory(name="Switzerland", kind="country")
    geneva = PlaceFactory(name="Geneva", parent=switzerland)
    ankara = PlaceFactory(name="Ankara")
    president = PersonFactory(name="Salem al-Meslet")
    envoy = PersonFactory(name="Geir Pedersen")

    talks = StatementFactory(title="Talks in Geneva", date=datetime.date(2016, 3, 1))
    MentionFactory(statement=talks, person=president, side=Mention.Side.SOC, organization=soc)
    MentionFactory(statement=talks, person=envoy, side=Mention.Side.COUNTERPART, organization=un)
    MeetingFactory(statement=talks, place=geneva, date=datetime.date(2016, 2, 28))

    call = StatementFactory(title="A call with the envoy", date=datetime.date(2019, 6, 1))
    MentionFactory(statement=call, person=president, side=Mention.Side.SOC)
    MentionFactory(statement=call, person=envoy, side=Mention.Side.COUNTERPART)
    MeetingFactory(statement=call, kind=Meeting.Kind.PHONE_CALL)

    letter = StatementFactory(title="A letter to the Arab League", date=datetime.date(2020, 1, 5))
    MentionFactory(statement=letter, person=president, side=Mention.Side.SOC)
    league = OrganizationFactory(name="Arab League", kind=Organization.Kind.INTERGOVERNMENTAL)
    OrganizationMentionFactory(statement=letter, organization=league, paragraph=1)
    OrganizationMentionFactory(statement=letter, organization=soc, paragraph=1)
    OrganizationMentionFactory(statement=letter, organization=un, paragraph=3)
    MeetingFactory(statement=letter, kind=Meeting.Kind.LETTER)

    visit = StatementFactory(title="A visit to Ankara", date=datetime.date(2020, 7, 7))
    MentionFactory(statement=visit, person=president, side=Mention.Side.SOC)
    ministry = OrganizationFactory(name="Turkish Ministry of Foreign Affairs")
    OrganizationMentionFactory(statement=visit, organization=ministry, paragraph=1)
    MeetingFactory(statement=visit, kind=Meeting.Kind.VISIT, place=ankara)
    return locals()


def test_each_row_shows_when_where_and_who_met_whom(client, events):
    talks = next(r for r in rows(page(client)) if "Talks in Geneva" in r)
    shown = text(talks)
    assert "28 Feb 2016" in shown and "Geneva" in shown
    assert events["geneva"].get_absolute_url() in talks
    assert "Coalition Salem al-Meslet" in shown and "Met with Geir Pedersen" in shown


def test_letters_calls_and_visits_are_shown_as_what_they_are(client, events):
    html = page(client)
    shown = {title: text(row) for title, row in zip(titles(html), rows(html), strict=True)}
    letter = shown["A letter to the Arab League"]
    assert "Letter" in letter and "From Salem al-Meslet" in letter and "To Arab League" in letter
    # The Coalition's own body and a body named further down are not recipients.
    assert "United Nations" not in letter and "To Syrian Opposition Coalition" not in letter
    assert "Phone call" in shown["A call with the envoy"]
    assert "On the call Geir Pedersen" in shown["A call with the envoy"]
    visit = shown["A visit to Ankara"]
    assert "Visit" in visit and "Hosts Turkish Ministry of Foreign Affairs" in visit
    assert "Ankara" in visit


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"person": "geir-pedersen"}, {"Talks in Geneva", "A call with the envoy"}),
        ({"organization": "united-nations"}, {"Talks in Geneva", "A letter to the Arab League"}),
        ({"place": "geneva"}, {"Talks in Geneva"}),
        ({"place": "switzerland"}, {"Talks in Geneva"}),  # a place within it
        ({"year": "2016"}, {"Talks in Geneva"}),
        ({"year": "2019"}, {"A call with the envoy"}),  # dated by its release
        ({"year": "2020"}, {"A letter to the Arab League", "A visit to Ankara"}),
        ({"kind": "letter"}, {"A letter to the Arab League"}),
        (
            {"kind": ["letter", "visit"], "year": "2020"},
            {"A letter to the Arab League", "A visit to Ankara"},
        ),
        ({"person": "salem-al-meslet", "place": "ankara"}, {"A visit to Ankara"}),
        ({"person": "geir-pedersen", "kind": "phone call"}, {"A call with the envoy"}),
    ],
)
def test_filters_keep_the_events_they_name(client, events, params, expected):
    html = page(client, **params)
    assert set(titles(html)) == expected
    assert f"{len(expected)} event" in html


def test_the_filters_offer_the_values_found_in_events(client, events):
    html = page(client)
    form = re.search(r'<form class="meeting-filters".*?</form>', html, re.S).group(0)
    assert re.search(r'<option value="geir-pedersen">Geir Pedersen \(2\)</option>', form)
    assert re.search(r'<option value="geneva">Geneva \(1\)</option>', form)
    assert '<option value="2020">2020 (2)</option>' in form
    selected = page(client, place="ankara")
    assert '<option value="ankara" selected>' in selected


@pytest.mark.parametrize(
    "params",
    [{"person": "nobody"}, {"place": "<script>x</script>"}, {"year": "20x6"}, {"year": "٢٠١٦"}],
)
def test_a_filter_naming_nothing_is_reported_and_ignored(client, events, params):
    html = page(client, **params)
    assert "that filter is ignored" in html
    assert len(titles(html)) == 4
    assert "<script>x" not in html


def test_drafts_and_removed_participants_stay_out(client, events):
    draft = StatementFactory(title="A draft meeting", status="draft")
    MeetingFactory(statement=draft)
    removed = Mention.objects.get(statement=events["talks"], person=events["envoy"])
    removed.review = Review.REMOVED
    removed.save()
    html = page(client)
    assert "A draft meeting" not in html
    assert set(titles(page(client, person="geir-pedersen"))) == {"A call with the envoy"}
    talks = next(r for r in rows(html) if "Talks in Geneva" in r)
    assert "Geir Pedersen" not in talks
