"""What the list page says of the names a search recognised (archive.search.entities).

cards(query)           a card per recognised entity, with a link that keeps only its
                       statements: for a person who is quoted, those where they spoke
suggestions(raw)       names a search that found nothing may have meant
"""

from dataclasses import dataclass

from django.db import connections
from django.urls import reverse
from rapidfuzz import fuzz, process

from archive.models import Review, Statement
from archive.text import name_key

from .entities import FACT_TABLES, KINDS, parse_and_recognise
from .query import Fact, SearchQuery, parse

MAX_CARDS = 5
SUGGESTIONS = 5
# rapidfuzz's WRatio, out of 100, from which a name is offered for a search that found nothing.
SUGGESTION_SCORE = 80

KIND_LABELS = {
    "person": "person",
    "organization": "organization",
    "place": "place",
    "resolution": "resolution",
}
# The list's filter a card turns into, and its link's words, by kind (archive.kinds).
FILTER_LABELS = {
    "spoke": "show only the statements where they spoke",
    "person": "show only the statements naming this person",
    "organization": "show only the statements naming this organization",
    "place": "show only the statements naming this place",
    "resolution": "show only the statements citing this resolution",
}


@dataclass(frozen=True)
class Card:
    """What the list page says of an entity a search named."""

    kind: str
    name: str
    url: str
    statements: int
    first_year: int | None
    last_year: int | None
    filter_name: str  # the list's filter keeping only the statements with this fact
    filter_value: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def params(self) -> dict:
        """The list's parameters that keep only the statements with this fact."""
        return {self.filter_name: self.filter_value, "page": None}

    @property
    def filter_label(self) -> str:
        return FILTER_LABELS[self.filter_name]


def _filter_name(fact: Fact) -> str:
    """A person quoted or paraphrased somewhere is asked for as a speaker: who said what is
    what the archive is searched for; one only ever mentioned, as a name in the text."""
    return "spoke" if fact.kind == "person" and fact.spoke else fact.kind


def cards(query: SearchQuery) -> list[Card]:
    """A card per entity the query names (the MAX_CARDS with most statements): its published
    statements and the years they span, as recognition read them (no query of its own)."""
    facts = {(f.kind, f.pk): f for _, group in query.entity_groups() for f in group}
    result = [
        Card(
            kind=fact.kind,
            name=fact.name,
            url=reverse(f"archive:{fact.kind}-detail", kwargs={"slug": fact.slug}),
            statements=fact.statements,
            first_year=fact.first_year,
            last_year=fact.last_year,
            filter_name=_filter_name(fact),
            filter_value=fact.slug,
        )
        for fact in facts.values()
        if fact.slug and fact.statements  # one only drafts name stays unknown to readers
    ]
    result.sort(key=lambda card: (-card.statements, card.name))
    return result[:MAX_CARDS]


@dataclass(frozen=True)
class Suggestion:
    """A name the archive knows, close to words of a search that found nothing."""

    name: str
    kind: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _named_sql() -> tuple[str, list]:
    """One query: every name and alias of the people, organizations and places that have a
    published, visible statement (the names a suggestion may offer)."""
    parts, params = [], []
    for kind, (model, alias_model, link) in KINDS.items():
        table, column = FACT_TABLES[kind]
        named = (
            f"SELECT f.{column} FROM {table} f JOIN archive_statement s ON s.id = f.statement_id"
            " WHERE f.review <> %s AND s.status = %s"
        )
        parts.append(f"SELECT '{kind}', name FROM {model._meta.db_table} WHERE id IN ({named})")
        parts.append(
            f"SELECT '{kind}', name FROM {alias_model._meta.db_table} WHERE {link}_id IN ({named})"
        )
        params += [Review.REMOVED, Statement.Status.PUBLISHED] * 2
    return " UNION ALL ".join(parts), params


def suggestions(raw: str, *, using: str = "default") -> list[Suggestion]:
    """Known names and spellings close to the query's words (a misspelt name, another form),
    of entities the archive has published statements about."""
    query = parse(raw)
    words = [t.text for t in query.positive_terms if not t.quoted] or [
        t.text for t in query.positive_terms
    ]
    if not words:
        return []
    candidates: dict[str, Suggestion] = {}
    with connections[using].cursor() as cursor:
        cursor.execute(*_named_sql())
        for kind, name in cursor:
            candidates.setdefault(name, Suggestion(name, kind))
    wanted = " ".join(words)
    ranked = process.extract(
        wanted,
        list(candidates),
        scorer=fuzz.WRatio,
        limit=SUGGESTIONS * 2,
        score_cutoff=SUGGESTION_SCORE,
    )
    seen, result = set(), []
    for name, _, _ in ranked:
        if name_key(name) not in seen and name_key(name) != name_key(wanted):
            seen.add(name_key(name))
            result.append(candidates[name])
    return result[:SUGGESTIONS]


def page_context(raw: str, found_any: bool, *, using: str = "default") -> dict:
    """What the list page shows of a search's words: whether any is searchable, the cards of
    the names it recognised and, when nothing was found, names it may have meant."""
    if not raw:
        return {"searchable": True, "entity_cards": [], "entity_suggestions": []}
    query = parse_and_recognise(raw, using=using)
    searchable = not query.is_blank
    return {
        "searchable": searchable,
        "entity_cards": cards(query) if searchable else [],
        "entity_suggestions": suggestions(raw, using=using) if searchable and not found_any else [],
    }
