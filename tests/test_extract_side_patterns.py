"""Which side a person was on, from delegations, companions, chairs, letters and who was met."""

from archive.loader.extract import extract
from archive.loader.gazetteer import KnownPerson
from archive.text import name_key
from tests.extraction_helpers import SIG, SOC, organizations, people, with_known_people


def test_the_head_of_a_body_whose_delegation_the_coalition_received_is_a_counterpart():
    found = people(
        "The SOC's Political Committee met with a delegation of the Kurdish National Council in "
        "Erbil. In attendance were Vice President Abdulhakim Bashar and the head of the Kurdish "
        "National Council Saud Mulla."
    )
    assert found["Saud Mulla"].side == "counterpart"
    assert found["Abdulhakim Bashar"].side == "soc"


def test_those_a_delegation_met_are_not_its_members():
    found = people(
        "A delegation of the Syrian Opposition Coalition visited Berlin and met with members of "
        "the Foreign Affairs Committee, including committee chairman Michael Roth and MP Omid "
        "Nouripour."
    )
    assert found["Michael Roth"].side == found["Omid Nouripour"].side == "counterpart"
    assert found["Michael Roth"].organization != SOC


def test_every_subject_of_a_verb_of_speech_after_a_list_spoke():
    found = people(
        "The SOC held a teleconference with US senators. Senator Jim Risch and Congressman Joe "
        "Wilson said Congress will oppose lifting the sanctions."
    )
    assert found["Jim Risch"].spoke and found["Joe Wilson"].spoke
    assert found["Jim Risch"].side == "counterpart"


def test_the_coalitions_delegation_is_its_side_the_other_delegation_its_counterpart():
    found = people(
        "President of the Syrian Coalition Riad Seif met with Turkish Foreign Minister Mevlut "
        "Cavusoglu in Ankara. The Coalition's delegation included Vice-presidents Abdul Rahman "
        "Mustafa and Salwa Aktaw. The Turkish delegation included Umit Yalcin."
    )
    assert found["Abdul Rahman Mustafa"].side == found["Salwa Aktaw"].side == "soc"
    assert name_key(found["Salwa Aktaw"].role) == "vicepresident"
    assert (found["Umit Yalcin"].organization, found["Umit Yalcin"].side) == (
        "Turkey",
        "counterpart",
    )
    assert found["Mevlut Cavusoglu"].side == "counterpart"


def test_members_of_a_delegation_of_a_named_body_are_that_bodys():
    found = people(
        "SOC President Salem al-Meslet received a delegation of the Syrian Democratic Movement "
        "in Azaz. The delegation included Rana Hamdan and Saeed Khalil."
    )
    assert found["Rana Hamdan"].organization == "Syrian Democratic Movement"
    assert found["Rana Hamdan"].side == "counterpart"


def test_people_accompanying_an_official_of_the_coalitions_side_share_it():
    found = people(
        "The Head of the Syrian Interim Government, Abdurrahman Mustafa, visited Azaz, "
        "accompanied by the Minister of Health Maram al-Sheikh."
    )
    assert (found["Maram al-Sheikh"].organization, found["Maram al-Sheikh"].side) == (SIG, "soc")


def test_a_delegation_listing_the_coalitions_officials_is_the_coalitions():
    found = people(
        "The SOC President met with a delegation from the US State Department in Brussels.\n"
        "The delegation comprised Vice President Rami Nasser and Executive Director of the "
        "Assistance Coordination Unit Omar Haddad."
    )
    assert found["Rami Nasser"].side == "soc"
    assert found["Omar Haddad"].side == "soc"


def test_each_title_set_off_after_its_name_in_a_list_is_that_names():
    found = people(
        "The SOC delegation met with a delegation from the US State Department headed by Ethan "
        "Nasser, Deputy Assistant Secretary of State for Near Eastern Affairs, Andrew Haddad, "
        "Senior Adviser to the US Special Envoy, and Zahra Bell of the US National Security "
        "Council."
    )
    assert found["Ethan Nasser"].role == (
        "Deputy Assistant Secretary of State for Near Eastern Affairs"
    )
    assert found["Andrew Haddad"].role.startswith("Senior Adviser")


def test_a_title_without_an_organization_listed_with_anothers_official_is_theirs():
    found = people(
        "The SOC President met with Netherlands Special Envoy for Syria Jan Visser and political "
        "advisor Pieter Bos in Istanbul."
    )
    assert found["Pieter Bos"].organization == "Netherlands"
    assert found["Pieter Bos"].side == "counterpart"


def test_one_met_on_the_sidelines_of_a_speech_is_a_counterpart():
    text = (
        "SOC President Rami Haddad delivered a speech in the session on the crisis in Syria.\n"
        "President Haddad also met with the German minister of foreign affairs, Karl Weber, and "
        "they discussed the talks. He also criticized Minister Otto Brandt for his remarks."
    )
    found = people(text)
    assert extract(text).event.kind == "speech"
    assert found["Karl Weber"].side == "counterpart"
    assert found["Otto Brandt"].side == "mentioned"


def test_a_vice_presidency_written_once_for_two_names_is_both_of_theirs():
    found = people(
        "The SOC President met the envoy. The meeting brought together SOC's Vice-President Rami "
        "Nasser and Lina Barakat, Secretary-General Omar Zein, and the envoy's adviser Jon Cole."
    )
    assert (found["Lina Barakat"].role, found["Lina Barakat"].side) == ("Vice-President", "soc")
    assert found["Omar Zein"].role == "Secretary-General"


