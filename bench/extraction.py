"""Extraction time per release at 10 KB, 100 KB and 1 MiB: whether it grows linearly with length.

The text is the synthetic corpus's releases run together, cut at the size, in two shapes: as
paragraphs (how releases are written) and as one paragraph (the hardest case for the patterns
that look at a paragraph's other names and titles). The gazetteer is built once beforehand, as
the loader does.
"""

from __future__ import annotations

import statistics
import time

from archive.loader.extract import extract
from archive.loader.gazetteer import Gazetteer

from .corpus import CorpusGenerator

SIZES = {"10 KB": 10 * 1024, "100 KB": 100 * 1024, "1 MiB": 1024 * 1024}
SHAPES = {"paragraphs": "\n", "one paragraph": " "}


def release_text(size: int, joiner: str, *, seed: int = 1) -> str:
    """Synthetic release bodies joined by `joiner` until `size` characters, cut there."""
    generator, pieces, length = CorpusGenerator(seed=seed), [], 0
    for release in generator.releases(size // 500 + 10):
        body = release.body.replace("\n", joiner)
        pieces.append(body)
        length += len(body) + 1
        if length >= size:
            break
    return joiner.join(pieces)[:size]


def measure(*, rounds: int = 3, seed: int = 1) -> list[dict]:
    """Per shape and size: the median seconds of `rounds` extractions, and per 100 KB."""
    gazetteer = Gazetteer.from_fixtures()
    rows = []
    for shape, joiner in SHAPES.items():
        for label, size in SIZES.items():
            text = release_text(size, joiner, seed=seed)
            timings = []
            for _ in range(rounds):
                started = time.perf_counter()
                extract(text, gazetteer=gazetteer)
                timings.append(time.perf_counter() - started)
            seconds = statistics.median(timings)
            rows.append(
                {
                    "shape": shape,
                    "size": label,
                    "characters": len(text),
                    "seconds": round(seconds, 3),
                    "seconds per 100 KB": round(seconds * 100 * 1024 / len(text), 3),
                }
            )
    return rows


def markdown_table(rows: list[dict]) -> str:
    lines = [
        "| shape | size | seconds | seconds per 100 KB |",
        "|---|---|---|---|",
        *(
            f"| {r['shape']} | {r['size']} | {r['seconds']:.3f} | {r['seconds per 100 KB']:.3f} |"
            for r in rows
        ),
    ]
    return "\n".join(lines)
