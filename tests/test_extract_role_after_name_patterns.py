"""Titles written after the name: set off by commas or brackets, or given with "elected as"."""

import pytest

from tests.extraction_helpers import SIG, SOC, people


def test_one_accompanying_an_official_is_of_the_officials_side_and_organization():
    found = people(
        "The SOC President met with France's Special Envoy for Syria, Marc Dubois, in Istanbul. "
        "Dubois was accompanied by Deputy Head of Mission Claire Moreau."
    )
    assert (found["Claire Moreau"].role, found["Claire Moreau"].organization) == (
        "Deputy Head of Mission",
        "France",
    )
    assert found["Claire Moreau"].side == "counterpart"


def test_a_title_written_after_a_name_ends_before_a_relative_clause():
    found = people(
        "The President also met with Yusuf Karim, head of the International Union of Muslim "
        "Scholars who is viewed as one of the most influential figures of the region."
    )
    assert (found["Yusuf Karim"].role, found["Yusuf Karim"].organization) == (
        "Head",
        "International Union of Muslim Scholars",
    )


@pytest.mark.parametrize(
    ("text", "name", "role", "organization"),
    [
        (
            "The meeting was attended by Anas Kaddour, who is a member of the Political Committee.",
            "Anas Kaddour",
            "Member of the Political Committee",
            SOC,
        ),
        (
            "Al-Bahra met Rami Tomeh (President of the Syrian Interim Government) in Azaz.",
            "Rami Tomeh",
            "President",
            SIG,
        ),
        (
            "He received His Excellency Ambassador Jan Novak, the Czech Ambassador to Syria.",
            "Jan Novak",
            "Ambassador to Syria",
            "Czech Republic",
        ),
        (
            "The SOC President met Ambassador Nils Berg, the EU Special Representative for Syria.",
            "Nils Berg",
            "Special Representative for Syria",
            "European Union",
        ),
    ],
)
def test_a_title_written_after_the_name(text, name, role, organization):
    person = people(text)[name]
    assert (person.role, person.organization) == (role, organization)


def test_a_title_given_after_was_elected_stops_at_the_next_name_given_one():
    found = people(
        "The General Assembly also elected Omar Kanj and Lina Sabbagh as vice-presidents and "
        "Fadi Rahal as secretary-general."
    )
    assert {name: p.role for name, p in found.items()} == {
        "Omar Kanj": "Vice-president",
        "Lina Sabbagh": "Vice-president",
        "Fadi Rahal": "Secretary-general",
    }
    assert found["Omar Kanj"].side == "soc"


@pytest.mark.parametrize(
    "text",
    [
        "The Assembly elected the members of the new Political Committee, which includes: "
        "Hadi Kassem, Lina Barakat, and Omar Zein.",
        "The members of the Political Committee are: Hadi Kassem, Lina Barakat, and Omar Zein.",
        "The newly elected members of the Political Committee are Hadi Kassem, Lina Barakat and "
        "Omar Zein.",
        "The General Assembly elected the members of the Political Committee: Hadi Kassem, "
        "Lina Barakat, Omar Zein.",
        "The General Assembly also elected the members of the Political Committee, namely: "
        "Hadi Kassem, Lina Barakat, and Omar Zein.",
        "The General Assembly also elected Hadi Kassem, Lina Barakat and Omar Zein to the "
        "Political Committee.",
        "The elected members of the Political Committee include Hadi Kassem, Lina Barakat and "
        "Omar Zein.",
        "Members of the new Political Committee: Hadi Kassem, Lina Barakat, Omar Zein.",
        "A new 12-member political committee was also elected. The members are: Hadi Kassem, "
        "Lina Barakat, and Omar Zein.",
    ],
)
def test_a_list_of_a_bodys_members_gives_each_the_membership(text):
    found = people(text)
    assert set(found) == {"Hadi Kassem", "Lina Barakat", "Omar Zein"}
    for person in found.values():
        assert (person.role.lower(), person.organization, person.side) == (
            "member of the political committee",
            SOC,
            "soc",
        )


def test_a_title_given_with_elected_as_in_a_list_of_elections():
    found = people(
        "The General Assembly elected a new presidential body, with Karim Nadal elected as "
        "President, Lina Haddad as Secretary-General, and Omar Said as Vice-President."
    )
    assert found["Karim Nadal"].role == "President"
    assert found["Lina Haddad"].role == "Secretary-General"
    assert found["Omar Said"].role == "Vice-President"


@pytest.mark.parametrize(
    "text",
    [
        "Members of the Coalition's General Assembly elected Karim Nadal as president of the "
        "Coalition for a new term.",
        "The Coalition's General Assembly elected Karim Nadal president of the Coalition.",
        "The General Assembly re-elected Karim Nadal president of the Coalition on Sunday.",
    ],
)
def test_the_electors_are_no_title_and_the_title_given_follows_the_name(text):
    found = people(text)
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == ("President", SOC)
    assert found["Karim Nadal"].side == "soc"


def test_a_title_given_without_as_goes_to_every_name_of_the_list_elected():
    found = people(
        "The General Assembly re-elected Karim Nadal, Lina Haddad and Omar Said vice-presidents "
        "of the Coalition."
    )
    for name in ("Karim Nadal", "Lina Haddad", "Omar Said"):
        assert (found[name].role, found[name].organization) == ("Vice-president", SOC)


def test_a_name_after_its_electors_verb_without_a_title_gets_none():
    found = people("The assembly elected Karim Nadal, who had led the Political Committee.")
    assert found["Karim Nadal"].role in ("", None)


def test_the_titles_a_body_elects_are_its_own():
    found = people(
        "In its first meeting in Riyadh, the opposition's High Negotiations Committee elected "
        "Karim Nadal as General Coordinator. Omar Said was elected as deputy coordinator, and "
        "Anas Fadel as the committee's official spokesman."
    )
    assert found["Karim Nadal"].role == "General Coordinator"
    assert found["Anas Fadel"].role == "Official spokesman"
    for name in ("Karim Nadal", "Omar Said", "Anas Fadel"):
        assert found[name].organization == "High Negotiations Committee"
        assert found[name].side == "soc"


def test_the_coalitions_own_assembly_electing_gives_the_coalitions_titles():
    found = people(
        "The General Assembly of the Syrian Opposition Coalition elected Karim Nadal as "
        "President of the Coalition."
    )
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == ("President", SOC)


def test_a_title_serving_a_bodys_officer_keeps_the_officer_and_gives_the_body():
    found = people(
        "Meanwhile, Karim Nadal, Spokesman for the UN Secretary-General, said on Wednesday that "
        "the fighting must stop."
    )
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == (
        "Spokesman for the Secretary-General",
        "United Nations",
    )


def test_a_title_after_a_quoted_name_and_its_comma():
    found = people(
        "The session was held under the title \u201cin tribute to the late Karim Nadal,\u201d "
        "former SOC's Vice-president who passed away on July 5th."
    )
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == (
        "Vice-president",
        SOC,
    )
