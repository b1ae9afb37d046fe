"""Meetings: the event a statement reports (a meeting, a letter, a session...)."""

from django.db import models

from .review import Reviewed


class Meeting(Reviewed):
    statement_field = "statement_id"

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        LETTER = "letter", "Letter"
        VISIT = "visit", "Visit"
        STATEMENT = "statement", "Statement"
        INTERVIEW = "interview", "Interview"
        PRESS_CONFERENCE = "press conference", "Press conference"
        SPEECH = "speech", "Speech"
        CONFERENCE = "conference", "Conference"
        WORKSHOP = "workshop", "Workshop"
        GENERAL_ASSEMBLY = "general assembly session", "General Assembly session"
        PHONE_CALL = "phone call", "Phone call"
        OTHER = "other", "Other"

    class Format(models.TextChoices):
        IN_PERSON = "in person", "In person"
        VIRTUAL = "virtual", "Virtual"
        WRITTEN = "written", "Written"
        UNKNOWN = "unknown", "Unknown"

    statement = models.OneToOneField(
        "archive.Statement", on_delete=models.CASCADE, related_name="meeting"
    )
    kind = models.CharField(
        max_length=30, choices=Kind.choices, default=Kind.STATEMENT, db_index=True
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.UNKNOWN)
    number = models.PositiveIntegerField(null=True, blank=True, help_text="Session number, if any.")
    date_as_written = models.CharField(max_length=100, blank=True)
    date = models.DateField(null=True, blank=True, help_text="Resolved date, when it can be known.")
    place = models.ForeignKey(
        "archive.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )

    class Meta:
        ordering = ["-date", "-statement_id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.statement_id})"
