"""A statement's permalink page: its text by paragraph and the facts found in it."""

import datetime

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render

from archive import editing
from archive.models import Correction, Mention, Review, Statement
from archive.search import api as search

from .params import clean_params


def can_preview(user) -> bool:
    """Editors see a draft at its permalink, as it will look once published."""
    return user.is_active and user.is_staff and user.has_perm("archive.view_statement")


def _statement_or_404(request, pk):
    """The published statement, or a draft for an editor; a withdrawn one's 404 says so."""
    statement = (
        Statement.objects.select_related("meeting__place")
        .annotate(corrected=Exists(Correction.objects.filter(statement=OuterRef("pk"))))
        .filter(pk=pk)
        .first()
    )
    if statement is None:
        raise Http404
    if statement.status != Statement.Status.PUBLISHED and not can_preview(request.user):
        if editing.was_withdrawn(statement):
            return None
        raise Http404
    return statement


def statement_detail(request, pk, slug=None):
    statement = _statement_or_404(request, pk)
    if statement is None:
        return render(request, "404.html", {"withdrawn": True}, status=404)
    if slug != statement.slug:
        url = statement.get_absolute_url()
        if request.GET:
            url = f"{url}?{request.GET.urlencode()}"
        return redirect(url, permanent=True)

    params = clean_params(request.GET)
    terms = (params.get("q") or params.get("highlight") or "").strip()
    texts = statement.paragraphs
    paragraphs = [
        (n, search.highlight_paragraph(text, terms) if terms else text)
        for n, text in enumerate(texts, start=1)
    ]
    meeting = getattr(statement, "meeting", None)
    if meeting is not None and meeting.review == Review.REMOVED:
        meeting = None
    mentions = statement.mentions.visible().select_related("person", "organization")
    sides = {side: [] for side in Mention.Side.values}
    for mention in mentions:
        sides[mention.side].append(mention)
    draft = statement.status != Statement.Status.PUBLISHED
    response = render(
        request,
        "archive/statement_detail.html",
        {
            "statement": statement,
            "paragraphs": paragraphs,
            "lead": texts[0] if texts else "",
            "terms": terms,
            "meeting": meeting,
            "sides": [
                (Mention.Side(side).label, people) for side, people in sides.items() if people
            ],
            "citations": statement.citations.visible().select_related("resolution"),
            "places": statement.place_mentions.visible().select_related("place"),
            "organizations": statement.organization_mentions.visible().select_related(
                "organization"
            ),
            "canonical_url": request.build_absolute_uri(statement.get_absolute_url()),
            "accessed": datetime.date.today(),
            "draft": draft,
            "corrections": statement.corrections.all() if statement.corrected else (),
        },
    )
    if draft:  # a preview: for the editor's eyes only, never indexed or cached
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
    return response
