"""The title written before or after a name, or after "was elected": the grammar of titles."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .evidence import LIST_GAP
from .name_runs import Candidate
from .names import word_set
from .roles import DEMONYMS, Owners, Role, parse_role
from .title_words import ORG_NOUNS, ROLE_WORD, name_run

# Between a name and a title written after it: "X, head of ...", "X, who is a member of ...",
# "X (President of the SIG)", "in tribute to X," former head of ...".
_ROLE_AFTER = re.compile(
    r"(?:,[\"”]?\s+(?:who\s+(?:is|was|serves\s+as)\s+)?|\s+\((?=[^)]*\)))(?:the\s+|a\s+|an\s+)?"
)


def assign_roles(text, found, hits, places, titles, earlier_orgs, gazetteer, *, ours) -> None:
    """Titles written before or after each name, with the list conventions of releases.

    In "A, Chairman of X, B" the title belongs to B when the sentence writes titles before names
    ("..., and Chair of Y, C"), and to A otherwise ("included A, Officer at X, B, and C").
    """
    full = [c for c in found if c.full]
    owners = Owners(hits, places, earlier_orgs, ours)

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
    befores = {c.before[0] for c in full if c.before}
    for c in found:
        if not c.before:
            continue
        appositive = _appositive(text, name_ends, c)
        if appositive and _own_title_after(c, befores):
            continue  # "A, Title of A, B, Title of B, and C": each title follows its name
        if not appositive or c.sentence in before_style:
            c.role = parse(*c.before)
    for c, nxt in zip(full, [*full[1:], None], strict=False):
        taken = (
            nxt
            and nxt.role
            and nxt.before
            and c.after
            and c.after[0] <= nxt.before[0] <= c.after[1]
        )
        if c.after and not taken and (c.role is None or _bare(c.role)):
            # A bare title before the name gives way to the full one after it: "Ambassador
            # Nicholas Kay, the EU Special Representative for Syria".
            after = parse(*c.after)
            if c.role is None or " " in after.title or after.organization:
                c.role, c.role_end = after, c.after[1]
    _assign_named_roles(text, full, title_starts, parse, owners)
    _deputies_of_those_before(text, full)


_WHOSE = re.compile(r"\b(?:his|her)\s+$")


def _deputies_of_those_before(text: str, full: list[Candidate]) -> None:
    """ "US Special Envoy X and his deputy, Y": the deputy serves the organization of the one
    named before."""
    for previous, c in zip(full, full[1:], strict=False):
        role, served = c.role, previous.role
        if not (role and served and served.organization) or role.organization:
            continue
        if (
            role.title.lower() == "deputy"
            and c.before
            and _WHOSE.search(text, max(0, c.before[0] - 8), c.before[0])
        ):
            c.role = Role(role.title, served.organization)


def _own_title_after(c: Candidate, befores: set[int]) -> bool:
    """Whether `c`, set off by commas from the title before it, has one written after it that
    is not the next name's title before ("A, Title, B, Title, and C")."""
    return (
        bool(c.after)
        and "," in c.line[c.before[1] : c.start]
        and not c.line.startswith("and ", c.after[0])
        and not any(c.after[0] <= start < c.after[1] for start in befores)
    )


def _bare(role) -> bool:
    return role.organization is None and " " not in role.title


# "X was elected Secretary-General", "A, B and C were elected vice-presidents", "elected X as
# President of the SOC", "with X elected as President": the title follows the name (or the list
# of names) it is given to.
_NAMED_AS = re.compile(
    r"\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:re-?)?"
    r"(?:elected|appointed|named|chosen|nominated|designated)\s+(?:as\s+)?"
    r"|(?:re-?)?(?:elected|appointed|named|chosen|nominated|designated)\s+as\s+|as\s+)"
    r"(?:the\s+|(?P<whose>his|her)\s+)?(?:new\s+|first\s+)?"
)
# A title given after "as" is the name's before it, not the next name's: "elected A as president
# of the Coalition, B, C and D as his deputies".
_GIVEN_AS = re.compile(
    r"\b[A-Z][\w'-]*\s+(?:(?:re-?)?(?:elected|appointed|named|chosen)\s+)?as\s+(?:the\s+)?"
    r"(?:new\s+|first\s+)?$"
)


