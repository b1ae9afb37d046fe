"""Which of a text's spans overlap or hold a given stretch, answered without a pass over them all.

A long release has thousands of names, titles and bodies in one paragraph; asking each of them
about every other would grow with the square of its length.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate


class Spans:
    """Half-open (start, end) spans, sorted once, with the furthest end reached so far."""

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        before = bisect_left(self.starts, end)  # the spans starting before `end`
        return before > 0 and self.reach[before - 1] > start

    def hold(self, start: int, end: int) -> bool:
        """Whether some span starting before `start` runs on to `end` or past it."""
        before = bisect_left(self.starts, start)
        return before > 0 and self.reach[before - 1] >= end
