"""The corpus version: one number, in the database, that moves whenever the archive changes.

Every worker process keeps counts (and more) computed from the corpus; they are valid for as long
as this number stays the same. Because it lives in a database row, a publish, a withdrawal, an
editor's correction or a load made by any process (a worker, the admin, a shell, a script) is seen
by every other process at its next read, whatever cache it uses.

Every write path moves it: a model's `save()` and `delete()` (through `Versioned`), and the bulk
writes of its QuerySet (`update()`, `delete()`, `bulk_create()`, `bulk_update()`, through
`VersionedQuerySet`), so the admin's actions and the loader need no hook of their own. A load, which
writes thousands of rows, wraps its writes in `one_change()` so that they move it once.
"""

import threading

from django.db import models, transaction
from django.db.models import F


class CorpusVersion(models.Model):
    """The single row holding the corpus version (pk 1)."""

    number = models.BigIntegerField(default=0)

    def __str__(self):
        return f"corpus version {self.number}"


_deferred = threading.local()


def corpus_version() -> int:
    """The current corpus version: one indexed read of one row."""
    number = CorpusVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    return number or 0


def corpus_changed() -> None:
    """Move the corpus version (at the end of the enclosing `one_change()`, if any).

    The update takes part in the caller's transaction, so other processes see the new number
    exactly when they can see the change it stands for.
    """
    if getattr(_deferred, "depth", 0):
        _deferred.changed = True
        return
    if not CorpusVersion.objects.filter(pk=1).update(number=F("number") + 1):
        CorpusVersion.objects.update_or_create(pk=1, defaults={"number": 1})


class one_change:  # noqa: N801 (used as a function: `with one_change():`)
    """Count every write inside the block as one change of the corpus (a load, a merge)."""

    def __enter__(self):
        _deferred.depth = getattr(_deferred, "depth", 0) + 1

    def __exit__(self, *exc_info):
        _deferred.depth -= 1
        if not _deferred.depth and getattr(_deferred, "changed", False):
            _deferred.changed = False
            if not transaction.get_connection().needs_rollback:  # else the writes are undone
                corpus_changed()


class VersionedQuerySet(models.QuerySet):
    """A QuerySet whose bulk writes move the corpus version."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            corpus_changed()
        return rows

    update.alters_data = True

    def delete(self):
        deleted = super().delete()
        if deleted[0]:
            corpus_changed()
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            corpus_changed()
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        if rows:
            corpus_changed()
        return rows


class Versioned(models.Model):
    """Abstract base of every model the public pages show: saving or deleting one moves the
    corpus version."""

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        corpus_changed()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        corpus_changed()
        return deleted
