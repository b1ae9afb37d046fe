"""Reference fixtures: they load, carry the keys `loaddata` cannot compute, state facts right."""

import datetime
import json

import pytest
from django.core.management import call_command

from archive.loader.gazetteer import FIXTURES_DIR, Entry, Gazetteer, KnownPerson, Post
from archive.models import (
    KnownPerson as KnownPersonRow,
)
from archive.models import (
    KnownPersonName,
    Organization,
    OrganizationAlias,
    Place,
    PlaceAlias,
    Resolution,
)
from archive.text import make_slug, name_key

ROWS = [
    row
    for path in sorted(FIXTURES_DIR.glob("*.json"))
    for row in json.loads(path.read_text("utf-8"))
]


def rows(model):
    return [row["fields"] for row in ROWS if row["model"] == f"archive.{model}"]


@pytest.mark.parametrize("model", ["organizationalias", "placealias", "demonym", "knownpersonname"])
def test_alias_rows_carry_their_key(model):
    for fields in rows(model):
        assert fields["key"] == name_key(fields["name"]), fields


@pytest.mark.parametrize("model", ["organization", "place", "resolution"])
def test_rows_carry_unique_slugs(model):
    slugs = [fields["slug"] for fields in rows(model)]
    assert len(slugs) == len(set(slugs)) and all(slugs)
    if model != "resolution":
        assert all(f["slug"] == make_slug(f["name"]) for f in rows(model))


def test_security_council_resolutions_have_symbol_link_and_date():
    for fields in rows("resolution"):
        if fields["body"] != "UNSC":
            continue
        number, year = fields["number"], fields["year"]
        assert fields["symbol"] == f"S/RES/{number} ({year})"
        assert fields["url"] == f"https://docs.un.org/en/S/RES/{number}({year})"
        assert datetime.date.fromisoformat(fields["adopted"]).year == year


@pytest.mark.parametrize(
    ("identifier", "adopted"),
    [
        ("UNSC 2042", "2012-04-14"),
        ("UNSC 2118", "2013-09-27"),
        ("UNSC 2254", "2015-12-18"),
        ("UNSC 2401", "2018-02-24"),
        ("UNSC 2672", "2023-01-09"),
        ("UNGA 67/262", "2013-05-15"),
        ("Geneva Communique 2012", "2012-06-30"),
    ],
)
def test_key_instruments(identifier, adopted):
    found = {
        f"{f['body']} {f['number']}" if f["number"] else f"{f['title']} {f['year']}": f
        for f in rows("resolution")
    }
    assert found[identifier]["adopted"] == adopted


@pytest.mark.django_db
def test_fixtures_load_and_the_database_gazetteer_equals_the_fixture_one():
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    assert (
        OrganizationAlias.objects.get(name="Syrian National Coalition").organization.abbreviation
        == "SOC"
    )
    assert PlaceAlias.objects.get(name="rural Aleppo").place == Place.objects.get(name="Aleppo")
    assert Place.objects.get(name="Bab al-Hawa").kind == Place.Kind.CROSSING
    assert Organization.objects.get(abbreviation="EEAS").parent.name == "European Union"
    assert Resolution.objects.get(number="2254").identifier == "UNSC 2254"
    from_db, from_files = Gazetteer.from_database(), Gazetteer.from_fixtures()

    def summary(entries):
        return {e.name: (e.kind, e.parent, set(e.names)) for e in entries.values()}

    assert summary(from_db.organizations) == summary(from_files.organizations)
    assert summary(from_db.places) == summary(from_files.places)
    assert from_db.resolutions == from_files.resolutions
    assert from_db.adjectives == from_files.adjectives
    assert {p.name: (set(p.names), p.posts) for p in from_db.people.values()} == {
        p.name: (set(p.names), p.posts) for p in from_files.people.values()
    }


@pytest.mark.django_db
def test_an_editors_addition_counts_in_the_database_gazetteer():
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    org = Organization.objects.create(name="Basma Relief Network", kind="ngo")
    OrganizationAlias.objects.create(organization=org, name="Basma Network USA")
    found = Gazetteer.from_database().find_organizations("He spoke at the Basma Network USA today.")
    assert [(f.text, f.entries[0].name) for f in found] == [
        ("Basma Network USA", "Basma Relief Network")
    ]


