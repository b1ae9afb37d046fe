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

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from django.db.models import Max

from archive.models import LoadRun, Statement
from archive.search.maintenance import settle_index

from .checking import CheckedReleases, Spool
from .errors import ReleaseError
from .extract import Gazetteer
from .journal import JOURNAL, gazetteer_from, start_run, stop_run, unfinished_run
from .parallel import Extractor, default_workers
from .parse import find_release_files
from .report import LoadReport
from .writing import Progress, Writer, batches_of, write_batches

BATCH_SIZE = 500  # releases written together: a few queries each, whatever the batch holds
# Sizes in bytes of release files. Extraction costs about 0.5 ms a kB of text, so below 1 MB
# starting worker processes (half a second) would cost about what it saves.
PARALLEL_FROM = 1024 * 1024
KEEP_IN_MEMORY = 128 * 1024 * 1024  # larger loads are spooled to a temporary file, not held


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
    run = unfinished_run(report, resume=resume, dry_run=dry_run)
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
    gazetteer = gazetteer_from(run.gazetteer) if run else Gazetteer.from_database()
    with Extractor(gazetteer=gazetteer, workers=0 if dry_run else workers) as ex:
        writer = Writer(
            report=report, progress=progress, extractor=ex, last_id_before=last_id_before
        )
        releases = checked.check(report.errors)
        with Spool() as spool:
            if checked.size <= KEEP_IN_MEMORY:
                # Read once: each batch is matched and sent to extraction as soon as it is read.
                todo = islice(releases, skip, None)
                batches = [writer.prepare(b) for b in batches_of(todo, batch_size)]
            else:
                spool.write(releases)
                batches = (writer.prepare(b) for b in batches_of(spool.read(skip), batch_size))
            if report.errors:
                return report
            writer.total, writer.done = checked.count, skip
            if dry_run:
                for batch in batches:
                    writer.count(batch)
                return report
            writer.run = start_run(
                run, paths=paths, checked=checked, last_id=last_id_before, gazetteer=gazetteer
            )
            report.resumed = skip
            try:
                write_batches(batches, writer)
            except BaseException:
                stop_run(writer.run, LoadRun.State.INTERRUPTED)
                raise
    stop_run(writer.run, LoadRun.State.DONE)
    if report.created or report.updated:
        settle_index()
    return report


def _last_statement_id() -> int:
    return Statement.objects.aggregate(last=Max("pk"))["last"] or 0
