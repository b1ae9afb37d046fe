"""A statement timeout on the connections that serve pages: a guard against the unforeseen.

No page needs more than a fraction of a second of SQL (the list counts on bitmaps, see
archive.corpus_index), so a statement still running after STATEMENT_TIMEOUT_MS is a mistake or
an attack: the engine cancels it, and the page fails fast rather than holding a worker. The
timeout is set once per connection, when a connection opens to serve a request:
- PostgreSQL: `SET statement_timeout` (persistent connections keep it);
- SQLite: a progress handler that interrupts a statement running past the limit, timed from its
  start, which an execute wrapper notes.
Connections of commands (the loader, migrate, the benchmark's ingest) are not guarded.
"""

import contextlib
import threading
import time

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections
from django.db.backends.signals import connection_created

STATEMENT_TIMEOUT_MS = 5000
SQLITE_STEPS = 2000  # virtual-machine instructions between two checks of the clock (~0.1 ms)

_serving = threading.local()


def timeout_ms() -> int:
    return int(getattr(settings, "ARCHIVE_STATEMENT_TIMEOUT_MS", STATEMENT_TIMEOUT_MS))


def guard(connection, ms: int | None = None) -> None:
    """Set the statement timeout on this (open) connection; 0 takes it away."""
    ms = timeout_ms() if ms is None else ms
    connection.statement_timeout_ms = ms
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", [str(ms)])
    elif connection.vendor == "sqlite":
        connection.execute_wrappers[:] = [
            w for w in connection.execute_wrappers if not isinstance(w, _SqliteClock)
        ]
        clock = _SqliteClock(ms) if ms > 0 else None
        connection.connection.set_progress_handler(clock and clock.overrun, SQLITE_STEPS)
        if clock:
            connection.execute_wrappers.append(clock)


class _SqliteClock:
    """Notes when each statement starts; tells SQLite to interrupt it once past the limit."""

    def __init__(self, ms: int):
        self.seconds = ms / 1000
        self.deadline = float("inf")
        self.paused = False

    def __call__(self, execute, sql, params, many, context):
        self.deadline = time.monotonic() + self.seconds
        return execute(sql, params, many, context)

    def overrun(self) -> int:
        return int(not self.paused and time.monotonic() > self.deadline)


@contextlib.contextmanager
def unguarded(alias: str = "default"):
    """A block whose statements the guard lets run: the corpus index reads whole tables, once
    per corpus version (seconds at a million statements), on behalf of every later page."""
    connection = connections[alias]
    ms = getattr(connection, "statement_timeout_ms", 0)
    clocks = [w for w in connection.execute_wrappers if isinstance(w, _SqliteClock)]
    for clock in clocks:
        clock.paused = True
    if ms and connection.vendor == "postgresql":
        guard(connection, 0)
    try:
        yield
    finally:
        for clock in clocks:
            clock.paused = False
        if ms and connection.vendor == "postgresql":
            guard(connection, ms)


def _guard_if_serving(sender, connection, **kwargs):
    if getattr(_serving, "active", False) and timeout_ms() > 0:
        guard(connection)
    else:
        connection.statement_timeout_ms = 0  # a new connection has no timeout


def _serve(**kwargs):
    _serving.active = True


def _served(**kwargs):
    _serving.active = False


def install() -> None:
    """Guard every connection a request opens (called once, when the app is ready)."""
    connection_created.connect(_guard_if_serving, dispatch_uid="archive-statement-timeout")
    request_started.connect(_serve, dispatch_uid="archive-serving")
    request_finished.connect(_served, dispatch_uid="archive-served")
