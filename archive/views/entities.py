"""Entity pages: a person, an organization, a resolution, a place."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from archive.budget import Budget
from archive.filters import in_related
from archive.histogram import histogram
from archive.models import (
    Citation,
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


def person_detail(request, slug):
    params = clean_params(request.GET)
    person = get_object_or_404(Person, slug=slug)
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
            "aliases": person.aliases.visible(),
            "memberships": person.memberships.select_related("organization"),
            "page": page,
            **tallies,
            "params": params,
            "list_params": {"person": person.slug},
        },
    )


def organization_detail(request, slug):
    params = clean_params(request.GET)
    organization = get_object_or_404(Organization.objects.select_related("parent"), slug=slug)
    statements = in_related(Statement.objects.published(), "organization", [organization])
    return render(
        request,
        "archive/organization_detail.html",
        {
            "organization": organization,
            "aliases": organization.aliases.all(),
            "children": organization.children.all(),
            "memberships": organization.memberships.select_related("person").order_by(
                "role", "person__name"
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
    resolution = get_object_or_404(Resolution, slug=slug)
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
    place = get_object_or_404(Place.objects.select_related("parent"), slug=slug)
    statements = in_related(Statement.objects.published(), "place", [place])
    return render(
        request,
        "archive/place_detail.html",
        {
            "place": place,
            "aliases": place.aliases.all(),
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
