"""Facet counts and histogram bars equal the number of results that clicking them gives."""

import datetime
import html as htmllib
import re

import pytest
from django.urls import reverse

from archive.kinds import FACETS
from archive.models import Mention, Review
from tests.factories import (
    CitationFactory,
    MentionFactory,
    PersonFactory,
    ResolutionFactory,
    StatementFactory,
    build_sample_archive,
)

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")
FACET_LINK = re.compile(
    r'<a class="facet-only" href="(?P<href>[^"]+)"[^>]*>\s*'
    r'<span class="facet-label">(?P<label>.*?)</span>\s*'
    r'<span class="facet-count"><span class="visually-hidden">\(</span>(?P<count>\d+)',
    re.S,
)
BAR_LINK = re.compile(
    r'<li class="bar">\s*<a href="(?P<href>[^"]+)" title="[^"]*: (?P<count>\d+) statement'
)


def result_count(client, href: str) -> int:
    response = client.get(LIST + htmllib.unescape(href))
    assert response.status_code == 200
    return response.context["page"].paginator.count


def unselected_values(client, state: str, facet: str):
    """The links of every unselected value of `facet` (expanded, so none is left out)."""
    query = f"{state}&more={facet}" if state else f"?more={facet}"
    page = client.get(LIST + query).content.decode()
    section = re.search(rf'aria-labelledby="facet-{facet}">(.*?)</section>', page, re.S).group(1)
    return [m for m in FACET_LINK.finditer(section) if "aria-current" not in m.group(0)]


STATES = [
    "",
    "?q=political",
    "?year=2020",
    "?kind=meeting&language=en",
    "?person=hadi-al-bahra",
    "?resolution=unsc-2254&place=aleppo",
    "?q=detainees&date_from=2016-01-01&date_to=2021-12-31",
    "?year=undated",
    "?role=president-of-soc&q=2254",
    "?spoke_as=vice-president-of-soc",
]


@pytest.fixture
def archive():
    return build_sample_archive(statements=60)


@pytest.fixture
def fixture_corpus():
    """The five sample releases, loaded with the reference data as `make run` loads them."""
    from django.core.management import call_command

    from archive.loader.load import load_releases
    from tests.conftest import FIXTURE_RELEASES

    call_command("loaddata", *sorted(FIXTURE_RELEASES.parent.glob("reference/*.json")), verbosity=0)
    report = load_releases(paths=[FIXTURE_RELEASES])
    assert not report.errors


@pytest.mark.parametrize("state", STATES)
def test_every_facet_value_counts_the_results_of_clicking_it(client, archive, state):
    checked = 0
    for facet in FACETS:
        for link in unselected_values(client, state, facet):
            clicked = result_count(client, link.group("href"))
            assert clicked == int(link.group("count")), (state, facet, link.group("label"))
            checked += 1
    assert checked > 10


@pytest.mark.parametrize("state", ["", "?q=coalition", "?resolution=unsc-2254", "?kind=meeting"])
def test_every_facet_value_counts_its_results_on_the_fixture_corpus(client, fixture_corpus, state):
    checked = 0
    for facet in FACETS:
        for link in unselected_values(client, state, facet):
            clicked = result_count(client, link.group("href"))
            assert clicked == int(link.group("count")), (state, facet, link.group("label"))
            checked += 1
    assert checked > 20


@pytest.mark.parametrize(
    "state",
    [
        "",
        "?year=2020",
        "?person=hadi-al-bahra",
        "?q=humanitarian",
        "?date_from=2019-03-15&date_to=2020-11-10",  # month bars clipped to the range
    ],
)
def test_every_histogram_bar_counts_the_results_of_clicking_it(client, archive, state):
    page = client.get(LIST + state).content.decode()
    bars = list(BAR_LINK.finditer(page))
    assert bars
    for bar in bars:
        href = htmllib.unescape(bar.group("href")).removeprefix(LIST)
        assert result_count(client, href) == int(bar.group("count"))


def test_facets_are_disjunctive(client):
    a, b, c = (
        PersonFactory(name="A Person"),
        PersonFactory(name="B Person"),
        PersonFactory(name="C"),
    )
    for person in (a, a, b):
        MentionFactory(person=person)
    both = StatementFactory()
    MentionFactory(statement=both, person=a)
    MentionFactory(statement=both, person=c)
    response = client.get(LIST, {"person": a.slug})
    people = {v.label: (v.count, v.selected) for v in response.context["facets"][0].values}
    # A's own facet ignores the person filter: other people keep their full counts.
    assert people == {"A Person": (3, True), "B Person": (1, False), "C": (1, False)}
    # B's label selects B alone; its checkbox adds B to the selection (values of one facet are
    # ORed); A's checkbox removes A.
    values = {v.label: v for v in response.context["facets"][0].values}
    assert values["B Person"].params == {"person": [b.slug]}
    assert values["B Person"].toggle == {"person": [a.slug, b.slug]}
    assert values["A Person"].toggle == {"person": []}
    assert client.get(LIST, {"person": [a.slug, b.slug]}).context["page"].paginator.count == 4
    page = response.content.decode()
    assert f'class="facet-check" href="?person={a.slug}&amp;person={b.slug}#facet-person"' in page


