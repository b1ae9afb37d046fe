"""`manage.py load_releases PATH...`: load release files and directories, all or nothing.

`--resume` finishes a load that was interrupted (a crash, a kill) from where it stopped.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.loader.load import BATCH_SIZE, load_releases


class Command(BaseCommand):
    help = (
        "Load press releases from files or directories (searched for *.txt and *.jsonl). "
        "All or nothing: any error is reported as file:line: message and nothing is written. "
        "Writes in short batches; --resume finishes an interrupted load."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, write nothing."
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Finish the interrupted load (of its own paths if none are given).",
        )
        parser.add_argument(
            "--workers", type=int, help="Extraction processes (default: by the load's size)."
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="Releases per transaction."
        )

    def handle(self, *args, paths, dry_run, resume, workers, batch_size, verbosity, **options):
        if not paths and not resume:
            raise CommandError("name the files or directories to load (or use --resume)")
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or directory: {', '.join(missing)}")
        report = load_releases(
            paths=paths,
            dry_run=dry_run,
            resume=resume,
            workers=workers,
            batch_size=batch_size,
            progress=self._progress if verbosity > 0 else None,
        )
        for note in report.notes:
            self.stderr.write(f"note: {note}")
        for error in report.errors:
            self.stderr.write(str(error))
        self.stdout.write(("Dry run: " if dry_run else "") + report.summary())
        if report.errors:
            raise CommandError(f"{len(report.errors)} error(s); the database was left as it was.")

    def _progress(self, done: int, total: int) -> None:
        # Long loads show a counter; short ones (the fixtures) stay quiet.
        if total < 200:
            return
        if sys.stderr.isatty():
            self.stderr.write(f"\r{done:,}/{total:,} releases", ending="")
            if done == total:
                self.stderr.write("")
        elif done % 1000 == 0 or done == total:
            self.stderr.write(f"{done:,}/{total:,} releases")
