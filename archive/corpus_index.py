"""The published corpus in memory: for each fact value, the statements that have it, as a bitmap.

Statements are numbered by their position in the list's default order (newest first, undated
last, then by id, as `StatementQuerySet.newest_first()`), so that:
- any result set is a compressed bitmap (pyroaring) of positions, and counting a facet value over
  it is one intersection, whatever the number of results;
- a page of the newest (or oldest) results is read by rank in that bitmap, without sorting;
- a year, a month or a date range is a run of consecutive positions;
- whom a person met is counted from each person's statements on either side of the table
  (`sides`, archive.people_met), and their latest meeting is the first position in common.

Only published statements get a position and only visible facts are read, so a draft is never
counted or listed. Each process makes its index anew at each corpus version
(`archive.models.corpus`): every write path moves the version, so a change made anywhere shows in
every process's next page. It is numbered from the facts the process keeps by statement id
(`archive.corpus_facts`), which re-read only the statements a change touched; the roles held are
derived from them (archive.roles).
"""

import bisect
import datetime
import threading
from array import array
from dataclasses import dataclass

from pyroaring import BitMap

from archive import budget, roles
from archive.corpus_facts import CorpusFacts
from archive.kinds import FACT_KINDS, LANGUAGE, UNDATED, YEAR, RoleKind
from archive.models.corpus import corpus_version

# The position of a statement that has none (not published): a valid bitmap value no bitmap of
# the index holds, so that positions are looked up without a test per statement.
NOWHERE = 2**32 - 1


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    start: int  # its positions: [start, stop)
    stop: int


@dataclass(frozen=True)
class Value:
    """A fact value as the facets show it."""

    key: str  # the URL parameter's value
    label: str
    url: str  # the entity's page, if any


class CorpusIndex:
    def __init__(self, version: int):
        self.version = version
        self.ids = array("q")  # the statement at each position
        self.position = array("L")  # the position of each statement id (NOWHERE: none)
        self.dated = 0  # positions below this have a date
        self._days: list[int] = []  # minus the date's ordinal, per dated position (ascending)
        self.months: list[Month] = []  # newest first
        # facet name -> key -> positions, and key -> how the value shows
        self.values: dict[str, dict[str, BitMap]] = {}
        self.shown: dict[str, dict[str, Value]] = {}
        self._sizes: dict[str, dict[str, int]] = {}
        # side of the table ("soc", "counterpart") -> person's slug -> positions
        self.sides: dict[str, dict[str, BitMap]] = {}

    @property
    def everything(self) -> BitMap:
        return BitMap(range(len(self.ids)))

    def having(self, name: str, keys) -> BitMap:
        """The statements having any of these values of facet `name`."""
        values = self.values[name]
        return BitMap.union(BitMap(), *(values[k] for k in keys if k in values))

    def sizes(self, name: str) -> dict[str, int]:
        """How many statements have each value of facet `name`: the archive-wide counts, the
        same for every page of this version, so counted once."""
        if name not in self._sizes:
            values = self.values[name]
            self._sizes[name] = {key: len(positions) for key, positions in values.items()}
        return self._sizes[name]

    def counts(self, name: str, within: BitMap) -> dict[str, int]:
        """How many of the statements `within` have each value of facet `name`, for the values
        some of them have: one intersection per value, whatever their number."""
        counts = {}
        for key, positions in self.values[name].items():
            if n := positions.intersection_cardinality(within):
                counts[key] = n
        return counts

    def between(self, date_from=None, date_to=None) -> BitMap:
        """The statements dated within [date_from, date_to] (either may be open)."""
        start = bisect.bisect_left(self._days, -date_to.toordinal()) if date_to else 0
        stop = bisect.bisect_right(self._days, -date_from.toordinal()) if date_from else self.dated
        return BitMap(range(start, stop))

    def of_ids(self, ids) -> BitMap:
        """The positions of these statements (those not published have none)."""
        position = self.position.__getitem__
        try:
            found = BitMap(map(position, ids))
        except IndexError:  # a statement newer than the index
            size = len(self.position)
            found = BitMap(map(position, (i for i in ids if i < size)))
        found.discard(NOWHERE)
        return found

    def years_spanned(self, positions: BitMap) -> tuple[int | None, int | None]:
        """The years of the oldest and the newest dated statements among these."""
        dated = positions.rank(self.dated - 1) if self.dated else 0
        if not dated:
            return None, None
        return self._year_at(positions[dated - 1]), self._year_at(positions[0])

    def _year_at(self, position: int) -> int:
        return datetime.date.fromordinal(-self._days[position]).year

    def date_at(self, position: int) -> datetime.date | None:
        """The date of the statement at this position (None: undated)."""
        return datetime.date.fromordinal(-self._days[position]) if position < self.dated else None

    def ids_at(self, positions) -> list[int]:
        return [self.ids[p] for p in positions]


