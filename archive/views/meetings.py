"""The list of meetings: who met whom, when and where; letters, calls and visits as such."""

from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.shortcuts import render

from archive import budget, cache
from archive.kinds import BY_NAME
from archive.models import (
    Meeting,
    Mention,
    Organization,
    OrganizationMention,
    Person,
    Place,
    Statement,
)

from .params import clean_params, paginate

PER_PAGE = 20
# Values offered in each filter's list: the most frequent (a selected value is always offered).
CHOICES = 50
PARTICIPANTS = [Mention.Side.SOC, Mention.Side.COUNTERPART]

# What the two sides of an event are called, by kind; kinds not listed have no other side.
SIDES = {
    Meeting.Kind.MEETING: ("Coalition", "Met with"),
    Meeting.Kind.LETTER: ("From", "To"),
    Meeting.Kind.PHONE_CALL: ("Coalition", "On the call"),
    Meeting.Kind.VISIT: ("Coalition", "Hosts"),
    Meeting.Kind.CONFERENCE: ("Coalition", "With"),
    Meeting.Kind.WORKSHOP: ("Coalition", "With"),
    Meeting.Kind.INTERVIEW: ("Coalition", "Interviewed by"),
}
DEFAULT_SIDES = ("Coalition", "Counterparts")
# The page's filters by an entity (archive.kinds gives their models). Each means something of its
# own here, so the page states it in _filtered(): someone who took part, a body named or
# represented, the place where the event was held.
ENTITY_FILTERS = ("person", "organization", "place")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int


@dataclass
class Selection:
    """The filters of the page as given, their valid values, and what was not understood."""

    kinds: list[str]
    person: Person | None = None
    organization: Organization | None = None
    place: Place | None = None
    year: int | None = None

    def __post_init__(self):
        self.errors: list[str] = []


def _selection(params) -> Selection:
    """Read the filters; a value that names nothing is reported and ignored, never a 500."""
    selection = Selection(kinds=[k for k in params.getlist("kind") if k in Meeting.Kind.values])
    for name in ENTITY_FILTERS:
        slug = params.get(name)
        if slug:
            found = BY_NAME[name].entity.objects.filter(slug=slug).first()
            if found is None:
                selection.errors.append(f"No {name} is known as “{slug}”: that filter is ignored.")
            setattr(selection, name, found)
    year = params.get("year")
    if year:
        if year.isascii() and year.isdigit() and 1 <= int(year) <= 9999:
            selection.year = int(year)
        else:
            selection.errors.append(f"“{year}” is not a year: that filter is ignored.")
    return selection


def _event_year():
    """The year of the event, or of the release reporting it when the event has no date."""
    return ExtractYear(Coalesce("date", "statement__date"))


def _filtered(meetings, selection: Selection):
    if selection.kinds:
        meetings = meetings.filter(kind__in=selection.kinds)
    if selection.person:
        took_part = Mention.objects.visible().filter(person=selection.person, side__in=PARTICIPANTS)
        meetings = meetings.filter(statement__in=took_part.values("statement_id"))
    if selection.organization:
        named = OrganizationMention.objects.visible().filter(organization=selection.organization)
        represented = Mention.objects.visible().filter(
            organization=selection.organization, side__in=PARTICIPANTS
        )
        meetings = meetings.filter(
            Q(statement__in=named.values("statement_id"))
            | Q(statement__in=represented.values("statement_id"))
        )
    if selection.place:
        meetings = meetings.filter(Q(place=selection.place) | Q(place__parent=selection.place))
    if selection.year:
        meetings = meetings.alias(year=_event_year()).filter(year=selection.year)
    return meetings


