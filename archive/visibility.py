"""Which people, organizations, places and resolutions the public may see.

The extractor creates an entity for every name it meets, in drafts too. An entity is public when a
published statement shows it (through a fact an editor has not removed), or when no statement
names it at all (the reference data: UN bodies, countries, resolutions). An entity that only
drafts name stays out of every public page until one of them is published.
"""

from django.db.models import Exists, OuterRef, Q

from archive.kinds import ENTITY_KINDS
from archive.models import (
    Meeting,
    Mention,
    Organization,
    OrganizationMention,
    Person,
    Place,
    PlaceMention,
    Review,
    Statement,
)

PUBLISHED = Statement.Status.PUBLISHED


def _shown(facts) -> Q:
    """Public through these facts: none exist at all, or one stands in a published statement."""
    return ~Exists(facts) | Exists(
        facts.exclude(review=Review.REMOVED).filter(statement__status=PUBLISHED)
    )


def public_organizations(queryset):
    named = OrganizationMention.objects.filter(organization=OuterRef("pk"))
    with_people = Mention.objects.filter(organization=OuterRef("pk"))
    never_named = ~Exists(named) & ~Exists(with_people)
    published = Exists(
        named.exclude(review=Review.REMOVED).filter(statement__status=PUBLISHED)
    ) | Exists(with_people.exclude(review=Review.REMOVED).filter(statement__status=PUBLISHED))
    return queryset.filter(never_named | published)


def public_places(queryset):
    named = PlaceMention.objects.filter(place=OuterRef("pk"))
    met_at = Meeting.objects.filter(place=OuterRef("pk"))
    never_named = ~Exists(named) & ~Exists(met_at)
    published = Exists(
        named.exclude(review=Review.REMOVED).filter(statement__status=PUBLISHED)
    ) | Exists(met_at.exclude(review=Review.REMOVED).filter(statement__status=PUBLISHED))
    return queryset.filter(never_named | published)


def public(queryset):
    """The entities of `queryset` readers may see, whatever their kind (archive.kinds): shown by
    the facts of their kind; organizations and places also by the facts that name them as a
    person's organization or as where an event was held."""
    by_model = {Organization: public_organizations, Place: public_places}
    if queryset.model in by_model:
        return by_model[queryset.model](queryset)
    [kind] = [kind for kind in ENTITY_KINDS if kind.entity is queryset.model]
    return queryset.filter(_shown(kind.model.objects.filter(**{kind.column: OuterRef("pk")})))


def public_spellings(entity):
    """The entity's other names readers may see: a spelling only a draft wrote stays hidden
    (a name no statement wrote, reference data, is public)."""
    written = {
        Person: lambda: Mention.objects.filter(person=entity, name_as_written=OuterRef("name")),
        Organization: lambda: OrganizationMention.objects.filter(
            organization=entity, as_written=OuterRef("name")
        ),
        Place: lambda: PlaceMention.objects.filter(place=entity, as_written=OuterRef("name")),
    }[type(entity)]()
    return entity.aliases.filter(_shown(written))
