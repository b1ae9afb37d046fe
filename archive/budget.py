"""A time budget for the counts a page can do without: past it, the page shows what it has.

Facet counts, the histogram and entity pages' tallies touch every matching row; on a word found
in most of a million statements that takes seconds. The queries run inside one `Budget`: each
asks `run()` for its rows, a query still running when the budget is spent is aborted by the
engine, and once it is spent the rest are skipped (`run()` returns None, and the page says the
counts are not shown). Nothing waits longer than the budget, whatever the number of results.

SQLite: a progress handler on the raw connection aborts the running statement after the deadline
(no extra SQL). PostgreSQL: `SET LOCAL statement_timeout` inside one transaction (a savepoint
when the request already runs in one), rolled back when a query is cancelled so the page can go
on; one extra query per budget (four inside an outer transaction, as in tests: the savepoint,
its release, and the timeout set and put back).
"""

import sqlite3
import time

from django.conf import settings
from django.db import DatabaseError, connections, transaction

# Milliseconds. A page with a budget answers within about this plus its own rows.
DEFAULT_MS = 300
# SQLite calls the progress handler every this many virtual-machine instructions (~0.1 ms).
SQLITE_STEPS = 2000


def default_ms() -> int:
    return int(getattr(settings, "ARCHIVE_COUNT_BUDGET_MS", DEFAULT_MS))


class Budget:
    """`with Budget(alias) as budget: rows = budget.run(lambda: list(queryset))`."""

    def __init__(self, alias: str = "default", ms: int | None = None):
        self.connection = connections[alias]
        self.ms = default_ms() if ms is None else ms
        self.spent = False
        self._atomic = None
        self._fired = False
        self._cancelled = False  # a statement was aborted (PostgreSQL: the block rolls back)

    def __enter__(self):
        self.deadline = time.monotonic() + self.ms / 1000
        self.connection.ensure_connection()
        if self.connection.vendor == "sqlite":
            self.connection.connection.set_progress_handler(self._sqlite_check, SQLITE_STEPS)
        elif self.connection.vendor == "postgresql":
            self._nested = self.connection.in_atomic_block
            self._atomic = transaction.atomic(using=self.connection.alias)
            self._atomic.__enter__()
            with self.connection.cursor() as cursor:
                # An integer literal: SET takes no bind parameters.
                cursor.execute(f"SET LOCAL statement_timeout = {max(int(self.ms), 1)}")
        return self

    def __exit__(self, *exc):
        if self.connection.vendor == "sqlite":
            if self.connection.connection is not None:
                self.connection.connection.set_progress_handler(None, SQLITE_STEPS)
        elif self._atomic is not None:
            if self._nested and not self._cancelled and exc[0] is None:
                # Releasing a savepoint keeps a SET LOCAL until the outer transaction ends.
                with self.connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
            self._atomic.__exit__(*exc)
        return False

    def _sqlite_check(self):
        # Abort one statement only: Django's debug cursor runs a query of its own to log the
        # aborted one, and that must go through (the budget skips whatever comes next).
        if self._fired or time.monotonic() <= self.deadline:
            return 0
        self._fired = True
        return 1

    def run(self, compute):
        """compute()'s result, or None if the budget is (or becomes) spent."""
        if self.spent or time.monotonic() > self.deadline:
            self.spent = True
            return None
        try:
            return compute()
        except (DatabaseError, sqlite3.Error) as error:
            if not _is_interruption(error):
                raise
            self.spent = self._cancelled = True
            if self._atomic is not None:
                # The cancelled statement aborted the transaction: the rest of the budget is
                # skipped anyway, and its rows were already read, so roll it back at exit.
                transaction.set_rollback(True, using=self.connection.alias)
            return None


def _is_interruption(error: DatabaseError) -> bool:
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == "57014":  # PostgreSQL query_canceled
        return True
    return "interrupted" in str(error)  # SQLite, aborted by the progress handler
