"""Broad searches stay bounded: counts that do not fit the time budget are left out and the page
says so, result counts stop at a cap, and relevance gives way to date order past it."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from archive import budget
from archive.budget import Budget
from archive.models import Statement
from archive.views import params, statements
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    ResolutionFactory,
    statement_with_facts,
)

pytestmark = pytest.mark.django_db

LIST = reverse("archive:statement-list")


@pytest.fixture
def archive():
    person = PersonFactory(name="Hadi al-Bahra")
    facts = {
        "person": person,
        "organization": OrganizationFactory(name="Syrian Opposition Coalition"),
        "place": PlaceFactory(name="Geneva"),
        "resolution": ResolutionFactory(number="2254"),
    }
    for n in range(5):
        statement_with_facts(
            **facts,
            title=f"Statement {n} on the political process",
            date=datetime.date(2015 + n, 1, 1),
        )
    return facts


@pytest.fixture
def out_of_time(monkeypatch):
    """Every budgeted count runs out of time (as a broad search over millions would); the
    search itself lists its matches in time."""
    within = budget.within

    def run(self, compute):
        self.spent = True
        return None

    def in_time(ms, compute):
        with monkeypatch.context() as patch:
            patch.setattr(Budget, "run", original_run)
            return within(ms, compute)

    original_run = Budget.run

    def patch():
        monkeypatch.setattr(Budget, "run", run)
        monkeypatch.setattr(statements, "within", in_time)

    return patch


def cut_short(monkeypatch, *, listing: bool, rows: bool, count: bool | None = None):
    """The search's own steps, listing its matches, counting them with other filters (`count`,
    None when the page has none) and reading its page, cut short or not."""
    outcomes = iter([listing, rows] if count is None else [listing, count, rows])

    def within(ms, compute):
        return (True, compute()) if next(outcomes) else (False, None)

    monkeypatch.setattr(statements, "within", within)


def test_a_search_too_broad_to_list_in_time_shows_the_newest_uncounted(
    client, archive, monkeypatch
):
    cut_short(monkeypatch, listing=False, rows=True)
    response = client.get(LIST, {"q": "political"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Too broad to list every match in time" in page
    assert not response.context["page"].paginator.counted
    assert "5 statements" not in page and "More than" not in page
    dates = [s.date.year for s in response.context["page"].object_list]
    assert dates == [2019, 2018, 2017, 2016, 2015]
    assert not any(facet.counted for facet in response.context["facets"])


@pytest.mark.parametrize("listing", [True, False])
def test_a_search_that_cannot_be_answered_in_time_says_so(client, archive, monkeypatch, listing):
    cut_short(monkeypatch, listing=listing, rows=False)
    response = client.get(LIST, {"q": "political"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This search could not be answered in time" in page
    assert "No statement matches" not in page
    assert list(response.context["page"].object_list) == []


def test_search_without_budget_shows_facets_uncounted_and_says_so(client, archive, out_of_time):
    client.get(LIST)  # the archive-wide facets are cached: the uncounted ones show their values
    out_of_time()
    response = client.get(LIST, {"q": "political", "person": archive["person"].slug})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Counts not shown for this broad search" in page
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert not any(facet.counted for facet in facets.values())
    people = facets["person"].values
    assert [(v.label, v.count, v.selected) for v in people] == [("Hadi al-Bahra", None, True)]
    assert [v.label for v in facets["place"].values] == ["Geneva"]
    assert response.context["histogram"] is None
    assert response.context["page"].paginator.count == 5  # the results themselves never wait


def test_search_within_budget_counts_everything(client, archive):
    response = client.get(LIST, {"q": "political"})
    assert "Counts not shown" not in response.content.decode()
    assert all(facet.counted for facet in response.context["facets"])
    assert response.context["histogram"].total == 5


def test_entity_page_without_budget_still_lists_its_statements(client, archive, out_of_time):
    out_of_time()
    response = client.get(archive["person"].get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["histogram"] is None
    assert "Too many meetings to count in time" in page
    assert response.context["page"].paginator.count == 5


def test_counts_stop_at_the_cap_and_relevance_gives_way_to_date(client, archive, monkeypatch):
    monkeypatch.setattr(params, "COUNT_CAP", 3)
    monkeypatch.setattr(params.CappedPaginator, "cap", 3)
    monkeypatch.setattr(statements, "COUNT_CAP", 3)
    response = client.get(LIST, {"q": "political"})
    page = response.content.decode()
    assert "More than 3 statements" in page
    assert "Too many matches to rank by relevance" in page
    assert response.context["sort"] == "newest"
    dates = [s.date.year for s in response.context["page"].object_list]
    assert dates == sorted(dates, reverse=True)


def test_budget_aborts_a_running_query_and_the_page_goes_on():
    with Budget(ms=50) as budget:
        # A query that runs far longer than 50 ms on either engine.
        slow = (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
            "SELECT count(*) FROM n"
        )

        def run():
            with connection.cursor() as cursor:
                cursor.execute(slow)
                return cursor.fetchone()

        assert budget.run(run) is None
        assert budget.spent
        started = time.monotonic()
        assert budget.run(run) is None  # what follows does not run at all
        assert time.monotonic() - started < 0.2
    assert Statement.objects.count() == 0  # the connection still answers


def test_an_empty_budget_sends_no_query_at_all(django_assert_num_queries):
    """A search too slow to list its matches counts nothing: not even a timeout is set (on
    PostgreSQL a timeout of a millisecond cancelled the COMMIT ending the block)."""
    with django_assert_num_queries(0), Budget(ms=0) as budget:
        assert budget.run(lambda: Statement.objects.count()) is None
    assert budget.spent


def test_a_spent_budget_sends_no_more_queries(django_assert_num_queries):
    """Even when no query was aborted: otherwise each could take a whole budget of its own."""
    with Budget(ms=1) as budget:
        time.sleep(0.01)
        with django_assert_num_queries(0):
            assert budget.run(lambda: Statement.objects.count()) is None
    assert budget.spent


def test_a_load_is_seen_by_the_cached_archive_counts(client, archive):
    assert client.get(LIST).context["page"].paginator.count == 5
    cache_keys = len(cache._cache) if hasattr(cache, "_cache") else None
    statement_with_facts(**archive, title="A sixth statement", date=datetime.date(2021, 1, 1))
    response = client.get(LIST)
    assert response.context["page"].paginator.count == 6
    assert response.context["histogram"].total == 6
    if cache_keys is not None:
        assert len(cache._cache) > cache_keys  # counted again under the new corpus version


def test_budget_abort_is_logged_like_any_query():
    """With queries logged (DEBUG, the benchmark), logging the aborted query must not fail."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection), Budget(ms=50) as budget:
        assert budget.run(lambda: _slow_query()) is None
    assert Statement.objects.count() == 0


