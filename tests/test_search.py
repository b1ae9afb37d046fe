"""Search through the public API; every test here runs unchanged on SQLite and PostgreSQL."""

import datetime
import random
import re

import pytest
from django.db import connection
from django.db.models import Exists, F, OuterRef

from archive.models import Mention, Statement
from archive.search import api
from tests.factories import MentionFactory, StatementFactory

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    "The Coalition condemned the ceasefire breach. <script>alert(1)</script> "
    '<img src=x onerror=alert(1)> &lt;b&gt; "quoted" & more.'
)

HOSTILE_QUERIES = [
    '"',
    '""',
    '"""',
    '"unbalanced phrase',
    'unbalanced" quote',
    "-",
    "--",
    "- -",
    '-""',
    "OR",
    "OR OR",
    "a OR",
    "OR a",
    "a OR OR b",
    "-OR",
    "NOT",
    "AND",
    "a AND NOT b",
    "NEAR(a b)",
    "NEAR(a b, 2)",
    "a*",
    "*",
    "^a",
    "title:ceasefire",
    "body:x",
    "{title body}:x",
    "col:x",
    "a + b",
    "(a",
    "a)",
    "((",
    "'; DROP TABLE archive_statement; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "a' || 'b",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "%",
    "%%",
    "%s",
    "\\",
    "\\x00",
    "\x00",
    "a\x00b",
    "\x01\x02\x03\x04\x1f\x7f",
    "\u202e\u200b\ufeff",
    "😀",
    "😀 ceasefire",
    "مُحَمَّد",
    "سوريا -الأسد",
    "ceasefire:*",
    "!ceasefire",
    "a & b | c",
    "a <-> b",
    "a <2> b",
    "'quoted'",
    "x" * 10_000,
    "ceasefire " * 2_000,
    '"' * 5_000,
    "-" * 5_000,
    " OR" * 3_000,
    "\n\t\r",
]


def texts(queryset):
    return sorted(s.title for s in queryset)


def search(q):
    return texts(api.matching(Statement.objects.all(), q))


@pytest.fixture
def corpus():
    make = StatementFactory
    return {
        "geneva": make(
            title="Talks in Geneva", body="Delegations met about the political transition."
        ),
        "astana": make(
            title="Astana round", body="The Astana talks ended; Geneva was not mentioned."
        ),
        "transition": make(
            title="On transition", body="A transition that is political, not military."
        ),
        "norm": make(
            title="Regional matters", body="They warned against the normalization of relations."
        ),
        "sochi": make(title="Sochi meeting", body="A congress in Sochi about the constitution."),
    }


def test_words_are_anded(corpus):
    assert search("geneva transition") == ["Talks in Geneva"]


def test_quoted_phrase_needs_the_words_together_in_order(corpus):
    assert search('"political transition"') == ["Talks in Geneva"]
    assert search("political transition") == ["On transition", "Talks in Geneva"]


def test_a_phrase_never_spans_the_title_and_the_body(corpus):
    StatementFactory(title="Statement on the political", body="Transition was discussed.")
    assert search('"political transition"') == ["Talks in Geneva"]


def test_a_longer_phrase_needs_its_words_in_one_run_not_its_pairs_apart(corpus):
    StatementFactory(title="Pairs apart", body="The united nations met. Nations security was low.")
    StatementFactory(title="In one run", body="The united nations security council met.")
    assert search('"united nations security"') == ["In one run"]
    assert search('"nations security" OR "sochi about"') == [
        "In one run",
        "Pairs apart",
        "Sochi meeting",
    ]


def test_an_or_of_a_word_and_phrases_matches_any_of_them(corpus):
    StatementFactory(title="Pairs apart", body="The united nations met. Nations security was low.")
    StatementFactory(title="In one run", body="The united nations security council met.")
    assert search('sochi OR "political transition"') == ["Sochi meeting", "Talks in Geneva"]
    assert search('"united nations security" OR sochi OR "political transition"') == [
        "In one run",
        "Sochi meeting",
        "Talks in Geneva",
    ]
    assert search('congress "united nations security" OR "political transition"') == []
    assert search('delegations "united nations security" OR "political transition"') == [
        "Talks in Geneva"
    ]
    assert search('sochi OR "political transition" -constitution') == ["Talks in Geneva"]


