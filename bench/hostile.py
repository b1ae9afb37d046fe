"""Hostile query strings: what a fuzzer, a scanner or a confused user sends as parameters."""

import random
import string

HOSTILE = [
    '"',
    '"unbalanced',
    "-",
    "--",
    "- -",
    "OR",
    "a OR",
    "OR OR b",
    "NEAR(a b)",
    "*",
    "a*",
    "^",
    "title:x",
    "'; DROP TABLE archive_statement; --",
    "1' OR '1'='1",
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "%",
    "%s",
    "\\",
    "\x00",
    "a\x00b",
    "\x01\x1f\x7f",
    "\u202e\u200b\ufeff",
    "😀",
    "سوريا -الأسد",
    "x" * 10_000,
    '"' * 3_000,
    " OR" * 2_000,
    "\n\t\r",
    "&amp;",
    "&#0;",
    "%00",
    "%ZZ",
    "{{ 7*7 }}",
    "{% now %}",
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "-1",
    "99999999999999999999",
    "2024-02-30",
]
# The parameters of the statement list, each of which may receive any of them.
PARAMS = [
    "q",
    "person",
    "organization",
    "resolution",
    "place",
    "kind",
    "language",
    "year",
    "date_from",
    "date_to",
    "sort",
    "page",
    "more",
]


def random_strings(n: int, seed: int = 20261122):
    """`n` strings of printable, Arabic, control and odd Unicode characters, the same every run."""
    rng = random.Random(seed)
    alphabet = string.printable + "«»“”‘’—…؟،ـ\u0600\u200f\ufffd😀\x00\x1b"
    for _ in range(n):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
