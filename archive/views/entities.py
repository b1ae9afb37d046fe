"""Entity pages: a person, an organization, a resolution, a place."""

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
from archive.models import (
    Citation,
    FormerSlug,
    Mention,
    Organization,
    OrganizationMention,
    Person,
    Place,
    PlaceMention,
    Resolution,
    Statement,
)

from .params import clean_params, paginate

PER_PAGE = 20
MET_SHOWN = 40


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


def _public_or_moved(queryset, kind: str, slug: str):
    """The public entity with this slug; else a 301 to the survivor of a merge; else a 404."""
    entity = queryset.filter(slug=slug).first()
    if entity is not None:
        return entity, None
    survivor = survivor_of(kind, slug)
    if survivor is not None:
        return None, redirect(survivor, permanent=True)
    raise Http404


def person_detail(request, slug):
    params = clean_params(request.GET)
    person, moved = _public_or_moved(
        visibility.public_people(Person.objects), FormerSlug.Kind.PERSON, slug
    )
    if moved:
        return moved
    statements = Statement.objects.published().mentioning(person)
    page = _statements_page(
        params,
        statements,
        "mentions",
        Mention.objects.visible().filter(person=person).select_related("person"),
    )
    with Budget() as budget:
        tallies = {
            "histogram": budget.run(lambda: histogram(statements)),
            "met": budget.run(lambda: list(person.people_met()[:MET_SHOWN])),
            "cited": budget.run(lambda: list(person.resolutions_cited())),
        }
    return render(
        request,
        "archive/person_detail.html",
        {
            "person": person,
            "aliases": visibility.public_spellings(person).visible(),
            "memberships": _with_role_links(person.memberships.select_related("organization")),
            "page": page,
            **tallies,
            "params": params,
            "list_params": {"person": person.slug},
        },
    )


def _with_role_links(memberships) -> list:
    """The roles over time, each with the list of the statements of whoever held it then."""
    memberships = list(memberships)
    for membership in memberships:
        key = roles.key_of(membership)
        membership.role_href = f"{reverse('archive:statement-list')}?{urlencode({'role': key})}"
    return memberships


def organization_detail(request, slug):
    params = clean_params(request.GET)
    organization, moved = _public_or_moved(
        visibility.public_organizations(Organization.objects.select_related("parent")),
        FormerSlug.Kind.ORGANIZATION,
        slug,
    )
    if moved:
        return moved
    statements = in_related(Statement.objects.published(), "organization", [organization])
    return render(
        request,
        "archive/organization_detail.html",
        {
            "organization": organization,
            "aliases": visibility.public_spellings(organization),
            "children": organization.children.all(),
            "memberships": _with_role_links(
                organization.memberships.select_related("person", "organization").order_by(
                    "role", "person__name"
                )
            ),
            "page": _statements_page(
                params,
                statements,
                "organization_mentions",
                OrganizationMention.objects.visible().filter(organization=organization),
            ),
            "histogram": _histogram(statements),
            "params": params,
            "list_params": {"organization": organization.slug},
        },
    )


def resolution_detail(request, slug):
    params = clean_params(request.GET)
    resolution = visibility.public_resolutions(Resolution.objects).filter(slug=slug).first()
    if resolution is None:
        raise Http404
    statements = Statement.objects.published().citing(resolution)
    return render(
        request,
        "archive/resolution_detail.html",
        {
            "resolution": resolution,
            "page": _statements_page(
                params,
                statements,
                "citations",
                Citation.objects.visible().filter(resolution=resolution),
            ),
            "histogram": _histogram(statements),
            "params": params,
            "list_params": {"resolution": resolution.slug},
        },
    )


def place_detail(request, slug):
    params = clean_params(request.GET)
    place, moved = _public_or_moved(
        visibility.public_places(Place.objects.select_related("parent")),
        FormerSlug.Kind.PLACE,
        slug,
    )
    if moved:
        return moved
    statements = in_related(Statement.objects.published(), "place", [place])
    return render(
        request,
        "archive/place_detail.html",
        {
            "place": place,
            "aliases": visibility.public_spellings(place),
            "children": place.children.all(),
            "page": _statements_page(
                params,
                statements,
                "place_mentions",
                PlaceMention.objects.visible().filter(place=place),
            ),
            "histogram": _histogram(statements),
            "params": params,
            "list_params": {"place": place.slug},
        },
    )
