"""The editors' admin: review what the extractor found in each statement, correct it, merge people.

Saving a statement (added or edited) runs the extraction for it; only rows still marked "extracted"
are replaced. An inline row an editor changes is marked "confirmed", so a correction is never undone
by the next reload; setting a row to "removed" keeps it out for good.
"""

from django.contrib import admin, messages
from django.db import transaction

from .cache import corpus_changed
from .loader.extract import extract
from .loader.gazetteer import Gazetteer
from .loader.store import EntityStore, merge_people
from .models import (
    Citation,
    Meeting,
    Membership,
    Mention,
    MergeSuggestion,
    Organization,
    OrganizationAlias,
    OrganizationMention,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    PlaceMention,
    Resolution,
    Review,
    Statement,
)
from .search.api import matching


class ReviewedInline(admin.TabularInline):
    """An inline of extracted facts: editing a row confirms it."""

    extra = 0
    show_change_link = False


class MeetingInline(admin.StackedInline):
    model = Meeting
    extra = 0
    max_num = 1
    autocomplete_fields = ["place"]
    fields = [("kind", "format", "number"), ("date_as_written", "date", "place"), "review"]


class MentionInline(ReviewedInline):
    model = Mention
    autocomplete_fields = ["person", "organization"]
    fields = [
        "person",
        "name_as_written",
        "role",
        "organization",
        "side",
        "spoke",
        "paragraph",
        "review",
    ]


class CitationInline(ReviewedInline):
    model = Citation
    autocomplete_fields = ["resolution"]
    fields = ["resolution", "as_written", "paragraph", "review"]


class OrganizationMentionInline(ReviewedInline):
    model = OrganizationMention
    autocomplete_fields = ["organization"]
    fields = ["organization", "as_written", "paragraph", "review"]


class PlaceMentionInline(ReviewedInline):
    model = PlaceMention
    autocomplete_fields = ["place"]
    fields = ["place", "as_written", "paragraph", "review"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "status", "language", "source_name"]
    list_filter = ["status", "language", "date_source", "meeting__kind"]
    search_fields = ["title", "body", "source_url"]
    date_hierarchy = "date"
    readonly_fields = ["content_hash", "created", "updated", "source_file"]
    exclude = ["search_document"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish", "unpublish"]
    inlines = [
        MeetingInline,
        MentionInline,
        CitationInline,
        OrganizationMentionInline,
        PlaceMentionInline,
    ]

    def get_changeform_initial_data(self, request):
        # A pasted release starts as a draft: the editor checks the extraction, then publishes.
        return {"status": Statement.Status.DRAFT, **super().get_changeform_initial_data(request)}

    def get_search_results(self, request, queryset, search_term):
        """The archive's own full-text search (same syntax as the public site)."""
        if not search_term.strip():
            return queryset, False
        return matching(queryset, search_term), False

    @admin.action(description="Publish the selected statements")
    def publish(self, request, queryset):
        count = queryset.update(status=Statement.Status.PUBLISHED)
        corpus_changed()
        self.message_user(request, f"{count} statement(s) published.", messages.SUCCESS)

    @admin.action(description="Withdraw the selected statements to draft")
    def unpublish(self, request, queryset):
        count = queryset.update(status=Statement.Status.DRAFT)
        corpus_changed()
        self.message_user(request, f"{count} statement(s) withdrawn to draft.", messages.SUCCESS)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if getattr(instance, "review", None) == Review.EXTRACTED:
                instance.review = Review.CONFIRMED  # the editor wrote or corrected it
            instance.save()
        for obj in formset.deleted_objects:
            if hasattr(obj, "review"):
                # Deleting an extracted fact would let the next extraction bring it back:
                # keep it, marked removed, so the editor's decision sticks.
                obj.review = Review.REMOVED
                obj.save(update_fields=["review"])
            else:
                obj.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        statement = form.instance
        extraction = extract(
            statement.body, release_date=statement.date, gazetteer=Gazetteer.from_database()
        )
        with transaction.atomic():
            if statement.date is None and extraction.release_date:
                statement.date, statement.date_source = (
                    extraction.release_date,
                    Statement.DateSource.TEXT,
                )
                statement.save(update_fields=["date", "date_source"])
            EntityStore().save(statement=statement, extraction=extraction)
        corpus_changed()  # the archive-wide counts may have changed with this statement


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ["name", "review"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]
    raw_id_fields = ["first_statement", "last_statement"]
    fields = [
        "role",
        "organization",
        "first_seen",
        "last_seen",
        "first_statement",
        "last_statement",
    ]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "spellings", "slug"]
    search_fields = ["name", "aliases__name"]
    inlines = [PersonAliasInline, MembershipInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="Spellings")
    def spellings(self, person):
        return ", ".join(a.name for a in person.aliases.all() if a.name != person.name)

    @admin.action(description="Merge the selected people into the first one (oldest)")
    def merge_selected(self, request, queryset):
        people = list(queryset.order_by("pk"))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.WARNING)
            return
        with transaction.atomic():
            for other in people[1:]:
                merge_people(keep=people[0], merge=other)
        self.message_user(request, f"Merged {len(people) - 1} into {people[0]}.", messages.SUCCESS)


