"""People in a release: who they are, their role and organization, their side, whether they spoke.

A run of capitalized words is a person's name only with evidence from how releases are written: a
title next to it ("Vice President Abdul Majid Barakat", "Dan Stoenescu, Head of ..."), a verb of
speech after it ("Guillaume stressed"), a word introducing participants before it ("included"), or a
place in a list of such names. A run with an institution word in it ("Early Recovery Fund") is not a
name. A single word ("Al-Hariri", "Kado") is a later short reference, kept only when it resolves to
a full name of the same release; so "the Assad regime" yields nobody, while "Bashar al-Assad" would.
"""

from __future__ import annotations

from dataclasses import dataclass

from .bodies import find_bodies, lowercase_bodies, offices_of_ours, owned_by_coalition
from .entities import Hit, mask
from .evidence import attribute_pronoun_speech, collect_evidence
from .gazetteer import Gazetteer
from .grouping import Person, add_known_by_surname, group_people, trim_to_known_name
from .list_items import list_headings, mark_listed, mark_signed, signatures
from .memberships import (
    assign_delegation_members,
    chairs_of_meetings,
    delegations_in,
    members_elected_to_body,
    members_of_bodies,
    members_of_listed_body,
)
from .name_runs import Candidate, find_candidates, sentence_bounds
from .person_titles import assign_roles
from .roles import Role
from .sides import COALITION_TITLES, delegation_of, delegations_of_ours, share_coalition, side_of
from .title_words import ROLE_WORD, singular


@dataclass(frozen=True)
class PersonFact:
    name: str
    spellings: tuple[str, ...]
    role: str
    organization: str | None
    side: str
    spoke: bool
    paragraph: int


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
    candidates: list[Candidate] = []
    earlier_orgs: list[str] = []
    ours: set[str] = set()  # bodies the text gives the coalition: "the SOC's Office of ..."
    delegations: list[tuple[int, int, str, bool]] = []  # (paragraph, where, whose, received)
    sentences = [sentence_bounds(text) for text in paragraphs]
    headings = list_headings(paragraphs)
    signed = signatures(paragraphs)
    for number, text in enumerate(paragraphs, start=1):
        hits, places = org_hits[number - 1], place_hits[number - 1]
        spans = [(hit.start, hit.end) for hit in (*hits, *places)]
        # Bodies the gazetteer does not know hold no names: "... and Policy Studies, Azmi Bishara".
        bodies = find_bodies(text, spans)
        spans += [(start, start + len(body)) for body, start in bodies]
        ending_at = {hit.end: hit for hit in hits}
        for body, start in bodies:
            known = None
            if owned_by_coalition(text, start, ending_at, gazetteer):
                ours.add(body)
                known = gazetteer.coalition_body(body)  # "the SOC's Department of Foreign Affairs"
            earlier_orgs.append(known.name if known else body)
        masked = mask(text, spans)
        found = find_candidates(number, text, masked, sentences[number - 1])
        for c in found:
            trim_to_known_name(c, gazetteer)
        earlier_orgs.extend(name for name, _, _ in lowercase_bodies(text, gazetteer))
        for office in offices_of_ours(text, ending_at, gazetteer):
            ours.add(office)  # "the coalition's representative office in Washington ... head of
            earlier_orgs.append(office)  # the office X": the coalition's office
        assign_roles(
            text, found, hits, places, titles[number - 1], earlier_orgs, gazetteer, ours=ours
        )
        collect_evidence(text, found, lambda name: bool(gazetteer.known_people(name)))
        if number in headings:
            mark_listed(text, found, paragraphs[headings[number] - 1], gazetteer)
        if number in signed:
            mark_signed(text, found, signed[number], gazetteer)
        members_of_bodies(text, found, hits, bodies)
        chairs_of_meetings(text, found, hits, gazetteer)
        members_of_listed_body(text, found, gazetteer)
        members_elected_to_body(text, found, gazetteer)
        delegations.extend(delegations_in(number, text, hits, bodies))
        assign_delegation_members(text, found, delegations)
        candidates.extend(found)
        earlier_orgs.extend(h.entry.name for h in hits)
    people = group_people(candidates, paragraphs, gazetteer)
    add_known_by_surname(candidates, people, paragraphs, gazetteer)
    for person in people:
        _complete_from_posts(person, gazetteer, year)
    attribute_pronoun_speech(sentences, paragraphs, candidates, people)
    share_coalition(candidates, people, gazetteer, headings)
    delegations_of_ours(candidates, people, gazetteer)
    received = {whose for _, _, whose, was_received in delegations if was_received}
    for person in people:  # "met a delegation of the KNC ... the head of the KNC Saud Mulla"
        whose = (person.role and person.role.organization) or person.group
        if whose in received:
            person.received = True
    return [_fact(p, gazetteer, event_kind) for p in people]


def _complete_from_posts(person: Person, gazetteer: Gazetteer, year: int | None) -> None:
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


def _fact(person: Person, gazetteer: Gazetteer, event_kind: str) -> PersonFact:
    role = person.role
    organization = role.organization if role else None
    organization = organization or person.member_of or delegation_of(person.group, gazetteer)
    if organization is None and role and role.title.lower() in COALITION_TITLES:
        organization = gazetteer.coalition
    return PersonFact(
        name=person.name,
        spellings=tuple(person.spellings),
        role=role.title if role else "",
        organization=organization,
        side=side_of(person, organization, gazetteer=gazetteer, event_kind=event_kind),
        spoke=person.spoke,
        paragraph=person.paragraph,
    )
