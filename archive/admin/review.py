"""The review page: one statement's text with each extracted fact marked where it was found, and
beside it the facts grouped as the public page groups them, each to confirm, correct or remove.

Every action posts back to the page and goes through `archive.editing`, which updates what the
public pages derive from the facts in the same transaction.
"""

import datetime
import re
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from archive import editing
from archive.kinds import AS_WRITTEN_KINDS, ENTITY_KINDS
from archive.models import Meeting, Mention, Review, Statement
from archive.naming import name_of


@dataclass
class Fact:
    """One extracted fact as the review page shows it."""

    key: str  # "mention-12": the fact's id on the page and in the forms
    kind: str
    obj: object
    label: str
    detail: str
    phrase: str  # the words to find in its paragraph
    anchor: str = ""  # the id of its mark in the text, once found there

    @property
    def review(self) -> str:
        return self.obj.review

    @property
    def paragraph(self) -> int:
        return getattr(self.obj, "paragraph", 0)

    @property
    def target(self) -> str:
        """What the fact names: "organization", "place" or "resolution" (none for a person)."""
        return NAMED_TARGETS.get(self.kind, "")

    @property
    def target_name(self) -> str:
        """How the correction form names the fact's organization, place or resolution."""
        target = getattr(self.obj, self.target, None) if self.target else None
        return name_of(target) if target else ""

    @property
    def removed(self) -> bool:
        return self.obj.review == Review.REMOVED


# The entity each kind of fact names (archive.kinds: `AS_WRITTEN_KINDS`), whose list the
# correction and add forms offer.
NAMED_TARGETS = {kind.review_prefix: kind.name for kind in AS_WRITTEN_KINDS}


def mark_facts(text: str, facts: list[Fact]) -> SafeString:
    """The paragraph as HTML with each fact's words wrapped in a <mark>; each fact found gets the
    `anchor` of its mark (facts with the same words share one).

    Every piece of the text is escaped before the marks are put around it, so the result is safe
    whatever the release contains. Longer phrases are placed first, so "Hadi al-Bahra" wins over
    "Al-Bahra" where both are facts; a phrase is marked once, where it first appears unmarked.
    """
    spans: list[tuple[int, int, Fact]] = []
    for fact in sorted(facts, key=lambda f: -len(f.phrase)):
        if not fact.phrase.strip():
            continue
        for match in re.finditer(re.escape(fact.phrase), text, flags=re.IGNORECASE):
            start, end = match.span()
            same = next((f for s, e, f in spans if (s, e) == (start, end)), None)
            if same is not None:
                fact.anchor = same.anchor
                break
            if all(end <= s or start >= e for s, e, _ in spans):
                fact.anchor = f"at-{fact.key}"
                spans.append((start, end, fact))
                break
    pieces, position = [], 0
    for start, end, fact in sorted(spans, key=lambda span: span[0]):
        pieces.append(conditional_escape(text[position:start]))
        pieces.append(
            format_html(
                '<mark class="fact-mark fact-{}" id="at-{}" data-fact="{}">{}</mark>',
                fact.kind,
                fact.key,
                fact.key,
                text[start:end],
            )
        )
        position = end
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


def facts_of(statement: Statement) -> dict[str, list[Fact]]:
    """The statement's facts, removed ones included, by group of the public page."""
    groups: dict[str, list[Fact]] = {side: [] for side in Mention.Side.values}
    for mention in statement.mentions.select_related("person", "organization"):
        where = ", ".join(
            x for x in (mention.role, mention.organization and str(mention.organization)) if x
        )
        groups[mention.side].append(
            Fact(
                key=f"mention-{mention.pk}",
                kind="mention",
                obj=mention,
                label=mention.person.name,
                detail=(where or "no role") + (" · speaks" if mention.spoke else ""),
                phrase=mention.name_as_written,
            )
        )
    for kind in AS_WRITTEN_KINDS:
        facts = getattr(statement, kind.facts_relation).select_related(kind.column)
        groups[f"{kind.review_prefix}s"] = [_named_fact(kind, fact) for fact in facts]
    return groups


def _named_fact(kind, fact) -> Fact:
    """A fact of a kind that only names an entity, labelled as the public page shows it."""
    target = getattr(fact, kind.column)
    key = kind.review_prefix
    written = _as_written(fact, name_of(target))
    return Fact(f"{key}-{fact.pk}", key, fact, str(target), written, fact.as_written)


def _as_written(fact, name: str) -> str:
    return f"as “{fact.as_written}”" if fact.as_written != name else ""


GROUP_TITLES = {
    Mention.Side.SOC: "Coalition delegation",
    Mention.Side.COUNTERPART: "Counterparts",
    Mention.Side.MENTIONED: "Mentioned",
    **{f"{kind.review_prefix}s": kind.facts_title for kind in AS_WRITTEN_KINDS},
}


