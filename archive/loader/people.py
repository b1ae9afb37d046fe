"""People in a release: who they are, their role and organization, their side, whether they spoke.

A run of capitalized words is a person's name only with evidence from how releases are written: a
title next to it ("Vice President Abdul Majid Barakat", "Dan Stoenescu, Head of ..."), a verb of
speech after it ("Guillaume stressed"), a word introducing participants before it ("included"), or a
place in a list of such names. A run with an institution word in it ("Early Recovery Fund") is not a
name. A single word ("Al-Hariri", "Kado") is a later short reference, kept only when it resolves to
a full name of the same release; so "the Assad regime" yields nobody, while "Bashar al-Assad" would.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache

from .bodies import find_bodies
from .entities import Hit, mask
from .gazetteer import Gazetteer, words_pattern
from .names import is_short_form, person_key, surname_key, word_set
from .roles import (
    DEMONYMS,
    ORG_NOUNS,
    ROLE_WORD,
    Owners,
    Role,
    is_organization_name,
    parse_role,
    singular,
)

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
        Envoy Recovery Early Captagon Excellency Highness Mission Syrians Europeans Americans
        Major Brigadier Lieutenant Colonel Captain Admiral Engineer Eng Services Relations
        Development Energy Trade Industry Agriculture Culture Information Transport Awqaf Labor
        Labour Housing Environment Planning Resources Refugees Displaced Detainees Expatriates
        Issues Crimes Studies Research Policy
        Communique Communiqué Resolution Resolutions Constitution Charter Declaration Convention
        Statement Report Session Meeting Speech Interview
    """)
    | ORG_NOUNS
    | frozenset(DEMONYMS)
)

_SPEECH = re.compile(
    r"\s*(?:,\s*who\s+)?(?:(?:also|further|then|later|again|has|had|have|was|is|strongly|firmly|clearly|"
    r"once\s+again)\s+)*(?:said|says|stated|stressed|emphasi[sz]ed|noted|indicated|pointed|added|affirmed|"
    r"reaffirmed|confirmed|called|urged|demanded|warned|reminded|mentioned|explained|expressed|"
    r"underscored|underlined|highlighted|outlined|assured|asserted|declared|announced|welcomed|praised|"
    r"condemned|denounced|criticized|spoke|told|briefed|gave|presented|described|asked|appealed|insisted|"
    r"thanked|reiterated|revealed|clarified|argued|commented|concluded|replied|responded|talked|"
    r"addressed|conveyed|delivered|discussed|reviewed|considered|hoped)\b",
    re.IGNORECASE,
)
_CUE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?|included|including|includes|attended\s+by|joined\s+by|accompanied\s+by|met(?:\s+with)?|"
    r"meeting\s+with|received|hosted|according\s+to|told|participation\s+of|such\s+as|namely|"
    r"brought\s+together|headed\s+by|led\s+by|chaired\s+by|composed\s+of|consist(?:s|ed|ing)?\s+of|"
    r"comprised|comprising|comprises|made\s+up\s+of|members\s+are|featured|featuring)\s*:?\s*$",
    re.IGNORECASE,
)
# Between the names of a list: ranks, honorifics, or a word saying what the next one is ("..., and
# lawyer Noura Ghazi").
_LIST_GAP = re.compile(
    r"\s*(?:,\s*and|,|and|&)\s*(?:(?:Major|Brigadier|Lieutenant|Colonel|General|Captain|Sheikh|"
    r"Dr|Mr|Mrs|Ms|Eng)\.?\s+)*(?:(?!the\b|a\b|an\b|its\b|his\b|her\b)[a-z]+\s+)?"
)
# Between list items whose titles come first: ", the ", ", and SOC ", ", and the SOC's "; or
# people who came with someone: ", accompanied by the ".
_ITEM_GAP = re.compile(
    r"\s*(?:,\s*and|,|and|&|,?\s*(?:accompanied\s+by|along\s+with|as\s+well\s+as))\s*"
    r"(?:the\s+)?(?:[A-Z]{2,}(?:'s)?\s+|\w+'s\s+)?"
)
_PRONOUN_SPEECH = re.compile(r"^(?:He|She)\b")
_PARTICIPATION = re.compile(
    words_pattern(
        ["met", "meet", "meeting", "meetings", "attended", "attendance", "delegation", "included"]
        + [r"brought\s+together", "received", "hosted", "visit", "visited", "call", "participated"]
        + ["participation", r"talks\s+with", "joined", "letter", "letters", "sent", "wrote"]
        + ["phone", "call", "called", "phoned", "teleconference", "accompanied"]
    ),
    re.IGNORECASE,
)
# Whose a delegation is: "the French delegation", "the Coalition's delegation", "a delegation of
# the Syrian Tribal Council" (the body's name follows, found among the paragraph's bodies).
_OWNED_DELEGATION = re.compile(r"\b([A-Z][\w-]*)(?:'s)?\s+delegation\b")
_OPPOSITION_DELEGATION = re.compile(r"\bopposition(?:'s)?\s+delegation\b", re.IGNORECASE)
_DELEGATION_OF = re.compile(r"\bdelegations?\s+(?:of|from)\s+")
# Who belongs to it: "The delegation included X", "a delegation ... headed by X".
_DELEGATION_MEMBERS = re.compile(
    r"\bdelegation\b[^.;]*?\b(?:included|includes|including|comprised|comprising|consisted\s+of|"
    r"composed\s+of|made\s+up\s+of|headed\s+by|led\s+by|chaired\s+by)\b"
    r"|\b(?:members?|head)\s+of\s+the\s+(?:\w+\s+)?delegation\b"
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|No|Dr|Mr|Mrs|Ms|St|Prof)$")

