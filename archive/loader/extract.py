"""Entity extraction: a release's text in; its people, organizations, places, citations, event out.

Pure Python over a string (no database), so it is tested on strings and run by the loader on every
release. The reference data comes in as a `Gazetteer`, built once per process and reused.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .bodies import find_bodies, lowercase_bodies, owned_by, owned_by_coalition
from .citations import find_citations
from .dates import find_dates, release_date_in
from .entities import find_entities
from .events import EventFact, find_event
from .gazetteer import Gazetteer, normalize
from .people import PersonFact, find_people
from .roles import title_phrases, titled_organizations
from .spans import Spans
from .title_words import ROLE_WORD, title_spans

# "(Source: SOC's Media Department)" names the publisher, not something the release is about.
_SOURCE_NOTE = re.compile(r"\(\s*Source\s*:[^)]*\)\s*$", re.IGNORECASE)

# Lines of a header block that only name the publisher ("Press release", "Department of Media and
# Communications") or the date: the release is not about them.
_PUBLISHER_LINE = re.compile(
    r"press\s+release|department|media|communications|^\W*$", re.IGNORECASE
)


def _publisher_lines(paragraphs: list[str]) -> list[int]:
    block = []
    for number, line in enumerate(paragraphs[:6]):
        if len(line) > 80 or line.endswith((".", "!", "?")):
            break
        dates = find_dates(line)
        undated = line
        for written in dates:
            undated = undated.replace(written.text, "")
        if _PUBLISHER_LINE.search(undated) and (
            dates or not undated.strip(" ,-|") or "ress" in undated or "epartment" in undated
        ):
            block.append(number)
    return block if len(block) < len(paragraphs) else []


# A line closing a release that names its publisher: "Syrian Coalition's Media Department",
# "Source: Media Office of the Syrian Coalition".
_ATTRIBUTION_LINE = re.compile(
    r"^\W*(?:source\s*:.*|(?:[\w'’]+\s+){0,4}(?:media|press)\s+(?:department|office|cent(?:er|re))"
    r"(?:\s+(?:of\s+)?(?:the\s+)?[\w'’]+(?:\s+[\w'’]+){0,3})?)\W*$",
    re.IGNORECASE,
)


def _attribution_lines(paragraphs: list[str]) -> list[int]:
    """The last lines of a release that only name its publisher, not an organization it is about."""
    lines = []
    for number in range(len(paragraphs) - 1, 0, -1):
        line = paragraphs[number]
        if not line.strip():
            continue
        if len(line) > 80 or not _ATTRIBUTION_LINE.match(line):
            break
        lines.append(number)
    return lines


__all__ = [
    "CitationFact",
    "EventFact",
    "Extraction",
    "Gazetteer",
    "OrganizationFact",
    "PersonFact",
    "PlaceFact",
    "extract",
    "paragraphs_of",
]


@dataclass(frozen=True)
class OrganizationFact:
    name: str  # canonical when the gazetteer knows it, else as written
    as_written: str
    paragraph: int


@dataclass(frozen=True)
class PlaceFact:
    name: str
    as_written: str
    paragraph: int


@dataclass(frozen=True)
class CitationFact:
    identifier: str  # "UNSC 2254", "UNGA 67/262", "Geneva Communique 2012"
    body: str
    number: str
    year: int | None
    as_written: str
    paragraph: int


@dataclass(frozen=True)
class Extraction:
    people: tuple[PersonFact, ...]
    organizations: tuple[OrganizationFact, ...]
    places: tuple[PlaceFact, ...]
    citations: tuple[CitationFact, ...]
    event: EventFact
    release_date: datetime.date | None  # a publication date the text itself gives


def _organizations(originals, paragraphs, org_hits, titles, people, gazetteer):
    """The organizations named, the first mention of each (most names recur).

    The coalition's own organs (its General Assembly, its Secretariat) are the coalition, and a
    body of the coalition named only inside someone's title ("Coordinator of the Foreign
    Relations Department") belongs to that title: neither is listed on its own.
    """
    organizations: dict[str, OrganizationFact] = {}
    in_titles = set()
    spellings = _any_of({spelling for person in people for spelling in person.spellings})
    role_titles = "\n".join(person.role for person in people if person.role)
    adjectives = frozenset(gazetteer.adjectives)
    for number, (original, hits) in enumerate(zip(originals, org_hits, strict=True), start=1):
        paragraph = paragraphs[number - 1]
        spans = title_phrases(paragraph, titles[number - 1])
        in_a_title = Spans(spans)
        named = Spans((hit.start, hit.end) for hit in hits)
        title_starts = {start for start, _ in titles[number - 1]}
        for hit in hits:
            if _is_organ(hit.entry, gazetteer):
                continue
            if _inside_coalition_title(hit, in_a_title) or (
                _inside_coalition(hit.entry) and _before_a_title(paragraph, hit.end, title_starts)
            ):
                in_titles.add(hit.entry.name)
                continue
            organizations.setdefault(
                hit.entry.name,
                OrganizationFact(hit.entry.name, original[hit.start : hit.end], number),
            )
        for written, start in titled_organizations(paragraph, titles[number - 1]):
            written = _before_a_name(written, spellings)
            if named.overlap(start, start + len(written)):
                continue  # a known body, or a title's part before one ("Minister of X in SIG")
            if not written or written in role_titles:
                continue  # a portfolio kept in a title: "Minister of Local Administration"
            entry = gazetteer.organization(written)
            if entry and entry.kind == "coalition" and entry.parent:
                continue  # "member of the General Assembly": the coalition's, in the title
            name = entry.name if entry else written
            organizations.setdefault(
                name, OrganizationFact(name, original[start : start + len(written)], number)
            )
        ending_at = {hit.end: hit for hit in hits}
        for name, start, end in lowercase_bodies(paragraph, gazetteer):
            owner = owned_by(paragraph, start, ending_at)
            if (
                owner
                and owner.entry.name in gazetteer.coalition_family
                and not _IN_A_TITLE.search(paragraph, max(0, owner.start - 60), owner.start)
                and not _before_a_title(paragraph, end, title_starts)
            ):
                # "the SOC's political committee" names the body; "member of the SOC's
                # political committee" a title
                organizations.setdefault(name, OrganizationFact(name, original[start:end], number))
        for country, start, end in _delegations_met(paragraph, gazetteer):
            organizations.setdefault(
                country, OrganizationFact(country, original[start:end], number)
            )
        known = [(hit.start, hit.end) for hit in hits] + spans
        for written, start in find_bodies(paragraph, known, adjectives):
            if not (spellings and spellings.search(written)):
                name = _known_variant(paragraph, written, start, ending_at, gazetteer) or written
                organizations.setdefault(
                    name, OrganizationFact(name, original[start : start + len(written)], number)
                )
    for person in people:
        if person.organization and person.organization not in in_titles:
            organizations.setdefault(
                person.organization,
                OrganizationFact(person.organization, person.organization, person.paragraph),
            )
    return organizations


def _known_variant(paragraph, written, start, ending_at, gazetteer: Gazetteer) -> str | None:
    """The known body of the coalition a body written as the coalition's names in another
    form: "the SOC's Department of Foreign Affairs" is its Foreign Relations Department."""
    if owned_by_coalition(paragraph, start, ending_at, gazetteer):
        entry = gazetteer.coalition_body(written)
        return entry.name if entry else None
    return None


_IN_A_TITLE = re.compile(rf"\b(?:{ROLE_WORD.pattern})\s+(?:of|in|at|to)\s+(?:the\s+)?$")


# "received a US delegation", "met with the French delegation", "held consultations with Syrians
# and Turkish authorities": the country met.
_DELEGATION_MET = re.compile(
    r"\b(?:received|receives|met(?:\s+with)?|meets(?:\s+with)?|hosted|welcomed"
    r"|(?:consultations|talks|meetings?|call)\s+with)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+and\s+)?"
    r"(?P<whose>[A-Z][\w.'-]*)\s+(?:\w+\s+)?(?:delegation|authorities|officials)\b"
)


def _delegations_met(paragraph: str, gazetteer: Gazetteer):
    """(country, start, end) of each country whose delegation, authorities or officials the
    paragraph says were met: a country the coalition met is an organization, as the one met."""
    if not ("delegation" in paragraph or "authorities" in paragraph or "officials" in paragraph):
        return
    for match in _DELEGATION_MET.finditer(paragraph):
        whose = match["whose"]
        country = gazetteer.country_of_adjective(whose) or gazetteer.place(whose)
        if country and country.kind == "country":
            yield country.name, match.start("whose"), match.end("whose")


def _any_of(words: set[str]) -> re.Pattern | None:
    return (
        re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        if words
        else None
    )


def _before_a_name(written: str, spellings: re.Pattern | None) -> str:
    """A body's name cut before a person's name run on to it ("... and Services Muhammad S.")."""
    name = spellings.search(written, 1) if spellings else None
    return " ".join(written[: name.start()].split()) if name else written


# The coalition's plenary organs: named, they are the coalition acting. Its committees (the
# Political Committee, the Presidential Commission) are bodies of their own.
_ORGAN = re.compile(r"\b(?:General Assembly|General Secretariat)\b")


def _is_organ(entry, gazetteer: Gazetteer) -> bool:
    return (
        entry.kind == "coalition" and entry.parent is not None and bool(_ORGAN.search(entry.name))
    )


def _inside_coalition(entry) -> bool:
    return entry.kind == "coalition" and entry.parent is not None


def _inside_coalition_title(hit, titles: Spans) -> bool:
    """A body of the coalition written inside a title ("Head of the Legal Department")."""
    return _inside_coalition(hit.entry) and titles.hold(hit.start, hit.end)


def _before_a_title(paragraph: str, end: int, title_starts: set[int]) -> bool:
    """Whether a title's head word follows right after `end`: "political committee Secretary X"
    is the Secretary of the Political Committee, a title."""
    gap = _SPACES.match(paragraph, end)
    return bool(gap) and gap.end() in title_starts


_SPACES = re.compile(r" +")


def paragraphs_of(text: str) -> list[str]:
    """The body's non-empty lines, stripped: paragraph n is anchored `#p<n>` on the page."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def extract(
    text: str, *, release_date: datetime.date | None = None, gazetteer: Gazetteer | None = None
) -> Extraction:
    """Everything the release says about who, where, when and which resolutions."""
    gazetteer = gazetteer or Gazetteer.from_fixtures()
    originals = paragraphs_of(text)
    paragraphs = [_SOURCE_NOTE.sub(lambda m: " " * len(m.group()), normalize(p)) for p in originals]
    for number in _publisher_lines(paragraphs) + _attribution_lines(paragraphs):
        paragraphs[number] = " " * len(paragraphs[number])
    written_date = release_date_in(originals)
    cited = [find_citations(p) for p in originals]
    org_hits, place_hits = find_entities(
        paragraphs,
        gazetteer,
        [[(c.start, c.start + len(c.as_written)) for c in found] for found in cited],
    )
    event = find_event(paragraphs, place_hits, release_date=release_date or written_date)
    titles = [title_spans(p) for p in paragraphs]
    dated = release_date or written_date
    people = find_people(
        paragraphs,
        org_hits,
        place_hits,
        titles,
        gazetteer=gazetteer,
        event_kind=event.kind,
        year=dated.year if dated else None,
    )

    organizations = _organizations(originals, paragraphs, org_hits, titles, people, gazetteer)

    places: dict[str, PlaceFact] = {}
    for number, (original, hits) in enumerate(zip(originals, place_hits, strict=True), start=1):
        for hit in hits:
            if hit.entry.name not in places and not hit.qualifier:
                places[hit.entry.name] = PlaceFact(
                    hit.entry.name, original[hit.start : hit.end], number
                )

    citations: dict[tuple, CitationFact] = {}
    for number, found in enumerate(cited, start=1):
        for citation in found:
            known = gazetteer.resolutions.get(citation.identifier)
            year = citation.year or (known.year if known else None)
            fact = CitationFact(
                citation.identifier,
                citation.body,
                citation.number,
                year,
                citation.as_written,
                number,
            )
            citations.setdefault((fact.identifier, fact.as_written, number), fact)

    return Extraction(
        people=tuple(people),
        organizations=tuple(organizations.values()),
        places=tuple(places.values()),
        citations=tuple(citations.values()),
        event=event,
        release_date=written_date,
    )
