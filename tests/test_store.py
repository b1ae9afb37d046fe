"""EntityStore: extractions stored as rows; people resolved across releases; editors' rows kept."""

import dataclasses
import datetime

import pytest
from django.core.management import call_command

from archive.loader.extract import extract
from archive.loader.gazetteer import FIXTURES_DIR, Gazetteer
from archive.loader.store import EntityStore, merge_people
from archive.models import (
    Citation,
    Meeting,
    Membership,
    Mention,
    MergeSuggestion,
    Organization,
    OrganizationMention,
    Person,
    PersonAlias,
    PlaceMention,
    Resolution,
    Review,
)
from tests.conftest import SHARED_CORPUS
from tests.factories import MentionFactory, PersonAliasFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference(db):
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)


def store(statement, store=None):
    extraction = extract(
        statement.body, release_date=statement.date, gazetteer=Gazetteer.from_fixtures()
    )
    (store or EntityStore()).save(statement=statement, extraction=extraction)
    return extraction


def aliases(person):
    return set(person.aliases.values_list("name", flat=True))


@pytest.mark.skipif(
    not SHARED_CORPUS.is_dir(), reason=f"the shared corpus is not at {SHARED_CORPUS}"
)
@pytest.mark.parametrize("with_reference", [True, False], ids=["reference-loaded", "empty-tables"])
def test_corpus_spelling_pairs_end_as_one_person_each(request, with_reference):
    if with_reference:
        request.getfixturevalue("reference")
    entity_store = EntityStore()
    for path in sorted((SHARED_CORPUS / "releases").glob("*.txt")):
        store(StatementFactory(body=path.read_text(encoding="utf-8"), date=None), entity_store)

    astepho = Person.objects.get(aliases__name="Abdulahad Asepho")
    assert {"Abdulahad Astepho", "Abdulahad Asepho"} <= aliases(astepho)
    barakat = Person.objects.get(aliases__name="Abdul Majid Barakat")
    assert {"Abdel-Majid Barakat", "Abdul Majid Barakat"} <= aliases(barakat)
    kaddo = Person.objects.get(aliases__name="Kado")
    assert "Abdullah Kaddo" in aliases(kaddo)
    meslet = Person.objects.get(name="Salem Al-Meslet")
    assert meslet.mentions.count() == 3
    assert Person.objects.filter(name__icontains="Meslet").count() == 1


def test_two_people_sharing_a_surname_stay_two(reference):
    store(StatementFactory(body="SOC President Nasr Al-Hariri stressed the need for a solution."))
    store(
        StatementFactory(
            body="Hussein Al-Hariri, Head of the Free Syrian Army office, said it was time."
        )
    )
    assert Person.objects.filter(name__endswith="Al-Hariri").count() == 2
    assert not MergeSuggestion.objects.exists()


def test_a_doubtful_match_is_suggested_not_merged(reference):
    store(StatementFactory(body="SOC President Salem Al-Meslet stressed the need for a solution."))
    store(StatementFactory(body="Salim al-Meslet, the Ambassador of Nowhere, said it was time."))
    assert Person.objects.filter(name__icontains="Meslet").count() == 2
    suggestion = MergeSuggestion.objects.get()
    assert {suggestion.person.name, suggestion.candidate.name} == {
        "Salem Al-Meslet",
        "Salim al-Meslet",
    }


def test_statement_rows_and_membership_dates(reference):
    first = StatementFactory(
        date=datetime.date(2021, 3, 1),
        body=(
            "The President of the Syrian Opposition Coalition (SOC), Salem Al-Meslet, held a "
            "meeting in Istanbul with the UN envoy. He stressed that UNSC Resolution 2254 and "
            "Resolution 2999 must be "
            "implemented in Idlib."
        ),
    )
    second = StatementFactory(
        date=datetime.date(2022, 5, 1), body="SOC President Salem Al-Meslet said so."
    )
    entity_store = EntityStore()
    store(first, entity_store)
    store(second, entity_store)
    mention = Mention.objects.get(statement=first)
    assert (mention.person.name, mention.role, mention.organization.abbreviation, mention.side) == (
        "Salem Al-Meslet",
        "President",
        "SOC",
        "soc",
    )
    assert set(
        Citation.objects.filter(statement=first).values_list("resolution__number", flat=True)
    ) == {"2254", "2999"}
    unknown = Resolution.objects.get(number="2999")
    assert unknown.verified is False and unknown.body == "UNSC"
    assert Resolution.objects.get(number="2254").verified
    assert set(
        PlaceMention.objects.filter(statement=first).values_list("place__name", flat=True)
    ) == {"Istanbul", "Idlib"}
    meeting = Meeting.objects.get(statement=first)
    assert (meeting.kind, meeting.place.name) == ("meeting", "Istanbul")
    membership = Membership.objects.get(person=mention.person, role="President")
    assert (membership.first_seen, membership.last_seen) == (first.date, second.date)
    assert (membership.first_statement, membership.last_statement) == (first, second)


