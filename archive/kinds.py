"""The kinds of fact a statement can have, declared once.

A fact kind is a table of facts (one row per statement and value: a person mentioned, a
resolution cited, the kind of event reported) and what its value is: an entity with a page of
its own, or one of a few choices. The list page's filters, facets and chips, and the in-memory
index that counts them (`archive.corpus_index`), are all derived from `FACT_KINDS`; adding a kind
is adding its model and one entry here. A kind whose facts are derived rather than stored (a role
held at the statement's date: archive.roles) is a `RoleKind`.

Language and year are columns of the statement itself, not facts: they are facets too, declared
by `LANGUAGE` and `YEAR`.
"""

from dataclasses import dataclass
from operator import attrgetter

from django.db.models import Model
from django.urls import reverse

from archive.models import (
    Citation,
    Meeting,
    Mention,
    Organization,
    OrganizationMention,
    Person,
    Place,
    PlaceMention,
    Resolution,
)
from archive.models.statements import Language

UNDATED = "undated"
SLUG_MARK = "slug-of-the-entity"


@dataclass(frozen=True)
class FactKind:
    name: str  # the URL parameter, and the facet's name
    label: str  # the facet's title: "People"
    singular: str  # the filter's and the chip's label: "Person"
    model: type[Model]  # the facts: a `statement` foreign key and the value's `column`
    column: str
    entity: type[Model] | None = None  # the value's model, whose `slug` is the URL's value
    entity_label: attrgetter = attrgetter("name")
    url_name: str = ""  # the entity's page
    choices: tuple = ()  # the values when they are not entities: (value, label)
    only: tuple = ()  # the facts of this kind among the model's rows: (field, value) pairs

    def facts(self):
        """The facts readers see (an editor's removal hides one everywhere)."""
        return self.model.objects.visible().filter(**dict(self.only))

    def shown(self, present) -> list[tuple]:
        """(value, key, label, url) of the values in `present`: how the facets show them."""
        if self.entity is None:
            labels = dict(self.choices)
            return [(value, value, labels.get(value, value), "") for value in present]
        # One reverse() for all: a slug is made of URL-safe characters only.
        page = reverse(self.url_name, kwargs={"slug": SLUG_MARK})
        return [
            (
                entity.pk,
                entity.slug,
                self.entity_label(entity),
                page.replace(SLUG_MARK, entity.slug),
            )
            for entity in self.entity.objects.all()
            if entity.pk in present
        ]


@dataclass(frozen=True)
class RoleKind(FactKind):
    """A role held at the statement's date by someone it names (`spoke_only`: quotes), derived
    from the roles over time (archive.roles). Its values are `roles.Role`, keyed by slug."""

    model: type[Model] = Mention
    column: str = "person"
    spoke_only: bool = False

    def shown(self, present) -> list[tuple]:
        return [(role, role.slug, role.name, "") for role in present]


FACT_KINDS = (
    FactKind(
        "person",
        "People",
        "Person",
        Mention,
        "person",
        entity=Person,
        url_name="archive:person-detail",
    ),
    FactKind(
        "spoke",
        "Quoted or paraphrased",
        "Quoted or paraphrased",
        Mention,
        "person",
        entity=Person,
        url_name="archive:person-detail",
        only=(("spoke", True),),
    ),
    RoleKind("role", "Roles held then", "Role held then"),
    RoleKind("spoke_as", "Quoted or paraphrased, as", "Quoted as", spoke_only=True),
    FactKind(
        "organization",
        "Organizations",
        "Organization",
        OrganizationMention,
        "organization",
        entity=Organization,
        url_name="archive:organization-detail",
    ),
    FactKind(
        "resolution",
        "Resolutions",
        "Resolution",
        Citation,
        "resolution",
        entity=Resolution,
        entity_label=attrgetter("identifier"),
        url_name="archive:resolution-detail",
    ),
    FactKind(
        "place",
        "Places",
        "Place",
        PlaceMention,
        "place",
        entity=Place,
        url_name="archive:place-detail",
    ),
    FactKind("kind", "Event", "Event", Meeting, "kind", choices=tuple(Meeting.Kind.choices)),
)

BY_NAME = {kind.name: kind for kind in FACT_KINDS}


@dataclass(frozen=True)
class Column:
    """A facet on a column of the statement itself."""

    name: str
    label: str
    choices: tuple = ()


LANGUAGE = Column("language", "Language", tuple(Language.choices))
YEAR = Column("year", "Year")

# Every facet of the list page, in the order it shows them.
FACETS = {
    **{kind.name: kind.label for kind in FACT_KINDS},
    LANGUAGE.name: LANGUAGE.label,
    YEAR.name: YEAR.label,
}


def choice_labels(name: str) -> dict[str, str]:
    """The labels of a facet whose values are choices (empty for entities and years)."""
    kind = BY_NAME.get(name) or {LANGUAGE.name: LANGUAGE}.get(name)
    return dict(kind.choices) if kind else {}