def test_a_phrase_of_very_long_words_is_found(corpus):
    long_word = "antidisestablishmentarianismus" * 2
    StatementFactory(title="Long words", body=f"They said {long_word} {long_word} twice.")
    assert search(f'"said {long_word}"') == ["Long words"]
    assert search(f'"{long_word} {long_word} twice"') == ["Long words"]
    assert search(f'"said {long_word}" -twice') == []
    assert search(f'"said {long_word}" OR "sochi about"') == ["Long words", "Sochi meeting"]


def test_a_phrase_is_found_at_the_end_of_a_very_long_statement(corpus):
    # Past the first 8,000 words PostgreSQL stops indexing word pairs (see the pairs' migration);
    # before 16,383, where its positions stop.
    filler = " ".join(f"word{i % 5000}" for i in range(9_000))
    StatementFactory(title="Very long", body=f"{filler} the closing phrase.")
    assert search('"closing phrase"') == ["Very long"]
    assert search('"word4999 word0"') == ["Very long"]
    assert search('"word4999 word1"') == []


def test_or_matches_either_term(corpus):
    assert search("sochi OR astana") == ["Astana round", "Sochi meeting"]
    assert search("talks sochi OR astana") == ["Astana round"]


def test_excluded_words_and_phrases(corpus):
    assert search("geneva -astana") == ["Talks in Geneva"]
    assert search('transition -"political transition"') == ["On transition"]


def test_only_exclusions_keeps_every_other_statement_without_rank(corpus):
    result = api.matching(Statement.objects.all(), "-geneva -sochi")
    assert texts(result) == ["On transition", "Regional matters"]
    assert "rank" not in result.query.annotations


def test_blank_query_leaves_the_queryset_unchanged(corpus):
    everything = Statement.objects.all()
    for q in ["", "   ", None, "-", "OR", '""', "!!!"]:
        assert api.matching(everything, q) is everything


def test_stemming_normalize_finds_normalization(corpus):
    assert search("normalize") == ["Regional matters"]


def test_arabic_statement_is_found_by_an_arabic_word(corpus):
    arabic = StatementFactory(
        title="بيان الائتلاف", body="دعا الائتلاف الوطني إلى حل سياسي في سوريا.", language="ar"
    )
    assert list(api.matching(Statement.objects.all(), "سياسي")) == [arabic]
    snippet = api.snippets([arabic], "سياسي")[arabic.pk]
    assert "<mark>سياسي</mark>" in snippet


def test_title_hit_ranks_above_body_only_hit():
    body_only = StatementFactory(title="A statement", body="The ceasefire must hold.")
    in_title = StatementFactory(title="Ceasefire", body="The agreement must hold.")
    ranked = list(
        api.ranked(api.matching(Statement.objects.all(), "ceasefire")).annotate(score=F("rank"))
    )
    assert [s.pk for s in ranked] == [in_title.pk, body_only.pk]
    assert all(isinstance(s.score, float) for s in ranked)
    assert ranked[0].score > ranked[1].score


def test_rank_reads_the_same_with_or_without_ranked(corpus):
    searched = api.matching(Statement.objects.all(), "transition OR geneva")
    direct = dict(searched.annotate(score=F("rank")).values_list("pk", "score"))
    through_ranked = dict(api.ranked(searched).annotate(score=F("rank")).values_list("pk", "score"))
    assert direct == pytest.approx(through_ranked) and len(direct) == 3


def test_equal_rank_orders_newest_first_and_undated_last():
    dates = [datetime.date(2014, 1, 1), None, datetime.date(2020, 1, 1)]
    made = [StatementFactory(title="Same", body="ceasefire", date=d) for d in dates]
    ranked = api.ranked(api.matching(Statement.objects.all(), "ceasefire"))
    assert [s.pk for s in ranked] == [made[2].pk, made[0].pk, made[1].pk]


def test_search_sorts_by_date_either_way():
    dates = [datetime.date(2016, 5, 1), None, datetime.date(2023, 1, 1), datetime.date(2012, 7, 1)]
    made = [StatementFactory(title="Ceasefire", body="x", date=d) for d in dates]
    StatementFactory(title="Other", body="y", date=datetime.date(2020, 1, 1))
    searched = api.matching(Statement.objects.all(), "ceasefire")
    assert [s.pk for s in searched.newest_first()] == [made[i].pk for i in (2, 0, 3, 1)]
    assert [s.pk for s in searched.oldest_first()] == [made[i].pk for i in (3, 0, 2, 1)]


