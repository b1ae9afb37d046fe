"""The read-only JSON API: its OpenAPI description validates, its answers follow it, and no
hostile query string makes it fail."""

import json

import pytest
from openapi_spec_validator import validate

from archive.models import Statement
from tests.factories import MembershipFactory, StatementFactory
from tests.outputs_data import hostile_statement, rich_statement
from tests.test_pages_hostile import HOSTILE, random_strings

pytestmark = pytest.mark.django_db

API = "/api/v1"


def get(client, path, params=None, status=200):
    response = client.get(f"{API}{path}", params or {})
    assert response.status_code == status, (path, response.content[:300])
    return response.json()


def test_the_openapi_description_is_served_and_valid(client):
    schema = get(client, "/openapi.json")
    validate(schema)
    assert schema["info"]["version"] == "1"
    paths = schema["paths"]
    for path in (
        "/api/v1/statements",
        "/api/v1/statements/{statement_id}",
        "/api/v1/people",
        "/api/v1/organizations",
        "/api/v1/places",
        "/api/v1/resolutions",
        "/api/v1/meetings",
    ):
        assert path in paths


def test_api_root_leads_to_the_docs_page_which_loads_nothing_from_a_cdn(client):
    response = client.get("/api/", follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_a_statement_has_its_paragraphs_facts_permalink_and_citations(client):
    statement = rich_statement()
    item = get(client, f"/statements/{statement.pk}")
    assert item["permalink"] == f"http://testserver{statement.get_absolute_url()}"
    assert item["title"] == statement.title
    assert [p["n"] for p in item["paragraphs"]] == [1, 2, 3]
    assert item["paragraphs"][2]["permalink"].endswith("#p3")
    assert item["paragraphs"][1]["text"] == statement.paragraphs[1]
    assert {p["name"] for p in item["people"]} == {"Hadi al-Bahra", "Geir Pedersen"}
    assert item["event"]["kind"] == "meeting"
    assert "@misc{soc-statement-" in item["citations"]["bibtex"]
    assert json.loads(item["citations"]["csl_json"])[0]["URL"] == item["permalink"]


def test_drafts_are_nowhere_in_the_api(client):
    draft = StatementFactory(title="Secret draft", status=Statement.Status.DRAFT)
    get(client, f"/statements/{draft.pk}", status=404)
    assert get(client, "/statements")["results"] == []
    assert "Secret draft" not in client.get(f"{API}/meetings").content.decode()


def test_statements_are_paginated_with_links(client):
    for _ in range(5):
        StatementFactory()
    first = get(client, "/statements", {"per_page": 2})
    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["previous"]
    assert {s["id"] for s in first["results"]}.isdisjoint(s["id"] for s in second["results"])
    get(client, "/statements", {"per_page": 1000}, status=400)
    get(client, "/statements", {"page": 0}, status=400)
    assert get(client, "/statements", {"page": 4, "per_page": 2})["results"] == []
    assert "page must be" in get(client, "/people", {"page": 10**20}, status=400)["detail"]


def test_an_invalid_filter_is_a_clear_error(client):
    body = get(client, "/statements", {"date_from": "not a date"}, status=400)
    assert "date_from" in body["errors"]


def test_entities_count_only_published_statements(client):
    statement = rich_statement()
    rich_statement(status=Statement.Status.DRAFT)
    MembershipFactory()  # a person from reference data, in no statement
    people = get(client, "/people")["results"]
    assert {p["name"] for p in people} == {"Hadi al-Bahra", "Geir Pedersen"}
    assert all(p["statements"] == 1 for p in people)
    person = get(client, "/people/hadi-al-bahra")
    assert person["first_year"] == statement.date.year
    listed = client.get(person["statements_api_url"]).json()["results"]
    assert [s["id"] for s in listed] == [statement.pk]
    assert get(client, "/resolutions")["results"][0]["name"] == "UNSC Resolution 2254 (2015)"
    assert get(client, "/places")["results"][0]["slug"] == "geneva"
    get(client, "/people/nobody", status=404)


def test_meetings_filter_by_kind(client):
    rich_statement()
    assert get(client, "/meetings", {"kind": "meeting"})["count"] == 1
    assert get(client, "/meetings", {"kind": "letter"})["count"] == 0
    get(client, "/meetings", {"kind": "party"}, status=400)


def test_hostile_text_comes_back_as_the_same_text(client):
    statement = hostile_statement()
    item = get(client, f"/statements/{statement.pk}")
    assert item["title"] == statement.title
    assert item["paragraphs"][0]["text"] == statement.paragraphs[0]


@pytest.mark.parametrize("path", ["/statements", "/people", "/meetings", "/places"])
def test_hostile_query_strings_never_make_the_api_fail(client, path):
    rich_statement()
    for value in HOSTILE + list(random_strings(40)):
        params = {"q": value, "person": value, "kind": value, "year": value, "page": value}
        response = client.get(f"{API}{path}", params)
        assert response.status_code in (200, 400, 422), (path, value[:60])
        assert response["Content-Type"].startswith("application/json")
