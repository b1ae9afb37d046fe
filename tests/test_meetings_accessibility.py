"""The meetings page and the search's entity cards in Chromium, checked by axe-core.

axe-core comes pinned inside the axe-playwright-python package (nothing is fetched when the test
runs). Screenshots go to artifacts/screenshots/.
"""

import datetime
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from archive.models import Meeting, Mention, Organization
from tests.factories import (
    MeetingFactory,
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonAliasFactory,
    PersonFactory,
    PlaceFactory,
    StatementFactory,
)

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORTS = {"laptop": {"width": 1366, "height": 860}, "phone": {"width": 390, "height": 844}}

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def events(transactional_db):
    """Built before the browser starts: Django refuses database work inside Playwright's loop."""
    geneva = PlaceFactory(name="Geneva")
    president = PersonFactory(name="Salem al-Meslet")
    PersonAliasFactory(person=president, name="Salem al-Meslet")
    envoy = PersonFactory(name="Geir Pedersen")
    for n in range(3):
        talks = StatementFactory(
            title=f"Talks in Geneva {n}",
            body="Salem al-Meslet met the UN envoy in Geneva.",
            date=datetime.date(2016 + n, 3, 1),
        )
        MentionFactory(statement=talks, person=president, side=Mention.Side.SOC)
        MentionFactory(statement=talks, person=envoy, side=Mention.Side.COUNTERPART)
        MeetingFactory(statement=talks, place=geneva)
    letter = StatementFactory(title="A letter to the Arab League", date=datetime.date(2020, 1, 5))
    MentionFactory(statement=letter, person=president, side=Mention.Side.SOC)
    league = OrganizationFactory(name="Arab League", kind=Organization.Kind.INTERGOVERNMENTAL)
    OrganizationMentionFactory(statement=letter, organization=league, paragraph=1)
    MeetingFactory(statement=letter, kind=Meeting.Kind.LETTER)


@pytest.fixture
def browser(events):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def violations(page, context=None) -> list[str]:
    results = axe_playwright.Axe().run(page, context=context)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
    ]


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize(
    "query", ["", "?kind=letter", "?person=geir-pedersen&place=geneva&year=2017", "?year=x"]
)
def test_meetings_page_has_no_axe_violation(live_server, browser, device, query):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORTS[device])
    page.goto(live_server.url + reverse("archive:meeting-list") + query)
    assert page.locator("li.meeting").count() or "that filter is ignored" in page.content()
    name = query.strip("?").replace("&", "-").replace("=", "_") or "all"
    page.screenshot(path=SCREENSHOTS / f"{device}-meetings-{name}.png", full_page=True)
    assert violations(page) == []


def test_meetings_filters_work_by_keyboard(live_server, browser):
    page = browser.new_page(viewport=VIEWPORTS["laptop"])
    page.goto(live_server.url + reverse("archive:meeting-list"))
    page.get_by_label("Place").focus()
    page.keyboard.press("ArrowDown")  # Geneva, the only place of a meeting
    page.get_by_role("button", name="Filter").press("Enter")
    page.wait_for_url("**place=geneva**")
    assert page.locator("li.meeting").count() == 3
    assert "Geneva" in page.locator("li.meeting").first.inner_text()


def test_entity_cards_have_no_axe_violation(live_server, browser):
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(live_server.url + reverse("archive:statement-list") + "?q=al-Meslet")
    page.screenshot(path=SCREENSHOTS / "phone-entity-cards.png", full_page=True)
    cards = page.locator(".entity-card")
    assert cards.count() == 1 and "Salem al-Meslet" in cards.first.inner_text()
    assert violations(page, context=".entity-cards") == []
    cards.first.get_by_role("link", name="show only the statements naming this person").click()
    page.wait_for_url("**person=salem-al-meslet**")
