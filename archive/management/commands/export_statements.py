"""`manage.py export_statements --base-url URL --format csv|json --out FILE`: the bulk file.

Every published statement in the format of the site's exports (the same columns and fields),
without their row limit, for the operators to publish as the archive's bulk download.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.models import Statement
from archive.views import exports


class Command(BaseCommand):
    help = "Write every published statement as CSV or JSON (the bulk download)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", required=True, help="The site's address: https://archive.example.org"
        )
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--out", type=Path, required=True, help="The file to write.")

    def handle(self, *args, base_url, format, out, **options):
        base = base_url.rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise CommandError("--base-url must be an http(s) address.")
        statements = Statement.objects.published().oldest_first()
        context = {
            "absolute": lambda path: f"{base}{path}",
            "limit": None,
            "query": "",
            "more": "",
        }
        write = exports.csv_lines if format == "csv" else exports.json_chunks
        with out.open("w", encoding="utf-8", newline="") as file:
            for chunk in write(statements, context):
                file.write(chunk)
        self.stdout.write(f"Wrote {out}")
