"""The corpus version: one number, in the database, that moves whenever the archive changes.

Every worker process keeps counts (and more) computed from the corpus; they are valid for as long
as this number stays the same. Because it lives in a database row, a publish, a withdrawal, an
editor's correction or a load made by any process (a worker, the admin, a shell, a script) is seen
by every other process at its next read, whatever cache it uses.

Every write path moves it: a model's `save()` and `delete()` (through `Versioned`), and the bulk
writes of its QuerySet (`update()`, `delete()`, `bulk_create()`, `bulk_update()`, through
`VersionedQuerySet`), so the admin's actions and the loader need no hook of their own. A load, which
writes thousands of rows, wraps its writes in `one_change()` so that they move it once.

Each change also says which statements it touched (`CorpusChange`): a process holding the corpus
in memory re-reads those statements alone rather than everything (archive.corpus_facts). A write
whose statements cannot be told (an entity deleted with its facts) is logged as touching
everything. Entities' own fields (a name, a slug) and the roles over time are re-read at every
version, so their writes touch no statement.
"""

import threading

from django.db import models, transaction
from django.db.models import F

EVERYTHING = None  # a change whose statements cannot be told
KEPT_VERSIONS = (
    1000  # versions whose changes stay logged; a process further behind reads everything
)


class CorpusVersion(models.Model):
    """The single row holding the corpus version (pk 1)."""

    number = models.BigIntegerField(default=0)

    def __str__(self):
        return f"corpus version {self.number}"


class CorpusChange(models.Model):
    """A statement a change of the corpus touched (none: the change may have touched any)."""

    version = models.BigIntegerField(db_index=True)
    statement_id = models.BigIntegerField(null=True)

    def __str__(self):
        return f"version {self.version}: statement {self.statement_id or 'any'}"


_deferred = threading.local()


def corpus_version() -> int:
    """The current corpus version: one indexed read of one row."""
    number = CorpusVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    return number or 0


def corpus_changed(statements=EVERYTHING) -> None:
    """Move the corpus version (at the end of the enclosing `one_change()`, if any), and log the
    statements the change touched (ids, or EVERYTHING).

    The update takes part in the caller's transaction, so other processes see the new number
    exactly when they can see the change it stands for.
    """
    if getattr(_deferred, "depth", 0):
        _deferred.changed = True
        _deferred.statements = _joined(_deferred.statements, statements)
        return
    if not CorpusVersion.objects.filter(pk=1).update(number=F("number") + 1):
        CorpusVersion.objects.update_or_create(pk=1, defaults={"number": 1})
    number = corpus_version()
    ids = [EVERYTHING] if statements is EVERYTHING else sorted(set(statements))
    CorpusChange.objects.bulk_create(CorpusChange(version=number, statement_id=i) for i in ids)
    if number % 100 == 0:
        CorpusChange.objects.filter(version__lte=number - KEPT_VERSIONS).delete()


def _joined(statements, more):
    if statements is EVERYTHING or more is EVERYTHING:
        return EVERYTHING
    return statements | set(more)


def changes_since(version: int, current: int):
    """The statements touched between `version` and `current` (ids, or EVERYTHING when any change
    touched everything or is no longer logged)."""
    if current - version > KEPT_VERSIONS:
        return EVERYTHING
    ids = set(
        CorpusChange.objects.filter(version__gt=version, version__lte=current).values_list(
            "statement_id", flat=True
        )
    )
    return EVERYTHING if EVERYTHING in ids else ids


class one_change:  # noqa: N801 (used as a function: `with one_change():`)
    """Count every write inside the block as one change of the corpus (a load, a merge)."""

    def __enter__(self):
        _deferred.depth = getattr(_deferred, "depth", 0) + 1
        if _deferred.depth == 1:
            _deferred.changed, _deferred.statements = False, set()

    def __exit__(self, *exc_info):
        _deferred.depth -= 1
        if not _deferred.depth and _deferred.changed:
            _deferred.changed = False
            if not transaction.get_connection().needs_rollback:  # else the writes are undone
                corpus_changed(_deferred.statements)


class VersionedQuerySet(models.QuerySet):
    """A QuerySet whose bulk writes move the corpus version."""

    def _statements(self, deleting=False):
        """The statements these rows are facts of (read before the write)."""
        field = self.model.statement_field
        if field is None:
            return EVERYTHING if deleting else ()  # deleting an entity deletes its facts
        return list(self.values_list(field, flat=True).order_by().distinct())

    def update(self, **kwargs):
        moved = {"statement", "statement_id"} & kwargs.keys()
        statements = EVERYTHING if moved else self._statements()
        rows = super().update(**kwargs)
        if rows:
            corpus_changed(statements)
        return rows

    update.alters_data = True

    def delete(self):
        statements = self._statements(deleting=True)
        deleted = super().delete()
        if deleted[0]:
            corpus_changed(statements)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            corpus_changed(statements_of(created))
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        moved = {"statement", "statement_id"} & set(fields)
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        if rows:
            corpus_changed(EVERYTHING if moved else statements_of(objs))
        return rows


def statements_of(rows) -> list:
    """The statements these model instances are (or are facts of)."""
    field = rows[0].statement_field if rows else None
    ids = [getattr(row, field) for row in rows] if field else []
    return EVERYTHING if None in ids else ids


class Versioned(models.Model):
    """Abstract base of every model the public pages show: saving or deleting one moves the
    corpus version."""

    # How a row names its statement: "pk" for a statement, "statement_id" for its facts; None
    # for entities and the rest, whose fields the corpus index re-reads at every version.
    statement_field: str | None = None

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        corpus_changed(statements_of([self]))

    def delete(self, *args, **kwargs):
        statements = statements_of([self]) if self.statement_field else EVERYTHING
        deleted = super().delete(*args, **kwargs)
        corpus_changed(statements)
        return deleted
