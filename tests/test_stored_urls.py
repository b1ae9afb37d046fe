"""Stored addresses become links only when they are http(s), whatever way they reached the
database: these tests write hostile URLs straight into it, as a fixture, a restore or SQL would."""

import re
from html.parser import HTMLParser

import pytest
from django.template import engines
from django.urls import reverse

from archive.models import Resolution, Statement
from tests.factories import (
    CitationFactory,
    MentionFactory,
    OrganizationMentionFactory,
    PlaceMentionFactory,
    ResolutionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/relative/path",
]
LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.values += [value or "" for name, value in attrs if name in LINK_ATTRIBUTES]


def links_in(page: str) -> list[str]:
    """Every address a browser would follow from the page, as the browser reads it."""
    parser = _Links()
    parser.feed(page)
    return parser.values


def assert_no_hostile_link(page: str, where: str):
    for value in links_in(page):
        squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
        assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), (where, value)
        assert "evil.example" not in squeezed, (where, value)


@pytest.fixture
def statements_with_hostile_urls():
    statements = []
    for n, url in enumerate(HOSTILE_URLS):
        statement = StatementFactory(title=f"Statement {n}")
        resolution = ResolutionFactory()
        CitationFactory(statement=statement, resolution=resolution)
        MentionFactory(statement=statement)
        OrganizationMentionFactory(statement=statement)
        PlaceMentionFactory(statement=statement)
        # Past the loader and the forms: as a fixture, a restore or SQL would write them.
        Statement.objects.filter(pk=statement.pk).update(source_url=url)
        Resolution.objects.filter(pk=resolution.pk).update(url=url)
        statements.append(statement)
    return statements


def every_page(statements) -> list[str]:
    pages = [
        "/",
        reverse("archive:statement-list"),
        reverse("archive:statement-list") + "?q=statement",
        reverse("archive:statement-feed"),
        reverse("archive:meeting-list"),
    ]
    for statement in statements:
        pages.append(statement.get_absolute_url())
        pages += [m.person.get_absolute_url() for m in statement.mentions.all()]
        pages += [m.organization.get_absolute_url() for m in statement.organization_mentions.all()]
        pages += [m.place.get_absolute_url() for m in statement.place_mentions.all()]
        pages += [c.resolution.get_absolute_url() for c in statement.citations.all()]
    return pages


def test_hostile_stored_urls_are_never_links_on_any_public_page(
    client, statements_with_hostile_urls
):
    for page in every_page(statements_with_hostile_urls):
        response = client.get(page)
        assert response.status_code == 200, page
        assert_no_hostile_link(response.content.decode(), page)


def test_hostile_stored_urls_are_never_links_in_the_admin(
    admin_client, statements_with_hostile_urls
):
    pages = [reverse("admin:archive_statement_changelist")]
    for statement in statements_with_hostile_urls:
        pages.append(reverse("admin:archive_statement_change", args=[statement.pk]))
        for citation in statement.citations.all():
            pages.append(reverse("admin:archive_resolution_change", args=[citation.resolution_id]))
    for page in pages:
        response = admin_client.get(page)
        assert response.status_code == 200, page
        assert_no_hostile_link(response.content.decode(), page)


def test_an_http_source_url_is_a_link_on_the_permalink(client):
    statement = StatementFactory(source_url="https://en.etilaf.org/all-news/news/a-release")
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "https://en.etilaf.org/all-news/news/a-release" in links_in(page)


@pytest.mark.parametrize(
    ("value", "rendered"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        ("javascript:alert(1)", ""),
        ("https:alert(1)", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_link_url_filter_keeps_only_absolute_http_addresses(value, rendered):
    template = engines["jinja2"].from_string("{{ value|link_url }}")
    assert template.render({"value": value}) == rendered
