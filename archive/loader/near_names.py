"""Long organization names written nearly as known: a slip of the keyboard or a variant word.

Releases misspell even their publisher ("Syrian Oppositoon Coalition") and vary the long official
names ("National Coalition for Syrian Revolution and Opposition Forces" for "... of Syrian
Revolution ..."). A run of capitalized words shaped like a body's name (it holds a word such as
Coalition or Council) that the exact matcher did not take whole is compared with the known names
of about as many words; a close one (`fuzz.ratio` at `CLOSE` or above) names that body, and
replaces the shorter known names matched inside the run ("Coalition"), when the run also names
that body exactly or has a word no known name has (a slip), never when it holds another body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from .gazetteer import Found, Gazetteer
from .title_words import ORG_NOUNS

CLOSE = 92  # "Syrian Oppositoon Coalition" scores 96; "Syrian National Council/Coalition" 88
_MIN_WORDS = 3
_RUN = re.compile(
    r"(?<![\w'-])[A-Z][\w'-]*(?:\s+(?:(?:of|for|and|the|to|in|on)\s+)*[A-Z][\w'-]*){2,}"
)


_CONNECTOR_BEFORE = re.compile(r"\s(?:of|for|and|the|to|in|on)\s+$")
_CONNECTOR = re.compile(r"\s+(?:(?:of|for|and|the|to|in|on)\s+)+")


def _names_in(run: re.Match):
    """Spans of the run that may be a body's name: from its start or from after a connector, to
    its last word such as Council (longest first)."""
    words = list(re.finditer(r"\S+", run.group()))
    last = max((i for i, w in enumerate(words) if w.group() in ORG_NOUNS), default=None)
    if last is None:
        return
    end = run.start() + words[last].end()
    starts = [run.start() + (4 if run.group().startswith("The ") else 0)]
    starts += [
        run.start() + m.end() for m in _CONNECTOR.finditer(run.group(), 0, words[last].start())
    ]
    for start in starts:
        if len(run.string[start:end].split()) >= _MIN_WORDS:
            yield start, end


def _inside(found: list[Found], start: int, end: int) -> list[Found]:
    return [f for f in found if start <= f.start and f.end <= end]


class NearNames:
    """Known organization names of three words or more, to match runs written nearly so."""

    def __init__(self, organizations) -> None:
        organizations = list(organizations)
        self._by_words: dict[int, dict[str, object]] = {}
        for name, entry in ((n, e) for e in organizations for n in e.names):
            words = len(name.split())
            if words >= _MIN_WORDS:
                self._by_words.setdefault(words, {})[name] = entry
        self._vocabulary = {w.lower() for e in organizations for n in e.names for w in n.split()}
        self._closest = lru_cache(maxsize=4096)(self._closest_uncached)

    def replace_in(self, text: str, found: list[Found]) -> list[Found]:
        """`found` (the exact matches in `text`), with a long name written nearly as known in
        place of the matches inside it."""
        near = [
            (start, end, entry)
            for start, end, entry in self.find(text, {(f.start, f.end) for f in found})
            if self._same_body_or_a_slip(text, start, end, entry, _inside(found, start, end))
        ]
        if not near:
            return found
        kept = [f for f in found if not any(s <= f.start < e for s, e, _ in near)]
        near_found = [Found(s, e, text[s:e], (entry,)) for s, e, entry in near]
        return sorted(kept + near_found, key=lambda f: f.start)

    def _same_body_or_a_slip(self, text: str, start: int, end: int, entry, inside) -> bool:
        """A near name is taken when the run also names the same body exactly ("National
        Coalition" in a variant of its full name), or has a word no known name has ("Oppositoon"),
        or holds another name only as its last words ("National Security Council" is no Security
        Council); not when it names another body after "of" or "in", which it may belong to
        ("Ministry of Interior of the Syrian Interim Government")."""
        if any(entry in f.entries for f in inside):
            return True
        if any(_CONNECTOR_BEFORE.search(text, start, f.start) for f in inside):
            return False
        if inside:
            return all(f.end == end and f.start > start for f in inside)
        return any(w.lower() not in self._vocabulary for w in text[start:end].split())

    def find(self, text: str, taken: set[tuple[int, int]]) -> list[tuple[int, int, object]]:
        """(start, end, entry) of each body-shaped name in `text` close to a known one, unless
        `taken` (spans matched exactly) holds it whole. In "The President of the Syrian Oppositoon
        Coalition (SOC)" the name is the run's part after "of the", up to its last body word."""
        found = []
        for run in _RUN.finditer(text):
            for start, end in _names_in(run):
                if (start, end) in taken:
                    break
                entry = self._closest(" ".join(text[start:end].split()))
                if entry is not None:
                    found.append((start, end, entry))
                    break
        return found

    def _closest_uncached(self, run: str):
        words = len(run.split())
        for count in (words, words - 1, words + 1):
            names = self._by_words.get(count)
            if not names:
                continue
            best = process.extractOne(run, names.keys(), scorer=fuzz.ratio, score_cutoff=CLOSE)
            if best and best[0] != run:
                return names[best[0]]
        return None


@lru_cache(maxsize=4)
def near_names_of(gazetteer: Gazetteer) -> NearNames:
    """The gazetteer's long names, indexed once per gazetteer (built once per process)."""
    return NearNames(gazetteer.organizations.values())