def test_ranked_without_a_query_is_newest_first(corpus):
    everything = api.ranked(api.matching(Statement.objects.all(), ""))
    assert list(everything) == list(Statement.objects.newest_first())


def test_search_composes_with_filters_counts_and_subqueries(corpus):
    MentionFactory(statement=corpus["astana"])
    searched = api.matching(Statement.objects.published(), "geneva")
    assert searched.count() == 2
    mentioned = Exists(Mention.objects.filter(statement=OuterRef("pk")))
    assert texts(searched.filter(mentioned)) == ["Astana round"]
    assert texts(searched.filter(date__lte=corpus["geneva"].date)) == ["Talks in Geneva"]
    # As a subquery, whose tables get new aliases.
    outer = Statement.objects.filter(pk__in=searched.values("pk"))
    assert texts(outer) == ["Astana round", "Talks in Geneva"]
    assert texts(Statement.objects.filter(Exists(searched.filter(pk=OuterRef("pk"))))) == texts(
        outer
    )
    either = searched | api.matching(Statement.objects.all(), "sochi")
    assert texts(either) == ["Astana round", "Sochi meeting", "Talks in Geneva"]
    assert searched.filter(language="ar").count() == 0
    assert sorted(searched.values_list("language", flat=True)) == ["en", "en"]


def test_bulk_create_update_and_delete_keep_the_index_current():
    Statement.objects.bulk_create(
        [
            Statement(title="Bulk one", body="zeugma appears", content_hash="x", slug="one"),
            Statement(title="Bulk two", body="nothing here", content_hash="y", slug="two"),
        ]
    )
    assert search("zeugma") == ["Bulk one"]
    Statement.objects.filter(title="Bulk two").update(body="a zeugma too")
    Statement.objects.filter(title="Bulk one").update(body="gone")
    assert search("zeugma") == ["Bulk two"]
    Statement.objects.filter(title="Bulk two").update(status=Statement.Status.DRAFT)
    assert search("zeugma") == ["Bulk two"]
    Statement.objects.filter(title="Bulk two").delete()
    assert search("zeugma") == []


def test_date_sorted_search_does_not_compute_the_rank(corpus):
    searched = api.matching(Statement.objects.all(), "geneva").newest_first()
    sql, _ = searched.query.sql_with_params()
    # On PostgreSQL ranking scores every match; SQLite's bm25 comes free with the match itself.
    assert "ts_rank" not in sql
    assert texts(searched) == ["Astana round", "Talks in Geneva"]


def test_search_sql_runs_alone_and_gives_the_first_page(corpus):
    sql, params = api.search_sql(Statement.objects.all(), "geneva", limit=1)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    assert rows == [(api.ranked(api.matching(Statement.objects.all(), "geneva")).first().pk,)]


def only_our_markup(html):
    """The HTML with our <mark> tags removed: must hold no tag at all."""
    return re.sub(r"</?mark>", "", html)


def test_snippet_shows_hostile_release_as_text():
    hostile = StatementFactory(body=HOSTILE_BODY)
    snippet = api.snippets([hostile], "ceasefire")[hostile.pk]
    assert "<mark>ceasefire</mark>" in snippet
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet
    assert "&lt;img src=x onerror=alert(1)&gt;" in snippet
    assert "&amp;lt;b&amp;gt;" in snippet
    assert "<" not in only_our_markup(snippet) and ">" not in only_our_markup(snippet)


def test_snippet_with_a_hostile_query():
    statement = StatementFactory(body="The script was read aloud at the ceasefire talks.")
    q = '<script>alert("x")</script> ceasefire OR "<img onerror=alert(1)>"'
    snippet = api.snippets([statement], q)[statement.pk]
    assert "<mark>" not in snippet or "<" not in only_our_markup(snippet)
    assert "<" not in only_our_markup(snippet)


def test_snippet_sentinels_in_a_release_cannot_forge_marks():
    statement = StatementFactory(body="Before \x02forged\x03 and \x03 \x02 after the ceasefire.")
    snippet = api.snippets([statement], "ceasefire")[statement.pk]
    assert snippet.count("<mark>") == snippet.count("</mark>") == 1
    assert "\x02" not in snippet and "\x03" not in snippet
    assert "forged" in snippet


