"""Text helpers shared by the loader, the extractor and the models: name keys and slugs."""

import re
import unicodedata

from django.utils.text import slugify
from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII form of a name: accents dropped, hyphens and apostrophes as spaces.

    "Çavuşoğlu" -> "cavusoglu", "Abdel-Majid" -> "abdel majid". Two spellings that differ only in
    case, accents, hyphens or spacing fold to the same key, which is how the corpus is scored.
    """
    ascii_text = unidecode(unicodedata.normalize("NFKC", text or ""))
    return " ".join(_NON_WORD.sub(" ", ascii_text.lower()).split())


def name_key(text: str) -> str:
    """The matching key of a name: folded, with spaces removed ("Al Meslet" == "Al-Meslet")."""
    return fold(text).replace(" ", "")


def make_slug(text: str, *, max_length: int = 80) -> str:
    """A URL slug from any text, ASCII only, never empty."""
    slug = slugify(unidecode(text or ""))[:max_length].strip("-")
    return slug or "untitled"
