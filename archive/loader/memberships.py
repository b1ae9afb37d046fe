"""The body or delegation a name belongs to: "X of the Y Council", "the delegation included X"."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque

from .bodies import lowercase_bodies
from .entities import Hit
from .evidence import LIST_GAP
from .gazetteer import Gazetteer
from .name_runs import Candidate
from .roles import Role
from .title_words import ORG_NOUNS

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


def delegations_in(number: int, text: str, hits: list[Hit], bodies) -> list[tuple[int, int, str]]:
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
    ends = {hit.end: hit.entry.name for hit in hits}
    for match in _OWNED_DELEGATION.finditer(text):
        # "The Kurdish National Council delegation": the body whose name ends there.
        whose = ends.get(match.end(1)) or match.group(1)
        if whose not in ("The", "A", "This") and whose not in ORG_NOUNS:
            found.append((number, match.start(), whose, False))
    for match in _OPPOSITION_DELEGATION.finditer(text):
        found.append((number, match.start(), "opposition", False))
    return sorted(found)


_OTHER_PARTY = re.compile(r"\b(?:met|meets|visited|visits|received|hosted|discussed|said|with)\b")


def _last(matches):
    kept = deque(matches, maxlen=1)
    return kept[0] if kept else None


_RECEIVED = re.compile(
    r"\b(?:received|receives|met(?:\s+with)?|meets(?:\s+with)?|hosted|hosts|welcomed)\s+"
    r"(?:a|the|an)\s+(?:[\w-]+\s+)?$"
)


def assign_delegation_members(text: str, found: list[Candidate], delegations) -> None:
    """Members of a delegation are its owner's: the owner named last before them. A delegation
    the coalition received is its counterpart, whoever sent it."""
    for c in found:
        sentence = text[c.sentence[0] : c.start]
        members = "delegation" in sentence and _last(_DELEGATION_MEMBERS.finditer(sentence))
        if not members or _OTHER_PARTY.search(sentence, sentence.rfind("delegation")):
            continue  # "A delegation led by X visited Paris and met with Y": Y is not in it
        c.in_delegation = True
        owners = [d for d in delegations if (d[0], d[1]) < (c.paragraph, c.start)]
        if owners:
            c.delegation, c.received = owners[-1][2], owners[-1][3]


# "The committee is composed of A, B and C": members of the committee named before.
_BODY = (
    r"(?P<body>(?:[\w'-]+\s+){0,3}?"
    r"(?:committee|commission|council|board|bureau|team|secretariat|body))"
)
_COMPOSED = (
    re.compile(
        rf"\b(?:the|its|a|this)\s+(?:new\s+)?{_BODY},?\s+(?:(?:which|that)\s+)?"
        r"(?:is|was|are|were|will\s+be)?\s*(?:composed\s+of|made\s+up\s+of|consists\s+of|"
        r"consisting\s+of|comprises|comprising|includes|included|including)\s*:?\s*$",
        re.IGNORECASE,
    ),
    # "The newly elected members of the Political Committee are: A, B and C"
    re.compile(
        rf"\bmembers\s+of\s+(?:the\s+)?(?:new\s+)?{_BODY},?\s+"
        r"(?:are|were|include|included|(?:is\s+|are\s+)?as\s+follows|namely)\s*:?\s*$",
        re.IGNORECASE,
    ),
    # "A new political committee was elected. The members are: A, B and C": the body named before
    re.compile(
        r"\b(?:the|its|their)\s+(?:new\s+|newly\s+elected\s+)?members\s+"
        r"(?:are|were|include|included|(?:are\s+)?as\s+follows|namely)\s*:?\s*$",
        re.IGNORECASE,
    ),
)


_BODY_NAMED = re.compile(
    r"\b([a-z]+|[A-Z][\w'-]*)\s+(committee|commission|council|board|bureau|team)\b"
)


def members_of_listed_body(text: str, found: list[Candidate], gazetteer: Gazetteer) -> None:
    """ "The committee is composed of A, B and C", "the members of the X Committee are: A, B":
    members of the body, listed after it."""
    for index, c in enumerate(found):
        if not c.full or c.role:
            continue
        window = max(c.sentence[0], c.start - 200)
        role = membership_announced(text, window, c.start, gazetteer)
        if not role:
            continue
        previous = c
        for member in found[index:]:
            if member is not c and not LIST_GAP.fullmatch(text, previous.end, member.start):
                break
            if member.full and not member.role:
                member.role, member.evidence = role, True
            previous = member


_OF_BODY = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?")


def members_of_bodies(text: str, found: list[Candidate], hits: list[Hit], bodies) -> None:
    """ "Yasmin Nahlawi of the Syrian British Consortium": a name, and the body it belongs to."""
    starts = {hit.start: hit.entry.name for hit in hits}
    starts.update({start: body for body, start in bodies})
    for c in found:
        of = c.full and not c.role and _OF_BODY.match(text, c.end)
        if of and of.end() in starts:
            c.member_of, c.evidence = starts[of.end()], True


# "The Political Committee held its periodic meeting headed by President X": the one chairing.
_CHAIRED_BY = re.compile(
    r"\b(?:meetings?|sessions?)\b[^.;]{0,40}?\b(?:headed|chaired|presided\s+over|led)\s+by\s+"
    r"(?:the\s+|its\s+)?$"
)


def chairs_of_meetings(text: str, found: list[Candidate], hits: list[Hit], gazetteer) -> None:
    """The one chairing a body's meeting belongs to the body that held it (to the coalition, for
    one of its own bodies): "The SOC's political committee held its meeting headed by X"."""
    # Bodies named in lowercase count too: "the political committee held its meeting ...".
    named = [(hit.start, hit.end, hit.entry) for hit in hits] + [
        (start, end, gazetteer.organizations[name])
        for name, start, end in lowercase_bodies(text, gazetteer)
    ]
    by_end = sorted(named, key=lambda body: body[1])
    ends = [end for _, end, _ in by_end]
    for c in found:
        start = c.before[0] if c.before else c.start
        chaired = c.full and _CHAIRED_BY.search(text, max(c.sentence[0], start - 200), start)
        if not chaired or (c.role and c.role.organization):
            continue
        last = bisect_right(ends, chaired.start()) - 1
        if last >= 0 and by_end[last][0] >= c.sentence[0]:
            holder = by_end[last][2]
            c.member_of = gazetteer.coalition if holder.kind == "coalition" else holder.name


# "... elected A, B and C to the Political Committee": the list's names join the body.
_ELECTED_TO = re.compile(rf"\s+(?:to|into)\s+(?:the\s+)?(?:new\s+)?{_BODY}", re.IGNORECASE)
_ELECTING = re.compile(r"\b(?:re-?)?(?:elected|appointed|chose|named)\s+$")


def members_elected_to_body(text: str, found: list[Candidate], gazetteer: Gazetteer) -> None:
    """ "The Assembly elected A, B and C to the Political Committee": each is a member. "The
    appointment of senior officers Colonel A and Colonel B to the coalition's military staff":
    each is the coalition's, in no title the text gives."""
    full = [c for c in found if c.full]
    for last, c in enumerate(full):
        to_body = _ELECTED_TO.match(text, c.end)
        to_ours = not to_body and _TO_THE_COALITION.match(text, c.end)
        if not (to_body or to_ours):
            continue
        first = last
        while first and LIST_GAP.fullmatch(text, full[first - 1].end, full[first].start):
            first -= 1
        if to_ours:
            if _APPOINTING.search(text, max(0, full[first].start - 80), full[first].start):
                for member in full[first : last + 1]:
                    member.member_of, member.evidence = gazetteer.coalition, True
            continue
        if not _ELECTING.search(text, max(0, full[first].start - 20), full[first].start):
            continue
        role = _membership(to_body["body"], gazetteer)
        for member in full[first : last + 1]:
            if not member.role:
                member.role, member.evidence = role, True


