"""A statement as one flat record of every fact a researcher needs, for exports and the API.

Records are read a chunk of statements at a time, each chunk's facts with one query per kind, so
exporting 100,000 statements holds one chunk in memory, never the result set.
"""

import itertools
import re
from collections import defaultdict

from django.urls import reverse

from archive.kinds import BY_NAME, READING_ORDER
from archive.models import Mention, Resolution

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
    """The visible facts of the statements `ids`: per exported kind (archive.kinds), what its
    reader gives, one query per kind (two for resolutions)."""
    return {
        name: READERS.get(name, _read_named)(BY_NAME[name], ids)
        for name in READING_ORDER
        if BY_NAME[name].export_name
    }


def _ordered(kind, ids):
    """The kind's visible facts of the statements `ids`, in the order the text gives them."""
    return kind.facts().filter(statement_id__in=ids).order_by("statement_id", "paragraph", "id")


def _read_named(kind, ids) -> dict:
    """Each statement's entities of a kind (an organization, a place): name, slug, paragraph."""
    name, slug = f"{kind.column}__name", f"{kind.column}__slug"
    by_statement = defaultdict(list)
    for row in _ordered(kind, ids).values("statement_id", name, slug, "paragraph"):
        by_statement[row["statement_id"]].append(
            {"name": row[name], "slug": row[slug], "paragraph": row["paragraph"]}
        )
    return by_statement


def _read_people(kind, ids) -> dict:
    """Each statement's people with their side, role, organization and whether they spoke."""
    by_statement = defaultdict(list)
    for m in _ordered(kind, ids).values(
        "statement_id", "person__name", "person__slug", "side", "role", "organization__name",
        "spoke", "paragraph",
    ):  # fmt: skip
        by_statement[m["statement_id"]].append(
            {
                "name": m["person__name"],
                "slug": m["person__slug"],
                "side": m["side"],
                "role": m["role"] or None,
                "organization": m["organization__name"],
                "spoke": m["spoke"],
                "paragraph": m["paragraph"],
            }
        )
    return by_statement


def _read_resolutions(kind, ids) -> dict:
    """Each statement's resolutions cited, once each: identifier, label, slug."""
    cited = defaultdict(list)
    for statement_id, resolution_id in _ordered(kind, ids).values_list(
        "statement_id", "resolution_id"
    ):
        cited[statement_id].append(resolution_id)
    resolutions = Resolution.objects.in_bulk(list(dict.fromkeys(itertools.chain(*cited.values()))))
    by_statement = defaultdict(list)
    for statement_id, resolution_ids in cited.items():
        by_statement[statement_id] = [
            {"identifier": r.identifier, "label": r.label, "slug": r.slug}
            for r in (resolutions[pk] for pk in dict.fromkeys(resolution_ids))
        ]
    return by_statement


def _read_events(kind, ids) -> dict:
    """Each statement's event (a statement reports one at most): kind, date, place."""
    return defaultdict(
        lambda: None,
        {
            m["statement_id"]: {
                "kind": m["kind"],
                "date": m["date"].isoformat() if m["date"] else None,
                "date_as_written": m["date_as_written"] or None,
                "place": m["place__name"],
            }
            for m in kind.facts()
            .filter(statement_id__in=ids)
            .values("statement_id", "kind", "date", "date_as_written", "place__name")
        },
    )


# The kinds whose exported values are more than each entity's name, slug and paragraph.
READERS = {
    "person": _read_people,
    "resolution": _read_resolutions,
    "kind": _read_events,
}


def record(row: dict, facts: dict, permalink) -> dict:
    """Every fact of the statement `row` as plain values. Field names are stable: the CSV
    columns and the API's items use them."""
    pk = row["id"]
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
        **{BY_NAME[name].export_name: values[pk] for name, values in facts.items()},
    }


def _statement_cells(rec: dict) -> list:
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
    ]


STATEMENT_COLUMNS = [
    "id",
    "permalink",
    "title",
    "date",
    "date_source",
    "language",
    "issued_by",
    "original_url",
    "synthetic",
]


def _event(field):
    return lambda rec: (rec["event"] or {}).get(field) or ""


def _people_on(side):
    return lambda rec: "; ".join(_person(p) for p in rec["people"] if p["side"] == side)


# The CSV columns of the kinds whose values are more than a list of names: (header, cell of a
# record). A list is joined by "; ".
CSV_CELLS = {
    "kind": (
        ("event_kind", _event("kind")),
        ("event_date", _event("date")),
        ("event_date_as_written", _event("date_as_written")),
        ("event_place", _event("place")),
    ),
    "person": (
        ("coalition_delegation", _people_on(Mention.Side.SOC)),
        ("counterparts", _people_on(Mention.Side.COUNTERPART)),
        ("people_mentioned", _people_on(Mention.Side.MENTIONED)),
    ),
    "spoke": (("speakers", lambda rec: "; ".join(p["name"] for p in rec["people"] if p["spoke"])),),
    "resolution": (
        ("resolutions", lambda rec: "; ".join(r["identifier"] for r in rec["resolutions"])),
    ),
}


def _cells(name: str) -> tuple:
    """The kind's CSV columns: its own, else one of its values' names under its export name."""
    if name in CSV_CELLS:
        return CSV_CELLS[name]
    field = BY_NAME[name].export_name
    return ((field, lambda rec: "; ".join(value["name"] for value in rec[field])),)


_KIND_CELLS = [cell for name in READING_ORDER for cell in _cells(name)]
CSV_COLUMNS = STATEMENT_COLUMNS + [header for header, _ in _KIND_CELLS]


def csv_row(rec: dict) -> list:
    """A record as the CSV's columns; lists are joined with "; ", a person with their role."""
    return _statement_cells(rec) + [cell(rec) for _, cell in _KIND_CELLS]


def _person(p: dict) -> str:
    """ "Hadi al-Bahra (President, Syrian Opposition Coalition)"; the name alone without a role."""
    details = ", ".join(x for x in (p["role"], p["organization"]) if x)
    return f"{p['name']} ({details})" if details else p["name"]
