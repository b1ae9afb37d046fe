"""Runs of capitalized words that may be people's names, and the sentences they stand in."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .names import word_set
from .roles import DEMONYMS, Role
from .title_words import ORG_NOUNS, ROLE_WORD

CONNECTORS = word_set("de da di del della der van von bin ibn bint al el la le du dos ben abu")


# Capitalized words that open or fill a run but are not names.
NOT_NAMES = (
    word_set("""
        The A An In On At And But Also Moreover Furthermore Additionally However Meanwhile During
        With For From By To As Both His Her Their This That These Those Former Then Mr Mr. Mrs Mrs.
        Ms Ms. Dr Dr. Prof Prof. Sheikh He She They It We Its Our After Before While When Where
        Regarding Concerning January February March April May June July August September October
        November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday God Allah Quran
        Eid Christmas Islamic Islam Arab Arabs Kurds Kurdish Muslim Muslims Christian
        Christians Alawite Sunni Shia Druze Turkmen Assyrian Revolution Revolutions Regime State
        States Republic Kingdom Act Law Agreement Accord Process Talks Conference Summit Day Week
        Year Plan Operation Crisis War Spring Square Street Road River Mount Sea Camp Prison
        Hospital School Airport Port Crossing Area Areas Region Province Governorate Countryside
        City Town
        Village District North South East West Northern Southern Eastern Western Middle Central
        Affairs Foreign Interior Defense Defence Justice Health Education Finance Economy Human
        Rights Security Peace Freedom Dignity Democracy International National Political
        Humanitarian Special Vice Deputy Executive Senior Acting General Prime High Secretary Head
        Envoy Recovery Early Captagon Excellency Highness Mission Staff Syrians Europeans Americans
        Major Brigadier Lieutenant Colonel Captain Admiral Engineer Eng Services Relations
        Development Energy Trade Industry Agriculture Culture Information Transport Awqaf Labor
        Labour Housing Environment Planning Resources Refugees Displaced Detainees Expatriates
        Issues Crimes Studies Research Policy
        Communique Communiqué Resolution Resolutions Constitution Charter Declaration Convention
        Statement Report Session Meeting Speech Interview Crown Prince Princess Queen
    """)
    | ORG_NOUNS
    | frozenset(DEMONYMS)
)


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"


# A description opening a sentence is no part of the name after it: "Trainer Lama X presented".
NOT_NAMES |= word_set("""
    Trainer Trainers Journalist Journalists Activist Activists Lawyer Lawyers Researcher Writer
    Poet Poets Artist Dissident Businessman Businesswoman Reporter Photographer Defector Detainee
    Martyr Citizen Student Teacher Academic Scholar Cleric Preacher Expert Analyst Physician
