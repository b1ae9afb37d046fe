"""The organization a title names after "of", "at", "in", "to" or "for"; what stays in the title.

"Minister of Local Administration in the Syrian Interim Government" -> Minister of Local
Administration, the Syrian Interim Government; "Secretary of the Political Committee of the Syrian
Coalition" -> Secretary of the Political Committee, the coalition (a body inside the coalition stays
in the title); "Special Envoy to Syria" names no owner (where he is sent stays in the title); a body
the gazetteer lacks is known by the shape of its name ("Director of the Syrian Forum").
"""

from __future__ import annotations

import re

from .body_variants import same_body
from .gazetteer import Gazetteer
from .title_words import (
    DESCRIPTOR,
    ORG_NOUNS,
    PARENTHESES,
    ROLE_WORD,
    is_organization_name,
    last_head,
    name_run,
)

_AT = re.compile(r"\s+at\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_IN = re.compile(r"\s+in\s+(?:the\s+)?")
OWNER_SPLIT = re.compile(r"\s+(?:at|of|in|to|for)\s+(?:the\s+)?")
# "Special Representative of the Coalition to the United Nations": whose, then where sent.
_SENT_TO = re.compile(r"(?P<body>.+?)(?P<to>\s+to\s+.+)")
_TO = re.compile(r"\s+to\s+(?:the\s+)?")
# Titles whose "to ..." says where they are sent, not whose they are.
_DIPLOMATIC = re.compile(r"(?i)(?:special\s+)?(?:envoy|ambassador|representative|delegate|consul)")
_LOCATED = re.compile(r"(?P<body>.+?)\s+in\s+(?:the\s+)?(?P<place>.+)")
_POSSESSIVE = re.compile(r"(?P<owner>.+?)'s?\s+(?P<body>\S.*)")


def split_organization(
    phrase: str, earlier_orgs, gazetteer: Gazetteer, ours=frozenset()
) -> tuple[str, str | None]:
    """The title and the organization a role phrase names after "at", "of" or "in", if any.

    The organization is the first known one named after such a word, wherever it stands:
    "Minister of Local Administration in the Syrian Interim Government", "Secretary of the
    Political Committee of the Syrian Coalition". A body inside the coalition stays in the title
    ("Member of the SOC's General Assembly" -> "Member of the General Assembly", the coalition's).
    Words of the title itself ("Chief of Staff") are never split.
    """
    head = last_head(phrase)
    earlier_orgs = list(earlier_orgs)
    country = _OF_COUNTRY.search(phrase, head.end() if head else 0)
    if country and is_country(country["country"], gazetteer):
        # "Permanent Representative of Ireland to the United Nations": Ireland's, to the UN;
        # "Minister of Foreign Affairs of Qatar": Qatar's.
        title = phrase[: country.start()] + phrase[country.end() :]
        return title, gazetteer.place(country["country"]).name
    for split in OWNER_SPLIT.finditer(phrase, head.end() if head else 0):
        if split.group().strip().startswith("to") and _DIPLOMATIC.match(head.group()):
            continue  # "Special Envoy to Syria", "Representative to the UN": to whom, in the title
        rest = phrase[split.end() :]
        served = _OWNER_AND_TITLE.fullmatch(rest)
        if served and ROLE_WORD.fullmatch(served["title"]):
            entry = gazetteer.organization(served["owner"])
            if entry and not gazetteer.place(served["owner"]):
                # "Spokesman for the UN Secretary-General": for the Secretary-General, the UN's
                return phrase[: split.end()] + served["title"], entry.name
        known = _known_body(rest, gazetteer, earlier_orgs)
        if not known and any(same_body(rest.strip(" ,"), body) for body in ours):
            return phrase, gazetteer.coalition  # "Head of the Department of X", the SOC's
        sent = not known and head and _DIPLOMATIC.match(head.group()) and _SENT_TO.fullmatch(rest)
        if sent and not split.group().strip().startswith("to"):
            body = _known_body(sent["body"], gazetteer, earlier_orgs)
            if body and body[0] is None:
                return phrase[: split.start()] + sent["to"], body[1]
        if known:
            body, organization, *where = known
            title = phrase[: split.end()] + body if body else phrase[: split.start()]
            if where and head and _DIPLOMATIC.match(head.group()):
                title += " in " + where[0]  # "Representative of the Coalition in Germany"
            return title, organization
    return _split_by_shape(phrase, head.end() if head else 0, earlier_orgs, gazetteer, ours)


_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:State|Kingdom|Republic|Sultanate|Emirate)\s+of\s+(?:the\s+)?)?"
    r"(?P<country>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=\s+(?:to|in|at)\s|$)"
)


def is_country(name: str, gazetteer: Gazetteer) -> bool:
    place = gazetteer.place(name)
    return bool(place) and place.kind == "country"


