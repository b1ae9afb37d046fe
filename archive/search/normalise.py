"""The one normalisation of searchable text, for indexing and for querying, on every engine.

Both engines index the output of `index_text()`, never the raw release: words as lower-case,
stemmed tokens separated by single spaces, nothing else. So SQLite's FTS5 and PostgreSQL's
tsvector split the same tokens (a run of letters and digits is one token for both parsers), and a
query's words go through the same function, whatever engine answers. What folds:

- case, and diacritics: "Çavuşoğlu" and "cavusoglu", "Hamāh" and "Hamah";
- apostrophes and quotation marks inside a word vanish: "Hay’at", "Hay'at", "Hayʼat", "Hayat";
  so does the Arabic elongation mark (tatweel);
- hyphens, slashes, dots and every other symbol separate words: "al-Hawa" and "al Hawa",
  "S/RES/2254" and "S RES 2254" (so "2254" finds it), "U.N." and "U N";
- any decimal digit reads as its ASCII digit: "٢٢٥٤" is "2254";
- markup is text: "<script>alert</script>" indexes "script alert script";
- words are stemmed by their script (English for Latin letters, Arabic for Arabic), not by the
  statement's language, so a query word stems the same way as the text it is looked for in.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Removed without leaving a space, so "Hay’at" is one word: right and left single quotes, the
# ASCII apostrophe, the backtick, the modifier letter apostrophe and turned comma, the prime.
APOSTROPHES = "’‘'`ʼʻ′"
# The Arabic elongation mark only stretches a word on the page: "مـحـمـد" is "محمد".
TATWEEL = "\u0640"
# Longer words are cut to this length, in the text as in a query: PostgreSQL refuses to index
# words over 2 kB.
MAX_TOKEN_CHARS = 100

_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _basic_plane_table() -> dict[int, str | None]:
    """A str.translate() table over the Basic Multilingual Plane.

    Letters stay; decimal digits become ASCII; combining marks and apostrophes go; everything
    else (space, punctuation, symbols, controls) becomes a space. Built once, at import.
    """
    table: dict[int, str | None] = {}
    for code in range(0x10000):
        char = chr(code)
        category = unicodedata.category(char)
        if char in APOSTROPHES or char == TATWEEL or category[0] == "M":
            table[code] = None
        elif category == "Nd":
            table[code] = str(unicodedata.decimal(char))
        elif category[0] != "L" and not ("0" <= char <= "9"):
            table[code] = " "
    return table


_TABLE = _basic_plane_table()
_ENGLISH = Stemmer.Stemmer("english")
_ARABIC = Stemmer.Stemmer("arabic")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A folded word's stem, by its script: English for ASCII, Arabic for Arabic letters."""
    if word.isascii():
        stemmed = _ENGLISH.stemWord(word)
    elif _ARABIC_LETTERS.search(word):
        stemmed = _ARABIC.stemWord(word)
    else:
        stemmed = word
    # A stemmer may strip a short word to nothing (an Arabic prefix alone): keep the word.
    return stemmed or word


def fold_words(text: str) -> list[str]:
    """The words of a text, folded (case, marks, apostrophes, digits) but not stemmed."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = _ASTRAL.sub(" ", decomposed.translate(_TABLE))
    return [word[:MAX_TOKEN_CHARS] for word in plain.split()]


def tokens(text: str) -> list[str]:
    """The search tokens of a text: its folded words, stemmed."""
    return [stem(word) for word in fold_words(text)]


def index_text(text: str) -> str:
    """What the engines index for a text: its tokens, separated by single spaces."""
    return " ".join(tokens(text))