def build(facts: CorpusFacts) -> CorpusIndex:
    """The index of these facts: statements numbered in the list's order, each value's bitmap."""
    index = CorpusIndex(facts.version)
    day = facts.day
    order = sorted(facts.published, key=lambda pk: (day[pk] == 0, -day[pk], -pk))
    index.ids = array("q", order)
    index.position = array("L", [NOWHERE]) * (max(order, default=0) + 1)
    months: dict[tuple[int, int], list[int]] = {}
    for position, pk in enumerate(order):
        index.position[pk] = position
        if day[pk]:
            index._days.append(-day[pk])
            date = datetime.date.fromordinal(day[pk])
            months.setdefault((date.year, date.month), []).append(position)
    index.dated = len(index._days)
    index.months = [Month(y, m, ps[0], ps[-1] + 1) for (y, m), ps in months.items()]
    renumber = index.position.__getitem__
    grouped = {
        name: {value: BitMap(map(renumber, ids)) for value, ids in values.items()}
        for name, values in facts.values.items()
    }
    tenures = roles.tenures()
    keys = {}
    for kind in FACT_KINDS:
        if isinstance(kind, RoleKind):
            grouped[kind.name] = _roles_held(index, facts, kind, grouped, renumber, tenures)
        keys[kind.name] = _index_values(index, kind, grouped[kind.name])
    index.sides = _sides(facts, renumber, slugs=keys["person"])
    _index_column(index, LANGUAGE.name, grouped[LANGUAGE.name], dict(LANGUAGE.choices))
    _index_years(index)
    return index


def _roles_held(index, facts: CorpusFacts, kind: RoleKind, grouped, renumber, tenures) -> dict:
    """The statements where someone named (or quoted) held each role then (archive.roles)."""
    given = facts.given_spoke if kind.spoke_only else facts.given
    return roles.held(
        tenures,
        named=grouped["spoke" if kind.spoke_only else "person"],
        given=lambda key: BitMap(map(renumber, given.get(key, ()))),
        dated_within=index.between,
    )


def _sides(facts: CorpusFacts, renumber, slugs: dict) -> dict:
    """Each person's statements on either side of the table, by slug. The people are those the
    person facts name: a mention read in between (the tables are read one after the other) waits
    for the next version, as it would in any other fact."""
    return {
        side: {slugs[pk]: BitMap(map(renumber, ids)) for pk, ids in people.items() if pk in slugs}
        for side, people in facts.sides.items()
    }


def _index_values(index: CorpusIndex, kind, grouped: dict) -> dict:
    """Index the kind's values by their key; give the key of each value (a person's slug)."""
    index.values[kind.name], index.shown[kind.name], keys = {}, {}, {}
    for value, key, label, url in kind.shown(grouped):
        index.values[kind.name][key] = grouped[value]
        index.shown[kind.name][key] = Value(key, label, url)
        keys[value] = key
    return keys


def _index_column(index, name: str, grouped: dict, labels: dict) -> None:
    index.values[name] = {key: BitMap(ps) for key, ps in grouped.items()}
    index.shown[name] = {key: Value(key, labels.get(key, key), "") for key in grouped}


def _index_years(index: CorpusIndex) -> None:
    years: dict[str, BitMap] = {}
    for month in index.months:
        years.setdefault(str(month.year), BitMap()).add_range(month.start, month.stop)
    if index.dated < len(index.ids):
        years[UNDATED] = BitMap(range(index.dated, len(index.ids)))
    index.values[YEAR.name] = years
    index.shown[YEAR.name] = {key: Value(key, key.capitalize(), "") for key in years}


_current: CorpusIndex | None = None
_facts: CorpusFacts | None = None
_building = threading.Lock()


def current() -> CorpusIndex:
    """This process's index of the current corpus version (rebuilt when the version moved)."""
    global _current
    version = corpus_version()
    index = _current
    if index is not None and index.version == version:
        return index
    with _building:
        if _current is None or _current.version != version:
            with budget.unguarded():
                _current = build(_facts_at(version))
        return _current


def _facts_at(version: int) -> CorpusFacts:
    """This process's facts brought to `version` (dropped if that fails half-way)."""
    global _facts
    try:
        _facts = CorpusFacts.read(version) if _facts is None else _facts.brought_to(version)
    except BaseException:
        _facts = None
        raise
    return _facts


def forget() -> None:
    """Drop this process's index and facts (tests roll the corpus version back and repeat it)."""
    global _current, _facts
    _current = _facts = None
