"""Places: countries, cities, towns, border crossings and regions named in statements."""

from django.db import models
from django.urls import reverse

from .aliases import Alias
from .corpus import Versioned
from .people import unique_slug
from .review import Reviewed


class Place(Versioned):
    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        CITY = "city", "City"
        TOWN = "town", "Town"
        CROSSING = "crossing", "Border crossing"
        REGION = "region", "Region"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Place, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:place-detail", kwargs={"slug": self.slug})


class PlaceAlias(Alias):
    """Another name of a place ("rural Aleppo" and "Aleppo countryside" for Aleppo)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "place aliases"
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="unique_place_alias")]


class PlaceMention(Reviewed):
    """A place named in a statement, with the words used."""

    statement = models.ForeignKey(
        "archive.Statement", on_delete=models.CASCADE, related_name="place_mentions"
    )
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="statement_mentions")
    as_written = models.CharField(max_length=300)
    paragraph = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["statement", "paragraph", "id"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "place"], name="unique_place_mention")
        ]
        indexes = [models.Index(fields=["place", "statement"], name="placemention_place_statement")]

    def __str__(self):
        return f"{self.place} in {self.statement_id}"