def test_gazetteer_prefers_the_longest_name_and_whole_words():
    gazetteer = Gazetteer.from_fixtures()
    text = "the UN Security Council and the Syrian Interim Government, not Ukraine or Omani ships"
    assert [f.text for f in gazetteer.find_organizations(text)] == [
        "UN Security Council",
        "Syrian Interim Government",
    ]
    assert [f.text for f in gazetteer.find_places("Ukraine or Omani ships")] == ["Ukraine"]
    assert [f.text for f in gazetteer.find_places("Bab al Hawa and Bab-al-Hawa")] == [
        "Bab al Hawa",
        "Bab-al-Hawa",
    ]


def test_a_government_named_like_its_country_is_not_sought_as_an_organization():
    gazetteer = Gazetteer.from_fixtures()
    with_france = Gazetteer(
        organizations=[
            *gazetteer.organizations.values(),
            Entry("France", "government", None, ("France",)),
        ],
        places=list(gazetteer.places.values()),
        resolutions=list(gazetteer.resolutions.values()),
    )
    assert [f.text for f in with_france.find_organizations("France and the EU")] == ["EU"]
    assert [f.text for f in with_france.find_places("France and the EU")] == ["France"]
    assert with_france.organization("France").kind == "government"


@pytest.mark.parametrize(
    "model", ["organization", "place", "knownperson", "post"], ids=lambda model: model
)
def test_every_reference_fact_says_where_it_comes_from_and_whether_it_is_confirmed(model):
    for fields in rows(model):
        assert fields["source"].strip() and isinstance(fields["verified"], bool), fields


def test_known_people_hold_posts_in_known_organizations_over_plausible_years():
    organizations = {row["pk"] for row in ROWS if row["model"] == "archive.organization"}
    for post in rows("post"):
        assert post["organization"] in organizations, post
        assert 1970 <= post["start"] <= (post["end"] or 2100) <= 2100, post


def test_countries_are_known_by_their_adjectives_not_found_as_places():
    gazetteer = Gazetteer.from_fixtures()
    assert gazetteer.country_of_adjective("French").name == "France"
    assert gazetteer.country_of_adjective("Emirati").name == "United Arab Emirates"
    assert gazetteer.country_of_adjective("U.S.").name == "United States"
    assert gazetteer.country_of_adjective("US").name == "United States"
    assert gazetteer.country_of_adjective("us") is None  # the pronoun
    assert gazetteer.country_of_adjective("Kurdish") is None  # a people, not a country
    assert gazetteer.find_places("Russian jets struck the Emirati and Saudi convoys") == []
    assert gazetteer.adjectives["Dutch"] == "Netherlands"


def test_every_country_of_iso_3166_is_a_place_with_its_common_names():
    gazetteer = Gazetteer.from_fixtures()
    countries = [e for e in gazetteer.places.values() if e.kind in ("country", "territory")]
    assert len(countries) >= 249
    text = "the list included Afghanistan, The Bahamas, Belize, Türkiye, Holland, the UAE and KSA"
    assert [f.entries[0].name for f in gazetteer.find_places(text)] == [
        "Afghanistan",
        "The Bahamas",
        "Belize",
        "Turkey",
        "Netherlands",
        "United Arab Emirates",
        "Saudi Arabia",
    ]


def test_rural_countryside_and_province_forms_give_the_place_itself():
    gazetteer = Gazetteer.from_fixtures()
    text = "shelling of rural Damascus, the Idlib countryside and Hama province"
    assert [f.entries[0].name for f in gazetteer.find_places(text)] == [
        "Damascus",
        "Idlib",
        "Hama",
    ]


def test_prisons_camps_and_airports_are_places():
    gazetteer = Gazetteer.from_fixtures()
    text = "From Sednaya prison to the Zaatari camp by Damascus Airport"
    found = {f.entries[0].name: f.entries[0].kind for f in gazetteer.find_places(text)}
    assert found == {
        "Saydnaya Prison": "prison",
        "Zaatari camp": "camp",
        "Damascus International Airport": "airport",
    }


