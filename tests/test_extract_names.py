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
