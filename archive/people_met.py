"""Whom a person met: the people across the table from them, counted in the corpus index.

Two people met in a statement when one sits on the coalition's side and the other is its
counterpart (`Mention.Side`). The index holds each person's statements on either side
(`CorpusIndex.sides`), read like every fact it holds: visible mentions of published statements.
So the people a person met are those whose counterpart statements meet theirs on the coalition's
side, and the other way round: one intersection per person who sat at a table, whatever the
number of statements.
"""

import datetime
from dataclasses import dataclass

from archive.models import Mention

SOC, COUNTERPART = Mention.Side.SOC, Mention.Side.COUNTERPART


@dataclass(frozen=True)
class Met:
    slug: str
    name: str
    url: str
    n: int  # statements together
    last: datetime.date | None  # the latest date among them (None: all undated)


def people_met(index, slug: str, limit: int) -> list[Met]:
    """The `limit` people most often across the table from the person with this slug, most often
    first (then by name)."""
    sides = index.sides
    theirs_against_mine = [
        (sides[COUNTERPART], sides[SOC].get(slug)),  # counterparts, where they sat for the SOC
        (sides[SOC], sides[COUNTERPART].get(slug)),  # the SOC's, where they were its counterpart
    ]
    together: dict[str, int] = {}
    for theirs, mine in theirs_against_mine:
        if not mine:
            continue
        for other, positions in theirs.items():
            if n := positions.intersection_cardinality(mine):
                together[other] = together.get(other, 0) + n
    people = index.shown["person"]
    most = sorted(together, key=lambda other: (-together[other], people[other].label))[:limit]
    return [
        Met(
            slug=other,
            name=people[other].label,
            url=people[other].url,
            n=together[other],
            last=index.date_at(_newest_together(other, theirs_against_mine)),
        )
        for other in most
    ]


def _newest_together(other: str, theirs_against_mine) -> int:
    """The first position (the newest statement) where `other` sat across from the person."""
    return min(
        (theirs[other] & mine).min()
        for theirs, mine in theirs_against_mine
        if mine and other in theirs and theirs[other].intersect(mine)
    )
