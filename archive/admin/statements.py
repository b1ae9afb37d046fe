"""Statements: paste a release (only its body is needed), review it, publish or withdraw it.

The change form holds the statement's own fields; its facts are reviewed on the review page
(`review.py`), which the add and change forms lead to. Saving a changed text extracts its facts
again (the ones an editor reviewed stay) and, when the statement is published, adds a dated
correction note to its public page.
"""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive import editing
from archive.models import Statement
from archive.models.history import WITHDRAWN
from archive.search.api import matching

from .review import review_view


class StatementForm(forms.ModelForm):
    """Only the body is required: the title, slug and source are derived as the loader derives
    them, and the date is taken from the text when it gives one; each stays editable."""

    correction_note = forms.CharField(
        required=False,
        max_length=500,
        label="Correction note",
        help_text="Shown with today's date on the public page when you change the text of a "
        "published statement (say what was corrected).",
        widget=forms.TextInput(attrs={"size": 80}),
    )

    class Meta:
        model = Statement
        fields = [
            "body",
            "title",
            "slug",
            "date",
            "status",
            "language",
            "source_name",
            "source_url",
        ]
        help_texts = {
            "title": "Leave empty to take the first sentence of the text.",
            "slug": "Leave empty to make it from the title.",
            "date": "Leave empty to take the date the text gives, if any.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["slug"].required = False
        self.fields["body"].widget.attrs.update(rows=18, cols=80)

    def clean(self):
        data = super().clean()
        body = data.get("body") or ""
        if body and not data.get("title"):
            derived = editing.derived_fields(body)
            data["title"] = derived["title"]
            self.instance.title_derived = True
            if not data.get("source_name"):
                data["source_name"] = derived["source_name"]
        elif "title" in self.changed_data:
            self.instance.title_derived = False
        if data.get("title") and not data.get("slug"):
            data["slug"] = editing.make_slug(data["title"])
        problems = editing.check_release_fields(body=body)
        if problems:
            raise forms.ValidationError(problems)
        return data


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    form = StatementForm
    list_display = ["title", "date", "status_label", "language", "review_link"]
    list_filter = ["status", "language", "date_source", "meeting__kind"]
    search_fields = ["title", "body", "source_url"]
    date_hierarchy = "date"
    readonly_fields = ["source_file", "created", "updated"]
    actions = ["publish", "withdraw"]
    fieldsets = [
        (None, {"fields": ["body"]}),
        ("Derived from the text (editable)", {"fields": ["title", "slug", "date"]}),
        ("Publication", {"fields": ["status", "language", "source_name", "source_url"]}),
        ("Correction", {"fields": ["correction_note"]}),
        ("Record", {"fields": readonly_fields, "classes": ["collapse"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = self.fieldsets
        if obj is None or obj.status != Statement.Status.PUBLISHED:
            fieldsets = [f for f in fieldsets if f[0] not in {"Correction", "Record"}]
        return fieldsets

    def get_changeform_initial_data(self, request):
        # A pasted release starts as a draft: the editor reviews its facts, then publishes.
        return {"status": Statement.Status.DRAFT, **super().get_changeform_initial_data(request)}

    def get_urls(self):
        review = self.admin_site.admin_view(
            lambda request, object_id: review_view(self, request, object_id)
        )
        return [
            path("<path:object_id>/review/", review, name="archive_statement_review"),
            *super().get_urls(),
        ]

    def get_search_results(self, request, queryset, search_term):
        """The archive's own full-text search (same syntax as the public site)."""
        if not search_term.strip():
            return queryset, False
        return matching(queryset, search_term), False

    @admin.display(description="Status", ordering="status")
    def status_label(self, statement):
        return format_html(
            '<span class="status-badge status-{}">{}</span>',
            statement.status,
            statement.get_status_display(),
        )

    @admin.display(description="Facts")
    def review_link(self, statement):
        url = reverse("admin:archive_statement_review", args=[statement.pk])
        return format_html(
            '<a href="{}">Review<span class="visually-hidden"> {}</span></a>', url, statement.title
        )

    def save_model(self, request, obj, form, change):
        if "date" in form.changed_data:
            obj.date_source = Statement.DateSource.EDITOR if obj.date else ""
        text_changed = change and "body" in form.changed_data
        was_published = (
            change
            and Statement.objects.filter(pk=obj.pk, status=Statement.Status.PUBLISHED).exists()
        )
        if change and "status" in form.changed_data:
            published = obj.status == Statement.Status.PUBLISHED
            obj._change_reason = "published" if published else WITHDRAWN  # read by the 404 page
        super().save_model(request, obj, form, change)
        if text_changed and was_published:
            editing.note_correction(obj, form.cleaned_data.get("correction_note", ""))
        if not change or text_changed:
            editing.extract_again(obj)
        elif "status" in form.changed_data:
            editing.rebuild_memberships(obj.mentions.values_list("person_id", flat=True))

    def _to_review(self, request, obj):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return None
        return HttpResponseRedirect(reverse("admin:archive_statement_review", args=[obj.pk]))

    def response_add(self, request, obj, post_url_continue=None):
        return self._to_review(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._to_review(request, obj) or super().response_change(request, obj)

    @admin.action(description="Publish the selected statements", permissions=["change"])
    def publish(self, request, queryset):
        count = editing.publish(queryset)
        self.message_user(request, f"{count} statement(s) published.", messages.SUCCESS)

    @admin.action(description="Withdraw the selected statements to draft", permissions=["change"])
    def withdraw(self, request, queryset):
        count = editing.withdraw(queryset)
        self.message_user(request, f"{count} statement(s) withdrawn to draft.", messages.SUCCESS)
