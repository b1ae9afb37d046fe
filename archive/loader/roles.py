"""Roles as releases write them next to a name, split into the title and the organization.

"President of the Syrian Opposition Coalition (SOC)" -> President, Syrian Opposition Coalition;
"France's Special Envoy to Syria" -> Special Envoy to Syria, France; "Political Affairs Officer at
the French Consulate in Istanbul" -> Political Affairs Officer, French Consulate in Istanbul;
"members of the political committee" -> Member of the political committee, the coalition (a body
inside the coalition is part of the title, the membership is in the coalition itself); "UN envoy" ->
UN envoy, United Nations. "to ..." stays in the title ("Representative to the United Nations").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer
from .title_organizations import (
    OWNER_SPLIT,
    is_country,
    referent_of,
    split_organization,
    sub_body_before,
)
from .title_words import ORG_NOUNS, PARENTHESES, ROLE_WORD, last_head, singular

if TYPE_CHECKING:
    from .entities import Hit

DEMONYMS = {
    "French": "France",
    "British": "United Kingdom",
    "American": "United States",
    "German": "Germany",
    "Turkish": "Turkey",
    "Russian": "Russia",
    "Iranian": "Iran",
    "Italian": "Italy",
    "Dutch": "Netherlands",
    "Belgian": "Belgium",
    "Swiss": "Switzerland",
    "Austrian": "Austria",
    "Swedish": "Sweden",
    "Norwegian": "Norway",
    "Danish": "Denmark",
    "Finnish": "Finland",
    "Spanish": "Spain",
    "Canadian": "Canada",
    "Japanese": "Japan",
    "Chinese": "China",
    "Qatari": "Qatar",
    "Saudi": "Saudi Arabia",
    "Jordanian": "Jordan",
    "Lebanese": "Lebanon",
    "Iraqi": "Iraq",
    "Egyptian": "Egypt",
    "Kuwaiti": "Kuwait",
    "Emirati": "United Arab Emirates",
    "Omani": "Oman",
    "Bahraini": "Bahrain",
    "Polish": "Poland",
    "Czech": "Czech Republic",
    "Greek": "Greece",
    "Irish": "Ireland",
    "Ukrainian": "Ukraine",
    "Israeli": "Israel",
    "Libyan": "Libya",
    "Tunisian": "Tunisia",
    "Moroccan": "Morocco",
    "Algerian": "Algeria",
    "Australian": "Australia",
    "Brazilian": "Brazil",
    "Indian": "India",
    "Pakistani": "Pakistan",
    "Kazakh": "Kazakhstan",
    "Syrian": "Syria",
}


@dataclass(frozen=True)
class Role:
    title: str
    organization: str | None  # canonical name when known, else as written


class Owners:
    """A paragraph's organization and place hits, looked up by where they end.

    Built once per paragraph, so that finding the owner written before a title ("France's") or the
    organizations named before a point costs a lookup, not a pass over every hit of the paragraph:
    a long paragraph then takes time in proportion to its length.
    """

    def __init__(
        self, hits: list[Hit], places: list[Hit], earlier: list[str], ours=frozenset()
    ) -> None:
        self.ours = ours  # bodies the release gives the coalition that the gazetteer lacks
        self.ending_at: dict[int, list[Hit]] = {}
        for hit in (*hits, *places):
            self.ending_at.setdefault(hit.end, []).append(hit)
        self.organizations = sorted(hits, key=lambda hit: hit.end)
        self.named_as = {" ".join(hit.text.split()): hit.entry.name for hit in hits}
        self.organization_ends = [hit.end for hit in self.organizations]
        self.earlier = earlier  # organizations of the paragraphs before, in order

    def named_before(self, end: int, reach: int = 40):
        """Names of the `reach` organizations written last before `end`, the nearest first: a
        back-reference ("the Office", "the Movement's") is to a body named not long before."""
        last = bisect_right(self.organization_ends, end)
        nearest = [h.entry.name for h in self.organizations[max(0, last - reach) : last]]
        return [*nearest[::-1], *self.earlier[: -reach - 1 : -1]][:reach]


def parse_role(
    paragraph: str, start: int, end: int, *, owners: Owners, gazetteer: Gazetteer
) -> Role:
    """The role written in paragraph[start:end], which begins with its title words."""
    organization = None
    leading = _owner_leading(paragraph, start, owners, gazetteer)
    if leading:  # "Netherlands Special Envoy for Syria": the country is the owner
        organization, start = leading.entry.name, leading.end + 1
    phrase = _NEW_BODY.sub(" ", PARENTHESES.sub("", paragraph[start:end].strip(" ,")))
    back = _BACK_REFERENCE.match(phrase)
    if back and not leading:
        # "the committee's official spokesman": the spokesman of the committee named before
        referent = _referent(back["noun"], owners.named_before(end), gazetteer)
        if referent:
            return Role(_tidy(back["title"]), referent)
    prefix = ""
    pair = None if leading else _PAIR_BEFORE.search(paragraph, max(0, start - 60), start)
    if pair and gazetteer.organization(pair["first"]) and gazetteer.organization(pair["second"]):
        # "UN-Arab League envoy": a title of two bodies, the first named its organization
        title = _tidy(f"{pair['first']}-{pair['second']} {phrase}")
        return Role(title, gazetteer.organization(pair["first"]).name)
    owner = None if leading else _owner_before(paragraph, start, owners)
    if owner:
        (organization, owner_text, possessive) = owner
        # "UN envoy" is how a bare lowercase title reads; "UN Special Envoy for Syria" is the
        # title "Special Envoy for Syria" of the UN, "US special envoy to Syria" and "US Secretary
        # of State" titles of the United States.
        if (
            not possessive
            and owner_text.isupper()
            and phrase[:1].islower()
            and " " not in phrase
            and organization in gazetteer.organizations
            and organization not in gazetteer.coalition_family
        ):
            prefix = owner_text + " "
    sub_body = None if leading else sub_body_before(paragraph, start, gazetteer)
    if sub_body and not OWNER_SPLIT.search(phrase):
        # "political committee Secretary X": the coalition's Secretary of the Political Committee
        # (a body inside the coalition stays in the title, as it does written after "of").
        return Role(_tidy(f"{phrase} of the {sub_body}"), gazetteer.coalition)
    # "Turkish Foreign Minister": Turkey's; "the French President's advisor": France's.
    for pattern in (_WORD_BEFORE, _POSSESSOR):
        before = pattern.search(paragraph, max(0, start - 80), start)
        organization = organization or (before and _country_of(before.group(1), gazetteer))
    organization = organization or _known_possessor(paragraph, start, gazetteer)
    title, named = split_organization(phrase, owners.named_before(end), gazetteer, owners.ours)
    named = owners.named_as.get(named, named) if named else named  # as the paragraph's hits
    if organization and named and not (gazetteer.organization(named) or gazetteer.place(named)):
        # "the SIG's Minister of Local Administration and Services": a portfolio of the owner's.
        title, named = phrase, None
    organization = named or organization
    head = last_head(phrase)
    if organization is None and head and _MINISTER.fullmatch(head.group()):
        organization = _government_before(owners.named_before(start), gazetteer)
    if organization is None and not leading:
        # "the commission's official spokesman, X", "the coalition's representative in Doha X"
        back = _BACK_REFERENCE_BEFORE.search(paragraph, max(0, start - 40), start)
        referent = back and _referent(back["noun"], owners.named_before(start), gazetteer)
        its = _ITS.search(paragraph, max(0, start - 30), start) or _OF_ITS.search(
            paragraph, start, end
        )
        organization = referent or (its and _its(paragraph, its.start(), owners)) or organization
    return Role(_tidy(prefix + title), organization)


_ITS = re.compile(r"\bits\s+(?:[a-z]+\s+)?$")
_OF_ITS = re.compile(r"\b(?:of|for|in)\s+its\s")


def _its(paragraph: str, at: int, owners: Owners) -> str | None:
    """The body "its" at `at` stands for: the one named last before it in the sentence ("a
    delegation of the Third Legion, headed by its commander X", "X, head of its youth office")."""
    sentence = paragraph.rfind(". ", 0, at) + 1
    written = [(h.end, h.entry.name) for h in owners.organizations if sentence <= h.start < at]
    for name in owners.named_before(at):
        found = paragraph.rfind(name, sentence, at)
        if found != -1:
            written.append((found + len(name), name))
    return max(written)[1] if written else None


def _referent(noun: str, named_before, gazetteer: Gazetteer) -> str | None:
    """The body a general noun refers back to ("the committee's", "the Commission's"): the one
    named last before with that word in its name; "the coalition's" is the coalition's own in
    its releases, named or not."""
    if noun.capitalize() not in ORG_NOUNS:
        return None
    referent = referent_of(noun, named_before, gazetteer)
    return referent or (gazetteer.coalition if noun.lower() == "coalition" else None)


_MINISTER = re.compile(r"(?i)ministers?")


def _government_before(named_before, gazetteer: Gazetteer) -> str | None:
    """The government a minister written without one belongs to: the one named last before
    ("ministers of the Syrian Interim Government ... The Minister of Education, X")."""
    for name in named_before:
        if name.endswith(" Government") or is_country(name, gazetteer):
            return name
    return None


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_PAIR_BEFORE = re.compile(
    r"(?<![\w'-])(?P<first>[A-Z]{2,})-(?P<second>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})\s+$"
)
_BACK_REFERENCE = re.compile(r"(?P<noun>[A-Za-z]+)['’]s\s+(?P<title>.+)")
# The same written before the title's words: "the commission's (official) spokesman".
_BACK_REFERENCE_BEFORE = re.compile(r"\b[Tt]he\s+(?P<noun>[A-Za-z]+)['’]s\s+(?:[a-z]+\s+)?$")
_POSSESSOR = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*'s\s+$")


# "Members of the new political committee": the body is the political committee.
_NEW_BODY = re.compile(r"(?<=\bof the) (?:new|newly[ -]elected|newly[ -]formed) ")


_PERSON_POSSESSOR = re.compile(r"((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+$")


def _known_possessor(paragraph: str, start: int, gazetteer: Gazetteer) -> str | None:
    """The organization of a known person whose title this is ("President Putin's special
    envoy": Russia's; "Le Drian's envoy": France's), when all their posts are of one."""
    possessor = _PERSON_POSSESSOR.search(paragraph, max(0, start - 60), start)
    if not possessor:
        return None
    words = possessor.group(1).split()
    for first in range(len(words)):
        known = gazetteer.known_people(" ".join(words[first:]))
        if known:
            owners = {post.organization for post in known[0].posts}
            return owners.pop() if len(known) == 1 and len(owners) == 1 else None
    return None


def _country_of(adjective: str, gazetteer: Gazetteer) -> str | None:
    """The country an adjective names ("Turkish", "Emirati"), if it is one."""
    if adjective in DEMONYMS:
        return DEMONYMS[adjective]
    country = gazetteer.country_of_adjective(adjective)
    return country.name if country and country.kind == "country" else None


_OWNER_GAP = re.compile(r"(?:\s*\([^)]*\))?('s|')?\s+")


_GAP_TAIL = re.compile(r"(?:\s*\([^)]*\))?(?:'s|')?\s+$")


def _owner_before(paragraph: str, start: int, owners: Owners):
    """The organization or country written right before a title: "France's", "the SOC's", "UN"."""
    gap = _GAP_TAIL.search(paragraph, max(0, start - 200), start)
    if not gap:
        return None
    # Where an owner may end: before the whole gap, or inside it (the gap's parts are optional).
    for end in sorted({gap.start(), *range(gap.start(), start)}, reverse=True):
        for hit in owners.ending_at.get(end, ()):
            match = _OWNER_GAP.fullmatch(paragraph, hit.end, start)
            if match and _may_own(hit):
                return hit.entry.name, hit.text, bool(match.group(1))
    return None


def _may_own(hit) -> bool:
    """An organization or a country owns a title; a town is where it was ("in Istanbul")."""
    return hit.entry.kind == "country" or hit.entry.kind not in _PLACE_KINDS


_PLACE_KINDS = frozenset(
    {
        "city",
        "town",
        "village",
        "governorate",
        "district",
        "region",
        "camp",
        "airport",
        "crossing",
        "prison",
    }
)


def _owner_leading(paragraph: str, start: int, owners: Owners, gazetteer: Gazetteer):
    """A country or organization the title's words begin with, before its head word."""
    head = ROLE_WORD.search(paragraph, start)
    if not head:
        return None
    for end in range(start + 2, head.start()):
        for hit in owners.ending_at.get(end, ()):
            owns = hit.entry.kind == "country" or hit.entry.name in gazetteer.organizations
            if hit.start == start and owns and paragraph.startswith(" ", hit.end):
                return hit
    return None


_NO_LONGER = re.compile(r"^(?:former|outgoing|then|new)\s+", re.IGNORECASE)


def _tidy(title: str) -> str:
    """One spacing, the head word singular ("members of" -> "Member of"), a capital first letter."""
    title = _NO_LONGER.sub("", " ".join(title.split()).strip(" ,:"))
    head = ROLE_WORD.match(title)
    if head:  # "Vice Presidents" -> "Vice President"
        title = singular(head.group()) + title[head.end() :]
    else:
        head, _, rest = title.partition(" ")
        title = f"{singular(head)} {rest}".strip()
    return title[:1].upper() + title[1:]


_TITLED_TAIL = re.compile(
    r"\s+(?:of|at)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w'-]*(?:\s+(?:(?:for|of|and|a|the|to|in|on|de)\s+)*[A-Z][\w'-]*)*)"
    r"(?P<descriptor>\s+(?:organi[sz]ation|group|association|movement|network|foundation)\b)?",
)
_CONNECTOR = re.compile(r"\s+(?:for|of|and|a|the|to|in|on|de)\s", re.IGNORECASE)


_AT_NEXT = re.compile(r"\s+at\s")
_TITLE_TAIL = re.compile(
    r"\s+(?:of|at|in)\s+(?:the\s+)?[A-Z][\w'-]*"
    r"(?:(?:'s)?(?:\s+(?:of|for|and|the|in|on|to|&))*\s+[A-Z][\w'-]*)*"
)


def title_phrases(text: str, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each title with the body it names after "of", "at" or "in" ("Head of the Legal
    Department"): where a body belongs to a title rather than being named on its own."""
    spans = []
    for start, end in titles:
        tail = _TITLE_TAIL.match(text, end)
        spans.append((start, tail.end() if tail else end))
    return spans


def titled_organizations(text: str, titles: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Organizations named after a title ("Chairman of the Christians for Peace organization").

    `titles` are the spans of ROLE_WORD in `text`. Catches bodies the gazetteer does not know,
    whether or not a name follows the title. A name written right after the organization ("...
    American Council Suzanne Meriden") is cut off after the last organization word.
    """
    found = []
    for _, title_end in titles:
        match = _TITLED_TAIL.match(text, title_end)
        if not match:
            continue
        org = match["org"]
        if _AT_NEXT.match(text, match.end()):
            continue  # "the Office" names one named before; in "Head of X at Y" the body is Y
        if not match["descriptor"]:
            words = org.split()
            last = max((i for i, w in enumerate(words) if w in ORG_NOUNS), default=None)
            if last is None:
                continue
            rest = " ".join(words[last + 1 :])
            if rest and not _CONNECTOR.match(" " + rest):
                org = " ".join(words[: last + 1])
        if org not in ORG_NOUNS:
            found.append((org, match.start("org")))
    return found
