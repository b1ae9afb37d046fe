"""The published corpus in memory: for each fact value, the statements that have it, as a bitmap.

Statements are numbered by their position in the list's default order (newest first, undated
last, then by id, as `StatementQuerySet.newest_first()`), so that:
- any result set is a compressed bitmap (pyroaring) of positions, and counting a facet value over
  it is one intersection, whatever the number of results;
- a page of the newest (or oldest) results is read by rank in that bitmap, without sorting;
- a year, a month or a date range is a run of consecutive positions.

Only published statements get a position and only visible facts are read, so a draft is never
counted or listed. Each process builds its index once per corpus version
(`archive.models.corpus`): every write path moves the version, so a change made anywhere shows in
every process's next page. Building reads each fact table once (see the README for its time and
memory).
"""

import bisect
import datetime
import threading
from array import array
from dataclasses import dataclass

from pyroaring import BitMap

from archive import budget
from archive.kinds import FACT_KINDS, LANGUAGE, UNDATED, YEAR
from archive.models import Statement
from archive.models.corpus import corpus_version


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
        self.position = array("l")  # the position of each statement id (-1: none)
        self.dated = 0  # positions below this have a date
        self._days: list[int] = []  # minus the date's ordinal, per dated position (ascending)
        self.months: list[Month] = []  # newest first
        # facet name -> key -> positions, and key -> how the value shows
        self.values: dict[str, dict[str, BitMap]] = {}
        self.shown: dict[str, dict[str, Value]] = {}

    @property
    def everything(self) -> BitMap:
        return BitMap(range(len(self.ids)))

    def having(self, name: str, keys) -> BitMap:
        """The statements having any of these values of facet `name`."""
        values = self.values[name]
        return BitMap.union(BitMap(), *(values[k] for k in keys if k in values))

    def between(self, date_from=None, date_to=None) -> BitMap:
        """The statements dated within [date_from, date_to] (either may be open)."""
        start = bisect.bisect_left(self._days, -date_to.toordinal()) if date_to else 0
        stop = bisect.bisect_right(self._days, -date_from.toordinal()) if date_from else self.dated
        return BitMap(range(start, stop))

    def of_ids(self, ids) -> BitMap:
        """The positions of these statements (those not published have none)."""
        position, size = self.position, len(self.position)
        return BitMap(position[i] for i in ids if i < size and position[i] >= 0)

    def years_spanned(self, positions: BitMap) -> tuple[int | None, int | None]:
        """The years of the oldest and the newest dated statements among these."""
        dated = positions.rank(self.dated - 1) if self.dated else 0
        if not dated:
            return None, None
        return self._year_at(positions[dated - 1]), self._year_at(positions[0])

    def _year_at(self, position: int) -> int:
        return datetime.date.fromordinal(-self._days[position]).year

    def ids_at(self, positions) -> list[int]:
        return [self.ids[p] for p in positions]


def build(version: int) -> CorpusIndex:
    """The index of the corpus as the database has it now (one query per table)."""
    index = CorpusIndex(version)
    rows = Statement.objects.published().newest_first().values_list("id", "date", "language")
    languages: dict[str, list[int]] = {}
    months: dict[tuple[int, int], list[int]] = {}
    for position, (pk, date, language) in enumerate(rows.iterator(chunk_size=10_000)):
        index.ids.append(pk)
        languages.setdefault(language, []).append(position)
        if date is not None:
            index._days.append(-date.toordinal())
            months.setdefault((date.year, date.month), []).append(position)
    index.position = array("l", [-1]) * (max(index.ids, default=0) + 1)
    for position, pk in enumerate(index.ids):
        index.position[pk] = position
    index.dated = len(index._days)
    index.months = [Month(y, m, ps[0], ps[-1] + 1) for (y, m), ps in months.items()]
    for kind in FACT_KINDS:
        _index_facts(index, kind)
    _index_column(index, LANGUAGE.name, languages, dict(LANGUAGE.choices))
    _index_years(index)
    return index


def _index_facts(index: CorpusIndex, kind) -> None:
    """One pass over the kind's visible facts, kept for the published statements only."""
    position, size = index.position, len(index.position)
    grouped: dict[object, list[int]] = {}
    for statement, value in kind.statement_values():
        if statement < size and position[statement] >= 0:
            grouped.setdefault(value, []).append(position[statement])
    index.values[kind.name], index.shown[kind.name] = {}, {}
    for value, key, label, url in kind.shown(grouped):
        index.values[kind.name][key] = BitMap(grouped[value])
        index.shown[kind.name][key] = Value(key, label, url)


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
                _current = build(version)
        return _current


def forget() -> None:
    """Drop this process's index (tests roll the corpus version back and repeat it)."""
    global _current
    _current = None
