"""Entity pages: a person, an organization, a resolution, a place.

Every kind of fact whose values are entities (archive.kinds: `ENTITY_KINDS`) has one, routed at
its `url_path`: the public entity with the slug (a merged one's slug answers 301 to its
survivor), its statements newest first with how each names it, and what the page of its kind
says besides (`PAGES`), rendered by its own template.

Its statements are the entity's bitmap in the corpus index (archive.corpus_index), as on the
list page: counted, drawn per year and paged without a query over them, whatever their number.
"""

from urllib.parse import urlencode

from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from archive import corpus_index, histogram, roles, visibility
from archive.editing import survivor_of
from archive.kinds import BY_NAME
from archive.models import Statement
from archive.ordering import Newest
from archive.pagination import IndexPaginator
from archive.people_met import people_met

from .params import clean_params

PER_PAGE = 20
MET_SHOWN = 40
MEMBERS_SHOWN = 100


def entity_detail(request, slug, kind):
    """The page of the entity of `kind` (a name in archive.kinds) with this slug."""
    kind = BY_NAME[kind]
    params = clean_params(request.GET)
    entity, moved = _public_or_moved(kind, slug)
    if moved:
        return moved
    index = corpus_index.current()
    theirs = index.having(kind.name, [entity.slug])
    facts = kind.facts().filter(**{kind.column: entity}).select_related(kind.column)
    return render(
        request,
        f"archive/{kind.name}_detail.html",
        {
            kind.name: entity,
            "page": _statements_page(params, index, theirs, kind.facts_relation, facts),
            "histogram": histogram.counted(index, theirs),
            **PAGES.get(kind.name, _nothing_more)(entity, index, theirs, params),
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


def _statements_page(params, index, theirs, relation, facts):
    """A page of the statements `theirs` names, newest first, each with the entity's rows of
    `relation` as `.facts`: how the statement names the entity (a role as written, the words
    of a citation)."""
    rows = (
        Statement.objects.published()
        .with_people()
        .prefetch_related(Prefetch(relation, facts, to_attr="facts"))
    )
    paginator = IndexPaginator(Newest(theirs), index, PER_PAGE, rows=rows)
    return paginator.get_page(params.get("page"))


def _nothing_more(entity, index, theirs, params) -> dict:
    return {}


def _person(person, index, theirs, params) -> dict:
    """Their spellings, roles over time, whom they met and which resolutions they cited."""
    return {
        "aliases": visibility.public_spellings(person).visible(),
        "memberships": _with_role_links(person.memberships.select_related("organization")),
        "met": people_met(index, person.slug, MET_SHOWN),
        "cited": _resolutions_cited(index, person),
    }


def _resolutions_cited(index, person) -> list[dict]:
    """The resolutions cited in the statements where the person speaks, each with `n` such
    statements, most cited first: the resolution facet of their quotes, read from the index."""
    counts = index.counts("resolution", index.having("spoke", [person.slug]))
    shown = index.shown["resolution"]
    cited = [
        {"label": shown[key].label, "url": shown[key].url, "n": n} for key, n in counts.items()
    ]
    return sorted(cited, key=lambda resolution: (-resolution["n"], resolution["label"]))


def _organization(organization, index, theirs, params) -> dict:
    """Its other names, its bodies and the roles held in it over time."""
    memberships, members = _members(organization, everyone=params.get("members") == "all")
    return {
        "aliases": visibility.public_spellings(organization),
        "children": organization.children.all(),
        "memberships": memberships,
        "members": members,
    }


def _members(organization, everyone: bool) -> tuple[list, int]:
    """The roles held in it (role, then name) and how many there are in all: the MEMBERS_SHOWN
    most recently seen unless every one is asked for, so that a body with a thousand roles over
    the years keeps a light page. Two queries either way."""
    memberships = organization.memberships.select_related("person", "organization")
    members = memberships.count()
    if not everyone:
        recent = memberships.order_by(F("last_seen").desc(nulls_last=True), "-pk")
        memberships = recent[:MEMBERS_SHOWN]
    shown = sorted(memberships, key=lambda m: (m.role, m.person.name))
    return _with_role_links(shown), members


def _place(place, index, theirs, params) -> dict:
    """Its other names and the places within it."""
    return {
        "aliases": visibility.public_spellings(place),
        "children": place.children.all(),
    }


# What an entity's page shows besides its statements and their histogram, by kind.
PAGES = {"person": _person, "organization": _organization, "place": _place}


def _with_role_links(memberships) -> list:
    """The roles over time, each with the list of the statements of whoever held it then."""
    memberships, statements = list(memberships), reverse("archive:statement-list")
    for membership in memberships:
        membership.role_href = f"{statements}?{urlencode({'role': roles.key_of(membership)})}"
    return memberships
