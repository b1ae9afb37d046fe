"""What an editor does to the archive, each in one transaction that every page follows at once.

Pasting, extracting again, confirming, correcting, removing and adding facts, publishing,
withdrawing and merging all go through here, so the admin's pages stay thin and what the public
pages derive from the facts moves with them: a corrected role, organization or side reaches the
person's roles over time, the organization's members, the meetings and the facets in the same
transaction. Each operation counts as one change of the corpus version (`one_change()`).

Roles over time (`Membership`) are derived from the visible mentions of *published* statements
only, so a draft never stretches a published person's role span, and a role an editor corrected
replaces the extractor's everywhere.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from archive import kinds
from archive.loader.extract import extract
from archive.loader.gazetteer import Gazetteer
from archive.loader.parse import derive_title, source_from_body
from archive.loader.store import EntityStore, merge_people
from archive.models import (
    Correction,
    FormerSlug,
    Meeting,
    Membership,
    Mention,
    MergeSuggestion,
    Organization,
    OrganizationAlias,
    OrganizationMention,
    Person,
    Place,
    PlaceAlias,
    PlaceMention,
    Review,
    Statement,
)
from archive.models.corpus import one_change
from archive.models.history import WITHDRAWN
from archive.naming import (
    EditorError,
    entity_named,
    organization_named,
    person_named,
    place_named,
)
from archive.text import make_slug

# The facts of every kind, by what the review page calls them in its keys ("citation-12").
FACT_MODELS = {kind.review_prefix: kind.model for kind in kinds.STORED_KINDS}


# Pasting and extracting
# ----------------------------------------------------------------------------------------------


def derived_fields(body: str) -> dict:
    """What the loader derives from a bare release: title (first sentence), slug and source."""
    title = derive_title(body)
    return {
        "title": title,
        "title_derived": True,
        "slug": make_slug(title),
        "source_name": source_from_body(body),
    }


def check_release_fields(*, body: str) -> list[str]:
    """What the form must refuse beyond the model's field rules.

    Lengths, control characters, URL schemes and plausible dates are checked by the model itself
    (`Statement.clean_fields()` with `archive.validation`, the loader's own rules), so the admin
    refuses what the loader refuses; only an empty paste is the form's to catch.
    """
    return [] if body.strip() else ["The release has no text: paste its body."]


@transaction.atomic
def extract_again(statement: Statement) -> None:
    """Run the extractor on the statement's text; facts an editor confirmed or removed stay.

    A date the editor set is kept; an undated statement takes the date its text gives.
    """
    with one_change():
        before = set(statement.mentions.values_list("person_id", flat=True))
        extraction = extract(
            statement.body, release_date=statement.date, gazetteer=Gazetteer.from_database()
        )
        if statement.date is None and extraction.release_date:
            statement.date = extraction.release_date
            statement.date_source = Statement.DateSource.TEXT
            statement.save(update_fields=["date", "date_source"])
        EntityStore().save(statement=statement, extraction=extraction)
        after = set(statement.mentions.values_list("person_id", flat=True))
        rebuild_memberships(before | after)


def note_correction(statement: Statement, note: str) -> Correction:
    """A public, dated note that a published statement's text changed."""
    return Correction.objects.create(statement=statement, note=note.strip())


# Facts
# ----------------------------------------------------------------------------------------------


def fact_of(statement: Statement, key: str):
    """The fact of `statement` named by a review page key ("mention-12"), or EditorError."""
    kind, _, pk = key.partition("-")
    model = FACT_MODELS.get(kind)
    if model is None or not pk.isdigit():
        raise EditorError("That fact does not exist.")
    fact = model.objects.filter(statement=statement, pk=pk).first()
    if fact is None:
        raise EditorError("That fact is no longer in this statement (someone changed it).")
    return fact


@transaction.atomic
def set_review(fact, review: str) -> None:
    """Confirm a fact (kept as it is by every re-extraction) or remove it (kept out for good)."""
    with one_change():
        fact.review = review
        fact.save()
        if isinstance(fact, Mention):
            rebuild_memberships([fact.person_id])


@transaction.atomic
def correct_mention(
    mention: Mention,
    *,
    name: str,
    role: str,
    organization: str,
    side: str,
    spoke: bool,
    paragraph: int,
) -> Mention:
    """Correct who a mention is, their role, organization and side; the mention is confirmed."""
    with one_change():
        old_person = mention.person_id
        person = mention.person if name.strip() == mention.person.name else person_named(name)
        if person.pk != old_person and (
            Mention.objects.filter(statement=mention.statement, person=person)
            .exclude(pk=mention.pk)
            .exists()
        ):
            raise EditorError(f"{person.name} is already in this statement: correct that entry.")
        # Extracting again reads the same words as the person they were taken for: a removed
        # mention of that person keeps them out (the statement has no other mention of them).
        corrected_away = Mention(
            statement=mention.statement,
            person_id=old_person,
            name_as_written=mention.name_as_written,
            paragraph=mention.paragraph,
            review=Review.REMOVED,
        )
        mention.person = person
        mention.role = role.strip()[:300]
        mention.organization = organization_named(organization) if organization.strip() else None
        mention.side = _choice(side, Mention.Side, "side")
        mention.spoke = spoke
        mention.paragraph = _paragraph(mention.statement, paragraph)
        mention.review = Review.CONFIRMED
        mention.save()
        if person.pk != old_person:
            corrected_away.save()
        rebuild_memberships({old_person, person.pk})
        return mention


@transaction.atomic
def add_mention(
    statement: Statement,
    *,
    name: str,
    role: str,
    organization: str,
    side: str,
    spoke: bool,
    paragraph: int,
) -> Mention:
    """Add a person the extractor missed (a new person if no one has that name yet)."""
    with one_change():
        person = person_named(name, create=True)
        existing = Mention.objects.filter(statement=statement, person=person).first()
        if existing and existing.review != Review.REMOVED:
            raise EditorError(f"{person.name} is already in this statement: correct that entry.")
        mention = existing or Mention(statement=statement, person=person)
        mention.name_as_written = name.strip()[:200]
        mention.role = role.strip()[:300]
        mention.organization = organization_named(organization) if organization.strip() else None
        mention.side = _choice(side, Mention.Side, "side")
        mention.spoke = spoke
        mention.paragraph = _paragraph(statement, paragraph)
        mention.review = Review.CONFIRMED
        mention.save()
        rebuild_memberships([person.pk])
        return mention


@transaction.atomic
def add_named_fact(statement: Statement, kind: str, *, name: str, paragraph: int):
    """Add an organization, place or cited resolution the extractor missed (one already in the
    archive); one an editor removed from the same place comes back, confirmed."""
    with one_change():
        named = _named_kind(kind)
        target, paragraph = named.lookup(name), _paragraph(statement, paragraph)
        same = named.facts_naming(statement, target, paragraph)
        if same.visible().exists():
            raise EditorError(
                f"{target} {named.already(paragraph)}: confirm or correct that entry."
            )
        fact = same.first() or named.model(
            statement=statement, **{named.field: target}, as_written=name.strip()[:300]
        )
        fact.paragraph = paragraph
        fact.review = Review.CONFIRMED
        fact.save()
        return fact


@transaction.atomic
def correct_named_fact(fact, *, name: str, paragraph: int):
    """Correct which organization, place or resolution a fact names, or its paragraph; it is
    confirmed."""
    with one_change():
        named = next((n for n in NAMED_KINDS.values() if isinstance(fact, n.model)), None)
        if named is None:
            raise EditorError(f"Only {_NAMED_LABELS} can be corrected so.")
        target, paragraph = named.lookup(name), _paragraph(fact.statement, paragraph)
        if named.facts_naming(fact.statement, target, paragraph).exclude(pk=fact.pk).exists():
            raise EditorError(f"{target} {named.already(paragraph)}: keep that entry.")
        corrected_away = named.model(
            statement=fact.statement,
            **{named.field: getattr(fact, named.field)},
            as_written=fact.as_written,
            paragraph=fact.paragraph,
            review=Review.REMOVED,
        )
        setattr(fact, named.field, target)
        fact.paragraph = paragraph
        fact.review = Review.CONFIRMED
        fact.save()
        _keep_out(named, corrected_away)
        return fact


def _keep_out(named: NamedKind, fact) -> None:
    """Keep the entity a fact named before its correction out of the statement for good.

    Extracting again finds the same words and would name it again; a removed fact naming it tells
    the extractor that an editor took it out. Not when another fact still names it in the
    statement: the extractor keeps reviewed facts per entity, and that one must stay.
    """
    target = getattr(fact, named.field)
    same = named.model.objects.filter(statement=fact.statement, **{named.field: target})
    if not same.visible().exists():
        fact.save()


@transaction.atomic
def correct_meeting(
    meeting: Meeting, *, kind: str, format: str, date: datetime.date | None, place: str
) -> Meeting:
    """Correct the event a statement reports (its kind, format, date and place); it is confirmed."""
    with one_change():
        meeting.kind = _choice(kind, Meeting.Kind, "kind")
        meeting.format = _choice(format, Meeting.Format, "format")
        meeting.date = date
        meeting.place = place_named(place) if place.strip() else None
        meeting.review = Review.CONFIRMED
        meeting.save()
        return meeting


@transaction.atomic
def add_meeting(
    statement: Statement, *, kind: str, format: str, date: datetime.date | None, place: str
) -> Meeting:
    """Add the event of a statement that has none; it is confirmed."""
    if Meeting.objects.filter(statement=statement).exists():
        raise EditorError("This statement has its event already: correct that entry.")
    return correct_meeting(
        Meeting(statement=statement), kind=kind, format=format, date=date, place=place
    )


@dataclass(frozen=True)
class NamedKind:
    """A kind of fact that only names an entity of the archive (archive.kinds: `AS_WRITTEN_KINDS`):
    an organization, a place, a resolution cited."""

    kind: kinds.FactKind

    @property
    def model(self) -> type:
        return self.kind.model

    @property
    def field(self) -> str:
        """The fact's field naming the entity."""
        return self.kind.column

    @property
    def per_paragraph(self) -> bool:
        """Whether a statement may name one entity in several paragraphs (a resolution cited
        twice) or once (a place), as the model's constraint allows."""
        unique = [c.fields for c in self.model._meta.constraints if "statement" in c.fields]
        return any("paragraph" in fields for fields in unique)

    def lookup(self, name: str):
        """The entity an editor's words name (EditorError if none)."""
        return entity_named(self.kind, name)

    def facts_naming(self, statement: Statement, target, paragraph: int):
        """The statement's facts that already name `target` where the editor would put it."""
        same = self.model.objects.filter(statement=statement, **{self.field: target})
        return same.filter(paragraph=paragraph) if self.per_paragraph else same

    def already(self, paragraph: int) -> str:
        if self.per_paragraph:
            return f"is already cited in paragraph {paragraph}"
        return "is already in this statement"


NAMED_KINDS = {kind.review_prefix: NamedKind(kind) for kind in kinds.AS_WRITTEN_KINDS}
_NAMED_LABELS = "{} and {}".format(
    ", ".join(kind.label.lower() for kind in kinds.AS_WRITTEN_KINDS[:-1]),
    kinds.AS_WRITTEN_KINDS[-1].label.lower(),
)


def _named_kind(kind: str) -> NamedKind:
    if kind not in NAMED_KINDS:
        raise EditorError(f"Only {_NAMED_LABELS} can be named this way.")
    return NAMED_KINDS[kind]


def _choice(value: str, choices, what: str) -> str:
    if value not in choices.values:
        raise EditorError(f"Choose a {what} from the list.")
    return value


def _paragraph(statement: Statement, paragraph) -> int:
    count = len(statement.paragraphs)
    try:
        number = int(paragraph)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= count:
        raise EditorError(f"The paragraph is a number from 1 to {count}.")
    return number


# Roles over time
# ----------------------------------------------------------------------------------------------


def rebuild_memberships(person_ids: Iterable[int]) -> None:
    """Derive these people's roles over time from their visible mentions in published statements.

    One row per (person, organization, role), spanning the first and last dated statements that
    show it. Rows no published statement supports any longer go.
    """
    person_ids = {pk for pk in person_ids if pk}
    if not person_ids:
        return
    spans: dict[tuple, dict] = {}
    mentions = (
        Mention.objects.visible()
        .filter(person_id__in=person_ids, statement__status=Statement.Status.PUBLISHED)
        .exclude(role="")
        .values_list("person_id", "organization_id", "role", "statement_id", "statement__date")
        .order_by("statement__date", "statement_id")
    )
    for person_id, org_id, role, statement_id, date in mentions:
        key = (person_id, org_id, role[:200])
        span = spans.setdefault(
            key, {"first_statement_id": statement_id, "first_seen": date, "last_seen": date}
        )
        if date and span["first_seen"] is None:
            span.update(first_statement_id=statement_id, first_seen=date)
        span.update(last_statement_id=statement_id, last_seen=date or span["last_seen"])
    existing = {
        (m.person_id, m.organization_id, m.role): m
        for m in Membership.objects.filter(person_id__in=person_ids)
    }
    Membership.objects.filter(pk__in=[m.pk for k, m in existing.items() if k not in spans]).delete()
    changed, created = [], []
    for key, span in spans.items():
        membership = existing.get(key)
        if membership is None:
            person_id, org_id, role = key
            created.append(
                Membership(person_id=person_id, organization_id=org_id, role=role, **span)
            )
        elif any(getattr(membership, field) != value for field, value in span.items()):
            for field, value in span.items():
                setattr(membership, field, value)
            changed.append(membership)
    Membership.objects.bulk_create(created)
    Membership.objects.bulk_update(changed, list(_SPAN_FIELDS))


_SPAN_FIELDS = ("first_statement_id", "first_seen", "last_statement_id", "last_seen")


# Publishing
# ----------------------------------------------------------------------------------------------


@transaction.atomic
def publish(statements: Iterable[Statement]) -> int:
    """Publish drafts: they, their people's roles and every count show them at once."""
    return _set_status(statements, Statement.Status.PUBLISHED, reason="published")


@transaction.atomic
def withdraw(statements: Iterable[Statement]) -> int:
    """Withdraw published statements to draft: every public page stops showing them at once;
    their permalinks say they are no longer published."""
    return _set_status(statements, Statement.Status.DRAFT, reason=WITHDRAWN)


def _set_status(statements, status: str, *, reason: str) -> int:
    changed = [s for s in statements if s.status != status]
    with one_change():
        for statement in changed:
            statement.status = status
            statement._change_reason = reason  # recorded in the statement's history
            statement.save(update_fields=["status", "updated"])
        rebuild_memberships(
            Mention.objects.filter(statement__in=changed).values_list("person_id", flat=True)
        )
    return len(changed)


def was_withdrawn(statement: Statement) -> bool:
    """Whether this draft was published once and withdrawn (its history says so)."""
    latest = statement.history.order_by("-history_date", "-history_id").first()
    return (
        statement.status == Statement.Status.DRAFT
        and latest is not None
        and latest.history_change_reason == WITHDRAWN
    )


# Merging
# ----------------------------------------------------------------------------------------------


@transaction.atomic
def merge(survivor, others: Iterable) -> int:
    """Fold `others` into `survivor` (people, organizations or places, all of one kind).

    Every alias, mention and membership moves to the survivor; each merged entity's slug is
    remembered so that its old URL answers 301 to the survivor's page.
    """
    others = [o for o in others if o.pk != survivor.pk]
    kind = _KINDS[type(survivor)]
    if any(type(o) is not type(survivor) for o in others):
        raise EditorError("Only entities of one kind can be merged.")
    with one_change():
        for other in others:
            FormerSlug.objects.filter(kind=kind, target_id=other.pk).update(target_id=survivor.pk)
            FormerSlug.objects.update_or_create(
                kind=kind, slug=other.slug, defaults={"target_id": survivor.pk}
            )
            MERGES[kind](survivor, other)
        if kind == FormerSlug.Kind.PERSON:
            rebuild_memberships([survivor.pk])
    return len(others)


def _merge_person(keep: Person, other: Person) -> None:
    merge_people(keep=keep, merge=other)


def _merge_organization(keep: Organization, other: Organization) -> None:
    _move_mentions(OrganizationMention, "organization", keep, other)
    Mention.objects.filter(organization=other).update(organization=keep)
    Organization.objects.filter(parent=other).exclude(pk=keep.pk).update(parent=keep)
    kept = {(m.person_id, m.role): m for m in Membership.objects.filter(organization=keep)}
    for membership in Membership.objects.filter(organization=other):
        if (membership.person_id, membership.role) in kept:
            membership.delete()  # the survivor's span is rebuilt below
        else:
            membership.organization = keep
            membership.save(update_fields=["organization"])
    _move_aliases(OrganizationAlias, "organization", keep, other)
    other.delete()
    rebuild_memberships(
        Membership.objects.filter(organization=keep).values_list("person_id", flat=True)
    )


def _merge_place(keep: Place, other: Place) -> None:
    _move_mentions(PlaceMention, "place", keep, other)
    Meeting.objects.filter(place=other).update(place=keep)
    Place.objects.filter(parent=other).exclude(pk=keep.pk).update(parent=keep)
    _move_aliases(PlaceAlias, "place", keep, other)
    other.delete()


# What a merge moves, for each kind editors merge (archive.kinds: `merged`): rules of their own,
# as a person's roles, an organization's members and bodies and a place's events and parts move.
MERGES = {"person": _merge_person, "organization": _merge_organization, "place": _merge_place}


def _move_mentions(model, field: str, keep, other) -> None:
    """Move `other`'s mentions to `keep`, except where `keep` is already in the statement."""
    both = model.objects.filter(**{field: keep}).values("statement_id")
    model.objects.filter(**{field: other}, statement_id__in=both).delete()
    model.objects.filter(**{field: other}).update(**{field: keep})


def _move_aliases(model, field: str, keep, other) -> None:
    names = set(model.objects.filter(**{field: keep}).values_list("name", flat=True))
    model.objects.filter(**{field: other}, name__in=names).delete()
    model.objects.filter(**{field: other}).update(**{field: keep})
    if other.name not in names | {keep.name}:
        model.objects.create(**{field: keep}, name=other.name)


# The entities editors merge (archive.kinds: `merged`), by model.
_KINDS = {kind.entity: kind.name for kind in kinds.ENTITY_KINDS if kind.merged}


def survivor_of(kind: str, slug: str):
    """The entity a merged slug now belongs to, or None."""
    former = FormerSlug.objects.filter(kind=kind, slug=slug).first()
    if former is None:
        return None
    model = {k: m for m, k in _KINDS.items()}[kind]
    return model.objects.filter(pk=former.target_id).first()


# The merge-suggestion queue
# ----------------------------------------------------------------------------------------------


@transaction.atomic
def accept_suggestion(suggestion: MergeSuggestion, *, survivor: Person | None = None) -> None:
    """They are one person: merge (the candidate survives unless the editor chose otherwise)."""
    survivor = survivor or suggestion.candidate
    other = suggestion.person if survivor.pk == suggestion.candidate_id else suggestion.candidate
    MergeSuggestion.objects.filter(pk=suggestion.pk).update(status=MergeSuggestion.Status.MERGED)
    merge(survivor, [other])


def answer_suggestion(suggestion: MergeSuggestion, status: str) -> None:
    """Different people, or a dismissed suggestion: remembered, and never suggested again."""
    suggestion.status = _choice(status, MergeSuggestion.Status, "answer")
    suggestion.save(update_fields=["status"])
