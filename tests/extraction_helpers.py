"""What the extractor finds in a text, and a few known people, for the tests of its patterns."""

from archive.loader.extract import extract
from archive.loader.gazetteer import Gazetteer, KnownPerson, Post

SOC = "Syrian Opposition Coalition"
SIG = "Syrian Interim Government"


def people(text, **kwargs):
    return {p.name: p for p in extract(text, **kwargs).people}


def organizations(text):
    return [o.name for o in extract(text).organizations]


def places(text):
    return [p.name for p in extract(text).places]


def with_known_people(*known: KnownPerson) -> Gazetteer:
    """The reference gazetteer with these people as the only known ones."""
    base = Gazetteer.from_fixtures()
    return Gazetteer(
        organizations=list(base.organizations.values()),
        places=list(base.places.values()),
        resolutions=list(base.resolutions.values()),
        people=list(known),
    )


KHOJA = KnownPerson(
    "Khaled Khoja", ("Khaled Khoja", "Khalid Khoja"), (Post("President", SOC, 2015, 2016),)
)
KERRY = KnownPerson(
    "John Kerry", ("John Kerry",), (Post("Secretary of State", "United States", 2013, 2017),)
)
ASSAD = KnownPerson(
    "Bashar al-Assad", ("Bashar al-Assad",), (Post("President", "Syria", 2000, 2024),)
)
