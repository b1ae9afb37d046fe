"""Titles written before the name, bounded by their grammar, and the organization they give."""

import pytest

from tests.extraction_helpers import SIG, SOC, people


@pytest.mark.parametrize(
    ("text", "name", "role", "organization"),
    [
        (
            "Secretary of the Political Committee of the Syrian Coalition Abdulmajid Barakat said "
            "the amnesty is a lie.",
            "Abdulmajid Barakat",
            "Secretary of the Political Committee",
            SOC,
        ),
        (
            "Chief of Staff of the Syrian National Army Brigadier General Fadlallah al-Hajji said "
            "the army is ready.",
            "Fadlallah al-Hajji",
            "Chief of Staff",
            "Syrian National Army",
        ),
        (
            "The Syrian Interim Government's Defense Minister Major General Hassan Hamada said the "
            "corps are ready.",
            "Hassan Hamada",
            "Defense Minister",
            SIG,
        ),
        (
            "Vice President of the Syrian Opposition Coalition Dima Moussa said the sanctions "
            "must stay.",
            "Dima Moussa",
            "Vice President",
            SOC,
        ),
        (
            "SOC President Salem al-Meslet received Ahmad Ramadan, Representative of the Movement "
            "in the SOC.",
            "Ahmad Ramadan",
            "Representative of the Movement",
            SOC,
        ),
        (
            "Head of the Coalition's Legal Department Haitham al-Maleh said the report is ready.",
            "Haitham al-Maleh",
            "Head of the Legal Department",
            SOC,
        ),
        (
            "The delegation included the Minister of Local Administration in the Syrian Interim "
            "Government, Mohammed Saleh.",
            "Mohammed Saleh",
            "Minister of Local Administration",
            SIG,
        ),
        (
            "The SOC President met Stefan Schneck, Germany's Special Envoy for Syria, in Istanbul.",
            "Stefan Schneck",
            "Special Envoy for Syria",
            "Germany",
        ),
        (
            "The panel featured Stephen Rapp, former US Ambassador-at-Large for War Crimes Issues.",
            "Stephen Rapp",
            "Ambassador-at-Large for War Crimes Issues",
            "United States",
        ),
        (
            "He met the head of the Syrian Coalition's office in Qatar, Nizar al-Haraki, in Doha.",
            "Nizar al-Haraki",
            "Head of the office in Qatar",
            SOC,
        ),
        (
            "It sent letters to the foreign ministers of the EU and to EU High Representative "
            "Kaja Kallas.",
            "Kaja Kallas",
            "High Representative",
            "European Union",
        ),
        (
            "The statements of President Putin's special envoy Alexander Lavrentiev in Astana "
            "were condemned.",
            "Alexander Lavrentiev",
            "Special envoy",
            "Russia",
        ),
        (
            "The Coalition's representative in the United States Najib Ghadbian attended.",
            "Najib Ghadbian",
            "Representative in the United States",
            SOC,
        ),
        (
            "Spokesman for the Syrian Coalition Rami Haddad said the paper is not the SOC's.",
            "Rami Haddad",
            "Spokesman",
            SOC,
        ),
        (
            "The letter was delivered by the Special Representative of the Syrian Coalition to "
            "the United Nations Dr. Omar Kassem.",
            "Omar Kassem",
            "Special Representative to the United Nations",
            SOC,
        ),
        (
            "Also present were Minister of Local Administration and Services Samer Halabi and "
            "Minister of Interior Fadi Nasser.",
            "Samer Halabi",
            "Minister of Local Administration and Services",
            None,
        ),
        (
            "As the strikes began, Rami al Kassem, President of the Syrian Coalition said: "
            '"We asked for this."',
            "Rami al Kassem",
            "President",
            SOC,
        ),
        (
            "The SOC President met with head of the Syrian Islamic Council Sheikh Osama Nasser.",
            "Osama Nasser",
            "Head",
            "Syrian Islamic Council",
        ),
        (
            "The meeting was attended by member of the opposition's High Negotiations Committee "
            "Farouk Nasser.",
            "Farouk Nasser",
            "Member",
            "High Negotiations Committee",
        ),
        (
            "He praised the speech of the Emir of the State of Qatar, Sheikh Hamad bin Khalid Al "
            "Kassem, at the United Nations.",
            "Hamad bin Khalid Al Kassem",
            "Emir",
            "Qatar",
        ),
        (
            "President Kassem was accompanied by General Adel Nasser, Chief of Staff to the "
            "Supreme Military Council and senior members of the SOC.",
            "Adel Nasser",
            "Chief of Staff",
            "Supreme Military Council",
        ),
        (
            "The Coalition's president Rami Haddad received in Istanbul Ambassador Jon Cole.",
            "Jon Cole",
            "Ambassador",
            None,
        ),
    ],
)
def test_roles_follow_the_grammar_of_titles(text, name, role, organization):
    person = people(text)[name]
    assert (person.role, person.organization) == (role, organization)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "He met the Emirati Minister of State Khalifa Shaheen.",
            "Khalifa Shaheen",
            "United Arab Emirates",
        ),
        (
            "He met the French President's advisor for the Middle East, Anne-Claire Legendre.",
            "Anne-Claire Legendre",
            "France",
        ),
    ],
)
def test_a_countrys_adjective_before_a_title_or_its_holder_gives_the_country(text, name, country):
    assert people(text)[name].organization == country


