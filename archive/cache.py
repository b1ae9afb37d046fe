"""Counts over the whole archive, which every visitor of the unfiltered pages sees alike, cached.

The facets and histogram of /statements/ with no filter cost a pass over every fact of every
statement (seconds at 100,000 statements); they change only when the archive does. Entries are
keyed by a corpus version: a generation number kept in the cache (bumped by `corpus_changed()`,
which a load or an editor's change can call) plus the highest statement id, read in one cheap
query, so a load that adds statements is seen at once even without the hook. Other edits
(publishing a draft, removing an extracted fact) are seen when `corpus_changed()` is called, or
after TIMEOUT at the latest.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max

from archive.models import Statement

TIMEOUT = 600  # seconds: the staleness of an edit made without calling corpus_changed()
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
GENERATION_KEY = "archive:corpus-generation"


def corpus_version() -> str:
    """A string that changes whenever a statement is added, or corpus_changed() is called.

    One query that reads the end of the primary-key index; counting the published statements
    would also see publishing, but costs a pass over an index (15 ms at 100,000 on SQLite).
    """
    last = Statement.objects.aggregate(last=Max("pk"))["last"]
    generation = cache.get(GENERATION_KEY, 0)
    return f"{generation}-{last}"


def corpus_changed() -> None:
    """Forget every cached corpus-wide count (call after a load or an editorial change)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


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
