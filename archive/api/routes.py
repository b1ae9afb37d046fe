"""The API's endpoints. Statements take the list page's own query parameters, so a search made in
the browser gives the same statements here; every item links its permalink and its API address."""

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from pydantic import create_model

from archive import citations, records
from archive.kinds import FACT_KINDS
from archive.models import Meeting, Review, Statement
from archive.pagination import COUNT_CAP, capped_count
from archive.views.indexes import INDEXES, counted
from archive.views.params import clean_params
from archive.views.permalink import site_citation
from archive.views.statements import _filtered, _sorted

from . import schemas

VERSION = "1"
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000

api = NinjaAPI(
    title="Statement Archive API",
    version=VERSION,
    description=(
        "Read-only access to the published statements of the Syrian Opposition Coalition and "
        "the people, organizations, places, resolutions and meetings found in them. The "
        "`/statements` endpoint takes the same query parameters as the statement list page "
        f"(`q`, {', '.join(f'`{kind.name}`' for kind in FACT_KINDS)}, `language`, `year`, "
        "`date_from`, `date_to`, `sort`); repeat a parameter to select several values."
    ),
    urls_namespace="api-v1",
)


class Paging(Schema):
    page: int = 1
    per_page: int = 20


# The list page's parameters: one per fact kind of the registry, each repeatable.
StatementFilters = create_model(
    "StatementFilters",
    __base__=Paging,
    q=(str | None, None),
    **{kind.name: (list[str], []) for kind in FACT_KINDS},
    language=(list[str], []),
    year=(list[str], []),
    date_from=(str | None, None),
    date_to=(str | None, None),
    sort=(str | None, None),
)


def _page(request: HttpRequest, paging: Paging, rows, items):
    """One page of `rows` (a queryset) as the API's page object; `items(rows)` gives the
    page's items of the page's rows."""
    if not 1 <= paging.page <= MAX_PAGE or not 1 <= paging.per_page <= MAX_PER_PAGE:
        raise HttpError(
            400, f"page must be from 1 to {MAX_PAGE:,} and per_page from 1 to {MAX_PER_PAGE}."
        )
    count = capped_count(rows)
    start = (paging.page - 1) * paging.per_page
    past_the_end = start >= count and count <= COUNT_CAP
    results = [] if past_the_end else list(items(rows[start : start + paging.per_page]))

    def link(page):
        query = request.GET.copy()
        query["page"] = page
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "version": VERSION,
        "count": min(count, COUNT_CAP),
        "count_capped": count > COUNT_CAP,
        "page": paging.page,
        "per_page": paging.per_page,
        "next": link(paging.page + 1) if start + paging.per_page < count else None,
        "previous": link(paging.page - 1) if paging.page > 1 else None,
        "results": results,
    }


def _statements(request):
    """The API items of a queryset of statements: their records, with their API address."""

    def items(statements):
        for item in records.records(statements, request.build_absolute_uri):
            item["api_url"] = request.build_absolute_uri(
                reverse("api-v1:statement", kwargs={"statement_id": item["id"]})
            )
            yield item

    return items


@api.get(
    "/statements",
    response={200: schemas.StatementPage, 400: schemas.Error},
    url_name="statements",
    summary="Statements matching the list page's filters",
)
def statements(request, filters: Query[StatementFilters]):
    filterset, sort = _filtered(clean_params(request.GET))
    if filterset.form.errors:
        errors = {name: list(messages) for name, messages in filterset.form.errors.items()}
        return Status(400, {"detail": "Some filters are not valid.", "errors": errors})
    return _page(request, filters, _sorted(filterset, sort), _statements(request))


@api.get(
    "/statements/{statement_id}",
    response=schemas.StatementDetail,
    url_name="statement",
    summary="One statement with its paragraphs, facts and citations",
)
def statement(request, statement_id: int):
    found = get_object_or_404(Statement.objects.published(), pk=statement_id)
    [data] = _statements(request)(Statement.objects.filter(pk=found.pk))
    data["paragraphs"] = [
        {"n": n, "text": text, "permalink": f"{data['permalink']}#p{n}"}
        for n, text in enumerate(found.paragraphs, start=1)
    ]
    cited = site_citation(request, found)
    data["citations"] = {
        "bibtex": citations.bibtex(cited),
        "ris": citations.ris(cited),
        "csl_json": citations.csl_json(cited),
    }
    return data


def _entity(request, name):
    index = INDEXES[name]

    def item(entity):
        filter_name = index.noun
        return {
            "slug": entity.slug,
            "name": str(entity),
            "kind": getattr(entity, index.kind_field or "", None) or None,
            "permalink": request.build_absolute_uri(entity.get_absolute_url()),
            "api_url": request.build_absolute_uri(
                reverse(f"api-v1:{filter_name}", kwargs={"slug": entity.slug})
            ),
            "statements": entity.n,
            "first_year": entity.first.year if entity.first else None,
            "last_year": entity.last.year if entity.last else None,
            "statements_api_url": request.build_absolute_uri(
                f"{reverse('api-v1:statements')}?{filter_name}={entity.slug}"
            ),
        }

    return item


def _entity_routes(name):
    """A list and a detail endpoint for the entities of index `name` (people, places...)."""
    index = INDEXES[name]
    order = list(index.order)

    @api.get(
        f"/{name}",
        response={200: schemas.EntityPage, 400: schemas.Error},
        url_name=name,
        summary=f"{index.title} named in published statements",
        operation_id=f"list_{name}",
    )
    def listing(request, paging: Query[Paging]):
        rows = counted(index).order_by(*order, "pk")
        item = _entity(request, name)
        return _page(request, paging, rows, lambda entities: map(item, entities))

    @api.get(
        f"/{name}/{{slug}}",
        response=schemas.Entity,
        url_name=index.noun,
        summary=f"One {index.noun}",
        operation_id=f"get_{index.noun}",
    )
    def detail(request, slug: str):
        return _entity(request, name)(get_object_or_404(counted(index), slug=slug))


for _name in INDEXES:
    _entity_routes(_name)


class MeetingFilters(Paging):
    kind: list[str] = []


@api.get(
    "/meetings",
    response={200: schemas.MeetingPage, 400: schemas.Error},
    url_name="meetings",
    summary="The events published statements report (meetings, letters, visits...)",
)
def meetings(request, filters: Query[MeetingFilters]):
    kinds = [k for k in filters.kind if k in Meeting.Kind.values]
    if len(kinds) != len(filters.kind):
        kinds_known = ", ".join(Meeting.Kind.values)
        return Status(400, {"detail": f"kind must be one of: {kinds_known}."})
    rows = (
        Meeting.objects.exclude(review=Review.REMOVED)
        .filter(statement__status=Statement.Status.PUBLISHED)
        .select_related("place")
        .prefetch_related(Prefetch("statement", Statement.objects.only("pk", "slug")))
        .order_by("-date", "-statement_id")
    )
    if kinds:
        rows = rows.filter(kind__in=kinds)

    def item(meeting):
        return {
            "statement_id": meeting.statement_id,
            "statement_permalink": request.build_absolute_uri(meeting.statement.get_absolute_url()),
            "statement_api_url": request.build_absolute_uri(
                reverse("api-v1:statement", kwargs={"statement_id": meeting.statement_id})
            ),
            "kind": meeting.kind,
            "format": meeting.format,
            "number": meeting.number,
            "date": meeting.date.isoformat() if meeting.date else None,
            "date_as_written": meeting.date_as_written or None,
            "place": meeting.place.name if meeting.place else None,
        }

    return _page(request, filters, rows, lambda meetings: map(item, meetings))
