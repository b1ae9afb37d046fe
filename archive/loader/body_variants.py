"""The coalition's bodies written in another form than the reference data's.

Releases name the same department several ways: "the Department of Foreign Affairs", "the
Foreign Relations Department", "the Foreign Relations Office"; "the Department of Refugee
Affairs" and "the Refugee Affairs Department". Two names are one body's when they hold the same
words once the order, the connectors and these interchangeable words are set aside. Only a body
the text writes as the coalition's is read so: "the Department of Foreign Affairs" alone may be a
government's ministry.
"""

from __future__ import annotations

import re

# Words the coalition's releases use for one another in its bodies' names.
_SAME = {
    "affairs": "relations",
    "office": "department",
    "directorate": "department",
    "bureau": "department",
}
_CONNECTORS = frozenset({"the", "of", "for", "on", "and", "&"})
_WORD = re.compile(r"[\w'-]+")


def variant_key(name: str) -> frozenset[str]:
    """The words a body's name is made of, in no order, the interchangeable ones as one."""
    words = _WORD.findall(name.lower())
    return frozenset(_SAME.get(word, word) for word in words if word not in _CONNECTORS)


def same_body(name: str, other: str) -> bool:
    """Whether two names are written forms of one body ("Department of Refugee Affairs",
    "Refugee Affairs Department")."""
    return variant_key(name) == variant_key(other)