def _slow_query():
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
            "SELECT count(*) FROM n"
        )
        return cursor.fetchone()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
@pytest.mark.parametrize("ms, query", [(0, "slow"), (50, "slow"), (5000, "quick")])
def test_budget_leaves_no_timeout_behind(ms, query):
    """SET LOCAL in a released savepoint would last until the outer transaction ends."""
    with Budget(ms=ms) as budget:
        budget.run(_slow_query if query == "slow" else Statement.objects.count)
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


def test_words_and_filters_not_counted_in_time_still_show_their_page(client, archive, monkeypatch):
    cut_short(monkeypatch, listing=True, count=False, rows=True)
    response = client.get(LIST, {"q": "political", "person": archive["person"].slug})
    page = response.content.decode()
    assert response.status_code == 200
    assert not response.context["page"].paginator.counted
    assert "Statements matching" in page and "5 statements" not in page
    assert len(response.context["page"].object_list) == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
def test_a_cancelled_commit_ending_a_budget_loses_nothing_read(monkeypatch):
    """Its COMMIT runs under the budget's timeout too; cancelled, the page goes on."""
    from django.db import OperationalError
    from psycopg.errors import QueryCanceled

    with Budget(ms=200) as budget:
        rows = budget.run(lambda: Statement.objects.count())
        ends = budget._atomic.__exit__

        def cancelled(*exc):
            ends(*exc)  # the block still ends (else it would stay open for every later test)
            raise OperationalError("canceling statement due to statement timeout") from (
                QueryCanceled()
            )

        monkeypatch.setattr(budget._atomic, "__exit__", cancelled)
    assert rows == 0 and budget.spent
    assert Statement.objects.count() == 0  # the connection still answers
