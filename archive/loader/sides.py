"""Which side a person was on: the coalition's (its bodies, delegations), a counterpart's, none."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .grouping import Person
from .name_runs import Candidate
from .roles import DEMONYMS
from .title_words import is_organization_name

# Between list items whose titles come first: ", the ", ", and SOC ", ", and the SOC's "; or
# people who came with someone: ", accompanied by the ".
_ITEM_GAP = re.compile(
    r"\s*(?:,\s*and|,|and|&|,?\s*(?:accompanied\s+by|along\s+with|as\s+well\s+as))\s*"
    r"(?:the\s+)?(?:[A-Z]{2,}(?:'s)?\s+|\w+'s\s+)?"
)


# Titles only the coalition gives: written without an organization, they are its.
COALITION_TITLES = frozenset(
    {"vice-president", "vice president", "secretary-general", "secretary general"}
)
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


_ACCOMPANYING = re.compile(
    r"\b(?:accompanied\s+by|along\s+with|together\s+with)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:(?:Brigadier|Major|Lieutenant|Colonel|General|Captain)\s+)*$"
)


def share_coalition(
    candidates: list[Candidate],
    people: list[Person],
    gazetteer: Gazetteer,
    headings: dict[int, int],
) -> None:
    """A title without an organization, listed with the coalition's people, is the coalition's;
    listed with the officials of one other body or country only, it is theirs.

    "President of the SOC, Salem Al-Meslet, and Vice-President Abdulahad Astepho": Astepho too,
    and so for a list written one name to a line (`headings`, as `list_headings` gives them);
    one who accompanies someone is theirs ("Schneck was accompanied by Deputy Head of Mission
    Clara Weiss": Germany's).
    """
    of_spelling: dict[str, Person] = {}
    for p in people:
        for spelling in p.spellings:
            of_spelling.setdefault(spelling, p)
    lists: list[list[Person]] = []
    sentence_lists: dict[tuple, list[Person]] = {}  # the list of each sentence's first person
    previous = None
    between = set()  # lists of both parties: "a meeting between X and Y"
    for c in candidates:
        person = of_spelling.get(c.text)
        if person is None:
            continue
        where = (c.paragraph, c.sentence)
        same_list = previous and (
            (previous.paragraph == c.paragraph and _listed_after(previous, c))
            or headings.get(previous.paragraph, -1) == headings.get(c.paragraph)  # one a line
        )
        if same_list:
            _share_title_of_several(lists[-1][-1], person, previous, c)
            lists[-1].append(person)
        elif where in sentence_lists and _ACCOMPANYING.search(
            c.line, c.sentence[0], c.before[0] if c.before else c.start
        ):
            sentence_lists[where].append(person)  # "X visited Azaz, accompanied by Minister Y"
            _accompanies(person, sentence_lists[where][0], gazetteer)
        else:
            lists.append([person])
            sentence_lists.setdefault(where, lists[-1])
            start = c.before[0] if c.before else c.start
            if _BETWEEN.search(c.line, max(c.sentence[0], start - 40), start):
                between.add(id(lists[-1]))
        previous = c
    for members in lists:
        ours = {
            p.role.organization or gazetteer.coalition
            for p in members
            if p.role
            and (
                p.role.organization in gazetteer.coalition_family
                or (not p.role.organization and p.role.title.lower() in COALITION_TITLES)
            )
        }
        owners = {p.role.organization for p in members if p.role and p.role.organization}
        with_ours = bool(ours) and id(members) not in between
        if ours:
            shared = ours.pop() if len(ours) == 1 else gazetteer.coalition
        elif len(owners) == 1:  # "Netherlands Special Envoy X and political advisor Y"
            shared = owners.pop()
        else:
            continue
        for p in members:
            if p.role and not p.role.organization and not p.group:
                p.group = shared
            elif with_ours and not p.role and not p.group and not p.member_of:
                p.group = shared  # "attended by Vice-President A, Colonel B and C": theirs too


_BETWEEN = re.compile(r"\b(?:between|brought\s+together)\s+(?:the\s+)?(?:\S+\s+){0,4}$")


def delegations_of_ours(candidates: list[Candidate], people: list[Person], gazetteer) -> None:
    """A delegation whose listed members include the coalition's officials is the coalition's.

    "The SOC met a delegation of the State Department ... The delegation comprised Vice President
    X, ... and Executive Director of the Unit Y": the delegation named last was the other one, but
    one listing the coalition's vice-president is the coalition's own, and so is everyone in it.
    """
    of_spelling = {spelling: p for p in people for spelling in p.spellings}
    listed: dict[tuple, list[Person]] = {}
    for c in candidates:
        person = of_spelling.get(c.text)
        # Whoever's the delegation, one headed by the coalition's official is the coalition's:
        # "The delegation was headed by Vice-President X and included Colonel A and B".
        whose = c.delegation if c.delegation and c.received and not _named_with(c) else None
        if person and (whose or (c.in_delegation and not c.delegation)):
            listed.setdefault((c.paragraph, c.sentence, whose), []).append(person)
    for members in listed.values():
        if any(_ours(p.role, gazetteer) for p in members):
            for p in members:
                p.received = False
                p.group = gazetteer.coalition if not (p.role and p.role.organization) else None


def _named_with(c: Candidate) -> bool:
    """Whether the sentence listing a delegation's members names whose it is ("The Kurdish
    National Council delegation included ..."): then the coalition's officials in it came with
    it, and the others are still its own."""
    return c.line.find(c.delegation, c.sentence[0], c.start) != -1


def _ours(role, gazetteer) -> bool:
    """Whether a title is the coalition's: its organization's, or one only it gives."""
    return bool(role) and (
        role.organization in gazetteer.coalition_family
        or (not role.organization and role.title.lower() in COALITION_TITLES)
    )


_JUST_AND = re.compile(r"\s+and\s+")


def _share_title_of_several(first: Person, second: Person, before: Candidate, c: Candidate):
    """ "Vice-President A and B", "member of the political committee A and B": a title several
    hold (the coalition has several vice-presidents), written once, in the singular, for two."""
    if (
        second.role is None
        and first.role
        and _OF_SEVERAL.match(first.role.title)
        and not c.before
        and _JUST_AND.fullmatch(c.line, before.end, c.start)
    ):
        second.role = first.role


_OF_SEVERAL = re.compile(r"(?i)(?:vice[ -]president$|member\b)")


def _listed_after(previous: Candidate, c: Candidate) -> bool:
    """Whether `c` is the next item of a list that `previous` is in ("A, Vice President B")."""
    gap_start = previous.role_end if previous.role_end and previous.role_end > 0 else previous.end
    gap_end = c.before[0] if c.before else c.start
    return gap_start <= gap_end and bool(_ITEM_GAP.fullmatch(c.line[gap_start:gap_end] or " "))


# The coalition's own offices: written bare in its releases, they are its offices.
_OUR_DELEGATIONS = frozenset({"opposition", "coalition"})


_OUR_DELEGATION_TITLE = re.compile(
    r"\b(?:opposition|coalition)(?:'s)?\s+(?:negotiating\s+|negotiations\s+)?delegation",
    re.IGNORECASE,
)


_TALKS = frozenset({"meeting", "phone call", "visit"})


def delegation_of(word: str | None, gazetteer: Gazetteer) -> str | None:
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


def side_of(
    person: Person, organization: str | None, *, gazetteer: Gazetteer, event_kind: str
) -> str:
    """ "soc", "counterpart" or "mentioned": by the organization the person acts for (or their
    known post's), the delegation they came in, and their part in the event."""
    sided_by = organization or person.post_organization
    if sided_by is None and person.group and person.group.lower() in _OUR_DELEGATIONS:
        sided_by = gazetteer.coalition  # "the opposition delegation": the coalition's side
    if sided_by is None and person.role and _OUR_DELEGATION_TITLE.search(person.role.title):
        sided_by = gazetteer.coalition  # "Head of the opposition delegation to Geneva"
    entry = gazetteer.organizations.get(sided_by) if sided_by else None
    if entry and entry.kind == "coalition":
        return "soc"
    if sided_by is None and person.acts and not person.received and not person.met:
        return "soc"  # "X met with Y", "X visited Azaz": the coalition's releases tell its acts
    if person.with_coalition:
        return "soc"  # accompanying the coalition's official
    if (person.received or person.met) and event_kind in INTERACTIVE_EVENTS:
        return "counterpart"  # a body acting with the coalition, received or met by it
    if entry and entry.kind == "opposition":
        return "soc"
    if event_kind in INTERACTIVE_EVENTS and (
        person.participant or (person.spoke and event_kind in _TALKS)
    ):
        return "counterpart"  # "For his part, Cavusoglu affirmed ...": the other side of talks
    if person.met and event_kind != "statement":
        return "counterpart"  # a speech in Munich, and "he also met with X" there
    return "mentioned"


def _accompanies(person: Person, accompanied: Person, gazetteer: Gazetteer) -> None:
    organization = accompanied.role and accompanied.role.organization
    if person.role and not person.role.organization and not person.group and organization:
        person.group = organization
    # "The SOC President visited the front, accompanied by X, commander of the Y Division": one
    # of a body the gazetteer lacks (or one acting with the coalition) is with the coalition.
    own = person.role and person.role.organization
    entry = gazetteer.organizations.get(own) if own else None
    if _ours(accompanied.role, gazetteer) and (entry is None or entry.kind in _WITH_US):
        person.with_coalition = True


# Bodies whose officials may act with the coalition: the opposition's, its armed factions.
_WITH_US = frozenset({"opposition", "armed"})
