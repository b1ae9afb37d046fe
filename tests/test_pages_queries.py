"""Each page runs a fixed number of SQL queries, the same with one result as with many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive import corpus_index
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
    MembershipFactory(
        person=person,
        organization=organization,
        role="President",
        first_seen=datetime.date(2015, 1, 1),
        last_seen=datetime.date(2030, 1, 1),
    )
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
ROLE = "president-of-syrian-opposition-coalition"


def savepoints(tallies: int) -> int:
    """An entity page's tallies each run in a savepoint inside a transaction on PostgreSQL (as
    in tests; a request runs none), so that a cancelled one leaves the transaction usable."""
    return 2 * tallies if connection.vendor == "postgresql" else 0


PAGES = [
    # (name, url from the archive, queries, entity-page tallies), the corpus index built
    ("home", lambda a: "/", 3, 0),  # the corpus version, the newest rows, their people
    ("list", lambda a: LIST, 3, 0),
    ("list, page 2", lambda a: f"{LIST}?page=2", 3, 0),
    # + the words' matches, their ranks, the snippets of the page
    ("list, search", lambda a: f"{LIST}?q=political", 6, 0),
    ("list, search sorted by date", lambda a: f"{LIST}?q=political&sort=oldest", 5, 0),
    (
        "list, every filter",
        lambda a: (
            f"{LIST}?q=political&person={a['person'].slug}&organization={a['organization'].slug}"
            f"&resolution={a['resolution'].slug}&place={a['place'].slug}&kind=meeting&language=en"
            "&year=2015&year=2016&year=2017&year=2018&year=2019&year=2020&year=2021&year=2022"
            "&year=2024&year=2025&year=2026&date_from=2014-01-01&date_to=2030-01-01&more=person"
        ),
        10,  # + one per entity filter to check its values exist
        0,
    ),
    (
        "list, search by role held then",
        lambda a: f"{LIST}?q=political&role={ROLE}&person={a['person'].slug}",
        8,  # + the corpus version (the index knows the roles held), the person's values
        0,
    ),
    # The rows, then per chunk of 500: people, organizations, places, citations, resolutions,
    # events; + the names the words may contain (archive.search.entities), looked up once.
    ("list, CSV", lambda a: reverse("archive:statement-export") + "?q=political", 8, 0),
    ("list, feed", lambda a: reverse("archive:statement-feed"), 1, 0),
    ("permalink", lambda a: a["statement"].get_absolute_url(), 5, 0),
    ("permalink from a search", lambda a: a["statement"].get_absolute_url() + "?q=political", 6, 0),
    # An entity page: the corpus version (its statements are the index's), the entity, a page
    # of rows with their people and facts, and what its kind shows besides (a person: their
    # spellings and roles over time, whom they met and resolutions cited being the index's;
    # an organization: its spellings, bodies, and its roles held, counted then read).
    ("person", lambda a: a["person"].get_absolute_url(), 7, 0),
    ("organization", lambda a: a["organization"].get_absolute_url(), 9, 0),
    ("resolution", lambda a: a["resolution"].get_absolute_url(), 5, 0),
    ("place", lambda a: a["place"].get_absolute_url(), 7, 0),
    # + version, and the filters' values (kinds, people, organizations, places, years; cached)
    ("meetings", lambda a: reverse("archive:meeting-list"), 10, 0),
    ("meetings of a kind", lambda a: reverse("archive:meeting-list") + "?kind=meeting", 10, 0),
]


@pytest.mark.parametrize("name, url, queries, tallies", PAGES, ids=[p[0] for p in PAGES])
def test_page_runs_a_fixed_number_of_queries(
    client, archive, django_assert_num_queries, name, url, queries, tallies
):
    corpus_index.current()
    with django_assert_num_queries(queries + savepoints(tallies)):
        response = client.get(url(archive))
        if response.streaming:  # an export's rows are read as the file streams
            b"".join(response.streaming_content)
    assert response.status_code == 200
    if "page" in (response.context or {}):
        assert response.context["page"].paginator.count >= 1


def test_the_corpus_index_is_built_in_one_query_per_table(archive, django_assert_num_queries):
    """The version, the statements, the facts of each of the six stored kinds, the roles mentions
    give, their entities (the people twice: mentioned, and quoted or paraphrased), and the roles
    over time once for the two kinds of role held then (archive.roles)."""
    with django_assert_num_queries(1 + 1 + 6 + 1 + 5 + 1):
        corpus_index.current()
    with django_assert_num_queries(1):  # the version again: unchanged, nothing to build
        corpus_index.current()


def test_a_page_builds_the_index_once_per_corpus_version(client, archive):
    with CaptureQueriesContext(connection) as first:
        client.get(LIST)
    with CaptureQueriesContext(connection) as again:
        client.get(LIST)
    assert len(first.captured_queries) == len(again.captured_queries) + 14
    archive["statement"].save()
    with CaptureQueriesContext(connection) as after_a_change:
        client.get(LIST)
    # the change log, then the touched statement and its facts (as the first read, by id)
    assert len(after_a_change.captured_queries) == len(first.captured_queries) + 1


def test_many_results_really_are_many(client, archive):
    count = Statement.objects.count()
    response = client.get(LIST)
    assert response.context["page"].paginator.count == count


def _runs_the_search(sql: str) -> bool:
    """Whether a query asks the full-text index (FTS5's MATCH, or PostgreSQL's `@@`)."""
    return " MATCH " in sql or " @@ " in sql


def test_a_search_page_asks_the_index_for_its_matches_and_counts_nothing_in_sql(client, archive):
    """The matches are fetched once; counts, facets and histogram are read from bitmaps."""
    url = f"{LIST}?q=political&year=2015&year=2016&year=2017&year=2018&year=2019&year=2020"
    corpus_index.current()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    expected = Statement.objects.filter(title__contains="political", date__year__lte=2020)
    assert response.context["page"].paginator.count == expected.count()
    queries = [q["sql"] for q in captured.captured_queries]
    # The matches; on SQLite the ranks are read from the FTS index too (snippets are Python's).
    searches = 2 if connection.vendor == "sqlite" else 1
    assert len([sql for sql in queries if _runs_the_search(sql)]) == searches
    # The names the words may contain are looked up with their cards' counts, through aliases.
    counted = [sql for sql in queries if "COUNT(" in sql.upper() or "GROUP BY" in sql.upper()]
    assert not [sql for sql in counted if "ALIAS" not in sql.upper()]
