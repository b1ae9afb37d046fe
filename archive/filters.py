"""The FilterSet of /statements/: what each URL parameter means, and how it narrows the results.

Filters that reach into a related table (people, organizations, resolutions, places, meetings) use
`Exists()`, so a statement never appears twice and no `distinct()` is needed. Within one facet the
selected values are ORed (disjunctive faceting); different facets are ANDed.
"""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from archive.models import (
    Citation,
    Meeting,
    Mention,
    Organization,
    OrganizationMention,
    Person,
    Place,
    PlaceMention,
    Resolution,
)
from archive.models.statements import Language
from archive.search import api as search

UNDATED = "undated"
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


# Which table each related filter looks in, and through which column.
RELATED = {
    "person": (Mention, "person"),
    "organization": (OrganizationMention, "organization"),
    "resolution": (Citation, "resolution"),
    "place": (PlaceMention, "place"),
    "kind": (Meeting, "kind"),
}


def in_related(statements, name: str, values, *, by_list: bool = False):
    """The statements with a visible fact of kind `name` (see RELATED) matching any of `values`.

    `by_list`: keep them by `id IN (the facts' statement ids)` rather than EXISTS. Counts visit
    every result, and the list is read once from the facts' (entity, statement) index, where
    EXISTS probes the facts for each published statement: a person named in a fifth of 100,000
    statements took 65 ms to count instead of 615 ms on SQLite. The page of newest results keeps
    EXISTS, which walks the date index and stops after twenty rows.
    """
    model, column = RELATED[name]
    facts = model.objects.visible().filter(**{f"{column}__in": values})
    if by_list:
        return statements.filter(pk__in=facts.values("statement_id"))
    return statements.filter(Exists(facts.filter(statement=OuterRef("pk"))))


def is_active(value) -> bool:
    """Whether a cleaned filter value narrows the results."""
    if value is None or value == "":
        return False
    # A selection (list or QuerySet): an empty entity selection is a query-free none().
    return bool(len(value)) if hasattr(value, "__len__") else True


@dataclass
class Chip:
    """An active filter, shown above the results with a link that removes it."""

    label: str
    value: str
    params: dict  # {% querystring %} without this value


def entity_filter(queryset, label):
    return django_filters.ModelMultipleChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        label=label,
        distinct=False,
        method="filter_related",
    )


class StatementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Search")
    person = entity_filter(Person.objects.all(), "Person")
    organization = entity_filter(Organization.objects.all(), "Organization")
    resolution = entity_filter(Resolution.objects.all(), "Resolution")
    place = entity_filter(Place.objects.all(), "Place")
    kind = django_filters.MultipleChoiceFilter(
        choices=Meeting.Kind.choices, label="Event", distinct=False, method="filter_related"
    )
    language = django_filters.MultipleChoiceFilter(
        choices=Language.choices, label="Language", distinct=False
    )
    year = YearsFilter(label="Year")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="From")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="To")

    # The ids the words match, when the page fetched them once (see use_matches()).
    matched_ids: list[int] | None = None

    def use_matches(self, ids: list[int] | None) -> None:
        """Keep the words' matches by these ids (see search.matching) in every query built after.

        A page's count, facets and histogram each filter on the words; with the matches fetched
        once they read a list instead of running the search again, each. Call before `qs`.
        """
        self.matched_ids = ids

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value, ids=self.matched_ids)

    # True while qs_without() builds a queryset to count (see in_related's `by_list`).
    _counting = False

    def filter_related(self, queryset, name, value):
        if not value:
            return queryset
        # Counting reads a filter's list of statements once, unless the words' matches are in
        # hand (at most COUNT_CAP): probing their facts one by one then beats reading the list
        # of a broad filter (an organization named in most statements) for every facet.
        by_list = self._counting and self.matched_ids is None
        return in_related(queryset, name, value, by_list=by_list)

    def cleaned(self) -> dict:
        """The valid parameters (invalid ones are reported by the form and otherwise ignored)."""
        self.is_valid()
        return getattr(self.form, "cleaned_data", {})

    def qs_without(self, name: str | None = None):
        """The results to count: every active filter applied except `name`'s own (a facet's
        base; all of them without `name`), built for counting rather than for a page."""
        queryset = self.queryset.all()
        self._counting = True
        try:
            for field, value in self.cleaned().items():
                if field != name:
                    queryset = self.filters[field].filter(queryset, value)
        finally:
            self._counting = False
        return queryset

    def matched_ids_without(self, name: str) -> list[int] | None:
        """The results but for `name`'s filter as a list of ids, when they are exactly the words'
        fetched matches (no other filter is active); else None.

        Facts can then be counted by that list alone: joining the statements again to check
        what the list already holds made PostgreSQL's facet counts twice as slow.
        """
        others = (v for field, v in self.cleaned().items() if field not in ("q", name))
        if self.matched_ids is None or any(is_active(v) for v in others):
            return None
        return self.matched_ids

    def active_except(self, name: str | None = None) -> bool:
        """Whether any filter other than `name` narrows the results (words included)."""
        return any(is_active(v) for field, v in self.cleaned().items() if field != name)

    @property
    def query(self) -> str:
        return self.cleaned().get("q") or ""

    def chips(self) -> list[Chip]:
        """One chip per active value, in the order of the filters."""
        chips = []
        for name, value in self.cleaned().items():
            if value in (None, "", []) or (name in RELATED and not value):
                continue
            label = self.filters[name].label
            if name == "q":
                chips.append(Chip(label, f"“{value}”", {"q": None}))
            elif name in ("date_from", "date_to"):
                chips.append(Chip(label, value.isoformat(), {name: None}))
            else:
                keys = [str(getattr(v, "slug", v)) for v in value]
                names = (
                    dict(self.filters[name].field.choices) if name in ("kind", "language") else {}
                )
                for item, key in zip(value, keys, strict=True):
                    rest = [k for k in keys if k != key]
                    text = names.get(key) or (UNDATED.capitalize() if key == UNDATED else str(item))
                    chips.append(Chip(label, text, {name: rest}))
        return chips

    def sort(self, requested: str | None) -> str:
        """The sort in force: relevance only makes sense with a query; newest first otherwise."""
        if requested in SORTS and (requested != "relevance" or self.query):
            return requested
        return "relevance" if self.query else "newest"
