"""The kinds of fact a statement can have, declared once.

A fact kind is a table of facts (one row per statement and value: a person mentioned, a
resolution cited, the kind of event reported) and what its value is: an entity with a page of
its own, or one of a few choices. Everything that lists the kinds is derived from `FACT_KINDS`:
the list page's filters, facets and chips, the in-memory index that counts them
(`archive.corpus_index`), the API's parameters, the entity pages' routes, the index pages with
their sitemaps and API routes, the loader's rows, the exports' columns, the names a search
recognises, the admin's fact tables and spellings, the review page's groups and forms and the
editing behind them, a permalink's facts, and which entities and spellings readers may see.
Adding a kind is adding its model (a `Reviewed` one: its history is kept) and one entry here.
A kind whose facts are derived rather than stored
(a role held at the statement's date: archive.roles) is a `RoleKind`; one whose facts are some
of another kind's rows (`only`: the people quoted among those mentioned) stores nothing itself.

Language and year are columns of the statement itself, not facts: they are facets too, declared
by `LANGUAGE` and `YEAR`.
"""

from dataclasses import dataclass, field
from operator import attrgetter

from django.db.models import Model
from django.urls import reverse

from archive.models import (
    Citation,
    FormerSlug,
    Meeting,
    Mention,
    Organization,
    OrganizationAlias,
    OrganizationMention,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    PlaceMention,
    Resolution,
)
from archive.models.statements import Language

UNDATED = "undated"
SLUG_MARK = "slug-of-the-entity"


