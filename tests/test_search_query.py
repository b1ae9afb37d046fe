"""The query parser: pure Python, no database."""

import random

from archive.search.query import MAX_QUERY_CHARS, MAX_TERMS, Term, parse, without_implied

QUOTE = '"'


def words(query):
    """The parse as plain lists, for readable assertions."""
    return (
        [[t.text for t in group] for group in query.required],
        [t.text for t in query.excluded],
    )


def test_words_are_separate_required_groups():
    assert words(parse("syria geneva")) == ([["syria"], ["geneva"]], [])


def test_quoted_phrase_is_one_term():
    query = parse('"political transition" geneva')
    assert query.required[0] == (Term(("political", "transition")),)


def test_or_binds_tighter_than_and():
    assert words(parse("a b OR c d")) == ([["a"], ["b", "c"], ["d"]], [])


def test_lower_case_or_is_a_word():
    assert words(parse("war or peace")) == ([["war"], ["or"], ["peace"]], [])


def test_or_at_the_edges_or_doubled_is_ignored():
    assert words(parse("OR a OR OR b OR")) == ([["a", "b"]], [])


def test_excluded_words_and_phrases():
    assert words(parse('geneva -astana -"sochi talks"')) == (
        [["geneva"]],
        ["astana", "sochi talks"],
    )


def test_or_next_to_an_exclusion_is_dropped():
    assert words(parse("a OR -b c")) == ([["a"], ["c"]], ["b"])


def test_unbalanced_quote_runs_to_the_end():
    assert words(parse('geneva "political transition')) == (
        [["geneva"], ["political transition"]],
        [],
    )


def test_only_exclusions_has_no_positive_term():
    query = parse("-assad")
    assert not query.is_blank and not query.has_positive


def test_punctuation_lone_minus_and_or_are_blank():
    blanks = [
        "",
        "   ",
        "-",
        "--",
        "OR",
        "OR OR",
        '""',
        '"',
        "!!! ??? ...",
        "- OR -",
        "\u0301",
        None,
    ]
    for raw in blanks:
        assert parse(raw).is_blank, raw


def test_words_keep_only_token_characters_and_inner_joiners():
    assert words(parse("S/RES/2254 al-Assad U.N. covid-19 Assad's"))[0] == [
        ["S/RES/2254"],
        ["al-Assad"],
        ["U.N"],
        ["covid-19"],
        ["Assad's"],
    ]


def test_engine_syntax_becomes_plain_words():
    query = parse('NEAR(a b) title:x y* ^z "q"" AND NOT " col:{title body}')
    for term in query.positive_terms + query.excluded:
        for word in term.words:
            assert all(c.isalnum() or c in "-'’./" for c in word), word


def test_html_and_control_characters_split_words():
    assert words(parse("<script>alert(1)</script>"))[0] == [["script alert 1 script"]]
    assert words(parse("a\x00b\x02c"))[0] == [["a b c"]]


def test_arabic_with_vowel_marks_is_one_word():
    assert words(parse("مُحَمَّد"))[0] == [["مُحَمَّد"]]


def test_long_queries_are_truncated_and_say_so():
    long = parse("x" * 10_000)
    assert long.truncated and len(long.positive_terms[0].text) == MAX_QUERY_CHARS
    many = parse(" ".join(f"w{i}" for i in range(100)))
    assert many.truncated and len(many.positive_terms) == MAX_TERMS


def test_any_string_parses():
    rng = random.Random(4)
    alphabet = "ab yz-\"OR()*:^\x00\x01\x02\x03<>&;'’/.\\ مُ😀"
    for _ in range(2000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        query = parse(raw)
        for term in query.positive_terms + query.excluded:
            assert term.words and all(term.words), raw
            assert QUOTE not in term.text and "\x00" not in term.text, raw


def test_an_or_group_drops_the_phrases_a_shorter_term_implies():
    group = parse(
        '"Clara Nakamura" OR Nakamura OR "Nakamura Clara" OR "Kenji Nakamura Jr"'
    ).required[0]
    assert [t.text for t in without_implied(group)] == ["Nakamura"]
    group = parse('"Clara Nakamura" OR "Nakamura Kenji" OR Clara').required[0]
    assert [t.text for t in without_implied(group)] == ["Nakamura Kenji", "Clara"]
    group = parse('"al-Assad" OR Assad OR "al Hassad"').required[0]
    assert [t.text for t in without_implied(group)] == ["Assad", "al Hassad"]


def test_an_or_group_keeps_one_of_two_spellings_with_the_same_tokens():
    group = parse('"Hay’at Tahrir" OR "Hayat Tahrir" OR "hay\'at tahrir"').required[0]
    assert [t.tokens for t in without_implied(group)] == [("hayat", "tahrir")]
