"""factory_boy factories for the archive's models; tests name only what they care about."""

import datetime

import factory

from archive import models


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    title = factory.Sequence(lambda n: f"Coalition statement number {n}")
    body = factory.Sequence(
        lambda n: f"The Syrian Opposition Coalition issued statement {n}.\n"
        "It called for a political solution in Syria."
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
