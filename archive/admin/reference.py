"""The extractor's reference data that editors extend: known people with their posts over the
years, and the adjectives that name a country ("French", "Emirati")."""

from django.contrib import admin

from archive.models import KnownPerson, KnownPersonName, Post


class KnownPersonNameInline(admin.TabularInline):
    model = KnownPersonName
    extra = 0
    fields = ["name"]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    fields = ["role", "organization", "start", "end", "source", "verified"]
    autocomplete_fields = ["organization"]


@admin.register(KnownPerson)
class KnownPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "verified", "source"]
    list_filter = ["verified"]
    search_fields = ["name", "names__name", "posts__role"]
    inlines = [KnownPersonNameInline, PostInline]
