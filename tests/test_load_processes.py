"""A load beside other processes: editors keep writing while it runs, and killing it leaves no
process behind and nothing that `--resume` cannot finish. Each test runs `manage.py` on a
scratch database of the suite's engine."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from bench.corpus import write_corpus
from tests.scratch import REPO, environment, manage, prepared, query, scratch_database, start_manage

ENGINE = connection.vendor


def descendants(pid: int) -> dict[int, str]:
    """Every live process below `pid`, with its command line."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = command_line(child)
            todo.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def is_running(pid: int) -> bool:
    """Alive and not a zombie waiting for its new parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def written(database_url: str) -> int:
    rows = query(database_url, "SELECT written FROM archive_loadrun ORDER BY id DESC LIMIT 1")
    return rows[0][0] if rows else 0


@pytest.fixture
def database(tmp_path):
    with scratch_database(tmp_path, ENGINE) as url:
        yield prepared(url)


@pytest.fixture
def releases(tmp_path):
    return write_corpus(count=1500, seed=5, out=tmp_path / "corpus", per_file=250).files


def test_a_killed_load_leaves_no_process_behind_and_resume_finishes_it(database, releases):
    load = start_manage(
        database, "load_releases", *map(str, releases), "--workers", "2", "--batch-size", "20"
    )
    try:
        wait_for(lambda: written(database) >= 100, seconds=300, what="the load's first batches")
        helpers = descendants(load.pid)
        workers = [pid for pid, line in helpers.items() if "spawn_main" in line]
        trackers = [pid for pid, line in helpers.items() if "resource_tracker" in line]
        assert len(workers) == 2 and len(trackers) == 1, helpers
        assert load.poll() is None, "the load ended before it could be killed"
        os.kill(load.pid, signal.SIGKILL)
        load.wait(timeout=30)
    finally:
        if load.poll() is None:
            load.kill()
    leftover = lambda: [pid for pid in helpers if is_running(pid)]  # noqa: E731
    wait_for(lambda: not leftover(), seconds=30, what=f"processes {leftover()} to end")

    interrupted = written(database)
    assert 0 < interrupted < 1500
    resumed = manage(database, "load_releases", "--resume", "--workers", "0")
    assert f"resumed after {interrupted} releases already written" in resumed.stdout
    assert query(database, "SELECT count(*), count(DISTINCT content_hash) FROM archive_statement")[
        0
    ] == (1500, 1500)
    assert query(database, "SELECT state, written FROM archive_loadrun") == [("done", 1500)]


def test_editors_log_in_and_save_while_a_long_load_runs(database, releases, tmp_path):
    stop = tmp_path / "stop"
    # A busy timeout of 5 s, Python's default: the lock is never held that long by a load.
    editor_env = environment(database, SQLITE_BUSY_TIMEOUT="5", ALLOWED_HOSTS="testserver")
    editor = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "editor_writes.py"), str(stop)],
        cwd=REPO,
        env=editor_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    load = start_manage(database, "load_releases", *map(str, releases), "--batch-size", "100")
    try:
        _, load_errors = load.communicate(timeout=600)
        load_ended = time.time()
    finally:
        stop.touch()
        output, editor_errors = editor.communicate(timeout=120)
    assert load.returncode == 0, load_errors[-2000:]
    assert editor.returncode == 0, editor_errors[-2000:]
    attempts = [json.loads(line) for line in output.splitlines()]
    during = [a for a in attempts if a["ended"] < load_ended]
    assert len(during) >= 3, f"only {len(during)} editor writes happened during the load"
    assert [a["outcome"] for a in attempts if a["outcome"] != "ok"] == []
    assert query(database, "SELECT state, written FROM archive_loadrun") == [("done", 1500)]
