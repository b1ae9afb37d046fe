"""Organizations: the coalition and its bodies, governments, UN bodies, NGOs, armed groups."""

from django.db import models
from django.urls import reverse

from .aliases import Alias
from .corpus import Versioned
from .people import unique_slug
from .review import Reviewed


class Organization(Versioned):
    class Kind(models.TextChoices):
        COALITION_BODY = "coalition", "Coalition or coalition body"
        OPPOSITION = "opposition", "Opposition body"
        GOVERNMENT = "government", "Government or state body"
        UN_BODY = "un", "UN body"
        INTERGOVERNMENTAL = "igo", "Intergovernmental organization"
        NGO = "ngo", "NGO or civil society"
        ARMED_GROUP = "armed", "Armed group"
        PARTY = "party", "Political party or movement"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    abbreviation = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    source = models.CharField(
        max_length=300,
        blank=True,
        help_text='Where the facts come from: "Wikipedia: Syrian Interim Government".',
    )
    verified = models.BooleanField(
        default=False,
        help_text="Confirmed: checked against the source, or beyond doubt. Off while it needs "
        "checking.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organization, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:organization-detail", kwargs={"slug": self.slug})


class OrganizationAlias(Alias):
    """Another name of an organization ("SOC", "the Coalition", "Syrian National Coalition")."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="unique_org_alias")
        ]


class OrganizationMention(Reviewed):
    """An organization named in a statement, with the words used."""

    statement_field = "statement_id"

    statement = models.ForeignKey(
        "archive.Statement", on_delete=models.CASCADE, related_name="organization_mentions"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="statement_mentions"
    )
    as_written = models.CharField(max_length=300)
    paragraph = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["statement", "paragraph", "id"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "organization"], name="unique_org_mention")
        ]
        indexes = [
            models.Index(fields=["organization", "statement"], name="orgmention_org_statement"),
            # Which spellings of an organization readers may see (archive.visibility).
            models.Index(fields=["organization", "as_written"], name="orgmention_org_written"),
        ]

    def __str__(self):
        return f"{self.organization} in {self.statement_id}"
