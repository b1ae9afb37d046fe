"""Reference fixtures: they load, carry the keys `loaddata` cannot compute, state facts right."""

import datetime
import json

import pytest
from django.core.management import call_command

from archive.loader.gazetteer import FIXTURES_DIR, Entry, Gazetteer
from archive.models import Organization, OrganizationAlias, Place, PlaceAlias, Resolution
from archive.text import make_slug, name_key

ROWS = [
    row
    for path in sorted(FIXTURES_DIR.glob("*.json"))
    for row in json.loads(path.read_text("utf-8"))
]


def rows(model):
    return [row["fields"] for row in ROWS if row["model"] == f"archive.{model}"]


@pytest.mark.parametrize("model", ["organizationalias", "placealias"])
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


@pytest.mark.django_db
def test_an_editors_addition_counts_in_the_database_gazetteer():
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)
    org = Organization.objects.create(name="Syrian Forum", slug="syrian-forum", kind="ngo")
    OrganizationAlias.objects.create(organization=org, name="Syrian Forum USA")
    found = Gazetteer.from_database().find_organizations("He spoke at the Syrian Forum USA today.")
    assert [(f.text, f.entries[0].name) for f in found] == [("Syrian Forum USA", "Syrian Forum")]


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
