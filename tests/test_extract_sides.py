"""Which side a person was on, and the organization that places them: one test per pattern, on
sentences shaped like the coalition's releases (names invented)."""

from archive.loader.extract import extract

SOC = "Syrian Opposition Coalition"
SNC = "Syrian Negotiations Commission"


def people(text, **kwargs):
    return {p.name: p for p in extract(text, **kwargs).people}


def test_the_coalitions_title_written_in_lowercase_is_the_coalitions():
    found = people(
        "Karim Nadal met Qatari officials in Doha. The meeting was attended by the coalition's "
        "representative in Qatar Omar Said."
    )
    assert found["Omar Said"].role == "Representative in Qatar"
    assert (found["Omar Said"].organization, found["Omar Said"].side) == (SOC, "soc")
    spokesman = people("The coalition's spokesman Anas Fadel said the siege must end.")
    assert (spokesman["Anas Fadel"].organization, spokesman["Anas Fadel"].side) == (SOC, "soc")


def test_a_title_owned_by_the_body_named_before_is_that_bodys():
    found = people(
        "The head of the Syrian Negotiations Commission, Karim Nadal, met the UN envoy in "
        "Geneva. Nadal was accompanied by the commission's official spokesman, Omar Said."
    )
    assert found["Omar Said"].role == "Official spokesman"
    assert (found["Omar Said"].organization, found["Omar Said"].side) == (SNC, "soc")


def test_a_possessive_of_no_body_named_before_gives_no_organization():
    found = people("The minister's spokesman Omar Said said the talks would resume.")
    assert found["Omar Said"].organization is None


def test_the_coalitions_embassy_staff_are_of_its_side():
    found = people(
        "Karim Nadal, the head of the Syrian Embassy in Doha, received a delegation of Syrian "
        "students. The embassy's counselor, Omar Said, welcomed them."
    )
    assert found["Karim Nadal"].role == "Head of the Syrian Embassy in Doha"
    assert (found["Karim Nadal"].organization, found["Karim Nadal"].side) == (SOC, "soc")
    assert found["Omar Said"].organization == "Syrian Embassy in Doha"
    assert found["Omar Said"].side == "soc"


def test_the_head_of_a_coalition_department_named_before_in_another_form_is_of_its_side():
    found = people(
        "The Syrian Coalition's Department of Refugee Affairs met UNHCR officials in Gaziantep. "
        "The head of the Refugee Affairs Department, Omar Said, presented the report."
    )
    assert (found["Omar Said"].organization, found["Omar Said"].side) == (SOC, "soc")


def test_officers_appointed_to_the_coalitions_staff_are_its_own():
    found = people(
        "The General Assembly approved the appointment of senior officers Brigadier General Omar "
        "Said and Colonel Karim Nadal to the coalition's military staff."
    )
    for name in ("Omar Said", "Karim Nadal"):
        assert (found[name].organization, found[name].side) == (SOC, "soc")


def test_officers_appointed_elsewhere_are_not_the_coalitions():
    found = people(
        "The ministry announced the appointment of senior officers Brigadier General Omar Said "
        "and Colonel Karim Nadal to the regime's military council."
    )
    assert {found[name].side for name in ("Omar Said", "Karim Nadal")} == {"mentioned"}


def test_an_official_of_a_body_acting_with_the_coalition_met_by_it_is_a_counterpart():
    found = people(
        "The Syrian Coalition's Vice-President Lina Haddad met with Kurdish National Council "
        "leader Karim Nadal and discussed the situation in Qamishli."
    )
    assert found["Lina Haddad"].side == "soc"
    assert (found["Karim Nadal"].organization, found["Karim Nadal"].side) == (
        "Kurdish National Council",
        "counterpart",
    )


def test_the_one_chairing_a_meeting_of_a_body_written_in_lowercase_is_of_its_side():
    found = people(
        "The political committee held its periodic meeting in Azaz, headed by Omar Said."
    )
    assert (found["Omar Said"].organization, found["Omar Said"].side) == (SOC, "soc")


