"""The list page driven by keyboard alone and on a phone, and checked by axe-core (Chromium).

Screenshots go to artifacts/screenshots/.
"""

import shutil

import pytest

from tests.factories import build_sample_archive
from tests.test_browser import ARGS, CHROMIUM, SCREENSHOTS, VIEWPORTS

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def archive(transactional_db):
    return build_sample_archive(statements=60)


@pytest.fixture
def browser(archive):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_tab_reaches_the_first_result_in_two_presses(live_server, browser):
    page = browser.new_page(viewport=VIEWPORTS["laptop"])
    page.goto(f"{live_server.url}/statements/?q=political")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the results"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = page.locator(".result-title a").first
    assert first.evaluate("link => link === document.activeElement")
    page.close()


def test_on_a_phone_results_come_before_facets_and_controls_are_large_enough(live_server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(f"{live_server.url}/statements/?q=political")
    results = page.locator(".result-list").bounding_box()
    filters = page.locator("details.filters").bounding_box()
    assert results["y"] < filters["y"]
    page.locator("details.filters > summary").click()
    for control in page.locator(".facet-check, .facet-only, .facet-entity, .facet-more").all():
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, control.evaluate("e => e.outerHTML")
    page.screenshot(path=SCREENSHOTS / "phone-list-facets.png", full_page=True)

    more = page.locator(".facet-more", has_text="Show more").first
    facet = more.evaluate("link => link.closest('section').getAttribute('aria-labelledby')")
    more.click()
    page.wait_for_url("**more=*")
    assert page.locator("details.filters").evaluate("details => details.open")
    heading = page.locator(f"#{facet}").bounding_box()
    assert -2 <= heading["y"] < VIEWPORTS["phone"]["height"]  # scrolled to the expanded facet
    page.close()


def test_a_facet_checkbox_adds_a_value_and_its_label_selects_it_alone(live_server, browser):
    page = browser.new_page(viewport=VIEWPORTS["laptop"])
    page.goto(f"{live_server.url}/statements/")
    years = page.locator('[aria-labelledby="facet-year"] .facet-value')
    years.nth(0).locator(".facet-only").click()
    page.wait_for_url("**year=*")
    years.nth(1).locator(".facet-check").click()
    page.wait_for_url("**year=*year=*")
    assert page.locator(".chip", has_text="Year:").count() == 2
    years.nth(0).locator(".facet-only").click()  # selected: its label removes it
    page.wait_for_url(lambda url: url.count("year=") == 1)
    page.close()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_the_list_page_has_no_axe_violations(live_server, browser, device):
    page = browser.new_page(viewport=VIEWPORTS[device])
    page.goto(f"{live_server.url}/statements/?q=political&year=2020")
    results = axe_playwright.Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()
