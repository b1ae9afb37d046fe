"""The API's items. Field names are stable within a version: add fields, never rename them."""

from ninja import Schema


class Event(Schema):
    kind: str
    date: str | None
    date_as_written: str | None
    place: str | None


class PersonFact(Schema):
    name: str
    slug: str
    side: str
    role: str | None
    organization: str | None
    spoke: bool
    paragraph: int


class EntityFact(Schema):
    name: str
    slug: str
    paragraph: int


class ResolutionFact(Schema):
    identifier: str
    label: str
    slug: str


class Statement(Schema):
    id: int
    permalink: str
    api_url: str
    title: str
    title_derived: bool
    date: str | None
    date_source: str | None
    language: str
    issued_by: str
    original_url: str | None
    synthetic: bool
    event: Event | None
    people: list[PersonFact]
    organizations: list[EntityFact]
    places: list[EntityFact]
    resolutions: list[ResolutionFact]


class Paragraph(Schema):
    n: int
    text: str
    permalink: str


class Citations(Schema):
    bibtex: str
    ris: str
    csl_json: str


class StatementDetail(Statement):
    paragraphs: list[Paragraph]
    citations: Citations


class Page(Schema):
    version: str
    count: int
    count_capped: bool
    page: int
    per_page: int
    next: str | None
    previous: str | None


class StatementPage(Page):
    results: list[Statement]


class Entity(Schema):
    slug: str
    name: str
    kind: str | None
    permalink: str
    api_url: str
    statements: int
    first_year: int | None
    last_year: int | None
    statements_api_url: str


class EntityPage(Page):
    results: list[Entity]


class Meeting(Schema):
    statement_id: int
    statement_permalink: str
    statement_api_url: str
    kind: str
    format: str
    number: int | None
    date: str | None
    date_as_written: str | None
    place: str | None


class MeetingPage(Page):
    results: list[Meeting]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
