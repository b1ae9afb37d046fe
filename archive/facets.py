"""Facet counts of the statement list.

Facets are disjunctive: each one counts over the results of every active filter but its own.
Clicking a value selects it alone within its facet, so its count is exactly the number of results
the click gives; a separate "+" link adds it to the facet's selection (values of one facet are
ORed). Each facet is one grouped query, whatever the number of results.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.db.models.functions import ExtractYear
from django.urls import reverse

from archive.filters import UNDATED, StatementFilter
from archive.models import (
    Citation,
    Meeting,
    Mention,
    OrganizationMention,
    PlaceMention,
    Resolution,
)
from archive.models.statements import Language

SHOWN = 8  # values a facet shows before "more"
EXPANDED = 200  # values a facet shows once expanded


@dataclass
class FacetValue:
    key: str  # the URL parameter's value
    label: str
    count: int
    selected: bool
    params: dict  # {% querystring %} of a click: only this value (or, when selected, without it)
    add: dict | None = None  # {% querystring %} adding this value to the facet's selection (OR)
    url: str = ""  # the entity page, when the value is an entity


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]
    expanded: bool  # showing up to EXPANDED values ("fewer" link) rather than SHOWN
    has_more: bool  # values beyond those shown ("more" link)
    params: dict  # {% querystring %} toggling expanded


# name -> (label, table, column grouped on, label column, entity URL name)
ENTITY_FACETS = {
    "person": ("People", Mention, "person", "person__name", "archive:person-detail"),
    "organization": (
        "Organizations",
        OrganizationMention,
        "organization",
        "organization__name",
        "archive:organization-detail",
    ),
    "resolution": ("Resolutions", Citation, "resolution", None, "archive:resolution-detail"),
    "place": ("Places", PlaceMention, "place", "place__name", "archive:place-detail"),
}


def _selected_keys(filterset: StatementFilter, name: str) -> list[str]:
    value = filterset.cleaned().get(name) or []
    return [str(getattr(v, "slug", v)) for v in value]


def _keep_selected(name, values, selected, labels) -> list[FacetValue]:
    """Selected values that match nothing under the other filters still show, with a count of 0,
    so the facet says what is selected and offers to undo it."""
    shown = {v.key for v in values}
    unmatched = [
        FacetValue(
            key=key,
            label=labels.get(key, key),
            count=0,
            selected=True,
            params=_click(name, selected, key),
        )
        for key in selected
        if key not in shown
    ]
    return unmatched + values


def _click(name: str, selected: list[str], key: str) -> dict:
    """What clicking a value does: a selected one is removed, any other replaces the selection.

    Replacing (rather than adding) keeps the promise of disjunctive counts: the number shown
    next to a value is exactly the number of results its link leads to. Adding a value to the
    selection (OR) is the separate `_add` link.
    """
    if key in selected:
        return {name: [k for k in selected if k != key]}
    return {name: [key]}


def _add(name: str, selected: list[str], key: str) -> dict | None:
    if key in selected or not selected:
        return None
    return {name: [*selected, key]}


def _pinned_first(rows, slug_column, selected, limit):
    """Order a grouped query by count, selected values first so that they are never cut off."""
    pinned = Case(
        When(**{f"{slug_column}__in": selected}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return rows.order_by(pinned.desc(), "-n", "key")[: limit + 1]


def entity_counts(name, statements, *, limit, selected=()):
    """The entities of kind `name` in `statements` with their statement counts, most frequent first.

    Returns up to limit + 1 rows (dicts with key, label, count, url), so callers can tell whether
    there are more; `selected` keys come first whatever their count.
    """
    _, model, column, name_column, url_name = ENTITY_FACETS[name]
    if name == "resolution":
        columns = {
            "r_body": F("resolution__body"),
            "r_number": F("resolution__number"),
            "r_year": F("resolution__year"),
            "r_title": F("resolution__title"),
        }
    else:
        columns = {"name": F(name_column)}
    rows = (
        model.objects.visible()
        .filter(statement__in=statements.values("pk"))
        .values(key=F(f"{column}__slug"), **columns)
        .annotate(n=Count("statement", distinct=True))
    )
    if selected:
        rows = _pinned_first(rows, f"{column}__slug", selected, limit)
    else:
        rows = rows.order_by("-n", "key")[: limit + 1]
    return [
        {
            "key": row["key"],
            "label": _resolution_label(row) if name == "resolution" else row["name"],
            "count": row["n"],
            "url": reverse(url_name, kwargs={"slug": row["key"]}),
        }
        for row in rows
    ]


def entity_facet(filterset, name, expanded):
    selected = _selected_keys(filterset, name)
    limit = EXPANDED if expanded else SHOWN
    rows = entity_counts(name, filterset.qs_without(name), limit=limit, selected=selected)
    values = [
        FacetValue(
            selected=row["key"] in selected,
            params=_click(name, selected, row["key"]),
            add=_add(name, selected, row["key"]),
            **row,
        )
        for row in rows
    ]
    entities = filterset.cleaned().get(name) or []
    labels = {e.slug: e.identifier if name == "resolution" else e.name for e in entities}
    values = _keep_selected(name, values, selected, labels)
    return _facet(name, ENTITY_FACETS[name][0], values, expanded, limit)


def _resolution_label(row) -> str:
    """The resolution's short identifier ("UNSC 2254"), as the model spells it."""
    return Resolution(
        body=row["r_body"], number=row["r_number"], year=row["r_year"], title=row["r_title"]
    ).identifier


