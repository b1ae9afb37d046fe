"""Entity pages: a person, an organization, a resolution, a place.

Every kind of fact whose values are entities (archive.kinds: `ENTITY_KINDS`) has one, routed at
its `url_path`: the public entity with the slug (a merged one's slug answers 301 to its
survivor), its statements newest first with how each names it, and what the page of its kind
says besides (`PAGES`), rendered by its own template.
"""

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from archive import roles, visibility
from archive.budget import Budget
from archive.editing import survivor_of
from archive.filters import in_related
from archive.histogram import histogram
from archive.kinds import BY_NAME
from archive.models import Statement

from .params import clean_params, paginate

PER_PAGE = 20
MET_SHOWN = 40


def entity_detail(request, slug, kind):
    """The page of the entity of `kind` (a name in archive.kinds) with this slug."""
    kind = BY_NAME[kind]
    params = clean_params(request.GET)
    entity, moved = _public_or_moved(kind, slug)
    if moved:
        return moved
    statements = in_related(Statement.objects.published(), kind.name, [entity])
    facts = kind.facts().filter(**{kind.column: entity}).select_related(kind.column)
    return render(
        request,
        f"archive/{kind.name}_detail.html",
        {
            kind.name: entity,
            "page": _statements_page(params, statements, kind.facts_relation, facts),
            **PAGES.get(kind.name, _statements_per_year)(entity, statements),
            "params": params,
            "list_params": {kind.name: entity.slug},
        },
    )


def _public_or_moved(kind, slug: str):
    """The public entity with this slug; else a 301 to the survivor of a merge; else a 404.

    The entity comes with what it points to (an organization's parent), which its page shows.
    """
    entities = kind.entity.objects.all()
    pointers = [f.name for f in kind.entity._meta.concrete_fields if f.many_to_one]
    if pointers:
        entities = entities.select_related(*pointers)
    entity = visibility.public(entities).filter(slug=slug).first()
    if entity is not None:
        return entity, None
    survivor = survivor_of(kind.name, slug) if kind.merged else None
    if survivor is not None:
        return None, redirect(survivor, permanent=True)
    raise Http404


def _statements_page(params, statements, relation, facts):
    """A page of `statements`, newest first, each with the entity's rows of `relation` as `.facts`.

    The rows say how the statement names the entity: a role as written, the words of a citation.
    """
    statements = (
        statements.newest_first()
        .with_people()
        .prefetch_related(Prefetch(relation, facts, to_attr="facts"))
    )
    return paginate(params, statements, PER_PAGE)


def _histogram(statements):
    """The statements per year, or None when there are too many to count in time."""
    with Budget() as budget:
        return budget.run(lambda: histogram(statements))


def _statements_per_year(entity, statements) -> dict:
    return {"histogram": _histogram(statements)}


def _person(person, statements) -> dict:
    """Their spellings, roles over time, whom they met and which resolutions they cited."""
    with Budget() as budget:
        tallies = {
            "histogram": budget.run(lambda: histogram(statements)),
            "met": budget.run(lambda: list(person.people_met()[:MET_SHOWN])),
            "cited": budget.run(lambda: list(person.resolutions_cited())),
        }
    return {
        "aliases": visibility.public_spellings(person).visible(),
        "memberships": _with_role_links(person.memberships.select_related("organization")),
        **tallies,
    }


def _organization(organization, statements) -> dict:
    """Its other names, its bodies and the roles held in it over time."""
    return {
        "aliases": visibility.public_spellings(organization),
        "children": organization.children.all(),
        "memberships": _with_role_links(
            organization.memberships.select_related("person", "organization").order_by(
                "role", "person__name"
            )
        ),
        "histogram": _histogram(statements),
    }


def _place(place, statements) -> dict:
    """Its other names and the places within it."""
    return {
        "aliases": visibility.public_spellings(place),
        "children": place.children.all(),
        "histogram": _histogram(statements),
    }


# What an entity's page shows besides its statements, by kind; the others show their
# statements per year.
PAGES = {"person": _person, "organization": _organization, "place": _place}


def _with_role_links(memberships) -> list:
    """The roles over time, each with the list of the statements of whoever held it then."""
    memberships = list(memberships)
    for membership in memberships:
        key = roles.key_of(membership)
        membership.role_href = f"{reverse('archive:statement-list')}?{urlencode({'role': key})}"
    return memberships
