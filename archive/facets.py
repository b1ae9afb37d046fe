"""Facet counts of the statement list.

Facets are disjunctive: each one counts over the results of every active filter but its own.
Clicking a value selects it alone within its facet, so its count is exactly the number of results
the click gives; a separate "+" link adds it to the facet's selection (values of one facet are
ORed). Each facet is one grouped query, whatever the number of results.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, F
from django.urls import reverse

from archive.filters import UNDATED, StatementFilter
from archive.histogram import Year
from archive.models import (
    Citation,
    Meeting,
    Mention,
    OrganizationMention,
    PlaceMention,
    Resolution,
)
from archive.models.statements import Language
from archive.search import api as search

SHOWN = 8  # values a facet shows before "more"
EXPANDED = 200  # values a facet shows once expanded


@dataclass
class FacetValue:
    key: str  # the URL parameter's value
    label: str
    count: int | None  # None: not counted (the time budget ran out)
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
    counted: bool = True  # False: the counts ran out of time; values (if any) come uncounted


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


# Facts of one statement name an entity once (a unique constraint), except citations, which
# repeat a resolution cited in several paragraphs: only those need COUNT(DISTINCT).
DISTINCT_COUNT = {"resolution"}


def _facts_of(model, statements, ids=None):
    """Visible facts of `model` in `statements`, or in the statements of `ids` when given."""
    facts = model.objects.visible()
    if ids is not None:
        return search.keep_ids(facts, "statement_id", ids)
    return facts.filter(statement__in=statements.values("pk"))


def entity_counts(name, statements, *, limit, selected=(), ids=None):
    """The entities of kind `name` in `statements` with their statement counts, most frequent first.

    Returns up to limit + 1 rows (dicts with key, label, count, url), so callers can tell whether
    there are more; `selected` keys come first whatever their count.

    `ids`: the statements as a list of ids, when that is all they are (a search without other
    filters, see StatementFilter.matched_ids_without), so the facts need no join.

    The inner query groups the fact table on its entity column alone, restricted to the
    statements' ids (the ORM's SQL, so every filter reads as elsewhere); the outer one joins the
    groups, not each of the hundreds of thousands of facts counted, to their entity for its slug
    and name. Grouping on the joined slug and name instead cost a join per fact, and grouping on
    per-group subqueries made PostgreSQL evaluate them for every fact (10 s at 100,000
    statements).
    """
    _, model, column, name_column, url_name = ENTITY_FACETS[name]
    entity = model._meta.get_field(column).related_model
    if name == "resolution":
        fields = {"r_body": "body", "r_number": "number", "r_year": "year", "r_title": "title"}
    else:
        fields = {"name": "name"}
    groups = (
        _facts_of(model, statements, ids)
        .order_by()
        .values(entity_id=F(column))
        .annotate(n=Count("statement", distinct=name in DISTINCT_COUNT))
    )
    connection = connections[groups.db]
    qn = connection.ops.quote_name
    inner, params = groups.query.get_compiler(connection=connection).as_sql()
    pinned = ""
    if selected:
        marks = ", ".join(["%s"] * len(selected))
        pinned = f"CASE WHEN e.{qn('slug')} IN ({marks}) THEN 1 ELSE 0 END DESC, "
    columns = ", ".join(f"e.{qn(entity._meta.get_field(f).column)}" for f in fields.values())
    sql = (
        f"SELECT e.{qn('slug')}, {columns}, g.{qn('n')} FROM ({inner}) g "
        f"INNER JOIN {qn(entity._meta.db_table)} e ON e.{qn('id')} = g.{qn('entity_id')} "
        f"ORDER BY {pinned}g.{qn('n')} DESC, e.{qn('slug')} ASC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *selected, limit + 1])
        rows = [dict(zip(["key", *fields, "n"], row, strict=True)) for row in cursor.fetchall()]
    return [
        {
            "key": row["key"],
            "label": _resolution_label(row) if name == "resolution" else row["name"],
            "count": row["n"],
            "url": reverse(url_name, kwargs={"slug": row["key"]}),
        }
        for row in rows
    ]


def entity_facet(filterset, name, expanded, budget):
    selected = _selected_keys(filterset, name)
    limit = EXPANDED if expanded else SHOWN
    rows = budget.run(
        lambda: entity_counts(
            name,
            filterset.qs_without(name),
            limit=limit,
            selected=selected,
            ids=filterset.matched_ids_without(name),
        )
    )
    if rows is None:
        return None
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


def year_facet(filterset, expanded, budget):
    selected = _selected_keys(filterset, "year")
    limit = EXPANDED if expanded else SHOWN
    # Every year at once (an archive spans decades, not thousands of years), newest first.
    rows = budget.run(
        lambda: list(
            filterset.qs_without("year")
            .order_by()
            .values(key=Year("date"))
            .annotate(n=Count("pk"))
            .order_by(F("key").desc(nulls_last=True))
        )
    )
    if rows is None:
        return None
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


def statement_facets(
    filterset: StatementFilter, expanded: str | None, budget, fallback=None, archive_wide=None
) -> list[Facet]:
    """Every facet of the list page, in display order: one query each, within `budget`.

    A facet whose counts did not fit in the budget shows its selected values and those of
    `fallback` (the archive-wide facets, when cached) without counts, and says so.
    `archive_wide`: the archive-wide facets of the current corpus, when cached; a facet whose
    own filter is the only one active counts the whole archive, so it is taken from there.
    """

    def reused(name):
        if filterset.active_except(name):
            return None
        known = next((f for f in archive_wide or [] if f.name == name and f.counted), None)
        return known and _reselected(filterset, known)

    facets = [
        reused(name) or entity_facet(filterset, name, expanded == name, budget)
        for name in ENTITY_FACETS
    ]
    facets.append(reused("kind") or _kind_facet(filterset, budget))
    facets.append(reused("language") or _language_facet(filterset, budget))
    facets.append(reused("year") or year_facet(filterset, expanded == "year", budget))
    if all(facet is not None for facet in facets):
        return facets
    return [
        facet or _uncounted(filterset, name, label, expanded == name, fallback)
        for facet, (name, label) in zip(facets, FACET_NAMES.items(), strict=True)
    ]


def _reselected(filterset, known: Facet) -> Facet | None:
    """An archive-wide facet with this page's selection; None if a selected value's count is
    not among its values (it was past the values shown)."""
    selected = _selected_keys(filterset, known.name)
    if not set(selected) <= {v.key for v in known.values}:
        return None
    return Facet(
        name=known.name,
        label=known.label,
        values=_with_selection(known.name, known.values, selected, counted=True),
        expanded=known.expanded,
        has_more=known.has_more,
        params=known.params,
    )


def _with_selection(name, values, selected, *, counted: bool) -> list[FacetValue]:
    """Cached archive-wide values again, selected and linked for this page's selection."""
    return [
        FacetValue(
            key=v.key,
            label=v.label,
            count=v.count if counted else None,
            selected=v.key in selected,
            params=_click(name, selected, v.key),
            add=_add(name, selected, v.key),
            url=v.url,
        )
        for v in values
    ]


