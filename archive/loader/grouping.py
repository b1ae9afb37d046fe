"""One person from all the spellings of a release: full names, short forms, known surnames."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, words_pattern
from .name_runs import NAME_RUN, NOT_NAMES, Candidate
from .names import is_short_form, person_key, surname_key
from .roles import Role

# "called on X to act", "a call for": an appeal, not a call made.
_CALL = r"call(?:ed)?(?!\s+(?:on|upon|for)\b)"
PARTICIPATION = re.compile(
    words_pattern(
        ["met", "meet", "meeting", "meetings", "attended", "attendance", "delegation", "included"]
        + [r"brought\s+together", "received", "hosted", "visit", "visited", "participated"]
        + ["participation", r"talks\s+(?:in\s+\w+\s+)?with", r"discussed\s+with", "joined"]
        + ["letter", "letters", "sent", "wrote"]
        + ["phone", _CALL, "phoned", "teleconference", "accompanied"]
    ),
    re.IGNORECASE,
)


@dataclass
class Person:
    """One person of the release: every spelling written, and what those mentions say."""

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
    acts: bool = False  # the subject of the event's verb: "X met with Y"
    met: bool = False  # the one met: "X also met with Y" (whatever the release reports)
    with_coalition: bool = False  # accompanying an official of the coalition

    @property
    def name(self) -> str:
        written = max(self.spellings, key=lambda s: (len(s.split()), len(s)))
        return self.known if self.known and len(written.split()) < 2 else written


def group_people(
    candidates: list[Candidate], paragraphs: list[str], gazetteer: Gazetteer
) -> list[Person]:
    """The release's people from its name runs: a full name, its other spellings the reference
    data knows ("Riad Saif", "Riad Seif") and its short forms are one person."""
    participating = TookPart()

    def known_as(name: str) -> str | None:
        known = gazetteer.known_people(name)
        return f"known:{known[0].name}" if len(known) == 1 else None

    people: list[Person] = []
    by_key: dict[str, Person] = {}
    # People by the initial of a surname they are written with: a short form and its full name
    # share it, so each name is compared with a few people, not with everyone of a long release.
    by_initial: dict[str, list[Person]] = {}

    def sharing_initial(name: str) -> list[Person]:
        return by_initial.get(surname_key(name)[:1], [])

    for c in candidates:
        if not (c.full and c.evidence):
            continue
        known = known_as(c.text)
        person = by_key.get(person_key(c.text)) or (by_key.get(known) if known else None)
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
            person = Person(paragraph=c.paragraph)
            people.append(person)
        by_key[person_key(c.text)] = person
        if known:
            by_key[known] = person
        add_mention(person, c, participating)
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
            add_mention(matches[0], c, participating)
    return people


def trim_to_known_name(c: Candidate, gazetteer: Gazetteer) -> None:
    """ "... for Syria Engagement James Jeffrey": a title's last word run on to a known name.

    An item of a list ("..., Mohammed Salim al-Khatib, ...") opens on its own first name: it
    follows a separator, not a title, so it is kept whole even when its last words are someone's.
    """
    first, _, rest = c.text.partition(" ")
    if (
        len(rest.split()) >= 2
        and not _LIST_ITEM_OPENS.search(c.line, max(0, c.start - 6), c.start)
        and not gazetteer.known_people(c.text)
        and gazetteer.known_people(rest)
    ):
        c.start += len(first) + 1
        c.text = rest


_LIST_ITEM_OPENS = re.compile(r"(?:[,:;]|\band)\s*$")


# "to visit Moscow and meet with Lavrov", "will meet": an intention, not the event.
_INTENDED = re.compile(r"\b(?:to|will|would|shall)\s+$")


def _intended(line: str, match: re.Match) -> bool:
    before = line[max(0, match.start() - 8) : match.start()]
    if match.group().lower() in ("meet", "visit") and before.endswith(("and ", "or ")):
        return True  # "to visit Moscow and meet with Lavrov"
    return bool(_INTENDED.search(before))


class TookPart:
    """Whether a mention took part in the event: its sentence tells of the event ("met", "in
    attendance were"), or continues the list of names of one that does (a sentence opening on a
    name). Someone named only as another's ("President Putin's envoy"), as the one another
    succeeded, or as a party to talks the coalition was not in ("a meeting between Kerry and
    Lavrov") took no part. Sentences are read once."""

    def __init__(self) -> None:
        self.by_sentence: dict[tuple, bool] = {}

    def __call__(self, c: Candidate) -> bool:
        before = max(c.sentence[0], c.start - 300)
        if (
            c.line.startswith("'s", c.end)
            or _AMONG_OTHERS.search(c.line, before, c.start)
            or _SUCCEEDED.search(c.line, max(before, c.start - 40), c.start)
        ):
            return False
        where = (c.paragraph, c.sentence)
        if where not in self.by_sentence:
            self.by_sentence[where] = _tells_of_the_event(c.line, c.sentence)
        return self.by_sentence[where]


# The verb before a name that says it was met: "President X also met with the German minister".
_MET = re.compile(r"\b(?:met|meets|received|receives|hosted)\b")
# "who has recently succeeded Gareth Bayley as ...": the one succeeded is not there.
_SUCCEEDED = re.compile(r"\b(?:succeed(?:ed|s|ing)?|replac(?:ed|es|ing))\s+(?:the\s+)?$")
# "a meeting between US Secretary of State John Kerry and ...": talks between others.
_AMONG_OTHERS = re.compile(
    r"\b(?:meetings?|talks|call|agreement|summit)\s+between\s+(?![^.;]*\b(?:Coalition|SOC)\b)"
    r"[^.;]*$"
)


def _tells_of_the_event(line: str, sentence: tuple[int, int]) -> bool:
    start, end = sentence
    if any(not _intended(line, m) for m in PARTICIPATION.finditer(line, start, end)):
        return True
    opening = NAME_RUN.match(line, start) if start else None
    if not opening or opening.group().split()[0] in NOT_NAMES:  # "They discussed ..."
        return False
    previous = line.rfind(". ", 0, start - 2)
    return bool(PARTICIPATION.search(line, previous + 1 if previous != -1 else 0, start))


def add_known_by_surname(candidates, people, paragraphs, gazetteer: Gazetteer) -> None:
    """ "Kerry said", "Secretary of State Kerry": a surname alone that names nobody else in the
    release, with the evidence a name needs, is the one known person with that surname."""
    written = {s for p in people for s in p.spellings}
    by_known: dict[str, Person] = {}
    participating = TookPart()
    for c in candidates:
        if c.full or not c.evidence or c.text in written:
            continue
        known = gazetteer.known_people(c.text)
        if len(known) != 1:
            continue
        person = by_known.get(known[0].name)
        if person is None:
            person = Person(paragraph=c.paragraph, known=known[0].name)
            by_known[known[0].name] = person
            people.append(person)
        add_mention(person, c, participating)


def add_mention(person: Person, c: Candidate, participating) -> None:
    if c.text not in person.spellings:
        person.spellings.append(c.text)
    if person.role is None or (c.role and not person.role.organization and c.role.organization):
        person.role = c.role or person.role
    person.spoke = person.spoke or c.spoke
    person.acts = person.acts or c.acts
    person.member_of = person.member_of or c.member_of
    took_part = participating(c)
    person.participant = person.participant or took_part
    person.met = person.met or (took_part and bool(_MET.search(c.line, c.sentence[0], c.start)))
    person.group = person.group or c.delegation  # "French", "Coalition": resolved in _fact
    person.received = person.received or c.received