# Events whose participants outside the coalition's side are its counterparts: those it met,
# visited, phoned or wrote to. At a conference or a workshop the others present are only mentioned.
INTERACTIVE_EVENTS = frozenset(
    {
        "meeting",
        "visit",
        "phone call",
        "letter",
        "interview",
        "press conference",
        "general assembly session",
    }
)


@dataclass(frozen=True)
class PersonFact:
    name: str
    spellings: tuple[str, ...]
    role: str
    organization: str | None
    side: str
    spoke: bool
    paragraph: int


@dataclass
class _Candidate:
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
    shared_title: bool = False  # given by a plural title at the head of its list
    member_of: str | None = None  # "X of the Syrian British Consortium"
    delegation: str | None = None  # whose delegation the name is listed in
    received: bool = False  # in a delegation the coalition received


@dataclass
class _Person:
    spellings: list[str] = field(default_factory=list)
    role: Role | None = None
    paragraph: int = 0
    spoke: bool = False
    participant: bool = False
    group: str | None = None
    known: str | None = None  # the reference data's name, for one named by surname alone
    member_of: str | None = None
    post_organization: str | None = None  # a known person's, when the text gives no title
    received: bool = False

    @property
    def name(self) -> str:
        written = max(self.spellings, key=lambda s: (len(s.split()), len(s)))
        return self.known if self.known and len(written.split()) < 2 else written


def find_people(
    paragraphs: list[str],
    org_hits: list[list[Hit]],
    place_hits: list[list[Hit]],
    titles: list[list[tuple[int, int]]],
    *,
    gazetteer: Gazetteer,
    event_kind: str,
    year: int | None = None,
) -> list[PersonFact]:
    """Every person of the release with role, organization, side and speech.

    `paragraphs` are normalized; the hits and `titles` (spans of ROLE_WORD) are given per paragraph.
    People the reference data knows are recognized by name alone, a surname alone included when
    it names one of them only, and what the text does not say of their post is taken from it for
    the release's `year`.
    """
    candidates: list[_Candidate] = []
    earlier_orgs: list[str] = []
    delegations: list[tuple[int, int, str, bool]] = []  # (paragraph, where, whose, received)
    sentences = [_sentences(text) for text in paragraphs]
    for number, text in enumerate(paragraphs, start=1):
        hits, places = org_hits[number - 1], place_hits[number - 1]
        spans = [(hit.start, hit.end) for hit in (*hits, *places)]
        # Bodies the gazetteer does not know hold no names: "... and Policy Studies, Azmi Bishara".
        bodies = find_bodies(text, spans)
        spans += [(start, start + len(body)) for body, start in bodies]
        earlier_orgs.extend(body for body, _ in bodies)
        masked = mask(text, spans)
        found = _candidates(number, text, masked, sentences[number - 1])
        earlier_orgs.extend(_bodies_in_lowercase(text, gazetteer))
        _assign_roles(text, found, hits, places, titles[number - 1], earlier_orgs, gazetteer)
        _collect_evidence(text, found)
        _members_of_bodies(text, found, hits, bodies)
        _members_of_listed_body(text, found, gazetteer)
        delegations.extend(_delegations(number, text, hits, bodies))
        _delegation_members(text, found, delegations)
        for c in found:
            _trim_to_known_name(c, gazetteer)
            c.evidence = c.evidence or (c.full and bool(gazetteer.known_people(c.text)))
        candidates.extend(found)
        earlier_orgs.extend(h.entry.name for h in hits)
    people = _group(candidates, paragraphs)
    _add_known_by_surname(candidates, people, paragraphs, gazetteer)
    for person in people:
        _complete_from_posts(person, gazetteer, year)
    _attribute_pronoun_speech(sentences, paragraphs, candidates, people)
    _share_coalition(candidates, people, gazetteer)
    received = {whose for _, _, whose, was_received in delegations if was_received}
    for person in people:  # "met a delegation of the KNC ... the head of the KNC Saud Mulla"
        if person.role and person.role.organization in received:
            person.received = True
    return [_fact(p, gazetteer, event_kind) for p in people]


