"""A person's organization where the title does not name it: the body named after the name, the
known person whose title it is, the one a deputy serves (names invented, known people real)."""

from archive.loader.extract import extract


def people(text):
    return {p.name: p for p in extract(text).people}


def test_a_name_followed_by_its_own_body_takes_no_title_shared_along_the_list():
    found = people(
        "Members of the General Assembly Omar Said and Karim Nadal, and Fadi Lahham of the "
        "Syrian Turkmen Assembly attended the workshop."
    )
    assert found["Karim Nadal"].role == "Member of the General Assembly"
    assert found["Fadi Lahham"].role == ""
    assert found["Fadi Lahham"].organization == "Syrian Turkmen Assembly"


def test_a_title_of_a_known_persons_is_of_that_persons_organization():
    found = people(
        "President Putin's special envoy Karim Nadal met with the delegation of the opposition "
        "in Astana."
    )
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == (
        "Special envoy",
        "Russia",
    )
    assert found["Karim Nadal"].side == "counterpart"


def test_a_title_of_an_unknown_persons_has_no_organization_from_them():
    found = people("Omar Said's advisor Karim Nadal met with the delegation of the opposition.")
    assert found["Karim Nadal"].organization is None


def test_his_deputy_serves_the_organization_of_the_one_named_before():
    found = people(
        "The Syrian Coalition's President met with Karim Nadal, US Special Envoy for Syria, and "
        "his deputy, Omar Said."
    )
    assert (found["Omar Said"].role, found["Omar Said"].organization) == (
        "Deputy",
        "United States",
    )
    assert found["Omar Said"].side == "counterpart"


def test_titles_given_after_as_and_without_a_verb_in_one_list_of_elections():
    found = people(
        "The Legal Committee elected Omar Said as head of the committee, Karim Nadal as deputy, "
        "and Lina Haddad a secretary."
    )
    assert found["Karim Nadal"].role == "Deputy"
    assert found["Lina Haddad"].role == "Secretary"
    assert found["Karim Nadal"].organization == found["Omar Said"].organization
    assert found["Lina Haddad"].organization == found["Omar Said"].organization
    assert found["Lina Haddad"].side == "soc"


def test_a_title_given_without_its_verb_ends_before_the_next_name():
    found = people(
        "The General Assembly elected Omar Said as President of the Coalition, Karim Nadal as "
        "Secretary-General and Lina Haddad a member of the Political Committee."
    )
    assert found["Karim Nadal"].role == "Secretary-General"
    assert found["Lina Haddad"].role == "Member of the Political Committee"


def test_a_membership_written_once_for_two_names_is_both_of_theirs():
    found = people(
        "Member of the political committee Omar Said and Karim Nadal met with the Dutch envoy."
    )
    assert found["Karim Nadal"].role == "Member of the political committee"
    assert (found["Karim Nadal"].organization, found["Karim Nadal"].side) == (
        "Syrian Opposition Coalition",
        "soc",
    )


def test_a_title_only_one_holds_written_before_two_names_stays_with_the_first():
    found = people("The SOC's President Omar Said and Karim Nadal met with the Dutch envoy.")
    assert found["Omar Said"].role == "President"
    assert found["Karim Nadal"].role == ""


def test_a_compound_title_right_before_a_name_is_no_part_of_it():
    found = people("The SNA's Chief of Staff Omar Said met with the Dutch envoy.")
    assert found["Omar Said"].role == "Chief of Staff"
    assert found["Omar Said"].organization == "Syrian National Army"


def test_its_before_a_title_is_the_body_named_last_in_the_sentence():
    found = people(
        "The SOC's President received a delegation of the Third Legion, headed by its commander "
        "Karim Nadal."
    )
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == (
        "Commander",
        "Third Legion",
    )
    assert found["Karim Nadal"].side == "counterpart"


def test_its_with_no_body_named_in_the_sentence_gives_no_organization():
    found = people("The town was shelled again. Its mayor Karim Nadal said ten people were killed.")
    assert found["Karim Nadal"].organization is None


def test_an_official_spokesman_keeps_the_word_official_in_the_title():
    found = people(
        "The head of the Syrian Negotiations Commission, Karim Nadal, was accompanied by the "
        "commission's official spokesman, Omar Said."
    )
    assert found["Omar Said"].role == "Official spokesman"


def test_a_town_named_like_a_surname_is_no_place_inside_a_name():
    text = "The Political Committee elected Rania Kassab as its secretary."
    assert "Rania Kassab" in people(text)
    assert "Kessab" not in [p.name for p in extract(text).places]
    assert "Kessab" in [p.name for p in extract("The regime shelled the town of Kassab.").places]


def test_a_title_after_the_name_owned_by_its_is_of_the_body_named_before():
    found = people(
        "The SOC President met a delegation of the Syrian Democratic Movement headed by Omar "
        "Said, head of its youth office."
    )
    assert (found["Omar Said"].role, found["Omar Said"].organization) == (
        "Head of its youth office",
        "Syrian Democratic Movement",
    )


def test_a_title_of_two_bodies_joined_by_a_hyphen_is_the_firsts_and_names_both():
    text = "The joint UN-Arab League Special Envoy Karim Nadal met the SOC President in Cairo."
    found = people(text)
    assert (found["Karim Nadal"].role, found["Karim Nadal"].organization) == (
        "UN-Arab League Special Envoy",
        "United Nations",
    )
    assert {"United Nations", "Arab League"} <= {o.name for o in extract(text).organizations}
