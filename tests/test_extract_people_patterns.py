"""People in lists and appositions, the titles they were elected to, and known people by name."""

import pytest

from archive.loader.gazetteer import KnownPerson
from archive.text import name_key
from tests.extraction_helpers import ASSAD, KERRY, KHOJA, SOC, people, places, with_known_people


def test_names_listed_before_the_title_they_were_elected_to_are_all_people_with_it():
    found = people(
        "The General Assembly of the SOC concluded its session in Istanbul. Ahmad Tomeh, "
        "Rana Kassem, and Basil Haddad were elected vice-presidents, while Khaled Nasser was "
        "elected Secretary-General."
    )
    for name in ("Ahmad Tomeh", "Rana Kassem", "Basil Haddad"):
        assert (name_key(found[name].role), found[name].organization) == ("vicepresident", SOC)
    assert found["Khaled Nasser"].role == "Secretary-General"


def test_elected_as_a_title_after_the_name():
    found = people("The members elected Hadi al-Bahra as President of the SOC for a new term.")
    assert (found["Hadi al-Bahra"].role, found["Hadi al-Bahra"].organization) == (
        "President",
        SOC,
    )


def test_members_of_a_committee_said_to_be_composed_of_a_list():
    found = people(
        "The General Assembly elected a new political committee. The committee is composed of "
        "Samira Masalmeh, Yasser Farhan, Fuad Aliko and Hawass Saadoun."
    )
    assert set(found) == {"Samira Masalmeh", "Yasser Farhan", "Fuad Aliko", "Hawass Saadoun"}
    assert {p.role for p in found.values()} == {"Member of the political committee"}
    assert {p.side for p in found.values()} == {"soc"}


def test_a_listed_name_ending_in_a_known_persons_name_is_kept_whole():
    known = KnownPerson("Salim Haddad", ("Salim Haddad",), ())
    found = people(
        "The members are: Rami Nasser, Mohammed Salim Haddad, and Lina Barakat.",
        gazetteer=with_known_people(known),
    )
    assert {"Rami Nasser", "Mohammed Salim Haddad", "Lina Barakat"} <= set(found)
    assert "Salim Haddad" not in found


def test_a_title_given_with_as_is_the_name_befores_and_his_deputies_are_vice_presidents():
    found = people(
        "The General Assembly of the SOC elected Karim Tarek as president of the Coalition, "
        "Rami Nasser, Lina Barakat and Omar Zein as his deputies, and Nasr Haddad as "
        "Secretary-General."
    )
    assert {name: (p.role, p.organization) for name, p in found.items()} == {
        "Karim Tarek": ("President", SOC),
        "Rami Nasser": ("Vice President", SOC),
        "Lina Barakat": ("Vice President", SOC),
        "Omar Zein": ("Vice President", SOC),
        "Nasr Haddad": ("Secretary-General", SOC),
    }


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The SOC President sent a letter to Crown Prince Rami bin Khalid.",
            "Rami bin Khalid",
            "Crown Prince",
        ),
        ("The SOC President met Jordan's King Talal III in Amman.", "Talal III", "King"),
        (
            "The delegation met Saudi Foreign Minister Prince Fahd bin Nasser in Riyadh.",
            "Fahd bin Nasser",
            "Foreign Minister",
        ),
    ],
)
def test_royal_titles_and_regnal_numbers(text, name, role):
    assert people(text)[name].role == role


def test_a_regnal_number_alone_names_nobody():
    known = KnownPerson("Talal III", ("Talal III",), ())
    assert people("We go to Geneva II on our terms.", gazetteer=with_known_people(known)) == {}


def test_his_deputy_is_the_deputy_of_the_title_just_given():
    found = people(
        "The SOC's General Assembly elected Fadi Nasser as head of the Legal Committee and Rana "
        "Haddad as his deputy."
    )
    assert (found["Rana Haddad"].role, found["Rana Haddad"].side) == (
        "Deputy Head of the Legal Committee",
        "soc",
    )


def test_a_name_after_a_description_is_a_person_without_a_title():
    found = people(
        "The regime arrested the activist Lina Barakat. The interview was conducted by "
        "journalist Rami Haddad."
    )
    assert {name: p.role for name, p in found.items()} == {"Lina Barakat": "", "Rami Haddad": ""}
    assert "Omar Zein" in people(
        "The SOC's Media Department held a workshop in Gaziantep, presented by trainer Omar Zein."
    )


def test_ranks_between_listed_names_are_not_names():
    found = people(
        "The Assembly approved the appointment of senior officers Brigadier General Ahmed "
        "Berri, Colonel Hassan Hammadeh and Colonel Fateh Hassoun."
    )
    assert {"Ahmed Berri", "Hassan Hammadeh", "Fateh Hassoun"} <= set(found)


def test_a_title_after_the_name_between_commas():
    found = people(
        "The meeting was attended by Najib Ramadan, member of the General Assembly, and "
        "Secretary-General Haytham Rahmeh."
    )
    assert (found["Najib Ramadan"].role, found["Najib Ramadan"].organization) == (
        "Member of the General Assembly",
        SOC,
    )
    assert found["Haytham Rahmeh"].role == "Secretary-General"