def test_a_place_named_like_a_word_or_a_person_is_found_only_in_a_place_context():
    gazetteer = Gazetteer.from_fixtures()
    assert gazetteer.places["Chad"].needs_context
    assert gazetteer.find_places("Chad Smith said so.") == []
    assert [f.text for f in gazetteer.find_places("refugees in Chad")] == ["Chad"]
    assert [f.text for f in gazetteer.find_places("Sudan, Chad and Libya")] == [
        "Sudan",
        "Chad",
        "Libya",
    ]
    assert gazetteer.find_places("Chad and Georgia spoke") == []


def test_known_people_by_full_name_in_any_spelling_or_by_surname_alone():
    gazetteer = Gazetteer.from_fixtures()
    khoja = gazetteer.people["Khaled Khoja"]
    assert gazetteer.known_people("Khoja") == (khoja,)
    assert gazetteer.known_people("Khalid Khoja") == (khoja,)
    assert gazetteer.known_people("Al-Bahra") == (gazetteer.people["Hadi al-Bahra"],)
    assert gazetteer.known_people("Kerry") == (gazetteer.people["John Kerry"],)
    assert gazetteer.known_people("Cavusoglu") == gazetteer.known_people("Çavuşoğlu")
    assert gazetteer.known_people("Nobody Known") == ()


def test_a_known_persons_post_depends_on_the_year():
    gazetteer = Gazetteer.from_fixtures()
    bahra = gazetteer.people["Hadi al-Bahra"]
    assert gazetteer.post_of(bahra, 2014).role == "President"
    assert gazetteer.post_of(bahra, 2020).organization == "Constitutional Committee"
    assert gazetteer.post_of(bahra, 2010) is None
    assert gazetteer.post_of("Hadi al-Bahra", 2024).organization == "Syrian Opposition Coalition"
    assert gazetteer.post_of(bahra, None) is None  # two posts: the year decides
    kerry = gazetteer.post_of("John Kerry", None)
    assert (kerry.role, kerry.organization) == ("Secretary of State", "United States")


def test_post_of_prefers_the_post_taken_up_last():
    person = KnownPerson(
        "A B",
        ("A B",),
        (Post("Minister", "France", 2010, 2016), Post("Prime Minister", "France", 2016, 2018)),
    )
    gazetteer = Gazetteer(organizations=[], places=[], resolutions=[], people=[person])
    assert gazetteer.post_of(person, 2016).role == "Prime Minister"
    assert gazetteer.post_of(person, 2012).role == "Minister"
    assert gazetteer.post_of(person, 2020) is None


@pytest.mark.django_db
def test_an_editors_known_person_counts_in_the_database_gazetteer():
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    person = KnownPersonRow.objects.create(name="Jean-François Guillaume", source="a release")
    KnownPersonName.objects.create(person=person, name="Jean-Francois Guillaume")
    person.posts.create(
        role="Special Envoy to Syria",
        organization=Organization.objects.get(name="France"),
        start=2023,
    )
    gazetteer = Gazetteer.from_database()
    (found,) = gazetteer.known_people("Guillaume")
    assert gazetteer.post_of(found, 2024) == Post(
        "Special Envoy to Syria", "France", 2023, None, False
    )


@pytest.mark.django_db
def test_posts_taken_up_the_same_year_keep_one_order_whatever_the_rows_order():
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    person = KnownPersonRow.objects.create(name="Rima Haddad", source="a release")
    coalition = Organization.objects.get(name="Syrian Opposition Coalition")
    # Written in the reverse of their order: the title decides between posts of the same years.
    for role in ("Vice President", "Member of the Political Committee"):
        person.posts.create(role=role, organization=coalition, start=2019, end=2021)
    posts = Gazetteer.from_database().people["Rima Haddad"].posts
    assert [p.role for p in posts] == ["Member of the Political Committee", "Vice President"]
    assert Gazetteer.from_database().post_of("Rima Haddad", 2020).role == posts[0].role