def _assign_named_roles(text: str, full: list[Candidate], title_starts, parse, owners) -> None:
    given = elector = given_in = None
    for index, c in enumerate(full):
        listed = given_in == c.sentence  # "A as head of X, B as deputy, and C a secretary"
        named = (
            _NAMED_AS.match(text, c.end)
            or (listed and _LISTED_AS.match(text, c.end))
            or (_given_to_list(text, full, index) and _GIVEN.match(text, c.end))
        )
        elector = _elector(text, c.start, owners) or elector
        if c.role or not named:
            continue
        at = bisect_left(title_starts, named.end())
        if at == len(title_starts) or not _TITLE_LEAD.fullmatch(
            text, named.end(), title_starts[at]
        ):
            continue
        role = parse(named.end(), _title_extent(text, title_starts[at]))
        if named["whose"] and given and role.title.lower() == "deputy":
            role = _deputy_of(given)  # "A as president, B and C as his deputies"
        if elector and role.organization is None:
            role = Role(role.title, elector)  # "the Committee elected A as its coordinator"
        if listed and role.organization is None and given.organization:
            role = Role(role.title, given.organization)  # "..., B as deputy": of the same body
        c.role, c.evidence, given, given_in = role, True, role, c.sentence
        # Back along the list this name ends: "A, B, and C were elected ...".
        for later in range(index, 0, -1):
            earlier = full[later - 1]
            if earlier.role or not LIST_GAP.fullmatch(text, earlier.end, full[later].start):
                break
            earlier.role, earlier.evidence = role, True


# "elected X president of the Coalition": the title right after the name the verb is given to.
_GIVEN = re.compile(r"\s+(?:the\s+)?(?:new\s+)?(?P<whose>(?!))?")


def _given_to_list(text: str, full: list[Candidate], index: int) -> bool:
    """Whether a verb of election or appointment comes right before the list of names that
    full[index] ends ("re-elected A, B and C vice-presidents"), or before the name alone."""
    while index and LIST_GAP.fullmatch(text, full[index - 1].end, full[index].start):
        index -= 1
    start = full[index].start
    return bool(_ELECTED_BY.search(text, max(0, start - 20), start))


# "..., and C a secretary": a title given without its verb, after others given one with "as".
_LISTED_AS = re.compile(r"\s+(?:a|an)\s+(?P<whose>(?!))?")
_ELECTED_BY = re.compile(r"\s+(?:re-?)?(?:elected|appointed|chose|named)\s+$")


def _elector(text: str, name_start: int, owners: Owners) -> str | None:
    """The body written as the one electing a name ("the Committee elected X"): the titles it
    gives in the paragraph are its own. The coalition's own organs elect the coalition's
    officers, which the titles' own grammar tells."""
    verb = _ELECTED_BY.search(text, max(0, name_start - 20), name_start)
    hits = owners.ending_at.get(verb.start(), ()) if verb else ()
    return next(
        (
            h.entry.name
            for h in hits
            if h.entry.name in owners.named_as.values() and h.entry.kind != "coalition"
        ),
        None,
    )


# Capitalized words a title's head word may follow: "elected X as General Coordinator".
_TITLE_LEAD = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}")


def _deputy_of(given: Role) -> Role:
    """The deputy of one just given a title: a president's are vice-presidents; "A as head of
    the Legal Committee and B as his deputy": B is the deputy head, of the same organization."""
    if given.title.lower() == "president":
        return Role("Vice President", given.organization)
    return Role(f"Deputy {given.title}", given.organization)


# "... as vice-presidents and Nazir Alhakim as secretary-general": the next name given a title.
_NEXT_ELECTED = re.compile(r"\s+(?:[A-Z][\w'-]*\s+){1,4}(?:as|an?)\s")
_TITLE_WORD = re.compile(r"[\w'-]+")


