"""The orders of a result set, as sequences of corpus-index positions a Paginator can slice.

Positions are numbered newest first (archive.corpus_index), so the newest and oldest orders read
a page by rank in the results' bitmap, without sorting. Relevance scores the results with the
engine's own rank (bm25 on SQLite, ts_rank_cd on PostgreSQL): all of them up to RANKED; past
that, the RANKED newest of them, listed first by relevance, then the rest newest first. The page
says which order it shows.
"""

from pyroaring import BitMap

from archive.models import Statement
from archive.search import api as search

# Results ranked by relevance: scoring costs about 2 µs a row on SQLite and more on PostgreSQL.
RANKED = 2000


class Newest:
    def __init__(self, results: BitMap):
        self.results = results

    def __len__(self):
        return len(self.results)

    def __getitem__(self, items: slice) -> list[int]:
        return list(self.results[items])


class Oldest:
    """Oldest first, undated last: the dated positions backwards, then the undated ones."""

    def __init__(self, index, results: BitMap):
        self.dated = results & BitMap(range(index.dated))
        self.undated = results - self.dated

    def __len__(self):
        return len(self.dated) + len(self.undated)

    def __getitem__(self, items: slice) -> list[int]:
        n = len(self.dated)
        return [
            self.dated[n - 1 - i] if i < n else self.undated[len(self.undated) - 1 - (i - n)]
            for i in range(*items.indices(len(self)))
        ]


class Relevance:
    """The ranked positions first (best first, then newest), then the rest newest first."""

    def __init__(self, ranked: list[int], rest: BitMap):
        self.ranked, self.rest = ranked, rest

    def __len__(self):
        return len(self.ranked) + len(self.rest)

    def __getitem__(self, items: slice) -> list[int]:
        n = len(self.ranked)
        return [
            self.ranked[i] if i < n else self.rest[i - n] for i in range(*items.indices(len(self)))
        ]


def by_relevance(index, results: BitMap, query) -> Relevance:
    """`results` by the words' rank: every one up to RANKED, else the RANKED newest first."""
    candidates = results if len(results) <= RANKED else results[:RANKED]
    ids = index.ids_at(candidates)
    scores = search.scores(Statement.objects.all(), query, ids)
    ranked = sorted(candidates, key=lambda p: (-scores.get(index.ids[p], 0.0), p))
    return Relevance(ranked, results - candidates)


def ordered(index, results: BitMap, sort: str, query):
    """The results in the order `sort` names ("relevance", "newest" or "oldest")."""
    if sort == "relevance" and search.parse(query).has_positive:
        return by_relevance(index, results, query)
    if sort == "oldest":
        return Oldest(index, results)
    return Newest(results)
