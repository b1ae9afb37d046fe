"""Values computed from the whole corpus that every visitor sees alike, cached per corpus version.

Entries are keyed by the corpus version (`archive.models.corpus`), a number in the database that
every write path moves, so a change made by any process is seen by every process at its next
request: an entry of an older version is never served.
"""

from django.core.cache import cache

from archive.models import corpus as versions

TIMEOUT = 600  # seconds an entry is kept; a new corpus version makes it unreachable at once


def corpus_version() -> str:
    """The key of the current corpus version, one cheap query."""
    return str(versions.corpus_version())


def corpus_changed() -> None:
    """Forget every cached corpus-wide value (every write path already calls this)."""
    versions.corpus_changed()


def cached(name: str, version: str, compute):
    """compute()'s value, cached under `name` for this corpus version.

    `compute` returns (value, complete): an incomplete value is not cached.
    """
    key = f"archive:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value, complete = compute()
        if complete:
            cache.set(key, value, timeout=TIMEOUT)
    return value
