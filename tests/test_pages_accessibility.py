"""axe-core finds nothing on the pages a reader browses: the list (its role facets, the cards of
the names a search recognised, the filters panel open), the meetings page and the pages of a
person, an organization, a place and a resolution, at a laptop's width and a phone's.

axe-core comes pinned inside the axe-playwright-python package (nothing is fetched when the test
runs). Screenshots go to artifacts/screenshots/.
"""

import shutil

import pytest

from archive.models import Person
from tests.factories import PersonAliasFactory, build_sample_archive
from tests.test_browser import ARGS, CHROMIUM, SCREENSHOTS, VIEWPORTS

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]

PAGES = {
    "list-roles": "/statements/?q=2254&role=president-of-soc&spoke_as=president-of-soc",
    "list-card": "/statements/?q=Hadi+al-Bahra&more=role",
    "list-nothing": "/statements/?q=zzzqqq&role=president-of-soc",
    "meetings": "/meetings/",
    "person": "/people/hadi-al-bahra/",
    "organization": "/organizations/soc/",
    "place": "/places/aleppo/",
    "resolution": "/resolutions/unsc-2254/",
}


@pytest.fixture
def archive(transactional_db):
    built = build_sample_archive(statements=40)
    PersonAliasFactory(person=Person.objects.get(name="Hadi al-Bahra"), name="Hadi al-Bahra")
    return built


@pytest.fixture
def browser(archive):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_the_page_has_no_axe_violations(live_server, browser, device, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORTS[device])
    response = page.goto(live_server.url + PAGES[name])
    assert response.status == 200
    # Whatever a panel folds away (the filters on a phone) is checked unfolded too.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.screenshot(path=SCREENSHOTS / f"{device}-axe-{name}.png", full_page=True)
    results = axe_playwright.Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()