@admin.register(MergeSuggestion)
class MergeSuggestionAdmin(admin.ModelAdmin):
    list_display = ["person", "candidate", "score", "reason", "status", "created"]
    list_filter = ["status"]
    search_fields = ["person__name", "candidate__name"]
    autocomplete_fields = ["person", "candidate"]
    actions = ["merge", "reject"]

    @admin.action(description="Merge: they are one person (the candidate is kept)")
    def merge(self, request, queryset):
        done = 0
        with transaction.atomic():
            for suggestion in queryset.filter(status=MergeSuggestion.Status.OPEN).select_related(
                "person", "candidate"
            ):
                if Person.objects.filter(pk=suggestion.person_id).exists():
                    merge_people(keep=suggestion.candidate, merge=suggestion.person)
                    done += 1
        self.message_user(request, f"Merged {done} suggested pair(s).", messages.SUCCESS)

    @admin.action(description="Reject: not the same person")
    def reject(self, request, queryset):
        count = queryset.update(status=MergeSuggestion.Status.REJECTED)
        self.message_user(request, f"Rejected {count} suggestion(s).", messages.SUCCESS)


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 0
    fields = ["name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "abbreviation", "aliases__name"]
    autocomplete_fields = ["parent"]
    inlines = [OrganizationAliasInline]


class PlaceAliasInline(admin.TabularInline):
    model = PlaceAlias
    extra = 0
    fields = ["name"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["parent"]
    inlines = [PlaceAliasInline]


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["label", "symbol", "adopted", "title", "verified"]
    list_filter = ["body", "verified"]
    search_fields = ["number", "symbol", "title"]
    prepopulated_fields = {"slug": ["body", "number"]}


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["person", "statement", "role", "organization", "side", "spoke", "review"]
    list_filter = ["side", "spoke", "review"]
    search_fields = ["person__name", "name_as_written", "role"]
    autocomplete_fields = ["person", "organization"]
    raw_id_fields = ["statement"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["resolution", "statement", "as_written", "review"]
    list_filter = ["review", "resolution__body"]
    search_fields = ["as_written", "resolution__number"]
    autocomplete_fields = ["resolution"]
    raw_id_fields = ["statement"]


@admin.register(OrganizationMention)
class OrganizationMentionAdmin(admin.ModelAdmin):
    list_display = ["organization", "statement", "as_written", "review"]
    list_filter = ["review"]
    search_fields = ["as_written", "organization__name"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["statement"]


@admin.register(PlaceMention)
class PlaceMentionAdmin(admin.ModelAdmin):
    list_display = ["place", "statement", "as_written", "review"]
    list_filter = ["review", "place__kind"]
    search_fields = ["as_written", "place__name"]
    autocomplete_fields = ["place"]
    raw_id_fields = ["statement"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "statement",
        "kind",
        "format",
        "number",
        "date_as_written",
        "date",
        "place",
        "review",
    ]
    list_filter = ["kind", "format", "review"]
    search_fields = ["statement__title", "date_as_written"]
    autocomplete_fields = ["place"]
    raw_id_fields = ["statement"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "organization", "first_seen", "last_seen"]
    list_filter = ["organization__kind"]
    search_fields = ["person__name", "role", "organization__name"]
    autocomplete_fields = ["person", "organization"]
    raw_id_fields = ["first_statement", "last_statement"]


@admin.register(PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "review"]
    list_filter = ["review"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "organization"]
    search_fields = ["name", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(PlaceAlias)
class PlaceAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "place"]
    search_fields = ["name", "place__name"]
    autocomplete_fields = ["place"]
