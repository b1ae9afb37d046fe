"""Loading releases into the database: validate everything first, then write in short batches.

`load_releases()` is all-or-nothing per run: if any file has a problem, every problem is reported
(`file:line: message`) and nothing is written. Every field is checked before any write against
what both engines store (`archive.validation`), so SQLite and PostgreSQL refuse the same files
with the same report. It is idempotent: a release is matched to its statement by source URL,
else by content hash, else (for an unaddressed file edited in place) by the file it came from;
an unchanged release touches nothing (it is not even extracted), a changed one is updated and
its entities re-extracted (editors' confirmed and removed facts are kept by the EntityStore).
Only statements that existed before the run are matched, so the releases of one run never match
each other.

A run writes in batches, each in a transaction of its own, so it never holds the write lock for
long: editors keep saving (and logging in) during a load of any size. The run is recorded in the
load journal (`LoadRun`), updated in each batch's transaction; a run that dies (a crash, a kill)
is left "running" or "interrupted" with the number of releases it committed, and `resume=True`
finishes it: it checks the same files again (they must not have changed), skips what was
committed and matches the rest as the run would have. Until then the archive holds the first
part of the run; a new load without `resume` abandons it (its releases are matched, so nothing
is duplicated). Two loads never run at once: a load refuses to start while another one runs.

- The check pass parses every file and keeps only the problems, the keys that find repeated
  releases (source URLs and body hashes) and which (file, line) repeats an earlier release.
- The releases are written in batches of `batch_size`: each batch is matched to existing
  statements with a few queries and the extraction of its new and changed releases starts; then,
  in order, its new statements are created with one bulk INSERT and their entities stored with
  one INSERT per table (`EntityStore.add()` / `flush()`); updates, which are rare, take the
  one-by-one path. A batch's extraction is finished before its transaction begins.
- Extraction, the costliest step (about 2 ms a release), runs in worker processes
  (`parallel.Extractor`) when a load has `PARALLEL_FROM` bytes of files or more, a batch or more
  ahead of the writing; results come back in input order, so the rows are the same whichever way
  a load runs.
- Loads of up to `KEEP_IN_MEMORY` bytes of files are read once: batches are matched and sent to
  extraction while the check goes on, and written once it has found no problem. Larger loads
  (a million releases) spool the checked releases to a temporary file and write from it with at
  most `AHEAD` batches being extracted, so that memory stays flat and what is written is what
  was checked, even if a file changes meanwhile.
"""

import dataclasses
import datetime
import hashlib
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from archive.models import LoadRun, Statement
from archive.models.corpus import one_change
from archive.search.maintenance import settle_index
from archive.text import make_slug
from archive.validation import is_plausible_date

from .dates import release_date_in
from .errors import ReleaseError
from .extract import Extraction, Gazetteer, extract, paragraphs_of
from .gazetteer import Entry, KnownPerson, Post, ResolutionEntry
from .parallel import Extracted, Extractor, default_workers
from .parse import Release, find_release_files, parse_file
from .store import EntityStore

Progress = Callable[[int, int], None]

BATCH_SIZE = 500  # releases written together: a few queries each, whatever the batch holds
# Sizes in bytes of release files. Extraction costs about 0.5 ms a kB of text, so below 1 MB
# starting worker processes (half a second) would cost about what it saves.
PARALLEL_FROM = 1024 * 1024
KEEP_IN_MEMORY = 128 * 1024 * 1024  # larger loads are spooled to a temporary file, not held
AHEAD = 2  # batches being extracted while one is written
JOURNAL = "load journal"  # the "file" of the errors about the journal rather than a release


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[ReleaseError] = field(default_factory=list)
    dry_run: bool = False
    resumed: int = 0  # releases an interrupted run had written, skipped by this one
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        outcome = (
            f"{self.created} {verb}created, {self.updated} {verb}updated, "
            f"{self.unchanged} unchanged, {len(self.errors)} errors"
        )
        if self.resumed:
            outcome = f"resumed after {self.resumed} releases already written: {outcome}"
        if self.errors:
            outcome += " - nothing was written"
        return outcome


