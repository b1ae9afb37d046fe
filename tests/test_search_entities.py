"""Search knows the archive's people, organizations, places and resolutions under every name.

Run on the five sample releases, loaded with the reference data as `make run` loads them, so the
examples are the ones a new user tries; and on factories for what the samples do not hold.
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.loader.load import load_releases
from archive.models import Statement
from archive.search import api, entities
from archive.search.entities import parse_and_recognise, recognise
from archive.search.query import parse
from tests.conftest import FIXTURE_RELEASES
from tests.factories import (
    MentionFactory,
    OrganizationMentionFactory,
    PersonAliasFactory,
    PersonFactory,
    PlaceFactory,
    ResolutionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")


@pytest.fixture
def samples():
    """{release file number: statement} for the five sample releases."""
    call_command("loaddata", *sorted(FIXTURE_RELEASES.parent.glob("reference/*.json")), verbosity=0)
    report = load_releases(paths=[FIXTURE_RELEASES])
    assert not report.errors
    return {
        int(re.search(r"/(\d{3})_", s.source_file).group(1)): s for s in Statement.objects.all()
    }


def found(q) -> set[int]:
    return set(api.matching(Statement.objects.published(), q).values_list("pk", flat=True))


def numbers(samples, ids) -> set[int]:
    return {n for n, s in samples.items() if s.pk in ids}


def test_an_alias_of_a_place_finds_its_statements(samples):
    # "Bab Alhawa" is a listed alias of Bab al-Hawa; the release writes "Bab al-Hawa".
    assert "Bab Alhawa" not in samples[0].body and "Bab al-Hawa" in samples[0].body
    assert numbers(samples, found("Bab Alhawa")) == {0}


def test_a_surname_finds_every_statement_of_the_person_whatever_the_spelling(samples):
    assert "Asepho" in samples[3].body and "Astepho" not in samples[3].body
    assert numbers(samples, found("Astepho")) == {0, 3}
    assert numbers(samples, found("Asepho")) == {0, 3}


@pytest.mark.parametrize("q", ["UNSCR 2254", "S/RES/2254", "٢٢٥٤", "2254", "Resolution 2254"])
def test_every_form_of_a_resolution_finds_the_statements_citing_it(samples, q):
    citing = {n for n, s in samples.items() if "2254" in s.body}
    assert citing and numbers(samples, found(q)) == citing


def test_an_organization_spelt_without_its_apostrophe_is_found(samples):
    assert "Hay’at Tahrir al-Sham" in samples[4].body
    assert numbers(samples, found("Hayat Tahrir al-Sham")) == {4}
    assert numbers(samples, found("hay'at tahrir")) == {4}


def test_a_quoted_phrase_stays_literal_text(samples):
    assert found('"Bab Alhawa"') == set()
    assert parse_and_recognise('"Bab Alhawa"').facts == ()


def test_a_name_and_other_words_must_all_match(samples):
    assert numbers(samples, found("Astepho crossing")) == {0}
    assert numbers(samples, found("Astepho -crossing")) == {3}


def test_a_statement_with_the_fact_matches_even_without_the_spelling():
    person = PersonFactory(name="Khaled Khoja")
    PersonAliasFactory(person=person, name="Khaled Khoja")
    by_fact = StatementFactory(body="The President of the Coalition met the envoy.")
    MentionFactory(statement=by_fact, person=person, name_as_written="the President")
    by_text = StatementFactory(body="Khoja spoke in Istanbul.")
    StatementFactory(body="Nothing about him.")
    assert found("Khaled Khoja") == {by_fact.pk}  # "Khoja" alone is not his full name
    assert found("Khoja") == {by_fact.pk, by_text.pk}
    # Ranked first: the statement whose text names him.
    ranked = api.ranked(api.matching(Statement.objects.published(), "Khoja"))
    assert [s.pk for s in ranked] == [by_text.pk, by_fact.pk]


def listed(client, q) -> set[int]:
    page = client.get(LIST, {"q": q}).content.decode()
    return {int(n) for n in re.findall(r'class="result-title"><a href="/statements/(\d+)/', page)}


@pytest.mark.parametrize(
    "q",
    ["Khoja", "Khoja Istanbul", "Khoja -Istanbul", "-Istanbul", "-Khoja -envoy", "Khoja Azaz"],
)
def test_the_list_shows_what_a_search_naming_people_matches(client, q):
    """The list reads a name's facts from the corpus index, the querysets from the tables."""
    person = PersonFactory(name="Khaled Khoja")
    PersonAliasFactory(person=person, name="Khaled Khoja")
    place = PlaceFactory(name="Azaz")
    draft = Statement.Status.DRAFT
    by_fact = StatementFactory(body="The President met the envoy in Istanbul.")
    MentionFactory(statement=by_fact, person=person, name_as_written="the President")
    by_fact.place_mentions.create(place=place, as_written="there")
    StatementFactory(body="Khoja spoke in Istanbul.")
    StatementFactory(body="Khoja spoke in Azaz.")
    StatementFactory(body="Khoja spoke in Istanbul, a draft.", status=draft)
    hidden = StatementFactory(body="The envoy came, a draft.", status=draft)
    MentionFactory(statement=hidden, person=person, name_as_written="he")
    removed = StatementFactory(body="Nothing about him.")
    MentionFactory(statement=removed, person=person, name_as_written="he", review="removed")
    assert listed(client, q) == found(q)