def _choices(meetings) -> dict[str, list[Choice]]:
    """The values each filter offers, most frequent first: the same for every visitor."""
    labels = dict(Meeting.Kind.choices)
    statements = meetings.values("statement_id")
    people = (
        Mention.objects.visible()
        .filter(statement__in=statements, side__in=PARTICIPANTS)
        .values("person__slug", "person__name")
        .annotate(n=Count("statement", distinct=True))
        .order_by("-n", "person__name")[:CHOICES]
    )
    organizations = (
        OrganizationMention.objects.visible()
        .filter(statement__in=statements)
        .values("organization__slug", "organization__name")
        .annotate(n=Count("statement", distinct=True))
        .order_by("-n", "organization__name")[:CHOICES]
    )
    places = (
        meetings.exclude(place=None)
        .values("place__slug", "place__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "place__name")[:CHOICES]
    )
    years = (
        meetings.annotate(year=_event_year())
        .exclude(year=None)
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    kinds = meetings.order_by().values("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    return {
        "kind": [Choice(r["kind"], labels.get(r["kind"], r["kind"]), r["n"]) for r in kinds],
        "person": [Choice(r["person__slug"], r["person__name"], r["n"]) for r in people],
        "organization": [
            Choice(r["organization__slug"], r["organization__name"], r["n"]) for r in organizations
        ],
        "place": [Choice(r["place__slug"], r["place__name"], r["n"]) for r in places],
        "year": [Choice(str(r["year"]), str(r["year"]), r["n"]) for r in years],
    }


def _choices_unguarded(meetings) -> dict[str, list[Choice]]:
    """The filters' values are the same for every visitor, so counted once per corpus version
    over every meeting: seconds at a hundred thousand statements. Like the corpus index, they
    are counted outside the statement timeout: a page never fails for them."""
    with budget.unguarded():
        return _choices(meetings)


def _with_selected(choices: list[Choice], entity) -> list[Choice]:
    """The offered values, with the selected entity among them even when not frequent."""
    if entity is None or any(c.value == entity.slug for c in choices):
        return choices
    return [Choice(entity.slug, entity.name, 0), *choices]


def _sides(meeting):
    """(label, people) of the Coalition's side, and (label, people or bodies) of the other.

    A letter, a call or a visit whose release names no person on the other side still has one:
    the bodies the release's opening paragraph names besides the Coalition's own (a letter "to
    the Arab League, the OIC and the GCC").
    """
    people = meeting.statement.participants
    ours = [m for m in people if m.side == Mention.Side.SOC]
    theirs = [m for m in people if m.side == Mention.Side.COUNTERPART]
    own_label, other_label = SIDES.get(meeting.kind, DEFAULT_SIDES)
    bodies = []
    if not theirs and meeting.kind in SIDES:
        seen = {m.organization_id for m in ours}
        bodies = [
            m.organization
            for m in meeting.statement.opening_bodies
            if m.organization_id not in seen
        ]
    return (own_label, ours), (other_label, theirs, bodies)


def meeting_list(request):
    """Who met whom, when and where: one row per reported event, filtered by person,
    organization, place, year and kind.

    Listed by the release that reports them, newest first: the order of an index, so a page
    reads twenty rows. The order of the events' own dates (often the release's, or a day or
    two before) would sort every meeting for each page: a quarter of a second at 100,000.
    """
    params = clean_params(request.GET)
    selection = _selection(params)
    meetings = Meeting.objects.visible().filter(statement__status=Statement.Status.PUBLISHED)
    choices = cache.cached(
        "meeting-choices", cache.corpus_version(), lambda: (_choices_unguarded(meetings), True)
    )
    participants = (
        Mention.objects.visible()
        .filter(side__in=PARTICIPANTS)
        .select_related("person", "organization")
    )
    opening_bodies = (
        OrganizationMention.objects.visible()
        .filter(paragraph=1)
        .exclude(organization__kind=Organization.Kind.COALITION_BODY)
        .select_related("organization")
    )
    meetings = (
        _filtered(meetings, selection)
        .select_related("statement", "place")
        .prefetch_related(
            Prefetch("statement__mentions", participants, to_attr="participants"),
            Prefetch("statement__organization_mentions", opening_bodies, to_attr="opening_bodies"),
        )
        .order_by(F("statement__date").desc(nulls_last=True), "-statement_id")
    )
    page = paginate(params, meetings, PER_PAGE)
    for meeting in page:
        meeting.ours, meeting.theirs = _sides(meeting)
    return render(
        request,
        "archive/meeting_list.html",
        {
            "page": page,
            "params": params,
            "kinds": choices["kind"],
            "selected_kinds": selection.kinds,
            "selection": selection,
            "people": _with_selected(choices["person"], selection.person),
            "organizations": _with_selected(choices["organization"], selection.organization),
            "places": _with_selected(choices["place"], selection.place),
            "years": choices["year"],
            "errors": selection.errors,
            "filtered": any(
                (selection.person, selection.organization, selection.place, selection.year)
            ),
        },
    )