def test_snippets_cost_at_most_the_name_lookup(django_assert_max_num_queries):
    page = [StatementFactory(body=f"Ceasefire number {n}.") for n in range(5)]
    StatementFactory(body="Ceasefire not on this page.")
    with django_assert_max_num_queries(1):
        result = api.snippets(page, "ceasefire")
    assert set(result) == {s.pk for s in page}
    assert all("<mark>" in html for html in result.values())


def test_snippet_without_a_query_is_the_escaped_lead(django_assert_num_queries):
    statement = StatementFactory(body=HOSTILE_BODY + " word" * 100)
    with django_assert_num_queries(0):
        lead = api.snippets([statement], "")[statement.pk]
    assert lead.startswith("The Coalition condemned") and lead.endswith("…")
    assert "<" not in lead


def test_snippet_of_a_title_only_hit_is_the_lead():
    statement = StatementFactory(title="Ceasefire", body="An agreement was reached.")
    assert "agreement" in api.snippets([statement], "ceasefire")[statement.pk]


def test_snippet_of_a_late_hit_leads_in_and_runs_on_with_ellipses():
    words = [f"w{n}" for n in range(300)]
    words[200] = "Negotiations"
    words[210] = "negotiating"
    statement = StatementFactory(body=" ".join(words) + ".")
    snippet = api.snippets([statement], "negotiate")[statement.pk]
    assert snippet == (
        "…w192 w193 w194 w195 w196 w197 w198 w199 <mark>Negotiations</mark> "
        + " ".join(words[201:210])
        + " <mark>negotiating</mark> "
        + " ".join(words[211:232])
        + "…"
    )


def test_snippet_of_a_hit_near_the_end_reads_back_and_keeps_the_last_words():
    words = [f"w{n}" for n in range(100)]
    words[95] = "Çavuşoğlu"
    statement = StatementFactory(body=" ".join(words) + ".")
    snippet = api.snippets([statement], "cavusoglu")[statement.pk]
    assert snippet == ("…" + " ".join(words[60:95]) + " <mark>Çavuşoğlu</mark> w96 w97 w98 w99.")


def test_highlight_paragraph_marks_words_sharing_a_stem_and_escapes():
    html = api.highlight_paragraph(
        "Normalization <b>normalizes</b> the norm; \x02not\x03 marked.", "normalize"
    )
    assert html == (
        "<mark>Normalization</mark> &lt;b&gt;<mark>normalizes</mark>&lt;/b&gt; "
        "the norm;  not  marked."
    )


def test_highlight_paragraph_marks_phrase_words_and_not_exclusions():
    html = api.highlight_paragraph(
        "The political transition in Syria", '"political transition" -syria'
    )
    assert html == "The <mark>political</mark> <mark>transition</mark> in Syria"


def test_highlight_paragraph_ignores_arabic_vowel_marks():
    html = api.highlight_paragraph("قال مُحَمَّد إن الحل سياسي", "محمد")
    assert html == "قال <mark>مُحَمَّد</mark> إن الحل سياسي"


def random_queries(count, seed=20261122):
    rng = random.Random(seed)
    pieces = [
        '"',
        "-",
        " OR ",
        " ",
        "(",
        ")",
        "*",
        ":",
        "^",
        "NEAR",
        "AND",
        "NOT",
        "'",
        ";",
        "\x00",
        "\x02",
        "\x03",
        "<",
        ">",
        "&",
        "%s",
        "\\",
        "ceasefire",
        "geneva",
        "talks",
        "😀",
        "سوريا",
        "مُ",
        "title",
        "body",
        "2254",
        "S/RES/",
        "al-",
        ".",
    ]
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))


@pytest.mark.parametrize("batch", range(4))
def test_random_and_hostile_queries_never_raise(corpus, batch):
    queries = list(random_queries(100, seed=batch)) + (HOSTILE_QUERIES if batch == 0 else [])
    hostile = StatementFactory(title="Ceasefire talks", body=HOSTILE_BODY)
    base = Statement.objects.published()
    for q in queries:
        results = api.ranked(api.matching(base, q))
        page = list(results[:10])
        results.count()
        snippets = api.snippets(page or [hostile], q)
        for html in snippets.values():
            assert "<" not in only_our_markup(html), q
        assert "<" not in only_our_markup(api.highlight_paragraph(HOSTILE_BODY, q)), q
