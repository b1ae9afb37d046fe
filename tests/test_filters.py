"""The FilterSet of /statements/: what each parameter keeps, and how bad values are ignored."""

import datetime
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from archive.filters import StatementFilter, in_related
from archive.models import Statement
from tests.factories import (
    CitationFactory,
    MeetingFactory,
    MentionFactory,
    PersonFactory,
    ResolutionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def query(params: dict) -> QueryDict:
    """Parameters as the view receives them: a QueryDict, where a key may repeat."""
    return QueryDict(urlencode(params, doseq=True))


def filtered(params: dict, queryset=None) -> StatementFilter:
    return StatementFilter(query(params), queryset=queryset or Statement.objects.published())


def results(params) -> set[str]:
    return {s.title for s in filtered(params).qs}


def test_values_of_one_facet_are_ored_and_facets_are_anded():
    a, b = PersonFactory(), PersonFactory()
    resolution = ResolutionFactory()
    for title, person, cites in [("A", a, True), ("B", b, False), ("AB", a, False)]:
        statement = StatementFactory(title=title)
        MentionFactory(statement=statement, person=person)
        if cites:
            CitationFactory(statement=statement, resolution=resolution)
    MentionFactory(statement=Statement.objects.get(title="AB"), person=b)
    assert results({"person": [a.slug, b.slug]}) == {"A", "B", "AB"}
    assert results({"person": [a.slug], "resolution": [resolution.slug]}) == {"A"}


def test_related_filters_use_exists_and_never_distinct():
    person, resolution = PersonFactory(), ResolutionFactory()
    filterset = filtered({"person": person.slug, "resolution": resolution.slug, "kind": "meeting"})
    sql = str(filterset.qs.query).upper()
    assert sql.count("EXISTS") == 3
    assert "DISTINCT" not in sql


def test_an_entitys_statements_read_as_an_id_list_are_those_of_exists():
    """Entity pages count by `id IN (facts)`, read once; the list's SQL (CSV, feed) by EXISTS."""
    person, resolution = PersonFactory(), ResolutionFactory()
    for title, cites in [("A", True), ("B", False)]:
        statement = StatementFactory(title=title)
        MentionFactory(statement=statement, person=person)
        CitationFactory(statement=statement, resolution=resolution, paragraph=1)
        CitationFactory(statement=statement, resolution=resolution, paragraph=2)
        if not cites:
            statement.citations.update(review="removed")
    listed = in_related(Statement.objects.published(), "resolution", [resolution], by_list=True)
    sql = str(listed.query).upper()
    assert "EXISTS" not in sql and sql.count(" IN (SELECT") == 1
    filterset = filtered({"person": person.slug, "resolution": resolution.slug})
    assert [s.title for s in listed] == [s.title for s in filterset.qs] == ["A"]


def test_a_statement_matching_twice_is_listed_once():
    resolution = ResolutionFactory()
    statement = StatementFactory()
    CitationFactory(statement=statement, resolution=resolution, as_written="2254", paragraph=1)
    CitationFactory(statement=statement, resolution=resolution, as_written="2254", paragraph=2)
    filterset = filtered({"resolution": resolution.slug})
    assert filterset.qs.count() == 1 and len(filterset.qs) == 1


def test_date_range_is_inclusive_and_year_may_ask_for_undated():
    for day in (1, 15, 31):
        StatementFactory(title=f"Jan {day}", date=datetime.date(2021, 1, day))
    StatementFactory(title="Undated", date=None)
    assert results({"date_from": "2021-01-15", "date_to": "2021-01-31"}) == {"Jan 15", "Jan 31"}
    assert results({"year": ["2021", "undated"]}) == {"Jan 1", "Jan 15", "Jan 31", "Undated"}
    assert results({"year": "undated"}) == {"Undated"}


def test_event_kind_and_language():
    MeetingFactory(statement=StatementFactory(title="Letter", language="ar"), kind="letter")
    MeetingFactory(statement=StatementFactory(title="Visit"), kind="visit")
    assert results({"kind": "letter"}) == {"Letter"}
    assert results({"language": "ar"}) == {"Letter"}
    assert results({"language": ["ar", "en"]}) == {"Letter", "Visit"}


def test_invalid_values_are_reported_and_otherwise_ignored():
    StatementFactory(title="Kept", date=datetime.date(2020, 1, 1))
    filterset = filtered(
        {"year": ["2020", "abc"], "person": "nobody", "date_from": "garbage", "kind": "picnic"}
    )
    assert {s.title for s in filterset.qs} == {"Kept"}
    assert set(filterset.form.errors) == {"year", "person", "date_from", "kind"}
    assert filterset.chips() == []


def test_sort_is_relevance_only_with_a_query():
    def sort(params, requested):
        return filtered(params).sort(requested)

    assert sort({}, None) == "newest"
    assert sort({}, "relevance") == "newest"
    assert sort({"q": "ceasefire"}, None) == "relevance"
    assert sort({"q": "ceasefire"}, "oldest") == "oldest"
    assert sort({"q": "ceasefire"}, "sideways") == "relevance"


def test_spoke_keeps_the_statements_where_the_person_is_quoted_not_just_named(client):
    person = PersonFactory(name="Hadi al-Bahra")
    MentionFactory(statement=StatementFactory(title="Quoted"), person=person, spoke=True)
    MentionFactory(statement=StatementFactory(title="Named"), person=person, spoke=False)
    assert results({"spoke": person.slug}) == {"Quoted"}
    assert results({"person": person.slug}) == {"Quoted", "Named"}
    response = client.get("/statements/", {"q": "coalition"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [(v.label, v.count) for v in facets["spoke"].values] == [("Hadi al-Bahra", 1)]
    assert [(v.label, v.count) for v in facets["person"].values] == [("Hadi al-Bahra", 2)]