def test_a_plural_title_before_listed_names_is_each_ones_in_the_singular():
    found = people(
        "In attendance were Vice Presidents Abdulhakim Bashar and Ruba Habboush of the SOC."
    )
    assert found["Abdulhakim Bashar"].role == found["Ruba Habboush"].role == "Vice President"


def test_a_diplomatic_title_keeps_where_it_is_held_and_gives_whose_it_is():
    found = people(
        "The delegation included the representative of the Coalition in Germany, Bassam Abdullah."
    )
    person = found["Bassam Abdullah"]
    assert (person.role, person.organization) == ("Representative in Germany", SOC)


@pytest.mark.parametrize(
    ("text", "name", "role", "organization"),
    [
        (
            "The SOC President met with Netherlands Special Envoy for Syria Gerrit Hoek in Ankara.",
            "Gerrit Hoek",
            "Special Envoy for Syria",
            "Netherlands",
        ),
        (
            "He met the Permanent Representative of Norway to the United Nations, Ingrid Lunde.",
            "Ingrid Lunde",
            "Permanent Representative to the United Nations",
            "Norway",
        ),
        (
            "The SOC President met with the Dutch envoy and political advisor Jan Koster.",
            "Jan Koster",
            "Political advisor",
            None,
        ),
        (
            "A proposal by the international envoy to Syria Lars Berge was unclear, Haddad said.",
            "Lars Berge",
            "International envoy to Syria",
            None,
        ),
        (
            "The SOC President met with Minister of Foreign Affairs of Oman Said Al Harthy.",
            "Said Al Harthy",
            "Minister of Foreign Affairs",
            "Oman",
        ),
        (
            "The SOC President met the Senior Adviser to the Secretary-General Jon Eriksen.",
            "Jon Eriksen",
            "Senior Adviser to the Secretary-General",
            None,
        ),
    ],
)
def test_titles_bounded_by_their_grammar(text, name, role, organization):
    person = people(text)[name]
    assert (person.role, person.organization) == (role, organization)


def test_a_coalition_body_written_before_a_title_stays_in_it():
    found = people(
        "The delegation was welcomed by political committee Secretary Karim Nadal and the "
        "SOC's Political Committee member Anas Fadel."
    )
    assert found["Karim Nadal"].role == "Secretary of the Political Committee"
    assert found["Anas Fadel"].role == "Member of the Political Committee"
    assert {found[n].organization for n in ("Karim Nadal", "Anas Fadel")} == {SOC}


def test_a_minister_written_without_a_government_is_the_one_named_last_before():
    found = people(
        "Ministers of the Syrian Interim Government presented their reports.\n"
        "The Minister of Education, Lina Haddad, talked about online classes."
    )
    assert found["Lina Haddad"].role == "Minister of Education"
    assert found["Lina Haddad"].organization == SIG
    assert found["Lina Haddad"].side == "soc"


def test_a_minister_with_no_government_named_before_has_none():
    found = people("The Minister of Education, Lina Haddad, talked about online classes.")
    assert found["Lina Haddad"].organization is None


def test_a_co_chair_is_no_chair():
    found = people("Co-chair of the Constitutional Committee, Karim Nadal, gave an overview.")
    assert found["Karim Nadal"].role == "Co-chair"
    assert found["Karim Nadal"].organization == "Constitutional Committee"


def test_a_unit_named_after_a_title_stays_in_it():
    found = people(
        "The meeting brought together SOC President Omar Said and Head of the Information Unit "
        "Karim Nadal."
    )
    assert found["Karim Nadal"].role == "Head of the Information Unit"
    assert found["Karim Nadal"].side == "soc"


def test_a_lowercase_portfolio_before_a_lowercase_title_is_part_of_it():
    found = people("Karim Nadal met with the Qatari foreign minister, Omar Said, in Doha.")
    assert (found["Omar Said"].role, found["Omar Said"].organization) == (
        "Foreign minister",
        "Qatar",
    )


def test_a_plural_title_after_a_name_is_the_next_items_not_its_own():
    found = people(
        "The meeting brought together SOC President Omar Said, Vice-President Karim Nadal, "
        "members of the political committee, and Minister of Health Lina Haddad."
    )
    assert found["Karim Nadal"].role == "Vice-President"


def test_a_member_of_the_european_parliament_titled_mep_is_a_person():
    found = people(
        "The Coalition held a teleconference with members of the European Parliament, including "
        "MEP Hanna Berger and Lukas Meyer, MEP."
    )
    assert found["Hanna Berger"].role == "MEP"
    assert found["Lukas Meyer"].role == "MEP"
    assert found["Hanna Berger"].side == "counterpart"
