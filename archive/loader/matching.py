"""Which existing statement a release updates, and the fields it writes."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from archive.models import Statement
from archive.validation import is_plausible_date

from .dates import release_date_in
from .extract import paragraphs_of
from .parse import Release


@dataclass
class Item:
    """One release of a batch: the statement it matched, if any, and whether to extract it."""

    release: Release
    content_hash: str
    statement: Statement | None = None
    extract: bool = True


def written_date(release: Release) -> datetime.date | None:
    """The date extraction would find in the text (`Extraction.release_date`), for undated
    releases only, at a fraction of extraction's cost."""
    return None if release.date else plausible(release_date_in(paragraphs_of(release.body)))


def plausible(date: datetime.date | None) -> datetime.date | None:
    """A date found in the text, if within the archive's dates: a year 9 or 9999 read from the
    text would stretch the histogram over millennia, so such a release stays undated."""
    return date if is_plausible_date(date) else None


def statement_fields(item: Item, written_date: datetime.date | None) -> dict:
    release = item.release
    date, date_source = release.date, Statement.DateSource.HEADER
    if date is None:
        date = written_date
        date_source = Statement.DateSource.TEXT if date else Statement.DateSource.NONE
    return {
        "title": release.title,
        "title_derived": release.title_derived,
        "date": date,
        "date_source": date_source,
        "language": release.language,
        "body": release.body,
        "source_name": release.source,
        "source_url": release.url,
        "source_file": release.origin[-300:],
        "content_hash": item.content_hash,
    }


def differs(statement: Statement, fields: dict) -> bool:
    # An editor may have dated an undated release; a reload without a date keeps theirs.
    compared = {k: v for k, v in fields.items() if k != "source_file"}
    if statement.date_source == Statement.DateSource.EDITOR:
        compared.pop("date"), compared.pop("date_source")
    return any(getattr(statement, name) != value for name, value in compared.items())


class Existing:
    """The statements a batch may update, by source URL, body hash and (unaddressed) file; where
    several share a hash or a file, the oldest."""

    def __init__(self, rows: list[tuple[int, str, str, str, Statement]]) -> None:
        self.by_url: dict[str, Statement] = {}
        self.by_hash: dict[str, Statement] = {}
        self.by_file: dict[str, Statement] = {}
        for _, url, content_hash, source_file, statement in rows:  # by id
            if url:
                self.by_url[url] = statement
            else:
                self.by_file.setdefault(source_file, statement)
            self.by_hash.setdefault(content_hash, statement)


def existing_statements(items: list[Item], last_id: int) -> Iterator[Statement]:
    """The statements older than the run that share a URL, a hash or a file with `items`."""
    urls = [i.release.url for i in items if i.release.url]
    hashes = [i.content_hash for i in items]
    files = [i.release.origin[-300:] for i in items if not i.release.url]
    before = Statement.objects.filter(pk__lte=last_id)
    for chunk in _chunks(urls):
        yield from before.filter(source_url__in=chunk)
    for chunk in _chunks(hashes):
        yield from before.filter(content_hash__in=chunk)
    for chunk in _chunks(files):
        yield from before.filter(source_file__in=chunk, source_url="")


def match_statement(item: Item, existing: Existing) -> Statement | None:
    release = item.release
    if release.url:
        found = existing.by_url.get(release.url)
        if found is not None:
            return found
    found = existing.by_hash.get(item.content_hash)
    if found is not None and (not release.url or not found.source_url):
        return found
    if not release.url:
        return existing.by_file.get(release.origin[-300:])
    return None


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]
