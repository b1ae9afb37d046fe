"""A withdrawal made anywhere is seen by every worker process at its next request.

A server runs in its own process (gunicorn) over a scratch database of the engine under test; the
withdrawal is made by yet another process (the ORM in a `manage.py shell`, as an editor's request
to another worker would). The server's home page, list, facets and histogram follow at once.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

REPO = Path(__file__).resolve().parent.parent
PORTS = range(8200, 8300)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_database(tmp_path):
    """The URL of an empty database of the engine under test, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'workers.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"{settings['NAME']}_workers_{uuid.uuid4().hex[:8]}"
    host = f"{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    # Its own connection: CREATE DATABASE cannot run in the test's transaction.
    with psycopg.connect(f"postgres://{host}/{settings['NAME']}", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgres://{host}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY="worker-test-secret-key-0123456789-abcdefghij",
        SECURE_SSL_REDIRECT="0",
        PLAIN_STATIC="1",
        DEBUG="0",
    )
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port to serve on")


@pytest.fixture
def server(scratch_database):
    """A gunicorn worker over the scratch database with a small published archive."""
    env = environment(scratch_database)
    manage(env, "migrate", "--no-input", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from tests.factories import build_sample_archive; build_sample_archive(statements=12)",
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "archive.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        yield url, env
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def tallies(base: str) -> dict:
    """What the server shows of the archive: the list's count, facets and histogram, and home."""
    listing = fetch(base + "/statements/")
    return {
        "count": int(
            re.search(r'id="results-count"[^>]*>\s*([\d,]+)', listing)[1].replace(",", "")
        ),
        "facets": sum(int(n) for n in re.findall(r'class="facet-count">.*?(\d+)', listing)),
        "histogram": sum(int(n) for n in re.findall(r"\d{4}: (\d+) statements?<", listing)),
        "home": fetch(base + "/"),
    }


def test_a_withdrawal_is_seen_by_another_process_at_its_next_request(server):
    base, env = server
    newest = json.loads(
        manage(
            env,
            "shell",
            "-c",
            "import json; from archive.models import Statement; "
            "s = Statement.objects.published().newest_first().first(); "
            "print(json.dumps({'pk': s.pk, 'title': s.title}))",
        ).splitlines()[-1]  # after the shell's own greeting
    )
    before = tallies(base)  # the server has computed and cached its counts
    assert before == tallies(base)
    assert newest["title"] in before["home"]

    manage(
        env,
        "shell",
        "-c",
        "from archive import editing; from archive.models import Statement; "
        f"editing.withdraw([Statement.objects.get(pk={newest['pk']})])",
    )

    after = tallies(base)
    assert after["count"] == before["count"] - 1
    assert after["histogram"] == before["histogram"] - 1
    assert after["facets"] < before["facets"]
    assert newest["title"] not in after["home"]
