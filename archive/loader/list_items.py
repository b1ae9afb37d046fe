"""Names listed one to a line: under a heading ("The committee consists of:"), or signed.

Releases of elections and of new bodies often list their people one to a line, numbered or not,
with or without a title: "1- Hadi Kassem", "Vice Presidents: Lina Barakat, Omar Zein". A name at
the head of such a line is a person's, and the heading may say what they are members of. A
release signed at its end gives each signatory's title on the line above the name.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .memberships import membership_announced
from .name_runs import Candidate
from .roles import Owners, parse_role
from .title_words import ROLE_WORD

# What may open a list's line before the name: a bullet or a number, then perhaps a title.
_ITEM_HEAD = re.compile(r"(?:[-–•*·]\s*|\(?\d{1,3}\s*[-.)–]\s*|[a-z][.)]\s*)?(?:[^:]{1,60}:\s*)?")
_LONGEST_ITEM = 160


def list_headings(paragraphs: list[str]) -> dict[int, int]:
    """For each paragraph (numbered from 1) that is a line of a list, the number of the
    paragraph introducing the list: the last one before that ends with a colon."""
    headings: dict[int, int] = {}
    heading = None
    for number, text in enumerate(paragraphs, start=1):
        line = text.strip()
        if not line:
            continue
        if heading and len(line) <= _LONGEST_ITEM and not line.endswith(":"):
            headings[number] = heading
            continue
        heading = number if line.endswith(":") else None
    return headings


def mark_listed(text: str, found: list[Candidate], heading: str, gazetteer: Gazetteer) -> None:
    """The name a list's line opens with is a person's, a member of the body the heading
    announces, if it announces one, unless the line gives a title of its own."""
    opening = _ITEM_HEAD.match(text).end()
    membership = membership_announced(heading, 0, len(heading), gazetteer)
    for c in found:
        if c.full and c.start <= opening:
            c.evidence = True
            if c.role is None and membership:
                c.role = membership


def signatures(paragraphs: list[str]) -> dict[int, str]:
    """For each paragraph (numbered from 1) that may be a signatory's name, the title on the line
    above it: a line that is a title alone ("Vice President", "President of the Coalition")."""
    signed = {}
    for number in range(2, len(paragraphs) + 1):
        title, name = paragraphs[number - 2].strip(), paragraphs[number - 1].strip()
        if 0 < len(name) <= 40 and _TITLE_LINE.fullmatch(title):
            signed[number] = title
    return signed


_TITLE_LINE = re.compile(
    rf"(?:[A-Z][\w'-]*\s+){{0,2}}(?:{ROLE_WORD.pattern})"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[\w' -]{1,60})?"
)


def mark_signed(text: str, found: list[Candidate], title: str, gazetteer: Gazetteer) -> None:
    """A name alone on the line below a title is a signatory's, with that title."""
    for c in found:
        if c.full and c.start == 0 and c.end == len(text.rstrip()):
            c.evidence = True
            if c.role is None:
                c.role = parse_role(
                    title, 0, len(title), owners=Owners([], [], []), gazetteer=gazetteer
                )
