"""Highlighting in Python, the same on both engines: escape first, then mark the hits.

Hits are wrapped in sentinel characters, stripped from the text beforehand; this module escapes
everything else and only then turns the sentinels into <mark>. Nothing from a release or a query
is ever marked safe before escaping.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalise import APOSTROPHES, tokens
from .query import SearchQuery, is_token_char

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


def _words(text: str):
    """Yield (start, end) of each word: token characters, with apostrophes inside ("Hay’at")."""
    start = None
    for i, char in enumerate(text):
        if is_token_char(char) or (
            char in APOSTROPHES
            and start is not None
            and i + 1 < len(text)
            and is_token_char(text[i + 1])
        ):
            if start is None:
                start = i
        elif start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(text)


def _query_tokens(query: SearchQuery) -> frozenset[str]:
    return frozenset(token for term in query.positive_terms for token in term.tokens)


def _hits(text: str, wanted: frozenset[str]) -> list[tuple[int, int, bool]]:
    """Each word of the text as (start, end, is_hit): a hit shares a token with the query."""
    return [(a, b, not wanted.isdisjoint(tokens(text[a:b]))) for a, b in _words(text)]


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
    """About SNIPPET_WORDS words of the body around its first hits, hits marked; None if none.

    Computed here rather than by an engine, so both engines show the same snippet, and the
    words marked are those the search matched (the same normalisation).
    """
    body = strip_sentinels(body)
    wanted = _query_tokens(query)
    words = _hits(body, wanted) if wanted else []
    first = next((i for i, (_, _, hit) in enumerate(words) if hit), None)
    if first is None:
        return None
    start = max(0, min(first - SNIPPET_LEAD_IN, len(words) - SNIPPET_WORDS))
    shown = words[start : start + SNIPPET_WORDS]
    # From the start of the body, or to its end, when the window reaches it: punctuation kept.
    begin = 0 if start == 0 else shown[0][0]
    end = len(body) if start + SNIPPET_WORDS >= len(words) else shown[-1][1]
    html = render(_marked(body[begin:end], [(a - begin, b - begin, hit) for a, b, hit in shown]))
    before = "…" if start > 0 else ""
    after = "…" if start + SNIPPET_WORDS < len(words) else ""
    return mark_safe(before + html + after)
