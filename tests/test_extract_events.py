"""The event a release reports (its kind, format and place, also when its opening tells only of
positions): one test per pattern, on texts shaped like the coalition's releases."""

import pytest

from archive.loader.extract import extract


@pytest.mark.parametrize(
    ("text", "kind", "fmt"),
    [
        ("The SOC welcomed the delegation during a visit to Gaziantep.", "visit", "in person"),
        ("SOC President delivered a speech at the Brussels Conference.", "speech", "unknown"),
        (
            "In an interview with Syria TV, the SOC's Secretary-General said...",
            "interview",
            "unknown",
        ),
        ("The political committee held a teleconference with US senators.", "meeting", "virtual"),
        ("Dima Moussa participated in a panel discussion in Washington.", "conference", "unknown"),
        ("The Syrian Coalition condemned the shelling of Idlib.", "statement", "unknown"),
        ("Hariri said that the Astana meetings are a waste of time.", "statement", "unknown"),
        (
            "In a press statement, Hariri said the regime violated the Sochi conference's terms.",
            "statement",
            "unknown",
        ),
    ],
)
def test_event_kind_from_the_structure_of_the_release(text, kind, fmt):
    event = extract(text).event
    assert (event.kind, event.format) == (kind, fmt)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Coalition's Legal Department on Monday convened to review the new cases.", "meeting"),
        (
            "The SOC President held lengthy talks on Sunday with the commanders of the brigades.",
            "meeting",
        ),
        ("The Foreign Relations Department ran a training course for young graduates.", "workshop"),
        ("The Vice President recently conducted a field tour in the town of Marea.", "visit"),
        (
            "The SOC President stressed that the transition must be inclusive.\n"
            "In an interview on Orient TV, he said that the coalition will hand over its files.",
            "interview",
        ),
        (
            "The Secretary-General said a national conference must be held on solid ground.\n"
            "In an interview with Al Jazeera, he added that elections will follow.",
            "interview",
        ),
        (
            "The SOC's Legal Department held two separate meetings in Ankara with the ambassadors "
            "of Norway and Chile.",
            "meeting",
        ),
        (
            "The Syrian Coalition said the siege of the town must end.\n"
            "In a meeting between members of the political committee and Western envoys today, "
            "both sides condemned the siege.",
            "meeting",
        ),
        ("The Vice President attended a consultative meeting with local councils.", "meeting"),
        (
            "The meeting brought together the SOC's Vice-President and the envoy's adviser.",
            "meeting",
        ),
        ("The SOC President delivered a speech before the conference hall's audience.", "speech"),
        ("The Secretary-General began a tour of the camps near the border.", "visit"),
        (
            "The SOC condemned the visit of the regime's head to Moscow and his meeting with the "
            "Russian president.",
            "statement",
        ),
        (
            "The Coalition denied that it assigned anyone to represent it in the meeting held in "
            "Rome last week.",
            "statement",
        ),
        (
            "The SOC President arrived in the Qatari capital on Monday in a two-day visit.",
            "visit",
        ),
        (
            "A member of the SOC said that they received reports of new arrests in Homs.",
            "statement",
        ),
        ("The SOC President received the French envoy in Istanbul.", "meeting"),
        (
            "The SOC President called on friendly states to support the councils.\n"
            "He was speaking at a meeting with the Dutch envoy on Thursday.",
            "meeting",
        ),
        (
            "The SOC President called on friendly states to support the councils. He was "
            "speaking during a visit to Azaz.",
            "visit",
        ),
        (
            "Ministers of the core group met in Rome yesterday.\nThe Syrian Coalition was not a "
            "participant at the meeting but welcomes its decisions.",
            "statement",
        ),
    ],
)
def test_event_kind_from_the_verbs_releases_use(text, kind):
    assert extract(text).event.kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "During its 45th regular session, the General Assembly of the SOC elected a president.",
            "general assembly session",
        ),
        (
            "The Syrian Coalition's General Assembly elected Omar Kanj as its president on Sunday.",
            "general assembly session",
        ),
        (
            "The Coalition elected Omar Kanj as president at its 18th meeting of the General "
            "Assembly.",
            "general assembly session",
        ),
        (
            "The Coalition's General Assembly on Sunday approved the amended statute.",
            "general assembly session",
        ),
        (
            "The SOC called on the states during the 78th session of the UN General Assembly "
            "to act.",
            "statement",
        ),
        (
            "The SOC welcomed the resolution adopted by the General Assembly of the "
            "United Nations.",
            "statement",
        ),
    ],
)
def test_the_coalitions_general_assembly_acting_is_its_session(text, kind):
    assert extract(text).event.kind == kind


