"""Organizations the gazetteer does not know, found by the shape of their names.

"Syrian Tribal Council", "Ba'ath Party", "Harmoon Center for Contemporary Studies", "French Embassy
in Ankara": capitalized words ending in a word such as Council, Party or Center, with perhaps a
complement after "of", "for" or "in". Not a body: a run of a country's adjective and general words
("Turkish Foreign Ministry", "Russian Forces": a government or an army without a proper name), a
title ("Foreign Minister"), or a fragment of a known body's name.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .names import word_set
from .roles import DEMONYMS
from .spans import Spans
from .title_words import ORG_NOUNS, ROLE_WORD

_WORD = r"[A-Z][\w'-]*"
# Body nouns; a fund, a programme or a campaign is something a body runs, not a body.
_NOUNS = "|".join(
    sorted(
        (ORG_NOUNS | {"Consortium", "Centre", "Syndicate", "Party"})
        - {"Fund", "Programme", "Program", "Initiative", "Campaign", "Ministry"},
        key=len,
        reverse=True,
    )
)
# Only a mission or an office is named with where it is: "the French Embassy in Ankara"; in
# "the Syrian Democratic Movement in Azaz" the place is where the movement was met.
_LOCATED_AFTER = (
    "(?:"
    + "|".join(f"(?<={noun})" for noun in ("Embassy", "Consulate", "Mission", "Office", "Bureau"))
    + ")"
)
_FRAGMENT = re.compile(r"[A-Z][\w'-]*\s+(?:and|of|for|&)\s+$")
_BODY = re.compile(
    rf"(?<![\w'-])(?P<lead>(?:{_WORD}\s+){{1,4}})(?P<noun>{_NOUNS})(?![\w'-])"
    rf"(?P<tail>(?:\s+(?:of|for|on)|{_LOCATED_AFTER}\s+in)\s+(?:the\s+)?"
    rf"{_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD}){{0,3}})?"
)
# A body still to be formed is no organization yet.
_TO_BE_FORMED = re.compile(
    r"\b(?:formation|establishment|creation|form|establish|create|forming|establishing|creating)"
    r"\s+(?:of\s+)?(?:a|an)\s+(?:new\s+)?$",
    re.IGNORECASE,
)
# General words that make no proper name before a body noun ("the Foreign Ministry").
_GENERAL = word_set("""
    The A An This That Its Their His Her Our Foreign Interior Defense Defence Local Regional
    National International Security Political Military Armed Public General Media Joint Higher
    Supreme Central Regime Assad Legal Executive New Former
""")


# A body written after its owner, noun first: "the SOC's Office of Civil Society Organizations".
_OWNED_BODY = re.compile(
    rf"'s\s+(?P<body>(?:{_NOUNS})\s+(?:of|for|on)\s+(?:the\s+)?"
    rf"{_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD}){{0,3}})"
)


# A country's mission is named by its adjective: "the French Embassy in Ankara".
_MISSIONS = frozenset({"Embassy", "Consulate", "Mission", "Delegation"})


def find_bodies(
    text: str, known: list[tuple[int, int]], adjectives: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """(name, start) of each body-shaped name in `text` outside the `known` spans.

    `adjectives` are countries' adjectives beyond the common ones ("Emirati", "Belgian")."""
    found = []
    known = Spans(known)
    for match in _BODY.finditer(text):
        start, end = match.start(), match.end()
        if known.overlap(start, end):
            continue
        if _FRAGMENT.search(text, max(0, start - 40), start):
            continue  # the end of a longer name: "Middle East and North Africa Directorate"
        if _TO_BE_FORMED.search(text, max(0, start - 40), start):
            continue  # "the formation of a Transitional Governing Body": none exists yet
        lead = match["lead"].split()
        while lead and lead[0] in ("The", "A", "An"):
            start += len(lead[0]) + 1
            lead.pop(0)
        demonyms = sum(w in DEMONYMS or w in adjectives for w in lead)
        proper = [
            w for w in lead if w not in _GENERAL and w not in DEMONYMS and w not in adjectives
        ]
        named_after = match["tail"] and not demonyms  # "International Association of Arab Poets"
        if not (proper or named_after or demonyms > 1 or (demonyms and match["noun"] in _MISSIONS)):
            continue
        if any(ROLE_WORD.fullmatch(w) or w.endswith("'s") for w in lead):
            continue  # a title ("Foreign Minister"), or an owner and its body ("SOC's Council")
        found.append((text[start:end], start))
    for match in _OWNED_BODY.finditer(text):
        if not known.overlap(match.start("body"), match.end("body")):
            found.append((match["body"], match.start("body")))
    return sorted(found, key=lambda body: body[1])


def owned_by_coalition(text: str, start: int, ending_at: dict, gazetteer: Gazetteer) -> bool:
    """Whether the body at `start` is written as the coalition's: "the SOC's", "the
    Coalition's", or "the coalition's" in lowercase, which in its releases is always its own."""
    owner = owned_by(text, start, ending_at)
    if owner:
        return owner.entry.name in gazetteer.coalition_family
    return bool(_COALITIONS.search(text, max(0, start - 20), start))


_COALITIONS = re.compile(r"\b[Tt]he\s+coalition['’]s\s+$")


# An office written in lowercase after its owner: "the SOC's representative office in Doha".
_LOWERCASE_OFFICE = re.compile(
    r"['’]s\s+(?P<office>(?:[a-z]+\s+){0,2}(?:office|mission|embassy|bureau|department))\b"
)


def offices_of_ours(text: str, ending_at: dict, gazetteer: Gazetteer) -> list[str]:
    """The coalition's offices the text writes in lowercase, as written ("representative
    office"): a later "head of the office" is of the coalition's."""
    if "'s " not in text and "’s " not in text:
        return []
    return [
        match["office"]
        for match in _LOWERCASE_OFFICE.finditer(text)
        if owned_by_coalition(text, match.start("office"), ending_at, gazetteer)
    ]


def owned_by(text: str, start: int, ending_at: dict):
    """The hit written as the owner of the body at `start` ("the SOC's Office of ...", "the
    Coalition's (SOC) political committee"): one of `ending_at` (hits by where they end)."""
    gap = _POSSESSIVE_BEFORE.search(text, max(0, start - 60), start)
    return ending_at.get(gap.start()) if gap else None


_POSSESSIVE_BEFORE = re.compile(r"(?:\s*\([^)]*\))?'s(?:\s*\([^)]*\))?\s+$")


_BODY_NOUNS = (
    "committee",
    "commission",
    "office",
    "department",
    "team",
    "council",
    "assembly",
    "unit",
)


def lowercase_bodies(text: str, gazetteer: Gazetteer) -> list[tuple[str, int, int]]:
    """(canonical name, start, end) of the known bodies written in lowercase ("the Coalition's
    political committee").

    The gazetteer's matcher is case-sensitive, so "the political committee" alone names nothing;
    written as the coalition's (`owned_by`) it is the body named, and a later "head of the
    committee" needs to know which committee either way.
    """
    found = []
    for noun in _BODY_NOUNS:
        end = text.find(f" {noun}")
        while end != -1:
            words = text[max(0, end - 40) : end].split()[-2:]
            for k in range(len(words)):
                entry = gazetteer.organization(" ".join([*words[k:], noun]))
                if entry:
                    found.append((entry.name, text.rfind(words[k], 0, end), end + 1 + len(noun)))
                    break
            end = text.find(f" {noun}", end + 1)
    return found
