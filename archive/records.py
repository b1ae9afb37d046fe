"""A statement as one flat record of every fact a researcher needs, for exports and the API.

Records are read a chunk of statements at a time, each chunk's facts with one query per kind, so
exporting 100,000 statements holds one chunk in memory, never the result set.
"""

import itertools
import re
from collections import defaultdict

from django.db.models import Q
from django.urls import reverse

from archive.models import (
    Citation,
    Meeting,
    Mention,
    OrganizationMention,
    PlaceMention,
    Resolution,
    Review,
)

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


STATEMENT_FIELDS = [
    "id",
    "slug",
    "title",
    "title_derived",
    "date",
    "date_source",
    "language",
    "source_name",
    "source_url",
]


def records(statements, absolute):
    """The record of each statement of `statements` (a queryset, in its order), read a chunk
    at a time: plain values, no model instances, so a row costs little more than its text.
    `absolute(path)` gives full addresses."""
    permalink = _permalinks(absolute)
    rows = statements.values(*STATEMENT_FIELDS).iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(rows, CHUNK)):
        facts = _facts([row["id"] for row in chunk])
        for row in chunk:
            yield record(row, facts, permalink)


def _permalinks(absolute):
    """A function of (pk, slug) giving the statement's full permalink, with one reverse()."""
    pattern = absolute(reverse("archive:statement-detail", kwargs={"pk": 999999999, "slug": "s"}))
    head, tail = pattern.split("999999999/s", 1)
    return lambda pk, slug: f"{head}{pk}/{slug}{tail}"


def _facts(ids) -> dict:
    """The visible facts of the statements `ids`, by kind and then by statement id."""
    visible = ~Q(review=Review.REMOVED) & Q(statement_id__in=ids)
    by_statement = {kind: defaultdict(list) for kind in ("people", "orgs", "places", "cites")}
    order = ("statement_id", "paragraph", "id")
    for row in Mention.objects.filter(visible).order_by(*order).values(
        "statement_id", "person__name", "person__slug", "side", "role", "organization__name",
        "spoke", "paragraph",
    ):  # fmt: skip
        by_statement["people"][row["statement_id"]].append(row)
    for row in (
        OrganizationMention.objects.filter(visible)
        .order_by(*order)
        .values("statement_id", "organization__name", "organization__slug", "paragraph")
    ):
        by_statement["orgs"][row["statement_id"]].append(row)
    for row in (
        PlaceMention.objects.filter(visible)
        .order_by(*order)
        .values("statement_id", "place__name", "place__slug", "paragraph")
    ):
        by_statement["places"][row["statement_id"]].append(row)
    cited = (
        Citation.objects.filter(visible)
        .order_by(*order)
        .values_list("statement_id", "resolution_id")
    )
    resolutions = {}
    for statement_id, resolution_id in cited:
        by_statement["cites"][statement_id].append(resolution_id)
        resolutions[resolution_id] = None
    resolutions = Resolution.objects.in_bulk(list(resolutions))
    meetings = {
        row["statement_id"]: row
        for row in Meeting.objects.filter(visible).values(
            "statement_id", "kind", "date", "date_as_written", "place__name"
        )
    }
    return {**by_statement, "resolutions": resolutions, "meetings": meetings}


def record(row: dict, facts: dict, permalink) -> dict:
    """Every fact of the statement `row` as plain values. Field names are stable: the CSV
    columns and the API's items use them."""
    pk = row["id"]
    meeting = facts["meetings"].get(pk)
    resolutions = [facts["resolutions"][r] for r in dict.fromkeys(facts["cites"][pk])]
    return {
        "id": pk,
        "permalink": permalink(pk, row["slug"]),
        "title": row["title"],
        "title_derived": row["title_derived"],
        "date": row["date"].isoformat() if row["date"] else None,
        "date_source": row["date_source"] or None,
        "language": row["language"],
        "issued_by": row["source_name"],
        "original_url": row["source_url"] or None,
        "synthetic": row["source_url"].startswith(SYNTHETIC_PREFIX),
        "event": {
            "kind": meeting["kind"],
            "date": meeting["date"].isoformat() if meeting["date"] else None,
            "date_as_written": meeting["date_as_written"] or None,
            "place": meeting["place__name"],
        }
        if meeting
        else None,
        "people": [
            {
                "name": m["person__name"],
                "slug": m["person__slug"],
                "side": m["side"],
                "role": m["role"] or None,
                "organization": m["organization__name"],
                "spoke": m["spoke"],
                "paragraph": m["paragraph"],
            }
            for m in facts["people"][pk]
        ],
        "organizations": [
            {
                "name": m["organization__name"],
                "slug": m["organization__slug"],
                "paragraph": m["paragraph"],
            }
            for m in facts["orgs"][pk]
        ],
        "places": [
            {"name": m["place__name"], "slug": m["place__slug"], "paragraph": m["paragraph"]}
            for m in facts["places"][pk]
        ],
        "resolutions": [
            {"identifier": r.identifier, "label": r.label, "slug": r.slug} for r in resolutions
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
