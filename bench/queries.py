"""The rotating search queries of the benchmark, chosen by how many releases each word occurs in.

They are drawn from a fixed sample of the synthetic genre, so every run, size and engine asks the
same questions: a fifth are common words (each in a fifth or more of the corpus, the case that
makes ranking and facet counts touch many rows), the rest medium and rare words, phrases, OR,
exclusions, stemmed forms and names.
"""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import data
from .corpus import CorpusGenerator

SAMPLE = 2_000
_WORD = re.compile(r"[a-z]+")
# Words no engine should be asked about alone (PostgreSQL drops them, FTS5 does not).
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been but by for from has have he her his in
    into is it its more not of on or our over than that the their them they this to was were which
    while who will with""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Query:
    text: str
    kind: str  # common, medium, rare, phrase, or, exclude, stem, name

    @property
    def common(self) -> bool:
        return self.kind == "common"


def _spread(items: list, n: int) -> list:
    """n items evenly spaced through `items` (all of them if there are fewer)."""
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def default_queries() -> list[Query]:
    generator = CorpusGenerator(seed=0)
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for release in generator.releases(SAMPLE):
        tokens = _WORD.findall(release.body.lower())
        words.update(set(tokens))
        pairs.update({p for p in zip(tokens, tokens[1:], strict=False) if not (set(p) & STOPWORDS)})

    def band(low: float, high: float) -> list[str]:
        found = [w for w, n in words.items() if low <= n / SAMPLE <= high and w not in STOPWORDS]
        return sorted(found, key=lambda w: (-words[w], w))

    common = _spread(band(0.2, 0.9), 8)
    medium = _spread(band(0.01, 0.05), 16)
    rare = _spread(band(0.0005, 0.0015), 8)
    genre = set(data.GENRE_WORDS) | set(data.ADJECTIVES)
    phrases = _spread(
        sorted(
            (p for p, n in pairs.items() if 0.005 <= n / SAMPLE <= 0.05 and set(p) <= genre),
            key=lambda p: (-pairs[p], p),
        ),
        4,
    )
    people = generator.people
    queries = [Query(w, "common") for w in common]
    queries += [Query(w, "medium") for w in medium[:8]]
    queries += [Query(w, "rare") for w in rare]
    queries += [Query(f'"{a} {b}"', "phrase") for a, b in phrases]
    queries += [Query(f"{a} OR {b}", "or") for a, b in zip(medium[8:12], rare[:4], strict=True)]
    queries += [
        Query(f"{c} -{m}", "exclude") for c, m in zip(common[:4], medium[12:16], strict=True)
    ]
    queries += [Query("normalize", "stem"), Query("negotiating", "stem")]
    queries += [Query(people[0].surname, "name"), Query(f'"{people[1].name}"', "name")]
    return queries


def read_queries(path: Path) -> list[Query]:
    """Queries from a file, one a line, optionally `kind<TAB>query`; `#` starts a comment line."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, text = line.partition("\t")
        queries.append(Query(text, kind) if sep else Query(line, "custom"))
    return queries
