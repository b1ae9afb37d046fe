"""`manage.py soak`: gunicorn under mixed and hostile traffic while loads run; fails on any 5xx."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from bench.database import RESULTS, scratch_database
from bench.ingest import load_synthetic
from bench.soak import soak
from bench.stopping import exit_on_sigterm


class Command(BaseCommand):
    requires_system_checks = []
    help = (
        "Soak the archive: a scratch database beside the configured one gets --base releases, "
        "then gunicorn (production settings) serves --clients clients a mix of pages and hostile "
        "queries for --seconds while loads of --load-size releases run one after another. "
        "Reports requests, statuses and p95; exits non-zero on any server error."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=180, help="At most this long.")
        parser.add_argument(
            "--requests", type=int, default=0, help="Stop once this many have been answered."
        )
        parser.add_argument("--clients", type=int, default=8)
        parser.add_argument("--base", type=int, default=2000, help="Releases loaded first.")
        parser.add_argument("--load-size", type=int, default=2000, help="Releases per load.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
        parser.add_argument("--json", dest="output", type=Path, help="Write the figures here.")

    def handle(self, *args, seconds, requests, clients, base, load_size, workers, output, **opts):
        exit_on_sigterm()
        db = connections["default"]
        engine = db.vendor
        if engine == "sqlite":
            name = str(RESULTS / "soak.sqlite3")
        else:
            name = f"{db.settings_dict['NAME']}_soak"
        with scratch_database(name=name) as url:
            self.stdout.write(f"loading {base:,} releases into the scratch database")
            load_synthetic(count=base, seed=3)
            connections["default"].close()
            result = soak(
                database_url=url,
                engine=engine,
                seconds=seconds,
                clients=clients,
                load_size=load_size,
                load_start=base,
                requests=requests,
                workers=workers,
                say=self.stdout.write,
            )
        self.stdout.write(result.summary())
        if output:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(json.dumps(result.to_dict(), indent=2) + "\n")
        if requests and result.requests < requests:
            self.stderr.write(f"only {result.requests:,} of {requests:,} requests in the time")
        if not result.ok:
            for error in result.server_errors[:20] + result.unanswered_urls[:20]:
                self.stderr.write(error)
            for failure in result.load_failures:
                self.stderr.write(f"load failed: {failure}")
            raise CommandError(
                f"{len(result.server_errors)} server errors, {result.unanswered} unanswered, "
                f"{len(result.load_failures)} failed loads"
            )
