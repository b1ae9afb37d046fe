"""Stores an extraction: mentions, memberships, meeting, places, organizations and citations.

One `EntityStore` serves a whole load run and keeps what it has looked up (people and their
spellings, organizations, places, resolutions, memberships) in memory. `save()` stores one
statement's rows at once (a handful of queries); the loader instead `add()`s the statements it has
just created and `flush()`es them a batch at a time, so a batch of hundreds of releases costs one
INSERT per table (plus one for each release that names people never seen before, whose ids the
next release may need).

Editors come first: a row an editor confirmed or removed (`review` other than "extracted") is never
changed, and the extractor never adds a row for the same person, organization, place or resolution
beside it, so what an editor took out stays out. Extracted rows of the statement are replaced.
People are matched across releases through `names.compare_names`: the same name in another spelling
is the same person; a small spelling difference with the same organization is too; anything less
sure becomes a new person plus a `MergeSuggestion` for an editor, never a silent merge.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection

from archive.kinds import STORED_KINDS
from archive.models import (
    Citation,
    Meeting,
    Membership,
    Mention,
    MergeSuggestion,
    Organization,
    OrganizationAlias,
    OrganizationMention,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    PlaceMention,
    Resolution,
    Review,
    Statement,
)
from archive.models.corpus import one_change
from archive.text import make_slug, name_key

from .extract import CitationFact, Extraction, PersonFact
from .names import compare_names, given_key, person_key, surname_key

EXTRACTED = Review.EXTRACTED
# The statement's extracted rows, each with the key that an editor's reviewed row reserves.
_REVIEWED_KEYS = {kind.model: kind.reviewed_key for kind in STORED_KINDS}
# The columns of the rows the store queues per statement, in the order of their tuples.
_COLUMNS = {kind.model: kind.loader_columns for kind in STORED_KINDS}


class EntityStore:
    """Created once per load run (caches lookups so a 10,000-release load stays fast)."""

    def __init__(self) -> None:
        self._loaded = False
        # Rows waiting for flush(): per model, tuples in the order of its _COLUMNS.
        self._rows: dict[type, list[tuple]] = defaultdict(list)
        self._aliases_to_add: list[PersonAlias] = []
        self._suggestions: list[MergeSuggestion] = []
        self._new_memberships: dict[int, Membership] = {}  # by id(): one row however often widened
        self._widened: dict[int, Membership] = {}  # saved ones, by pk

    def save(self, *, statement: Statement, extraction: Extraction) -> None:
        """Store the mentions, memberships, meeting, places and citations of a saved statement.

        Its earlier extracted rows are replaced; the rows editors reviewed are kept.
        """
        with one_change():
            self.flush()  # rows queued for this statement must exist before they are cleared
            self._store(statement, extraction, kept=self._clear(statement))
            self.flush()

    def add(self, *, statement: Statement, extraction: Extraction) -> None:
        """Queue the rows of a statement this run has just created, for `flush()` to insert.

        A new statement has no rows yet, so there is nothing to clear or keep.
        """
        self._store(statement, extraction, kept=defaultdict(set))

    def flush(self) -> None:
        """Insert every queued row: one statement per table for all the statements queued."""
        with one_change():
            self._insert_queued()

    def _insert_queued(self) -> None:
        if self._new_memberships:
            Membership.objects.bulk_create(self._new_memberships.values())
            self._new_memberships = {}
        if self._widened:  # plain SQL: bulk_update's CASE expressions cost more than the rest
            date = connection.ops.adapt_datefield_value
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {Membership._meta.db_table} SET first_seen = %s, "
                    "first_statement_id = %s, "
                    "last_seen = %s, last_statement_id = %s WHERE id = %s",
                    [
                        (
                            date(m.first_seen),
                            m.first_statement_id,
                            date(m.last_seen),
                            m.last_statement_id,
                            m.pk,
                        )
                        for m in self._widened.values()
                    ],
                )
            self._widened = {}
        if self._aliases_to_add:
            PersonAlias.objects.bulk_create(self._aliases_to_add, ignore_conflicts=True)
            self._aliases_to_add = []
        for model, rows in self._rows.items():
            _bulk_insert(model, rows)
        self._rows.clear()
        if self._suggestions:
            MergeSuggestion.objects.bulk_create(self._suggestions, ignore_conflicts=True)
            self._suggestions = []

    def _store(self, statement: Statement, extraction: Extraction, kept: dict) -> None:
        self._load()
        organizations = {
            o.name: self._organization(o.name, o.as_written) for o in extraction.organizations
        }
        for person in extraction.people:
            if person.organization and person.organization not in organizations:
                organizations[person.organization] = self._organization(
                    person.organization, person.organization
                )
        self._save_organizations(statement, extraction, organizations, kept[OrganizationMention])
        self._save_places(statement, extraction, kept[PlaceMention])
        self._save_citations(statement, extraction, kept[Citation])
        self._save_people(statement, extraction, organizations, kept[Mention])
        if not kept[Meeting]:
            self._save_meeting(statement, extraction)

    # Caches ---------------------------------------------------------------------------------------

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._orgs: dict[str, Organization] = {}
        for org in Organization.objects.all():
            self._orgs.setdefault(name_key(org.name), org)
            if org.abbreviation:
                self._orgs.setdefault(name_key(org.abbreviation), org)
        by_id = {o.pk: o for o in self._orgs.values()}
        for alias in OrganizationAlias.objects.all():
            if alias.organization_id in by_id:
                self._orgs.setdefault(alias.key, by_id[alias.organization_id])
        self._places: dict[str, Place] = {}
        for place in Place.objects.all():
            self._places.setdefault(name_key(place.name), place)
        places_by_id = {p.pk: p for p in self._places.values()}
        for alias in PlaceAlias.objects.all():
            if alias.place_id in places_by_id:
                self._places.setdefault(alias.key, places_by_id[alias.place_id])
        self._resolutions = {r.identifier: r for r in Resolution.objects.all()}
        self._resolution_slugs = {r.slug for r in self._resolutions.values()}
        self._people = {p.pk: p for p in Person.objects.all()}
        self._person_slugs = {p.slug for p in self._people.values()}
        self._aliases: dict[int, set[str]] = defaultdict(set)  # every alias, removed ones included
        self._by_key: dict[str, int] = {}
        self._by_surname: dict[str, set[int]] = defaultdict(set)
        self._by_given: dict[str, set[int]] = defaultdict(set)
        for pk, name in ((p.pk, p.name) for p in self._people.values()):
            self._index(pk, name)
        for person_id, name, review in PersonAlias.objects.values_list(
            "person_id", "name", "review"
        ):
            self._aliases[person_id].add(name)
            if review != Review.REMOVED:
                self._index(person_id, name)
        self._org_ids_of: dict[int, set[int]] = defaultdict(set)
        self._memberships: dict[tuple, Membership] = {}
        for membership in Membership.objects.all():
            self._memberships[
                (membership.person_id, membership.organization_id, membership.role)
            ] = membership
            self._org_ids_of[membership.person_id].add(membership.organization_id)
        for person_id, org_id in (
            Mention.objects.exclude(organization=None)
            .values_list("person_id", "organization_id")
            .distinct()
        ):
            self._org_ids_of[person_id].add(org_id)

    def _index(self, person_id: int, name: str) -> None:
        if len(name.split()) < 2:  # "Al-Hariri" alone could be any Hariri
            return
        self._by_key.setdefault(person_key(name), person_id)
        self._by_surname[surname_key(name)].add(person_id)
        self._by_given[given_key(name)].add(person_id)

    def _organization(self, name: str, as_written: str) -> Organization:
        # Names are clipped to their columns: a freak extraction must not refuse a whole load.
        name, as_written = name[:200], as_written[:200]
        key = name_key(name)
        org = self._orgs.get(key) or self._orgs.get(name_key(as_written))
        if org is None:
            country = key in self._places and self._places[key].kind == Place.Kind.COUNTRY
            kind = Organization.Kind.GOVERNMENT if country else Organization.Kind.OTHER
            org = Organization(
                name=name, slug=_free_slug(name, {o.slug for o in self._orgs.values()}), kind=kind
            )
            org.save()
            self._orgs[key] = org
        if name_key(as_written) not in self._orgs:
            OrganizationAlias.objects.create(organization=org, name=as_written)
            self._orgs[name_key(as_written)] = org
        return org

    def _place(self, name: str) -> Place:
        name = name[:200]
        place = self._places.get(name_key(name))
        if place is None:
            place = Place(name=name, slug=_free_slug(name, {p.slug for p in self._places.values()}))
            place.save()
            self._places[name_key(name)] = place
        return place

    def _resolution(self, fact: CitationFact) -> Resolution:
        resolution = self._resolutions.get(fact.identifier)
        if resolution is None:
            # A number the reference data lacks: kept, and flagged for an editor to check.
            title = "" if fact.number else fact.identifier.removesuffix(f" {fact.year}")
            resolution = Resolution(
                body=fact.body,
                number=fact.number,
                year=fact.year,
                title=title,
                slug=_free_slug(fact.identifier, self._resolution_slugs),
                verified=False,
            )
            resolution.save()
            self._resolutions[fact.identifier] = resolution
        return resolution

    # Rows of one statement
    # --------------------------------------------------------------------------

    @staticmethod
    def _clear(statement: Statement) -> dict:
        """Delete the statement's extracted rows; per model, the keys of the rows editors reviewed.

        Plain SQL, one query to read and one delete per table: the ORM's per-query overhead was most
        of a release's storing time.
        """
        tables = {model: (model._meta.db_table, key) for model, key in _REVIEWED_KEYS.items()}
        union = " UNION ALL ".join(
            f"SELECT {i}, {key} FROM {table} WHERE statement_id = %s AND review <> %s"
            for i, (table, key) in enumerate(tables.values())
        )
        kept: dict = {model: set() for model in tables}
        models = list(tables)
        with connection.cursor() as cursor:
            cursor.execute(union, [statement.pk, EXTRACTED] * len(tables))
            for index, key in cursor.fetchall():
                kept[models[index]].add(key)
            for table, _ in tables.values():
                cursor.execute(
                    f"DELETE FROM {table} WHERE statement_id = %s AND review = %s",
                    [statement.pk, EXTRACTED],
                )
        return kept

    def _save_organizations(self, statement, extraction, organizations, kept) -> None:
        rows, seen = self._rows[OrganizationMention], set(kept)
        for fact in extraction.organizations:
            org = organizations[fact.name]
            if org.pk not in seen:
                seen.add(org.pk)
                rows.append(
                    (statement.pk, EXTRACTED, org.pk, fact.as_written[:300], fact.paragraph)
                )

    def _save_places(self, statement, extraction, kept) -> None:
        rows, seen = self._rows[PlaceMention], set(kept)
        for fact in extraction.places:
            place = self._place(fact.name)
            if place.pk not in seen:
                seen.add(place.pk)
                rows.append(
                    (statement.pk, EXTRACTED, place.pk, fact.as_written[:300], fact.paragraph)
                )

    def _save_citations(self, statement, extraction, kept) -> None:
        rows = self._rows[Citation]
        for fact in extraction.citations:
            resolution = self._resolution(fact)
            if resolution.pk not in kept:
                rows.append(
                    (statement.pk, EXTRACTED, resolution.pk, fact.as_written[:300], fact.paragraph)
                )

    def _save_people(self, statement, extraction, organizations, kept) -> None:
        resolved, new_people, suggestions = [], [], []
        for fact in extraction.people:
            org = organizations.get(fact.organization) if fact.organization else None
            person, suggestion = self._person(fact, org)
            resolved.append((fact, org, person))
            if person.pk is None:
                new_people.append(person)
            if suggestion:
                suggestions.append(suggestion)
        Person.objects.bulk_create(new_people)  # one query for the release's new people
        self._people.update((p.pk, p) for p in new_people)

        mentions, seen = self._rows[Mention], set(kept)
        for fact, org, person in resolved:
            for spelling in dict.fromkeys((*fact.spellings, fact.name)):
                if spelling not in self._aliases[person.pk]:
                    self._aliases[person.pk].add(spelling)
                    self._index(person.pk, spelling)
                    self._aliases_to_add.append(
                        PersonAlias(person=person, name=spelling[:200], key=name_key(spelling))
                    )
            if org:
                self._org_ids_of[person.pk].add(org.pk)
            if fact.role:
                membership = self._membership(person, org, fact.role, statement)
                if membership and membership.pk:
                    self._widened[membership.pk] = membership
                elif membership:  # new, or new earlier in this batch and widened since
                    self._new_memberships[id(membership)] = membership
            if person.pk in seen:
                continue
            seen.add(person.pk)
            mentions.append(
                (
                    statement.pk,
                    EXTRACTED,
                    person.pk,
                    (fact.spellings or (fact.name,))[0][:200],
                    fact.role[:300],
                    org.pk if org else None,
                    fact.side,
                    fact.spoke,
                    fact.paragraph,
                )
            )
        self._suggestions.extend(suggestions)

    def _person(
        self, fact: PersonFact, org: Organization | None
    ) -> tuple[Person, MergeSuggestion | None]:
        """The person `fact` names, or a new unsaved one (and a suggestion if one is near)."""
        names = [n for n in dict.fromkeys((fact.name, *fact.spellings)) if len(n.split()) >= 2]
        for name in names:
            if person_key(name) in self._by_key:
                return self._people[self._by_key[person_key(name)]], None
        best = None
        nearby = self._by_surname[surname_key(fact.name)] | self._by_given[given_key(fact.name)]
        for pk in nearby:
            for known in (self._people[pk].name, *self._aliases[pk]):
                verdict = compare_names(fact.name, known)
                if verdict.level == "different" or (best and best[1].score >= verdict.score):
                    continue
                best = (pk, verdict)
        if best:
            pk, verdict = best
            same_organization = org is not None and org.pk in self._org_ids_of[pk]
            if verdict.level == "sure" or (verdict.level == "probable" and same_organization):
                return self._people[pk], None
        person = Person(name=fact.name[:200], slug=_free_slug(fact.name, self._person_slugs))
        if best:
            pk, verdict = best
            return person, MergeSuggestion(
                person=person,
                candidate=self._people[pk],
                score=verdict.score,
                reason=verdict.reason,
            )
        return person, None

    def _membership(
        self, person: Person, org: Organization | None, role: str, statement: Statement
    ) -> Membership | None:
        """Record the role; returns the membership to save: new, or widened by this statement."""
        key = (person.pk, org.pk if org else None, role[:200])
        membership = self._memberships.get(key)
        date = statement.date
        if membership is None:
            membership = Membership(
                person=person,
                organization=org,
                role=role[:200],
                first_statement=statement,
                last_statement=statement,
                first_seen=date,
                last_seen=date,
            )
            self._memberships[key] = membership
            return membership
        changed = False
        if date and (membership.first_seen is None or date < membership.first_seen):
            membership.first_seen, membership.first_statement = date, statement
            changed = True
        if date and (membership.last_seen is None or date >= membership.last_seen):
            membership.last_seen, membership.last_statement = date, statement
            changed = True
        return membership if changed else None

    def _save_meeting(self, statement, extraction) -> None:
        event = extraction.event
        place = self._place(event.place) if event.place else None
        self._rows[Meeting].append(
            (
                statement.pk,
                EXTRACTED,
                event.kind,
                event.format,
                event.number,
                event.date_as_written[:100],
                event.date,
                place.pk if place else None,
            )
        )


# Values of these fields go to the database as Python gives them (the row builders above pass
# str, int, bool and ids); any other field's values go through its own preparation.
_AS_IS = frozenset(
    {
        "BooleanField",
        "CharField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "TextField",
    }
)


def _bulk_insert(model, rows: list[tuple]) -> None:
    """Insert rows of `model` (tuples in the order of its `_COLUMNS`) with one statement.

    Plain SQL because the ORM's per-object work (model instances, per-field preparation, compiling)
    was most of the storing time. PostgreSQL takes the rows through COPY, which costs both the
    loader and the server less than an INSERT of unnested arrays (and which Django's query log
    does not see); SQLite steps one prepared INSERT per row inside executemany, which costs it no
    more than anything else.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in _COLUMNS[model]]
    prepare = [
        None
        if f.get_internal_type() in _AS_IS
        else (lambda v, f=f: f.get_db_prep_save(v, connection))
        for f in fields
    ]
    if any(prepare):
        rows = [
            tuple(v if p is None else p(v) for p, v in zip(prepare, row, strict=True))
            for row in rows
        ]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def _free_slug(text: str, taken: set[str]) -> str:
    """A slug for `text` not in `taken` (then added to it), as the models' `unique_slug` makes."""
    base = make_slug(text)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def merge_people(*, keep: Person, merge: Person) -> None:
    """Fold `merge` into `keep`: mentions, aliases (its name included) and memberships move, then it
    goes.

    Where both have a row for the same statement (or the same role), `keep`'s row stays, widened to
    the other's first and last statements. Call inside a transaction.
    """
    if keep.pk == merge.pk:
        return
    both = set(Mention.objects.filter(person=keep).values_list("statement_id", flat=True))
    Mention.objects.filter(person=merge, statement_id__in=both).delete()
    Mention.objects.filter(person=merge).update(person=keep)
    names = set(PersonAlias.objects.filter(person=keep).values_list("name", flat=True))
    PersonAlias.objects.filter(person=merge, name__in=names).delete()
    PersonAlias.objects.filter(person=merge).update(person=keep)
    if merge.name not in names | {keep.name}:
        PersonAlias.objects.get_or_create(
            person=keep,
            name=merge.name,
            defaults={"key": name_key(merge.name), "review": Review.CONFIRMED},
        )
    kept = {(m.organization_id, m.role): m for m in Membership.objects.filter(person=keep)}
    for membership in Membership.objects.filter(person=merge):
        same = kept.get((membership.organization_id, membership.role))
        if same is None:
            membership.person = keep
            membership.save(update_fields=["person"])
            continue
        if membership.first_seen and (
            same.first_seen is None or membership.first_seen < same.first_seen
        ):
            same.first_seen, same.first_statement_id = (
                membership.first_seen,
                membership.first_statement_id,
            )
        if membership.last_seen and (
            same.last_seen is None or membership.last_seen > same.last_seen
        ):
            same.last_seen, same.last_statement_id = (
                membership.last_seen,
                membership.last_statement_id,
            )
        same.save()
        membership.delete()
    merge.delete()  # its merge suggestions go with it: they are answered
