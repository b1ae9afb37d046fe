"""Editorial review state shared by every extracted fact, so re-extraction respects editors."""

from django.db import models
from simple_history.models import HistoricalRecords

from .corpus import Versioned, VersionedQuerySet


class Review(models.TextChoices):
    """What an editor said about an extracted fact.

    The loader may replace `EXTRACTED` rows freely on reload; `CONFIRMED` rows are kept as they
    are and `REMOVED` rows are kept hidden, so the extractor cannot bring back what an editor
    took out.
    """

    EXTRACTED = "extracted", "Extracted (not reviewed)"
    CONFIRMED = "confirmed", "Confirmed by an editor"
    REMOVED = "removed", "Removed by an editor"


class ReviewedQuerySet(VersionedQuerySet):
    def visible(self):
        """Rows shown to readers: everything an editor has not removed."""
        return self.exclude(review=Review.REMOVED)


class Reviewed(Versioned):
    """Abstract base for extracted facts that editors can confirm or remove.

    Every kind of fact is one (archive.kinds), and so is a person's spelling: each change to them
    is recorded with the editor who made it (archive.models.history).
    """

    review = models.CharField(
        max_length=12, choices=Review.choices, default=Review.EXTRACTED, db_index=True
    )

    objects = ReviewedQuerySet.as_manager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