def review_view(model_admin, request, object_id):
    """GET shows the page; POST carries out one editor action and comes back to it."""
    statement = get_object_or_404(Statement.objects.select_related("meeting__place"), pk=object_id)
    if not model_admin.has_change_permission(request, statement):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            anchor = _act(request, statement)
        except editing.EditorError as problem:
            error = {"form": request.POST.get("fact", ""), "message": " ".join(problem.messages)}
        else:
            url = reverse("admin:archive_statement_review", args=[statement.pk])
            return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)
        statement.refresh_from_db()

    groups = facts_of(statement)
    meeting = Meeting.objects.select_related("place").filter(statement=statement).first()
    everything = [fact for facts in groups.values() for fact in facts]
    paragraphs = [
        (
            number,
            mark_facts(text, [f for f in everything if f.paragraph == number and not f.removed]),
        )
        for number, text in enumerate(statement.paragraphs, start=1)
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Review",
        "subtitle": statement.title,
        "opts": Statement._meta,
        "statement": statement,
        "is_draft": statement.status == Statement.Status.DRAFT,
        "paragraphs": paragraphs,
        "paragraph_count": len(paragraphs),
        "groups": [(key, GROUP_TITLES[key], groups[key]) for key in GROUP_TITLES],
        "meeting": meeting,
        "meeting_key": f"meeting-{meeting.pk}" if meeting else "",
        "meeting_detail": _meeting_detail(meeting) if meeting else "",
        "sides": Mention.Side.choices,
        "meeting_kinds": Meeting.Kind.choices,
        "meeting_formats": Meeting.Format.choices,
        "named_kinds": [(kind, _names(kind.entity)) for kind in AS_WRITTEN_KINDS],
        "error": error,
        "posted": request.POST if error else {},
        "unreviewed": sum(
            1 for f in [*everything, *filter(None, [meeting])] if f.review == Review.EXTRACTED
        ),
        "is_nav_sidebar_enabled": False,  # the text and its facts need the width
    }
    return TemplateResponse(
        request, "admin/archive/statement/review.html", context, status=400 if error else 200
    )


def _act(request, statement: Statement) -> str:
    """Carry out the posted action; returns the page anchor to come back to."""
    action, key, post = request.POST.get("action"), request.POST.get("fact", ""), request.POST
    if action in {"confirm", "remove", "restore"}:
        fact = editing.fact_of(statement, key)
        review = Review.REMOVED if action == "remove" else Review.CONFIRMED
        editing.set_review(fact, review)
        verb = {"confirm": "Confirmed", "remove": "Removed", "restore": "Restored"}[action]
        messages.success(request, f"{verb}: {_name_of(fact)}.")
        return f"fact-{key}"
    if action == "correct":
        fact = editing.fact_of(statement, key)
        if isinstance(fact, Mention):
            editing.correct_mention(fact, **_person_fields(post))
        else:
            editing.correct_named_fact(
                fact, name=post.get("name", ""), paragraph=post.get("paragraph")
            )
        messages.success(request, f"Corrected and confirmed: {_name_of(fact)}.")
        return f"fact-{key}"
    if action == "add-person":
        mention = editing.add_mention(statement, **_person_fields(post))
        messages.success(request, f"Added {mention.person.name}.")
        return f"fact-mention-{mention.pk}"
    if action.removeprefix("add-") in editing.NAMED_KINDS:
        kind = action.removeprefix("add-")
        fact = editing.add_named_fact(
            statement, kind, name=post.get("name", ""), paragraph=post.get("paragraph")
        )
        messages.success(request, f"Added {_name_of(fact)}.")
        return f"fact-{kind}-{fact.pk}"
    if action == "correct-meeting":
        meeting = editing.fact_of(statement, key)
        if not isinstance(meeting, Meeting):
            raise editing.EditorError("Only the event is corrected this way.")
        editing.correct_meeting(meeting, **_event_fields(post))
        messages.success(request, "Corrected and confirmed the event.")
        return "event"
    if action == "add-meeting":
        editing.add_meeting(statement, **_event_fields(post))
        messages.success(request, "Added the event.")
        return "event"
    if action == "publish":
        editing.publish([statement])
        messages.success(request, "Published: the statement is on every public page now.")
        return ""
    if action == "withdraw":
        editing.withdraw([statement])
        messages.success(request, "Withdrawn to draft: no public page shows it any longer.")
        return ""
    if action == "extract":
        editing.extract_again(statement)
        messages.success(request, "Extracted again; every reviewed fact was kept.")
        return ""
    raise editing.EditorError("Unknown action.")


def _names(entity) -> list[str]:
    """Every entity of the model as the forms' lists offer them, in order of name."""
    if any(field.name == "name" for field in entity._meta.fields):
        return list(entity.objects.values_list("name", flat=True).order_by("name"))
    return [name_of(each) for each in entity.objects.all()]


def _person_fields(post) -> dict:
    return {
        "name": post.get("name", ""),
        "role": post.get("role", ""),
        "organization": post.get("organization", ""),
        "side": post.get("side", ""),
        "spoke": post.get("spoke") == "on",
        "paragraph": post.get("paragraph"),
    }


def _event_fields(post) -> dict:
    return {
        "kind": post.get("kind", ""),
        "format": post.get("format", ""),
        "date": _date(post.get("date", "")),
        "place": post.get("place", ""),
    }


def _date(text: str) -> datetime.date | None:
    if not text.strip():
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise editing.EditorError("The date is a day like 2024-12-05.") from None


def _meeting_detail(meeting: Meeting) -> str:
    parts = [
        meeting.get_format_display() if meeting.format != Meeting.Format.UNKNOWN else "",
        f"“{meeting.date_as_written}”" if meeting.date_as_written else "",
        f"{meeting.date:%-d %B %Y}" if meeting.date else "",
        str(meeting.place or ""),
    ]
    return " · ".join(part for part in parts if part)


def _name_of(fact) -> str:
    """The entity a fact names (a mention's person before their organization), else the event."""
    for field in (kind.column for kind in ENTITY_KINDS):
        if hasattr(fact, field) and getattr(fact, field) is not None:
            return str(getattr(fact, field))
    return "the event"
