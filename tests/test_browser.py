"""The archive in a real browser (Chromium through Playwright), on a laptop and on a phone.

Walks what a researcher does: search, narrow with a facet, remove the filter again, page forward,
open a permalink and follow a paragraph link. Screenshots go to artifacts/screenshots/.
"""

import re
import shutil
from pathlib import Path

import pytest

from tests.factories import build_sample_archive

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"laptop": {"width": 1366, "height": 860}, "phone": {"width": 390, "height": 844}}

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def archive(transactional_db):
    """Built before the browser starts: Django refuses database work inside Playwright's loop."""
    return build_sample_archive(statements=60)


@pytest.fixture
def browser(archive):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_search_filter_page_and_cite_a_paragraph(live_server, browser, device):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORTS[device])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def shot(name):
        page.screenshot(path=SCREENSHOTS / f"{device}-{name}.png", full_page=True)

    page.goto(live_server.url)
    shot("1-home")

    page.get_by_label("Search the statements").fill("political solution")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/statements/?q=political+solution")
    count = page.locator("#results-count")
    total = int(count.inner_text().split()[0])
    assert total > 20
    shot("2-search")

    if device == "phone":  # the filters fold away on a narrow screen
        page.locator("details.filters > summary").click()
    facet = page.locator('[aria-labelledby="facet-person"] .facet-only').first
    expected = int(re.search(r"\d+", facet.locator(".facet-count").text_content()).group())
    facet.click()
    page.wait_for_url("**person=*")
    assert int(count.inner_text().split()[0]) == expected
    chip = page.locator(".chip", has_text="Person:")
    assert chip.count() == 1
    shot("3-facet")

    chip.locator(".chip-remove").click()
    page.wait_for_url(lambda url: "person=" not in url)
    assert int(count.inner_text().split()[0]) == total
    assert page.locator(".chip", has_text="Person:").count() == 0

    page.get_by_role("link", name="Next →").click()
    page.wait_for_url("**page=2*")
    assert "q=political+solution" in page.url
    assert page.locator(".page-current").inner_text() == "2"
    shot("4-page-2")

    page.locator(".result-title a").first.click()
    page.wait_for_url("**/statements/*/*/?q=*")
    assert page.locator(".statement-body mark").count() > 0
    shot("5-permalink")

    page.locator("#p2 .para-link").click()
    page.wait_for_url("**#p2")
    background = page.locator("#p2").evaluate("p => getComputedStyle(p).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert (
        page.locator("#p1").evaluate("p => getComputedStyle(p).backgroundColor")
        == "rgba(0, 0, 0, 0)"
    )
    shot("6-paragraph")

    page.locator(".statement-facts .person-name").first.click()
    page.wait_for_url("**/people/*/")
    shot("7-person")

    page.get_by_role("link", name="Meetings").click()
    page.wait_for_url("**/meetings/")
    shot("8-meetings")

    assert errors == []
    page.close()
