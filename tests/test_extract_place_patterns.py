"""Places from lists and by the conventions' names, and countries that qualify a title instead."""

import pytest

from archive.loader.extract import extract
from tests.extraction_helpers import people, places


def test_a_list_of_countries_gives_every_country():
    found = places(
        "The list included Albania, Australia, Belgium, Croatia, New Zealand and North Macedonia."
    )
    assert found == ["Albania", "Australia", "Belgium", "Croatia", "New Zealand", "North Macedonia"]


def test_places_the_reference_lacks_are_found_where_a_release_lists_them():
    found = places(
        "Regime forces shelled the villages of Kafr Owaid, Sfuhen and Fleifel in Jabal al-Zawiya "
        "and the Al-Nairab camp, and the town of Tal Mardikh."
    )
    assert {"Kafr Owaid", "Sfuhen", "Fleifel", "Al-Nairab camp", "Tal Mardikh"} <= set(found)
    assert people("Regime forces shelled the villages of Kafr Owaid and Sfuhen.") == {}


def test_a_countrys_adjective_before_a_camp_or_base_names_no_place():
    assert places("Russian jets took off from the Russian airbase.") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Families arrived from rural Damascus.", "Damascus"),
        ("Families arrived from the Damascus countryside.", "Damascus"),
        ("It will coordinate with the UK, the US, and Germany.", "United States"),
        ("The siege on Tel Abyad must be lifted.", "Tal Abyad"),
        ("The siege on Tell Abyad must be lifted.", "Tal Abyad"),
        ("The regime shelled Dayr ez-Zor.", "Deir ez-Zor"),
    ],
)
def test_places_as_the_conventions_name_them(text, place):
    assert place in places(text)


def test_an_abbreviated_country_qualifying_a_lowercase_title_owns_it_and_names_no_place():
    text = "The SOC met with the US special envoy to Syria Daniel Rubin to discuss the US role."
    (envoy,) = extract(text).people
    assert (envoy.role, envoy.organization) == ("Special envoy to Syria", "United States")
    assert "United States" not in places(text)
    assert people("The UN envoy Geir Pedersen said.")["Geir Pedersen"].role == "UN envoy"
    assert "United States" in places("The SOC urged the US and Russia to act.")