_ACCOMPANYING = re.compile(
    r"\b(?:accompanied\s+by|along\s+with|together\s+with)\s+(?:the\s+|his\s+|her\s+)?$"
)


def _share_coalition(
    candidates: list[_Candidate], people: list[_Person], gazetteer: Gazetteer
) -> None:
    """A title without an organization, listed with the coalition's people, is the coalition's.

    "President of the SOC, Salem Al-Meslet, and Vice-President Abdulahad Astepho": Astepho too.
    """
    of_spelling: dict[str, _Person] = {}
    for p in people:
        for spelling in p.spellings:
            of_spelling.setdefault(spelling, p)
    lists: list[list[_Person]] = []
    sentence_lists: dict[tuple, list[_Person]] = {}  # the list of each sentence's first person
    previous = None
    for c in candidates:
        person = of_spelling.get(c.text)
        if person is None:
            continue
        where = (c.paragraph, c.sentence)
        if previous and previous.paragraph == c.paragraph and _listed_after(previous, c):
            lists[-1].append(person)
        elif where in sentence_lists and _ACCOMPANYING.search(
            c.line, c.sentence[0], c.before[0] if c.before else c.start
        ):
            sentence_lists[where].append(person)  # "X visited Azaz, accompanied by Minister Y"
        else:
            lists.append([person])
            sentence_lists.setdefault(where, lists[-1])
        previous = c
    for members in lists:
        ours = {
            p.role.organization
            for p in members
            if p.role and p.role.organization in gazetteer.coalition_family
        }
        if ours:
            shared = ours.pop() if len(ours) == 1 else gazetteer.coalition
            for p in members:
                if p.role and not p.role.organization and not p.group:
                    p.group = shared


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


def _bodies_in_lowercase(text: str, gazetteer: Gazetteer) -> list[str]:
    """Known bodies written in lowercase ("the Coalition's political committee").

    They are for back-references, not mentions: the gazetteer's matcher is case-sensitive, so "the
    political committee" is not counted as an organization named, yet a later "head of the
    committee" still needs to know which committee.
    """
    found = []
    for noun in _BODY_NOUNS:
        end = text.find(f" {noun}")
        while end != -1:
            words = text[max(0, end - 40) : end].split()[-2:]
            for k in range(len(words)):
                entry = gazetteer.organization(" ".join([*words[k:], noun]))
                if entry:
                    found.append(entry.name)
                    break
            end = text.find(f" {noun}", end + 1)
    return found


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


_RUN = re.compile(
    rf"{_first_name_word()}(?: (?:(?:{'|'.join(sorted(CONNECTORS))}) )*{_NAME_WORD})*(?![\w-])"
)
_RUN_WORD = re.compile(r"\S+")


def _candidates(
    number: int, text: str, masked: str, sentences: list[tuple[int, int]]
) -> list[_Candidate]:
    """Runs of capitalized words in `masked` (entities blotted out), trimmed to a possible name."""
    found = []
    starts = [start for start, _ in sentences]
    for run in _RUN.finditer(masked):
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
        if not names or len(names) > 5:
            continue
        start = words[0][0]
        end = words[-1][0] + len(words[-1][1]) - (2 if words[-1][1].endswith("'s") else 0)
        sentence = sentences[bisect_right(starts, start) - 1]
        found.append(
            _Candidate(text, number, start, end, text[start:end], len(names) >= 2, sentence)
        )
    return found


@lru_cache(maxsize=65536)  # asked about every capitalized word; the same words recur
def _not_name(word: str) -> bool:
    word = word[:-2] if word.endswith("'s") else word
    return (
        word in NOT_NAMES or (len(word) > 1 and word.isupper()) or bool(ROLE_WORD.fullmatch(word))
    )


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(0, match.start() - 5), match.start()):
            continue  # "Dr. Nasr", "U.S. Congress"
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


_ROLE_AFTER = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")


def _assign_roles(text, found, hits, places, titles, earlier_orgs, gazetteer) -> None:
    """Titles written before or after each name, with the list conventions of releases.

    In "A, Chairman of X, B" the title belongs to B when the sentence writes titles before names
    ("..., and Chair of Y, C"), and to A otherwise ("included A, Officer at X, B, and C").
    """
    full = [c for c in found if c.full]
    owners = Owners(hits, places, earlier_orgs)

    def parse(start, end):
        return parse_role(text, start, end, owners=owners, gazetteer=gazetteer)

    title_starts = [start for start, _ in titles]
    boundary = 0
    for c in found:
        c.before = _role_before(text, max(boundary, c.sentence[0]), c.start, titles, title_starts)
        c.after = _role_after(text, c.end, titles, title_starts) if c.full else None
        boundary = c.end if c.full else boundary
    name_ends = {c.end for c in full}
    before_style = {c.sentence for c in full if c.before and not _appositive(text, name_ends, c)}
    for c in found:
        if c.before and (not _appositive(text, name_ends, c) or c.sentence in before_style):
            c.role = parse(*c.before)
    for c, nxt in zip(full, [*full[1:], None], strict=False):
        taken = (
            nxt
            and nxt.role
            and nxt.before
            and c.after
            and c.after[0] <= nxt.before[0] <= c.after[1]
        )
        if c.role is None and c.after and not taken:
            c.role = parse(*c.after)
            c.role_end = c.after[1]
    _assign_named_roles(text, full, title_starts, parse)


