"""Roles held at a statement's date: whoever was "President, Syrian Opposition Coalition" then.

A statement has a role when a person it names (or quotes) held that role on its date, according
to the roles over time (`Membership`: person, organization, role, first and last dates seen),
which are derived from the visible mentions of published statements and follow every editor's
correction. The words of the statement play no part: a statement naming the president of the day
without his title has the role; the word "president" in a text gives it none.

The rule, for a person named in a statement:
- the statement itself gives him the role (its mention says "President" of that organization):
  he held it then, whatever the date, and this is the only way an undated statement has a role;
- a dated statement falls within the span of a role he held: from its first date to its last,
  both included. A span with one open end (no first or no last date) reaches back or forward
  without limit; a span with no date at all places the role at no date (only the statements
  that give it count).

A role is keyed by its name and organization as a slug ("president-of-syrian-opposition-
coalition"), so spellings of one role ("Vice President", "Vice-President", "Vice-President of
the SOC" of the SOC) are one value.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from archive.models import Membership
from archive.text import make_slug

ROLE_LENGTH = Membership._meta.get_field("role").max_length  # a mention's role, as kept there


@dataclass(frozen=True)
class Role:
    """A role as the list's filter holds it: its key (the URL's value) and its label."""

    slug: str
    name: str


@dataclass(frozen=True)
class Tenure:
    """One person's role in one organization, over the span the statements show it."""

    held: Role
    role: str  # as the membership spells it
    organization_id: int | None
    first_seen: datetime.date | None
    last_seen: datetime.date | None


def _own_words(role: str, organization_names) -> str:
    """The role without its organization's name, which the key and label add back once:
    "Member of the Political Committee of the SOC" of the SOC is "Member of the Political
    Committee"."""
    role = role.strip().rstrip(".,;: ")
    folded = role.casefold()
    for name in filter(None, organization_names):
        for joint in (", ", " of the ", " of ", " in the ", " in "):
            if folded.endswith(ending := f"{joint}{name.casefold()}"):
                return role[: -len(ending)].rstrip()
    return role


def role_key(role: str, organization_slug: str | None, organization_names=()) -> str:
    role = _own_words(role, organization_names)
    words = f"{role} of {organization_slug}" if organization_slug else role
    return make_slug(words, max_length=160)


def role_label(role: str, organization_name: str | None, organization_names=()) -> str:
    role = _own_words(role, organization_names)
    return f"{role}, {organization_name}" if organization_name else role


def key_of(membership: Membership) -> str:
    """The role's key in the list's `role` filter (its organization read with it)."""
    organization = membership.organization
    if organization is None:
        return role_key(membership.role, None)
    names = (organization.name, organization.abbreviation)
    return role_key(membership.role, organization.slug, names)


@lru_cache(maxsize=65_536)  # the index reads every role at each corpus version
def _key_and_label(role: str, org_slug, org_name, abbreviation) -> tuple[str, str]:
    names = (org_name, abbreviation)
    return role_key(role, org_slug, names), role_label(role, org_name, names)


def tenures() -> dict[int, list[Tenure]]:
    """Each person's roles, each labelled as most of its holders spell it."""
    rows = Membership.objects.exclude(role="").values_list(
        "person_id",
        "role",
        "organization_id",
        "organization__slug",
        "organization__name",
        "organization__abbreviation",
        "first_seen",
        "last_seen",
    )
    spellings: dict[str, dict[str, int]] = {}
    found = []
    for person, role, org, org_slug, org_name, abbreviation, first, last in rows.order_by("id"):
        key, label = _key_and_label(role, org_slug, org_name, abbreviation)
        counts = spellings.setdefault(key, {})
        counts[label] = counts.get(label, 0) + 1
        found.append((person, key, role, org, first, last))
    labels = {
        key: min(counts, key=lambda label: (-counts[label], label))
        for key, counts in spellings.items()
    }
    tenures: dict[int, list[Tenure]] = {}
    for person, key, role, org, first, last in found:
        tenures.setdefault(person, []).append(
            Tenure(Role(key, labels[key]), role, org, first, last)
        )
    return tenures


def held(tenures, *, named: dict, given, dated_within) -> dict[Role, object]:
    """For each role, the statements where someone they name held it then, by the rule above.

    `tenures`: each person's roles (`tenures()`); `named`: person id -> the statements naming
    him (bitmaps); `given((person, role as kept, organization))`: the statements whose mention of
    him gives that role; `dated_within(first, last)`: the statements dated within a span (either
    end may be open).
    """
    found: dict[Role, object] = {}
    for person, held_by_person in tenures.items():
        naming = named.get(person)
        if naming is None:
            continue
        for tenure in held_by_person:
            statements = given((person, tenure.role, tenure.organization_id))
            if tenure.first_seen is not None or tenure.last_seen is not None:
                statements |= naming & dated_within(tenure.first_seen, tenure.last_seen)
            if statements:
                found[tenure.held] = (
                    found[tenure.held] | statements if tenure.held in found else statements
                )
    return found