def load_releases(
    *,
    paths: Iterable[Path] = (),
    dry_run: bool = False,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    resume: bool = False,
) -> LoadReport:
    """Parse, check, extract and store every release under `paths`.

    `workers`: extraction processes (0: extract in this process); by default none for a small
    load, else one per CPU. `resume`: finish the interrupted run instead (its own paths when
    none are given).
    """
    report = LoadReport(dry_run=dry_run)
    run = _unfinished_run(report, resume=resume, dry_run=dry_run)
    if report.errors:
        return report
    paths = [Path(p) for p in (paths or (run.paths if run else []))]
    checked = CheckedReleases(find_release_files(paths))
    if run is not None and run.fingerprint != checked.fingerprint:
        report.errors.append(
            ReleaseError(
                JOURNAL,
                run.pk,
                "the files changed since the interrupted load checked them, so it cannot be "
                "resumed as it was: load them again without --resume",
            )
        )
        return report
    if workers is None:
        workers = default_workers(checked.size, parallel_from=PARALLEL_FROM)
    last_id_before = run.last_id_before if run else _last_statement_id()
    skip = run.written if run else 0
    gazetteer = _gazetteer_from(run.gazetteer) if run else Gazetteer.from_database()
    with Extractor(gazetteer=gazetteer, workers=0 if dry_run else workers) as ex:
        writer = _Writer(
            report=report, progress=progress, extractor=ex, last_id_before=last_id_before
        )
        releases = checked.check(report.errors)
        with _Spool() as spool:
            if checked.size <= KEEP_IN_MEMORY:
                # Read once: each batch is matched and sent to extraction as soon as it is read.
                todo = islice(releases, skip, None)
                batches = [writer.prepare(b) for b in _batches(todo, batch_size)]
            else:
                spool.write(releases)
                batches = (writer.prepare(b) for b in _batches(spool.read(skip), batch_size))
            if report.errors:
                return report
            writer.total, writer.done = checked.count, skip
            if dry_run:
                for batch in batches:
                    writer.count(batch)
                return report
            writer.run = _start_run(
                run, paths=paths, checked=checked, last_id=last_id_before, gazetteer=gazetteer
            )
            report.resumed = skip
            try:
                _write(batches, writer)
            except BaseException:
                _stop_run(writer.run, LoadRun.State.INTERRUPTED)
                raise
    _stop_run(writer.run, LoadRun.State.DONE)
    if report.created or report.updated:
        settle_index()
    return report


def _unfinished_run(report: LoadReport, *, resume: bool, dry_run: bool) -> LoadRun | None:
    """The interrupted run to finish (with `resume`), after checking that no load is running."""
    unfinished = LoadRun.objects.filter(state__in=LoadRun.UNFINISHED).first()
    if unfinished is not None and unfinished.is_alive:
        report.errors.append(
            ReleaseError(
                JOURNAL,
                unfinished.pk,
                f"another load is running (process {unfinished.pid} on {unfinished.host}, "
                f"started {unfinished.started:%Y-%m-%d %H:%M:%S} UTC); wait for it to finish",
            )
        )
        return None
    if resume:
        if unfinished is None:
            report.errors.append(ReleaseError(JOURNAL, 0, "no interrupted load to resume"))
        return unfinished
    if unfinished is not None and not dry_run:
        report.notes.append(
            f"an interrupted load ({unfinished.written:,} of {unfinished.total:,} releases "
            "written) was abandoned; this load matches what it wrote"
        )
        unfinished.state = LoadRun.State.ABANDONED
        unfinished.save(update_fields=["state"])
    return None


def _last_statement_id() -> int:
    return Statement.objects.aggregate(last=Max("pk"))["last"] or 0


def _start_run(
    run: LoadRun | None,
    *,
    paths: list[Path],
    checked: "CheckedReleases",
    last_id: int,
    gazetteer: Gazetteer,
) -> LoadRun:
    if run is None:
        run = LoadRun(
            paths=[str(p) for p in paths],
            fingerprint=checked.fingerprint,
            total=checked.count,
            last_id_before=last_id,
            gazetteer=_gazetteer_snapshot(gazetteer),
        )
    run.state = LoadRun.State.RUNNING
    for name, value in LoadRun.this_process().items():
        setattr(run, name, value)
    run.save()
    return run


