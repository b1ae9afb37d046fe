"""The list of meetings: who met whom, when and where."""

from django.db.models import Count, F, Prefetch
from django.shortcuts import render

from archive import cache
from archive.models import Meeting, Mention, Statement

from .params import clean_params, paginate

PER_PAGE = 20


def meeting_list(request):
    """Who met whom, when and where: one row per reported event with participants on two sides.

    Listed by the release that reports them, newest first: the order of an index, so a page
    reads twenty rows. The order of the events' own dates (often the release's, or a day or
    two before) would sort every meeting for each page: a quarter of a second at 100,000.
    """
    params = clean_params(request.GET)
    selected = [k for k in params.getlist("kind") if k in Meeting.Kind.values]
    meetings = Meeting.objects.visible().filter(statement__status=Statement.Status.PUBLISHED)
    labels = dict(Meeting.Kind.choices)
    # The same for every visitor: counted once per corpus version.
    kinds = cache.cached(
        "meeting-kinds",
        cache.corpus_version(),
        lambda: (
            [
                (row["kind"], labels.get(row["kind"], row["kind"]), row["n"])
                for row in meetings.order_by()
                .values("kind")
                .annotate(n=Count("pk"))
                .order_by("-n", "kind")
            ],
            True,
        ),
    )
    if selected:
        meetings = meetings.filter(kind__in=selected)
    participants = (
        Mention.objects.visible()
        .filter(side__in=[Mention.Side.SOC, Mention.Side.COUNTERPART])
        .select_related("person", "organization")
    )
    meetings = (
        meetings.select_related("statement", "place")
        .prefetch_related(Prefetch("statement__mentions", participants, to_attr="participants"))
        .order_by(F("statement__date").desc(nulls_last=True), "-statement_id")
    )
    page = paginate(params, meetings, PER_PAGE)
    for meeting in page:
        people = meeting.statement.participants
        meeting.statement.soc = [m for m in people if m.side == Mention.Side.SOC]
        meeting.statement.counterparts = [m for m in people if m.side == Mention.Side.COUNTERPART]
    return render(
        request,
        "archive/meeting_list.html",
        {
            "page": page,
            "params": params,
            "kinds": kinds,
            "selected_kinds": selected,
        },
    )
