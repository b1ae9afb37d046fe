"""Every place that lists the kinds of fact is derived from the registry (archive.kinds): a kind
is in each of them, so one left out of any fails here."""

import csv
import io
import json
import re

import pytest
from django.contrib import admin
from django.db.models import NOT_PROVIDED
from django.urls import reverse

from archive import editing
from archive.kinds import (
    AS_WRITTEN_KINDS,
    BY_NAME,
    ENTITY_KINDS,
    FACT_KINDS,
    READING_ORDER,
    STORED_KINDS,
    RoleKind,
)
from archive.loader import store
from archive.models import Review, Statement
from archive.models.review import Reviewed
from archive.records import CSV_COLUMNS
from archive.search.entities import parse_and_recognise
from archive.views.meetings import ENTITY_FILTERS
from tests.factories import (
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
    PlaceFactory,
    ResolutionFactory,
    StatementFactory,
    statement_with_facts,
)

pytestmark = pytest.mark.django_db

# The export's columns, in the order researchers' scripts read them (README, "Citing, exporting
# and the API").
DOCUMENTED_CSV = [
    "id", "permalink", "title", "date", "date_source", "language", "issued_by", "original_url",
    "synthetic", "event_kind", "event_date", "event_date_as_written", "event_place",
    "coalition_delegation", "counterparts", "people_mentioned", "speakers", "organizations",
    "places", "resolutions",
]  # fmt: skip


def _needs_a_value(field) -> bool:
    """Whether a row cannot be inserted without a value for `field`."""
    return not (
        field.primary_key
        or field.null
        or field.default is not NOT_PROVIDED
        or getattr(field, "auto_now_add", False)
    )


@pytest.fixture
def published():
    """A published statement with one fact of every stored kind, its entities with a spelling
    each, as a reader and an editor find them."""
    person, organization = (
        PersonFactory(name="Hadi al-Bahra"),
        OrganizationFactory(name="Arab League"),
    )
    place, resolution = PlaceFactory(name="Azaz"), ResolutionFactory(number="2254")
    PersonAliasFactory(person=person, name="Hadi Al Bahra")
    organization.aliases.create(name="League of Arab States")
    place.aliases.create(name="Aazaz")
    statement_with_facts(
        person=person, organization=organization, place=place, resolution=resolution
    )
    return {
        "person": person,
        "organization": organization,
        "place": place,
        "resolution": resolution,
    }


def test_every_kind_stores_rows_derives_them_or_narrows_another_kinds():
    for kind in FACT_KINDS:
        stored = kind in STORED_KINDS
        assert stored != (isinstance(kind, RoleKind) or bool(kind.only)), kind.name
        assert bool(kind.loader_columns) == stored, kind.name


@pytest.mark.parametrize("kind", STORED_KINDS, ids=lambda kind: kind.name)
def test_the_loader_writes_every_column_a_row_of_each_stored_kind_needs(kind):
    columns = store._COLUMNS[kind.model]
    fields = {field.name: field for field in kind.model._meta.concrete_fields}
    assert set(columns) <= set(fields), f"{kind.name}: a loader column is no field"
    assert {"statement", "review"} <= set(columns)
    assert kind.column in columns
    missing = [
        name for name, field in fields.items() if _needs_a_value(field) and name not in columns
    ]
    assert not missing, f"{kind.name}: the loader leaves out {missing}"
    assert store._REVIEWED_KEYS[kind.model] in {f.attname for f in fields.values()}


def test_the_csv_header_is_the_documented_one_with_every_exported_kinds_columns():
    assert CSV_COLUMNS == DOCUMENTED_CSV
    for kind in FACT_KINDS:
        if isinstance(kind, RoleKind):  # a role is exported with each person who held it
            assert kind.name not in READING_ORDER
        else:
            assert kind.name in READING_ORDER, f"{kind.name} is not exported"
    assert len(set(READING_ORDER)) == len(READING_ORDER)