def test_reextraction_replaces_extracted_rows_only(reference):
    statement = StatementFactory(
        body="SOC President Salem Al-Meslet met Kofi Annan, UN Special Envoy."
    )
    store(statement)
    confirmed = Mention.objects.get(statement=statement, person__name="Salem Al-Meslet")
    confirmed.role, confirmed.review = "Head of the delegation", Review.CONFIRMED
    confirmed.save()
    removed = Mention.objects.get(statement=statement, person__name="Kofi Annan")
    removed.review = Review.REMOVED
    removed.save()
    org_removed = OrganizationMention.objects.get(
        statement=statement, organization__abbreviation="SOC"
    )
    org_removed.review = Review.REMOVED
    org_removed.save()

    store(statement)
    store(statement)

    confirmed.refresh_from_db()
    assert (confirmed.role, confirmed.review) == ("Head of the delegation", Review.CONFIRMED)
    assert list(Mention.objects.filter(statement=statement, person__name="Kofi Annan")) == [removed]
    assert Mention.objects.get(pk=removed.pk).review == Review.REMOVED
    assert list(
        OrganizationMention.objects.filter(statement=statement, organization__abbreviation="SOC")
    ) == [org_removed]
    assert OrganizationMention.objects.filter(statement=statement, review=Review.EXTRACTED).exists()


def test_reextraction_keeps_reviewed_citations_and_meeting(reference):
    statement = StatementFactory(
        body="The SOC sent a letter citing Resolution 2254 and Resolution 2118."
    )
    store(statement)
    Citation.objects.filter(statement=statement, resolution__number="2118").update(
        review=Review.REMOVED
    )
    Meeting.objects.filter(statement=statement).update(kind="other", review=Review.CONFIRMED)
    store(statement)
    citations = Citation.objects.filter(statement=statement)
    assert sorted(citations.values_list("resolution__number", "review")) == [
        ("2118", Review.REMOVED),
        ("2254", Review.EXTRACTED),
    ]
    assert Meeting.objects.get(statement=statement).kind == "other"


def test_editor_removed_alias_is_not_restored(reference):
    person = PersonFactory(name="Salem Al-Meslet")
    PersonAliasFactory(person=person, name="Salem Al-Meslet", review=Review.REMOVED)
    store(StatementFactory(body="SOC President Salem Al-Meslet stressed the point."))
    assert list(person.aliases.values_list("review", flat=True)) == [Review.REMOVED]


def test_merge_people_moves_mentions_aliases_and_memberships(reference):
    keep, merge = PersonFactory(name="Abdulahad Astepho"), PersonFactory(name="Abdulahad Asepho")
    shared = StatementFactory()
    MentionFactory(person=keep, statement=shared)
    MentionFactory(person=merge, statement=shared)
    own = MentionFactory(person=merge)
    PersonAliasFactory(person=merge, name="A. Asepho")
    Membership.objects.create(
        person=merge, role="Vice-President", first_seen=datetime.date(2023, 1, 1)
    )
    Membership.objects.create(
        person=keep, role="Vice-President", first_seen=datetime.date(2023, 6, 1)
    )

    merge_people(keep=keep, merge=merge)

    assert not Person.objects.filter(pk=merge.pk).exists()
    assert set(Mention.objects.filter(person=keep).values_list("statement", flat=True)) == {
        shared.pk,
        own.statement_id,
    }
    assert {"A. Asepho", "Abdulahad Asepho"} <= aliases(keep)
    assert Membership.objects.get(person=keep).first_seen == datetime.date(2023, 1, 1)
    assert PersonAlias.objects.get(name="Abdulahad Asepho").review == Review.CONFIRMED


