"""The queue of people the extractor thinks may be one: merge, "different people", or dismiss.

Every answer is remembered: an answered pair is never suggested again.
"""

from django.contrib import admin, messages

from archive import editing
from archive.models import MergeSuggestion, Person


@admin.register(MergeSuggestion)
class MergeSuggestionAdmin(admin.ModelAdmin):
    list_display = ["person", "candidate", "score", "reason", "status", "created"]
    list_filter = ["status"]
    search_fields = ["person__name", "candidate__name"]
    list_select_related = ["person", "candidate"]
    actions = ["accept", "different_people", "dismiss"]

    def has_add_permission(self, request):
        return False  # suggestions come from the extractor; editors merge people directly

    @admin.action(description="Accept: they are one person (merge into the candidate)")
    def accept(self, request, queryset):
        done = 0
        for suggestion in queryset.filter(status=MergeSuggestion.Status.OPEN).select_related(
            "person", "candidate"
        ):
            if Person.objects.filter(pk=suggestion.person_id).exists():
                editing.accept_suggestion(suggestion)
                done += 1
        self.message_user(request, f"Merged {done} suggested pair(s).", messages.SUCCESS)

    @admin.action(description="Different people (never suggest again)")
    def different_people(self, request, queryset):
        for suggestion in queryset:
            editing.answer_suggestion(suggestion, MergeSuggestion.Status.REJECTED)
        self.message_user(request, f"{queryset.count()} pair(s) marked as different people.")

    @admin.action(description="Dismiss: a wrong suggestion (never suggest again)")
    def dismiss(self, request, queryset):
        for suggestion in queryset:
            editing.answer_suggestion(suggestion, MergeSuggestion.Status.DISMISSED)
        self.message_user(request, f"{queryset.count()} suggestion(s) dismissed.")
