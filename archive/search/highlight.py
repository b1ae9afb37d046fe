"""Turning engine output into safe HTML: escape first, then mark the hits.

Engines wrap hits in sentinel markers; this module escapes everything else and only then turns
the markers into <mark>. Nothing from a release or a query is ever marked safe before escaping.
"""

import re
import secrets
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import SearchQuery, is_token_char

START, STOP = "\x02", "\x03"
SENTINELS = re.compile("[\x02\x03]")
LEAD_WORDS = 40


@dataclass(frozen=True)
class Markers:
    """The strings an engine puts around a hit.

    When the engine reads the text itself (FTS5 reads its external content table) the sentinel
    characters cannot be stripped from the source beforehand, so each request uses markers with a
    random nonce that no release can contain; stray sentinels are stripped afterwards.
    """

    start: str = START
    stop: str = STOP

    @classmethod
    def unforgeable(cls) -> "Markers":
        nonce = secrets.token_hex(8)
        return cls(start=f"{START}{nonce}{START}", stop=f"{STOP}{nonce}{STOP}")


def strip_sentinels(text: str) -> str:
    """Replace sentinel characters by spaces: same length, and engines split on both alike."""
    return SENTINELS.sub(" ", text or "")


def render(marked: str, markers: Markers = Markers()) -> SafeString:
    """Escape engine output and turn its markers into <mark> elements."""
    html = []
    depth = 0
    for part in re.split(f"({re.escape(markers.start)}|{re.escape(markers.stop)})", marked):
        if part == markers.start:
            if not depth:
                html.append("<mark>")
            depth += 1
        elif part == markers.stop:
            if depth == 1:
                html.append("</mark>")
            depth = max(depth - 1, 0)
        else:
            html.append(escape(strip_sentinels(part)))
    if depth:
        html.append("</mark>")
    return mark_safe("".join(html))


def plain_lead(body: str, words: int = LEAD_WORDS) -> SafeString:
    """The first words of a body, escaped: the snippet when there is nothing to highlight."""
    tokens = strip_sentinels(body).split()
    lead = " ".join(tokens[:words])
    return mark_safe(escape(lead) + ("…" if len(tokens) > words else ""))


# A light English suffix stripper, enough to highlight "normalization" for the query "normalize"
# on one page; the engines do the real stemming when matching.
# fmt: off
_SUFFIXES = sorted(
    [
        "ization", "izations", "isation", "isations", "ation", "ations", "ition", "itions",
        "ement", "ements", "ment", "ments", "izing", "ising", "izes", "ises", "ized", "ised",
        "ize", "ise", "ating", "ated", "ates", "ate", "ings", "ing", "ness", "ities", "ity",
        "ies", "ied", "ers", "er", "es", "ed", "ly", "al", "s", "e",
    ],
    key=len,
    reverse=True,
)
# fmt: on
_MIN_STEM = 3


def stem_key(word: str) -> str:
    """A comparison key: case-folded, combining marks dropped, common English suffixes removed."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    key = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= _MIN_STEM:
            return key[: -len(suffix)]
    return key


def _words(text: str):
    """Yield (start, end) of each run of token characters, as the query parser defines them."""
    start = None
    for i, char in enumerate(text):
        if is_token_char(char):
            if start is None:
                start = i
        elif start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(text)


def highlight_text(text: str, query: SearchQuery) -> SafeString:
    """Escape text and mark every word sharing a stem with a positive query word.

    Phrases are highlighted word by word: on a permalink the reader wants to find the terms.
    """
    text = strip_sentinels(text)
    keys = {
        stem_key(chunk[a:b])
        for term in query.positive_terms
        for chunk in term.words
        for a, b in _words(chunk)
    }
    if not keys:
        return mark_safe(escape(text))
    marked, last = [], 0
    for a, b in _words(text):
        if stem_key(text[a:b]) in keys:
            marked += [text[last:a], START, text[a:b], STOP]
            last = b
    marked.append(text[last:])
    return render("".join(marked))
