"""A time budget for the counts a page can do without: past it, the page shows what it has.

Facet counts, the histogram and entity pages' tallies touch every matching row; on a word found
in most of a million statements that takes seconds. The queries run inside one `Budget`: each
asks `run()` for its rows, a query still running when the budget is spent is aborted by the
engine, and once it is spent the rest do not run (`run()` returns None, and the page says the
counts are not shown). Nothing waits much longer than the budget.

SQLite: a progress handler on the raw connection aborts the running statement after the deadline
(no extra SQL). PostgreSQL: a local statement_timeout (and jit off) inside one transaction (a
savepoint when the request already runs in one), rolled back when a query is cancelled so the
page can go on; one extra query per budget (four inside an outer transaction, as in tests: the
savepoint, its release, and the settings set and put back).
"""

import sqlite3
import time

from django.conf import settings
from django.db import DatabaseError, connections, transaction

# Milliseconds. A page with a budget answers within about this plus its own rows.
DEFAULT_MS = 200
# SQLite calls the progress handler every this many virtual-machine instructions (~0.1 ms).
SQLITE_STEPS = 2000


# Milliseconds a search may take to list its matches, and again to read its page of results:
# a phrase of common words is checked statement by statement on PostgreSQL (seconds at a
# million); past this the page says the search is too broad rather than waiting.
SEARCH_MS = 500


def default_ms() -> int:
    return int(getattr(settings, "ARCHIVE_COUNT_BUDGET_MS", DEFAULT_MS))


def search_ms() -> int:
    return int(getattr(settings, "ARCHIVE_SEARCH_BUDGET_MS", SEARCH_MS))


class Deadline:
    """One allowance of time shared by several budgets, each given what is left of it."""

    def __init__(self, ms: int):
        self.end = time.monotonic() + ms / 1000

    def left(self) -> int:
        """Milliseconds left (0 once it has passed)."""
        return max(0, int((self.end - time.monotonic()) * 1000))


def within(ms: int, compute):
    """(finished, value): compute() within a budget of `ms`; value is None if it was cut short."""
    with Budget(ms=ms) as budget:
        box = budget.run(lambda: [compute()])
    return (True, box[0]) if box is not None else (False, None)


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
        if self.ms <= 0:
            # Nothing may run: set nothing up. (On PostgreSQL a timeout of a millisecond would
            # also apply to the COMMIT that ends the block, and cancel it.)
            return self
        self.connection.ensure_connection()
        if self.connection.vendor == "sqlite":
            self.connection.connection.set_progress_handler(self._sqlite_check, SQLITE_STEPS)
        elif self.connection.vendor == "postgresql":
            self._nested = self.connection.in_atomic_block
            self._atomic = transaction.atomic(using=self.connection.alias)
            self._atomic.__enter__()
            with self.connection.cursor() as cursor:
                # One query: the settings as they were (put back at exit, see there), then the
                # timeout, and no JIT compilation, which takes seconds on these grouped counts
                # (1.8 s of a 2 s query measured at 100,000) and cannot be interrupted.
                cursor.execute(
                    "SELECT current_setting('statement_timeout'), current_setting('jit'), "
                    "set_config('statement_timeout', %s, true), set_config('jit', 'off', true)",
                    [str(max(int(self.ms), 1))],
                )
                self._previous = cursor.fetchone()[:2]
        return self

    def __exit__(self, *exc):
        if self.connection.vendor == "sqlite":
            if self.connection.connection is not None:
                self.connection.connection.set_progress_handler(None, SQLITE_STEPS)
        elif self._atomic is not None:
            if self._cancelled:
                transaction.set_rollback(True, using=self.connection.alias)
            elif self._nested and exc[0] is None:
                # Releasing a savepoint keeps a SET LOCAL until the outer transaction ends.
                with self.connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true), "
                        "set_config('jit', %s, true)",
                        list(self._previous),
                    )
            try:
                self._atomic.__exit__(*exc)
            except DatabaseError as error:
                # The COMMIT itself runs under the budget's timeout and was seen cancelled at a
                # million statements. Nothing was written: the rows read stand, and Django has
                # rolled the block back.
                if exc[0] is not None or not _is_interruption(error):
                    raise
                self.spent = True
        return False

    def _sqlite_check(self):
        # Abort one statement per run() only: Django's debug cursor runs a query of its own to
        # log the aborted one, and that must go through.
        if self._fired or time.monotonic() <= self.deadline:
            return 0
        self._fired = True
        return 1

    def run(self, compute):
        """compute()'s result, or None if the budget ran out before it was done.

        Once the deadline has passed, compute() is not called at all: on PostgreSQL each
        statement may otherwise take a whole budget of its own (its timeout is set once, at
        entry), and a page of eight counts could wait eight budgets. A page's query count then
        depends on the time its counts took; tests pin it with time to spare.
        """
        self._fired = False
        if time.monotonic() > self.deadline:
            self.spent = True
            return None
        try:
            result = compute()
        except (DatabaseError, sqlite3.Error) as error:
            if not _is_interruption(error):
                raise
            # On PostgreSQL the transaction is now aborted: what follows fails at once, and
            # __exit__ rolls it back (the rows already read are all the page needs).
            self.spent = self._cancelled = True
            return None
        if time.monotonic() > self.deadline:
            self.spent = True
        return result


def _is_interruption(error: DatabaseError) -> bool:
    cause = error.__cause__ or error
    # PostgreSQL: query_canceled, then in_failed_sql_transaction for what follows it.
    if getattr(cause, "sqlstate", None) in ("57014", "25P02"):
        return True
    return "interrupted" in str(error)  # SQLite, aborted by the progress handler
