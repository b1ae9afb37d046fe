"""The outputs in Chromium: a statement's cite panel, the ¶ link's copy, an index page and the
API docs (served from local static files). Screenshots go to artifacts/screenshots/."""

import shutil

import pytest

from tests.factories import build_sample_archive
from tests.outputs_data import rich_statement
from tests.test_browser import ARGS, CHROMIUM, SCREENSHOTS

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def statement(transactional_db):
    build_sample_archive(statements=20)
    return rich_statement()


@pytest.fixture
def page(statement, live_server):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        yield page
        browser.close()


def test_the_cite_panel_and_the_paragraph_link_copy_clean_addresses(live_server, page, statement):
    page.goto(f"{live_server.url}{statement.get_absolute_url()}?q=envoy")
    panel = page.locator("#cite")
    panel.scroll_into_view_if_needed()
    panel.screenshot(path=SCREENSHOTS / "outputs-cite-panel.png")
    assert "Chicago (author-date)" in panel.inner_text()
    assert "n.d." not in panel.inner_text()
    page.locator("#p2 .para-link").click()
    clean = f"{live_server.url}{statement.get_absolute_url()}#p2"
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
    assert page.evaluate("navigator.clipboard.readText()") == clean
    page.locator("#cite button[data-copy-text]").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Syrian Opposition Coalition. 2021.")
    assert page.errors == []


def test_an_index_page_sorts_and_filters(live_server, page):
    page.goto(f"{live_server.url}/people/")
    page.get_by_role("link", name="Most statements").click()
    page.wait_for_url("**/people/?sort=count")
    counts = [int(n) for n in page.locator(".index-table td.num").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts
    page.screenshot(path=SCREENSHOTS / "outputs-people-index.png", full_page=True)
    assert page.errors == []


def test_the_api_docs_render_from_local_files(live_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/")
    page.locator(".swagger-ui .info .title").wait_for()
    page.locator(".opblock").first.wait_for()
    page.screenshot(path=SCREENSHOTS / "outputs-api-docs.png", full_page=False)
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requested)
    assert "Statement Archive API" in page.locator(".swagger-ui .info .title").inner_text()