# "X was elected Secretary-General", "A, B and C were elected vice-presidents", "elected X as
# President of the SOC": the title follows the name (or the list of names) it is given to.
_NAMED_AS = re.compile(
    r"\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:re-?)?"
    r"(?:elected|appointed|named|chosen|nominated|designated)\s+(?:as\s+)?|as\s+)"
    r"(?:the\s+)?(?:new\s+|first\s+)?"
)


def _assign_named_roles(text: str, full: list[_Candidate], title_starts, parse) -> None:
    for index, c in enumerate(full):
        named = _NAMED_AS.match(text, c.end)
        if c.role or not named:
            continue
        at = bisect_left(title_starts, named.end())
        if at == len(title_starts) or title_starts[at] != named.end():
            continue
        role = parse(named.end(), _title_extent(text, named.end()))
        c.role, c.evidence = role, True
        # Back along the list this name ends: "A, B, and C were elected ...".
        for later in range(index, 0, -1):
            earlier = full[later - 1]
            if earlier.role or not _LIST_GAP.fullmatch(text, earlier.end, full[later].start):
                break
            earlier.role, earlier.evidence = role, True


_TITLE_WORD = re.compile(r"[\w'-]+")
_TITLE_CONNECTORS = word_set("of the for to in at on and &")


def _title_extent(text: str, start: int) -> int:
    """Where a title written from `start` ends: its capitalized words, title words, body nouns and
    the connectors between them ("President of the SOC", "vice-presidents", "member of the
    political committee"); not a sentence's ordinary words ("... for a one-year term")."""
    end, position = start, start
    for word in _TITLE_WORD.finditer(text, start):
        between = text[position : word.start()]
        if between.strip():
            break
        token = word.group()
        titled = (
            token[:1].isupper()
            or ROLE_WORD.fullmatch(token)
            or token.capitalize() in ORG_NOUNS
            or _lowercase_body_word(text, word.end())
        )
        if titled:
            end = word.end()
        elif token not in _TITLE_CONNECTORS:
            break
        position = word.end()
    return end


def _lowercase_body_word(text: str, end: int) -> bool:
    """Whether the next word is a body noun: "political" in "the political committee"."""
    following = _TITLE_WORD.match(text, end + 1) if text.startswith(" ", end) else None
    return bool(following) and following.group().capitalize() in ORG_NOUNS


def _role_before(
    text: str, window_start: int, name_start: int, titles, title_starts: list[int]
) -> tuple[int, int] | None:
    first = bisect_right(title_starts, window_start - 1)
    # The title nearest the name is its own: "... ministers of the EU and to EU High
    # Representative Kaja Kallas"; the words before it that belong to it are taken in below.
    for title_start in reversed(title_starts[first : bisect_right(title_starts, name_start - 1)]):
        start = title_start
        # Take in the capitalized words just before the head word ("Political Affairs Officer",
        # "Foreign Minister"), up to a word that is no part of a title ("Turkish", "the").
        lead = _TITLE_WORDS_BEFORE.search(text[window_start:start])
        if lead:
            for word in reversed(lead.group().split()):
                if word in _NOT_TITLE:
                    break
                start = text.rindex(word, window_start, start)
        possessor = text.rfind("'s ", start, name_start)
        if possessor != -1 and not _OWNER_WORD.search(text, start, possessor):
            start = possessor + 3  # "President Putin's special envoy X": the envoy is X's title
        phrase = _RANKS.sub("", _HONORIFIC.sub("", text[start:name_start])).rstrip()
        if phrase.endswith(","):
            phrase = phrase[:-1]
        if (
            _ENDS_WITH_AND.search(phrase)
            or "," in _PARENS.sub("", phrase)
            or _VERBS.search(phrase)
            or _LOWERCASE_AFTER_HEAD.match(text, _head_end(text, title_start), start + len(phrase))
        ):
            continue
        return start, start + len(phrase)
    return None


# A possessive whose owner is a body or a country, not a person: the title starts before it
# ("the Coalition's representative" keeps its owner, read by parse_role).
_OWNER_WORD = re.compile(r"\b(?:the|Coalition|SOC|SNC|SIG|UN|EU|US|UK)\b")


