"""A scratch database beside the configured one, so a benchmark never touches real data."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.db import connections

RESULTS = Path(settings.BASE_DIR) / "bench-results"
REFERENCE = Path(settings.BASE_DIR) / "fixtures" / "reference"


def database_url(settings_dict: dict) -> str:
    """The DATABASE_URL that reaches the same database (for a gunicorn started by the bench)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{quote(settings_dict['NAME'], safe='')}"


def scratch_name(size: int) -> str:
    db = connections["default"]
    if db.vendor == "sqlite":
        return str(RESULTS / f"bench-{size}.sqlite3")
    return f"{db.settings_dict['NAME']}_bench_{size}"


def _sqlite_files(path: str) -> list[Path]:
    return [Path(path + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def _create(name: str, fresh: bool) -> None:
    db = connections["default"]
    if db.vendor == "sqlite":
        RESULTS.mkdir(exist_ok=True)
        if fresh:
            for path in _sqlite_files(name):
                path.unlink(missing_ok=True)
        return
    quoted = db.ops.quote_name(name)
    with db._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and fresh:
            cursor.execute(f"DROP DATABASE {quoted}")
        if not exists or fresh:
            cursor.execute(f"CREATE DATABASE {quoted}")


def _drop(name: str) -> None:
    db = connections["default"]
    if db.vendor == "sqlite":
        for path in _sqlite_files(name):
            path.unlink(missing_ok=True)
        return
    with db._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {db.ops.quote_name(name)}")


@contextmanager
def scratch_database(*, name: str, fresh: bool = True, keep: bool = False) -> Iterator[str]:
    """Switch the default connection to database `name` (created, migrated, reference data loaded)
    for the duration; yield its URL. Dropped afterwards unless `keep`."""
    db = connections["default"]
    original = db.settings_dict["NAME"]
    db.close()
    _create(name, fresh)
    db.settings_dict["NAME"] = name
    try:
        call_command("migrate", verbosity=0, interactive=False)
        fixtures = sorted(REFERENCE.glob("*.json"))
        if fresh and fixtures:
            call_command("loaddata", *fixtures, verbosity=0)
        yield database_url(db.settings_dict)
    finally:
        db.close()
        db.settings_dict["NAME"] = original
        if not keep:
            _drop(name)
