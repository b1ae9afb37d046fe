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


def review(client, statement, action, fact=None, **fields):
    """Post one action of the statement's review page, as its buttons and forms do."""
    url = reverse("admin:archive_statement_review", args=[statement.pk])
    data = {"action": action, **fields}
    if fact is not None:
        data["fact"] = f"{type(fact).__name__.lower()}-{fact.pk}"
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
        if model != "mergesuggestion":  # suggestions come from the extractor only
            assert editor.get(reverse(f"admin:archive_{model}_add")).status_code == 200, model
    assert editor.get(reverse("admin:archive_membership_changelist")).status_code == 200
    for view in ("change", "review", "history"):
        url = reverse(f"admin:archive_statement_{view}", args=[statement.pk])
        assert editor.get(url).status_code == 200, view
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
    response = review(
        editor,
        statement,
        "correct",
        mention,
        name="Hadi al-Bahra",
        role="Head of the delegation",
        organization="SOC",
        side="soc",
        paragraph="1",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert review(editor, statement, "extract").status_code == 302
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
        {"action": "accept", "_selected_action": [suggestion.pk]},
    )
    assert response.status_code == 302
    assert list(Person.objects.filter(name__startswith="Abdulahad")) == [kept]
    assert kept.mentions.count() == 1
    assert "Abdulahad Asepho" in set(kept.aliases.values_list("name", flat=True))


def test_person_action_merges_selected_people_into_the_one_chosen(editor):
    first, second = PersonFactory(name="Kaddo Abdullah"), PersonFactory(name="Abdullah Kaddo")
    MentionFactory(person=second)
    selected = {"action": "merge_selected", "_selected_action": [first.pk, second.pk]}
    url = reverse("admin:archive_person_changelist")
    choose = editor.post(url, selected)
    assert choose.status_code == 200
    assert "Which one stays?" in choose.content.decode()
    response = editor.post(url, {**selected, "survivor": first.pk})
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


def test_removing_an_extracted_fact_on_the_review_page_keeps_it_out_for_good(editor):
    statement = add_statement(editor)
    mention = statement.mentions.get(person__name="Hadi al-Bahra")
    assert review(editor, statement, "remove", mention).status_code == 302
    assert review(editor, statement, "extract").status_code == 302
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
