"""People, organizations, places and resolutions, and merging two or more into one.

A merge asks which one survives: every alias, mention and membership moves to it, and the
others' old URLs answer 301 to its page.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from archive import editing
from archive.kinds import ENTITY_KINDS
from archive.models import Demonym, Membership, Organization, Person, Place, Resolution
from archive.models.review import Reviewed


@admin.action(description="Merge the selected into one…", permissions=["change"])
def merge_selected(modeladmin, request, queryset):
    """First a page to choose the survivor; its form posts back here with `survivor` set."""
    chosen = list(queryset.order_by("name"))
    if len(chosen) < 2:
        modeladmin.message_user(request, "Select at least two to merge.", messages.WARNING)
        return None
    survivor = next((o for o in chosen if str(o.pk) == request.POST.get("survivor")), None)
    if survivor is None:
        opts = modeladmin.model._meta
        return TemplateResponse(
            request,
            "admin/archive/merge_choose.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": f"Merge {len(chosen)} {opts.verbose_name_plural}",
                "opts": opts,
                "chosen": chosen,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )
    merged = editing.merge(survivor, [o for o in chosen if o.pk != survivor.pk])
    modeladmin.message_user(
        request,
        f"Merged {merged} into {survivor}; their old pages now lead to its page.",
        messages.SUCCESS,
    )
    return None


def spellings_inline(kind) -> type[admin.StackedInline]:
    """An entity's other names (archive.kinds: `aliases`), edited on its page; a person's with
    their review."""

    class SpellingsInline(admin.StackedInline):
        model = kind.aliases
        extra = 0
        fields = ["name", "review"] if issubclass(kind.aliases, Reviewed) else ["name"]

    return SpellingsInline


# Each entity's inline of its other names, by entity model: first on its page.
SPELLINGS = {kind.entity: spellings_inline(kind) for kind in ENTITY_KINDS if kind.aliases}


class MembershipInline(admin.StackedInline):
    """Derived from the published statements (read only): correct the mentions instead."""

    model = Membership
    extra = 0
    fields = ["role", "organization", "first_seen", "last_seen"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "spellings", "slug"]
    search_fields = ["name", "aliases__name"]
    inlines = [SPELLINGS[Person], MembershipInline]
    actions = [merge_selected]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="Spellings")
    def spellings(self, person):
        return ", ".join(a.name for a in person.aliases.all() if a.name != person.name)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "parent", "verified"]
    list_filter = ["kind", "verified"]
    search_fields = ["name", "abbreviation", "aliases__name"]
    autocomplete_fields = ["parent"]
    inlines = [SPELLINGS[Organization]]
    actions = [merge_selected]


class DemonymInline(admin.TabularInline):
    """The adjectives that name a country in a title ("the French envoy")."""

    model = Demonym
    extra = 0
    fields = ["name"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "needs_context", "verified"]
    list_filter = ["kind", "verified", "needs_context"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["parent"]
    inlines = [SPELLINGS[Place], DemonymInline]
    actions = [merge_selected]


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["label", "symbol", "adopted", "title", "verified"]
    list_filter = ["body", "verified"]
    search_fields = ["number", "symbol", "title"]
    prepopulated_fields = {"slug": ["body", "number"]}
