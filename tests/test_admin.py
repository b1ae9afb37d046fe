"""The editors' admin: pages answer, pasted statements get entities, corrections stick, merges."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from archive.cache import corpus_version
from archive.loader.gazetteer import FIXTURES_DIR
from archive.models import Mention, MergeSuggestion, Person, Review, Statement
from tests.factories import (
    CitationFactory,
    MeetingFactory,
    MentionFactory,
    OrganizationMentionFactory,
    PersonAliasFactory,
    PersonFactory,
    PlaceMentionFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, held a meeting in "
    "Istanbul with France's Special Envoy to Syria, Jean-François Guillaume.\n"
    "Al-Bahra stressed the need to implement UNSC Resolutions 2118 and 2254 in Aleppo."
)


@pytest.fixture
def editor(client, django_user_model):
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def add_statement(client, body=BODY, **extra):
    data = {
        "title": "Al-Bahra meets the French envoy",
        "slug": "al-bahra-meets-the-french-envoy",
        "body": body,
        "language": "en",
        "status": "published",
        "date": "2024-12-05",
        "date_source": "editor",
        "source_name": "",
        "source_url": "",
        "title_derived": "",
    }
    for prefix in ("meeting", "mentions", "citations", "organization_mentions", "place_mentions"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(extra)
    response = client.post(reverse("admin:archive_statement_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Statement.objects.get(slug="al-bahra-meets-the-french-envoy")


def resubmit(client, statement, row, changes):
    """Post the statement's change form back as shown, with `changes` made to one inline row."""
    url = reverse("admin:archive_statement_change", args=[statement.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "search_document"}
    data.update({"date": "2024-12-05", "title_derived": ""})
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for i, inline_form in enumerate(formset.forms):
            for name, field in inline_form.fields.items():
                value = inline_form.initial.get(name, field.initial)
                if hasattr(value, "pk"):
                    value = value.pk
                if value is not None and value is not False:
                    data[f"{formset.prefix}-{i}-{name}"] = value
            if inline_form.instance.pk == row.pk and type(inline_form.instance) is type(row):
                data.update({f"{formset.prefix}-{i}-{k}": v for k, v in changes.items()})
    return client.post(url, data)


def test_every_admin_page_answers(editor):
    statement = MentionFactory().statement
    CitationFactory(statement=statement)
    OrganizationMentionFactory(statement=statement)
    PlaceMentionFactory(statement=statement)
    MeetingFactory(statement=statement)
    PersonAliasFactory()
    for model in (
        "statement",
        "person",
        "personalias",
        "membership",
        "mention",
        "mergesuggestion",
        "organization",
        "organizationalias",
        "organizationmention",
        "place",
        "placealias",
        "placemention",
        "resolution",
        "citation",
        "meeting",
    ):
        assert editor.get(reverse(f"admin:archive_{model}_changelist")).status_code == 200, model
        assert editor.get(reverse(f"admin:archive_{model}_add")).status_code == 200, model
    assert (
        editor.get(reverse("admin:archive_statement_change", args=[statement.pk])).status_code
        == 200
    )
    person = Mention.objects.first().person
    assert editor.get(reverse("admin:archive_person_change", args=[person.pk])).status_code == 200
    search = editor.get(reverse("admin:archive_person_changelist"), {"q": person.name})
    assert search.status_code == 200


def test_a_pasted_statement_gets_its_entities(editor):
    statement = add_statement(editor)
    mentions = {
        m.person.name: m for m in statement.mentions.select_related("person", "organization")
    }
    assert set(mentions) == {"Hadi al-Bahra", "Jean-François Guillaume"}
    assert mentions["Hadi al-Bahra"].organization.abbreviation == "SOC"
    assert mentions["Jean-François Guillaume"].side == "counterpart"
    assert sorted(statement.citations.values_list("resolution__number", flat=True)) == [
        "2118",
        "2254",
    ]
    assert set(statement.place_mentions.values_list("place__name", flat=True)) >= {
        "Istanbul",
        "Aleppo",
    }
    assert (statement.meeting.kind, statement.meeting.place.name) == ("meeting", "Istanbul")
    page = editor.get(reverse("admin:archive_statement_change", args=[statement.pk]))
    assert "Jean-François Guillaume" in page.content.decode()


def test_an_editors_correction_is_confirmed_and_survives_saving_again(editor):
    statement = add_statement(editor)
    mention = statement.mentions.get(person__name="Hadi al-Bahra")
    response = resubmit(editor, statement, mention, {"role": "Head of the delegation"})
    assert response.status_code == 302, response.content.decode()[:3000]
    mention.refresh_from_db()
    assert (mention.role, mention.review) == ("Head of the delegation", Review.CONFIRMED)
    assert statement.mentions.filter(
        person__name="Jean-François Guillaume", review=Review.EXTRACTED
    ).exists()


def test_merge_suggestion_action_merges_the_two_people(editor):
    kept, other = PersonFactory(name="Abdulahad Astepho"), PersonFactory(name="Abdulahad Asepho")
    MentionFactory(person=other)
    suggestion = MergeSuggestion.objects.create(
        person=other, candidate=kept, score=0.92, reason="similar"
    )
    response = editor.post(
        reverse("admin:archive_mergesuggestion_changelist"),
        {"action": "merge", "_selected_action": [suggestion.pk]},
    )
    assert response.status_code == 302
    assert list(Person.objects.filter(name__startswith="Abdulahad")) == [kept]
    assert kept.mentions.count() == 1
    assert "Abdulahad Asepho" in set(kept.aliases.values_list("name", flat=True))


def test_person_action_merges_selected_people(editor):
    first, second = PersonFactory(name="Kaddo Abdullah"), PersonFactory(name="Abdullah Kaddo")
    MentionFactory(person=second)
    response = editor.post(
        reverse("admin:archive_person_changelist"),
        {"action": "merge_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert list(Person.objects.all()) == [first]
    assert first.mentions.count() == 1


def test_a_pasted_statement_starts_as_a_draft(editor):
    page = editor.get(reverse("admin:archive_statement_add"))
    assert page.context["adminform"].form.initial["status"] == Statement.Status.DRAFT


def test_publish_action_publishes_the_selected_statements(editor):
    draft = StatementFactory(status=Statement.Status.DRAFT)
    response = editor.post(
        reverse("admin:archive_statement_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Statement.Status.PUBLISHED


def test_admin_search_uses_the_archive_full_text_search(editor):
    StatementFactory(title="Talks on normalization", body="Nothing else.")
    StatementFactory(title="Unrelated", body="A release about aid.")
    page = editor.get(reverse("admin:archive_statement_changelist"), {"q": "normalize"})
    titles = [s.title for s in page.context["cl"].result_list]
    assert titles == ["Talks on normalization"]
    assert (
        editor.get(reverse("admin:archive_statement_changelist"), {"q": '"(-'}).status_code == 200
    )


def test_deleting_an_extracted_fact_in_the_admin_keeps_it_out_for_good(editor):
    statement = add_statement(editor)
    mention = statement.mentions.get(person__name="Hadi al-Bahra")
    assert resubmit(editor, statement, mention, {"DELETE": "on"}).status_code == 302
    mention.refresh_from_db()
    assert mention.review == Review.REMOVED
    assert not statement.mentions.visible().filter(person__name="Hadi al-Bahra").exists()


def test_publishing_in_the_admin_refreshes_the_archive_wide_counts(editor):
    draft = StatementFactory(status=Statement.Status.DRAFT)
    before = corpus_version()
    editor.post(
        reverse("admin:archive_statement_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert corpus_version() != before
