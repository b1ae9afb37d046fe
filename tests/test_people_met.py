"""Whom a person met, counted in the corpus index: the same people, counts and dates as the
definition in SQL, drafts and hidden mentions left out, and current after every change."""

import datetime

import pytest
from django.db.models import Count, F, Max, Q

from archive import corpus_index
from archive.models import Mention, Person, Statement
from archive.models.review import Review
from archive.people_met import people_met
from tests.factories import MentionFactory, PersonFactory, StatementFactory, build_sample_archive

pytestmark = pytest.mark.django_db

SOC, COUNTERPART = Mention.Side.SOC, Mention.Side.COUNTERPART


def met_in_sql(person) -> list[tuple]:
    """(slug, name, statements together, latest date) of everyone across the table from the
    person in a published statement, by visible mentions, most often first then by name."""
    mine = Mention.objects.visible().filter(person=person)
    rows = (
        Mention.objects.visible()
        .filter(statement__status=Statement.Status.PUBLISHED)
        .filter(
            Q(side=SOC, statement__in=mine.filter(side=COUNTERPART).values("statement"))
            | Q(side=COUNTERPART, statement__in=mine.filter(side=SOC).values("statement"))
        )
        .values(slug=F("person__slug"), name=F("person__name"))
        .annotate(n=Count("statement"), last=Max("statement__date"))
    )
    found = [(row["slug"], row["name"], row["n"], row["last"]) for row in rows]
    return sorted(found, key=lambda row: (-row[2], row[1]))


def met_in_index(person) -> list[tuple]:
    met = people_met(corpus_index.current(), person.slug, limit=1000)
    return [(row.slug, row.name, row.n, row.last) for row in met]


def _table(*, date, soc, counterparts, status=Statement.Status.PUBLISHED):
    statement = StatementFactory(date=date, status=status)
    for person in soc:
        MentionFactory(statement=statement, person=person, side=SOC)
    for person in counterparts:
        MentionFactory(statement=statement, person=person, side=COUNTERPART)
    return statement


@pytest.fixture
def corpus():
    """The sample archive, and around one table of two against two: a draft, a hidden mention,
    an undated meeting, someone on both sides over time and someone only mentioned."""
    build_sample_archive(statements=40)
    bahra, hariri = (
        Person.objects.get(name="Hadi al-Bahra"),
        Person.objects.get(name="Nasr Al-Hariri"),
    )
    pedersen = Person.objects.get(name="Geir Pedersen")
    envoy, deputy = PersonFactory(name="Ann Envoy"), PersonFactory(name="Bob Deputy")
    late = datetime.date(2030, 3, 1)
    _table(date=late, soc=[bahra, hariri], counterparts=[envoy, deputy])
    _table(date=None, soc=[bahra], counterparts=[envoy])
    _table(date=datetime.date(2031, 1, 1), soc=[bahra], counterparts=[envoy, deputy],
           status=Statement.Status.DRAFT)  # fmt: skip
    hidden = _table(date=datetime.date(2032, 1, 1), soc=[hariri], counterparts=[deputy])
    hidden.mentions.filter(person=deputy).update(review=Review.REMOVED)
    _table(date=datetime.date(2029, 1, 1), soc=[pedersen], counterparts=[deputy])
    bystander = _table(date=datetime.date(2033, 1, 1), soc=[hariri], counterparts=[])
    MentionFactory(statement=bystander, person=envoy, side=Mention.Side.MENTIONED)
    return {"bahra": bahra, "hariri": hariri, "envoy": envoy, "deputy": deputy}


def test_everyone_met_the_same_people_as_the_sql_definition_says(corpus):
    people = Person.objects.all()
    assert any(met_in_sql(person) for person in people)
    for person in people:
        assert met_in_index(person) == met_in_sql(person), person.name


def test_a_draft_a_hidden_mention_and_a_mere_mention_are_not_meetings(corpus):
    bahra, hariri = corpus["bahra"].slug, corpus["hariri"].slug
    deputy = {row[0]: row[2:] for row in met_in_index(corpus["deputy"])}
    assert deputy[bahra] == (1, datetime.date(2030, 3, 1))  # not the draft of 2031
    assert deputy[hariri] == (1, datetime.date(2030, 3, 1))  # not where he is hidden, 2032
    envoy = {row[0]: row[2:] for row in met_in_index(corpus["envoy"])}
    assert envoy[hariri] == (1, datetime.date(2030, 3, 1))  # not where she is only mentioned
    assert envoy[bahra] == (2, datetime.date(2030, 3, 1))  # and once undated


def test_the_last_meeting_is_the_latest_dated_one_and_undated_meetings_have_none(corpus):
    envoy = PersonFactory(name="Carl Undated")
    _table(date=None, soc=[corpus["bahra"]], counterparts=[envoy])
    assert met_in_index(envoy) == [(corpus["bahra"].slug, "Hadi al-Bahra", 1, None)]
    _table(date=datetime.date(2016, 1, 1), soc=[corpus["bahra"]], counterparts=[envoy])
    _table(date=datetime.date(2017, 1, 1), soc=[corpus["bahra"]], counterparts=[envoy])
    assert met_in_index(envoy)[0][2:] == (3, datetime.date(2017, 1, 1))


def test_people_met_equally_often_are_listed_by_name_and_the_list_is_cut(corpus):
    host = PersonFactory(name="Zed Host")
    for name in ["Cara Guest", "Abe Guest", "Bea Guest"]:
        _table(date=datetime.date(2020, 1, 1), soc=[host], counterparts=[PersonFactory(name=name)])
    met = people_met(corpus_index.current(), host.slug, limit=2)
    assert [row.name for row in met] == ["Abe Guest", "Bea Guest"]


def test_a_change_to_a_mention_shows_in_whom_they_met(corpus):
    deputy, hariri = corpus["deputy"], corpus["hariri"]
    Mention.objects.filter(person=deputy, review=Review.REMOVED).update(review=Review.CONFIRMED)
    assert dict((row[0], row[2]) for row in met_in_index(deputy))[hariri.slug] == 2
    Mention.objects.filter(person=deputy, statement__date=datetime.date(2030, 3, 1)).update(
        side=Mention.Side.MENTIONED
    )
    assert met_in_index(deputy) == met_in_sql(deputy)
    assert hariri.slug in {row[0] for row in met_in_index(deputy)}
    Statement.objects.filter(date=datetime.date(2032, 1, 1)).update(status=Statement.Status.DRAFT)
    assert met_in_index(deputy) == met_in_sql(deputy)
    assert hariri.slug not in {row[0] for row in met_in_index(deputy)}


def test_the_person_page_lists_whom_they_met_with_links_counts_and_dates(client, corpus):
    response = client.get(corpus["envoy"].get_absolute_url())
    html = response.content.decode()
    assert f'<a href="{corpus["bahra"].get_absolute_url()}">Hadi al-Bahra</a>' in html
    assert '<span class="count">2×</span> <span class="muted small">last Mar 2030</span>' in html
