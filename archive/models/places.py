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
        TERRITORY = "territory", "Territory"
        GOVERNORATE = "governorate", "Governorate or province"
        DISTRICT = "district", "District"
        CAMP = "camp", "Camp"
        PRISON = "prison", "Prison"
        AIRPORT = "airport", "Airport"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    needs_context = models.BooleanField(
        default=False,
        help_text="Its name is also a common word or a person's name: the extractor takes it for "
        "this place only where the words around it show a place.",
    )
    source = models.CharField(
        max_length=300, blank=True, help_text='Where the facts come from: "ISO 3166-1".'
    )
    verified = models.BooleanField(
        default=False,
        help_text="Confirmed: checked against the source, or beyond doubt. Off while it needs "
        "checking.",
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


class Demonym(Alias):
    """A country's adjective or the name of its people ("French", "Emirati", "Saudi").

    Not a name of the place: "Russian jets" names no place. Titles use it for the organization
    ("the French Special Envoy" is France's).
    """

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="demonyms")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="unique_demonym")]


class PlaceMention(Reviewed):
    """A place named in a statement, with the words used."""

    statement_field = "statement_id"

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
        indexes = [
            models.Index(fields=["place", "statement"], name="placemention_place_statement"),
            # Which spellings of a place readers may see (archive.visibility).
            models.Index(fields=["place", "as_written"], name="placemention_place_written"),
        ]

    def __str__(self):
        return f"{self.place} in {self.statement_id}"
