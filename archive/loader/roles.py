"""Roles as releases write them next to a name, split into the title and the organization.

"President of the Syrian Opposition Coalition (SOC)" -> President, Syrian Opposition Coalition;
"France's Special Envoy to Syria" -> Special Envoy to Syria, France; "Political Affairs Officer at
the French Consulate in Istanbul" -> Political Affairs Officer, French Consulate in Istanbul;
"members of the political committee" -> Member of the political committee, the coalition (a body
inside the coalition is part of the title, the membership is in the coalition itself); "UN envoy" ->
UN envoy, United Nations. "to ..." stays in the title ("Representative to the United Nations").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, trie_pattern

if TYPE_CHECKING:
    from .entities import Hit
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
    """Where ROLE_WORD matches in `text`, left to right: the spans its `finditer` would give.

    A word at the very start has no character before it, hence the space put in front.
    """
    return [(m.start(1) - 1, m.end(1) - 1) for m in _GAP_AND_ROLE_WORD.finditer(" " + text)]


# Words that make a phrase an organization's name ("Syrian Emergency Organization").
ORG_NOUNS = word_set(
    "Organization Organisation Council Committee Commission Coalition Government Ministry "
    "Department Office Team Unit Army Forces Front Movement Party Union League Association "
    "Foundation Society Institute Center Centre Network Agency Authority Delegation Consulate "
    "Embassy Mission Bureau Directorate Corps Brigade Brigades Group Alliance Federation Assembly "
    "Parliament Congress Senate Court Tribunal Bank Fund Programme Program Initiative Campaign "
    "Watch Secretariat Service Board "
    "Forum Syndicate Body Platform Observatory Institution Academy University Company Corporation "
    "Guard Police Division Administration Cabinet Presidency Caucus Trust Alliance"
)
# Lowercase words after a name that only say what it is ("the Christians for Peace organization").
_DESCRIPTOR = re.compile(
    r"\s+(?:organi[sz]ation|group|association|movement|network|foundation|NGO)$"
)
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")

DEMONYMS = {
    "French": "France",
    "British": "United Kingdom",
    "American": "United States",
    "German": "Germany",
    "Turkish": "Turkey",
    "Russian": "Russia",
    "Iranian": "Iran",
    "Italian": "Italy",
    "Dutch": "Netherlands",
    "Belgian": "Belgium",
    "Swiss": "Switzerland",
    "Austrian": "Austria",
    "Swedish": "Sweden",
    "Norwegian": "Norway",
    "Danish": "Denmark",
    "Finnish": "Finland",
    "Spanish": "Spain",
    "Canadian": "Canada",
    "Japanese": "Japan",
    "Chinese": "China",
    "Qatari": "Qatar",
    "Saudi": "Saudi Arabia",
    "Jordanian": "Jordan",
    "Lebanese": "Lebanon",
    "Iraqi": "Iraq",
    "Egyptian": "Egypt",
    "Kuwaiti": "Kuwait",
    "Emirati": "United Arab Emirates",
    "Omani": "Oman",
    "Bahraini": "Bahrain",
    "Polish": "Poland",
    "Czech": "Czech Republic",
    "Greek": "Greece",
    "Irish": "Ireland",
    "Ukrainian": "Ukraine",
    "Israeli": "Israel",
    "Libyan": "Libya",
    "Tunisian": "Tunisia",
    "Moroccan": "Morocco",
    "Algerian": "Algeria",
    "Australian": "Australia",
    "Brazilian": "Brazil",
    "Indian": "India",
    "Pakistani": "Pakistan",
    "Kazakh": "Kazakhstan",
    "Syrian": "Syria",
}


@dataclass(frozen=True)
class Role:
    title: str
    organization: str | None  # canonical name when known, else as written


class Owners:
    """A paragraph's organization and place hits, looked up by where they end.

    Built once per paragraph, so that finding the owner written before a title ("France's") or the
    organizations named before a point costs a lookup, not a pass over every hit of the paragraph:
    a long paragraph then takes time in proportion to its length.
    """

    def __init__(
        self, hits: list[Hit], places: list[Hit], earlier: list[str], ours=frozenset()
    ) -> None:
        self.ours = ours  # bodies the release gives the coalition that the gazetteer lacks
        self.ending_at: dict[int, list[Hit]] = {}
        for hit in (*hits, *places):
            self.ending_at.setdefault(hit.end, []).append(hit)
        self.organizations = sorted(hits, key=lambda hit: hit.end)
        self.named_as = {" ".join(hit.text.split()): hit.entry.name for hit in hits}
        self.organization_ends = [hit.end for hit in self.organizations]
        self.earlier = earlier  # organizations of the paragraphs before, in order

    def named_before(self, end: int, reach: int = 40):
        """Names of the `reach` organizations written last before `end`, the nearest first: a
        back-reference ("the Office", "the Movement's") is to a body named not long before."""
        last = bisect_right(self.organization_ends, end)
        nearest = [h.entry.name for h in self.organizations[max(0, last - reach) : last]]
        return [*nearest[::-1], *self.earlier[: -reach - 1 : -1]][:reach]


def parse_role(
    paragraph: str, start: int, end: int, *, owners: Owners, gazetteer: Gazetteer
) -> Role:
    """The role written in paragraph[start:end], which begins with its title words."""
    organization = None
    leading = _owner_leading(paragraph, start, owners, gazetteer)
    if leading:  # "Netherlands Special Envoy for Syria": the country is the owner
        organization, start = leading.entry.name, leading.end + 1
    phrase = _NEW_BODY.sub(" ", _PAREN.sub("", paragraph[start:end].strip(" ,")))
    back = _BACK_REFERENCE.match(phrase)
    if back and not leading and back["noun"].capitalize() in ORG_NOUNS:
        # "the committee's official spokesman": the spokesman of the committee named before
        word = back["noun"].lower()
        referent = next((o for o in owners.named_before(end) if word in o.lower().split()), None)
        if referent:
            return Role(_tidy(back["title"]), referent)
    prefix = ""
    owner = None if leading else _owner_before(paragraph, start, owners)
    if owner:
        (organization, owner_text, possessive) = owner
        # "UN envoy" is how a bare lowercase title reads; "UN Special Envoy for Syria" is the
        # title "Special Envoy for Syria" of the UN, "US special envoy to Syria" and "US Secretary
        # of State" titles of the United States.
        if (
            not possessive
            and owner_text.isupper()
            and phrase[:1].islower()
            and " " not in phrase
            and organization in gazetteer.organizations
            and organization not in gazetteer.coalition_family
        ):
            prefix = owner_text + " "
    sub_body = None if leading else _sub_body_before(paragraph, start, gazetteer)
    if sub_body and not _SPLIT.search(phrase):
        # "political committee Secretary X": the coalition's Secretary of the Political Committee
        # (a body inside the coalition stays in the title, as it does written after "of").
        return Role(_tidy(f"{phrase} of the {sub_body}"), gazetteer.coalition)
    # "Turkish Foreign Minister": Turkey's; "the French President's advisor": France's.
    for pattern in (_WORD_BEFORE, _POSSESSOR):
        before = pattern.search(paragraph, max(0, start - 80), start)
        organization = organization or (before and _country_of(before.group(1), gazetteer))
    title, named = _split_organization(phrase, owners.named_before(end), gazetteer, owners.ours)
    named = owners.named_as.get(named, named) if named else named  # as the paragraph's hits
    if organization and named and not (gazetteer.organization(named) or gazetteer.place(named)):
        # "the SIG's Minister of Local Administration and Services": a portfolio of the owner's.
        title, named = phrase, None
    organization = named or organization
    head = _last_head(phrase)
    if organization is None and head and _MINISTER.fullmatch(head.group()):
        organization = _government_before(owners.named_before(start), gazetteer)
    return Role(_tidy(prefix + title), organization)


_MINISTER = re.compile(r"(?i)ministers?")


def _government_before(named_before, gazetteer: Gazetteer) -> str | None:
    """The government a minister written without one belongs to: the one named last before
    ("ministers of the Syrian Interim Government ... The Minister of Education, X")."""
    for name in named_before:
        if name.endswith(" Government") or _is_country(name, gazetteer):
            return name
    return None


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_BACK_REFERENCE = re.compile(r"(?P<noun>[A-Za-z]+)['’]s\s+(?P<title>.+)")
_POSSESSOR = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*'s\s+$")


# "Members of the new political committee": the body is the political committee.
_NEW_BODY = re.compile(r"(?<=\bof the) (?:new|newly[ -]elected|newly[ -]formed) ")


def _country_of(adjective: str, gazetteer: Gazetteer) -> str | None:
    """The country an adjective names ("Turkish", "Emirati"), if it is one."""
    if adjective in DEMONYMS:
        return DEMONYMS[adjective]
    country = gazetteer.country_of_adjective(adjective)
    return country.name if country and country.kind == "country" else None


_AT = re.compile(r"\s+at\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_IN = re.compile(r"\s+in\s+(?:the\s+)?")
_SPLIT = re.compile(r"\s+(?:at|of|in|to|for)\s+(?:the\s+)?")
# "Special Representative of the Coalition to the United Nations": whose, then where sent.
_SENT_TO = re.compile(r"(?P<body>.+?)(?P<to>\s+to\s+.+)")
_TO = re.compile(r"\s+to\s+(?:the\s+)?")
# Titles whose "to ..." says where they are sent, not whose they are.
_DIPLOMATIC = re.compile(r"(?i)(?:special\s+)?(?:envoy|ambassador|representative|delegate|consul)")
_LOCATED = re.compile(r"(?P<body>.+?)\s+in\s+(?:the\s+)?(?P<place>.+)")
_POSSESSIVE = re.compile(r"(?P<owner>.+?)'s?\s+(?P<body>\S.*)")


def _split_organization(
    phrase: str, earlier_orgs, gazetteer: Gazetteer, ours=frozenset()
) -> tuple[str, str | None]:
    """The title and the organization a role phrase names after "at", "of" or "in", if any.

    The organization is the first known one named after such a word, wherever it stands:
    "Minister of Local Administration in the Syrian Interim Government", "Secretary of the
    Political Committee of the Syrian Coalition". A body inside the coalition stays in the title
    ("Member of the SOC's General Assembly" -> "Member of the General Assembly", the coalition's).
    Words of the title itself ("Chief of Staff") are never split.
    """
    head = _last_head(phrase)
    earlier_orgs = list(earlier_orgs)
    country = _OF_COUNTRY.search(phrase, head.end() if head else 0)
    if country and _is_country(country["country"], gazetteer):
        # "Permanent Representative of Ireland to the United Nations": Ireland's, to the UN;
        # "Minister of Foreign Affairs of Qatar": Qatar's.
        title = phrase[: country.start()] + phrase[country.end() :]
        return title, gazetteer.place(country["country"]).name
    for split in _SPLIT.finditer(phrase, head.end() if head else 0):
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
        if not known and rest.strip(" ,") in ours:
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
    return _split_by_shape(phrase, head.end() if head else 0, earlier_orgs, gazetteer)


def _last_head(phrase: str):
    """The last of the title words the phrase begins with: "Head of Mission" in "Deputy Head of
    Mission" (what follows it may name an organization, what it holds does not)."""
    head = ROLE_WORD.search(phrase)
    while head and phrase.startswith(" ", head.end()):
        following = ROLE_WORD.match(phrase, head.end() + 1)
        if not following:
            break
        head = following
    return head


_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:State|Kingdom|Republic|Sultanate|Emirate)\s+of\s+(?:the\s+)?)?"
    r"(?P<country>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=\s+(?:to|in|at)\s|$)"
)


