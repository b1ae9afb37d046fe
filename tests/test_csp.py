"""The Content Security Policy: scripts only from the site's own files, and no page breaks it.

Every response carries the policy; no page holds an inline script or an inline event handler;
and Chromium, loading every kind of page (the admin's too), reports no violation.
"""

import shutil
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from archive.models import Meeting, Person, Place, Resolution, Statement
from tests.factories import StatementFactory, build_sample_archive

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "correct horse battery staple"
SCRIPT_TYPES = ("text/javascript", "module", "")


def page_kinds() -> list[str]:
    """One address of every kind of page of the sample archive."""
    statement = Statement.objects.published().filter(citations__isnull=False).first()
    person = Person.objects.filter(mentions__isnull=False).first()
    place = Place.objects.filter(statement_mentions__isnull=False).first()
    resolution = Resolution.objects.filter(citations__isnull=False).first()
    meeting = Meeting.objects.exclude(statement__status="draft").first()
    organization = statement.organization_mentions.first() or person.mentions.first()
    return [
        "/",
        reverse("archive:statement-list"),
        reverse("archive:statement-list") + "?q=political+solution",
        reverse("archive:statement-list") + f"?person={person.slug}&year=2019",
        statement.get_absolute_url(),
        statement.get_absolute_url() + "?q=coalition",
        person.get_absolute_url(),
        organization.organization.get_absolute_url(),
        place.get_absolute_url(),
        resolution.get_absolute_url(),
        reverse("archive:meeting-list"),
        meeting.statement.get_absolute_url(),
        "/no/such/page/",
    ]


def admin_pages() -> list[str]:
    statement = Statement.objects.first()
    person = Person.objects.first()
    return [
        reverse("admin:index"),
        reverse("admin:archive_statement_changelist"),
        reverse("admin:archive_statement_change", args=[statement.pk]),
        reverse("admin:archive_statement_add"),
        reverse("admin:archive_person_change", args=[person.pk]),
        reverse("admin:archive_mergesuggestion_changelist"),
    ]


class _InlineCode(HTMLParser):
    """Collects what a `script-src 'self'` policy would block: inline scripts, event handler
    attributes and `javascript:` links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        script_type = attributes.get("type", "text/javascript")
        if tag == "script" and not attributes.get("src") and script_type in SCRIPT_TYPES:
            self.found.append(f"inline <script> {attributes}")
        for name, value in attrs:
            link = name in ("href", "src", "action")
            if name.startswith("on") or (link and (value or "").lower().startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value!r}>")


def inline_code_in(page: str) -> list[str]:
    parser = _InlineCode()
    parser.feed(page)
    return parser.found


@pytest.mark.django_db
def test_every_response_carries_the_policy(client):
    StatementFactory()
    for url in ("/", reverse("archive:statement-list"), "/no/such/page/", reverse("admin:login")):
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["script-src"] == "'self'", url
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_no_page_holds_inline_code(client):
    build_sample_archive(statements=30)
    user = get_user_model().objects.create_superuser("editor", "e@example.org", PASSWORD)
    for url in page_kinds():
        assert inline_code_in(client.get(url).content.decode()) == [], url
    client.force_login(user)
    for url in admin_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_code_in(response.content.decode()) == [], url


def test_the_inline_code_check_finds_inline_code():
    page = '<p onclick="x()">a</p><script>alert(1)</script><a href="JavaScript:x()">b</a>'
    assert len(inline_code_in(page)) == 3
    assert inline_code_in('<script src="/static/js/archive.js" defer></script>') == []


# In a browser ----------------------------------------------------------------------------------

# Installed before any script of the page runs; Playwright's own scripts are exempt from the policy.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


@pytest.fixture
def browser_archive(transactional_db):
    build_sample_archive(statements=30)
    get_user_model().objects.create_superuser("editor", "e@example.org", PASSWORD)
    return page_kinds(), admin_pages()


@pytest.mark.browser
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")
def test_chromium_reports_no_policy_violation_on_any_page(live_server, browser_archive):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    public, admin = browser_archive
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.add_init_script(LISTEN)
        console: list[str] = []
        page.on(
            "console",
            lambda message: (
                console.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )

        def visit(url: str) -> list[str]:
            page.goto(live_server.url + url)
            page.wait_for_load_state("load")
            return page.evaluate("window.__violations")

        for url in public:
            assert visit(url) == [], url
        page.goto(live_server.url + reverse("admin:login"))
        page.fill("#id_username", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        for url in admin:
            assert visit(url) == [], url
        assert console == []

        # The listener does hear a violation: an inline handler slipped into the page is one.
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"1\">')")
        page.wait_for_function("window.__violations.length > 0")
        assert "script-src" in page.evaluate("window.__violations")[0]
        browser.close()
