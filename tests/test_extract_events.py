"""The event a release reports, when its opening tells only of positions: one test per pattern,
on texts shaped like the coalition's releases."""

from archive.loader.extract import extract

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