def _head_end(text: str, title_start: int) -> int:
    head = ROLE_WORD.match(text, title_start)
    return head.end() if head else title_start


# A title is written in capitals and joined by "of", "for", "to"...: "Member elected" is no title.
_LOWERCASE_AFTER_HEAD = re.compile(r"\s+(?!(?:of|for|to|at|in|on|and|the|a|an)\b)[a-z]")
# Military ranks and honorifics between a title and a name: "Defense Minister Major General X".
_RANKS = re.compile(
    r"(?:\s+(?:Major|Brigadier|Lieutenant|Colonel|General|Captain|Admiral|Sheikh|Judge|Engineer|"
    r"Eng\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?))+\s*$"
)
_TITLE_WORDS_BEFORE = re.compile(r"(?:\b[A-Z][a-z][\w-]*\s+){1,3}$")
_ENDS_WITH_AND = re.compile(r"(?:^|\s)(?:and|or)$")
_PARENS = re.compile(r"\([^)]*\)")
# "Deputy Head of the German Embassy, Mr. Michael Ohnmacht": the honorific is not part of the title.
_HONORIFIC = re.compile(r",?\s*\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s*$")
_NOT_TITLE = (
    word_set("The A An And In On At Of With By For To From As Both")
    | frozenset(DEMONYMS)
    | ORG_NOUNS
)
_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|will|would|can|should|must|not|said|held|met|discussed|"
    r"stressed|including|included|that|which|who|whom|where|when|while|with|by|from|as|during|after|"
    r"before|between|against|this|these|those|its|their|his|her)\b"
)


_CLAUSE = re.compile(r"[^,.;:]*")
_OWNER_LEAD = re.compile(r"(?:(?:former|acting|outgoing|then)\s+)?(?:[A-Z]{2,}\s+)+")
_TITLE_LEAD = re.compile(
    r"(?:(?:former|acting|interim|outgoing|then|new)\s+)?(?:[A-Z][\w'-]*\s+){0,3}"
    r"|[\w'-]+(?:'s)?\s+"
)


def _role_after(
    text: str, name_end: int, titles, title_starts: list[int]
) -> tuple[int, int] | None:
    match = _ROLE_AFTER.match(text, name_end)
    if not match:
        return None
    tail = _CLAUSE.match(text, match.end()).group()
    first = bisect_right(title_starts, match.end() - 1)
    head = next(
        (s - match.end() for s, e in titles[first : first + 1] if e <= match.end() + len(tail)),
        None,
    )
    if head is None or not _TITLE_LEAD.fullmatch(tail[:head]) or _VERBS.search(tail):
        return None
    # "Stefan Schneck, Germany's Special Envoy", "..., former US Ambassador": the owner is read
    # from before the title.
    owner = tail.rfind("'s ", 0, head)
    lead = _OWNER_LEAD.match(tail, 0, head)
    start = match.end() + (owner + 3 if owner != -1 else lead.end() if lead else 0)
    return start, match.end() + len(tail.rstrip())


_APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+)?$")


def _appositive(text: str, name_ends: set[int], c: _Candidate) -> bool:
    """Whether the title before `c` follows another name and a comma ("A, Chairman of X, c")."""
    gap = _APPOSITIVE_GAP.search(text, max(0, c.before[0] - 100), c.before[0])
    return bool(gap) and any(
        end in name_ends and _APPOSITIVE_GAP.fullmatch(text, end, c.before[0])
        for end in range(gap.start(), c.before[0])
    )


def _delegations(number: int, text: str, hits: list[Hit], bodies) -> list[tuple[int, int, str]]:
    """Each delegation whose owner the paragraph names, with where it is named."""
    if "delegation" not in text:
        return []
    starts = {hit.start: hit.entry.name for hit in hits}
    starts.update({start: body for body, start in bodies})
    found = []
    for match in _DELEGATION_OF.finditer(text):
        # The body's name may start with its article: "the Syrian Opposition Coalition".
        after_the = match.end() + 4 if text.startswith("the ", match.end()) else None
        whose = starts.get(match.end()) or starts.get(after_the)
        if whose:
            received = bool(_RECEIVED.search(text, max(0, match.start() - 40), match.start()))
            found.append((number, match.start(), whose, received))
    for match in _OWNED_DELEGATION.finditer(text):
        if match.group(1) not in ("The", "A", "This"):
            found.append((number, match.start(), match.group(1), False))
    for match in _OPPOSITION_DELEGATION.finditer(text):
        found.append((number, match.start(), "opposition", False))
    return sorted(found)


_OTHER_PARTY = re.compile(r"\b(?:met|meets|visited|visits|received|hosted|discussed|said|with)\b")


def _last(matches):
    kept = deque(matches, maxlen=1)
    return kept[0] if kept else None


