"""Nothing that only a draft contains reaches a public page: every page kind, visited as the
public with a draft that names a person, an organization, a resolution and a date nothing
published names; and an editor previews the draft at its permalink."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from archive import editing
from archive.loader.gazetteer import FIXTURES_DIR
from archive.models import Membership, Organization, Person, Resolution, Statement
from tests.factories import (
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

DRAFT_BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, held a meeting in "
    "Geneva with France's Special Envoy to Syria, Zebulon Quartermaine.\n"
    "Quartermaine stressed the need to implement UNSC Resolution 9999 in Aleppo."
)
# Words, names and a date that only the draft contains.
SECRETS = ["Zebulon", "Quartermaine", "9999", "Liberation Front of Zebulon", "1901"]


@pytest.fixture
def archive(client, django_user_model):
    """A published statement with Hadi al-Bahra, and a draft pasted through the admin."""
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    soc = Organization.objects.get(abbreviation="SOC")
    bahra = Person.objects.create(name="Hadi al-Bahra")
    published = StatementFactory(date=datetime.date(2024, 3, 1), title="Al-Bahra in Geneva")
    MentionFactory(statement=published, person=bahra, role="President", organization=soc)
    editing.rebuild_memberships([bahra.pk])

    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = client.post(
        reverse("admin:archive_statement_add"),
        {"body": DRAFT_BODY, "date": "1901-01-01", "status": "draft", "language": "en"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Statement.objects.get(status=Statement.Status.DRAFT)
    front = OrganizationFactory(name="Liberation Front of Zebulon")
    OrganizationMentionFactory(statement=draft, organization=front, as_written=front.name)
    return {
        "draft": draft,
        "bahra": bahra,
        "soc": soc,
        "zebulon": Person.objects.get(name="Zebulon Quartermaine"),
        "front": front,
        "resolution": Resolution.objects.get(number="9999"),
    }


def test_the_draft_was_extracted_with_a_draft_only_person_and_resolution(archive):
    assert archive["draft"].mentions.filter(person=archive["zebulon"]).exists()
    assert archive["draft"].citations.filter(resolution=archive["resolution"]).exists()


def test_a_draft_never_stretches_a_published_persons_roles(archive):
    spans = Membership.objects.filter(person=archive["bahra"]).values_list(
        "role", "first_seen", "last_seen"
    )
    assert list(spans) == [("President", datetime.date(2024, 3, 1), datetime.date(2024, 3, 1))]
    assert not Membership.objects.filter(person=archive["zebulon"]).exists()


def _sitemap(section):
    return reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": section})


PAGES = {
    "home": lambda a: reverse("archive:home"),
    "list": lambda a: reverse("archive:statement-list"),
    "search": lambda a: reverse("archive:statement-list") + "?q=Quartermaine",
    "search of a phrase": lambda a: (
        reverse("archive:statement-list") + "?q=%22Quartermaine+stressed%22"
    ),
    "list of the draft person": lambda a: (
        reverse("archive:statement-list") + f"?person={a['zebulon'].slug}"
    ),
    "list of the draft organization": lambda a: (
        reverse("archive:statement-list") + f"?organization={a['front'].slug}"
    ),
    "list of the draft resolution": lambda a: (
        reverse("archive:statement-list") + f"?resolution={a['resolution'].slug}"
    ),
    "export": lambda a: reverse("archive:statement-export"),
    "export of a search": lambda a: reverse("archive:statement-export") + "?q=Quartermaine",
    "feed": lambda a: reverse("archive:statement-feed"),
    "meetings": lambda a: reverse("archive:meeting-list"),
    "permalink": lambda a: a["draft"].get_absolute_url(),
    "draft person": lambda a: a["zebulon"].get_absolute_url(),
    "published person": lambda a: a["bahra"].get_absolute_url(),
    "draft organization": lambda a: a["front"].get_absolute_url(),
    "published organization": lambda a: a["soc"].get_absolute_url(),
    "draft resolution": lambda a: a["resolution"].get_absolute_url(),
    "place": lambda a: reverse("archive:place-detail", args=["geneva"]),
    "sitemap index": lambda a: reverse("sitemap-index"),
    **{
        f"sitemap of {section}": lambda a, section=section: _sitemap(section)
        for section in ("statements", "people", "organizations", "places", "resolutions")
    },
    "people index": lambda a: reverse("archive:people-index"),
    "organizations index": lambda a: reverse("archive:organizations-index"),
    "resolutions index": lambda a: reverse("archive:resolutions-index"),
}


@pytest.mark.parametrize("page", PAGES)
def test_nothing_only_a_draft_contains_reaches_a_public_page(archive, page):
    url = PAGES[page](archive)
    response = Client().get(url)
    assert response.status_code in (200, 404)
    text = b"".join(response.streaming_content) if response.streaming else response.content
    text = text.decode()
    # A page may show what the visitor typed: a search its words, a filter the slug in its URL.
    typed = url.partition("?")[2].partition("=")[2]
    text = text.replace(typed, "") if typed else text
    searched = "Quartermaine" if "Quartermaine" in url else None
    leaked = [secret for secret in SECRETS if secret in text and secret != searched]
    assert leaked == [], f"{url} shows {leaked}"
    assert archive["draft"].title not in text


def test_draft_only_entities_answer_not_found(archive):
    public = Client()
    for entity in ("zebulon", "front", "resolution"):
        assert public.get(archive[entity].get_absolute_url()).status_code == 404, entity


def test_an_editor_previews_a_draft_with_a_banner_and_noindex(archive, client):
    response = client.get(archive["draft"].get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Draft — not published" in page
    assert '<meta name="robots" content="noindex">' in page
    assert response["X-Robots-Tag"] == "noindex"
    assert "Zebulon Quartermaine" in page


def test_publishing_the_draft_shows_everything_it_names(archive, client):
    editing.publish([archive["draft"]])
    public = Client()
    assert public.get(archive["zebulon"].get_absolute_url()).status_code == 200
    assert (
        "Zebulon Quartermaine" in public.get(archive["draft"].get_absolute_url()).content.decode()
    )
    spans = Membership.objects.filter(person=archive["bahra"]).values_list(
        "first_seen", "last_seen"
    )
    assert list(spans) == [(datetime.date(1901, 1, 1), datetime.date(2024, 3, 1))]


def test_a_withdrawn_statement_says_it_is_no_longer_published(archive):
    editing.publish([archive["draft"]])
    editing.withdraw([archive["draft"]])
    response = Client().get(archive["draft"].get_absolute_url())
    assert response.status_code == 404
    page = response.content.decode()
    assert "This statement is no longer published" in page
    assert "Zebulon" not in page
    assert Client().get(archive["zebulon"].get_absolute_url()).status_code == 404


def test_a_draft_that_was_never_published_is_a_plain_not_found(archive):
    response = Client().get(archive["draft"].get_absolute_url())
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'action="/statements/"' in response.content.decode()  # the search box


def test_a_spelling_only_a_draft_wrote_stays_off_the_public_pages(client):
    person = PersonFactory(name="Hadi al-Bahra")
    organization = OrganizationFactory(name="Syrian Negotiations Commission")
    MentionFactory(person=person)
    OrganizationMentionFactory(organization=organization)
    draft = StatementFactory(status=Statement.Status.DRAFT)
    MentionFactory(statement=draft, person=person, name_as_written="Hadi Elbahra")
    OrganizationMentionFactory(statement=draft, organization=organization, as_written="SNC-X")
    person.aliases.create(name="Hadi Elbahra")
    organization.aliases.create(name="SNC-X")
    assert "Elbahra" not in client.get(person.get_absolute_url()).content.decode()
    assert "SNC-X" not in client.get(organization.get_absolute_url()).content.decode()

    editing.publish([draft])
    assert "Elbahra" in client.get(person.get_absolute_url()).content.decode()
    assert "SNC-X" in client.get(organization.get_absolute_url()).content.decode()
