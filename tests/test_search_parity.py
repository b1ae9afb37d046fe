"""The same search finds the same statements on SQLite and on PostgreSQL.

Each engine is compared with one reference: a pure-Python matcher of the query semantics
(archive.search.query) over the normalised text (archive.search.normalise). The suite runs on
one engine at a time; since both must equal the reference, they equal each other.
"""

import random

import pytest

from archive.models import Statement
from archive.search import api
from archive.search.normalise import tokens
from archive.search.query import SearchQuery, Term, parse
from bench.corpus import CorpusGenerator

pytestmark = pytest.mark.django_db

SEED = 12
RELEASES = 60
GENERATED_QUERIES = 300

# Text no engine should read differently: markup, path-like symbols, apostrophes of every kind,
# hyphens, diacritics, Arabic-Indic digits, entities, URLs, long words, an emoji.
HOSTILE = [
    ("Markup", "Before <script>alert('x')</script> after the ceasefire <style>p{}</style> end."),
    ("Symbols", "Resolution S/RES/2254 (2015) and A/RES/67/262, see https://un.org/a-b?c=d."),
    ("Apostrophes", "Hay’at Tahrir al-Sham, Hay'at, Hayʼat, Hay`at and Hay‘at al-Sham."),
    ("Hyphens", "Bab al-Hawa, Bab al Hawa, Abdel‐Majid and Abdel-Majid at the crossing."),
    ("Diacritics", "Mevlüt Çavuşoğlu met the Coalition in Ankara; naïve café résumé."),
    ("Digits", "القرار ٢٢٥٤ وبيان جنيف لعام 2012، و ۲۱۱۸ and 3.14, -5, 1e5, 2,254."),
    ("Entities", "AT&amp;T &lt;b&gt; x@example.org 10:30 £5 1/2 ½ ² ﬁnal İstanbul."),
    ("Long", "word " + "x" * 150 + " and " + "ب" * 120 + " then 😀 emoji."),
    ("Tatweel", "دعا مـحـمـد إلى حل سياسي، ـ وحده."),
]
HOSTILE_QUERIES = [
    "Hay’at",
    "Hayat Tahrir al-Sham",
    "hay'at",
    "S/RES/2254",
    "2254",
    "٢٢٥٤",
    "RES 2254",
    "<script>",
    "script alert",
    '"alert x"',
    "style",
    "Bab al-Hawa",
    "al Hawa",
    "abdel majid",
    "cavusoglu",
    "Çavuşoğlu",
    "naive cafe",
    "2118",
    "3 14",
    "1e5",
    "t",
    "amp",
    "example org",
    "https",
    "İstanbul",
    "final",
    "1 2",
    "x" * 150,
    "😀",
    "-",
    "OR",
    "***",
    "-ceasefire",
    "ceasefire OR crossing",
    '"tahrir al sham" -ankara',
    "£5",
    "5",
]


def matches_term(term: Term, fields: list[list[str]]) -> bool:
    """The term's tokens appear in this order, next to each other, within one field."""
    wanted, n = list(term.tokens), len(term.tokens)
    return any(field[i : i + n] == wanted for field in fields for i in range(len(field) - n + 1))


def reference(query: SearchQuery, documents: dict[int, list[list[str]]]) -> set[int]:
    """The ids the query means, computed without any engine."""
    found = set()
    for pk, fields in documents.items():
        if any(matches_term(t, fields) for t in query.excluded):
            continue
        if all(any(matches_term(t, fields) for t in group) for group in query.required):
            found.add(pk)
    return found


def generated_queries(rng: random.Random, count: int) -> list[str]:
    """Words, pairs, phrases, ORs and exclusions drawn from the corpus's own text."""
    raw = [body.split() for body in Statement.objects.order_by("pk").values_list("body", flat=True)]
    queries = []
    while len(queries) < count:
        words = rng.choice(raw)
        i = rng.randrange(len(words) - 3)
        a, b, c = words[i], words[i + 1], words[rng.randrange(len(words))]
        other = rng.choice(rng.choice(raw))
        queries.append(
            rng.choice(
                [
                    a,
                    f"{a} {c}",
                    f'"{a} {b}"',
                    f'"{a} {b} {words[i + 2]}"',
                    f"{a} OR {other}",
                    f"{a} -{other}",
                    f'-"{a} {b}"',
                    f"{a.upper()} {c.lower()}",
                ]
            )
        )
    return queries


@pytest.fixture
def corpus():
    generator = CorpusGenerator(seed=SEED)
    Statement.objects.bulk_create(
        [
            Statement(title=r.title, body=r.body, slug=f"s{i}", content_hash=str(i))
            for i, r in enumerate(generator.releases(RELEASES))
        ]
        + [
            Statement(title=title, body=body, slug=title.lower(), content_hash=title)
            for title, body in HOSTILE
        ]
    )
    return {s.pk: [tokens(s.title), tokens(s.body)] for s in Statement.objects.all()}


def test_every_search_finds_what_the_reference_finds(corpus):
    queries = HOSTILE_QUERIES + generated_queries(random.Random(SEED), GENERATED_QUERIES)
    differences = []
    for q in queries:
        query = parse(q)
        expected = set(corpus) if query.is_blank else reference(query, corpus)
        found = set(api.matching(Statement.objects.all(), q).values_list("pk", flat=True))
        if found != expected:
            differences.append((q, sorted(found - expected), sorted(expected - found)))
    assert differences == []
    assert len(queries) >= 300


def test_the_comparison_is_not_empty(corpus):
    """Most generated searches find something, and the hostile ones find their release."""
    by_title = {s.title: s.pk for s in Statement.objects.filter(title__in=dict(HOSTILE))}
    for q, title in [
        ("Hayat Tahrir al-Sham", "Apostrophes"),
        ("2254", "Symbols"),
        ("٢٢٥٤", "Digits"),
        ("alert", "Markup"),
        ("style", "Markup"),
        ("cavusoglu", "Diacritics"),
        ("abdel majid", "Hyphens"),
    ]:
        found = set(api.matching(Statement.objects.all(), q).values_list("pk", flat=True))
        assert by_title[title] in found, q
    queries = generated_queries(random.Random(SEED), 100)
    found_some = sum(bool(reference(parse(q), corpus)) for q in queries)
    assert found_some > 60


def test_no_character_folds_to_an_empty_token():
    """An empty token would be an empty lexeme to PostgreSQL: a syntax error, not a search."""
    for code in range(0x10000):
        char = chr(code)
        assert "" not in tokens(f"a{char}b") + tokens(char) + tokens(char * 2), hex(code)