_RECEIVED = re.compile(
    r"\b(?:received|receives|met(?:\s+with)?|meets(?:\s+with)?|hosted|hosts|welcomed)\s+"
    r"(?:a|the|an)\s+(?:\w+\s+)?$"
)


def _delegation_members(text: str, found: list[_Candidate], delegations) -> None:
    """Members of a delegation are its owner's: the owner named last before them. A delegation
    the coalition received is its counterpart, whoever sent it."""
    for c in found:
        sentence = text[c.sentence[0] : c.start]
        members = "delegation" in sentence and _last(_DELEGATION_MEMBERS.finditer(sentence))
        if not members or _OTHER_PARTY.search(sentence, sentence.rfind("delegation")):
            continue  # "A delegation led by X visited Paris and met with Y": Y is not in it
        owners = [d for d in delegations if (d[0], d[1]) < (c.paragraph, c.start)]
        if owners:
            c.delegation, c.received = owners[-1][2], owners[-1][3]


# "The committee is composed of A, B and C": members of the committee named before.
_COMPOSED = re.compile(
    r"\b(?:the|its|a|this)\s+(?:new\s+)?(?P<body>(?:[\w'-]+\s+){0,3}?"
    r"(?:committee|commission|council|board|bureau|team|secretariat|body))\s+"
    r"(?:is|was|are|were|will\s+be)?\s*(?:composed\s+of|made\s+up\s+of|consists\s+of|comprises|"
    r"includes|included)\s*:?\s*$",
    re.IGNORECASE,
)
_BODY_NAMED = re.compile(
    r"\b([a-z]+|[A-Z][\w'-]*)\s+(committee|commission|council|board|bureau|team)\b"
)


def _members_of_listed_body(text: str, found: list[_Candidate], gazetteer: Gazetteer) -> None:
    for index, c in enumerate(found):
        if not c.full or c.role:
            continue
        composed = _COMPOSED.search(text, c.sentence[0], c.start)
        if not composed:
            continue
        body = composed["body"]
        if " " not in body.strip():  # "the committee": the one named before
            named = [
                m
                for m in _BODY_NAMED.finditer(text, 0, composed.start())
                if m.group(2) == body.lower()
            ]
            named = [m for m in named if m.group(1).lower() not in ("the", "a", "new", "its")]
            if named:
                body = named[-1].group()
        entry = gazetteer.organization(body)
        organization = None
        if entry:
            organization = gazetteer.coalition if entry.kind == "coalition" else entry.name
        role = Role(f"Member of the {body}", organization)
        previous = c
        for member in found[index:]:
            if member is not c and not _LIST_GAP.fullmatch(text, previous.end, member.start):
                break
            if member.full and not member.role:
                member.role, member.evidence = role, True
            previous = member


_OF_BODY = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?")


def _members_of_bodies(text: str, found: list[_Candidate], hits: list[Hit], bodies) -> None:
    """ "Yasmin Nahlawi of the Syrian British Consortium": a name, and the body it belongs to."""
    starts = {hit.start: hit.entry.name for hit in hits}
    starts.update({start: body for body, start in bodies})
    for c in found:
        of = c.full and not c.role and _OF_BODY.match(text, c.end)
        if of and of.end() in starts:
            c.member_of, c.evidence = starts[of.end()], True


def _collect_evidence(text: str, found: list[_Candidate]) -> None:
    for c in found:
        # "Nasr al-Hariri, head of the SNC, said": the verb may follow the title written after.
        after_title = c.role_end + 1 if c.role_end and text.startswith(",", c.role_end) else None
        c.spoke = bool(
            _SPEECH.match(text, c.end) or (after_title and _SPEECH.match(text, after_title))
        )
        c.evidence = (
            c.role is not None
            or c.after is not None
            or c.spoke
            or bool(_CUE_BEFORE.search(text, max(c.sentence[0], c.start - 40), c.start))
        )
    for previous, c in zip(found, found[1:], strict=False):
        # Later names of a list whose earlier names are people: "..., Antoine de Samp, and Seth
        # Bodgina".
        gap_start = (
            previous.role_end if previous.role_end and previous.role_end > 0 else previous.end
        )
        if (
            previous.evidence
            and previous.full
            and _LIST_GAP.fullmatch(text[gap_start : c.start] or " ")
        ):
            c.evidence = True
            shares = previous.shared_title or (previous.before and _plural_title(text, previous))
            if c.role is None and previous.role and shares:
                c.role, c.shared_title = previous.role, True
    _spread_along_lists(text, found)


