"""Statements: the press releases themselves, and the reads the pages make of them."""

import datetime
import hashlib

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse

from archive.search.document import (
    NormalisedTextField,
    SearchDocument,
    WordPairs,
    search_fields_to_update,
    with_search_text,
)
from archive.text import make_slug

from .corpus import Versioned, VersionedQuerySet


def body_hash(body: str) -> str:
    """SHA-256 of the body with line endings and edge whitespace normalized."""
    normalized = "\n".join(line.strip() for line in body.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    ARABIC = "ar", "Arabic"


class StatementQuerySet(VersionedQuerySet):
    def update(self, **kwargs):
        # A new title or body also updates the text the search engines index.
        return super().update(**with_search_text(self.model, kwargs))

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        fields = search_fields_to_update(self.model, objs, fields)
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def published(self):
        return self.filter(status=Statement.Status.PUBLISHED)

    def newest_first(self):
        """Newest first; undated statements last (they are not "older" than dated ones)."""
        return self.order_by(F("date").desc(nulls_last=True), "-id")

    def oldest_first(self):
        return self.order_by(F("date").asc(nulls_last=True), "id")

    def citing(self, resolution):
        from .resolutions import Citation

        return self.filter(
            Exists(
                Citation.objects.visible().filter(statement=OuterRef("pk"), resolution=resolution)
            )
        )

    def mentioning(self, person):
        from .people import Mention

        return self.filter(
            Exists(Mention.objects.visible().filter(statement=OuterRef("pk"), person=person))
        )

    def with_people(self):
        from .people import Mention

        return self.prefetch_related(
            models.Prefetch(
                "mentions",
                queryset=Mention.objects.visible()
                .select_related("person")
                .order_by("paragraph", "id"),
                to_attr="visible_mentions",
            )
        )


class StatementManager(models.Manager.from_queryset(StatementQuerySet)):
    def get_queryset(self):
        # The stored tsvectors are for the database's eyes only; never ship them to Python.
        return super().get_queryset().defer("search_document", "search_pairs")


class Statement(Versioned):
    statement_field = "pk"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class DateSource(models.TextChoices):
        HEADER = "header", "Given in the header"
        TEXT = "text", "Found in the text"
        EDITOR = "editor", "Set by an editor"
        NONE = "", "Undated"

    title = models.CharField(max_length=300)
    title_derived = models.BooleanField(
        default=False,
        help_text="The release had no title; this one was taken from its first sentence.",
    )
    # Permalinks are found by id; the slug is only compared, so it needs no index.
    slug = models.SlugField(max_length=100, allow_unicode=False, db_index=False)
    date = models.DateField(null=True, blank=True, db_index=True)
    date_source = models.CharField(max_length=8, choices=DateSource.choices, blank=True, default="")
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    body = models.TextField()
    source_name = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_file = models.CharField(
        max_length=300, blank=True, help_text="The file (and line) this statement was loaded from."
    )
    content_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # What the search engines index (archive.search.document), kept current on every save.
    search_title = NormalisedTextField(source="title")
    search_body = NormalisedTextField(source="body")
    search_document = models.GeneratedField(
        expression=SearchDocument("search_title", "search_body"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_pairs = models.GeneratedField(
        expression=WordPairs("search_title", "search_body"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = StatementManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_url"], condition=~Q(source_url=""), name="unique_source_url"
            )
        ]
        # (status, date) serves every public list; a plain index on the hash serves the loader's
        # matching (db_index=True would add a LIKE-pattern twin on PostgreSQL that nothing uses).
        indexes = [
            models.Index(fields=["status", "date"], name="statement_status_date"),
            models.Index(fields=["content_hash"], name="statement_content_hash"),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})" if self.date else self.title

    def save(self, *args, **kwargs):
        self.content_hash = body_hash(self.body)
        if not self.slug:
            self.slug = make_slug(self.title)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        """Also the loader's rules (archive/validation.py), so that every model form, the
        admin's included, refuses what the loader refuses."""
        from archive.validation import statement_field_problems

        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        problems = statement_field_problems(
            title=self.title or "",
            body=self.body or "",
            source_name=self.source_name or "",
            source_url=self.source_url or "",
            date=self.date if isinstance(self.date, datetime.date) else None,
        )
        for name, messages in problems.items():
            if name not in errors and name not in (exclude or ()):
                errors[name] = [message[0].upper() + message[1:] + "." for message in messages]
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("archive:statement-detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def paragraphs(self) -> list[str]:
        """The body's non-empty lines; paragraph n (1-based) has the anchor `#p<n>`."""
        return [line.strip() for line in self.body.splitlines() if line.strip()]
