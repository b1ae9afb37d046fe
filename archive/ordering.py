"""The orders of a result set, as sequences of corpus-index positions a Paginator can slice.

Positions are numbered newest first (archive.corpus_index), so the newest and oldest orders read
a page by rank in the results' bitmap, without sorting. Relevance uses the engine's own rank
(bm25 on SQLite, ts_rank_cd on PostgreSQL) for every result when the words match at most EXACT
statements. Past that, scoring every match costs more than a page may (bm25 over 85,000 matches
takes 200 ms): a cheap first pass ranks some of the results (on SQLite those with the words in
their title, on PostgreSQL the FIRST_PASS newest) and lists them first, then the others newest
first. The page says so.
"""

from pyroaring import BitMap

from archive.models import Statement
from archive.search import api as search

EXACT = 3000  # matches ranked exactly
FIRST_PASS = 2000  # the newest results a first pass may rank (PostgreSQL)


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

    def __init__(self, ranked: list[int], rest: BitMap, first_pass: str = ""):
        self.ranked, self.rest = ranked, rest
        self.first_pass = first_pass  # what the first pass put first ("" when ranked exactly)

    def __len__(self):
        return len(self.ranked) + len(self.rest)

    def __getitem__(self, items: slice) -> list[int]:
        n = len(self.ranked)
        return [
            self.ranked[i] if i < n else self.rest[i - n] for i in range(*items.indices(len(self)))
        ]


def by_relevance(index, results: BitMap, query, matches: int) -> Relevance:
    """`results` by the words' rank: exactly up to EXACT matches, else after a first pass."""
    statements = Statement.objects.all()
    if matches <= EXACT:
        scores, first_pass = search.scores(statements, query, index.ids_at(results)), ""
    else:
        newest = index.ids_at(results[:FIRST_PASS])
        scores, first_pass = search.first_pass(statements, query, newest)
    scored = index.of_ids(scores) & results
    position_score = {p: scores[index.ids[p]] for p in scored}
    ranked = sorted(scored, key=lambda p: (-position_score[p], p))
    return Relevance(ranked, results - scored, first_pass)


def ordered(index, results: BitMap, sort: str, query, matches: int):
    """The results in the order `sort` names ("relevance", "newest" or "oldest")."""
    if sort == "relevance" and search.parse(query).has_positive:
        return by_relevance(index, results, query, matches)
    if sort == "oldest":
        return Oldest(index, results)
    return Newest(results)
