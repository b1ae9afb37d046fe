"""Resolution citations in every form the releases use, and the phrases that are not citations."""

import pytest

from archive.loader.extract import extract


def cited(text):
    return [(c.identifier, c.as_written) for c in extract(text).citations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in line with Resolution 2254.", [("UNSC 2254", "Resolution 2254")]),
        (
            "UNSC Resolution 2254 (2015) is the basis.",
            [("UNSC 2254", "UNSC Resolution 2254 (2015)")],
        ),
        ("implement UNSCR 2254 fully", [("UNSC 2254", "UNSCR 2254")]),
        (
            "the UN Resolutions 2118 and 2254.",
            [
                ("UNSC 2118", "UN Resolutions 2118 and 2254"),
                ("UNSC 2254", "UN Resolutions 2118 and 2254"),
            ],
        ),
        (
            "Security Council Resolutions 2118 (2013), 2209 (2015) and 2235 (2015).",
            [
                (
                    f"UNSC {n}",
                    "Security Council Resolutions 2118 (2013), 2209 (2015) and 2235 (2015)",
                )
                for n in ("2118", "2209", "2235")
            ],
        ),
        ("see S/RES/2254 (2015).", [("UNSC 2254", "S/RES/2254 (2015)")]),
        (
            "General Assembly Resolution 67/262 condemned",
            [("UNGA 67/262", "General Assembly Resolution 67/262")],
        ),
        ("resolution A/RES/67/262", [("UNGA 67/262", "A/RES/67/262")]),
        (
            "the Geneva Communique of 2012",
            [("Geneva Communique 2012", "Geneva Communique of 2012")],
        ),
        ("the Geneva Communiqué", [("Geneva Communique 2012", "Geneva Communiqué")]),
        (
            "the Geneva I communique (2012)",
            [("Geneva Communique 2012", "Geneva I communique (2012)")],
        ),
        (
            "UN Security Council Resolution No. 2254",
            [("UNSC 2254", "UN Security Council Resolution No. 2254")],
        ),
    ],
)
def test_citation_forms(text, expected):
    assert cited(text) == expected


@pytest.mark.parametrize(
    ("text", "identifiers"),
    [
        ("تطبيق القرار ٢٢٥٤", ["UNSC 2254"]),  # Arabic-Indic digits
        ("قرار مجلس الأمن رقم ٢٢٥٤", ["UNSC 2254"]),
        ("القرارين ٢١١٨ و٢٢٥٤", ["UNSC 2118", "UNSC 2254"]),
        ("Resolution ۲۲۵۴ (Extended Arabic-Indic digits)", ["UNSC 2254"]),
        ("وفق بيان جنيف", ["Geneva Communique 2012"]),
    ],
)
def test_arabic_citations_and_digits(text, identifiers):
    assert [c.identifier for c in extract(text).citations] == identifiers


def test_arabic_citation_keeps_the_words_as_written():
    (citation,) = extract("تطبيق القرار ٢٢٥٤").citations
    assert citation.as_written == "القرار ٢٢٥٤"
    assert (citation.number, citation.year) == ("2254", 2015)  # the year from the reference data


@pytest.mark.parametrize(
    "text",
    [
        "the full implementation of UN Security Council resolutions on Syria",
        "a report of the UN Human Rights Council at its 51st session",
        "the 2012 resolution of the crisis",
        "talks in Geneva in 2014",
    ],
)
def test_phrases_that_cite_nothing(text):
    assert cited(text) == []


def test_a_small_number_after_a_list_is_not_a_resolution():
    assert [c for c, _ in cited("Resolution 2254 and 14 other texts")] == ["UNSC 2254"]


def test_a_paragraph_number_before_the_resolution_is_not_cited():
    assert [c for c, _ in cited("paragraph 14 of Resolution 2254")] == ["UNSC 2254"]


def test_unknown_number_is_kept_with_the_year_written():
    (citation,) = extract("Resolution 2799 (2025) was adopted").citations
    assert (citation.identifier, citation.year) == ("UNSC 2799", 2025)


def test_human_rights_council_resolution_by_its_body():
    assert [c for c, _ in cited("Human Rights Council resolution 49/27")] == ["HRC 49/27"]


def test_repeated_citations_are_kept_per_phrase_and_paragraph():
    found = extract("Resolution 2254 first.\nThen UN resolution 2254 again.").citations
    assert [(c.identifier, c.as_written, c.paragraph) for c in found] == [
        ("UNSC 2254", "Resolution 2254", 1),
        ("UNSC 2254", "UN resolution 2254", 2),
    ]


def test_geneva_communique_is_not_a_place():
    assert "Geneva" not in [p.name for p in extract("according to the Geneva Communique").places]


def test_another_bodys_resolution_is_no_un_resolution():
    text = "It cited UNSC Resolution No. 2118 and the Arab League Resolution No. 7716 of November."
    assert [c.identifier for c in extract(text).citations] == ["UNSC 2118"]
