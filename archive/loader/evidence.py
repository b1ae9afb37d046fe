"""What makes a run of capitalized words a person: speech, a cue before it, a list of people."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from .name_runs import Candidate
from .title_words import ROLE_WORD

SPEECH = re.compile(
    r"\s*(?:,\s*(?:who\s+)?)?(?:(?:also|further|then|later|again|has|had|have|was|is|strongly|firmly|clearly|"
    r"once\s+again)\s+)*(?:said|says|stated|stressed|emphasi[sz]ed|noted|indicated|pointed|added|affirmed|"
    r"reaffirmed|confirmed|called|urged|demanded|warned|reminded|mentioned|explained|expressed|"
    r"underscored|underlined|highlighted|outlined|assured|asserted|declared|announced|welcomed|praised|"
    r"condemned|denounced|criticized|spoke|told|briefed|gave|presented|described|asked|appealed|insisted|"
    r"thanked|reiterated|revealed|clarified|argued|commented|concluded|replied|responded|talked|"
    r"addressed|conveyed|delivered|discussed|reviewed|considered|hoped)\b",
    re.IGNORECASE,
)


# A verb of the event after a name: "Khoja met with Hollande", "Rami X visited Azaz".
_ACTS = re.compile(
    r"\s+(?:(?:also|then|later|has|had)\s+)?(?:met|meets|received|receives|visited|visits|"
    r"welcomed|hosted|phoned|headed|led|chaired|attended|participated|took\s+part)\b"
)


_CUE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?|included|including|includes|attended\s+by|joined\s+by|accompanied\s+by|met(?:\s+with)?|"
    r"meeting\s+with|received|hosted|according\s+to|told|participation\s+of|such\s+as|namely|"
    r"brought\s+together|headed\s+by|led\s+by|chaired\s+by|composed\s+of|consist(?:s|ed|ing)?\s+of|"
    r"comprised|comprising|comprises|made\s+up\s+of|members\s+are|featured|featuring|"
    r"(?:re-?)?elected|appointed|in\s+addition\s+to|"
    # a description that is no title: "journalist Rami X", "the activist Lina Y", "the poets A,
    # B, and C"
    r"\b(?:journalist|activist|lawyer|doctor|physician|researcher|writer|poet|artist|"
    r"dissident|businessman|businesswoman|reporter|photographer|defector|detainee|martyr|"
    r"citizen|civilian|student|teacher|engineer|academic|scholar|cleric|preacher|trainer|expert|"
    r"analyst)s?|(?:presented|moderated|conducted|given)\s+by)\s*:?\s*$",
    re.IGNORECASE,
)


# A military rank names a person: "Colonel Fateh X", "Brigadier General Ahmed Y".
_RANK_BEFORE = re.compile(
    r"\b(?:(?:Brigadier|Major|Lieutenant)\s+General|Lieutenant\s+Colonel|Brigadier|Colonel|"
    r"Captain|Lieutenant)\s+$"
)


# Between the names of a list: ranks, honorifics, or a word saying what the next one is ("..., and
# lawyer Noura Ghazi").
LIST_GAP = re.compile(
    r"\s*(?:,\s*and|,|and|&)\s*(?:(?:Major|Brigadier|Lieutenant|Colonel|General|Captain|Sheikh|"
    r"Dr|Mr|Mrs|Ms|Eng)\.?\s+)*(?:(?!the\b|a\b|an\b|its\b|his\b|her\b)[a-z]+\s+)?"
)


_PRONOUN_SPEECH = re.compile(r"^(?:He|She)\b")


def collect_evidence(text: str, found: list[Candidate], known: Callable[[str], bool]) -> None:
    """Whether each run is a name and spoke; `known` tells a known person's full name, which is
    evidence of its own and passes on along a list ("criminals Ali Mamlouk, A, and B")."""
    for c in found:
        c.acts = bool(_ACTS.match(text, c.end))
        # "Nasr al-Hariri, head of the SNC, said": the verb may follow the title written after.
        after_title = c.role_end + 1 if c.role_end and text.startswith(",", c.role_end) else None
        c.spoke = bool(
            SPEECH.match(text, c.end) or (after_title and SPEECH.match(text, after_title))
        )
        c.evidence = (
            c.role is not None
            or c.after is not None
            or c.spoke
            or (c.full and known(c.text))
            or bool(_CUE_BEFORE.search(text, max(c.sentence[0], c.start - 40), c.start))
            or bool(_RANK_BEFORE.search(text, max(c.sentence[0], c.start - 30), c.start))
            or (c.acts and (c.full or known(c.text)))
        )
    for previous, c in zip(found, found[1:], strict=False):
        # Later names of a list whose earlier names are people: "..., Antoine de Samp, and Seth
        # Bodgina".
        gap_start = (
            previous.role_end if previous.role_end and previous.role_end > 0 else previous.end
        )
        if (
            previous.evidence
            and previous.full
            and LIST_GAP.fullmatch(text[gap_start : c.start] or " ")
        ):
            c.evidence = True
            shares = previous.shared_title or (previous.before and _plural_title(text, previous))
            if c.role is None and previous.role and shares and not _OWN_BODY.match(text, c.end):
                c.role, c.shared_title = previous.role, True
    _spread_along_lists(text, found)


def _spread_along_lists(text: str, found: list[Candidate]) -> None:
    """Earlier names of a list whose later names are people: "A, B, and Vice President C"; and
    the subjects of a verb of speech after the list: "A and Congressman B said"."""
    for previous, c in zip(found[-2::-1], found[:0:-1], strict=False):
        listed = (
            c.full and previous.full and LIST_GAP.fullmatch(text[previous.end : c.start] or " ")
        )
        if listed and c.evidence:
            previous.evidence = True
        # The title of the later name may stand between: "A and Congressman B said".
        gap_end = c.before[0] if c.before and c.before[0] >= previous.end else c.start
        joined = (
            c.full and previous.full and LIST_GAP.fullmatch(text[previous.end : gap_end] or " ")
        )
        if joined and c.spoke and not previous.role_end:
            previous.spoke = True


# A name followed by its own body takes no title shared along the list: "Members of the General
# Assembly A and B, and C of the Syrian Turkmen Assembly".
_OWN_BODY = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?[A-Z]")


def _plural_title(text: str, c: Candidate) -> bool:
    head = ROLE_WORD.search(text[c.before[0] : c.before[1]])
    return bool(head) and head.group().lower().endswith(("s", "men"))


def attribute_pronoun_speech(sentences, paragraphs, candidates, people) -> None:
    """ "He stressed ..." speaks for the person named first in the last sentence naming someone."""
    of_spelling = {s: p for p in people for s in p.spellings}
    # Per paragraph, so that each sentence looks only at the names of its own paragraph.
    owned: dict[int, list[Candidate]] = {}
    for c in candidates:
        if c.text in of_spelling:
            owned.setdefault(c.paragraph, []).append(c)
    subject = None
    for number, text in enumerate(paragraphs, start=1):
        named = owned.get(number, [])
        starts = [c.start for c in named]
        for start, end in sentences[number - 1]:
            index = bisect_left(starts, start)
            first = named[index] if index < len(named) and named[index].start < end else None
            if first:
                subject = of_spelling[first.text]
            elif subject and text.startswith(("He", "She"), start, end):
                sentence = text[start:end]
                if _PRONOUN_SPEECH.match(sentence) and SPEECH.match(
                    sentence, 2 if sentence[1] == "e" else 3
                ):
                    subject.spoke = True