def _spread_along_lists(text: str, found: list[_Candidate]) -> None:
    """Earlier names of a list whose later names are people: "A, B, and Vice President C"; and
    the subjects of a verb of speech after the list: "A and Congressman B said"."""
    for previous, c in zip(found[-2::-1], found[:0:-1], strict=False):
        listed = (
            c.full and previous.full and _LIST_GAP.fullmatch(text[previous.end : c.start] or " ")
        )
        if listed and c.evidence:
            previous.evidence = True
        # The title of the later name may stand between: "A and Congressman B said".
        gap_end = c.before[0] if c.before and c.before[0] >= previous.end else c.start
        joined = (
            c.full and previous.full and _LIST_GAP.fullmatch(text[previous.end : gap_end] or " ")
        )
        if joined and c.spoke and not previous.role_end:
            previous.spoke = True


def _plural_title(text: str, c: _Candidate) -> bool:
    head = ROLE_WORD.search(text[c.before[0] : c.before[1]])
    return bool(head) and head.group().lower().endswith(("s", "men"))


def _group(candidates: list[_Candidate], paragraphs: list[str]) -> list[_Person]:
    participation: dict[tuple, bool] = {}

    def participating(c: _Candidate) -> bool:
        """Whether the sentence naming `c` tells of the event ("met", "in attendance were"), or
        continues the list of names of one that does (a sentence opening on a name)."""
        where = (c.paragraph, c.sentence)
        if where not in participation:
            participation[where] = _tells_of_the_event(c.line, c.sentence)
        return participation[where]

    people: list[_Person] = []
    by_key: dict[str, _Person] = {}
    # People by the initial of a surname they are written with: a short form and its full name
    # share it, so each name is compared with a few people, not with everyone of a long release.
    by_initial: dict[str, list[_Person]] = {}

    def sharing_initial(name: str) -> list[_Person]:
        return by_initial.get(surname_key(name)[:1], [])

    for c in candidates:
        if not (c.full and c.evidence):
            continue
        person = by_key.get(person_key(c.text))
        if person is None:
            person = next(
                (
                    p
                    for p in sharing_initial(c.text)
                    if any(
                        is_short_form(c.text, s) or is_short_form(s, c.text)
                        for s in p.spellings
                        if len(s.split()) > 1
                    )
                ),
                None,
            )
        if person is None:
            person = _Person(paragraph=c.paragraph)
            people.append(person)
        by_key[person_key(c.text)] = person
        _add(person, c, participating)
        initial = by_initial.setdefault(surname_key(c.text)[:1], [])
        if person not in initial:
            initial.append(person)
    for c in candidates:
        if c.full:
            continue
        matches = [
            p for p in sharing_initial(c.text) if any(is_short_form(c.text, s) for s in p.spellings)
        ]
        if len(matches) == 1:  # a surname shared by two people of the release names neither
            _add(matches[0], c, participating)
    return people


def _trim_to_known_name(c: _Candidate, gazetteer: Gazetteer) -> None:
    """ "... for Syria Engagement James Jeffrey": a title's last word run on to a known name."""
    first, _, rest = c.text.partition(" ")
    if (
        len(rest.split()) >= 2
        and not gazetteer.known_people(c.text)
        and gazetteer.known_people(rest)
    ):
        c.start += len(first) + 1
        c.text = rest


def _tells_of_the_event(line: str, sentence: tuple[int, int]) -> bool:
    start, end = sentence
    if _PARTICIPATION.search(line, start, end):
        return True
    if start == 0 or not _RUN.match(line, start):
        return False
    previous = line.rfind(". ", 0, start - 2)
    return bool(_PARTICIPATION.search(line, previous + 1 if previous != -1 else 0, start))


def _add_known_by_surname(candidates, people, paragraphs, gazetteer: Gazetteer) -> None:
    """ "Kerry said", "Secretary of State Kerry": a surname alone that names nobody else in the
    release, with the evidence a name needs, is the one known person with that surname."""
    written = {s for p in people for s in p.spellings}
    by_known: dict[str, _Person] = {}
    for c in candidates:
        if c.full or not c.evidence or c.text in written:
            continue
        known = gazetteer.known_people(c.text)
        if len(known) != 1:
            continue
        person = by_known.get(known[0].name)
        if person is None:
            person = _Person(paragraph=c.paragraph, known=known[0].name)
            by_known[known[0].name] = person
            people.append(person)
        _add(
            person, c, lambda c: bool(_PARTICIPATION.search(c.line[c.sentence[0] : c.sentence[1]]))
        )


def _complete_from_posts(person: _Person, gazetteer: Gazetteer, year: int | None) -> None:
    """The organization of a known person's post, for a title the text gives without one.

    A person the text names without a title gets none (the annotations record what the text
    says), but the post still tells their side: "Khoja said" is the coalition's president.
    """
    if person.role and person.role.organization:
        return
    known = person.known and gazetteer.people.get(person.known)
    if not known:
        matches = gazetteer.known_people(person.name)
        known = matches[0] if len(matches) == 1 else None
    post = known and gazetteer.post_of(known, year)
    if known and not post and year is None and person.role:
        # Undated: the post of the title written, if only one of theirs has that title.
        posts = {
            p.organization: p for p in known.posts if _head(p.role) == _head(person.role.title)
        }
        post = next(iter(posts.values())) if len(posts) == 1 else None
    if not post:
        return
    if person.role:
        if _head(person.role.title) == _head(post.role):  # the text names this post
            person.role = Role(person.role.title, post.organization)
    else:  # the text gives no title: the post says only which side they are on
        person.post_organization = post.organization