def _known_body(rest: str, gazetteer: Gazetteer, earlier_orgs=()) -> tuple[str | None, str] | None:
    """(a body to keep in the title or None, the organization) when `rest` names a known one."""
    rest = DESCRIPTOR.sub("", PARENTHESES.sub("", rest)).strip(" ,")
    both = _BOTH.fullmatch(rest)
    if both and gazetteer.organization(both["first"]) and gazetteer.organization(both["second"]):
        # "member of the Syrian Coalition and the Kurdish National Council": the first named
        return _known_body(both["first"], gazetteer, earlier_orgs)
    entry = None if gazetteer.place(rest) else gazetteer.organization(rest)  # not a country's
    if entry:
        if _inside_coalition(entry, gazetteer):
            return rest, gazetteer.coalition
        return None, entry.name
    located = _LOCATED.fullmatch(rest)  # "the Syrian Forum in Germany": the Syrian Forum
    if located and gazetteer.place(located["place"]):
        entry = gazetteer.organization(located["body"])
        if entry and not gazetteer.place(located["body"]):
            return None, entry.name, located["place"]
    possessive = _POSSESSIVE.fullmatch(rest)
    if possessive and len(possessive["body"].split()) <= 6:
        owner = gazetteer.organization(possessive["owner"])
        body = possessive["body"]
        inner = gazetteer.organization(body)
        if inner and inner.kind != "coalition":
            return None, inner.name  # "the opposition's High Negotiations Committee": the HNC
        if owner is None:  # "the Movement's executive office": the movement named before
            word = possessive["owner"].lower()
            referent = referent_of(word, earlier_orgs, gazetteer)
            return (body, referent) if referent else None
        if body:
            inner = gazetteer.organization(body)
            if inner and not _inside_coalition(inner, gazetteer):
                return None, inner.name
            return (
                body,
                gazetteer.coalition if owner.kind == "coalition" else owner.name,
            )
    return None


_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,4})$")


def sub_body_before(paragraph: str, start: int, gazetteer: Gazetteer) -> str | None:
    """A body inside the coalition written, in any case, right before a title ("political
    committee Secretary"), as written, or as the gazetteer names it if written in lowercase."""
    words = _WORDS_BEFORE.search(paragraph, max(0, start - 60), start)
    if not words:
        return None
    words = words.group(1).split()
    for first in range(len(words)):
        written = " ".join(words[first:])
        entry = gazetteer.organization(written)
        if entry and _inside_coalition(entry, gazetteer):
            return entry.name if written.islower() else written
    return None


_OWNER_AND_TITLE = re.compile(r"(?P<owner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}?)\s+(?P<title>.+)")
_BOTH = re.compile(r"(?P<first>.+?)\s+and\s+(?:the\s+)?(?P<second>.+)")


def referent_of(noun: str, named_before, gazetteer: Gazetteer) -> str | None:
    """The body "the committee" or "the Office" refers back to: the nearest named before with
    that word in one of its names ("the Legal Committee" is the Legal Department's)."""
    word = noun.lower()
    for name in named_before:
        entry = gazetteer.organizations.get(name)
        names = entry.names if entry else (name,)
        if any(word in written.lower().split() for written in names):
            return name
    return None


def _inside_coalition(entry, gazetteer: Gazetteer) -> bool:
    """A committee, office or department of the coalition (not a body acting with it, like the
    Interim Government): membership in it is membership in the coalition."""
    return entry.kind == "coalition" and entry.name != gazetteer.coalition


def _split_by_shape(
    phrase: str, head_end: int, earlier_orgs, gazetteer: Gazetteer, ours=frozenset()
) -> tuple[str, str | None]:
    """For bodies the gazetteer does not know: the words after "at", "of" or "in" that read as
    an organization's name, a body named earlier ("of the Office"), or a country ("of Turkey";
    "Representative in the United States" keeps its country in the title)."""
    head = ROLE_WORD.search(phrase).group() if head_end else ""
    diplomatic = _DIPLOMATIC.match(head)
    portfolio = _PORTFOLIO.match(phrase, head_end)
    if portfolio and _MINISTERIAL.fullmatch(head) and not gazetteer.place(portfolio["what"]):
        return phrase, None  # "Minister of Local Administration and Services": the portfolio
    for pattern in (_AT, _OF, _IN, _TO):
        split = pattern.search(phrase, head_end)
        if not split or (pattern is _TO and diplomatic):
            continue
        rest = DESCRIPTOR.sub("", PARENTHESES.sub("", phrase[split.end() :]))
        if rest.capitalize() in ORG_NOUNS:  # "Coordinator of the Office": the one named earlier
            referent = referent_of(rest, earlier_orgs, gazetteer)
            if referent in ours:  # "head of the department": the SOC's, named before
                return phrase, gazetteer.coalition
            if referent:
                return phrase[: split.start()], referent
        place = gazetteer.place(rest)
        if place:
            if place.kind == "country" and pattern in (_AT, _OF):
                return phrase[: split.start()], place.name
            continue
        rest = name_run(rest)
        if pattern is _TO and not is_organization_name(rest):
            continue  # "to the Geneva talks": where to, not whose
        if pattern is _OF and rest == phrase[split.end() :] and _SUB_BODY.search(rest):
            return phrase, None  # "Head of the Information Unit": a unit of whoever they serve
        if rest and (is_organization_name(rest) or phrase[split.end() :] != rest):
            return phrase[: split.start()], rest
    return phrase, None


# The last word of a body's name that makes it part of a larger one: a unit, an office.
_SUB_BODY = re.compile(r"\b(?:Unit|Department|Office|Committee|Bureau|Directorate|Section)$")


# A minister's portfolio, written without an article: "Minister of Interior", "of Local
# Administration and Services"; "Minister of the SIG" names whose minister.
_MINISTERIAL = re.compile(r"(?i)(?:minister|secretary|undersecretary|under-secretary)s?")
_PORTFOLIO = re.compile(r"\s+of\s+(?P<what>(?!the\b)[A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*)*)$")
