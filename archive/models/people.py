"""People: speakers and participants, their spellings, their roles over time, their mentions."""

from django.db import models
from django.urls import reverse

from archive.text import make_slug

from .aliases import Alias
from .corpus import Versioned
from .review import Reviewed


class Person(Versioned):
    name = models.CharField(max_length=200, help_text="Canonical name across the archive.")
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:person-detail", kwargs={"slug": self.slug})


class PersonAlias(Reviewed, Alias):
    """One spelling of a person's name seen in a release ("Kado" for Abdullah Kaddo)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_person_alias")
        ]


class Membership(Versioned):
    """A role a person held in an organization, bounded by the statements that show it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "archive.Organization",
        on_delete=models.CASCADE,
        related_name="memberships",
        null=True,
        blank=True,
    )
    role = models.CharField(max_length=200)
    first_statement = models.ForeignKey(
        "archive.Statement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_statement = models.ForeignKey(
        "archive.Statement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_seen = models.DateField(null=True, blank=True)
    last_seen = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["first_seen", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization", "role"], name="unique_membership"
            )
        ]

    def __str__(self):
        where = f" of {self.organization}" if self.organization_id else ""
        return f"{self.person}, {self.role}{where}"


class Mention(Reviewed):
    """A person in a statement: the role and organization as written there, and which side."""

    statement_field = "statement_id"

    class Side(models.TextChoices):
        SOC = "soc", "Coalition delegation"
        COUNTERPART = "counterpart", "Counterpart"
        MENTIONED = "mentioned", "Mentioned"

    statement = models.ForeignKey(
        "archive.Statement", on_delete=models.CASCADE, related_name="mentions"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions")
    name_as_written = models.CharField(max_length=200)
    role = models.CharField(max_length=300, blank=True)
    organization = models.ForeignKey(
        "archive.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person_mentions",
    )
    side = models.CharField(max_length=12, choices=Side.choices, default=Side.MENTIONED)
    spoke = models.BooleanField(default=False, help_text="Quoted or paraphrased in the statement.")
    paragraph = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["statement", "paragraph", "id"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "person"], name="unique_mention")
        ]
        indexes = [
            models.Index(fields=["person", "statement"], name="mention_person_statement"),
            # Which spellings of a person readers may see (archive.visibility).
            models.Index(fields=["person", "name_as_written"], name="mention_person_written"),
        ]

    def __str__(self):
        return f"{self.person} in {self.statement_id}"


class MergeSuggestion(models.Model):
    """Two people who may be one: the extractor was not sure enough to merge them itself."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        MERGED = "merged", "Merged"
        REJECTED = "rejected", "Not the same person"
        DISMISSED = "dismissed", "Dismissed (not a real pair)"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["person", "candidate"], name="unique_merge_suggestion")
        ]

    def __str__(self):
        return f"{self.person} ~ {self.candidate} ({self.score:.2f})"


def unique_slug(model, text: str) -> str:
    """A slug for `text` not yet used by `model` ("salem-al-meslet", then "salem-al-meslet-2")."""
    base = make_slug(text)
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
