"""Index pages: every person, organization, place and resolution named in a published statement,
with the number of statements and the years they span; by name or by number, by first letter,
by role or kind.

Counts and years come from published statements and visible facts only: reference data may name
people no statement names yet, and a draft must not show through a count.
"""

from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Upper
from django.shortcuts import render
from django.urls import reverse

from archive.models import Organization, Person, Place, Resolution, Review, Statement

from .params import clean_params, paginate

PER_PAGE = 100
ROLES_SHOWN = 12
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Index:
    model: type
    facts: str  # the entity's reverse relation to its facts in statements
    title: str
    noun: str
    kind_field: str | None = "kind"  # None: people, chosen by role instead
    kind_label: str = "Kind"
    by_letter: bool = True  # resolutions go by body and number, not by first letter


INDEXES = {
    "people": Index(Person, "mentions", "People", "person", kind_field=None),
    "organizations": Index(Organization, "statement_mentions", "Organizations", "organization"),
    "places": Index(Place, "statement_mentions", "Places", "place"),
    "resolutions": Index(
        Resolution, "citations", "Resolutions", "resolution", "body", "Body", by_letter=False
    ),
}
SORTS = {"name": "Name", "count": "Most statements"}


def counted(index: Index):
    """The index's entities named in at least one published statement, each with `n`
    statements, `first` and `last` dates (undated statements count but have no year)."""
    published = Q(**{f"{index.facts}__statement__status": Statement.Status.PUBLISHED}) & ~Q(
        **{f"{index.facts}__review": Review.REMOVED}
    )
    statement = f"{index.facts}__statement"
    return index.model.objects.annotate(
        n=Count(statement, filter=published, distinct=True),
        first=Min(f"{statement}__date", filter=published),
        last=Max(f"{statement}__date", filter=published),
    ).filter(n__gt=0)


def _entity_index(request, name):
    index = INDEXES[name]
    params = clean_params(request.GET)
    entities = counted(index)
    letter = (params.get("letter") or "").upper()
    if index.by_letter and len(letter) == 1 and letter in LETTERS:
        entities = entities.filter(name__istartswith=letter)
    else:
        letter = ""
    choices, chosen = _kinds(index, entities, params)
    if chosen:
        entities = _of_kind(index, entities, chosen)
    sort = params.get("sort") if params.get("sort") in SORTS else "name"
    by_name = [Upper("name")] if index.by_letter else ["body", "year", "number"]
    order = ["-n", *by_name] if sort == "count" else by_name
    page = paginate(params, entities.order_by(*order, "pk"), PER_PAGE)
    return render(
        request,
        "archive/entity_index.html",
        {
            "index": index,
            "name": name,
            "page": page,
            "params": params,
            "letters": LETTERS if index.by_letter else "",
            "letter": letter,
            "sort": sort,
            "sorts": SORTS,
            "kinds": choices,
            "kind": chosen,
            "kind_param": "role" if index.kind_field is None else "kind",
            "canonical_url": request.build_absolute_uri(reverse(f"archive:{name}-index")),
        },
    )


def _kinds(index: Index, entities, params):
    """The role (people) or kind choices offered, and the one chosen ("" for none)."""
    wanted = params.get("role" if index.kind_field is None else "kind") or ""
    if index.kind_field is None:
        roles = (
            Person.objects.filter(pk__in=entities.values("pk"))
            .exclude(memberships__role="")
            .values_list("memberships__role", flat=True)
            .annotate(people=Count("pk", distinct=True))
            .order_by("-people", "memberships__role")[:ROLES_SHOWN]
        )
        choices = [(role, role) for role in roles if role]
        return choices, wanted if wanted in dict(choices) else ""
    choices = list(index.model._meta.get_field(index.kind_field).choices)
    return choices, wanted if wanted in dict(choices) else ""


def _of_kind(index: Index, entities, chosen):
    if index.kind_field is None:
        return entities.filter(pk__in=Person.objects.filter(memberships__role=chosen).values("pk"))
    return entities.filter(**{index.kind_field: chosen})


def people_index(request):
    return _entity_index(request, "people")


def organizations_index(request):
    return _entity_index(request, "organizations")


def places_index(request):
    return _entity_index(request, "places")


def resolutions_index(request):
    return _entity_index(request, "resolutions")
