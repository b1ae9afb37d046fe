"""The histogram of statements per year, or per month when they span two years or less.

Drawn server-side as CSS bars; each bar links to the list narrowed to it, and its count is exactly
what that link shows. The list and entity pages count its bars on the corpus index's bitmaps,
one range count per month, whatever the number of statements.
"""

import calendar
import datetime
from dataclasses import dataclass


@dataclass
class Bar:
    label: str  # "2021" or "Mar 2021"
    count: int
    percent: float  # height relative to the tallest bar
    params: dict  # {% querystring %} narrowing the list to this bar


@dataclass
class Histogram:
    bars: list[Bar]
    by_month: bool
    undated: int
    total: int


MONTHLY_SPAN = 24  # months: a narrower range is drawn month by month


def counted(index, results, date_from=None, date_to=None) -> Histogram:
    """The histogram of `results`, a bitmap of the corpus index (archive.corpus_index)."""
    months = {}
    for month in index.months:
        if n := results.range_cardinality(month.start, month.stop):
            months[(month.year, month.month)] = n
    undated = results.range_cardinality(index.dated, len(index.ids))
    return _drawn(months, undated, date_from, date_to)


def _drawn(months: dict, undated: int, date_from, date_to) -> Histogram:
    """Bars from the counts per (year, month): by month over two years or less, else by year."""
    if not months:
        return Histogram(bars=[], by_month=False, undated=undated, total=undated)
    first, last = min(months), max(months)
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if span <= MONTHLY_SPAN:
        bars = [
            _month_bar(y, m, months.get((y, m), 0), date_from, date_to)
            for y, m in _month_range(first, last)
        ]
    else:
        years = {}
        for (y, _), n in months.items():
            years[y] = years.get(y, 0) + n
        bars = [
            Bar(str(y), years.get(y, 0), percent=0, params={"year": str(y)})
            for y in range(first[0], last[0] + 1)
        ]
    peak = max(b.count for b in bars)
    for bar in bars:
        bar.percent = round(100 * bar.count / peak, 1)
    total = sum(months.values()) + undated
    return Histogram(bars=bars, by_month=span <= MONTHLY_SPAN, undated=undated, total=total)


def _month_range(first, last):
    y, m = first
    while (y, m) <= last:
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _month_bar(year, month, count, date_from, date_to):
    start = datetime.date(year, month, 1)
    end = datetime.date(year, month, calendar.monthrange(year, month)[1])
    start, end = max(start, date_from or start), min(end, date_to or end)
    return Bar(
        label=f"{calendar.month_abbr[month]} {year}",
        count=count,
        percent=0,
        params={"date_from": start.isoformat(), "date_to": end.isoformat()},
    )
