"""A statement with every kind of fact, and one full of hostile text, for the output tests."""

import datetime
import itertools

from archive.models import Meeting, Mention, Statement
from tests.factories import (
    CitationFactory,
    MeetingFactory,
    MentionFactory,
    OrganizationFactory,
    OrganizationMentionFactory,
    PersonFactory,
    PlaceFactory,
    PlaceMentionFactory,
    ResolutionFactory,
    StatementFactory,
)

_RELEASES = itertools.count(1)
HOSTILE_TITLE = '=HYPERLINK("http://evil") <script>alert(1)</script> bell\x07 {brace} 50% & $x_1'


def _one(factory, **fields):
    """The entity with these fields, made the first time: several statements share it."""
    model = factory._meta.model
    return model.objects.filter(**fields).first() or factory(**fields)


def rich_statement(**fields):
    """A published statement naming people on both sides, an organization, a place, a
    resolution, with its event."""
    statement = StatementFactory(
        title=fields.pop("title", "Coalition President meets UN Envoy in Geneva"),
        body=fields.pop(
            "body",
            "The President of the Coalition met the UN Special Envoy in Geneva.\n"
            "They discussed Resolution 2254 and the release of detainees.\n"
            "The Envoy said the political process must resume.",
        ),
        date=fields.pop("date", datetime.date(2021, 5, 4)),
        source_url=fields.pop(
            "source_url", f"https://en.etilaf.org/all-news/news/meeting-{next(_RELEASES)}.html"
        ),
        **fields,
    )
    coalition = _one(OrganizationFactory, name="Syrian Opposition Coalition", abbreviation="SOC")
    un = _one(OrganizationFactory, name="United Nations")
    MentionFactory(
        statement=statement,
        person=_one(PersonFactory, name="Hadi al-Bahra"),
        role="President",
        organization=coalition,
        side=Mention.Side.SOC,
    )
    MentionFactory(
        statement=statement,
        person=_one(PersonFactory, name="Geir Pedersen"),
        role="UN Special Envoy",
        organization=un,
        side=Mention.Side.COUNTERPART,
        spoke=True,
        paragraph=3,
    )
    OrganizationMentionFactory(statement=statement, organization=un)
    geneva = _one(PlaceFactory, name="Geneva", kind="city")
    PlaceMentionFactory(statement=statement, place=geneva)
    CitationFactory(
        statement=statement, resolution=_one(ResolutionFactory, number="2254"), paragraph=2
    )
    MeetingFactory(
        statement=statement,
        kind=Meeting.Kind.MEETING,
        date=datetime.date(2021, 5, 3),
        date_as_written="Monday",
        place=geneva,
    )
    return statement


def hostile_statement():
    """Control characters, a formula, markup and LaTeX specials in every text field."""
    return StatementFactory(
        title=HOSTILE_TITLE,
        body="-2+3 <b>bold</b>\x07 first\n@SUM(A1) second {unbalanced",
        source_name="=cmd|' /C calc'!A0 \x0b Media",
        date=None,
        date_source=Statement.DateSource.NONE,
    )
