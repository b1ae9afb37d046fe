"""The field rules a statement's values must meet before either database stores them.

SQLite stores almost anything (a NUL, a string longer than its column, a year 9999) while
PostgreSQL refuses some of it at write time and the Atom feed breaks on control characters, so
every value is checked here first, the same way on both engines: by the loader for each release
(reported as `file:line: message`) and by every model form through `Statement.clean()`.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings

# What neither XML 1.0 (the feed) nor PostgreSQL's text accepts, or what no release needs:
# C0 controls but tab, newline and carriage return (a browser sends a pasted text's lines ending
# in CR LF), C1 controls, surrogates (only ever lone ones in a Python string) and the two
# non-characters XML forbids.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\ud800-\udfff\ufffe\uffff]")
LINK_SCHEMES = ("http", "https")


def text_problems(value: str, *, max_length: int | None = None) -> list[str]:
    """What is wrong with a text value, in words (empty when nothing is)."""
    problems = []
    if max_length is not None and len(value) > max_length:
        problems.append(f"is {len(value):,} characters, over the limit of {max_length:,}")
    found = _FORBIDDEN.search(value)
    if found:
        what = describe_character(found.group())
        problems.append(f"contains {what} at character {found.start() + 1}")
    return problems


def forbidden_character_at(value: str) -> int | None:
    """The index of the first character no statement may hold, or None."""
    found = _FORBIDDEN.search(value)
    return found.start() if found else None


def describe_character(char: str) -> str:
    code = ord(char)
    if code == 0:
        return "a NUL character"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate (U+{code:04X})"
    if code in (0xFFFE, 0xFFFF):
        return f"a non-character (U+{code:04X})"
    return f"a control character (U+{code:04X})"


def url_problems(url: str, *, max_length: int | None = None) -> list[str]:
    """What is wrong with a stored address: it must be http(s), and fit its column."""
    problems = text_problems(url, max_length=max_length)
    if url and not is_link(url):
        problems.append("is not an http(s) address")
    return problems


def is_link(url: str) -> bool:
    """Whether `url` may be rendered as a link: an absolute http(s) address, nothing else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.netloc)


def date_range() -> tuple[datetime.date, datetime.date]:
    """The dates a release may carry: ARCHIVE_EARLIEST_YEAR to ARCHIVE_LATEST_YEAR (by default
    1900 to next year), so a typo's year 1 or 9999 cannot stretch the histogram over millennia."""
    latest = settings.ARCHIVE_LATEST_YEAR or datetime.date.today().year + 1
    return datetime.date(settings.ARCHIVE_EARLIEST_YEAR, 1, 1), datetime.date(latest, 12, 31)


def date_problems(date: datetime.date | None) -> list[str]:
    if date is None:
        return []
    earliest, latest = date_range()
    if earliest <= date <= latest:
        return []
    return [f"{date.isoformat()} is outside the archive's dates ({earliest} to {latest})"]


def is_plausible_date(date: datetime.date | None) -> bool:
    return date is not None and not date_problems(date)


def statement_field_problems(
    *,
    title: str,
    body: str,
    source_name: str = "",
    source_url: str = "",
    date: datetime.date | None = None,
) -> dict[str, list[str]]:
    """Per field, what is wrong with a statement's values (fields without problems left out).

    Lengths are the columns' own (`max_length` of the model's fields), so both engines agree.
    """
    from archive.models import Statement

    def limit(name: str) -> int:
        return Statement._meta.get_field(name).max_length

    found = {
        "title": text_problems(title, max_length=limit("title")),
        "body": text_problems(body),
        "source_name": text_problems(source_name, max_length=limit("source_name")),
        "source_url": url_problems(source_url, max_length=limit("source_url")),
        "date": date_problems(date),
    }
    return {name: problems for name, problems in found.items() if problems}
