"""Organizations written in another form than the reference data's, by short reference or inside
another name: one test per pattern, on sentences shaped like the coalition's releases."""

import pytest

from archive.loader.body_variants import same_body
from archive.loader.extract import extract


def organizations(text):
    return [o.name for o in extract(text).organizations]


def people(text):
    return {p.name: p for p in extract(text).people}


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Department of Foreign Affairs", "Foreign Relations Department"),
        ("Foreign Relations Office", "Foreign Relations Department"),
        ("Refugee Affairs Department", "Department of Refugee Affairs"),
    ],
)
def test_a_bodys_name_in_another_order_or_with_a_word_used_for_another_is_the_same(written, known):
    assert same_body(written, known)


def test_other_words_make_another_body():
    assert not same_body("Legal Department", "Media Department")
    assert not same_body("Office of Syrian Communities Abroad", "Foreign Relations Department")


def test_a_department_written_as_the_coalitions_in_another_form_is_the_known_one():
    text = (
        "The Syrian Coalition's Department of Foreign Affairs held a meeting with the French "
        "ambassador. The head of the department, Omar Said, stressed the need to protect civilians."
    )
    assert "Foreign Relations Department" in organizations(text)
    assert "Department of Foreign Affairs" not in organizations(text)
    said = people(text)["Omar Said"]
    assert (said.organization, said.side) == ("Foreign Relations Department", "soc")


def test_a_department_of_another_government_is_not_the_coalitions():
    text = "Ireland's Department of Foreign Affairs issued a statement on Syria."
    assert "Foreign Relations Department" not in organizations(text)


def test_a_known_name_saying_where_the_body_is_names_the_place():
    text = "Karim Nadal met the French Ambassador, Jean Morel, at the Syrian Embassy in Doha."
    assert "Syrian Embassy in Doha" in organizations(text)
    assert "Doha" in [p.name for p in extract(text).places]


def test_bodies_in_the_plural_are_nobodys_name():
    found = people(
        "Coalition members Omar Said and Karim Nadal meet with the Board Members of the Local "
        "Coordinating Committees in Idlib."
    )
    assert set(found) == {"Omar Said", "Karim Nadal"}


@pytest.mark.parametrize(
    "closing",
    ["Syrian Coalition's Media Department", "Source: Media Office of the Syrian Coalition"],
)
def test_a_closing_line_naming_the_publisher_names_no_organization(closing):
    text = f"The Syrian Coalition condemned the shelling of Idlib.\n{closing}"
    assert organizations(text) == ["Syrian Opposition Coalition"]


def test_the_media_department_named_in_a_sentence_is_an_organization():
    text = (
        "The Syrian Coalition condemned the shelling of Idlib.\n"
        "The Media Department of the Coalition will publish a report."
    )
    assert "Media Department" in organizations(text)
