"""Which people, organizations, places and resolutions the public may see.

The extractor creates an entity for every name it meets, in drafts too. An entity is public when a
published statement shows it (through a fact an editor has not removed), or when no statement
names it at all (the reference data: UN bodies, countries, resolutions). An entity that only
drafts name stays out of every public page until one of them is published.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Exists, OuterRef

from archive.kinds import ENTITY_KINDS, STORED_KINDS
from archive.models import Review, Statement

PUBLISHED = Statement.Status.PUBLISHED


def facts_naming(model) -> list:
    """The facts of every kind (archive.kinds) that name an entity of `model`, each filtered on the
    entity of the outer query: its own kind's, and any other fact that refers to one (a person's
    organization, the place where an event was held), as a permalink shows them all."""
    return [
        kind.model.objects.filter(**{field.name: OuterRef("pk")})
        for kind in STORED_KINDS
        for field in kind.model._meta.concrete_fields
        if field.is_relation and field.related_model is model
    ]


def public(queryset):
    """The entities of `queryset` readers may see, whatever their kind: no fact names them at
    all, or one stands in a published statement."""
    facts = facts_naming(queryset.model)
    never_named = reduce(and_, [~Exists(named) for named in facts])
    published = reduce(or_, [Exists(_standing(named)) for named in facts])
    return queryset.filter(never_named | published)


def _standing(facts):
    """The facts of published statements an editor has not removed."""
    return facts.exclude(review=Review.REMOVED).filter(statement__status=PUBLISHED)


def public_spellings(entity):
    """The entity's other names readers may see: a spelling only a draft wrote stays hidden
    (a name no statement wrote, reference data, is public)."""
    [kind] = [kind for kind in ENTITY_KINDS if kind.entity is type(entity)]
    written = kind.model.objects.filter(**{kind.column: entity, kind.written: OuterRef("name")})
    return entity.aliases.filter(~Exists(written) | Exists(_standing(written)))