def _is_country(name: str, gazetteer: Gazetteer) -> bool:
    place = gazetteer.place(name)
    return bool(place) and place.kind == "country"


def _known_body(rest: str, gazetteer: Gazetteer, earlier_orgs=()) -> tuple[str | None, str] | None:
    """(a body to keep in the title or None, the organization) when `rest` names a known one."""
    rest = _DESCRIPTOR.sub("", _PAREN.sub("", rest)).strip(" ,")
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
            referent = next((o for o in earlier_orgs if word in o.lower().split()), None)
            return (body, referent) if referent else None
        if body:
            inner = gazetteer.organization(body)
            if inner and not _inside_coalition(inner, gazetteer):
                return None, inner.name
            return (
                body,
                gazetteer.coalition if owner.name in gazetteer.coalition_family else owner.name,
            )
    return None


_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,4})$")


def _sub_body_before(paragraph: str, start: int, gazetteer: Gazetteer) -> str | None:
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


def _inside_coalition(entry, gazetteer: Gazetteer) -> bool:
    """A committee, office or department of the coalition (not a body acting with it, like the
    Interim Government): membership in it is membership in the coalition."""
    return entry.kind == "coalition" and entry.name != gazetteer.coalition


def _split_by_shape(
    phrase: str, head_end: int, earlier_orgs, gazetteer: Gazetteer
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
        rest = _DESCRIPTOR.sub("", _PAREN.sub("", phrase[split.end() :]))
        if rest.capitalize() in ORG_NOUNS:  # "Coordinator of the Office": the one named earlier
            referent = next((o for o in earlier_orgs if rest.lower() in o.lower().split()), None)
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


_OWNER_GAP = re.compile(r"(?:\s*\([^)]*\))?('s|')?\s+")


_GAP_TAIL = re.compile(r"(?:\s*\([^)]*\))?(?:'s|')?\s+$")


def _owner_before(paragraph: str, start: int, owners: Owners):
    """The organization or country written right before a title: "France's", "the SOC's", "UN"."""
    gap = _GAP_TAIL.search(paragraph, max(0, start - 200), start)
    if not gap:
        return None
    # Where an owner may end: before the whole gap, or inside it (the gap's parts are optional).
    for end in sorted({gap.start(), *range(gap.start(), start)}, reverse=True):
        for hit in owners.ending_at.get(end, ()):
            match = _OWNER_GAP.fullmatch(paragraph, hit.end, start)
            if match and _may_own(hit):
                return hit.entry.name, hit.text, bool(match.group(1))
    return None


def _may_own(hit) -> bool:
    """An organization or a country owns a title; a town is where it was ("in Istanbul")."""
    return hit.entry.kind == "country" or hit.entry.kind not in _PLACE_KINDS


_PLACE_KINDS = frozenset(
    {
        "city",
        "town",
        "village",
        "governorate",
        "district",
        "region",
        "camp",
        "airport",
        "crossing",
        "prison",
    }
)


def _owner_leading(paragraph: str, start: int, owners: Owners, gazetteer: Gazetteer):
    """A country or organization the title's words begin with, before its head word."""
    head = ROLE_WORD.search(paragraph, start)
    if not head:
        return None
    for end in range(start + 2, head.start()):
        for hit in owners.ending_at.get(end, ()):
            owns = hit.entry.kind == "country" or hit.entry.name in gazetteer.organizations
            if hit.start == start and owns and paragraph.startswith(" ", hit.end):
                return hit
    return None


_NO_LONGER = re.compile(r"^(?:former|outgoing|then|new)\s+", re.IGNORECASE)


def _tidy(title: str) -> str:
    """One spacing, the head word singular ("members of" -> "Member of"), a capital first letter."""
    title = _NO_LONGER.sub("", " ".join(title.split()).strip(" ,:"))
    head = ROLE_WORD.match(title)
    if head:  # "Vice Presidents" -> "Vice President"
        title = singular(head.group()) + title[head.end() :]
    else:
        head, _, rest = title.partition(" ")
        title = f"{singular(head)} {rest}".strip()
    return title[:1].upper() + title[1:]


def singular(word: str) -> str:
    """The singular of a plural title word ("Vice-Presidents", "Secretaries", "Chairmen")."""
    candidates = (
        word[:-3] + "y" if word.endswith("ies") else "",
        word[:-1] if word.endswith("s") else "",
        word.replace("men", "man"),
    )
    return next((c for c in candidates if c and c != word and ROLE_WORD.fullmatch(c)), word)


_TITLED_TAIL = re.compile(
    r"\s+(?:of|at)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w'-]*(?:\s+(?:(?:for|of|and|a|the|to|in|on|de)\s+)*[A-Z][\w'-]*)*)"
    r"(?P<descriptor>\s+(?:organi[sz]ation|group|association|movement|network|foundation)\b)?",
)
_CONNECTOR = re.compile(r"\s+(?:for|of|and|a|the|to|in|on|de)\s", re.IGNORECASE)


_AT_NEXT = re.compile(r"\s+at\s")
_TITLE_TAIL = re.compile(
    r"\s+(?:of|at|in)\s+(?:the\s+)?[A-Z][\w'-]*"
    r"(?:(?:'s)?(?:\s+(?:of|for|and|the|in|on|to|&))*\s+[A-Z][\w'-]*)*"
)


def title_phrases(text: str, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each title with the body it names after "of", "at" or "in" ("Head of the Legal
    Department"): where a body belongs to a title rather than being named on its own."""
    spans = []
    for start, end in titles:
        tail = _TITLE_TAIL.match(text, end)
        spans.append((start, tail.end() if tail else end))
    return spans


def titled_organizations(text: str, titles: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Organizations named after a title ("Chairman of the Christians for Peace organization").

    `titles` are the spans of ROLE_WORD in `text`. Catches bodies the gazetteer does not know,
    whether or not a name follows the title. A name written right after the organization ("...
    American Council Suzanne Meriden") is cut off after the last organization word.
    """
    found = []
    for _, title_end in titles:
        match = _TITLED_TAIL.match(text, title_end)
        if not match:
            continue
        org = match["org"]
        if _AT_NEXT.match(text, match.end()):
            continue  # "the Office" names one named before; in "Head of X at Y" the body is Y
        if not match["descriptor"]:
            words = org.split()
            last = max((i for i, w in enumerate(words) if w in ORG_NOUNS), default=None)
            if last is None:
                continue
            rest = " ".join(words[last + 1 :])
            if rest and not _CONNECTOR.match(" " + rest):
                org = " ".join(words[: last + 1])
        if org not in ORG_NOUNS:
            found.append((org, match.start("org")))
    return found
