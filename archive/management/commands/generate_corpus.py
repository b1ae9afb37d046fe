"""`manage.py generate_corpus --count N --seed S [--out DIR]`: a synthetic corpus for benchmarks."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bench.corpus import PER_FILE, write_corpus


class Command(BaseCommand):
    requires_system_checks = []  # it needs neither the URLs nor the admin
    help = (
        "Generate deterministic synthetic releases (marked synthetic in their source) "
        "for benchmarks. "
        "With --out, write them as JSON Lines files (or .txt with --text); without it, load them "
        "into the configured database through the loader. Never use on real data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", type=Path, help="Directory to write release files to.")
        parser.add_argument(
            "--per-file", type=int, default=PER_FILE, help="Releases per JSONL file."
        )
        parser.add_argument("--text", action="store_true", help="One .txt file per release.")
        parser.add_argument("--start", type=int, default=0, help="Index of the first release.")

    def handle(self, *args, count, seed, out, per_file, text, start, verbosity, **options):
        if count < 1 or per_file < 1 or start < 0:
            raise CommandError("--count and --per-file must be positive, --start not negative.")
        if out is not None:
            report = write_corpus(
                count=count, seed=seed, out=out, per_file=per_file, text=text, start=start
            )
            self.stdout.write(f"{report.summary()} written to {out}")
            return
        from bench.ingest import load_synthetic

        report = load_synthetic(
            count=count,
            seed=seed,
            per_chunk=per_file,
            start=start,
            progress=self._progress if verbosity > 0 else None,
        )
        for error in report.errors:
            self.stderr.write(error)
        if report.errors:
            raise CommandError("the loader refused the synthetic corpus (see above).")
        self.stdout.write(f"Loaded: {report.summary()}")

    def _progress(self, done: int, total: int) -> None:
        self.stderr.write(f"{done:,}/{total:,} releases")