def test_officials_of_rival_administrations_are_not_the_coalitions_side():
    found = people(
        "The SOC condemned the statement of Rami Nasser, Head of the Syrian Salvation "
        "Government, and of Lina Haddad, Co-Chair of the Autonomous Administration of North and "
        "East Syria."
    )
    assert {found["Rami Nasser"].side, found["Lina Haddad"].side} == {"mentioned"}


def test_the_subject_of_the_events_verb_is_a_person_of_the_coalitions_side():
    known = KnownPerson("Karim Tarek", ("Karim Tarek",), ())
    found = people(
        "Tarek met with the envoy in Ankara. Rami Haddad visited the camps in Atmeh.",
        gazetteer=with_known_people(known),
    )
    assert found["Karim Tarek"].side == "soc"
    assert found["Rami Haddad"].side == "soc"


def test_the_head_of_the_opposition_delegation_is_of_the_coalitions_side():
    found = people("Head of the opposition delegation to Geneva Rami Haddad said the talks failed.")
    assert found["Rami Haddad"].side == "soc"


def test_the_one_written_to_is_a_counterpart():
    found = people(
        "The President of the SOC, Salem al-Meslet, sent a letter to UN Secretary-General Antonio "
        "Guterres on the escalation in Idlib."
    )
    assert found["Antonio Guterres"].side == "counterpart"
    assert found["Antonio Guterres"].role == "Secretary-General"


def test_others_at_a_conference_are_only_mentioned():
    found = people(
        "SOC Vice President Rabea Hajj Bakri took part in a conference in Doha. The conference "
        "was attended by researchers, including former UN envoy Lakhdar Brahimi."
    )
    assert found["Lakhdar Brahimi"].side == "mentioned"


def test_one_who_speaks_in_a_release_of_talks_is_the_counterpart():
    found = people(
        "Members of the SOC's political committee held a teleconference with US senators.\n"
        "Senator Jim Risch said that Congress will oppose lifting the sanctions."
    )
    assert found["Jim Risch"].side == "counterpart"


def test_those_named_as_anothers_or_in_talks_between_others_are_not_met():
    found = people(
        "The SOC delegation met with Deputy Foreign Minister and President Pavel Orlov's special "
        "envoy Ivan Sokolov in Moscow. Sokolov said that a recent meeting between Secretary of "
        "State Mark Dunn and Foreign Minister Oleg Petrov had opened the way."
    )
    assert found["Ivan Sokolov"].side == "counterpart"
    assert found["Pavel Orlov"].side == "mentioned"
    assert found["Mark Dunn"].side == "mentioned"
    assert found["Oleg Petrov"].side == "mentioned"


def test_those_to_be_met_or_succeeded_are_not_met():
    found = people(
        "The SOC President met with the UK Envoy to Syria Ann Grey, who recently succeeded "
        "Tom Black as envoy. They discussed the invitation to visit Moscow and meet with Foreign "
        "Minister Igor Sokolov."
    )
    assert found["Ann Grey"].side == "counterpart"
    assert found["Tom Black"].side == "mentioned"
    assert found["Igor Sokolov"].side == "mentioned"


def test_the_one_chairing_a_coalition_bodys_meeting_is_the_coalitions():
    found = people(
        "The SOC's political committee held its periodic meeting headed by President Karim "
        "Nadal and discussed the talks."
    )
    assert (found["Karim Nadal"].organization, found["Karim Nadal"].side) == (SOC, "soc")


def test_the_one_chairing_another_bodys_meeting_is_that_bodys():
    found = people(
        "The Kurdish National Council held a meeting chaired by President Karim Nadal on Monday."
    )
    assert found["Karim Nadal"].organization == "Kurdish National Council"


def test_a_received_delegation_named_in_its_list_keeps_its_members_and_the_coalitions_own():
    found = people(
        "The SOC received a high-ranking delegation from the Kurdish National Council.\n"
        "The Kurdish National Council delegation included Council President Karim Nadal and "
        "SOC's Vice President Anas Fadel."
    )
    nadal, fadel = found["Karim Nadal"], found["Anas Fadel"]
    assert (nadal.organization, nadal.side) == ("Kurdish National Council", "counterpart")
    assert (fadel.organization, fadel.side) == (SOC, "soc")
    assert "Council" not in organizations(
        "The Kurdish National Council delegation included Council President Karim Nadal."
    )


def test_one_the_coalition_called_on_to_act_is_only_mentioned():
    found = people(
        "The President of the Coalition met the Turkish Foreign Minister, Kemal Aydin, in Ankara. "
        "The Coalition also called on the UN Special Envoy, Erik Lund, to act, and calls upon "
        "the Arab League to do the same."
    )
    assert found["Kemal Aydin"].side == "counterpart"
    assert found["Erik Lund"].side == "mentioned"


def test_one_the_coalitions_president_called_by_phone_is_a_counterpart():
    found = people(
        "The President of the Coalition received a phone call from the Turkish Foreign Minister, "
        "Kemal Aydin. The two also called the UN Special Envoy, Erik Lund, later that day."
    )
    assert found["Kemal Aydin"].side == "counterpart"
    assert found["Erik Lund"].side == "counterpart"
