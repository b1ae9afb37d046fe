"""The event a release reports: its kind, how it was held, its number, date and place.

Releases say what happened in their opening paragraph ("held a virtual meeting with", "has sent
letters to", "concluded its 64th session"), so the earliest cue there decides; a release with no
such cue is a statement. Cues are general phrasings, not words of particular releases.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import find_dates
from .entities import Hit
from .gazetteer import words_pattern

_I = re.IGNORECASE


def _words(*words: str) -> str:
    """Any of `words` as a whole word, case-insensitive (see words_pattern: quick to reject)."""
    return f"(?i:{words_pattern(list(words))})"


_CALL_VERBS = ("received", "made", "held", "had", "conducted")  # "held a phone call"
_CALL = r"\s+(?:call|conversation)s?"
# "held a meeting", "held two separate meetings"
_MEETING_VERBS = ("held", "holds", "hold", "holding", "had", "chaired", "attended", "during")
_MEETINGS = (
    r"(?:a|an|the|its|their|his|her|two|three|four|several|separate)\s+(?:\w+\s+){0,2}?meetings?"
)
_LETTER_VERBS = ("sent", "sends", "addressed", "delivered", "handed", "wrote", "received")

# What is received that is no one met: "received reports that", "received an invitation".
_NO_GUEST = (
    r"(?!\s+(?:(?:a|an|the|many|several|new)\s+)?(?:reports?|news|information|word|confirmation"
    r"|invitations?|calls?|threats?|complaints?|requests?|support|aid|assistance|funding|approval))"
)

# (pattern, kind, format); at equal positions the earlier entry wins. (pattern, kind, format),
# case-insensitive but for the General Assembly, which must be the coalition's (capitalized, not the
# UN's); at one position the earlier entry wins.
_CUE_LIST = [
    (
        r"(?<!UN )(?<!United Nations )\bGeneral\s+Assembly\b(?!\s+of\s+the\s+(?:UN|United))"
        r"(?=[^.]{0,80}?\b(?:session|convened|concluded|meetings?|held|(?:re-?)?elected|approved|"
        r"adopted|voted|began|opened|kicked\s+off)\b)"
        r"|(?i:\b(?:sessions?|meetings?)\b)(?=,?\s+(?:of\s+)?(?:the\s+)?"
        r"(?:(?!UN\b|United\b)[\w'-]+\s+){0,6}?General\s+Assembly\b(?!\s+of\s+the\s+(?:UN|United)))",
        "general assembly session",
        "unknown",
    ),
    (r"(?i:\bpress\s+conference\b)", "press conference", "unknown"),
    (
        _words(
            *(rf"{verb}\s+an?\s+(?:tele)?phone{_CALL}" for verb in _CALL_VERBS),
            rf"telephone{_CALL}",
            rf"phone{_CALL}",
            "phoned",
            r"by\s+(?:tele)?phone",
            r"received\s+an?\s+call\s+from",  # not "received calls for help"
            r"receives\s+an?\s+call\s+from",
        ),
        "phone call",
        "virtual",
    ),
    (
        r"(?i:\bworkshops?\b|\btraining\s+(?:courses?|sessions?|programs?|programmes?)\b)",
        "workshop",
        "unknown",
    ),
    (r"(?i:\binterview\b)", "interview", "unknown"),
    (
        _words(
            *(rf"{verb}\b[^.]{{0,40}}?\b(?:letters?|messages?)" for verb in _LETTER_VERBS),
            r"in\s+a\s+letter",
            r"letters?\s+(?:to|addressed)",
        ),
        "letter",
        "written",
    ),
    (
        r"(?i:\b(?:virtual|online|video)\s+(?:meetings?|conferences?|sessions?|calls?)\b"
        r"|\bvia\s+(?:video|zoom|videoconference)\b|\bvideo\s*conferenc|\bteleconferenc"
        r"|\bvideo\s+call)",
        "meeting",
        "virtual",
    ),
    (
        _words(
            *(r"conferences?", r"summits?", r"forums?", r"symposiums?", r"seminars?"),
            *(r"panels?", r"panel\s+discussions?", r"round\s*tables?"),
        ),
        "conference",
        "unknown",
    ),
    (
        _words(
            *(
                rf"{verb}\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?(?:speech|address|remarks)"
                for verb in ("delivered", "gave", "made", "giving", "delivering")
            ),
            r"speech\s+(?:at|before|to|in)",
            r"keynote",
            *(
                rf"{verb}\s+(?:a|his|her)\s+(?:\w+\s+)?(?:speech|address)"
                for verb in ("in", "during")
            ),
        ),
        "speech",
        "unknown",
    ),
    (
        _words(
            "visited",
            "visits",
            r"paid\s+a\s+visit",
            r"on\s+a\s+visit",
            r"in\s+an?\s+(?:[\w-]+\s+){0,2}?visit",  # "arrived in Doha in a one-day visit"
            r"during\s+(?:a|the|his|her|its)\s+visit",
            *(
                rf"{verb}\s+an?\s+(?:\w+\s+)?tour"
                for verb in ("conducted", "made", "paid", "began", "started")
            ),
            r"field\s+tours?",
            "toured",
        ),
        "visit",
        "in person",
    ),
    (
        _words(
            *("met", "meets", rf"received{_NO_GUEST}", rf"receives{_NO_GUEST}", "hosted", "hosts"),
            *(rf"{verb}\s+{_MEETINGS}" for verb in _MEETING_VERBS),
            r"in\s+(?:a|an|its|their)\s+(?:\w+\s+){0,2}?meetings?",  # not "to speak in the meeting"
            r"meetings?\s+with",
            *(r"held\s+(?:\w+\s+){0,2}?talks", r"talks\s+with", r"discussed\s+with"),
            r"the\s+meeting\s+between",
            # "The SOC's President, X, and the Norwegian envoy, Y, discussed ...": two parties
            r"and\s+(?:the\s+|his\s+)?[A-Za-z][^.;]{0,100}?,\s+discussed",
            r"a\s+meeting\s+between",
            *(r"consultations?\s+with", "convened"),
            r"the\s+meeting\s+(?:was\s+attended|was\s+held|brought\s+together|took\s+place)",
        ),
        "meeting",
        "unknown",
    ),
    (
        _words(
            *(r"statements?", "condemned", "condemns", "denounced", "denounces", "welcomed"),
            *("welcomes", r"called\s+on", r"calls\s+on", "urged", "urges", "warned", "warns"),
            *("mourned", "mourns", "congratulated", "rejected", "rejects", "deplored"),
        ),
        "statement",
        "unknown",
    ),
]
# Every cue starts at a word boundary: tested once up front, it rejects most positions before any
# of the alternatives (and their lookbehinds) is tried.
_CUES = re.compile(
    r"\b(?:" + "|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _, _) in enumerate(_CUE_LIST)) + ")"
)
_VIRTUAL = re.compile(
    words_pattern(["virtual", "online", r"via\s+video", r"video\s*conferenc\w*", "zoom"]), _I
)
_SESSION_NUMBER = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)?\s+(?:(?:regular|ordinary|extraordinary|emergency|periodic)\s+)?session\b",
    _I,
)
_ON = re.compile(r"\b(?:on|dated|held\s+on|from)\s+(?:(?:the\s+)?\w+day,?\s+)?$", _I)
_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# What may stand between the cue and the place: "held a meeting in Istanbul", "visited Gaziantep".
_PLACE_AFTER_CUE = re.compile(
    r"\s*(?:(?:today|yesterday|on\s+\w+day)\s+)?(?:(?:held\s+)?(?:in|at)\s+)?"
    r"(?:the\s+(?:\w+\s+)?(?:city|capital|town)(?:\s+of|,)?\s+)?(?:to\s+)?(?:the\s+)?",
    _I,
)
# Further on in the sentence, after the one met or where: "met with the Turkish Foreign Minister
# in Ankara", "at its headquarters in Istanbul" (not "the situation in Aleppo": a topic).
_PLACE_LATER = re.compile(
    r"(?:\b[A-Z][\w'-]*|\bheadquarters|\boffices?|\bdelegation),?\s+(?:in|at)\s+"
    r"(?:the\s+(?:\w+\s+)?(?:city|capital|town)(?:\s+of|,)?\s+)?(?:the\s+)?$"
)


@dataclass(frozen=True)
class EventFact:
    kind: str
    format: str
    number: int | None
    date_as_written: str
    date: datetime.date | None
    place: str | None


def find_event(
    paragraphs: list[str], place_hits: list[list[Hit]], *, release_date: datetime.date | None
) -> EventFact:
    """The event of the release: the first cue of its opening paragraph (or the second's).

    Header lines blanked out before (publisher, date) do not count as paragraphs.
    """
    written = [where for where, text in enumerate(paragraphs) if text.strip()]
    body = [where for where in written if not _is_header_line(paragraphs[where])]
    opening = body[:2]
    cues = ((where, _first_cue(paragraphs[where])) for where in opening or written[:2])
    where, (kind, fmt, cue_end) = next(
        ((where, cue) for where, cue in cues if cue), (0, ("statement", "unknown", None))
    )
    said_at = _said_at_event(paragraphs, body[:3]) if kind == "statement" else None
    if said_at:  # "X called on ...\nX was speaking at a meeting with ...": the meeting's
        where, (kind, fmt, cue_end) = said_at
    if kind != "statement" and _NOT_PRESENT.search(" ".join(paragraphs[at] for at in opening)):
        kind, fmt, cue_end = "statement", "unknown", None  # "... met in Doha; X was not present"
    header = [paragraphs[at].strip() for at in written if opening and at < opening[0]]
    if kind == "meeting" and "General Assembly" in header:
        kind = "general assembly session"  # a meeting the release's header gives the Assembly
    # "In an interview with ..., X said": what the release quotes was said in an interview. Told in
    # its opening, that is the event; further on, it is unless the opening tells of another.
    told = [at for at in written if _INTERVIEW.search(paragraphs[at])]
    if told and (told[0] in opening or kind == "statement"):
        kind, fmt, cue_end = "interview", "unknown", None
    lead = paragraphs[where] if paragraphs else ""
    if fmt == "unknown" and kind in ("meeting", "conference", "workshop") and _VIRTUAL.search(lead):
        fmt = "virtual"
    number = None
    if kind in ("general assembly session", "conference", "meeting"):
        session = _SESSION_NUMBER.search(lead)
        number = int(session.group(1)) if session else None
    written, date = _event_date(lead, release_date)
    place = _event_place(lead, place_hits[where], cue_end, kind) if place_hits and cue_end else None
    return EventFact(kind, fmt, number, written, date, place)


# The position a release opens on, said at an event its next sentence tells of.
_SPEAKING_AT = re.compile(
    r"[^.]{0,80}?\b(?:was|were)\s+(?:speaking|talking)\s+(?:at|during|in|on)\b"
    r"|[^.]{0,80}?\bmade\s+(?:the|these|his|her|their)\s+(?:remarks|comments)\s+(?:at|during|in)\b"
    r"|(?:Speaking|Talking)\s+(?:at|during|in)\b"
)
# The coalition saying it took no part in the event its opening tells of.
_NOT_PRESENT = re.compile(
    r"\b(?:was|were)\s+not\s+(?:a\s+)?(?:participants?|present|invited|represented)\b"
    r"|\bdid\s+not\s+(?:take\s+part|participate|attend)\b",
    _I,
)


def _said_at_event(paragraphs: list[str], opening: list[int]):
    """The event a sentence of the release's opening says its position was said at: its second
    sentence ("X was speaking at ..."), or a later paragraph's first ("Speaking during a
    teleconference with ..., X said"), when the opening tells of no event."""
    for where in opening:
        text = paragraphs[where]
        starts = [0, *(m.end() for m in _SENTENCE_GAP.finditer(text))][:2]
        for start in starts:
            if (where, start) == (opening[0], 0) or not _SPEAKING_AT.match(text, start):
                continue
            cue = _first_cue(text[start:])
            if cue and cue[0] != "statement":
                return where, (cue[0], cue[1], start + cue[2])
    return None


_SENTENCE_GAP = re.compile(r"\.\s+")


def _is_header_line(text: str) -> bool:
    """A line of a header block ("Media Note", "The Media Office", "Istanbul, Turkey"): short,
    and no sentence. The event is told in the body's first sentences, after it."""
    return len(text) <= 80 and not text.rstrip().endswith((".", "!", "?", ":", '"', "”"))


# An interview the release reports, wherever it says so: the position quoted is the interview's.
_INTERVIEW = re.compile(
    r"\binterview(?:ed)?\s+(?:with|by)\b|\bin\s+an?\s+(?:\w+\s+)?interview\b", _I
)
_SELF_DESCRIBED = re.compile(r"\bin\s+an?\s+(?:\w+\s+)?statements?\b", _I)


# An event named as the object of a position, with a determiner or another's possessive: not the
# release's event.
_ANOTHERS_EVENT = re.compile(r"(?:\b(?:the|his|her|their|this|that)|'s)\s+$", _I)


def _first_cue(text: str) -> tuple[str, str, int] | None:
    """Kind and format of the earliest cue in `text`, and where the cue ends.

    A position ("condemned", "welcomed") decides only when no event follows in the paragraph:
    "The SOC welcomed ... during a visit to Gaziantep" reports a visit.
    """
    first = None
    for match in _CUES.finditer(text):
        _, kind, fmt = _CUE_LIST[int(match.lastgroup[1:])]
        if (
            kind != "statement"
            and first
            and _ANOTHERS_EVENT.search(text, max(0, match.start() - 8), match.start())
        ):
            continue  # "condemned the visit of Assad to Moscow and his meeting with Putin"
        if kind != "statement":
            return kind, fmt, match.end()
        if _SELF_DESCRIBED.search(text, max(0, match.start() - 30), match.end()):
            return kind, fmt, match.end()  # "In a press statement, X said ...": nothing else
        first = first or (kind, fmt, match.end())
    return first


def _event_date(lead: str, release_date: datetime.date | None) -> tuple[str, datetime.date | None]:
    for written in find_dates(lead):
        if _ON.search(lead[: written.start]):
            return written.text, written.resolve(release_date)
    weekday = "day" in lead and _WEEKDAY.search(lead)  # every weekday's name ends in "day"
    if weekday:
        date = None
        if release_date:
            back = (release_date.weekday() - _WEEKDAYS.index(weekday.group(1))) % 7
            date = release_date - datetime.timedelta(days=back)
        return weekday.group(1), date
    return "", None


_HELD_SOMEWHERE = frozenset(
    {"meeting", "visit", "conference", "workshop", "speech", "press conference"}
)


def _event_place(lead: str, hits: list[Hit], cue_end: int, kind: str) -> str | None:
    """The place written right after the cue: "held a meeting in Istanbul", "visited Gaziantep"."""
    hits = [hit for hit in hits if not hit.qualifier]
    for hit in hits:
        between = lead[cue_end : hit.start]
        if hit.start >= cue_end and _PLACE_AFTER_CUE.fullmatch(between):
            visit = not re.search(r"\b(?:in|at)\b", between)
            if visit or hit.entry.kind in ("city", "town"):
                return hit.entry.name
    if kind not in _HELD_SOMEWHERE:
        return None
    sentence_end = lead.find(". ", cue_end)
    sentence_end = len(lead) if sentence_end == -1 else sentence_end
    for hit in hits:
        if (
            cue_end <= hit.start < sentence_end
            and hit.entry.kind in ("city", "town", "other")
            and _PLACE_LATER.search(lead, max(cue_end, hit.start - 60), hit.start)
        ):
            return hit.entry.name
    return None