def _kind_facet(filterset, budget):
    kinds = budget.run(
        lambda: list(
            _facts_of(Meeting, filterset.qs_without("kind"), filterset.matched_ids_without("kind"))
            .values(key=F("kind"))
            .annotate(n=Count("pk"))
            .order_by("-n", "key")
        )
    )
    if kinds is None:
        return None
    return choice_facet(filterset, "kind", "Event", kinds, Meeting.Kind.choices)


def _language_facet(filterset, budget):
    languages = budget.run(
        lambda: list(
            filterset.qs_without("language")
            .order_by()
            .values(key=F("language"))
            .annotate(n=Count("pk"))
            .order_by("-n", "key")
        )
    )
    if languages is None:
        return None
    return choice_facet(filterset, "language", "Language", languages, Language.choices)


FACET_NAMES = {
    **{name: spec[0] for name, spec in ENTITY_FACETS.items()},
    "kind": "Event",
    "language": "Language",
    "year": "Year",
}


def _uncounted(filterset, name, label, expanded, fallback) -> Facet:
    """A facet whose counts ran out of time: the archive-wide values, if known, without counts."""
    selected = _selected_keys(filterset, name)
    limit = EXPANDED if expanded else SHOWN
    known = next((f for f in fallback or [] if f.name == name), None)
    values = _with_selection(name, known.values if known else [], selected, counted=False)
    labels = {v.key: v.label for v in values}
    if name in ENTITY_FACETS:
        entities = filterset.cleaned().get(name) or []
        labels |= {e.slug: e.identifier if name == "resolution" else e.name for e in entities}
    else:
        choices = {"kind": Meeting.Kind.choices, "language": Language.choices}.get(name, [])
        labels |= {k: k.capitalize() for k in selected} | dict(choices)
    values = _keep_selected(name, values, selected, labels)
    for value in values:
        value.count = None
    facet = _facet(name, label, values, expanded, limit)
    facet.counted = False
    return facet