def test_a_dateline_block_is_no_part_of_the_opening():
    text = (
        "Media Note\nThe Media Office\nIstanbul, Turkey\nMarch 3, 2014\n"
        "The Coalition's Presidential Commission met to discuss the coming session.\n"
        "The members called for the Political Committee to convene in May."
    )
    assert extract(text).event.kind == "meeting"


def test_header_lines_do_not_hide_the_event_of_the_body():
    text = (
        "Press release\nSyrian Opposition Coalition\nDepartment of Media and Communications\n"
        "14 March 2016\nCoalition President Khoja met with US Special Envoy Michael Ratney."
    )
    assert extract(text).event.kind == "meeting"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Riad Seif met with Turkish Foreign Minister Mevlut Cavusoglu in Ankara.", "Ankara"),
        ("The SOC held a meeting in the Turkish capital, Ankara, with the envoy.", "Ankara"),
        ("Al-Bahra met the envoy at the Coalition's headquarters in Istanbul.", "Istanbul"),
        ("The SOC held a meeting on the situation in Aleppo.", None),
    ],
)
def test_the_meetings_place(text, place):
    assert extract(text).event.place == place


def test_a_meeting_under_a_header_naming_the_general_assembly_is_its_session():
    header = "Final communique\nSyrian Opposition Coalition\nGeneral Assembly\nOctober 10, 2023\n"
    body = "The Syrian Opposition Coalition convened an emergency meeting on Monday."
    assert extract(header + body).event.kind == "general assembly session"
    assert extract("Press release\nOctober 10, 2023\n" + body).event.kind == "meeting"


POSITIONS = (
    "Officials of the Syrian Coalition said that the regime has no future in Syria.\n"
    "Member of the political committee Karim Nadal said that local councils are the heart of "
    "civil society. He stressed that the revolution will go on.\n"
)


def test_positions_a_later_paragraph_says_were_spoken_at_an_event_are_that_events():
    event = extract(
        POSITIONS + "Speaking during a teleconference with representatives of the local "
        "councils, Nadal said that the regime must be held to account."
    ).event
    assert (event.kind, event.format) == ("meeting", "virtual")


def test_a_later_paragraph_telling_of_another_event_leaves_a_statement():
    event = extract(
        POSITIONS + "The regime's forces met fierce resistance when they attacked the town."
    ).event
    assert event.kind == "statement"


def test_the_meeting_between_the_coalition_and_another_is_a_meeting():
    event = extract(
        "The meeting between the SOC President and the Dutch envoy focused on the elections."
    ).event
    assert event.kind == "meeting"


def test_a_call_received_from_someone_is_a_phone_call_with_them():
    found = extract(
        "SOC President Omar Said received a call from the French Foreign Minister Karim Nadal."
    )
    assert (found.event.kind, found.event.format) == ("phone call", "virtual")
    assert {p.name: p.side for p in found.people}["Karim Nadal"] == "counterpart"


def test_calls_received_for_help_are_no_phone_call():
    event = extract("The Syrian Civil Defense received calls for help from the town.").event
    assert event.kind == "statement"


def test_the_coalitions_official_and_another_who_discussed_held_a_meeting():
    found = extract(
        "The Syrian Coalition's President, Omar Said, and the Norwegian envoy to Syria, Karim "
        "Nadal, discussed the situation in Syria."
    )
    assert found.event.kind == "meeting"
    assert {p.name: p.side for p in found.people}["Karim Nadal"] == "counterpart"


def test_an_and_in_a_statement_makes_no_meeting():
    assert (
        extract(
            "The Coalition said that Russia and Iran, who discussed the partition of Syria, are "
            "occupiers."
        ).event.kind
        == "statement"
    )
