"""Organizations and places named in a release, found through the gazetteer and disambiguated.

An alias that names several bodies ("General Assembly": the coalition's or the UN's; "SNC") is
resolved from the release itself: a full name of one of them elsewhere in the text, or the parent
named right before it ("the SOC's General Assembly"). Once resolved, later bare mentions in the same
release mean the same body. When the text does not say, the mention is left out rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Entry, Found, Gazetteer
from .localities import find_localities
from .names import word_set
from .near_names import near_names_of
from .spans import Spans
from .title_words import ROLE_WORD

# "UN resolutions", "UN organizations", "a UN-led process": the UN qualifies other things here, it
# is not itself the subject (the resolutions are cited as such; the agencies are other bodies).
_QUALIFYING = re.compile(
    r"[\s-]+(?:resolutions?|organizations|organisations|agencies|bodies)\b"
    r"|-(?:led|backed|sponsored|brokered|run|facilitated|mediated)\b",  # "a UN-led process"
    re.IGNORECASE,
)
# Between a parent and its body: "SOC's General Assembly", "Coalition's (SOC) General Assembly".
_PARENT_GAP = re.compile(r"[\s()']*s?[\s()']*")


@dataclass(frozen=True)
class Hit:
    """A resolved gazetteer match in one paragraph."""

    start: int
    end: int
    text: str
    entry: Entry
    qualifier: bool = False  # "US" in "US Secretary of State": an owner of the title, no place


def find_entities(
    paragraphs: list[str], gazetteer: Gazetteer, citations: list[list[tuple[int, int]]]
) -> tuple[list[list[Hit]], list[list[Hit]]]:
    """Per paragraph (normalized text), the organization hits and the place hits.

    `citations` gives, per paragraph, the spans of cited instruments. Places inside an
    organization's name ("UN Human Rights Council", "Syrian Interim Government") or a cited
    instrument's ("the Geneva Communique") are not places of the release, so those are taken out
    before places are sought.
    """
    near = near_names_of(gazetteer)
    raw = [near.replace_in(p, gazetteer.find_organizations(p)) for p in paragraphs]
    whole_text = {f.text for found in raw for f in found if len(f.entries) == 1}
    chosen: dict[str, Entry] = {}
    organizations, places = [], []
    for paragraph, found, cited in zip(paragraphs, raw, citations, strict=True):
        hits = []
        for i, f in enumerate(found):
            parent = _parent_before(paragraph, found, i)
            entry = _choose(f, parent, whole_text, chosen)
            if entry and not (f.text.isupper() and _QUALIFYING.match(paragraph, f.end)):
                hits.append(Hit(f.start, f.end, paragraph[f.start : f.end], entry))
        organizations.append(hits)
        masked = mask(paragraph, [(f.start, _where_held(f)) for f in found] + cited)
        known = [
            Hit(f.start, f.end, f.text, f.entries[0], _attributive(paragraph, f))
            for f in gazetteer.find_places(masked)
        ]
        places.append(known + _localities(masked, known))
    return organizations, places


_HELD_IN = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][^\s]*(?:\s+[A-Z][^\s]*)*$")


def _where_held(found) -> int:
    """Where a known name ends, short of the place it says it is in: "Syrian Embassy in Doha"
    names Doha, as a name the gazetteer lacks ("French Consulate in Istanbul") does."""
    held = _HELD_IN.search(found.text)
    return found.start + held.start() if held else found.end


def _localities(masked: str, known: list[Hit]) -> list[Hit]:
    """Places the gazetteer lacks, named as places by the words around them."""
    hits = []
    taken = Spans((h.start, h.end) for h in known)
    for name, start in find_localities(masked):
        end = start + len(name)
        if "#" not in name and not taken.overlap(start, end):
            hits.append(Hit(start, end, name, Entry(name, "locality", None, (name,))))
    return hits


def _attributive(paragraph: str, found: Found) -> bool:
    """ "US Secretary of State", "US senators", "UK Special Representative": an abbreviation
    before a title or a name qualifies it, as an adjective would; it names no place there."""
    if not (found.text.isupper() and len(found.text) <= 3):
        return False
    following = _NEXT_WORD.match(paragraph, found.end)
    if not following:
        return False
    word = following.group(1)
    return (
        word[:1].isupper()
        or bool(ROLE_WORD.match(paragraph, following.start(1)))  # "US special envoy"
        # "the US role", "the US train and equip program": a noun it qualifies, not a verb
        or (
            _ARTICLE_BEFORE.search(paragraph, max(0, found.start - 8), found.start) is not None
            and _qualified(word)
        )
    )


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_NOT_QUALIFIED = word_set(
    """and or but nor in on at to of for with from by as than that which who is are was were has
    have had will would can could should must may might shall does did do not also itself"""
)


def _qualified(word: str) -> bool:
    """Whether a lowercase word after "the US" is a noun it qualifies rather than a verb or a
    word of the sentence ("the US and Russia", "the US has", "the US supported")."""
    return word.islower() and word not in _NOT_QUALIFIED and not word.endswith("ed")


_NEXT_WORD = re.compile(r" ([\w-]+)")


def _parent_before(paragraph: str, found: list[Found], i: int) -> str | None:
    """The organization written just before match `i` as its owner ("SOC's"), if any."""
    for previous in reversed(found[:i]):
        if not _PARENT_GAP.fullmatch(paragraph, previous.end, found[i].start):
            return None
        if len(previous.entries) == 1:
            return previous.entries[0].name
    return None


def _choose(
    found: Found, parent: str | None, whole_text: set[str], chosen: dict[str, Entry]
) -> Entry | None:
    if len(found.entries) == 1:
        return found.entries[0]
    key = found.text.lower()
    for entry in found.entries:
        if (parent and entry.parent == parent) or (set(entry.names) - {found.text}) & whole_text:
            chosen[key] = entry
            return entry
    return chosen.get(key)


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character inside one of `spans` (they may overlap) as "#", same length."""
    if not spans:
        return text
    pieces, done = [], 0
    for start, end in sorted(spans):
        if end > done:
            start = max(start, done)
            pieces += (text[done:start], "#" * (end - start))
            done = end
    pieces.append(text[done:])
    return "".join(pieces)
