"""`manage.py evaluate_extraction`: the extractor's precision, recall and F1 against gold data."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.loader.evaluation import evaluate
from archive.loader.gazetteer import Gazetteer


class Command(BaseCommand):
    help = "Score the entity extractor against gold annotations (see ../shared/corpus/README.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--gold", required=True, type=Path, help="Directory of gold *.json files."
        )
        parser.add_argument(
            "--releases", required=True, type=Path, help="Directory of the release texts."
        )
        parser.add_argument(
            "--json", dest="json_path", type=Path, help="Also write the scores to this JSON file."
        )
        parser.add_argument(
            "--database",
            action="store_true",
            help="Use the reference tables (editors' additions) instead of the fixtures.",
        )

    def handle(self, *args, gold, releases, json_path=None, database=False, **options):
        for directory in (gold, releases):
            if not directory.is_dir():
                raise CommandError(f"{directory}: not a directory")
        gazetteer = Gazetteer.from_database() if database else Gazetteer.from_fixtures()
        try:
            report = evaluate(gold_dir=gold, releases_dir=releases, gazetteer=gazetteer)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"cannot evaluate: {error}") from error
        self.stdout.write(f"{'kind':<19} {'precision':>9} {'recall':>9} {'f1':>9}   tp  fp  fn")
        for kind, score in report.scores.items():
            self.stdout.write(
                f"{kind:<19} {score.precision:>9.3f} {score.recall:>9.3f} {score.f1:>9.3f}"
                f" {score.tp:>4} {score.fp:>3} {score.fn:>3}"
            )
        for title, rows in (("Misses", report.misses), ("False positives", report.false_positives)):
            self.stdout.write(f"\n{title} ({len(rows)}):")
            for release, kind, item in rows:
                self.stdout.write(f"  {release}  {kind:<14} {item}")
        if json_path:
            json_path.write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
            self.stdout.write(f"\nScores written to {json_path}")
