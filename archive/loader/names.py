"""When two spellings name one person: the rules shared by the extractor and the entity store.

Arabic names reach English through several transliterations: "Abdel-Majid" / "Abdul Majid" / "Abd
al-Majid", "Al-Meslet" / "al-Meslet", "Kaddo" / "Kado", "Çavuşoğlu" / "Cavusoglu". `person_key`
erases the conventions that never distinguish two people (case, accents, hyphens, the article
al-/el-, the Abd- prefix forms, doubled letters, Muhammad's spellings); what is left is compared
with rapidfuzz, and a verdict says how sure the match is, so callers can merge the sure ones and ask
an editor about the doubtful ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from archive.text import fold


# Articles and particles that transliterations add or drop ("al-Bahra" / "Bahra", "de Mistura").
def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list: how the word lists here stay one line per topic."""
    return frozenset(words.split())


PARTICLES = word_set(
    "al el ad ed as es ash at et az ar an ul ud de da di del della der van von le la du"
)
_ABD = re.compile(r"\babd(?:ul|el|al|oul|ol|il)?")
_MUHAMMAD = re.compile(r"\bm[ou]h[ae]?m+[ae]d\b")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, ...]:
    """The folded parts of a name that matter: particles dropped, transliterations unified."""
    folded = _MUHAMMAD.sub("muhammad", _ABD.sub("abd", fold(name)))
    return tuple(_DOUBLED.sub(r"\1", part) for part in folded.split() if part not in PARTICLES)


def person_key(name: str) -> str:
    """Key where spellings of a name coincide ("Abdel-Majid Barakat", "Abdul Majid Barakat")."""
    return "".join(name_parts(name))


def surname_key(name: str) -> str:
    parts = name_parts(name)
    return parts[-1] if parts else ""


def given_key(name: str) -> str:
    return "".join(name_parts(name)[:-1])


def similar(a: str, b: str) -> float:
    """Similarity of two keys, 0..1 (rapidfuzz's normalized Indel similarity)."""
    return fuzz.ratio(a, b) / 100


@dataclass(frozen=True)
class Verdict:
    """How sure it is that two full names name one person.

    `sure`: the same name written two ways. `probable`: one part identical, the other a small
    spelling difference (Astepho / Asepho): the same person if the context agrees (same
    organization). `doubtful`: worth an editor's look, never merged automatically.
    """

    level: str  # "sure", "probable", "doubtful" or "different"
    score: float
    reason: str


DIFFERENT = Verdict("different", 0.0, "")


def compare_names(a: str, b: str) -> Verdict:
    if person_key(a) == person_key(b):
        return Verdict("sure", 1.0, "same name in another transliteration")
    given_a, given_b = given_key(a), given_key(b)
    surname_a, surname_b = surname_key(a), surname_key(b)
    if not (given_a and given_b):
        return DIFFERENT
    if surname_a == surname_b:
        score = similar(given_a, given_b)
        # A shared surname alone proves nothing (Nasr and Hussein Al-Hariri are two people).
        if score >= 0.9:
            return Verdict(
                "probable", score, "same surname, given name spelled slightly differently"
            )
        if score >= 0.75:
            return Verdict("doubtful", score, "same surname, similar given name")
        return DIFFERENT
    if given_a == given_b:
        score = similar(surname_a, surname_b)
        if score >= 0.85 and surname_a[0] == surname_b[0]:
            return Verdict(
                "probable", score, "same given name, surname spelled slightly differently"
            )
        if score >= 0.7:
            return Verdict("doubtful", score, "same given name, similar surname")
        return DIFFERENT
    score = similar(person_key(a), person_key(b))
    if score >= 0.9:
        return Verdict("doubtful", score, "similar names")
    return DIFFERENT


@lru_cache(maxsize=65536)  # asked for every pair of a release's names and spellings
def is_short_form(short: str, full: str) -> bool:
    """Whether `short` ("Al-Hariri", "Kado") names `full` ("Nasr Al-Hariri", "Abdullah Kaddo")."""
    short_parts, full_parts = name_parts(short), name_parts(full)
    if not short_parts or len(short_parts) >= len(full_parts):
        return False
    if full_parts[-len(short_parts) :] == short_parts:
        return True
    if len(short_parts) == 1:
        a, b = short_parts[0], full_parts[-1]
        return len(a) >= 4 and a[0] == b[0] and similar(a, b) >= 0.85
    return False