def test_officers_named_by_their_rank_in_the_coalitions_delegation_are_of_its_side():
    found = people(
        "The Syrian Coalition's delegation to Astana included Colonel Omar Said and Brigadier "
        "General Karim Nadal."
    )
    for name in ("Omar Said", "Karim Nadal"):
        assert (found[name].organization, found[name].side) == (SOC, "soc")


def test_an_officer_of_an_armed_faction_accompanying_the_coalitions_official_is_of_its_side():
    found = people(
        "SOC President Omar Said visited the front lines in rural Aleppo, accompanied by Colonel "
        "Karim Nadal, commander of the Sultan Murad Division."
    )
    assert found["Karim Nadal"].organization == "Sultan Murad Division"
    assert found["Karim Nadal"].side == "soc"


def test_a_foreign_official_accompanying_another_is_not_the_coalitions():
    found = people(
        "SOC President Omar Said received the German envoy Karim Nadal, accompanied by Deputy "
        "Head of Mission Lina Haddad."
    )
    assert found["Lina Haddad"].side == "counterpart"


def test_a_unit_of_a_body_acting_with_the_coalition_is_that_bodys_not_the_coalitions():
    found = people(
        "SOC President Omar Said met with the commander of the Syrian National Army's Third "
        "Corps, Karim Nadal."
    )
    assert found["Karim Nadal"].role == "Commander of the Third Corps"
    assert found["Karim Nadal"].organization == "Syrian National Army"


def test_those_the_coalition_discussed_or_held_talks_with_are_counterparts():
    for text in (
        "SOC President Omar Said discussed with the French Special Envoy Karim Nadal the "
        "latest developments.",
        "The Syrian Coalition's President held talks in Istanbul with the German envoy Karim "
        "Nadal.",
        "The meeting between the SOC President and the Dutch Special Envoy Karim Nadal focused "
        "on the political process.",
    ):
        assert people(text)["Karim Nadal"].side == "counterpart", text
        assert extract(text).event.kind == "meeting", text


def test_a_delegation_of_no_named_owner_headed_by_the_coalitions_official_is_its_own():
    found = people(
        "The Russian envoy met with the delegation of the Syrian opposition in Astana. The "
        "delegation was headed by the Syrian Coalition's Vice-President Lina Haddad and included "
        "Colonel Omar Said and Brigadier General Karim Nadal."
    )
    for name in ("Lina Haddad", "Omar Said", "Karim Nadal"):
        assert (found[name].organization, found[name].side) == (SOC, "soc"), name


def test_a_department_written_as_the_coalitions_in_lowercase_is_its_own():
    found = people(
        "The meeting discussed the work of the coalition's Department of Refugee Affairs. The "
        "head of the Refugee Affairs Department, Omar Said, presented a survey."
    )
    assert (found["Omar Said"].organization, found["Omar Said"].side) == (SOC, "soc")


def test_the_head_of_the_coalitions_office_written_in_lowercase_is_of_its_side():
    found = people(
        "The Syrian Coalition's representative office in Washington hosted a meeting with US "
        "senators. Head of the office Omar Said presented the coalition's vision."
    )
    assert found["Omar Said"].role == "Head of the office"
    assert (found["Omar Said"].organization, found["Omar Said"].side) == (SOC, "soc")


def test_names_listed_with_the_coalitions_official_without_a_title_are_of_its_side():
    found = people(
        "The meeting was attended by Vice-President Lina Haddad, Omar Said and Karim Nadal."
    )
    for name in ("Omar Said", "Karim Nadal"):
        assert (found[name].organization, found[name].side) == (SOC, "soc"), name


def test_a_name_a_meeting_brings_together_with_the_coalitions_official_is_not_its():
    found = people("The meeting brought together SOC President Lina Haddad and Karim Nadal.")
    assert found["Karim Nadal"].organization is None
    assert found["Karim Nadal"].side == "counterpart"