_TO_THE_COALITION = re.compile(
    r"\s+(?:to|into)\s+(?:the\s+)?(?:Syrian\s+)?(?:coalition|SOC)(?:['’]s)?\b", re.IGNORECASE
)
# "the appointment of (senior officers) Brigadier General": the names appointed follow.
_APPOINTING = re.compile(
    r"\b(?:(?:re-?)?(?:elected|appointed|named)|(?:appointment|election)\s+of)\s+"
    r"(?:[a-z]+\s+){0,2}(?:(?:Brigadier|Major|Lieutenant|Colonel|General|Captain|Dr\.?|Mr\.?)\s+)*$"
)


def membership_announced(text: str, start: int, end: int, gazetteer: Gazetteer) -> Role | None:
    """The membership that text[start:end] announces for the names that follow it ("The
    committee is composed of", "the members of the Political Committee are:"), if any."""
    composed = next((m for m in (p.search(text, start, end) for p in _COMPOSED) if m), None)
    if not composed:
        return None
    body = composed.groupdict().get("body") or ""
    if " " not in body.strip():  # "the committee", "the members": the body named before
        named = [
            m
            for m in _BODY_NAMED.finditer(text, max(0, composed.start() - 400), composed.start())
            if not body or m.group(2) == body.lower()
        ]
        named = [m for m in named if m.group(1).lower() not in ("the", "a", "new", "its")]
        if named:
            body = named[-1].group()
        elif not body:
            return None
    return _membership(body, gazetteer)


def _membership(body: str, gazetteer: Gazetteer) -> Role:
    """Membership of `body`: in the coalition when it is one of the coalition's bodies."""
    entry = gazetteer.organization(body)
    organization = None
    if entry:
        organization = gazetteer.coalition if entry.kind == "coalition" else entry.name
    return Role(f"Member of the {body}", organization)
