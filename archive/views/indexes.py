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
from django.utils.text import capfirst

from archive.kinds import ENTITY_KINDS, FactKind, in_reading_order
from archive.models import Person, Review, Statement

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
    order: tuple = ("name",)  # by name, or the entity's own order (resolutions by body, number)

    @property
    def by_letter(self) -> bool:
        """Whether the index goes by first letter: it is in order of name."""
        return self.order == ("name",)


def index_of(kind: FactKind) -> Index:
    """The index page of a kind of entities (archive.kinds), at the address of their pages."""
    entity, by = kind.entity, kind.index_by
    return Index(
        model=entity,
        facts=kind.model._meta.get_field(kind.column).remote_field.related_name,
        title=kind.label,
        noun=kind.name,
        kind_field=by or None,
        kind_label=capfirst(entity._meta.get_field(by).verbose_name) if by else "Kind",
        order=tuple(entity._meta.ordering),
    )


# Every kind of entities has its index page ("people": /people/), a sitemap and API routes
# (archive.views.discovery, archive.api.routes).
INDEXES = {kind.url_path: index_of(kind) for kind in in_reading_order(ENTITY_KINDS)}
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


def entity_index(request, name):
    """An index page of `INDEXES`, routed by archive.urls."""
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
    by_name = [Upper("name")] if index.by_letter else list(index.order)
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