def test_every_stored_kind_is_in_the_csv_and_the_json_a_researcher_downloads(client, published):
    raw = b"".join(client.get(reverse("archive:statement-export")).streaming_content)
    [row] = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert row["coalition_delegation"] == "Hadi al-Bahra (President)"
    assert row["organizations"] == "Arab League"
    assert row["places"] == "Azaz"
    assert row["resolutions"] == "UNSC 2254"
    assert row["event_kind"] == "meeting"
    raw = b"".join(client.get(reverse("archive:statement-export-json")).streaming_content)
    [record] = json.loads(raw)["statements"]
    for name in READING_ORDER:
        kind = BY_NAME[name]
        if kind.export_name:
            assert record[kind.export_name], f"{name} is missing from the JSON record"


@pytest.mark.parametrize("kind", ENTITY_KINDS, ids=lambda kind: kind.name)
def test_every_entity_kind_has_its_page_at_its_address(client, published, kind):
    entity = published[kind.name]
    url = reverse(kind.url_name, kwargs={"slug": entity.slug})
    assert url == f"/{kind.url_path}/{entity.slug}/"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context[kind.name] == entity
    assert [s.pk for s in page.context["page"]] == [published["person"].mentions.get().statement_id]
    assert client.get(f"/{kind.url_path}/nobody-of-that-name/").status_code == 404


def test_a_kind_narrowing_another_links_to_its_entities_pages():
    for kind in FACT_KINDS:
        if kind.only:
            [owner] = [k for k in STORED_KINDS if k.model is kind.model]
            assert kind.url_name == owner.url_name


@pytest.mark.parametrize("kind", STORED_KINDS, ids=lambda kind: kind.name)
def test_every_stored_kind_has_its_fact_table_in_the_admin(editor, published, kind):
    assert kind.model in admin.site._registry
    url = reverse(f"admin:archive_{kind.model._meta.model_name}_changelist")
    assert editor.get(url).status_code == 200


@pytest.mark.parametrize("kind", [k for k in ENTITY_KINDS if k.aliases], ids=lambda k: k.name)
def test_every_entity_kinds_spellings_are_edited_on_its_admin_page(editor, published, kind):
    entity_admin = admin.site._registry[kind.entity]
    assert kind.aliases in [inline.model for inline in entity_admin.inlines]
    assert kind.aliases in admin.site._registry
    page = editor.get(reverse(f"admin:archive_{kind.entity._meta.model_name}_change", args=[
        published[kind.name].pk
    ]))  # fmt: skip
    spellings = [form.instance.name for form in page.context["inline_admin_formsets"][0].formset]
    assert spellings == [published[kind.name].aliases.get().name]


# Another name of each entity of `published`, as a researcher types it: a kind of entities
# added without one here fails below.
OTHER_NAMES = {
    "person": "Hadi Al Bahra",
    "organization": "League of Arab States",
    "place": "Aazaz",
    "resolution": "UNSCR 2254",
}


@pytest.mark.parametrize("kind", ENTITY_KINDS, ids=lambda kind: kind.name)
def test_a_search_recognises_every_entity_kind_by_another_name(client, published, kind):
    words, entity = OTHER_NAMES[kind.name], published[kind.name]
    [group] = [facts for _, facts in parse_and_recognise(words).entity_groups()]
    assert [(fact.kind, fact.pk) for fact in group] == [(kind.name, entity.pk)]
    [card] = client.get(reverse("archive:statement-list"), {"q": words}).context["entity_cards"]
    assert card.url == reverse(kind.url_name, kwargs={"slug": entity.slug})


def test_the_meetings_page_filters_by_entities_of_the_registry(client, published):
    for name in ENTITY_FILTERS:
        assert BY_NAME[name].entity is not None
    page = client.get(reverse("archive:meeting-list"), {"place": "azaz", "person": "nobody"})
    assert page.context["selection"].place == published["place"]
    assert page.context["errors"] == ["No person is known as “nobody”: that filter is ignored."]


def _review_page(statement) -> str:
    return reverse("admin:archive_statement_review", args=[statement.pk])


@pytest.mark.parametrize("kind", ENTITY_KINDS, ids=lambda kind: kind.name)
def test_every_entity_kind_has_its_index_page_sitemap_and_api_route(client, published, kind):
    entity = published[kind.name]
    page_url = reverse(kind.url_name, kwargs={"slug": entity.slug})
    index = client.get(f"/{kind.url_path}/")
    assert [listed.pk for listed in index.context["page"]] == [entity.pk]
    assert f'<a href="/{kind.url_path}/">{kind.label}</a>' in index.content.decode()  # footer
    assert page_url in client.get(f"/sitemap-{kind.url_path}.xml").content.decode()
    assert f"/{kind.url_path}/<" in client.get("/sitemap-pages.xml").content.decode()
    listing = client.get(f"/api/v1/{kind.url_path}").json()
    assert [item["slug"] for item in listing["results"]] == [entity.slug]


