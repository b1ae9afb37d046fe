"""Highlighting in Python, the same on both engines: escape first, then mark the hits.

Hits are wrapped in sentinel characters, stripped from the text beforehand; this module escapes
everything else and only then turns the sentinels into <mark>. Nothing from a release or a query
is ever marked safe before escaping.
"""

import re
from collections import deque
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalise import APOSTROPHES, tokens
from .query import SearchQuery

START, STOP = "\x02", "\x03"
SENTINELS = re.compile("[\x02\x03]")
LEAD_WORDS = 40


def strip_sentinels(text: str) -> str:
    """Replace sentinel characters by spaces: same length, and words split on both alike."""
    return SENTINELS.sub(" ", text or "")


def render(marked: str) -> SafeString:
    """Escape marked text and turn its sentinels into <mark> elements."""
    html = []
    for part in re.split("([\x02\x03])", marked):
        if part == START:
            html.append("<mark>")
        elif part == STOP:
            html.append("</mark>")
        else:
            html.append(escape(part))
    return mark_safe("".join(html))


def plain_lead(body: str, words: int = LEAD_WORDS) -> SafeString:
    """The first words of a body, escaped: the snippet when there is nothing to highlight."""
    tokens = strip_sentinels(body).split()
    lead = " ".join(tokens[:words])
    return mark_safe(escape(lead) + ("…" if len(tokens) > words else ""))


SNIPPET_WORDS = 40
# Words of context shown before the first hit of a snippet.
SNIPPET_LEAD_IN = 8


# A word: letters, digits and combining marks, with apostrophes inside ("Hay’at"); the same
# words the normalisation reads, found by one regular expression that takes runs of letters or
# of marks rather than one character at a time.
_LETTERS = r"(?:[^\W_]+|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+)+"
_WORD = re.compile(f"{_LETTERS}(?:[{re.escape(APOSTROPHES)}]{_LETTERS})*")


def _words(text: str):
    """Yield (start, end) of each word of the text."""
    for match in _WORD.finditer(text):
        yield match.span()


@lru_cache(maxsize=100_000)
def _word_tokens(word: str) -> frozenset[str]:
    """A word's tokens (a hyphen-free word may still fold to two, or to none)."""
    return frozenset(tokens(word))


def _query_tokens(query: SearchQuery) -> frozenset[str]:
    return frozenset(token for term in query.positive_terms for token in term.tokens)


def _hits(text: str, wanted: frozenset[str]) -> list[tuple[int, int, bool]]:
    """Each word of the text as (start, end, is_hit): a hit shares a token with the query."""
    return [(a, b, not wanted.isdisjoint(_word_tokens(text[a:b]))) for a, b in _words(text)]


def _marked(text: str, words) -> str:
    marked, last = [], 0
    for a, b, hit in words:
        if hit:
            marked += [text[last:a], START, text[a:b], STOP]
            last = b
    marked.append(text[last:])
    return "".join(marked)


def highlight_text(text: str, query: SearchQuery) -> SafeString:
    """Escape text and mark every word sharing a token (a stem) with a positive query word.

    Phrases are highlighted word by word: on a permalink the reader wants to find the terms.
    """
    text = strip_sentinels(text)
    wanted = _query_tokens(query)
    if not wanted:
        return mark_safe(escape(text))
    return render(_marked(text, _hits(text, wanted)))


def snippet(body: str, query: SearchQuery) -> SafeString | None:
    """About SNIPPET_WORDS words of the body around its first hit, hits marked; None if none.

    Computed here rather than by an engine, so both engines show the same snippet, and the
    words marked are those the search matched (the same normalisation). The body is read only
    up to the end of the snippet.
    """
    body = strip_sentinels(body)
    wanted = _query_tokens(query)
    if not wanted:
        return None
    earlier: deque = deque(maxlen=SNIPPET_WORDS)  # the words before the first hit
    skipped = 0  # words before those
    shown: list | None = None
    more = False
    for match in _WORD.finditer(body):
        a, b = match.span()
        hit = not wanted.isdisjoint(_word_tokens(body[a:b]))
        if shown is None:
            if hit:
                shown = [(a, b, True)]
            else:
                skipped += len(earlier) == earlier.maxlen
                earlier.append((a, b, False))
        elif len(shown) < SNIPPET_WORDS - SNIPPET_LEAD_IN:
            shown.append((a, b, hit))
        else:
            more = True
            break
    if shown is None:
        return None
    # Lead in with a few earlier words, more when the body ends before the snippet is full.
    lead = max(SNIPPET_LEAD_IN, SNIPPET_WORDS - len(shown)) if not more else SNIPPET_LEAD_IN
    lead = min(lead, len(earlier))
    shown = list(earlier)[len(earlier) - lead :] + shown
    skipped += len(earlier) - lead
    # From the start of the body, or to its end, when the snippet reaches it: punctuation kept.
    begin = 0 if not skipped else shown[0][0]
    end = shown[-1][1] if more else len(body)
    html = render(_marked(body[begin:end], [(a - begin, b - begin, hit) for a, b, hit in shown]))
    return mark_safe(("…" if skipped else "") + html + ("…" if more else ""))
