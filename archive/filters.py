"""The FilterSet of /statements/: what each URL parameter means, and how it narrows the results.

Filters that reach into a related table (people, organizations, resolutions, places, meetings) use
`Exists()`, so a statement never appears twice and no `distinct()` is needed. Within one facet the
selected values are ORed (disjunctive faceting); different facets are ANDed.
"""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet

from archive import corpus_index, roles, visibility
from archive.kinds import (
    BY_NAME,
    FACETS,
    FACT_KINDS,
    LANGUAGE,
    UNDATED,
    YEAR,
    RoleKind,
    choice_labels,
)
from archive.search import api as search

SORTS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}


class YearsField(forms.Field):
    """Several `year=` values: four-digit years, or "undated"; anything else is a form error."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": "“%(value)s” is not a year."}

    def to_python(self, value):
        years = []
        for raw in value or []:
            raw = str(raw).strip()
            if raw == UNDATED:
                years.append(UNDATED)
            elif raw.isascii() and raw.isdigit() and 1000 <= int(raw) <= 9999:
                years.append(int(raw))
            else:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": raw[:40]}
                )
        return years


class YearsFilter(django_filters.Filter):
    field_class = YearsField

    def filter(self, qs, value):
        if not value:
            return qs
        # A date range per year, which the (status, date) index answers; `date__year__in`
        # extracts the year of every row (on SQLite by a Python function call per row).
        condition = Q(pk__in=[])
        for year in sorted({y for y in value if y != UNDATED}):
            condition |= Q(date__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
        if UNDATED in value:
            condition |= Q(date__isnull=True)
        return qs.filter(condition)


def in_related(statements, name: str, values, *, by_list: bool = False):
    """The statements with a visible fact of kind `name` (archive.kinds) matching any of `values`.

    `by_list`: keep them by `id IN (the facts' statement ids)`, read once from the facts'
    (value, statement) index, rather than EXISTS, which probes the facts of each statement: the
    better plan for counting every statement of an entity; EXISTS is for a page of the newest,
    which walks the date index and stops after twenty rows.
    """
    kind = BY_NAME[name]
    if isinstance(kind, RoleKind):  # derived facts: the corpus index holds their statements
        index = corpus_index.current()
        ids = index.ids_at(index.having(name, [role.slug for role in values]))
        return search.keep_ids(statements, "pk", ids)  # one parameter, however many
    facts = kind.facts().filter(**{f"{kind.column}__in": values})
    if by_list:
        return statements.filter(pk__in=facts.values("statement_id"))
    return statements.filter(Exists(facts.filter(statement=OuterRef("pk"))))


def is_active(value) -> bool:
    """Whether a cleaned filter value narrows the results."""
    if value is None or value == "":
        return False
    if isinstance(value, QuerySet) and value.query.is_empty():
        return False  # an empty entity selection is none(): known without compiling its SQL
    return bool(len(value)) if hasattr(value, "__len__") else True


@dataclass
class Chip:
    """An active filter, shown above the results with a link that removes it."""

    label: str
    value: str
    params: dict  # {% querystring %} without this value


class RolesField(forms.Field):
    """Several role keys (archive.roles), each a role someone a published statement names held
    then; anything else is an error. The corpus index knows them, with their labels."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": "“%(value)s” is not a role anyone held."}

    def to_python(self, value):
        keys = list(dict.fromkeys(str(raw).strip() for raw in value or []))
        if not keys:
            return []
        index = corpus_index.current()
        known = {**index.shown["spoke_as"], **index.shown["role"]}
        for key in keys:
            if key not in known:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": key[:80]}
                )
        return [roles.Role(key, known[key].label) for key in keys]


class RolesFilter(django_filters.Filter):
    field_class = RolesField


def kind_filter(kind):
    """The filter of a fact kind: entities by slug, roles by key, or choices."""
    if isinstance(kind, RoleKind):
        return RolesFilter(label=kind.singular, method="filter_related")
    if kind.entity is None:
        return django_filters.MultipleChoiceFilter(
            choices=kind.choices, label=kind.singular, distinct=False, method="filter_related"
        )
    return django_filters.ModelMultipleChoiceFilter(
        # A value only a draft names is no choice: its name must not reach the chip or facet.
        queryset=visibility.public(kind.entity.objects.all()),
        to_field_name="slug",
        label=kind.singular,
        distinct=False,
        method="filter_related",
    )


class _Filters(django_filters.FilterSet):
    """What the filters do; StatementFilter (below) declares which there are."""

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value)

    def filter_related(self, queryset, name, value):
        return in_related(queryset, name, value) if is_active(value) else queryset

    def cleaned(self) -> dict:
        """The valid parameters (invalid ones are reported by the form and otherwise ignored)."""
        self.is_valid()
        return getattr(self.form, "cleaned_data", {})

    def selected_keys(self) -> dict[str, list[str]]:
        """The selected values of each facet filter, as the URL spells them (entity slugs)."""
        cleaned = self.cleaned()
        return {
            name: [str(getattr(v, "slug", v)) for v in cleaned[name]]
            for name in FACETS
            if is_active(cleaned.get(name))
        }

    def selected_labels(self) -> dict[str, dict[str, str]]:
        """How each selected value reads ("UNSC 2254", "Meeting", "Undated")."""
        cleaned, labels = self.cleaned(), {}
        for name in FACETS:
            kind = BY_NAME.get(name)
            names = choice_labels(name)
            labels[name] = {
                str(getattr(v, "slug", v)): (
                    kind.entity_label(v)
                    if hasattr(v, "slug")
                    else names.get(v) or (UNDATED.capitalize() if v == UNDATED else str(v))
                )
                for v in (cleaned[name] if is_active(cleaned.get(name)) else [])
            }
        return labels

    def active_except(self, name: str | None = None) -> bool:
        """Whether any filter other than `name` narrows the results (words included)."""
        return any(is_active(v) for field, v in self.cleaned().items() if field != name)

    @property
    def query(self) -> str:
        return self.cleaned().get("q") or ""

    def chips(self) -> list[Chip]:
        """One chip per active value, in the order of the filters."""
        chips, labels = [], self.selected_labels()
        for name, value in self.cleaned().items():
            if not is_active(value):
                continue
            label = self.filters[name].label
            if name == "q":
                chips.append(Chip(label, f"“{value}”", {"q": None}))
            elif name in ("date_from", "date_to"):
                chips.append(Chip(label, value.isoformat(), {name: None}))
            else:
                keys = list(labels[name])
                for key, text in labels[name].items():
                    chips.append(Chip(label, text, {name: [k for k in keys if k != key]}))
        return chips

    def sort(self, requested: str | None) -> str:
        """The sort in force: relevance only makes sense with a query; newest first otherwise."""
        if requested in SORTS and (requested != "relevance" or self.query):
            return requested
        return "relevance" if self.query else "newest"


# Words, one filter per fact kind, the statement's language and year, a date range.
StatementFilter = type(
    "StatementFilter",
    (_Filters,),
    {
        "q": django_filters.CharFilter(method="filter_search", label="Search"),
        **{kind.name: kind_filter(kind) for kind in FACT_KINDS},
        "language": django_filters.MultipleChoiceFilter(
            choices=LANGUAGE.choices, label=LANGUAGE.label, distinct=False
        ),
        "year": YearsFilter(label=YEAR.label),
        "date_from": django_filters.DateFilter(field_name="date", lookup_expr="gte", label="From"),
        "date_to": django_filters.DateFilter(field_name="date", lookup_expr="lte", label="To"),
        "__module__": __name__,
        "__doc__": "The FilterSet of /statements/ (and its CSV and feed).",
    },
)