def _gazetteer_snapshot(gazetteer: Gazetteer) -> dict:
    """The gazetteer as JSON, so that a resumed run extracts what the run would have."""
    return {
        "organizations": [dataclasses.astuple(e) for e in gazetteer.organizations.values()],
        "places": [dataclasses.astuple(e) for e in gazetteer.places.values()],
        "resolutions": [dataclasses.astuple(r) for r in gazetteer.resolutions.values()],
        "people": [dataclasses.astuple(p) for p in gazetteer.people.values()],
    }


def _gazetteer_from(snapshot: dict) -> Gazetteer:
    def entry(name, kind, parent, names, adjectives=(), needs_context=False):
        return Entry(name, kind, parent, tuple(names), tuple(adjectives), needs_context)

    def person(name, names, posts=()):
        return KnownPerson(name, tuple(names), tuple(Post(*post) for post in posts))

    return Gazetteer(
        organizations=[entry(*row) for row in snapshot["organizations"]],
        places=[entry(*row) for row in snapshot["places"]],
        resolutions=[ResolutionEntry(*row) for row in snapshot["resolutions"]],
        people=[person(*row) for row in snapshot.get("people", ())],
    )


def _stop_run(run: LoadRun, state: str) -> None:
    """Record how the run ended (best effort: a broken connection leaves it "running", which the
    next load reads as interrupted once this process is gone)."""
    try:
        LoadRun.objects.filter(pk=run.pk).update(state=state, finished=timezone.now())
    except Exception:
        if state == LoadRun.State.DONE:
            raise


class CheckedReleases:
    """The release files of a load, checked: what the check pass learned about them."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.stamps = [_stamp(path) for path in files]  # (size, mtime) per file
        self.size = sum(stamp[0] for stamp in self.stamps if stamp)
        self.count = 0
        self.repeats: set[tuple[int, int]] = set()  # (file index, line) to skip

    @property
    def fingerprint(self) -> str:
        """The files' names, sizes and modification times, hashed: which files a run loaded."""
        digest = hashlib.sha256()
        for path, stamp in zip(self.files, self.stamps, strict=True):
            digest.update(f"{path.resolve()}\0{stamp}\n".encode("utf-8", "backslashreplace"))
        return digest.hexdigest()

    def check(self, errors: list[ReleaseError]) -> Iterator[Release]:
        """Parse every file; yield each release to load; append every problem to `errors`.

        A release with the URL of an earlier one is a repeat when the text is the same, an error
        when it is not; a release without URL whose text was seen already is a repeat.
        """
        first_of_url: dict[str, tuple[bytes, int, int]] = {}  # url -> (hash, file index, line)
        hashes: set[bytes] = set()
        for index, path in enumerate(self.files):
            for item in parse_file(path):
                if isinstance(item, ReleaseError):
                    errors.append(item)
                    continue
                digest = bytes.fromhex(item.content_hash)  # half the memory of the hex string
                if item.url and item.url in first_of_url:
                    first_hash, first_file, first_line = first_of_url[item.url]
                    if first_hash != digest:
                        errors.append(
                            ReleaseError(
                                item.path,
                                item.line,
                                f"same release (url {item.url}) as "
                                f"{self.files[first_file]}:{first_line}, with different text",
                            )
                        )
                    self.repeats.add((index, item.line))
                    continue
                if not item.url and digest in hashes:
                    self.repeats.add((index, item.line))  # the very same text twice: load it once
                    continue
                if item.url:
                    first_of_url[item.url] = (digest, index, item.line)
                hashes.add(digest)
                self.count += 1
                yield item


class _Spool:
    """Checked releases kept in a temporary file, for loads too large to hold in memory."""

    def __enter__(self) -> "_Spool":
        self._file = tempfile.TemporaryFile()
        return self

    def __exit__(self, *exc_info) -> None:
        self._file.close()

    def write(self, releases: Iterable[Release]) -> None:
        for release in releases:
            pickle.dump(release, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, skip: int = 0) -> Iterator[Release]:
        self._file.seek(0)
        count = 0
        while True:
            try:
                release = pickle.load(self._file)
            except EOFError:
                return
            count += 1
            if count > skip:
                yield release


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


