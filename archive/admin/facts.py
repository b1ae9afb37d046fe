"""The extracted fact tables, one per kind, reached from the review page and from links.

They are kept out of the sidebar: an editor reviews facts one statement at a time on the review
page, where each is shown beside the text it was found in.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from archive.models import (
    Citation,
    Meeting,
    Membership,
    Mention,
    OrganizationAlias,
    OrganizationMention,
    PersonAlias,
    PlaceAlias,
    PlaceMention,
)


class OutOfSidebar:
    """Registered (for links, searches and history) but not listed in the sidebar."""

    def has_module_permission(self, request):
        return False


@admin.register(Mention)
class MentionAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["person", "statement", "role", "organization", "side", "spoke", "review"]
    list_filter = ["side", "spoke", "review"]
    search_fields = ["person__name", "name_as_written", "role"]
    autocomplete_fields = ["person", "organization"]
    raw_id_fields = ["statement"]


@admin.register(Citation)
class CitationAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["resolution", "statement", "as_written", "review"]
    list_filter = ["review", "resolution__body"]
    search_fields = ["as_written", "resolution__number"]
    autocomplete_fields = ["resolution"]
    raw_id_fields = ["statement"]


@admin.register(OrganizationMention)
class OrganizationMentionAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["organization", "statement", "as_written", "review"]
    list_filter = ["review"]
    search_fields = ["as_written", "organization__name"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["statement"]


@admin.register(PlaceMention)
class PlaceMentionAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["place", "statement", "as_written", "review"]
    list_filter = ["review", "place__kind"]
    search_fields = ["as_written", "place__name"]
    autocomplete_fields = ["place"]
    raw_id_fields = ["statement"]


@admin.register(Meeting)
class MeetingAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["statement", "kind", "format", "number", "date", "place", "review"]
    list_filter = ["kind", "format", "review"]
    search_fields = ["statement__title", "date_as_written"]
    autocomplete_fields = ["place"]
    raw_id_fields = ["statement"]


@admin.register(Membership)
class MembershipAdmin(OutOfSidebar, admin.ModelAdmin):
    """Roles over time are derived from the published statements' mentions: read only here
    (correct a mention on its statement's review page to change them)."""

    list_display = ["person", "role", "organization", "first_seen", "last_seen"]
    list_filter = ["organization__kind"]
    search_fields = ["person__name", "role", "organization__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonAlias)
class PersonAliasAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["name", "person", "review"]
    list_filter = ["review"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(OutOfSidebar, admin.ModelAdmin):
    list_display = ["name", "organization"]
    search_fields = ["name", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(PlaceAlias)
class PlaceAliasAdmin(OutOfSidebar, admin.ModelAdmin):
    list_display = ["name", "place"]
    search_fields = ["name", "place__name"]
    autocomplete_fields = ["place"]
