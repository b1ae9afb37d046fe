"""Resolutions and other instruments the statements cite, and the citations themselves."""

from django.db import models
from django.urls import reverse

from .corpus import Versioned
from .review import Reviewed


class Resolution(Versioned):
    class Body(models.TextChoices):
        UNSC = "UNSC", "UN Security Council"
        UNGA = "UNGA", "UN General Assembly"
        HRC = "HRC", "UN Human Rights Council"
        OTHER = "OTHER", "Other instrument"

    body = models.CharField(max_length=8, choices=Body.choices)
    number = models.CharField(
        max_length=20, blank=True, help_text='"2254", "67/262"; empty for unnumbered instruments.'
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    symbol = models.CharField(max_length=60, blank=True, help_text="S/RES/2254 (2015)")
    title = models.CharField(max_length=300, blank=True)
    adopted = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=300, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    verified = models.BooleanField(
        default=True,
        help_text="Off when the extractor met a number missing from the reference data.",
    )

    class Meta:
        ordering = ["body", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "number"], condition=~models.Q(number=""), name="unique_resolution"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def identifier(self) -> str:
        """The corpus identifier: "UNSC 2254", "UNGA 67/262", "Geneva Communique 2012"."""
        if self.number:
            return f"{self.body} {self.number}"
        return f"{self.title} {self.year}" if self.year else self.title

    @property
    def label(self) -> str:
        if self.body == self.Body.UNSC and self.number:
            return f"UNSC Resolution {self.number}" + (f" ({self.year})" if self.year else "")
        if self.body == self.Body.UNGA and self.number:
            return f"UNGA Resolution {self.number}"
        if self.body == self.Body.HRC and self.number:
            return f"HRC Resolution {self.number}"
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self):
        return reverse("archive:resolution-detail", kwargs={"slug": self.slug})


class Citation(Reviewed):
    """A statement citing a resolution, with the phrase as written ("Resolutions 2118 and 2254")."""

    statement_field = "statement_id"

    statement = models.ForeignKey(
        "archive.Statement", on_delete=models.CASCADE, related_name="citations"
    )
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="citations")
    as_written = models.CharField(max_length=300)
    paragraph = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["statement", "paragraph", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "resolution", "as_written", "paragraph"],
                name="unique_citation",
            )
        ]
        indexes = [models.Index(fields=["resolution", "statement"], name="citation_res_statement")]

    def __str__(self):
        return f"{self.statement_id} cites {self.resolution}"
