"""The editors' desk in a real browser (Chromium through Playwright): paste, review, correct,
publish, and the public pages show the correction; axe-core checks every page an editor uses.

Screenshots of the review page (laptop and phone) go to artifacts/screenshots/.
"""

import importlib
import shutil
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management import call_command

from archive.loader.gazetteer import FIXTURES_DIR
from archive.models import Mention, Person, Statement

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "a-long-editor-password-42"
BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, held a meeting in "
    "Istanbul on Thursday with France's Special Envoy to Syria, Jean-François Guillaume.\n"
    "Al-Bahra stressed the need to implement UNSC Resolutions 2118 and 2254 in Aleppo. Our "
    "colleague from the Foreign Relations Department joined the talks.\n"
    "The two sides discussed the situation in Idlib with the Turkish Foreign Minister Hakan "
    "Fidan.\n"
    "(Source: SOC's Media Department)"
)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe = pytest.importorskip("axe_playwright_python", reason="axe-playwright-python is not installed")
AXE_SCRIPT = Path(axe.__file__).parent / "axe.min.js"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def editor(transactional_db, django_user_model):
    """An editor (staff, in the Editors group: not a superuser), and the reference data.

    The group comes from a migration, whose rows the tests run in transactions flush: it is made
    again here as the migration makes it.
    """
    migration = importlib.import_module("archive.migrations.0008_editors_group")
    migration.create_editors(django_apps, schema_editor=None)
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def browser(editor, monkeypatch):
    # The test reads the database between steps; Playwright's loop makes Django think it is async.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as shown, one line each (its script from the package)."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:160]})"
        for v in violations
    ]


def log_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/")


def fact(page, name):
    return page.locator("li.fact", has=page.locator(".fact-label", has_text=name))


