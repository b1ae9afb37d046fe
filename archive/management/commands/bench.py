"""`manage.py bench --size N --json FILE`: measure ingest, pages, engine and throughput."""

import json
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from archive.models import Statement
from bench import comparison, exports, extraction, report
from bench.database import database_url, scratch_database, scratch_name
from bench.queries import default_queries, read_queries
from bench.runner import Options, run
from bench.stopping import exit_on_sigterm


class Command(BaseCommand):
    # The checks would connect to the configured database, which a --scratch run need not have.
    requires_system_checks = []
    help = (
        "Benchmark the archive: load N synthetic releases through the loader, then time the "
        "search, browse, permalink and entity pages, the search engine alone, a bare view, and "
        "pages/s over HTTP (gunicorn on 127.0.0.1). Prints a markdown table; --json writes all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=10_000, help="Releases to load.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--json", type=Path, help="Write the full result here.")
        parser.add_argument("--queries", type=Path, help="Search queries, one a line.")
        parser.add_argument("--rounds", type=int, default=3, help="Timed passes over the pages.")
        parser.add_argument(
            "--scratch",
            action="store_true",
            help="Use a fresh database beside the configured one (dropped after unless --keep, "
            "--no-pages or --skip-ingest, which measures the one a run kept).",
        )
        parser.add_argument("--keep", action="store_true", help="Keep the scratch database.")
        parser.add_argument(
            "--skip-ingest",
            action="store_true",
            help="Load nothing; measure the database as it is (with --scratch: the kept one).",
        )
        parser.add_argument(
            "--no-pages",
            action="store_true",
            help="Only load (with --scratch, the database is kept for a later --skip-ingest).",
        )
        parser.add_argument(
            "--ingest-json",
            type=Path,
            metavar="JSON",
            help="With --skip-ingest: report the ingest figures of this earlier run.",
        )
        parser.add_argument(
            "--copy-from",
            metavar="DATABASE_URL",
            help="With --scratch: copy this benchmark database's archive instead of loading "
            "(same rows on another engine; combine with --ingest-json for the ingest figures).",
        )
        parser.add_argument("--no-http", action="store_true", help="Skip the gunicorn step.")
        parser.add_argument("--http-rates", default="2,5,10,20,40,80", help="Offered pages/s.")
        parser.add_argument("--http-seconds", type=float, default=8, help="Seconds per rate.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Fail unless every page answered with a fixed number of SQL queries.",
        )
        parser.add_argument(
            "--exports",
            action="store_true",
            help="Measure the exports instead of the pages (bench/exports.py).",
        )
        parser.add_argument(
            "--table", type=Path, nargs="+", metavar="JSON", help="Only print a table of results."
        )
        parser.add_argument(
            "--extraction",
            action="store_true",
            help="Only time the extractor on one release of 10 KB, 100 KB and 1 MiB (no database).",
        )

    def handle(self, *args, **o):
        exit_on_sigterm()
        if o["extraction"]:
            rows = extraction.measure(rounds=o["rounds"], seed=o["seed"])
            if o["json"]:
                o["json"].write_text(json.dumps({"extraction": rows}, indent=2) + "\n")
            self.stdout.write(extraction.markdown_table(rows))
            return
        if o["table"]:
            results = [json.loads(p.read_text()) for p in o["table"]]
            self.stdout.write(
                report.markdown_table(results) + "\n\n" + report.targets_table(results)
            )
            return
        if o["size"] < 1 or o["rounds"] < 1:
            raise CommandError("--size and --rounds must be positive.")
        queries = read_queries(o["queries"]) if o["queries"] else default_queries()
        if not queries:
            raise CommandError("no queries to run.")
        if o["copy_from"] and not o["scratch"]:
            raise CommandError("--copy-from replaces every archive table: use it with --scratch.")
        rates = [] if o["no_http"] else [float(r) for r in o["http_rates"].split(",") if r.strip()]
        if o["scratch"]:
            name = scratch_name(o["size"])
            self.stderr.write(f"scratch database: {name}")
            # A database loaded to be measured later, or being measured again, is kept.
            keep = o["keep"] or o["no_pages"] or o["skip_ingest"]
            context = scratch_database(name=name, fresh=not o["skip_ingest"], keep=keep)
        else:
            if not o["skip_ingest"] and Statement.objects.exists():
                raise CommandError(
                    "the configured database already holds statements; the benchmark loads its "
                    "own. Use --scratch (a fresh database beside it) or --skip-ingest (measure "
                    "it as it is)."
                )
            context = nullcontext(database_url(connections["default"].settings_dict))
        with context as url:
            options = Options(
                size=o["size"],
                seed=o["seed"],
                queries=queries,
                rounds=o["rounds"],
                ingest=not (o["skip_ingest"] or o["copy_from"]),
                pages=not (o["no_pages"] or o["exports"]),
                database_url=url,
                http_rates=rates,
                http_seconds=o["http_seconds"],
                workers=o["workers"],
                earlier_ingest=self._earlier_ingest(o["ingest_json"]),
                copy_from=o["copy_from"] or "",
            )
            result = run(options, say=self.stderr.write)
            if o["exports"]:
                result["exports"] = exports.measure(
                    url, workers=o["workers"], say=self.stderr.write
                )
        if o["json"]:
            o["json"].parent.mkdir(parents=True, exist_ok=True)
            o["json"].write_text(json.dumps(result, indent=2) + "\n")
            self.stderr.write(f"wrote {o['json']}")
        if o["exports"]:
            self.stdout.write(exports.table(result["exports"]))
            return
        if not options.pages:
            self.stdout.write(json.dumps(result.get("ingest", {}), indent=2))
            return
        self.stdout.write(report.markdown_table([result]))
        self.stdout.write("\n" + report.targets_table([result]))
        self.stdout.write("\n" + report.per_query_table(result))
        if comparison.table(result):
            self.stdout.write("\n" + comparison.table(result))
        checks = result["checks"]
        for problem in checks["problems"]:
            self.stderr.write(f"check failed: {problem}")
        if o["check"] and not checks["ok"]:
            raise CommandError(f"{len(checks['problems'])} check(s) failed.")

    @staticmethod
    def _earlier_ingest(path: Path | None) -> dict | None:
        if path is None:
            return None
        return {**json.loads(path.read_text())["ingest"], "from": str(path)}
