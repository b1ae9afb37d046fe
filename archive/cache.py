"""Counts over the whole archive, which every visitor of the unfiltered pages sees alike, cached.

The facets and histogram of /statements/ with no filter cost a pass over every fact of every
statement (seconds at 100,000 statements); they change only when the archive does. Entries are
keyed by the corpus version (`archive.models.corpus`), a number in the database that every write
path moves, so a change made by any process is seen by every process at its next request.
"""

from django.conf import settings
from django.core.cache import cache

from archive.models import corpus as versions

TIMEOUT = 600  # seconds an entry is kept; a new corpus version makes it unreachable at once
# Milliseconds allowed to the archive-wide counts when they are not cached: the first visitor
# after each change of corpus version (per cache) waits for them.
FILL_MS = getattr(settings, "ARCHIVE_CACHE_FILL_MS", 10_000)
# Milliseconds allowed to the counts of a filtered list without words (shared by every visitor
# of that URL, so worth more than a search's budget, but a page must still answer within 1 s:
# on PostgreSQL a count started just before the deadline may run a whole budget past it, and
# 700 ms let a page take 1.4 s at a million statements).
SHARED_FILL_MS = getattr(settings, "ARCHIVE_SHARED_FILL_MS", 450)
# Seconds an incomplete result (a budget ran out) is served before another try. Counts that
# did not fit once seldom fit a minute later, and every try costs one visitor a whole budget.
RETRY = 300


def corpus_version() -> str:
    """The key of the current corpus version, one cheap query."""
    return str(versions.corpus_version())


def corpus_changed() -> None:
    """Forget every cached corpus-wide count (every write path already calls this)."""
    versions.corpus_changed()


def peek(name: str):
    """The cached value of `name` for any recent corpus version, without a query (or None)."""
    return cache.get(f"archive:{name}:latest")


def current(name: str, version: str):
    """The value cached under `name` for this corpus version, complete or not; None if none."""
    return cache.get(f"archive:{name}:{version}")


def cached(name: str, version: str, compute):
    """compute()'s value, cached under `name` for this corpus version.

    `compute` returns (value, complete): an incomplete value (counts cut short by a time budget)
    is cached for RETRY seconds only (never as `peek()`'s latest): visitors meanwhile get what
    it has at once, rather than each waiting for the budget again; then a request tries again.
    """
    key = f"archive:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value, complete = compute()
        if complete:
            cache.set_many({key: value, f"archive:{name}:latest": value}, timeout=TIMEOUT)
        else:
            cache.set(key, value, timeout=RETRY)
    return value