def test_paste_review_correct_publish_and_every_page_shows_it(live_server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=LAPTOP, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    accessibility = {}
    log_in(page, live_server.url)
    accessibility["index"] = axe_violations(page)

    # Paste: only the body.
    page.goto(f"{live_server.url}/admin/archive/statement/add/")
    accessibility["add"] = axe_violations(page)
    page.get_by_label("Body").fill(BODY)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/review/")
    statement = Statement.objects.get()
    assert statement.title.startswith("The President of the Syrian Opposition Coalition")
    assert statement.status == Statement.Status.DRAFT
    assert page.locator(".fact-mark").count() >= 5  # facts marked where they were found
    accessibility["review"] = axe_violations(page)
    page.screenshot(path=SCREENSHOTS / "laptop-review.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]

    # Correct a role and a side.
    fidan = fact(page, "Hakan Fidan")
    fidan.locator("summary").click()
    fidan.get_by_label("Role").fill("Minister of Foreign Affairs")
    fidan.get_by_label("Side").select_option("counterpart")
    fidan.get_by_role("button", name="Save correction").click()
    page.wait_for_load_state()
    assert "Corrected and confirmed: Hakan Fidan" in page.locator(".messagelist").inner_text()
    heading = page.locator("h3", has_text="Counterparts")
    counterparts = page.locator("section.fact-group", has=heading)
    assert counterparts.locator(".fact-label", has_text="Hakan Fidan").count() == 1

    # Correct a cited resolution: the release's "2118" was meant as another one.
    resolution_2118 = fact(page, "UNSC Resolution 2118")
    resolution_2118.locator("summary").click()
    resolution_2118.get_by_label("Resolution").fill("UNSC Resolution 2209 (2015)")
    resolution_2118.get_by_role("button", name="Save correction").click()
    page.wait_for_load_state()
    assert (
        "Corrected and confirmed: UNSC Resolution 2209" in page.locator(".messagelist").inner_text()
    )
    heading = page.locator("h3", has_text="Resolutions cited")
    cited = page.locator("section.fact-group", has=heading)
    corrected = cited.locator("li.fact", has=page.locator(".fact-label", has_text="2209"))
    assert "Confirmed by an editor" in corrected.inner_text()
    assert corrected.evaluate("element => element === document.activeElement")  # back to it

    # Add the person the extractor missed, with the keyboard's shortcut.
    page.locator("body").press("a")
    adding = page.locator("#add-person")
    assert adding.get_attribute("open") is not None
    adding.get_by_label("Name").fill("Abdulahad Astepho")
    adding.get_by_label("Role").fill("Vice-President")
    adding.get_by_label("Organization").fill("Syrian Opposition Coalition")
    adding.get_by_label("Side").select_option("soc")
    adding.get_by_label("Paragraph").fill("2")
    adding.get_by_role("button", name="Add person").click()
    page.wait_for_load_state()
    added = Mention.objects.get(person__name="Abdulahad Astepho")
    # The text does not name him: his fact is listed, with no place in the text to mark.
    assert "Abdulahad Astepho" in page.locator(f"#fact-mention-{added.pk}").inner_text()
    accessibility["review after corrections"] = axe_violations(page)

    # The preview is the public page with a draft banner, for editors only.
    review_url = page.url
    page.get_by_role("link", name="Preview").click()
    assert "Draft" in page.locator(".draft-banner").inner_text()
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
    page.goto(review_url)

    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    assert "Published" in page.locator(".messagelist").inner_text()

    # The public: another browser context, not logged in.
    public = browser.new_context(viewport=LAPTOP).new_page()
    public.goto(live_server.url + Statement.objects.get().get_absolute_url())
    counterparts = public.locator(".fact-group", has=public.locator("h2", has_text="Counterpart"))
    assert "Minister of Foreign Affairs" in counterparts.inner_text()
    delegation = public.locator(".fact-group", has_text="Coalition delegation")
    assert "Abdulahad Astepho" in delegation.inner_text()
    cited = public.locator(".fact-group", has=public.locator("h2", has_text="Resolutions cited"))
    assert cited.locator("a[href^='/resolutions/']").all_inner_texts() == [
        "UNSC Resolution 2209 (2015)",
        "UNSC Resolution 2254 (2015)",
    ]
    public.get_by_role("link", name="UNSC Resolution 2209 (2015)").click()
    assert statement.title in public.locator("main").inner_text()

    public.goto(live_server.url + Person.objects.get(name="Hakan Fidan").get_absolute_url())
    assert "Minister of Foreign Affairs" in public.locator("main").inner_text()
    assert "Foreign Minister" not in public.locator("main").inner_text()

    soc = Mention.objects.get(person__name="Abdulahad Astepho").organization
    public.goto(live_server.url + soc.get_absolute_url())
    members = public.locator("main").inner_text()
    assert "Abdulahad Astepho" in members and "Vice-President" in members

    # The other pages an editor uses.
    for name, path in [
        ("statements", "/admin/archive/statement/"),
        ("change", f"/admin/archive/statement/{statement.pk}/change/"),
        ("history", f"/admin/archive/statement/{statement.pk}/history/"),
        ("people", "/admin/archive/person/"),
        ("person", f"/admin/archive/person/{Person.objects.get(name='Hakan Fidan').pk}/change/"),
        ("organizations", "/admin/archive/organization/"),
        ("suggestions", "/admin/archive/mergesuggestion/"),
    ]:
        page.goto(live_server.url + path)
        accessibility[name] = axe_violations(page)

    # Choosing which of two people stays in a merge (then leaving them be).
    page.goto(f"{live_server.url}/admin/archive/person/")
    page.locator('input[name="_selected_action"]').nth(0).check()
    page.locator('input[name="_selected_action"]').nth(1).check()
    page.locator('select[name="action"]').select_option("merge_selected")
    page.get_by_role("button", name="Run").click()
    page.get_by_text("Which one stays?").wait_for()
    accessibility["merge"] = axe_violations(page)

    # The review page on a phone.
    phone = browser.new_context(viewport=PHONE, bypass_csp=True)
    phone_page = phone.new_page()
    log_in(phone_page, live_server.url)
    phone_page.goto(f"{live_server.url}/admin/archive/statement/{statement.pk}/review/")
    phone_page.screenshot(path=SCREENSHOTS / "phone-review.png", full_page=True)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    accessibility["review on a phone"] = axe_violations(phone_page)

    assert {page: found for page, found in accessibility.items() if found} == {}
    assert errors == []
