"""factory_boy factories for the archive's models; tests name only what they care about."""

import datetime

import factory

from archive import models


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    title = factory.Sequence(lambda n: f"Coalition statement number {n}")
    body = factory.Sequence(
        lambda n: (
            f"The Syrian Opposition Coalition issued statement {n}.\n"
            "It called for a political solution in Syria."
        )
    )
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    date_source = models.Statement.DateSource.HEADER
    source_name = "SOC's Media Department"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person Number{n}")


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.SelfAttribute("person.name")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(lambda n: f"Organization {n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Place

    name = factory.Sequence(lambda n: f"Town{n}")
    kind = models.Place.Kind.TOWN


class ResolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Resolution

    body = models.Resolution.Body.UNSC
    number = factory.Sequence(lambda n: str(3000 + n))
    year = 2015
    symbol = factory.LazyAttribute(lambda o: f"S/RES/{o.number} ({o.year})")
    slug = factory.LazyAttribute(lambda o: f"unsc-{o.number}")


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Mention

    statement = factory.SubFactory(StatementFactory)
    person = factory.SubFactory(PersonFactory)
    name_as_written = factory.SelfAttribute("person.name")
    side = models.Mention.Side.SOC


class OrganizationMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OrganizationMention

    statement = factory.SubFactory(StatementFactory)
    organization = factory.SubFactory(OrganizationFactory)
    as_written = factory.SelfAttribute("organization.name")


class PlaceMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PlaceMention

    statement = factory.SubFactory(StatementFactory)
    place = factory.SubFactory(PlaceFactory)
    as_written = factory.SelfAttribute("place.name")


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Citation

    statement = factory.SubFactory(StatementFactory)
    resolution = factory.SubFactory(ResolutionFactory)
    as_written = factory.LazyAttribute(lambda o: f"Resolution {o.resolution.number}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    statement = factory.SubFactory(StatementFactory)
    kind = models.Meeting.Kind.MEETING


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "Member"


SAMPLE_PEOPLE = [
    ("Hadi al-Bahra", "President", "soc"),
    ("Nasr Al-Hariri", "Head of the negotiating delegation", "soc"),
    ("Salem al-Meslet", "President", "soc"),
    ("Abdulahad Astepho", "Vice-President", "soc"),
    ("Maryam Shalabi", "Representative to the United Nations", "soc"),
    ("Geir Pedersen", "UN Special Envoy for Syria", "counterpart"),
    ("Jean-Yves Le Drian", "Minister of Foreign Affairs", "counterpart"),
    ("Brett McGurk", "Special Presidential Envoy", "counterpart"),
    ("Mevlüt Çavuşoğlu", "Minister of Foreign Affairs", "counterpart"),
    ("Bashar al-Assad", "", "mentioned"),
]
SAMPLE_PLACES = ["Istanbul", "Geneva", "Aleppo", "Idlib", "Bab al-Hawa", "Brussels"]
SAMPLE_TOPICS = [
    "the political process and the implementation of Resolution 2254",
    "humanitarian access through the Bab al-Hawa crossing",
    "normalization with the Assad regime",
    "the work of the Constitutional Committee",
    "the release of detainees and the fate of the missing",
    "chemical weapons attacks and accountability",
]


def build_sample_archive(*, statements: int = 60, seed: int = 4) -> list:
    """A small archive with every kind of fact, deterministic for a given seed.

    Dates spread over 2014-2024 with a few undated releases; people on both sides of meetings,
    places, organizations and resolution citations; one draft and one removed mention that
    public pages must not show.
    """
    import random

    rng = random.Random(seed)
    soc = OrganizationFactory(name="Syrian Opposition Coalition", abbreviation="SOC", slug="soc")
    un = OrganizationFactory(name="United Nations", abbreviation="UN", slug="un")
    people = [PersonFactory(name=name) for name, _, _ in SAMPLE_PEOPLE]
    for person, (_, role, side) in zip(people, SAMPLE_PEOPLE, strict=True):
        if role:
            MembershipFactory(
                person=person,
                organization=soc if side == "soc" else None,
                role=role,
                first_seen=datetime.date(2015, 1, 1),
                last_seen=datetime.date(2023, 6, 1),
            )
    places = [PlaceFactory(name=name) for name in SAMPLE_PLACES]
    resolutions = [
        ResolutionFactory(
            number="2254", year=2015, slug="unsc-2254", adopted=datetime.date(2015, 12, 18)
        ),
        ResolutionFactory(
            number="2118", year=2013, slug="unsc-2118", adopted=datetime.date(2013, 9, 27)
        ),
        ResolutionFactory(
            number="2642", year=2022, slug="unsc-2642", adopted=datetime.date(2022, 7, 12)
        ),
        ResolutionFactory(
            body=models.Resolution.Body.OTHER,
            number="",
            title="Geneva Communique",
            year=2012,
            symbol="",
            slug="geneva-communique-2012",
        ),
    ]
    kinds = [k for k, _ in models.Meeting.Kind.choices]
    built = []
    for i in range(statements):
        topic = rng.choice(SAMPLE_TOPICS)
        speaker_index = rng.randrange(5)
        counterpart_index = 5 + rng.randrange(4)
        speaker, counterpart = people[speaker_index], people[counterpart_index]
        place = rng.choice(places)
        resolution = rng.choice(resolutions)
        date = None
        if i % 13 != 5:
            date = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(11 * 365))
        body = "\n".join(
            [
                f"{SAMPLE_PEOPLE[speaker_index][1] or 'Member'} of the Syrian Opposition Coalition "
                f"{speaker.name} met with {SAMPLE_PEOPLE[counterpart_index][1]} {counterpart.name} "
                f"in {place.name} to discuss {topic}.",
                f"{speaker.name.split()[-1]} stressed that a political solution must follow "
                f"{resolution.label} and the Geneva Communique, and that the Assad regime bears "
                "responsibility for the suffering of the Syrian people.",
                f"The two sides also discussed the situation in {rng.choice(SAMPLE_PLACES)} "
                "and the need for international support to the Syrian people.",
                "(Source: SOC’s Media Department)",
            ]
        )
        statement = StatementFactory(
            title=f"{speaker.name} discusses {topic} with {counterpart.name}",
            body=body,
            date=date,
            date_source=(
                models.Statement.DateSource.HEADER if date else models.Statement.DateSource.NONE
            ),
            language="en" if i % 17 else "ar",
        )
        MentionFactory(
            statement=statement,
            person=speaker,
            role=SAMPLE_PEOPLE[speaker_index][1],
            organization=soc,
            side=models.Mention.Side.SOC,
            spoke=True,
        )
        MentionFactory(
            statement=statement,
            person=counterpart,
            role=SAMPLE_PEOPLE[counterpart_index][1],
            side=models.Mention.Side.COUNTERPART,
            organization=un if counterpart_index == 5 else None,
        )
        if i % 4 == 0:
            MentionFactory(
                statement=statement,
                person=people[9],
                side=models.Mention.Side.MENTIONED,
                paragraph=2,
            )
        MeetingFactory(
            statement=statement,
            kind=rng.choice(kinds[:6]),
            format=rng.choice(["in person", "virtual", "unknown"]),
            place=place,
            date=date,
        )
        PlaceMentionFactory(statement=statement, place=place)
        OrganizationMentionFactory(
            statement=statement, organization=soc, as_written="Syrian Opposition Coalition"
        )
        CitationFactory(
            statement=statement, resolution=resolution, as_written=resolution.label, paragraph=2
        )
        if resolution.number != "2254" and i % 3 == 0:
            CitationFactory(
                statement=statement,
                resolution=resolutions[0],
                as_written="Resolution 2254",
                paragraph=2,
            )
        built.append(statement)
    hidden = MentionFactory(
        statement=built[0],
        person=PersonFactory(name="Removed Person"),
        side=models.Mention.Side.SOC,
    )
    hidden.review = models.Review.REMOVED
    hidden.save()
    StatementFactory(title="A draft that is not public", status=models.Statement.Status.DRAFT)
    return built


def statement_with_facts(*, person, organization, place, resolution, **fields):
    """A published statement holding one fact of every kind: the unit of the query-count tests."""
    statement = StatementFactory(**fields)
    MentionFactory(
        statement=statement, person=person, role="President", side=models.Mention.Side.SOC
    )
    OrganizationMentionFactory(statement=statement, organization=organization)
    PlaceMentionFactory(statement=statement, place=place)
    CitationFactory(statement=statement, resolution=resolution)
    MeetingFactory(statement=statement, place=place)
    return statement
