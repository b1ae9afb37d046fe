"""The extracted fact tables, one per kind, reached from the review page and from links.

They are kept out of the sidebar: an editor reviews facts one statement at a time on the review
page, where each is shown beside the text it was found in.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from archive.kinds import BY_NAME, ENTITY_KINDS, STORED_KINDS
from archive.models import Membership
from archive.models.review import Reviewed


class OutOfSidebar:
    """Registered (for links, searches and history) but not listed in the sidebar."""

    def has_module_permission(self, request):
        return False


def named_fact_admin(kind) -> type[admin.ModelAdmin]:
    """The admin of a kind's facts that name an entity as the text wrote it (an organization
    named, a place, a resolution cited): each row's entity, statement, words and review."""

    class NamedFactAdmin(OutOfSidebar, SimpleHistoryAdmin):
        list_display = [kind.column, "statement", "as_written", "review"]
        list_filter = ["review"]
        search_fields = ["as_written", f"{kind.column}__name"]
        autocomplete_fields = [kind.column]
        raw_id_fields = ["statement"]

    return NamedFactAdmin


class MentionAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["person", "statement", "role", "organization", "side", "spoke", "review"]
    list_filter = ["side", "spoke", "review"]
    search_fields = ["person__name", "name_as_written", "role"]
    autocomplete_fields = ["person", "organization"]
    raw_id_fields = ["statement"]


class CitationAdmin(named_fact_admin(BY_NAME["resolution"])):
    list_filter = ["review", "resolution__body"]
    search_fields = ["as_written", "resolution__number"]


class PlaceMentionAdmin(named_fact_admin(BY_NAME["place"])):
    list_filter = ["review", "place__kind"]


class MeetingAdmin(OutOfSidebar, SimpleHistoryAdmin):
    list_display = ["statement", "kind", "format", "number", "date", "place", "review"]
    list_filter = ["kind", "format", "review"]
    search_fields = ["statement__title", "date_as_written"]
    autocomplete_fields = ["place"]
    raw_id_fields = ["statement"]


# The admins of the fact tables (archive.kinds) that show more than `named_fact_admin` does.
FACT_ADMINS = {
    "person": MentionAdmin,
    "resolution": CitationAdmin,
    "place": PlaceMentionAdmin,
    "kind": MeetingAdmin,
}
for _kind in STORED_KINDS:
    admin.site.register(_kind.model, FACT_ADMINS.get(_kind.name) or named_fact_admin(_kind))


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


def spellings_admin(kind) -> type[admin.ModelAdmin]:
    """The admin of an entity's other names (archive.kinds: `aliases`); a person's are reviewed
    (an editor removes a wrong spelling) and keep their history."""
    reviewed = issubclass(kind.aliases, Reviewed)

    class SpellingsAdmin(OutOfSidebar, SimpleHistoryAdmin if reviewed else admin.ModelAdmin):
        list_display = ["name", kind.column, *(["review"] if reviewed else [])]
        list_filter = ["review"] if reviewed else []
        search_fields = ["name", f"{kind.column}__name"]
        autocomplete_fields = [kind.column]

    return SpellingsAdmin


for _kind in ENTITY_KINDS:
    if _kind.aliases:
        admin.site.register(_kind.aliases, spellings_admin(_kind))