# Writing -------------------------------------------------------------------------------------


@dataclass
class _Item:
    """One release of a batch: the statement it matched, if any, and whether to extract it."""

    release: Release
    content_hash: str
    statement: Statement | None = None
    extract: bool = True


@dataclass
class _Batch:
    items: list[_Item]
    extracted: Extracted


def _write(batches: Iterable[_Batch], writer: "_Writer") -> None:
    """Write the batches in order, preparing up to AHEAD more (their extraction runs meanwhile)."""
    ahead: deque[_Batch] = deque()
    for batch in batches:
        ahead.append(batch)
        if len(ahead) > AHEAD:
            writer.write(ahead.popleft())
    while ahead:
        writer.write(ahead.popleft())


class _Writer:
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

    def prepare(self, releases: list[Release]) -> _Batch:
        """Match a batch's releases and start extracting those to write."""
        items = self.match(releases)
        work = [(i.release.body, i.release.date) for i in items if i.extract]
        return _Batch(items, self.extractor.submit(work))

    def match(self, releases: list[Release]) -> list[_Item]:
        """The batch's releases with the statements they match, in three queries or so."""
        items = [_Item(release, release.content_hash) for release in releases]
        found = [
            (s.pk, s.source_url, s.content_hash, s.source_file, s)
            for s in _existing_statements(items, self.last_id_before)
            if s.pk not in self.updated
        ]
        found += [(pk, *keys, self.updated[pk]) for pk, keys in self.keys_before.items()]
        existing = _Existing(sorted(found, key=lambda row: row[0]))
        for item in items:
            item.statement = _match(item, existing)
            if item.statement is not None:
                fields = _statement_fields(item, _written_date(item.release))
                item.extract = _differs(item.statement, fields)
        return items

    def count(self, batch: _Batch) -> None:
        """Count what writing the batch would do (a dry run): new, changed or unchanged."""
        for item in batch.items:
            if item.statement is None:
                self.report.created += 1
            elif item.extract:
                self.report.updated += 1
            else:
                self.report.unchanged += 1

    def write(self, batch: _Batch) -> None:
        """Write one batch and record it in the journal, in one short transaction."""
        extractions = iter(batch.extracted.result())  # before the transaction: it is the slow part
        todo: list[tuple[_Item, Extraction | None]] = []
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

    def _write(self, todo: list[tuple["_Item", Extraction | None]]) -> None:
        created = [
            (Statement(**_statement_fields(item, plausible(extraction.release_date))), extraction)
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

    def _update(self, item: _Item, extraction: Extraction | None) -> None:
        # A statement this run updated already is compared as it is now, not as it was read.
        statement = self.updated.get(item.statement.pk, item.statement)
        fields = _statement_fields(item, _written_date(item.release))
        if not _differs(statement, fields):
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


def _batches(releases: Iterable[Release], size: int) -> Iterator[list[Release]]:
    batch: list[Release] = []
    for release in releases:
        batch.append(release)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _written_date(release: Release) -> datetime.date | None:
    """The date extraction would find in the text (`Extraction.release_date`), for undated
    releases only, at a fraction of extraction's cost."""
    return None if release.date else plausible(release_date_in(paragraphs_of(release.body)))


def plausible(date: datetime.date | None) -> datetime.date | None:
    """A date found in the text, if within the archive's dates: a year 9 or 9999 read from the
    text would stretch the histogram over millennia, so such a release stays undated."""
    return date if is_plausible_date(date) else None


def _statement_fields(item: _Item, written_date: datetime.date | None) -> dict:
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


def _differs(statement: Statement, fields: dict) -> bool:
    # An editor may have dated an undated release; a reload without a date keeps theirs.
    compared = {k: v for k, v in fields.items() if k != "source_file"}
    if statement.date_source == Statement.DateSource.EDITOR:
        compared.pop("date"), compared.pop("date_source")
    return any(getattr(statement, name) != value for name, value in compared.items())


class _Existing:
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


def _existing_statements(items: list[_Item], last_id: int) -> Iterator[Statement]:
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


def _match(item: _Item, existing: _Existing) -> Statement | None:
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