@pytest.mark.parametrize("kind", STORED_KINDS, ids=lambda kind: kind.name)
def test_every_stored_kinds_facts_are_reviewed_and_keep_their_history(editor, published, kind):
    assert issubclass(kind.model, Reviewed)
    fact = kind.model.objects.get()
    key = f"{kind.review_prefix}-{fact.pk}"
    page = editor.get(_review_page(fact.statement)).content.decode()
    assert f'id="fact-{key}"' in page
    editor.post(_review_page(fact.statement), {"action": "confirm", "fact": key})
    record = fact.history.order_by("-history_id").first()
    assert (record.review, record.history_user) == (Review.CONFIRMED, editor.user)
    prefixes = [k.review_prefix for k in STORED_KINDS]
    assert len(set(prefixes)) == len(prefixes)


@pytest.mark.parametrize("kind", AS_WRITTEN_KINDS, ids=lambda kind: kind.name)
def test_every_kind_naming_entities_is_listed_and_added_back_by_another_name(
    client, editor, published, kind
):
    fact, entity = kind.model.objects.get(), published[kind.name]
    permalink = client.get(fact.statement.get_absolute_url()).content.decode()
    section = re.search(rf"<h2>{kind.facts_title}</h2>(.*?)</section>", permalink, re.S)
    assert reverse(kind.url_name, kwargs={"slug": entity.slug}) in section.group(1)
    page = editor.get(_review_page(fact.statement)).content.decode()
    assert f'<h3 id="group-{kind.review_prefix}s">{kind.facts_title} ' in page
    assert f'<datalist id="{kind.name}-names">' in page
    key = f"{kind.review_prefix}-{fact.pk}"
    editor.post(_review_page(fact.statement), {"action": "remove", "fact": key})
    editor.post(
        _review_page(fact.statement),
        {
            "action": f"add-{kind.review_prefix}",
            "fact": f"new-{kind.review_prefix}",
            "name": OTHER_NAMES[kind.name],
            "paragraph": fact.paragraph,
        },
    )
    fact.refresh_from_db()
    assert fact.review == Review.CONFIRMED


@pytest.mark.parametrize("kind", [k for k in ENTITY_KINDS if k.merged], ids=lambda k: k.name)
def test_every_merged_kinds_old_address_leads_to_the_survivor(client, published, kind):
    survivor = published[kind.name]
    other = kind.entity.objects.create(name="Another of that name", slug="another-of-that-name")
    editing.merge(survivor, [other])
    page = client.get(f"/{kind.url_path}/another-of-that-name/")
    assert (page.status_code, page["Location"]) == (301, survivor.get_absolute_url())


@pytest.mark.parametrize("kind", ENTITY_KINDS, ids=lambda kind: kind.name)
def test_every_entity_kind_stays_hidden_while_only_a_draft_names_it(client, published, kind):
    page = reverse(kind.url_name, kwargs={"slug": published[kind.name].slug})
    Statement.objects.update(status=Statement.Status.DRAFT)
    assert client.get(page).status_code == 404
    Statement.objects.update(status=Statement.Status.PUBLISHED)
    assert client.get(page).status_code == 200


@pytest.mark.parametrize("kind", [k for k in ENTITY_KINDS if k.aliases], ids=lambda k: k.name)
def test_every_entity_kinds_spelling_shows_once_a_published_statement_wrote_it(
    client, published, kind
):
    entity = published[kind.name]
    spelling = entity.aliases.create(name="Only a draft wrote this")
    draft = StatementFactory(status=Statement.Status.DRAFT)
    kind.model.objects.create(statement=draft, **{kind.column: entity, kind.written: spelling.name})
    page = reverse(kind.url_name, kwargs={"slug": entity.slug})
    assert spelling not in client.get(page).context["aliases"]
    Statement.objects.filter(pk=draft.pk).update(status=Statement.Status.PUBLISHED)
    assert spelling in client.get(page).context["aliases"]
