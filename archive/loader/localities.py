"""Places the gazetteer does not know, named where a release lists them: "the villages of Kafr
Owaid, Sfuhen and Fleifel", "the town of Tal Mardikh", "Al-Nairab camp".

Releases on shelling name villages by the dozen, most too small for any reference list; the words
around them say what they are.
"""

from __future__ import annotations

import re

from .roles import DEMONYMS

_WORD = r"(?:(?:al|el|as|ash|ad|ar|at|az)-)?[A-Z][\w'-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
# "the villages of", "the town of", "the city of", "the camps of": a list of places follows.
_INTRODUCED = re.compile(
    r"\b(?:villages?|towns?|cities|city|camps?|neighbou?rhoods?|districts?|areas?|hamlets?)\s+of\s+",
    re.IGNORECASE,
)
_ITEM = re.compile(rf"(?:the\s+)?({_NAME})")
_GAP = re.compile(r"\s*(?:,\s*and|,|and|&)\s*(?:the\s+)?")
# "Al-Nairab camp", "Menagh airport", "Adra prison": a name and what kind of place it is.
_KIND_AFTER = re.compile(
    rf"(?<![\w'-])(?:The\s+)?(({_NAME})\s+(?:camp|airport|airbase|air\s+base|prison|crossing))\b"
)


def find_localities(text: str) -> list[tuple[str, int]]:
    """(name as written, start) of every place the words around it say is one."""
    found = []
    for introduced in _INTRODUCED.finditer(text):
        position = introduced.end()
        while True:
            item = _ITEM.match(text, position)
            if not item:
                break
            found.append((item.group(1), item.start(1)))
            gap = _GAP.match(text, item.end())
            if not gap:
                break
            position = gap.end()
    for match in _KIND_AFTER.finditer(text):
        if match.group(2) not in DEMONYMS:  # "the Turkish airbase" names no place
            found.append((match.group(1), match.start(1)))
    return found
