"""A few export slots shared by every worker, so exports can never take all the workers.

An export holds a worker for as long as its file streams. The slots live in the cache (Redis in
production, shared by every gunicorn worker; per process otherwise): an export takes a free slot
with an atomic `cache.add` or is answered at once with 503 and Retry-After. A slot expires by
itself after SLOT_SECONDS, so an export that died without releasing it frees it anyway.
"""

import os
import uuid

from django.core.cache import cache

SLOTS = int(os.environ.get("ARCHIVE_EXPORT_SLOTS", "1"))
SLOT_SECONDS = 120
RETRY_AFTER = 10


class Slot:
    """One taken slot; `release()` gives it back (only if it is still this export's)."""

    def __init__(self, key: str, token: str):
        self.key, self.token = key, token

    def release(self) -> None:
        if cache.get(self.key) == self.token:
            cache.delete(self.key)


def take() -> Slot | None:
    """A free export slot, or None when every slot is streaming an export."""
    token = uuid.uuid4().hex
    for n in range(SLOTS):
        key = f"export-slot:{n}"
        if cache.add(key, token, timeout=SLOT_SECONDS):
            return Slot(key, token)
    return None


class Released:
    """Wraps a streamed body so the slot is given back when the response closes (whether the
    body was read to the end, cut by the client, or never read at all)."""

    def __init__(self, chunks, slot: Slot):
        self._chunks, self._slot = chunks, slot

    def __iter__(self):
        return iter(self._chunks)

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()
        self._slot.release()
