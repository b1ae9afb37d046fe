"""Loading releases into the database: validate everything first, then write in one transaction.

`load_releases()` is all-or-nothing per run: if any file has a problem, every problem is reported
(`file:line: message`) and nothing is written. It is idempotent: a release is matched to its
statement by source URL, else by content hash, else (for an unaddressed file edited in place) by
the file it came from; an unchanged release touches nothing, a changed one is updated and its
entities re-extracted (editors' confirmed and removed facts are kept by the EntityStore).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from archive.models import Statement

from .errors import ReleaseError
from .extract import Extraction, Gazetteer, extract
from .parse import Release, find_release_files, parse_file
from .store import EntityStore

Progress = Callable[[int, int], None]


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[ReleaseError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        outcome = (
            f"{self.created} {verb}created, {self.updated} {verb}updated, "
            f"{self.unchanged} unchanged, {len(self.errors)} errors"
        )
        if self.errors:
            outcome += " - nothing was written"
        return outcome


def load_releases(
    *, paths: Iterable[Path], dry_run: bool = False, progress: Progress | None = None
) -> LoadReport:
    """Parse, check, extract and store every release under `paths`."""
    report = LoadReport(dry_run=dry_run)
    releases = read_releases(find_release_files(paths), report.errors)
    if report.errors:
        return report
    gazetteer = Gazetteer.from_database()
    extractions = [extract(r.body, release_date=r.date, gazetteer=gazetteer) for r in releases]
    with transaction.atomic():
        _write(releases, extractions, report, progress)
        if dry_run:
            transaction.set_rollback(True)
    return report


def read_releases(files: list[Path], errors: list[ReleaseError]) -> list[Release]:
    """Every release of the files, deduplicated; problems are appended to `errors`."""
    releases: list[Release] = []
    seen_urls: dict[str, Release] = {}
    seen_hashes: set[str] = set()
    for path in files:
        for item in parse_file(path):
            if isinstance(item, ReleaseError):
                errors.append(item)
                continue
            if item.url and item.url in seen_urls:
                first = seen_urls[item.url]
                if first.content_hash != item.content_hash:
                    errors.append(
                        ReleaseError(
                            item.path,
                            item.line,
                            f"same release (url {item.url}) as {first.origin}, with different text",
                        )
                    )
                continue
            if not item.url and item.content_hash in seen_hashes:
                continue  # the very same text twice: load it once
            if item.url:
                seen_urls[item.url] = item
            seen_hashes.add(item.content_hash)
            releases.append(item)
    return releases


def _write(
    releases: list[Release],
    extractions: list[Extraction],
    report: LoadReport,
    progress: Progress | None,
) -> None:
    existing = _existing_statements(releases)
    store = EntityStore()
    total = len(releases)
    for done, (release, extraction) in enumerate(zip(releases, extractions, strict=True), 1):
        statement = _match(release, existing)
        fields = _statement_fields(release, extraction)
        if statement is None:
            statement = Statement(**fields)
            statement.save()
            store.save(statement=statement, extraction=extraction)
            report.created += 1
        elif _differs(statement, fields):
            for name, value in fields.items():
                setattr(statement, name, value)
            statement.save()
            store.save(statement=statement, extraction=extraction)
            report.updated += 1
        else:
            report.unchanged += 1
        if progress:
            progress(done, total)


def _statement_fields(release: Release, extraction: Extraction) -> dict:
    date, date_source = release.date, Statement.DateSource.HEADER
    if date is None:
        date = extraction.release_date
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
        "content_hash": release.content_hash,
    }


def _differs(statement: Statement, fields: dict) -> bool:
    # An editor may have dated an undated release; a reload without a date keeps theirs.
    compared = {k: v for k, v in fields.items() if k != "source_file"}
    if statement.date_source == Statement.DateSource.EDITOR:
        compared.pop("date"), compared.pop("date_source")
    return any(getattr(statement, name) != value for name, value in compared.items())


class _Existing:
    """The statements a run may update, fetched up front in a few queries."""

    def __init__(self, by_url, by_hash, by_file):
        self.by_url, self.by_hash, self.by_file = by_url, by_hash, by_file


def _existing_statements(releases: list[Release]) -> _Existing:
    urls = [r.url for r in releases if r.url]
    hashes = [r.content_hash for r in releases]
    files = [r.origin[-300:] for r in releases if not r.url]
    by_url, by_hash, by_file = {}, {}, {}
    for chunk in _chunks(urls):
        by_url.update((s.source_url, s) for s in Statement.objects.filter(source_url__in=chunk))
    for chunk in _chunks(hashes):
        for s in Statement.objects.filter(content_hash__in=chunk).order_by("id"):
            by_hash.setdefault(s.content_hash, s)
    for chunk in _chunks(files):
        for s in Statement.objects.filter(source_file__in=chunk, source_url="").order_by("id"):
            by_file.setdefault(s.source_file, s)
    return _Existing(by_url, by_hash, by_file)


def _match(release: Release, existing: _Existing) -> Statement | None:
    if release.url:
        found = existing.by_url.get(release.url)
        if found is not None:
            return found
    found = existing.by_hash.get(release.content_hash)
    if found is not None and (not release.url or not found.source_url):
        return found
    if not release.url:
        return existing.by_file.get(release.origin[-300:])
    return None


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]