_TITLE_CONNECTORS = word_set("of the for to in at on and &")
# Capitalized, but no title's: "president of the Coalition on Sunday".
_CALENDAR = word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December"
)


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
            (token[:1].isupper() and token not in _CALENDAR)
            or ROLE_WORD.fullmatch(token)
            or token.capitalize() in ORG_NOUNS
            or _lowercase_body_word(text, word.end())
        )
        if titled:
            end = word.end()
        elif token not in _TITLE_CONNECTORS or _NEXT_ELECTED.match(text, word.end()):
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
    candidates = title_starts[first : bisect_right(title_starts, name_start - 1)]
    for index in range(len(candidates) - 1, -1, -1):
        start = title_start = candidates[index]
        if index and _HONORIFIC_TITLE.fullmatch(text, title_start, name_start):
            continue  # "head of the Council Sheikh Osama X": the title is before the honorific
        # Take in the capitalized words just before the head word ("Political Affairs Officer",
        # "Foreign Minister"), up to a word that is no part of a title ("Turkish", "the").
        lead = _TITLE_WORDS_BEFORE.search(text[window_start:start])
        if lead:
            for word in reversed(lead.group().split()):
                at = text.rindex(word, window_start, start)
                if word in _NOT_TITLE or _PREPOSITION_BEFORE.search(text, max(0, at - 6), at):
                    break  # "received in Istanbul Ambassador X": a place, no part of the title
                start = at
        if _GIVEN_AS.search(text, max(0, start - 40), start):
            continue
        adviser = _ADVISER_TO.search(text, max(window_start, start - 60), start)
        if adviser:  # "Senior Adviser to the Secretary-General X": the adviser is X
            start = adviser.start()
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


# A title serving another's: "Senior Adviser to the Secretary-General", "Assistant to the
# President".
_ADVISER_TO = re.compile(
    r"\b(?:(?:Senior|Special|Chief|Political|Legal|Personal)\s+)?(?:Adviser|Advisor|Assistant|"
    r"Counsel(?:l)?or)\s+to\s+(?:the\s+)?$"
)


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
    r"(?<!Crown\s)Prince|Princess|"
    r"Eng\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?))+\s*$"
)


# The words of a title before its head word: capitalized ("Political Affairs Officer"), or the
# lowercase adjectives of titles ("political advisor", "international envoy").
_TITLE_WORDS_BEFORE = re.compile(
    r"(?:\b(?:[A-Z][a-z][\w-]*|special|political|international|senior|deputy|chief|military|legal"
    r"|permanent|personal|executive|regional|humanitarian|foreign|prime|defen[cs]e|interior"
    r"|assistant|official)\s+){1,3}$"
)


_ENDS_WITH_AND = re.compile(r"(?:^|\s)(?:and|or)$")


_PARENS = re.compile(r"\([^)]*\)")


# "Deputy Head of the German Embassy, Mr. Michael Ohnmacht": the honorific is not part of the title.
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|to)\s+$")


# A title that is also an honorific, written right before the name.
_HONORIFIC_TITLE = re.compile(r"Sheikh\s+")
_HONORIFIC = re.compile(r",?\s*\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s*$")


_NOT_TITLE = (
    word_set("The A An And In On At Of With By For To From As Both His Her Excellency Highness")
    | frozenset(DEMONYMS)
    | ORG_NOUNS
)


_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|will|would|can|should|must|not|said|held|met|discussed|"
    r"(?:re-?)?(?:elected|appointed|named|chose|chosen|nominated|designated)|"
    r"stressed|including|included|include|includes|namely|that|which|who|whom|where|when|while|"
    r"with|by|from|as|during|after|"
    r"before|between|against|this|these|those|its|their|his|her)\b"
)


_CLAUSE = re.compile(r"[^,.;:]*")


