"""What editors add beside the extracted facts: dated correction notes and the slugs of merged
entities."""

from django.db import models

from .corpus import Versioned


class Correction(Versioned):
    """A public, dated note that the text of a published statement was changed after publication.

    Readers who cited the earlier text can see that it changed, when, and (if the editor said) why.
    """

    statement_field = "statement_id"

    statement = models.ForeignKey(
        "archive.Statement", on_delete=models.CASCADE, related_name="corrections"
    )
    made = models.DateTimeField(auto_now_add=True)
    note = models.CharField(
        max_length=500, blank=True, help_text="What was corrected, for readers."
    )

    class Meta:
        ordering = ["made", "id"]

    def __str__(self):
        return f"Correction of {self.statement_id} on {self.made:%Y-%m-%d}"


class FormerSlug(models.Model):
    """The slug of a person, organization or place merged into another.

    Its old URL answers with a permanent redirect to the survivor's page, so links and citations
    made before the merge keep working.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        PLACE = "place", "Place"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    slug = models.SlugField(max_length=100)
    target_id = models.BigIntegerField(help_text="The survivor of the merge.")
    merged = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="unique_former_slug")]

    def __str__(self):
        return f"{self.kind} {self.slug} -> {self.target_id}"