def test_a_fact_an_editor_removed_no_longer_matches():
    place = PlaceFactory(name="Azaz")
    statement = StatementFactory(body="A statement with no place name.")
    fact = statement.place_mentions.create(place=place, as_written="there")
    assert found("Azaz") == {statement.pk}
    fact.review = "removed"
    fact.save()
    assert found("Azaz") == set()


def test_recognition_takes_the_longest_name_and_leaves_other_words():
    place = PlaceFactory(name="Bab al-Salamah")
    query = recognise(parse("aid via Bab al Salamah crossing"))
    assert [g[0].text for g in query.required] == ["aid", "via", "Bab al Salamah", "crossing"]
    assert [[f.pk for f in facts] for facts in query.facts] == [[], [], [place.pk], []]


def test_a_name_is_ranked_by_the_words_typed_not_by_every_spelling():
    for first in ("Clara", "Emily", "Kenji"):
        name = f"{first} Nakamura"
        PersonAliasFactory(person=PersonFactory(name=name), name=name)
    query = recognise(parse("Nakamura envoy"))
    assert len(query.positive_terms) > 2  # the spellings of each Nakamura
    assert [term.text for term in query.typed_terms] == ["Nakamura", "envoy"]


def test_a_word_is_not_a_name_inside_an_or_or_an_exclusion():
    PlaceFactory(name="Azaz")
    assert recognise(parse("Azaz OR Idlib")).facts == ()
    assert recognise(parse("-Azaz")).facts == ()


def test_an_unknown_resolution_number_is_no_fact():
    ResolutionFactory(body="UNSC", number="2118")
    assert recognise(parse("UNSCR 9999")).facts == ()
    assert [f.name for f in recognise(parse("UNSCR 2118")).facts[0]][0].startswith("UNSC")


