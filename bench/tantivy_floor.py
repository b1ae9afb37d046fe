"""The engine floor: the same searches answered by Tantivy, a dedicated search engine.

Tantivy indexes the statements the archive publishes, from the same normalised text the
archive's engines index (`search_title`, `search_body`: folded, stemmed tokens separated by
spaces), split on spaces alone, so both see the same tokens and a query matches the same
statements. Each bench query is parsed by the archive's own parser, then written in Tantivy's
query syntax (`tantivy_query`); what it cannot say is listed in README "Benchmarks".

A search here is what a dedicated engine would be asked for a results page: the ten best
statements by BM25 (a title hit weighted as the archive weighs it) with their ids, and the exact
number of matches. Optional: the `tantivy` package comes with the `bench` extra.
"""

import importlib.util
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from archive.models import Statement
from archive.search.query import SearchQuery, Term, parse

from .queries import Query

TOKENIZER = "archive_tokens"
TITLE_BOOST = 10.0  # as archive.search.sqlite.BM25: a title hit counts ten body hits
TOP = 10
REPEAT = 5  # Tantivy answers in well under a millisecond: more samples than a page gets


def available() -> bool:
    return importlib.util.find_spec("tantivy") is not None


def _phrase(term: Term) -> str:
    """A term as a quoted Tantivy phrase of its tokens (one token: a plain term query).

    Tokens are letters and digits only (archive.search.normalise), so nothing in them can be
    read as Tantivy syntax once quoted.
    """
    return '"' + " ".join(term.tokens) + '"'


def tantivy_query(query: SearchQuery) -> str:
    """A parsed search in Tantivy's query syntax: `+` each required group (its terms ORed),
    `-` each exclusion. With no required group, `*` (every statement) comes first: the archive
    lists everything for a blank query and everything but the exclusions for `-word`, where
    Tantivy refuses a query of exclusions alone."""
    parts = []
    for group in query.required:
        terms = [_phrase(term) for term in group]
        parts.append("+" + (terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"))
    if not parts:
        parts.append("*")
    parts += ["-" + _phrase(term) for term in query.excluded]
    return " ".join(parts)


def translate(text: str) -> str:
    """A search box's string in Tantivy's query syntax."""
    return tantivy_query(parse(text))


@dataclass
class FloorIndex:
    index: object  # tantivy.Index
    directory: tempfile.TemporaryDirectory
    documents: int
    build_seconds: float

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in Path(self.directory.name).rglob("*") if p.is_file())

    def search(self, expression: str) -> tuple[list[int], int]:
        """(ids of the ten best matches, exact number of matches) of a query in Tantivy's
        syntax, parsed by Tantivy's query parser."""
        searcher = self.index.searcher()
        query = self.index.parse_query(
            expression, ["title", "body"], field_boosts={"title": TITLE_BOOST}
        )
        result = searcher.search(query, limit=TOP, count=True)
        ids = searcher.fast_field_values("id", [address for _, address in result.hits])
        return ids, result.count

    def close(self) -> None:
        self.directory.cleanup()


def build() -> FloorIndex:
    """An on-disk Tantivy index of the published statements, timed from the first row read to
    a searcher that sees them all."""
    import tantivy

    schema = tantivy.SchemaBuilder()
    schema.add_integer_field("id", stored=True, fast=True)
    schema.add_text_field("title", tokenizer_name=TOKENIZER)
    schema.add_text_field("body", tokenizer_name=TOKENIZER)
    directory = tempfile.TemporaryDirectory(prefix="bench-tantivy-")
    index = tantivy.Index(schema.build(), path=directory.name)
    index.register_tokenizer(
        TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    )
    began = time.perf_counter()
    writer = index.writer()
    rows = Statement.objects.published().values_list("id", "search_title", "search_body")
    documents = 0
    for pk, title, body in rows.iterator(chunk_size=2000):
        writer.add_document(tantivy.Document(id=pk, title=title, body=body))
        documents += 1
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return FloorIndex(index, directory, documents, time.perf_counter() - began)


def time_searches(floor: FloorIndex, queries: list[Query], rounds: int) -> dict:
    """{query text: {"tantivy": its translation, "count": n, "seconds": [...]}}, from passes
    over every query in turn (the first untimed)."""
    timed = {}
    for query in queries:
        expression = translate(query.text)
        timed[query.text] = {
            "tantivy": expression,
            "count": floor.search(expression)[1],
            "seconds": [],
        }
    for _ in range(rounds * REPEAT):
        for query in queries:
            expression = timed[query.text]["tantivy"]
            began = time.perf_counter()
            floor.search(expression)
            timed[query.text]["seconds"].append(time.perf_counter() - began)
    return timed
