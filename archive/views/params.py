"""The query string as the pages accept it: bounded, printable, never a reason for an error page."""

import unicodedata

from django.http import QueryDict

MAX_VALUES = 20  # per parameter: repeated parameters beyond this are dropped
MAX_LENGTH = 1000  # characters per value: a query longer than this is cut


def clean_params(query: QueryDict) -> QueryDict:
    """A copy of `query` without control characters, over-long values or endless repetitions.

    NUL bytes would make PostgreSQL refuse the query, and a 10 kB value would be copied into every
    link of the page; cutting them here keeps filters, search and links simple.
    """
    cleaned = QueryDict(mutable=True)
    for key, values in list(query.lists())[: MAX_VALUES * 2]:
        key = _printable(key)[:50]
        cleaned.setlist(key, [_printable(v)[:MAX_LENGTH] for v in values[:MAX_VALUES]])
    return cleaned


def _printable(text: str) -> str:
    """Control characters (NUL, tabs, newlines, escapes) become spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


# The index and meeting pages import their paginate() from here.
from archive.pagination import paginate  # noqa: E402, F401