def test_storing_a_release_takes_a_few_queries(reference, django_assert_max_num_queries):
    entity_store = EntityStore()
    store(
        StatementFactory(body="SOC President Salem Al-Meslet met Kofi Annan in Geneva."),
        entity_store,
    )
    statement = StatementFactory(
        body="The President of the SOC, Hadi al-Bahra, held a meeting in Istanbul with France's "
        "Special Envoy to Syria, Jean-François Guillaume, and Vice President Abdul Majid Barakat.\n"
        "They discussed Resolution 2254 and the situation in Aleppo and Idlib."
    )
    extraction = extract(statement.body, gazetteer=Gazetteer.from_fixtures())
    # Read the reviewed rows, clear the extracted ones (4 tables and the meeting), insert each
    # kind of row once, create the release's new people and memberships once each; and create an
    # organization the reference data lacks (France, as the envoy's organization), once; and
    # move the corpus version once.
    with django_assert_max_num_queries(16):
        entity_store.save(statement=statement, extraction=extraction)
    assert statement.mentions.count() == 3


def test_organizations_learned_from_titles_do_not_hide_places(reference):
    store(
        StatementFactory(
            body="The SOC met France's Special Envoy to Syria, Jean-François Guillaume."
        )
    )
    assert Mention.objects.get().organization.name == "France"
    later = extract("The SOC thanked France for its support.", gazetteer=Gazetteer.from_database())
    assert [p.name for p in later.places] == ["France"]


def test_added_statements_are_stored_with_one_insert_per_table(
    reference, django_assert_max_num_queries
):
    """The loader's path: new statements queued with add(), then one flush() for the batch."""
    entity_store = EntityStore()
    bodies = [
        "SOC President Salem Al-Meslet met Kofi Annan in Geneva.",
        "The President of the SOC, Hadi al-Bahra, held a meeting in Istanbul with France's Special "
        "Envoy to Syria, Jean-François Guillaume, and discussed Resolution 2254.",
        "SOC President Salem Al-Meslet visited Idlib and Aleppo.",
    ] * 4
    statements = [
        StatementFactory(body=body, date=datetime.date(2021, 1, 1) + datetime.timedelta(days=n))
        for n, body in enumerate(bodies)
    ]
    gazetteer = Gazetteer.from_fixtures()
    for statement in statements:
        entity_store.add(
            statement=statement, extraction=extract(statement.body, gazetteer=gazetteer)
        )
    assert not Mention.objects.exists()  # queued, not yet written
    # Memberships, aliases, mentions, organization and place mentions, citations, meetings; and
    # the corpus version, once.
    with django_assert_max_num_queries(9):
        entity_store.flush()
    assert Mention.objects.count() == 4 * (2 + 2 + 1)  # people named in each of the bodies
    assert Meeting.objects.count() == len(bodies)
    meslet = Membership.objects.get(person__name="Salem Al-Meslet", role="President")
    # Queued new and widened by later statements of the same batch: one row, widest dates.
    assert (meslet.first_statement, meslet.last_statement) == (statements[0], statements[-1])
    assert (meslet.first_seen, meslet.last_seen) == (statements[0].date, statements[-1].date)


def test_added_and_saved_statements_store_the_same_rows(reference):
    statement_rows = []
    for way in ("save", "add"):
        entity_store = EntityStore()
        statement = StatementFactory(
            body="The SOC President Salem Al-Meslet met Kofi Annan, UN Special Envoy, in Geneva, "
            "and cited Resolution 2254."
        )
        extraction = extract(statement.body, gazetteer=Gazetteer.from_fixtures())
        getattr(entity_store, way)(statement=statement, extraction=extraction)
        entity_store.flush()
        statement_rows.append(
            (
                sorted(statement.mentions.values_list("person__name", "role", "side", "paragraph")),
                sorted(statement.citations.values_list("resolution__number", "as_written")),
                sorted(statement.place_mentions.values_list("place__name", "as_written")),
                sorted(
                    statement.organization_mentions.values_list("organization__name", "as_written")
                ),
                Meeting.objects.filter(statement=statement).values_list("kind", "place__name")[0],
            )
        )
    assert statement_rows[0] == statement_rows[1]


def test_an_overlong_extracted_name_is_clipped_not_a_failed_load(reference):
    statement = StatementFactory(body="The Coalition met the envoy.")
    extraction = extract(statement.body, gazetteer=Gazetteer.from_fixtures())
    long_name = "Council " + "of the Very Long Name " * 20
    extraction = dataclasses.replace(
        extraction,
        organizations=(
            *extraction.organizations,
            dataclasses.replace(extraction.organizations[0], name=long_name, as_written=long_name),
        ),
    )
    EntityStore().save(statement=statement, extraction=extraction)
    assert Organization.objects.filter(name=long_name[:200]).exists()