def _card(html: str) -> tuple[str, str]:
    """The first card's text, and its filter link's query string."""
    card = re.search(r'<li class="entity-card">(.*?)</li>', html, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", " ", card).split())
    href = re.search(r'class="entity-card-filter" href="([^"]+)"', card).group(1)
    return text, href.replace("&amp;", "&")


def _results(response) -> list[str]:
    return [statement.title for statement in response.context["page"].object_list]


def test_a_person_card_turns_into_the_spoke_filter_in_one_click(client):
    person = PersonFactory(name="Khaled Khoja")
    PersonAliasFactory(person=person, name="Khaled Khoja")
    for year in (2015, 2016):
        statement = StatementFactory(
            title=f"Khoja speaks {year}", body="Khoja said so.", date=f"{year}-03-01"
        )
        MentionFactory(statement=statement, person=person, name_as_written="Khoja", spoke=True)
    for date in ("2017-01-01", None):  # named, not quoted; the undated one spans no year
        named = StatementFactory(title="Khoja named", body="Khoja met the envoy.", date=date)
        MentionFactory(statement=named, person=person, name_as_written="Khoja", spoke=False)
    draft = StatementFactory(body="Khoja, draft only.", date="2019-01-01", status="draft")
    MentionFactory(statement=draft, person=person, name_as_written="Khoja", spoke=True)
    text, href = _card(client.get(LIST, {"q": "Khoja"}).content.decode())
    assert text == (
        "Khaled Khoja — person, 4 statements, 2015–2017 — show only the statements where they spoke"
    )
    assert f"spoke={person.slug}" in href and "q=Khoja" in href
    filtered = client.get(LIST + href)
    assert sorted(_results(filtered)) == ["Khoja speaks 2015", "Khoja speaks 2016"]


def test_a_card_of_a_person_never_quoted_keeps_the_statements_naming_them(client):
    person = PersonFactory(name="Geir Pedersen")
    PersonAliasFactory(person=person, name="Geir Pedersen")
    for year in (2019, 2020):
        statement = StatementFactory(title=f"Envoy {year}", body="Pedersen.", date=f"{year}-1-1")
        MentionFactory(statement=statement, person=person, spoke=False)
    quoted_in_draft = StatementFactory(body="Pedersen said.", status="draft")
    MentionFactory(statement=quoted_in_draft, person=person, spoke=True)
    text, href = _card(client.get(LIST, {"q": "Pedersen"}).content.decode())
    assert text.endswith("— show only the statements naming this person")
    assert f"person={person.slug}" in href
    assert sorted(_results(client.get(LIST + href))) == ["Envoy 2019", "Envoy 2020"]


def test_a_card_escapes_the_names_it_shows(client):
    place = PlaceFactory(name="<script>alert(1)</script>town")
    statement = StatementFactory(body="Somewhere.")
    statement.place_mentions.create(place=place, as_written="there")
    html = client.get(LIST, {"q": "<script>alert(1)</script>town"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;town" in html
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("q", ["-", "OR", "***", "😀", "’", " - OR *** "])
def test_a_query_without_searchable_words_says_so_and_lists_everything(client, q):
    StatementFactory.create_batch(3)
    html = client.get(LIST, {"q": q}).content.decode()
    heading = re.search(r'<h2 id="results-count"[^>]*>(.*?)</h2>', html, re.S).group(1)
    assert " ".join(heading.split()) == "3 statements"
    assert "has no word to search for" in html
    assert "matching" not in heading


def test_a_search_that_finds_nothing_suggests_names_that_would(client):
    place = PlaceFactory(name="Bab al-Hawa")
    statement = StatementFactory(body="Aid crossed at Bab al-Hawa.")
    statement.place_mentions.create(place=place, as_written="Bab al-Hawa")
    html = client.get(LIST, {"q": "Bab al-Hawwa"}).content.decode()
    assert "No statement matches" in html
    suggestion = re.search(r'<div class="suggestions".*?</div>', html, re.S).group(0)
    assert "Bab al-Hawa" in suggestion
    href = re.search(r'href="([^"]+)"', suggestion).group(1).replace("&amp;", "&")
    assert "1 statement" in client.get(LIST + href).content.decode()


def test_a_search_with_results_suggests_nothing(client):
    PlaceFactory(name="Idlib")
    StatementFactory(body="Idleb and Idlib.")
    assert '<div class="suggestions"' not in client.get(LIST, {"q": "Idleb"}).content.decode()


def test_a_query_that_names_nothing_looks_up_no_entity():
    """Words too short to be a name (or none at all) find no entity, not every organization
    without an abbreviation: the page must not count statements it will never show."""
    statement = StatementFactory()
    OrganizationMentionFactory(statement=statement, organization__abbreviation="")
    for q in ["%s", "a OR", "1' OR '1'='1", "***"]:
        texts = {text for *_, text in entities._windows(parse(q))}
        found = entities._lookup(texts, using="default")
        assert found.facts == {} and found.by_key == {}, q


def test_recognition_runs_once_per_page(client):
    place = PlaceFactory(name="Azaz")
    statement = StatementFactory(body="Azaz.")
    statement.place_mentions.create(place=place, as_written="Azaz")
    with CaptureQueriesContext(connection) as queries:
        client.get(LIST, {"q": "Azaz"})
    lookups = [q for q in queries.captured_queries if "UNION ALL" in q["sql"]]
    assert len(lookups) == 1


def test_suggestions_offer_only_names_that_would_find_something(client):
    PlaceFactory(name="Bab al-Hawa")  # known, but no published statement names it
    draft = StatementFactory(body="A draft about Bab al-Hawa.", status="draft")
    draft.place_mentions.create(place=PlaceFactory(name="Bab al-Hawaa"), as_written="there")
    html = client.get(LIST, {"q": "Bab al-Hawwa"}).content.decode()
    assert "No statement matches" in html
    assert '<div class="suggestions"' not in html


def test_a_snippet_marks_the_other_spellings_of_a_name(samples):
    snippet = api.snippets([samples[3]], "Astepho")[samples[3].pk]
    assert "<mark>Asepho</mark>" in snippet