def test_facets_are_counted_without_any_sql_count_and_rebuilt_alike(client):
    """Counts are read from the corpus index's bitmaps: no query counts or groups anything."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from archive import corpus_index

    a, b = PersonFactory(name="A Person"), PersonFactory(name="B Person")
    for person in (a, a, b):
        MentionFactory(person=person)
    client.get(LIST)  # builds the index
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, {"person": a.slug, "q": "coalition"})
    people = {v.label: (v.count, v.selected) for v in response.context["facets"][0].values}
    assert people == {"A Person": (2, True), "B Person": (1, False)}
    # The facets' queries; the names the words may contain are looked up (with each name's
    # statements, for its card) in a query of their own, through the aliases.
    facets_sql = [q["sql"].upper() for q in captured.captured_queries]
    sql = " ".join(q for q in facets_sql if "ALIAS" not in q)
    assert "COUNT(" not in sql and "GROUP BY" not in sql
    corpus_index.forget()
    again = client.get(LIST, {"person": a.slug, "q": "coalition"})
    assert again.context["facets"] == response.context["facets"]


def test_other_facets_apply_the_active_filters(client):
    person = PersonFactory()
    resolution = ResolutionFactory()
    cited = CitationFactory(resolution=resolution)
    MentionFactory(statement=cited.statement, person=person)
    CitationFactory(resolution=resolution)
    response = client.get(LIST, {"person": person.slug})
    resolutions = next(f for f in response.context["facets"] if f.name == "resolution")
    assert [(v.key, v.count) for v in resolutions.values] == [(resolution.slug, 1)]


def test_a_statement_citing_a_resolution_twice_counts_once(client):
    resolution = ResolutionFactory()
    statement = StatementFactory()
    CitationFactory(statement=statement, resolution=resolution, as_written="2254", paragraph=1)
    CitationFactory(
        statement=statement, resolution=resolution, as_written="2254 (2015)", paragraph=2
    )
    response = client.get(LIST, {"resolution": resolution.slug})
    assert response.context["page"].paginator.count == 1
    resolutions = next(f for f in response.context["facets"] if f.name == "resolution")
    assert resolutions.values[0].count == 1


def test_removed_facts_neither_count_nor_match(client):
    mention = MentionFactory(person=PersonFactory(name="Removed"))
    mention.review = Review.REMOVED
    mention.save()
    response = client.get(LIST)
    assert next(f for f in response.context["facets"] if f.name == "person").values == []
    # Named by no fact a reader sees, the person is no choice: the filter says so, without a name.
    refused = client.get(LIST, {"person": mention.person.slug})
    assert refused.context["errors"]
    assert "Removed" not in refused.content.decode()


def test_selected_values_stay_in_the_facet_beyond_the_top_ones(client):
    statement = StatementFactory()
    rare = PersonFactory(name="Zz Rare")
    MentionFactory(statement=StatementFactory(), person=rare)
    for n in range(10):
        person = PersonFactory(name=f"Frequent {n}")
        MentionFactory(statement=statement, person=person)
        MentionFactory(person=person)
    response = client.get(LIST, {"person": rare.slug})
    people = response.context["facets"][0]
    assert people.values[0].label == "Zz Rare" and people.values[0].selected


def test_year_facet_offers_undated(client):
    StatementFactory(date=None)
    StatementFactory(date=datetime.date(2020, 1, 1))
    years = next(f for f in client.get(LIST).context["facets"] if f.name == "year")
    assert [(v.key, v.count) for v in years.values] == [("2020", 1), ("undated", 1)]
    assert client.get(LIST, {"year": "undated"}).context["page"].paginator.count == 1


def test_event_facet_follows_meeting_kinds(client):
    from tests.factories import MeetingFactory

    MeetingFactory(kind="letter")
    MeetingFactory(kind="letter")
    MeetingFactory(kind="visit")
    kinds = next(f for f in client.get(LIST).context["facets"] if f.name == "kind")
    assert [(v.label, v.count) for v in kinds.values] == [("Letter", 2), ("Visit", 1)]
    assert Mention.objects.count() == 0


def test_a_selected_value_matching_nothing_still_shows_so_it_can_be_removed(client):
    person = PersonFactory(name="Salem al-Meslet")
    MentionFactory(person=person, statement=StatementFactory(body="About the ceasefire."))
    StatementFactory(body="About detainees.", date=datetime.date(2012, 1, 1))
    response = client.get(LIST, {"person": person.slug, "q": "detainees", "year": "2012"})
    assert response.context["page"].paginator.count == 0
    facets = {f.name: f for f in response.context["facets"]}
    assert [(v.label, v.count, v.selected) for v in facets["person"].values] == [
        ("Salem al-Meslet", 0, True)
    ]
    assert facets["person"].values[0].params == {"person": []}
    assert [(v.label, v.selected) for v in facets["year"].values] == [("2012", True)]


def test_a_selected_year_beyond_the_top_ones_stays_visible(client):
    for year in range(2010, 2022):
        StatementFactory(date=datetime.date(year, 1, 1))
    years = next(
        f for f in client.get(LIST, {"year": "2010"}).context["facets"] if f.name == "year"
    )
    assert [v.label for v in years.values][-1] == "2010"
    assert len(years.values) == 9 and years.has_more
