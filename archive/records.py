"""A statement as one flat record of every fact a researcher needs, for exports and the API.

Records are read a chunk at a time (`.iterator(chunk_size=...)` runs the prefetches per chunk),
so exporting 100,000 statements holds one chunk in memory, never the result set.
"""

import re

from django.db.models import Prefetch

from archive.models import Citation, Meeting, Mention, OrganizationMention, PlaceMention, Review

CHUNK = 500
# The reserved `.invalid` host (RFC 2606) of every address `generate_corpus` makes up.
SYNTHETIC_PREFIX = "https://synthetic.invalid/"

# Characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return; lone
# surrogates; U+FFFE and U+FFFF). Exports and feeds carry text, never these.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]+")


def xml_text(value) -> str:
    """`value` as text that XML 1.0 accepts: forbidden characters become U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(value))


def one_line(value) -> str:
    """`value` on one line, control characters (tabs, newlines, escapes) made spaces."""
    return _CONTROL.sub(" ", str(value)).strip()


def is_synthetic(statement) -> bool:
    """Whether `statement` is a synthetic release, made for demonstrations and benchmarks."""
    return statement.source_url.startswith(SYNTHETIC_PREFIX)


def with_facts(statements):
    """`statements` with every fact of a record prefetched (people, organizations, places,
    resolutions, event), and without the body and search document that no record carries."""
    return (
        statements.defer("body")
        .select_related(None)
        .prefetch_related(
            Prefetch(
                "mentions",
                Mention.objects.visible()
                .select_related("person", "organization")
                .order_by("paragraph", "id"),
                to_attr="record_people",
            ),
            Prefetch(
                "organization_mentions",
                OrganizationMention.objects.visible().select_related("organization"),
                to_attr="record_organizations",
            ),
            Prefetch(
                "place_mentions",
                PlaceMention.objects.visible().select_related("place"),
                to_attr="record_places",
            ),
            Prefetch(
                "citations",
                Citation.objects.visible().select_related("resolution"),
                to_attr="record_citations",
            ),
            Prefetch(
                "meeting",
                Meeting.objects.exclude(review=Review.REMOVED).select_related("place"),
                to_attr="record_meeting",
            ),
        )
    )


def iterate(statements):
    """The statements of `statements` (already `with_facts`) one by one, a chunk at a time."""
    return statements.iterator(chunk_size=CHUNK)


def record(statement, absolute) -> dict:
    """Every fact of `statement` (fetched `with_facts`) as plain values; `absolute(path)` gives
    full addresses. Field names are stable: the CSV columns and the API's items use them."""
    meeting = statement.record_meeting
    resolutions = {c.resolution_id: c.resolution for c in statement.record_citations}
    return {
        "id": statement.pk,
        "permalink": absolute(statement.get_absolute_url()),
        "title": statement.title,
        "title_derived": statement.title_derived,
        "date": statement.date.isoformat() if statement.date else None,
        "date_source": statement.date_source or None,
        "language": statement.language,
        "issued_by": statement.source_name,
        "original_url": statement.source_url or None,
        "synthetic": is_synthetic(statement),
        "event": {
            "kind": meeting.kind,
            "date": meeting.date.isoformat() if meeting.date else None,
            "date_as_written": meeting.date_as_written or None,
            "place": meeting.place.name if meeting.place else None,
        }
        if meeting
        else None,
        "people": [
            {
                "name": m.person.name,
                "slug": m.person.slug,
                "side": m.side,
                "role": m.role or None,
                "organization": m.organization.name if m.organization else None,
                "spoke": m.spoke,
                "paragraph": m.paragraph,
            }
            for m in statement.record_people
        ],
        "organizations": [
            {"name": m.organization.name, "slug": m.organization.slug, "paragraph": m.paragraph}
            for m in statement.record_organizations
        ],
        "places": [
            {"name": m.place.name, "slug": m.place.slug, "paragraph": m.paragraph}
            for m in statement.record_places
        ],
        "resolutions": [
            {"identifier": r.identifier, "label": r.label, "slug": r.slug}
            for r in resolutions.values()
        ],
    }


CSV_COLUMNS = [
    "id",
    "permalink",
    "title",
    "date",
    "date_source",
    "language",
    "issued_by",
    "original_url",
    "synthetic",
    "event_kind",
    "event_date",
    "event_date_as_written",
    "event_place",
    "coalition_delegation",
    "counterparts",
    "people_mentioned",
    "speakers",
    "organizations",
    "places",
    "resolutions",
]


def csv_row(rec: dict) -> list:
    """A record as the CSV's columns; lists are joined with "; ", a person with their role."""
    event = rec["event"] or {}

    def people(side):
        return "; ".join(_person(p) for p in rec["people"] if p["side"] == side)

    return [
        rec["id"],
        rec["permalink"],
        rec["title"],
        rec["date"] or "",
        rec["date_source"] or "",
        rec["language"],
        rec["issued_by"],
        rec["original_url"] or "",
        "yes" if rec["synthetic"] else "",
        event.get("kind") or "",
        event.get("date") or "",
        event.get("date_as_written") or "",
        event.get("place") or "",
        people(Mention.Side.SOC),
        people(Mention.Side.COUNTERPART),
        people(Mention.Side.MENTIONED),
        "; ".join(p["name"] for p in rec["people"] if p["spoke"]),
        "; ".join(o["name"] for o in rec["organizations"]),
        "; ".join(p["name"] for p in rec["places"]),
        "; ".join(r["identifier"] for r in rec["resolutions"]),
    ]


def _person(p: dict) -> str:
    """ "Hadi al-Bahra (President, Syrian Opposition Coalition)"; the name alone without a role."""
    details = ", ".join(x for x in (p["role"], p["organization"]) if x)
    return f"{p['name']} ({details})" if details else p["name"]