# "..., the Czech Ambassador to Syria": the country's adjective is read as the owner.
_DEMONYM_LEAD = re.compile(rf"(?:(?:former|acting|outgoing|then)\s+)?(?:{'|'.join(DEMONYMS)})\s+")
_OWNER_LEAD = re.compile(r"(?:(?:former|acting|outgoing|then)\s+)?(?:[A-Z]{2,}\s+)+")


_TITLE_LEAD = re.compile(
    r"(?:(?:former|acting|interim|outgoing|then|new)\s+)?(?:[A-Z][\w'-]*\s+){0,3}"
    r"|[\w'-]+(?:'s)?\s+"
)


# A title in the plural names several people, never the one name before it.
_PLURAL_HEAD = re.compile(r"(?i:members|ministers|representatives|officials|envoys|ambassadors)\b")


def _role_after(
    text: str, name_end: int, titles, title_starts: list[int]
) -> tuple[int, int] | None:
    match = _ROLE_AFTER.match(text, name_end)
    if not match:
        return None
    tail = _CLAUSE.match(text, match.end()).group()
    if match.group().lstrip().startswith("("):
        tail = tail[: tail.find(")")]
    relative = _RELATIVE.search(tail)
    if relative:  # "Yusuf Q., head of the Union of X who is viewed as ...": the title ends
        tail = tail[: relative.start()]
    first = bisect_right(title_starts, match.end() - 1)
    head = next(
        (s - match.end() for s, e in titles[first : first + 1] if e <= match.end() + len(tail)),
        None,
    )
    if head is not None and not match.group().lstrip().startswith("("):
        tail = _before_speech(tail, head)
        joined = _AND_LOWERCASE.search(tail, head)
        if joined and _title_run(tail, head, joined.start()):
            tail = tail[: joined.start()]  # "X, Chief of Staff to the SMC and senior members"
    if (
        head is None
        or not _TITLE_LEAD.fullmatch(tail[:head])
        or _VERBS.search(_OF_ITS.sub("", tail))
    ):
        return None
    if _PLURAL_HEAD.match(tail, head):
        return None  # "A, members of the political committee, B": the next item, not A's title
    # "Stefan Schneck, Germany's Special Envoy", "..., former US Ambassador": the owner is read
    # from before the title.
    owner = tail.rfind("'s ", 0, head)
    lead = _OWNER_LEAD.match(tail, 0, head) or _DEMONYM_LEAD.match(tail, 0, head)
    start = match.end() + (owner + 3 if owner != -1 else lead.end() if lead else 0)
    return start, match.end() + len(tail.rstrip())


# "head of its youth office": the body "its" stands for is read with the title (see roles).
_OF_ITS = re.compile(r"\b(?:of|for|in)\s+its\b")
_AND_LOWERCASE = re.compile(r"\s+and\s+(?:the\s+|other\s+)?[a-z]")


# A verb of speech right after a title left unclosed: "Hadi X, President of the SOC said: ...".
_SPEECH_AFTER_TITLE = re.compile(
    r"\s+(?:said|says|stated|stressed|affirmed|added|noted|explained|emphasized|emphasised|"
    r"confirmed|told|declared|announced|pointed\s+out|warned)\b"
)


def _before_speech(tail: str, head: int) -> str:
    """The title of "X, Title of the Body said": its capitalized words, up to the verb."""
    speech = _SPEECH_AFTER_TITLE.search(tail, head)
    if speech and _title_run(tail, head, speech.start()):
        return tail[: speech.start()]
    return tail


def _title_run(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all a title's words: capitalized ones and their connectors."""
    return name_run(text[start:end]) == text[start:end].strip()


_RELATIVE = re.compile(r"\s+(?:who|whose|whom|which)\b")
_APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+)?$")


def _appositive(text: str, name_ends: set[int], c: Candidate) -> bool:
    """Whether the title before `c` follows another name and a comma ("A, Chairman of X, c")."""
    gap = _APPOSITIVE_GAP.search(text, max(0, c.before[0] - 100), c.before[0])
    return bool(gap) and any(
        end in name_ends and _APPOSITIVE_GAP.fullmatch(text, end, c.before[0])
        for end in range(gap.start(), c.before[0])
    )
