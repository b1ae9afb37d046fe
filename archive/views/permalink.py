"""A statement's permalink page: its text by paragraph and the facts found in it."""

import datetime

from django.shortcuts import get_object_or_404, redirect, render

from archive.models import Mention, Review, Statement
from archive.search import api as search

from .params import clean_params


def statement_detail(request, pk, slug=None):
    statement = get_object_or_404(
        Statement.objects.published().select_related("meeting__place"), pk=pk
    )
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
    return render(
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
        },
    )
