"""Writing a load's batches in order, each in a short transaction of its own."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from archive.models import LoadRun, Statement
from archive.models.corpus import one_change
from archive.text import make_slug

from .extract import Extraction, extract
from .matching import (
    Existing,
    Item,
    differs,
    existing_statements,
    match_statement,
    plausible,
    statement_fields,
    written_date,
)
from .parallel import Extracted, Extractor
from .parse import Release
from .report import LoadReport
from .store import EntityStore

Progress = Callable[[int, int], None]
AHEAD = 2  # batches being extracted while one is written


@dataclass
class Batch:
    items: list[Item]
    extracted: Extracted


def write_batches(batches: Iterable[Batch], writer: Writer) -> None:
    """Write the batches in order, preparing up to AHEAD more (their extraction runs meanwhile)."""
    ahead: deque[Batch] = deque()
    for batch in batches:
        ahead.append(batch)
        if len(ahead) > AHEAD:
            writer.write(ahead.popleft())
    while ahead:
        writer.write(ahead.popleft())


class Writer:
    """Matches and writes the batches of one run, in order."""

    def __init__(
        self,
        *,
        report: LoadReport,
        progress: Progress | None,
        extractor: Extractor,
        last_id_before: int,
    ) -> None:
        self.report, self.progress, self.extractor = report, progress, extractor
        self.total = 0
        self.store = EntityStore()
        self.done = 0
        self.run: LoadRun | None = None
        # Releases match the statements as they were before the run, as if all were looked up
        # at its start: statements it creates have higher ids and are never matched, and those
        # it updates are found by the keys they had (and compared as they are now).
        self.last_id_before = last_id_before
        self.updated: dict[int, Statement] = {}
        self.keys_before: dict[int, tuple[str, str, str]] = {}  # url, hash, file of the updated

    def prepare(self, releases: list[Release]) -> Batch:
        """Match a batch's releases and start extracting those to write."""
        items = self.match(releases)
        work = [(i.release.body, i.release.date) for i in items if i.extract]
        return Batch(items, self.extractor.submit(work))

    def match(self, releases: list[Release]) -> list[Item]:
        """The batch's releases with the statements they match, in three queries or so."""
        items = [Item(release, release.content_hash) for release in releases]
        found = [
            (s.pk, s.source_url, s.content_hash, s.source_file, s)
            for s in existing_statements(items, self.last_id_before)
            if s.pk not in self.updated
        ]
        found += [(pk, *keys, self.updated[pk]) for pk, keys in self.keys_before.items()]
        existing = Existing(sorted(found, key=lambda row: row[0]))
        for item in items:
            item.statement = match_statement(item, existing)
            if item.statement is not None:
                fields = statement_fields(item, written_date(item.release))
                item.extract = differs(item.statement, fields)
        return items

    def count(self, batch: Batch) -> None:
        """Count what writing the batch would do (a dry run): new, changed or unchanged."""
        for item in batch.items:
            if item.statement is None:
                self.report.created += 1
            elif item.extract:
                self.report.updated += 1
            else:
                self.report.unchanged += 1

    def write(self, batch: Batch) -> None:
        """Write one batch and record it in the journal, in one short transaction."""
        extractions = iter(batch.extracted.result())  # before the transaction: it is the slow part
        todo: list[tuple[Item, Extraction | None]] = []
        for item in batch.items:
            todo.append((item, next(extractions) if item.extract else None))
        counts = (self.report.created, self.report.updated, self.report.unchanged)
        try:
            # Its writes move the corpus version once, with the batch: readers' cached counts
            # follow the archive as each batch becomes visible.
            with transaction.atomic(), one_change():
                self._write(todo)
                self.done += len(batch.items)
                self._record()
        except BaseException:
            self.report.created, self.report.updated, self.report.unchanged = counts
            raise
        if self.progress:
            for done in range(self.done - len(batch.items) + 1, self.done + 1):
                self.progress(done, self.total)

    def _record(self) -> None:
        LoadRun.objects.filter(pk=self.run.pk).update(
            written=self.done,
            created_count=self.run.created_count + self.report.created,
            updated_count=self.run.updated_count + self.report.updated,
            unchanged_count=self.run.unchanged_count + self.report.unchanged,
        )

    def _write(self, todo: list[tuple[Item, Extraction | None]]) -> None:
        created = [
            (Statement(**statement_fields(item, plausible(extraction.release_date))), extraction)
            for item, extraction in todo
            if item.statement is None
        ]
        # The slug Statement.save() would set (bulk_create does not call it; the hash is set).
        for statement, _ in created:
            statement.slug = make_slug(statement.title)
        Statement.objects.bulk_create([statement for statement, _ in created])
        new = iter(created)
        for item, extraction in todo:
            if item.statement is None:
                statement, extraction = next(new)
                self.store.add(statement=statement, extraction=extraction)
                self.report.created += 1
            else:
                self._update(item, extraction)
        self.store.flush()

    def _update(self, item: Item, extraction: Extraction | None) -> None:
        # A statement this run updated already is compared as it is now, not as it was read.
        statement = self.updated.get(item.statement.pk, item.statement)
        fields = statement_fields(item, written_date(item.release))
        if not differs(statement, fields):
            self.report.unchanged += 1
            return
        if extraction is None:  # it matched unchanged, but an earlier release changed it
            release = item.release
            extraction = extract(
                release.body, release_date=release.date, gazetteer=self.extractor.gazetteer
            )
        if statement.pk not in self.updated:
            self.keys_before[statement.pk] = (
                statement.source_url,
                statement.content_hash,
                statement.source_file,
            )
            self.updated[statement.pk] = statement
        for name, value in fields.items():
            setattr(statement, name, value)
        statement.save()
        self.store.save(statement=statement, extraction=extraction)
        self.report.updated += 1


def batches_of(releases: Iterable[Release], size: int) -> Iterator[list[Release]]:
    batch: list[Release] = []
    for release in releases:
        batch.append(release)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
