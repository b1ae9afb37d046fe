"""Where a name starts and ends: one test per pattern, on sentences shaped like the coalition's
releases (names invented)."""

from archive.loader.extract import extract


def names(text):
    return {p.name for p in extract(text).people}


def test_a_description_opening_a_sentence_is_no_part_of_the_name():
    assert names("Trainer Lina Haddad presented a paper on transitional justice.") == {
        "Lina Haddad"
    }
    assert names("Journalist Omar Said was arrested in Damascus.") == {"Omar Said"}


def test_a_title_a_typing_slip_joined_to_the_word_before_is_still_read():
    found = {
        p.name: p
        for p in extract(
            "The Presidential Committee of the Syrian Coalition, consisting ofVice Presidents, "
            "Mr. Omar Said, Mr. Karim Nadal, and Ms. Lina Haddad, met to discuss the resignation."
        ).people
    }
    for name in ("Omar Said", "Karim Nadal", "Lina Haddad"):
        assert found[name].role == "Vice President", name
        assert found[name].side == "soc", name


def test_a_possessive_run_on_to_the_next_word_is_the_name_before_it():
    assert names(
        "The committee recognized Mr. Omar Al Said's distinct role. In light of Mr. Al "
        "Said'spositive efforts, it will issue a letter of gratitude."
    ) == {"Omar Al Said"}
