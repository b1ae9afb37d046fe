"""People the releases name again and again, with their posts over the years: reference data.

Presidents of the coalition, UN envoys, foreign ministers, heads of state. They are not the
archive's people (`Person`, made from statements): a known person has no page and no statements
of their own. The extractor uses them to recognize a surname written alone ("Kerry said") and to
give a title its organization ("the Foreign Minister" in 2016 is Turkey's when the name is
Çavuşoğlu). Each fact carries where it comes from and whether it was checked.
"""

from django.db import models

from .aliases import Alias


class KnownPerson(models.Model):
    name = models.CharField(max_length=200, help_text="The usual English spelling.")
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the name and spellings come from."
    )
    verified = models.BooleanField(
        default=False, help_text="Confirmed: checked against the source, or beyond doubt."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "known people"

    def __str__(self):
        return self.name


class KnownPersonName(Alias):
    """Another spelling of a known person's name ("Khaled Khoja", "Khalid Khoca")."""

    person = models.ForeignKey(KnownPerson, on_delete=models.CASCADE, related_name="names")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_known_person_name")
        ]


class Post(models.Model):
    """A title held in an organization (a government is named like its country) over years."""

    person = models.ForeignKey(KnownPerson, on_delete=models.CASCADE, related_name="posts")
    role = models.CharField(max_length=200, help_text='As releases write it: "Foreign Minister".')
    organization = models.ForeignKey(
        "archive.Organization", on_delete=models.CASCADE, related_name="posts"
    )
    start = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year taken up.")
    end = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year left; empty while held or when unknown."
    )
    source = models.CharField(max_length=300, blank=True)
    verified = models.BooleanField(
        default=False, help_text="Title and years confirmed; off while they need checking."
    )

    class Meta:
        ordering = ["person", "start"]

    def __str__(self):
        years = f"{self.start or '?'}-{self.end or ''}"
        return f"{self.person}, {self.role} of {self.organization.name} ({years})"
