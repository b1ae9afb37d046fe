"""Who said it, in which role: the role held at a statement's date, as a filter and a facet.

"Every statement where the Coalition's president cited Resolution 2254" is one search and two
filters, whoever the president was at each statement's date: the roles over time are derived
from the statements (archive.editing.rebuild_memberships), never read from the words.
"""

import csv
import datetime
import html as htmllib
import io
import re

import pytest
from django.urls import reverse

from archive import corpus_index
from archive.editing import rebuild_memberships, withdraw
from archive.models import Membership, Person, Review, Statement
from archive.roles import role_key, role_label
from tests.factories import (
    MentionFactory,
    OrganizationFactory,
    PersonFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")
API = "/api/v1/statements"
PRESIDENT = "president-of-soc"


def _statement(title, date, *mentions, status=Statement.Status.PUBLISHED, cites=True):
    """A statement whose text cites 2254 (or not), with mentions (person, spoke, role as written,
    review)."""
    body = "The Coalition called for the full implementation of Resolution 2254."
    if not cites:
        body = "The Coalition called for the release of detainees under Resolution 2118."
    statement = StatementFactory(title=title, body=body, date=date, status=status)
    for person, spoke, role, *review in mentions:
        mention = MentionFactory(
            statement=statement,
            person=person,
            spoke=spoke,
            role=role,
            organization=person.soc if role else None,
        )
        if review:
            mention.review = review[0]
            mention.save()
    return statement


@pytest.fixture
def presidents():
    """Three presidents in turn, a vice-president and a member; the statements a researcher must
    get back are titled "Yes ..."."""
    soc = OrganizationFactory(name="Syrian Opposition Coalition", abbreviation="SOC", slug="soc")
    khoja, hariri, bahra = (
        PersonFactory(name=n) for n in ("Khaled Khoja", "Nasr Hariri", "Hadi Bahra")
    )
    deputy, member = PersonFactory(name="A Vice"), PersonFactory(name="A Member")
    for person in (khoja, hariri, bahra, deputy, member):
        person.soc = soc
    d = datetime.date
    _statement("Yes Khoja, titled", d(2015, 5, 1), (khoja, True, "President"))
    _statement("Yes Khoja, in his span untitled", d(2015, 9, 1), (khoja, True, ""))
    _statement("No Khoja, other resolution", d(2016, 3, 1), (khoja, True, "President"), cites=False)
    _statement("No vice-president", d(2016, 1, 1), (deputy, True, "Vice President"))
    _statement("Yes Hariri", d(2017, 3, 1), (hariri, True, "President"))
    _statement(
        "No member quoting the president",
        d(2017, 6, 1),
        (member, True, "Member"),
        (hariri, False, ""),
    )
    _statement("No removed mention", d(2017, 9, 1), (hariri, True, "", Review.REMOVED))
    _statement("No former president", d(2018, 2, 1), (khoja, True, ""))
    _statement("Yes Hariri again", d(2018, 3, 1), (hariri, True, "President"))
    _statement("No draft", d(2019, 4, 1), (bahra, True, "President"), status="draft")
    _statement("Yes Bahra", d(2020, 1, 1), (bahra, True, "President"))
    _statement("Yes undated, titled", None, (hariri, True, "President"))
    _statement("No undated, untitled", None, (khoja, True, ""))
    rebuild_memberships(Person.objects.values_list("pk", flat=True))
    return {"khoja": khoja, "hariri": hariri, "bahra": bahra}


WANTED = {
    "Yes Khoja, titled",
    "Yes Khoja, in his span untitled",
    "Yes Hariri",
    "Yes Hariri again",
    "Yes Bahra",
    "Yes undated, titled",
}


def _titles(response) -> set[str]:
    return {statement.title for statement in response.context["page"].object_list}


def _facet(response, name: str) -> dict[str, int]:
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {value.key: value.count for value in facet.values}


def test_the_roles_over_time_come_from_published_statements_only(presidents):
    spans = {
        m.person.name: (m.first_seen, m.last_seen)
        for m in Membership.objects.filter(role="President")
    }
    # The draft's 2019 statement does not stretch Bahra's span; undated statements have none.
    assert spans == {
        "Khaled Khoja": (datetime.date(2015, 5, 1), datetime.date(2016, 3, 1)),
        "Nasr Hariri": (datetime.date(2017, 3, 1), datetime.date(2018, 3, 1)),
        "Hadi Bahra": (datetime.date(2020, 1, 1), datetime.date(2020, 1, 1)),
    }


def test_the_research_question_is_one_search_and_two_clicks(client, presidents):
    searched = client.get(LIST, {"q": "2254"})
    assert len(_titles(searched)) == 11  # every published statement citing it
    # The role facet counts the statements where someone holding the role then is named.
    assert _facet(searched, "role")[PRESIDENT] == len(WANTED) + 1
    role_link = next(
        v
        for f in searched.context["facets"]
        if f.name == "role"
        for v in f.values
        if v.key == PRESIDENT
    )
    with_role = client.get(LIST + role_link.href)
    assert _titles(with_role) == WANTED | {"No member quoting the president"}
    spoke_as = _facet(with_role, "spoke_as")[PRESIDENT]
    assert spoke_as == len(WANTED)
    spoke_link = next(
        v
        for f in with_role.context["facets"]
        if f.name == "spoke_as"
        for v in f.values
        if v.key == PRESIDENT
    )
    answered = client.get(LIST + spoke_link.href)
    assert _titles(answered) == WANTED
    assert answered.context["page"].paginator.count == spoke_as
    chips = [(chip.label, chip.value) for chip in answered.context["chips"]]
    assert ("Role held then", "President, Syrian Opposition Coalition") in chips
    assert ("Quoted as", "President, Syrian Opposition Coalition") in chips


def test_the_api_and_the_export_answer_the_same(client, presidents):
    params = {"q": "2254", "role": PRESIDENT, "spoke_as": PRESIDENT}
    data = client.get(API, {**params, "per_page": 50}).json()
    assert data["count"] == len(WANTED)
    assert {item["title"] for item in data["results"]} == WANTED
    export = client.get(reverse("archive:statement-export"), params)
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert {row["title"] for row in rows} == WANTED


def test_a_person_spoke_filter_alone_cannot_tell_former_presidents(client, presidents):
    """Why the role: the presidents as speakers also bring back what they said out of office."""
    speakers = [presidents[name].slug for name in ("khoja", "hariri", "bahra")]
    response = client.get(LIST, {"q": "2254", "spoke": speakers})
    assert _titles(response) - WANTED == {"No former president", "No undated, untitled"}


@pytest.mark.parametrize("facet", ["role", "spoke_as"])
@pytest.mark.parametrize("state", [{}, {"q": "2254"}, {"year": "2017"}, {"year": "undated"}])
def test_every_role_count_is_the_number_of_results_of_clicking_it(client, presidents, facet, state):
    response = client.get(LIST, state)
    facet_values = next(f for f in response.context["facets"] if f.name == facet).values
    assert facet_values
    for value in facet_values:
        clicked = client.get(LIST + htmllib.unescape(value.href))
        assert clicked.context["page"].paginator.count == value.count, value.label


def test_an_unknown_role_is_an_error_and_a_page(client, presidents):
    response = client.get(LIST, {"role": "emperor-of-mars", "q": "2254"})
    assert response.status_code == 200
    assert "is not a role anyone held" in response.content.decode()
    assert client.get(API, {"role": "emperor-of-mars"}).status_code == 400


def test_a_role_with_an_open_end_reaches_forward_and_one_with_no_date_nowhere(client):
    soc = OrganizationFactory(name="Syrian Opposition Coalition", slug="soc")
    person = PersonFactory(name="Open Ended")
    Membership.objects.create(
        person=person, organization=soc, role="President", first_seen=datetime.date(2021, 1, 1)
    )
    other = PersonFactory(name="Never Dated")
    Membership.objects.create(person=other, organization=soc, role="President")
    for title, date, who in [
        ("before", datetime.date(2020, 6, 1), person),
        ("after", datetime.date(2024, 6, 1), person),
        ("undated", None, person),
        ("other dated", datetime.date(2022, 1, 1), other),
    ]:
        MentionFactory(statement=StatementFactory(title=title, date=date), person=who)
    corpus_index.forget()
    response = client.get(LIST, {"role": PRESIDENT})
    assert _titles(response) == {"after"}


def test_a_role_reads_as_its_name_and_organization_and_no_draft_makes_one(client, presidents):
    page = client.get(LIST, {"q": "2254"}).content.decode()
    facet = re.search(r'aria-labelledby="facet-role">(.*?)</section>', page, re.S).group(1)
    assert "President, Syrian Opposition Coalition" in facet
    assert "Vice President, Syrian Opposition Coalition" in facet
    assert "Member, Syrian Opposition Coalition" in facet
    draft_only = Statement.objects.get(title="No draft")
    assert not Membership.objects.filter(first_statement=draft_only).exists()


@pytest.mark.parametrize(
    "role, organization",
    [
        ("Vice President", ("soc", "Syrian Opposition Coalition", "SOC")),
        ("Vice-President", ("soc", "Syrian Opposition Coalition", "SOC")),
        (
            "Vice-President of the Syrian Opposition Coalition",
            ("soc", "Syrian Opposition Coalition", "SOC"),
        ),
        ("Vice President of SOC.", ("soc", "Syrian Opposition Coalition", "SOC")),
    ],
)
def test_spellings_of_one_role_are_one_value(role, organization):
    slug, *names = organization
    assert role_key(role, slug, names) == "vice-president-of-soc"
    assert role_label(role, names[0], names).endswith(", Syrian Opposition Coalition")
    assert role_label(role, names[0], names).count("Coalition") == 1


def test_withdrawing_a_statement_shortens_the_role_it_showed(client, presidents):
    """The roles over time follow the editors: once the last statement showing Hariri as
    president is withdrawn, his span ends with the one before, and so do the statements of his
    role."""
    assert "No member quoting the president" in _titles(client.get(LIST, {"role": PRESIDENT}))
    withdraw(Statement.objects.filter(title="Yes Hariri again"))
    titles = _titles(client.get(LIST, {"role": PRESIDENT}))
    assert "No member quoting the president" not in titles
    assert "Yes Hariri again" not in titles and "Yes Hariri" in titles


def test_a_persons_role_links_to_the_statements_of_whoever_held_it(client, presidents):
    page = client.get(presidents["hariri"].get_absolute_url()).content.decode()
    hrefs = re.findall(r'<span class="role"><a href="([^"]+)"[^>]*>President</a>', page)
    assert hrefs == [f"{LIST}?role={PRESIDENT}"]
    titles = _titles(client.get(htmllib.unescape(hrefs[0])))
    assert {"Yes Khoja, titled", "Yes Hariri", "Yes Bahra"} <= titles
    organization = client.get(reverse("archive:organization-detail", args=["soc"]))
    assert organization.content.decode().count(f'href="{LIST}?role={PRESIDENT}"') == 3