def _head(title: str) -> str:
    """A title's head word, singular and lowercase: "vice-presidents" -> "vice president"."""
    head = ROLE_WORD.search(title)
    return singular(head.group()).lower().replace("-", " ") if head else title.lower()


def _add(person: _Person, c: _Candidate, participating) -> None:
    if c.text not in person.spellings:
        person.spellings.append(c.text)
    if person.role is None or (c.role and not person.role.organization and c.role.organization):
        person.role = c.role or person.role
    person.spoke = person.spoke or c.spoke
    person.member_of = person.member_of or c.member_of
    person.participant = person.participant or participating(c)
    person.group = person.group or c.delegation  # "French", "Coalition": resolved in _fact
    person.received = person.received or c.received


def _attribute_pronoun_speech(sentences, paragraphs, candidates, people) -> None:
    """ "He stressed ..." speaks for the person named first in the last sentence naming someone."""
    of_spelling = {s: p for p in people for s in p.spellings}
    # Per paragraph, so that each sentence looks only at the names of its own paragraph.
    owned: dict[int, list[_Candidate]] = {}
    for c in candidates:
        if c.text in of_spelling:
            owned.setdefault(c.paragraph, []).append(c)
    subject = None
    for number, text in enumerate(paragraphs, start=1):
        named = owned.get(number, [])
        starts = [c.start for c in named]
        for start, end in sentences[number - 1]:
            index = bisect_left(starts, start)
            first = named[index] if index < len(named) and named[index].start < end else None
            if first:
                subject = of_spelling[first.text]
            elif subject and text.startswith(("He", "She"), start, end):
                sentence = text[start:end]
                if _PRONOUN_SPEECH.match(sentence) and _SPEECH.match(
                    sentence, 2 if sentence[1] == "e" else 3
                ):
                    subject.spoke = True


def _listed_after(previous: _Candidate, c: _Candidate) -> bool:
    """Whether `c` is the next item of a list that `previous` is in ("A, Vice President B")."""
    gap_start = previous.role_end if previous.role_end and previous.role_end > 0 else previous.end
    gap_end = c.before[0] if c.before else c.start
    return gap_start <= gap_end and bool(_ITEM_GAP.fullmatch(c.line[gap_start:gap_end] or " "))


# The coalition's own offices: written bare in its releases, they are its offices.
_OUR_DELEGATIONS = frozenset({"opposition", "coalition"})
_TALKS = frozenset({"meeting", "phone call", "visit"})
_COALITION_TITLES = frozenset(
    {"vice-president", "vice president", "secretary-general", "secretary general"}
)


def _delegation_of(word: str | None, gazetteer: Gazetteer) -> str | None:
    """Whose delegation "French" or "the Coalition's" is: a country or a known organization."""
    if not word:
        return None
    country = gazetteer.country_of_adjective(word) or gazetteer.place(word)
    if country and country.kind == "country":
        return country.name
    entry = gazetteer.organization(word)
    if entry:
        return entry.name
    return DEMONYMS.get(word) or (word if is_organization_name(word) else None)


def _fact(person: _Person, gazetteer: Gazetteer, event_kind: str) -> PersonFact:
    role = person.role
    organization = role.organization if role else None
    organization = organization or person.member_of or _delegation_of(person.group, gazetteer)
    if organization is None and role and role.title.lower() in _COALITION_TITLES:
        organization = gazetteer.coalition
    sided_by = organization or person.post_organization
    if sided_by is None and person.group and person.group.lower() in _OUR_DELEGATIONS:
        sided_by = gazetteer.coalition  # "the opposition delegation": the coalition's side
    entry = gazetteer.organizations.get(sided_by) if sided_by else None
    if entry and entry.kind == "coalition":
        side = "soc"
    elif person.received and event_kind in INTERACTIVE_EVENTS:
        side = "counterpart"  # a body acting with the coalition, received by it
    elif entry and entry.kind == "opposition":
        side = "soc"
    elif event_kind in INTERACTIVE_EVENTS and (
        person.participant or (person.spoke and event_kind in _TALKS)
    ):
        side = "counterpart"  # "For his part, Cavusoglu affirmed ...": the other side of talks
    else:
        side = "mentioned"
    return PersonFact(
        name=person.name,
        spellings=tuple(person.spellings),
        role=role.title if role else "",
        organization=organization,
        side=side,
        spoke=person.spoke,
        paragraph=person.paragraph,
    )
