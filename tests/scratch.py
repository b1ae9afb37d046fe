"""Scratch databases for tests that need other processes (a load to kill, editors writing beside
a load, the other engine): created empty, migrated by `manage.py`, dropped after."""

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.db import connection

REPO = Path(__file__).resolve().parent.parent
REFERENCE = sorted(str(p) for p in (REPO / "fixtures" / "reference").glob("*.json"))
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def postgres_url() -> str | None:
    """A PostgreSQL server to make scratch databases on: the suite's own when it runs on
    PostgreSQL, else PG_TEST_URL or the local default, if one answers."""
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        user, host = settings.get("USER") or "postgres", settings.get("HOST") or "127.0.0.1"
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{host}:{settings.get('PORT') or 5432}/postgres"
    url = os.environ.get("PG_TEST_URL") or DEFAULT_POSTGRES
    try:
        psycopg.connect(_admin(url), connect_timeout=3).close()
    except psycopg.Error:
        return None
    return url


def _admin(url: str) -> str:
    """The same server's `postgres` database, where databases are created and dropped."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))


@contextmanager
def scratch_database(tmp_path: Path, engine: str) -> Iterator[str]:
    """The DATABASE_URL of a new empty database of `engine` ("sqlite" or "postgresql")."""
    if engine == "sqlite":
        yield f"sqlite:///{tmp_path / f'scratch-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    server = postgres_url()
    name = f"archive_scratch_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_admin(server), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(_admin(server), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(database_url: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    return {**env, "DATABASE_URL": database_url, "DEBUG": "1", "CONN_MAX_AGE": "0", **extra}


def manage(database_url: str, *args: str, check: bool = True, **extra: str):
    """Run `manage.py args` against the database; the finished process (output as text)."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment(database_url, **extra),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


def start_manage(database_url: str, *args: str, **extra: str) -> subprocess.Popen:
    """Start `manage.py args` in the background (output to pipes)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment(database_url, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def prepared(database_url: str) -> str:
    """Migrate the database and load the reference data into it."""
    manage(database_url, "migrate", "--no-input", "-v", "0")
    manage(database_url, "loaddata", *REFERENCE, "-v", "0")
    return database_url


def query(database_url: str, sql: str) -> list:
    """Rows of one SQL query, run in a fresh process-free connection of the test itself."""
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=30) as db:
            return db.execute(sql).fetchall()
    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as db:
        return db.execute(sql).fetchall()


def canonical_dump(database_url: str) -> list[dict]:
    """The archive's rows, as `dumpdata` writes them, less what differs by when and where a
    load ran (timestamps, the journal) and PostgreSQL's own search columns, sorted by model and
    id: equal for equal archives."""
    output = manage(
        database_url, "dumpdata", "archive", "--exclude", "archive.loadrun", "--indent", "0"
    ).stdout
    rows = json.loads(output)
    for row in rows:
        for volatile in ("created", "updated", "search_document", "search_pairs"):
            row["fields"].pop(volatile, None)
    return sorted(rows, key=lambda row: (row["model"], row["pk"]))
