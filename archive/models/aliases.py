"""The shared shape of a name's other spellings (people, organizations and places have them)."""

from django.db import models

from archive.text import name_key

from .corpus import Versioned


class Alias(Versioned):
    """Another spelling of an entity's name, with its matching key.

    The key (folded: no case, accents, hyphens or spaces) is what the extractor looks names up
    by; it is computed on save, so fixtures loaded with `loaddata` (which skips save()) carry it.
    """

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)