@dataclass(frozen=True)
class FactKind:
    """A kind of fact; each attribute's comment says what it is and which module reads it."""

    name: str  # the URL parameter, the facet's name, the record of a search's fact
    label: str  # the facet's title: "People"
    singular: str  # the filter's and the chip's label: "Person"; a search card's "person"
    model: type[Model]  # the facts: a `statement` foreign key and the value's `column`
    column: str
    entity: type[Model] | None = None  # the value's model, whose `slug` is the URL's value
    entity_label: attrgetter = attrgetter("name")
    url_name: str = ""  # the entity's page (archive.views.entities, routed by archive.urls)
    url_path: str = ""  # "people": the entity pages are /people/<slug>/
    choices: tuple = ()  # the values when they are not entities: (value, label)
    only: tuple = ()  # the facts of this kind among the model's rows: (field, value) pairs
    # archive.loader.store: the columns of the rows it stores, in the order of its tuples.
    loader_columns: tuple = field(default=(), kw_only=True)
    # archive.records: the key of the values in an exported record, and their CSV column of
    # names unless archive.records gives the kind columns of its own.
    export_name: str = field(default="", kw_only=True)
    # The entity's other names: archive.search recognises and suggests them, and the admin
    # (archive.admin) edits them on the entity's page and lists them.
    aliases: type[Model] | None = field(default=None, kw_only=True)
    # archive.visibility: the facts' column of the words the text wrote, which make a spelling
    # of the entity public once a published statement wrote it.
    written: str = field(default="as_written", kw_only=True)
    # archive.search.entities: the entity's own columns it recognises besides its aliases.
    searched_columns: tuple = field(default=(), kw_only=True)
    # archive.search.entities: recognised by the last words of a spelling too ("Astepho"), as
    # releases and researchers name people by surname after the first mention.
    by_surname: bool = field(default=False, kw_only=True)
    # archive.search.cards: what a statement does to its values, in a card's link ("show only
    # the statements citing this resolution").
    verb: str = field(default="naming", kw_only=True)
    # archive.views.permalink and archive.admin.review: the title of a statement's facts of the
    # kind, when it is not `label` ("Resolutions cited").
    listed_as: str = field(default="", kw_only=True)
    # archive.admin.review and archive.editing: what the review page calls the kind's facts, in
    # their keys ("citation-12") and the actions of its forms ("add-citation").
    review_prefix: str = field(default="", kw_only=True)
    # archive.views.indexes: the entity's field of choices its index page filters by (an
    # organization's kind, a resolution's body); empty for people, filtered by the roles held.
    index_by: str = field(default="kind", kw_only=True)

    @property
    def stores_rows(self) -> bool:
        """Whether the kind's facts are rows of its own (not some of another kind's rows)."""
        return not self.only

    @property
    def facts_title(self) -> str:
        """The title of a statement's facts of this kind, on its permalink and review page."""
        return self.listed_as or self.label

    @property
    def named_as_written(self) -> bool:
        """Whether a fact is only an entity the text names: the entity, the words that name it
        and their paragraph (an organization, a place, a resolution cited; a person's mention
        says more). Editors add and correct such facts alike (archive.editing), and a
        permalink and the review page list them alike."""
        row = ("statement", "review", self.column, self.written, "paragraph")
        return self.entity is not None and self.loader_columns == row

    @property
    def reviewed_key(self) -> str:
        """The column of a row an editor reviewed that the loader (archive.loader.store) keeps
        from being extracted again: its entity, or the row itself for a kind a statement has one
        fact of."""
        return f"{self.column}_id" if self.entity else "id"

    @property
    def merged(self) -> bool:
        """Whether editors merge its entities (archive.editing: `MERGES`): the merged ones'
        pages answer 301 to the survivor's (archive.views.entities)."""
        return self.name in FormerSlug.Kind.values

    @property
    def facts_relation(self) -> str:
        """The statement's rows of this kind, `statement.<facts_relation>`: an entity's page
        lists each statement with them (archive.views.entities)."""
        return self.model._meta.get_field("statement").remote_field.related_name

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

    @property
    def stores_rows(self) -> bool:
        return False

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
        url_path="people",
        loader_columns=(
            "statement",
            "review",
            "person",
            "name_as_written",
            "role",
            "organization",
            "side",
            "spoke",
            "paragraph",
        ),
        export_name="people",
        aliases=PersonAlias,
        written="name_as_written",
        by_surname=True,
        review_prefix="mention",
        index_by="",
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
        url_path="organizations",
        loader_columns=("statement", "review", "organization", "as_written", "paragraph"),
        export_name="organizations",
        aliases=OrganizationAlias,
        searched_columns=("name", "abbreviation"),
        review_prefix="organization",
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
        url_path="resolutions",
        verb="citing",
        loader_columns=("statement", "review", "resolution", "as_written", "paragraph"),
        export_name="resolutions",
        listed_as="Resolutions cited",
        review_prefix="citation",
        index_by="body",
    ),
    FactKind(
        "place",
        "Places",
        "Place",
        PlaceMention,
        "place",
        entity=Place,
        url_name="archive:place-detail",
        url_path="places",
        loader_columns=("statement", "review", "place", "as_written", "paragraph"),
        export_name="places",
        aliases=PlaceAlias,
        searched_columns=("name",),
        review_prefix="place",
    ),
    FactKind(
        "kind",
        "Event",
        "Event",
        Meeting,
        "kind",
        choices=tuple(Meeting.Kind.choices),
        loader_columns=(
            "statement",
            "review",
            "kind",
            "format",
            "number",
            "date_as_written",
            "date",
            "place",
        ),
        export_name="event",
        review_prefix="meeting",
    ),
)

BY_NAME = {kind.name: kind for kind in FACT_KINDS}
# The kinds that store rows of their own: the loader's tables and the admin's fact tables.
STORED_KINDS = tuple(kind for kind in FACT_KINDS if kind.stores_rows)
# The kinds whose values are entities: each has its page (archive.urls routes them) and a search
# recognises them (archive.search).
ENTITY_KINDS = tuple(kind for kind in STORED_KINDS if kind.entity)
# The order a statement's kinds are read in: the event first, as a release reports it, then who,
# which bodies, where, and what was cited. The fields of an exported record and its CSV columns
# follow it (archive.records), and so do the index pages, their sitemaps and API routes
# (archive.views.indexes) and the facts a permalink and the review page list
# (archive.views.permalink, archive.admin.review). Roles held then are not in it: each person's
# role is exported and shown with them.
READING_ORDER = ("kind", "person", "spoke", "organization", "place", "resolution")


def in_reading_order(kinds) -> tuple:
    """`kinds` in `READING_ORDER`."""
    return tuple(sorted(kinds, key=lambda kind: READING_ORDER.index(kind.name)))


# The kinds whose facts only name an entity as the text wrote it, in reading order: editors add and
# correct them alike (archive.editing, archive.admin.review), and a permalink lists them alike.
AS_WRITTEN_KINDS = in_reading_order(kind for kind in STORED_KINDS if kind.named_as_written)


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
