"""The safety net: a statement timeout on the connections serving pages, which no page needs; and
every page sees the current corpus at its next request, counts included."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from archive import budget
from archive.models import Statement
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
    facts = {
        "person": PersonFactory(name="Hadi al-Bahra"),
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
def guarded():
    """The test's connection guarded as a request's would be, then put back as it was."""

    def guard(ms):
        connection.ensure_connection()
        budget.guard(connection, ms)

    yield guard
    budget.guard(connection, 0)


def _slow_query():
    """A query that runs far longer than 100 ms on either engine."""
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
            "SELECT count(*) FROM n"
        )
        return cursor.fetchone()


def _cancelled(compute) -> bool:
    """Whether the guard cancelled compute()'s statement: PostgreSQL's statement timeout
    (SQLSTATE 57014) or SQLite's interrupt. A savepoint keeps the test's transaction usable."""
    try:
        with transaction.atomic():
            compute()
    except DatabaseError as error:
        cause = error.__cause__ or error
        if getattr(cause, "sqlstate", None) == "57014" or "interrupted" in str(error):
            return True
        raise
    return False


def test_the_guard_cancels_a_statement_past_the_timeout_and_the_connection_goes_on(guarded):
    guarded(100)
    assert _cancelled(_slow_query)
    assert Statement.objects.count() == 0  # the connection still answers


def test_the_guard_times_each_statement_from_its_own_start(guarded):
    """Many quick statements add up to more than the timeout without any being cancelled."""
    guarded(100)
    for _ in range(300):
        assert Statement.objects.count() == 0


def test_an_error_other_than_the_timeout_is_not_swallowed(guarded):
    guarded(5000)
    with pytest.raises(Exception, match="no such|does not exist"):
        _cancelled(lambda: connection.cursor().execute("SELECT * FROM no_such_table"))


def test_connections_opened_to_serve_a_request_are_guarded(guarded, settings):
    """The signal that opens a connection guards it only while a request is being served."""
    settings.ARCHIVE_STATEMENT_TIMEOUT_MS = 100
    connection.ensure_connection()
    budget._guard_if_serving(sender=None, connection=connection)
    assert not _guarded()  # a command's connection
    budget._serve()  # what request_started does
    try:
        budget._guard_if_serving(sender=None, connection=connection)
    finally:
        budget._served()  # what request_finished does
    assert _guarded()
    assert _cancelled(_slow_query)


def _guarded() -> bool:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return cursor.fetchone()[0] != "0"
    return any(isinstance(w, budget._SqliteClock) for w in connection.execute_wrappers)


def test_a_search_counts_every_facet_and_says_nothing_of_time(client, archive):
    response = client.get(LIST, {"q": "political"})
    page = response.content.decode()
    assert "in time" not in page and "Counts not shown" not in page
    assert response.context["histogram"].total == 5
    people = response.context["facets"][0]
    assert [(v.label, v.count) for v in people.values] == [("Hadi al-Bahra", 5)]


def test_a_load_is_seen_by_the_next_page(client, archive):
    assert client.get(LIST).context["page"].paginator.count == 5
    statement_with_facts(**archive, title="A sixth statement", date=datetime.date(2021, 1, 1))
    response = client.get(LIST)
    assert response.context["page"].paginator.count == 6
    assert response.context["histogram"].total == 6
    assert response.context["facets"][0].values[0].count == 6


def test_a_withdrawn_statement_leaves_every_count_at_the_next_page(client, archive):
    """No count of an older corpus version is ever served (a draft is never counted)."""
    client.get(LIST, {"q": "political"})
    client.get(LIST)
    Statement.objects.filter(title="Statement 0 on the political process").update(status="draft")
    for params in ({}, {"q": "political"}, {"person": archive["person"].slug}):
        response = client.get(LIST, params)
        assert response.context["page"].paginator.count == 4
        assert response.context["histogram"].total == 4
        assert response.context["facets"][0].values[0].count == 4
        assert "Statement 0 on" not in response.content.decode()


def test_the_corpus_index_is_built_whatever_the_guard(client, archive, guarded, monkeypatch):
    """Reading whole tables once per corpus version may take longer than any page may."""
    from archive import corpus_index

    guarded(100)
    real_build = corpus_index.build

    def slow_build(facts):
        with connection.cursor() as cursor:  # a second or so, as a million statements' facts
            cursor.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 2000000) SELECT count(*) FROM n"
            )
        return real_build(facts)

    monkeypatch.setattr(corpus_index, "build", slow_build)
    response = client.get(LIST)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 5
    assert _cancelled(_slow_query)  # and the guard is back


def test_the_meetings_filters_are_counted_whatever_the_guard(client, archive, guarded, monkeypatch):
    """The meetings page's filter values are counted over every meeting once per corpus
    version, which may take longer than any page may: the guard must not turn it into a 500."""
    from django.core.cache import cache

    from archive.views import meetings

    guarded(100)
    cache.clear()
    real_choices = meetings._choices

    def slow_choices(rows):
        _slow_query()
        return real_choices(rows)

    monkeypatch.setattr(meetings, "_choices", slow_choices)
    response = client.get(reverse("archive:meeting-list"))
    assert response.status_code == 200
    assert _cancelled(_slow_query)  # and the guard is back
