"""The words titles and organizations' names are made of: title head words ("Special Envoy",
"Secretary General") in every case and number, the nouns that make a run of capitals a body's name
("Council", "Front"), and the words that may stand inside a name ("of", "al")."""

from __future__ import annotations

import re

from .gazetteer import trie_pattern
from .names import word_set

# The head words of titles; the words before one in the same capitalized run belong to the title too
# ("Political Affairs Officer", "Foreign Minister").
TITLES = (
    # Titles whose own words hold "of": the organization is named after them.
    "Chief of General Staff",
    "Chief of Staff",
    "Head of Mission",
    "Chief of Mission",
    "Secretary of State",
    "Minister of State",
    "High Representative",
    "High Commissioner",
    "Vice President",
    "President",
    "Deputy Secretary General",
    "Secretary General",
    "Secretary",
    "Executive Director",
    "Director General",
    "Director",
    "Deputy",
    "Coordinator",
    "Co-Chairman",
    "Co-Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Chair",
    "Head",
    "Member",
    "Representative",
    "Special Envoy",
    "Envoy",
    "Ambassador",
    "Minister",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Officer",
    "Adviser",
    "Advisor",
    "Senator",
    "Congressman",
    "Congresswoman",
    "Commander",
    "Governor",
    "Mayor",
    "Chief",
    "Consul General",
    "Consul",
    "Chargé d'Affaires",
    "Charge d'Affaires",
    "Rapporteur",
    "Commissioner",
    "King",
    "Emir",
    "Crown Prince",
    "Sheikh",
    "Founder",
    "Leader",
    "Official",
    "Judge",
    "Delegate",
    "MP",
    "MEP",
    "Undersecretary",
    "Under-Secretary",
    "Speaker",
    "Counsellor",
    "Counselor",
    "Prosecutor",
)


def _plural(title: str) -> str:
    for singular, plural in (("man", "men"), ("ary", "aries"), ("uty", "uties")):
        if title.endswith(singular):
            return title[: -len(singular)] + plural
    return title + "s"


# One trie-shaped, case-sensitive pattern (spelled in the three cases releases use): the regex
# engine rejects most positions at their first character, where IGNORECASE would double the scanning
# time.
_TITLE_WORDS = trie_pattern(
    [
        w
        for t in TITLES
        for word in (t, _plural(t))
        for w in (word, word.lower(), word.upper(), word[0] + word[1:].lower())
    ]
)
ROLE_WORD = re.compile(rf"\b(?:{_TITLE_WORDS})\b")
# The same, as the character before the word (anything but a word character) and the word: a
# pattern that starts with a character class, which the engine looks for without trying the whole
# pattern at every position.
_GAP_AND_ROLE_WORD = re.compile(rf"\W({_TITLE_WORDS})\b")


def title_spans(text: str) -> list[tuple[int, int]]:
    """Where ROLE_WORD matches in `text`, left to right: the spans its `finditer` would give,
    and a title a typing slip joined to the word before ("consisting ofVice Presidents").

    A word at the very start has no character before it, hence the space put in front.
    """
    spans = [(m.start(1) - 1, m.end(1) - 1) for m in _GAP_AND_ROLE_WORD.finditer(" " + text)]
    glued = [
        (m.end(), title.end())
        for m in _GLUED.finditer(text)
        if (title := _TITLE_AT.match(text, m.end()))
    ]
    if not glued:
        return spans
    inside = [s for s in spans if any(start < s[0] < end for start, end in glued)]
    return sorted(set(spans) - set(inside) | set(glued))


# A connector run on to the capitalized word after it, a slip of releases: "ofVice", "theSyrian".
_GLUED = re.compile(r"\b(?:of|the|for|and|to)(?=[A-Z][a-z])")
_TITLE_AT = re.compile(rf"(?:{_TITLE_WORDS})\b")


# Words that make a phrase an organization's name ("Syrian Emergency Organization").
ORG_NOUNS = word_set(
    "Organization Organisation Council Committee Commission Coalition Government Ministry "
    "Department Office Team Unit Army Forces Front Movement Party Union League Association "
    "Foundation Society Institute Center Centre Network Agency Authority Delegation Consulate "
    "Embassy Mission Bureau Directorate Corps Brigade Brigades Group Alliance Federation Assembly "
    "Parliament Congress Senate Court Tribunal Bank Fund Programme Program Initiative Campaign "
    "Watch Secretariat Service Board "
    "Forum Syndicate Body Platform Observatory Institution Academy University Company Corporation "
    "Guard Police Division Administration Cabinet Presidency Caucus Trust Alliance Legion "
    "Battalion Regiment"
)
# Lowercase words after a name that only say what it is ("the Christians for Peace organization").
DESCRIPTOR = re.compile(
    r"\s+(?:organi[sz]ation|group|association|movement|network|foundation|NGO)$"
)
PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")

_NAME_CONNECTORS = word_set("of the a an and for in on to de al el du des la &")


def name_run(text: str) -> str:
    """The leading run of words that can belong to a name: capitalized words and connectors.

    An appositive left unclosed ("Coordinator of the Office ... Abroad took part in ...") runs on
    to the end of the sentence; a name stops at its first lowercase word that is no connector.
    """
    words = text.split()
    end = 0
    for index, word in enumerate(words):
        if word[:1].isupper() or word[:1].isdigit() or word.startswith("("):
            end = index + 1
        elif word not in _NAME_CONNECTORS:
            break
    return " ".join(words[:end])


def is_organization_name(text: str) -> bool:
    """Whether capitalized words read as an organization's name: with a word like Council."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and any(w in ORG_NOUNS for w in words)


def singular(word: str) -> str:
    """The singular of a plural title word ("Vice-Presidents", "Secretaries", "Chairmen")."""
    candidates = (
        word[:-3] + "y" if word.endswith("ies") else "",
        word[:-1] if word.endswith("s") else "",
        word.replace("men", "man"),
    )
    return next((c for c in candidates if c and c != word and ROLE_WORD.fullmatch(c)), word)


def last_head(phrase: str):
    """The last of the title words the phrase begins with: "Head of Mission" in "Deputy Head of
    Mission" (what follows it may name an organization, what it holds does not)."""
    head = ROLE_WORD.search(phrase)
    while head and phrase.startswith(" ", head.end()):
        following = ROLE_WORD.match(phrase, head.end() + 1)
        if not following:
            break
        head = following
    return head