""")


# Bodies in the plural ("the Local Coordinating Committees") name no one either; "Banks" may.
NOT_NAMES |= frozenset(_plural(noun) for noun in ORG_NOUNS) - {"Banks"}


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])")


_ABBREVIATION = re.compile(r"\b(?:[A-Z]|No|Dr|Mr|Mrs|Ms|St|Prof)$")


@dataclass
class Candidate:
    """A run that may be a name, with what the text around it says of it."""

    line: str  # the paragraph's text
    paragraph: int
    start: int
    end: int
    text: str
    full: bool
    sentence: tuple[int, int]
    role: Role | None = None
    role_end: int | None = None  # where a role written after the name ends
    before: tuple[int, int] | None = None  # a role phrase written before the name
    after: tuple[int, int] | None = None  # one written after it
    evidence: bool = False
    spoke: bool = False
    acts: bool = False  # the subject of the event's verb: "X met with Y", "X visited Azaz"
    shared_title: bool = False  # given by a plural title at the head of its list
    member_of: str | None = None  # "X of the Syrian British Consortium"
    delegation: str | None = None  # whose delegation the name is listed in
    in_delegation: bool = False  # listed in a delegation, whoever's it is
    received: bool = False  # in a delegation the coalition received


_CAPITAL = "A-ZÀ-ÖØ-ÞŁŚŞŠŽ"


# Written before a capitalized word, joined by a hyphen: "al-Assad", "abu-Bakr".
_PREFIXES = ["al", "el", "as", "ad", "ash", "at", "az", "ar", "an", "bin", "ibn", "abu"]


_WORD_TAIL = r"[^\W\d_]*(?:['-][^\W\d_]+)*"


_NAME_WORD = rf"(?:(?:{'|'.join(_PREFIXES)})-)?[{_CAPITAL}]{_WORD_TAIL}"


def _first_name_word() -> str:
    """`_NAME_WORD` not continuing a word, written to start with a character class.

    The regex engine then skips in C to the capitals and the prefixes' first letters, instead of
    trying the pattern at every position; the character before the word (not a letter, digit, "_",
    "'" or "-") is checked right after that first character, and the lookbehinds that follow say
    which kind of word it began.
    """
    rests: dict[str, list[str]] = {}
    for prefix in _PREFIXES:
        rests.setdefault(prefix[0], []).append(prefix[1:])
    prefixed = "".join(
        f"|(?<={letter})(?:{'|'.join(rest)})-[{_CAPITAL}]" for letter, rest in rests.items()
    )
    return rf"[{_CAPITAL}{''.join(rests)}](?<![\w'-].)(?:(?<=[{_CAPITAL}]){prefixed}){_WORD_TAIL}"


NAME_RUN = re.compile(
    rf"{_first_name_word()}(?: (?:(?:{'|'.join(sorted(CONNECTORS))}) )*{_NAME_WORD})*(?![\w-])"
)


_RUN_WORD = re.compile(r"\S+")


def find_candidates(
    number: int, text: str, masked: str, sentences: list[tuple[int, int]]
) -> list[Candidate]:
    """Runs of capitalized words in `masked` (entities blotted out), trimmed to a possible name."""
    found = []
    starts = [start for start, _ in sentences]
    for run in NAME_RUN.finditer(masked):
        if " " not in run.group() and _not_name(run.group()):
            continue  # most runs: one capitalized common word ("The", "Moreover", "Syrian")
        words = [(m.start() + run.start(), m.group()) for m in _RUN_WORD.finditer(run.group())]
        for cut in [i for i, (_, w) in enumerate(words[:-1]) if w.endswith("'s")][::-1]:
            words = words[cut + 1 :]  # "Erdogan's Adviser Ibrahim Kalin": the name is after it
        while words and _not_name(words[0][1]):
            words.pop(0)
        for i in range(len(words) - 1, -1, -1):
            if _not_name(words[i][1]):
                words = words[i + 1 :]
                break
        while words and words[-1][1] in CONNECTORS:
            words.pop()
        while words and words[0][1] in CONNECTORS:
            words.pop(0)
        names = [w for _, w in words if w not in CONNECTORS]
        if not names or len(names) > 5 or _REGNAL.fullmatch(names[0]):
            continue  # "Geneva II": a number alone names nobody
        start = words[0][0]
        last = _RUN_ON.sub("'s", words[-1][1])  # "Al Khatib'spositive": a slip, "Khatib's"
        end = words[-1][0] + len(last) - (2 if last.endswith("'s") else 0)
        sentence = sentences[bisect_right(starts, start) - 1]
        found.append(
            Candidate(text, number, start, end, text[start:end], len(names) >= 2, sentence)
        )
    return found


# A possessive run on to the next word by a typing slip: "Khatib'spositive".
_RUN_ON = re.compile(r"'s[a-z]+$")


@lru_cache(maxsize=65536)  # asked about every capitalized word; the same words recur
def _not_name(word: str) -> bool:
    word = word[:-2] if word.endswith("'s") else word
    return (
        word in NOT_NAMES
        or (len(word) > 1 and word.isupper() and not _REGNAL.fullmatch(word))
        or bool(ROLE_WORD.fullmatch(word))
    )


# A regnal number ends a name: "King Abdullah II".
_REGNAL = re.compile(r"I{2,3}|IV|VI{0,3}")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(0, match.start() - 5), match.start()):
            continue  # "Dr. Nasr", "U.S. Congress"
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds
