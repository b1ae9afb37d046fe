"""Organizations found by the shape of their names, fragments that name none, and countries."""

import pytest

from tests.extraction_helpers import SIG, SOC, organizations, people


def test_bodies_the_gazetteer_does_not_know_are_found_by_the_shape_of_their_names():
    found = organizations(
        "SOC President received a delegation of the Syrian Tribal Council. They discussed the "
        "Ba'ath Party and a study by the Harmoon Center for Contemporary Studies."
    )
    assert {
        "Syrian Tribal Council",
        "Ba'ath Party",
        "Harmoon Center for Contemporary Studies",
    } <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish government said the Russian Forces attacked.",
        "Funds come from the Early Recovery Fund.",
        "The Middle East and North Africa Directorate held talks.",
    ],
)
def test_no_body_from_a_countrys_adjective_a_fund_or_a_fragment(text):
    assert organizations(text) == []


def test_no_organization_from_possessives_fragments_titles_or_the_source_line():
    found = organizations(
        "The SOC's President met the Chief of Staff to the Supreme Military Council. The Syrian "
        "Interim Government's Minister of Local Administration and Services Muhammad Sayed "
        "Suleiman attended.\n(Source: SOC's Media Department)"
    )
    assert "SOC's" not in found
    assert not any(name.startswith(("Staff", "Local Administration")) for name in found)
    assert "Media Department" not in found
    assert {SOC, SIG, "Supreme Military Council"} <= set(found)


def test_a_short_reference_to_a_named_body_is_not_another_body():
    found = organizations(
        "He met the ambassador at the French Embassy in Ankara. The embassy later announced aid."
    )
    assert found == ["French Embassy in Ankara"]


def test_a_long_known_name_is_recognized_in_another_case():
    found = organizations(
        "Members of the political committee met representatives of the friends of the Syrian "
        "people in Istanbul."
    )
    assert "Friends of Syria" in found


@pytest.mark.parametrize(
    "text",
    [
        "The President of the Syrian Oppositoon Coalition (SOC), Rami Haddad, met the envoy.",
        "The President of the National Coalition for Syrian Revolution and Opposition Forces, "
        "Rami Haddad, met the envoy.",
    ],
)
def test_the_coalitions_name_written_with_a_slip_or_a_variant_word_is_the_coalition(text):
    assert organizations(text) == [SOC]
    person = people(text)["Rami Haddad"]
    assert (person.role, person.organization, person.side) == ("President", SOC, "soc")


def test_a_known_name_ending_a_longer_one_is_not_that_body():
    found = organizations(
        "The delegation met the Director of the Syria Department in the National Security "
        "Council at the White House."
    )
    assert "US National Security Council" in found
    assert "UN Security Council" not in found


def test_a_near_name_is_not_taken_for_another_body_it_holds():
    found = organizations(
        "Officials of the Ministry of Interior in the Syrian Interim Government met."
    )
    assert SIG in found


def test_a_body_still_to_be_formed_is_no_organization():
    assert organizations(
        "The SOC called for the formation of a Transitional Governing Body with full powers."
    ) == [SOC]
    assert "Syrian Veterans Council" in organizations(
        "The SOC President met the Syrian Veterans Council in Azaz."
    )


def test_the_un_qualifying_a_process_it_leads_is_not_named():
    assert "United Nations" not in organizations(
        "The regime must engage in a UN-led political process under Resolution 2254."
    )


def test_the_coalitions_organs_and_bodies_inside_titles_are_not_listed():
    found = organizations(
        "The SOC's General Assembly concluded its session. The Coordinator of the Foreign "
        "Relations Department Abdulahad Astepho and the General Secretariat reported."
    )
    assert found == [SOC]


def test_the_coalitions_committees_are_organizations_its_plenary_organs_are_the_coalition():
    found = organizations(
        "The Coalition's Political Committee met in Azaz. The General Assembly will convene in May."
    )
    assert "Political Committee" in found and "General Assembly" not in " ".join(found)


def test_a_body_the_text_gives_the_coalition_is_its_own():
    text = (
        "The Syrian Coalition's Department of Diaspora Affairs held a workshop in Gaziantep.\n"
        "Head of the Department of Diaspora Affairs, Samira Nouri, said that the work goes on."
    )
    nouri = people(text)["Samira Nouri"]
    assert (nouri.role, nouri.organization, nouri.side) == (
        "Head of the Department of Diaspora Affairs",
        SOC,
        "soc",
    )
    assert "Department of Diaspora Affairs" in organizations(text)


def test_a_coalition_body_in_lowercase_is_named_when_written_as_the_coalitions():
    assert "Political Committee" in organizations(
        "The Syrian Opposition Coalition's (SOC) political committee held its regular meeting."
    )
    assert "Political Committee" not in organizations(
        "The SOC President met Lina Haddad, a member of the SOC's political committee."
    )


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("The SOC President held consultations with Syrians and Turkish authorities.", True),
        ("The SOC President met Jordanian officials in Amman.", True),
        ("The SOC condemned the Turkish authorities for the deportations.", False),
    ],
)
def test_a_country_whose_authorities_or_officials_were_met_is_an_organization(text, met):
    countries = {"Turkey", "Jordan"} & set(organizations(text))
    assert bool(countries) == met


def test_a_country_whose_delegation_the_coalition_received_is_an_organization():
    assert "United States" in organizations(
        "The SOC President received a US delegation headed by Anna Gray in Azaz."
    )
    assert "France" in organizations("The SOC met with the French delegation in Paris.")


def test_a_coalition_body_written_before_a_title_is_no_organization_of_its_own():
    text = (
        "The delegation was welcomed by SOC President Omar Said and the SOC's political "
        "committee member Anas Fadel."
    )
    assert "Political Committee" not in organizations(text)
    assert "Political Committee" in organizations("The SOC's political committee met today.")


def test_a_member_of_two_known_bodies_is_the_first_ones_and_no_merged_body_is_named():
    text = (
        "The delegation also included member of the Syrian Coalition and the Kurdish National "
        "Council Karim Nadal."
    )
    assert (people(text)["Karim Nadal"].organization, people(text)["Karim Nadal"].side) == (
        SOC,
        "soc",
    )
    assert sorted(organizations(text)) == ["Kurdish National Council", SOC]


def test_a_body_named_by_general_words_and_a_complement_is_an_organization():
    text = (
        "The Secretary-General met with a delegation of the International Association of "
        "Levantine Painters in Istanbul.\nThe delegation comprised the poets Karim Nadal "
        "and Omar Said."
    )
    assert "International Association of Levantine Painters" in organizations(text)
    assert people(text)["Omar Said"].organization == (
        "International Association of Levantine Painters"
    )