def test_a_country_before_a_title_is_its_organization_not_part_of_it():
    found = people("US Secretary of State John Kerry met SOC President Khaled Khoja.")
    assert (found["John Kerry"].role, found["John Kerry"].organization) == (
        "Secretary of State",
        "United States",
    )
    assert "United States" not in places("US Secretary of State John Kerry met the SOC.")


def test_a_surname_alone_is_the_known_person_with_that_surname():
    gazetteer = with_known_people(KHOJA, KERRY)
    found = people(
        "Coalition President Khoja met US Secretary of State Kerry in Washington. Kerry said the "
        "United States supports a political transition.",
        gazetteer=gazetteer,
        release_date=None,
    )
    assert found["Khaled Khoja"].spellings == ("Khoja",)
    assert found["Khaled Khoja"].side == "soc"
    assert (found["John Kerry"].organization, found["John Kerry"].side) == (
        "United States",
        "counterpart",
    )


def test_a_surname_alone_unknown_to_the_release_and_the_reference_names_nobody():
    assert people("Khoja said the regime must go.", gazetteer=with_known_people(KERRY)) == {}


def test_the_full_name_of_a_known_person_is_a_mention_the_assad_regime_is_not():
    gazetteer = with_known_people(ASSAD)
    found = people(
        "The Coalition rejected the elections staged by Bashar al-Assad.", gazetteer=gazetteer
    )
    assert found["Bashar al-Assad"].side == "mentioned"
    assert found["Bashar al-Assad"].organization is None  # the text gives him no title
    assert people("The Assad regime shelled Idlib under Assad.", gazetteer=gazetteer) == {}


def test_a_known_persons_post_gives_the_organization_of_the_title_written():
    gazetteer = with_known_people(KHOJA)
    found = people("President Khaled Khoja said the talks must resume.", gazetteer=gazetteer)
    assert (found["Khaled Khoja"].role, found["Khaled Khoja"].organization) == ("President", SOC)


def test_names_inside_a_body_named_by_shape_are_not_people():
    found = people(
        "It was attended by former UN envoy Lakhdar Brahimi and the director of the Arab Center "
        "for Research and Policy Studies, Azmi Bishara."
    )
    assert set(found) == {"Lakhdar Brahimi", "Azmi Bishara"}
    assert found["Azmi Bishara"].organization == "Arab Center for Research and Policy Studies"


def test_a_description_is_no_title_before_a_name():
    found = people("The members elected Hadi al-Bahra, who said the SOC would reform.")
    assert found["Hadi al-Bahra"].role == ""


def test_names_listed_after_a_known_person_are_people():
    gazetteer = with_known_people(KnownPerson("Fawaz Dalati", ("Fawaz Dalati",)))
    found = people(
        "The SOC thanked France for prosecuting the officers Fawaz Dalati, Munir Haddad, and "
        "Tarek Sayyed.",
        gazetteer=gazetteer,
    )
    assert set(found) == {"Fawaz Dalati", "Munir Haddad", "Tarek Sayyed"}


def test_spellings_the_reference_data_knows_for_one_person_are_one_person():
    gazetteer = with_known_people(KnownPerson("Riad Seif", ("Riad Seif", "Riad Saif")))
    found = people(
        "The Presidential Commission, consisting of Vice President Riad Saif, met in Istanbul.\n"
        "Vice President Riad Seif said the session will follow.",
        gazetteer=gazetteer,
    )
    (person,) = found.values()
    assert set(person.spellings) == {"Riad Saif", "Riad Seif"}


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly elected the new Political Committee, which consists of:\n"
        "1- Hadi Kassem\n2- Lina Barakat\n3- Omar Zein",
        "The General Assembly elected the members of the Political Committee as follows:\n"
        "Hadi Kassem\nLina Barakat\nOmar Zein",
    ],
)
def test_names_one_to_a_line_under_a_heading_are_the_bodys_members(text):
    found = people(text)
    assert set(found) == {"Hadi Kassem", "Lina Barakat", "Omar Zein"}
    assert {(p.role, p.organization, p.side) for p in found.values()} == {
        ("Member of the Political Committee", SOC, "soc")
    }


def test_officers_one_to_a_line_share_the_coalition():
    found = people(
        "The results of the elections were as follows:\nPresident: Hadi Kassem\n"
        "Vice-President: Lina Barakat\nSecretary-General: Omar Zein"
    )
    assert {name: (p.role, p.organization) for name, p in found.items()} == {
        "Hadi Kassem": ("President", SOC),
        "Lina Barakat": ("Vice-President", SOC),
        "Omar Zein": ("Secretary-General", SOC),
    }


def test_signatories_under_their_titles():
    found = people(
        "The Presidential Commission met in Istanbul to discuss the resignation.\n"
        "Vice President\nGeorge Sabra\nVice President\nRima Haddad"
    )
    assert {name: (p.role, p.side) for name, p in found.items()} == {
        "George Sabra": ("Vice President", "soc"),
        "Rima Haddad": ("Vice President", "soc"),
    }


def test_names_after_a_plural_description_are_people():
    found = people(
        "The delegation comprised the poets Karim Nadal, Omar Said, and Anas Fadel, who spoke "
        "of their work."
    )
    assert {"Karim Nadal", "Omar Said", "Anas Fadel"} <= set(found)