def choice_facet(filterset, name, label, rows, choices):
    selected = _selected_keys(filterset, name)
    labels = dict(choices)
    values = [
        FacetValue(
            key=row["key"],
            label=labels.get(row["key"], row["key"]),
            count=row["n"],
            selected=row["key"] in selected,
            params=_click(name, selected, row["key"]),
            add=_add(name, selected, row["key"]),
        )
        for row in rows
    ]
    values = _keep_selected(name, values, selected, labels)
    return _facet(name, label, values, expanded=False, limit=len(values))


def year_facet(filterset, expanded):
    selected = _selected_keys(filterset, "year")
    limit = EXPANDED if expanded else SHOWN
    # Every year at once (an archive spans decades, not thousands of years), newest first.
    rows = (
        filterset.qs_without("year")
        .order_by()
        .values(key=ExtractYear("date"))
        .annotate(n=Count("pk"))
        .order_by(F("key").desc(nulls_last=True))
    )
    values = []
    for row in rows:
        key = str(row["key"]) if row["key"] is not None else UNDATED
        values.append(
            FacetValue(
                key=key,
                label=key.capitalize(),
                count=row["n"],
                selected=key in selected,
                params=_click("year", selected, key),
                add=_add("year", selected, key),
            )
        )
    values = _keep_selected("year", values, selected, {k: k.capitalize() for k in selected})
    return _facet("year", "Year", values, expanded, limit)


def _facet(name, label, values, expanded, limit):
    """The first `limit` values, and any selected one beyond them."""
    shown = values[:limit] + [v for v in values[limit:] if v.selected]
    return Facet(
        name=name,
        label=label,
        values=shown,
        expanded=expanded,
        has_more=len(values) > len(shown),
        params={"more": None if expanded else name},
    )


def statement_facets(filterset: StatementFilter, expanded: str | None) -> list[Facet]:
    """Every facet of the list page, in display order: one query each."""
    facets = [entity_facet(filterset, name, expanded == name) for name in ENTITY_FACETS]
    kinds = (
        Meeting.objects.visible()
        .filter(statement__in=filterset.qs_without("kind").values("pk"))
        .values(key=F("kind"))
        .annotate(n=Count("pk"))
        .order_by("-n", "key")
    )
    facets.append(choice_facet(filterset, "kind", "Event", kinds, Meeting.Kind.choices))
    languages = (
        filterset.qs_without("language")
        .order_by()
        .values(key=F("language"))
        .annotate(n=Count("pk"))
        .order_by("-n", "key")
    )
    facets.append(choice_facet(filterset, "language", "Language", languages, Language.choices))
    facets.append(year_facet(filterset, expanded == "year"))
    return facets
