"""Each page runs a fixed number of SQL queries, the same with one result as with many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Statement
from tests.factories import (
    MembershipFactory,
    MentionFactory,
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
    PlaceFactory,
    ResolutionFactory,
    statement_with_facts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 45], ids=["one result", "many results"])
def archive(request):
    """`n` statements sharing one person, organization, place and resolution, each with more."""
    person = PersonFactory(name="Hadi al-Bahra")
    PersonAliasFactory(person=person, name="Al-Bahra")
    organization = OrganizationFactory(name="Syrian Opposition Coalition")
    MembershipFactory(person=person, organization=organization, role="President")
    place, resolution = PlaceFactory(name="Geneva"), ResolutionFactory(number="2254")
    statements = []
    for n in range(request.param):
        statement = statement_with_facts(
            person=person,
            organization=organization,
            place=place,
            resolution=resolution,
            title=f"Statement {n} on the political process",
            date=datetime.date(2015, 1, 1) + datetime.timedelta(days=97 * n),
        )
        MentionFactory(statement=statement, side="counterpart", spoke=True)
        statements.append(statement)
    return {
        "statement": statements[-1],
        "person": person,
        "organization": organization,
        "place": place,
        "resolution": resolution,
    }


LIST = reverse("archive:statement-list")


# A time budget (archive.budget) costs no query on SQLite; on PostgreSQL, SET LOCAL
# statement_timeout set and put back inside a savepoint (tests run in a transaction): four.
def budget_queries() -> int:
    return 4 if connection.vendor == "postgresql" else 0


PAGES = [
    # (name, url from the archive, queries, time budgets) with an empty cache
    ("home", lambda a: "/", 11, 1),  # the archive-wide facets and histogram, then cached
    ("list", lambda a: LIST, 11, 1),  # idem (the histogram gives the count)
    ("list, page 2", lambda a: f"{LIST}?page=2", 11, 1),
    # A search lists its matches, then reads its page, within budgets of their own (within()).
    ("list, search", lambda a: f"{LIST}?q=political", 12, 3),
    ("list, search sorted by date", lambda a: f"{LIST}?q=political&sort=oldest", 12, 3),
    (
        "list, every filter",
        lambda a: (
            f"{LIST}?q=political&person={a['person'].slug}&organization={a['organization'].slug}"
            f"&resolution={a['resolution'].slug}&place={a['place'].slug}&kind=meeting&language=en"
            "&year=2015&year=2016&year=2017&year=2018&year=2019&year=2020&year=2021&year=2022"
            "&year=2024&year=2025&year=2026&date_from=2014-01-01&date_to=2030-01-01&more=person"
        ),
        17,  # + one per entity filter to check its values exist, + the words' own matches
        4,  # + the count of words and filters, within what is left of the search's time
    ),
    # The rows, then per chunk of 500: people, organizations, places, citations, resolutions,
    # events; + the names the words may contain (archive.search.entities), looked up once.
    ("list, CSV", lambda a: reverse("archive:statement-export") + "?q=political", 8, 0),
    ("list, feed", lambda a: reverse("archive:statement-feed"), 1, 0),
    ("permalink", lambda a: a["statement"].get_absolute_url(), 5, 0),
    ("permalink from a search", lambda a: a["statement"].get_absolute_url() + "?q=political", 6, 0),
    ("person", lambda a: a["person"].get_absolute_url(), 10, 1),
    ("organization", lambda a: a["organization"].get_absolute_url(), 9, 1),
    ("resolution", lambda a: a["resolution"].get_absolute_url(), 6, 1),
    ("place", lambda a: a["place"].get_absolute_url(), 8, 1),
    # + version, and the filters' values (kinds, people, organizations, places, years; cached)
    ("meetings", lambda a: reverse("archive:meeting-list"), 10, 0),
    ("meetings of a kind", lambda a: reverse("archive:meeting-list") + "?kind=meeting", 10, 0),
]


@pytest.mark.parametrize("name, url, queries, budgets", PAGES, ids=[p[0] for p in PAGES])
def test_page_runs_a_fixed_number_of_queries(
    client, archive, django_assert_num_queries, name, url, queries, budgets
):
    with django_assert_num_queries(queries + budgets * budget_queries()):
        response = client.get(url(archive))
        if response.streaming:  # an export's rows are read as the file streams
            b"".join(response.streaming_content)
    assert response.status_code == 200
    if "page" in (response.context or {}):
        assert response.context["page"].paginator.count >= 1


CACHED = [
    # (name, url, queries) once the archive-wide counts are cached: the corpus version, the rows
    ("home", "/", 3),
    ("list", LIST, 3),
    ("list, page 2", f"{LIST}?page=2", 3),
    ("meetings", reverse("archive:meeting-list"), 5),  # + the bodies a letter is sent to
]


@pytest.mark.parametrize("name, url, queries", CACHED, ids=[p[0] for p in CACHED])
def test_unfiltered_pages_reuse_the_cached_archive_counts(
    client, archive, django_assert_num_queries, name, url, queries
):
    client.get(url)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_many_results_really_are_many(client, archive):
    count = Statement.objects.count()
    response = client.get(LIST)
    assert response.context["page"].paginator.count == count


def test_filtered_browse_reuses_its_cached_counts(client, archive, django_assert_num_queries):
    """Filters without words give every visitor the same counts: cached per corpus version.

    The cached histogram counted every result, so the page takes its total from there rather
    than counting again (300 ms for a person in a fifth of 100,000 statements).
    """
    url = f"{LIST}?person={archive['person'].slug}&year=2015"
    first = client.get(url)
    # the corpus version, the person filter's values, the rows and their people
    with django_assert_num_queries(4):
        again = client.get(url)
    assert again.context["facets"] == first.context["facets"]
    expected = Statement.objects.filter(date__year=2015, mentions__person=archive["person"])
    assert again.context["page"].paginator.count == expected.distinct().count()
    assert again.context["page"].paginator.exact


def _runs_the_search(sql: str) -> bool:
    """Whether a query asks the full-text index (FTS5's MATCH, or PostgreSQL's `@@`)."""
    return " MATCH " in sql or " @@ " in sql


def test_a_search_page_asks_the_index_once_for_its_matches(client, archive):
    """Count, facets and histogram filter on the matches fetched once, not on the words again.

    Each of them re-running the search cost a page about 50 ms per query at 100,000 statements.
    """
    url = f"{LIST}?q=political&year=2015&year=2016&year=2017&year=2018&year=2019&year=2020"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    expected = Statement.objects.filter(title__contains="political", date__year__lte=2020)
    assert response.context["page"].paginator.count == expected.count()
    assert all(facet.counted for facet in response.context["facets"])
    queries = [q["sql"] for q in captured.captured_queries]
    fetch = [sql for sql in queries if _runs_the_search(sql)]
    assert len(fetch) >= 1 and "LIMIT 10001" in fetch[0]  # the matches, up to the cap
    counts = [sql for sql in queries if "COUNT(" in sql]
    assert len(counts) >= 7  # the result count, five facets, the histogram
    assert not [sql for sql in counts if _runs_the_search(sql)]


def test_facets_of_words_alone_count_the_facts_of_the_fetched_matches(client, archive):
    """No other filter: the facts are kept by the list of matches, without the statements."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, {"q": "political"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [v.count for v in facets["person"].values][:1] == [Statement.objects.count()]
    grouped = [q["sql"] for q in captured.captured_queries if 'AS "entity_id"' in q["sql"]]
    assert len(grouped) == 4
    assert not [sql for sql in grouped if '"archive_statement"' in sql]
