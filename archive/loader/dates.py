"""Dates as releases write them, and a release's own date when only its text gives it.

"October 17-18", "20 March 2013", "2013-03-20", "20/3/2013"; the release's own date comes from a
header block, a dateline or a source line.

A date without a year is resolved against the release date: the latest such day not after it, since
a release reports what already happened (a session "held on October 17-18" in a release dated
November 2022 was in 2022; in one dated February 2023, in October 2022).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .citations import to_ascii_digits
from .gazetteer import trie_pattern, words_pattern

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Trie-shaped ("sep(?:t(?:ember)?)?"): the longest name still wins, and a word that starts no month
# is rejected at its first letter instead of being tried against each of the 24 names.
_MONTH = r"(?:" + trie_pattern(list(MONTHS)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"""
    \b(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})(?:\s*(?:-|to|and)\s*(?P<md_end>{_DAY}))?
        (?:,?\s+(?P<md_year>\d{{4}}))?\b
    | \b(?P<dm_day>{_DAY})(?:\s*(?:-|to|and)\s*(?P<dm_end>{_DAY}))?\s+(?:of\s+)?
        (?P<dm_month>{_MONTH})
        (?:,?\s+(?P<dm_year>\d{{4}}))?\b
    | \b(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{1,2}})-(?P<iso_day>\d{{1,2}})\b
    | \b(?P<num_day>\d{{1,2}})[/.](?P<num_month>\d{{1,2}})[/.](?P<num_year>\d{{4}})\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class WrittenDate:
    """A date as written: its words, offsets, and the parts the words give (year may be missing)."""

    text: str
    start: int
    end: int
    year: int | None
    month: int
    day: int

    def resolve(self, release_date: datetime.date | None = None) -> datetime.date | None:
        """The calendar date, taking a missing year from the release date; None when unknowable."""
        if self.year:
            return _safe_date(self.year, self.month, self.day)
        if release_date is None:
            return None
        candidate = _safe_date(release_date.year, self.month, self.day)
        if candidate and candidate > release_date:
            candidate = _safe_date(release_date.year - 1, self.month, self.day)
        return candidate


def find_dates(text: str) -> list[WrittenDate]:
    """Every date written in `text` (Arabic-Indic digits included), in order."""
    if not _DIGIT.search(text):
        return []  # every form has a digit, and most paragraphs have none: skip the long pattern
    digits = to_ascii_digits(text)
    found = []
    for m in _DATE.finditer(digits):
        if m["md_month"]:
            parts = (m["md_year"], MONTHS[m["md_month"].lower().rstrip(".")], m["md_day"])
        elif m["dm_month"]:
            parts = (m["dm_year"], MONTHS[m["dm_month"].lower().rstrip(".")], m["dm_day"])
        elif m["iso_year"]:
            parts = (m["iso_year"], int(m["iso_month"]), m["iso_day"])
        else:  # day first, as Arabic and European releases write it
            parts = (m["num_year"], int(m["num_month"]), m["num_day"])
        year, month, day = parts
        day = int(re.match(r"\d+", day).group())
        written = WrittenDate(
            text[m.start() : m.end()], m.start(), m.end(), int(year) if year else None, month, day
        )
        if 1 <= day <= 31 and 1 <= month <= 12 and (written.year is None or written.resolve()):
            found.append(written)
    return found


_HEADER_WORDS = re.compile(
    r"press release|statement|coalition|department|media|office", re.IGNORECASE
)
_DATELINE_END = re.compile(r"\s*(?:[-:|]|\)|$)")
_SOURCE = re.compile(words_pattern(["source", "published", "posted", "issued"]), re.IGNORECASE)


def release_date_in(paragraphs: list[str]) -> datetime.date | None:
    """The release's own date when its text carries one: header block, dateline or source line.

    Only complete dates (with a year) count, and only where releases put their own date: a short
    line in the opening block, the first words of a paragraph followed by a dash or colon
    ("Istanbul, 20 March 2013 -"), or a closing source line; a date in running text is an event's.
    """
    for line in paragraphs[:6]:
        for written in find_dates(line[:80]):
            if not written.year:
                continue
            rest = (line[: written.start] + line[written.end :]).strip(" ,.-|:()")
            if len(line) <= 80 and (len(rest) < 25 or _HEADER_WORDS.search(rest)):
                return written.resolve()  # a header line
            if written.start < 60 and _DATELINE_END.match(line, written.end):
                return written.resolve()  # a dateline
        if len(line) > 80:
            break
    for line in paragraphs[-2:][::-1]:
        if _SOURCE.search(line):
            dated = [w for w in find_dates(line) if w.year]
            if dated:
                return dated[-1].resolve()
    return None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
