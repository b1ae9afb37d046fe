"""What the list page says of the names a search recognised (archive.search.entities).

cards(query, index)    a card per recognised entity, with a link that keeps only its
                       statements: for a person who is quoted, those where they spoke
suggestions(raw, index) names a search that found nothing may have meant

What readers can see of an entity (its published statements, the years they span, whether it
is quoted) comes from the corpus index, so a card costs the same for an entity named in ten
statements or in all of them.
"""

from dataclasses import dataclass

from django.db import connections
from django.urls import reverse
from rapidfuzz import fuzz, process

from archive.corpus_index import CorpusIndex
from archive.kinds import BY_NAME
from archive.text import name_key

from .entities import NAMED_KINDS, parse_and_recognise
from .query import Fact, SearchQuery, parse

MAX_CARDS = 5
SUGGESTIONS = 5
# rapidfuzz's WRatio, out of 100, from which a name is offered for a search that found nothing.
SUGGESTION_SCORE = 80

# A card's link to the statements where a person quoted somewhere spoke (filter `spoke`).
SPOKE_LABEL = "show only the statements where they spoke"


def _kind_label(kind: str) -> str:
    """ "person": what a card says its entity is (archive.kinds: the kind's `singular`)."""
    return BY_NAME[kind].singular.lower()


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
        return _kind_label(self.kind)

    @property
    def params(self) -> dict:
        """The list's parameters that keep only the statements with this fact."""
        return {self.filter_name: self.filter_value, "page": None}

    @property
    def filter_label(self) -> str:
        if self.filter_name == "spoke":
            return SPOKE_LABEL
        return f"show only the statements {BY_NAME[self.kind].verb} this {self.kind_label}"


def _filter_name(fact: Fact, index: CorpusIndex) -> str:
    """A person quoted or paraphrased somewhere is asked for as a speaker: who said what is
    what the archive is searched for; one only ever mentioned, as a name in the text."""
    quoted = fact.kind == "person" and fact.slug in index.values.get("spoke", {})
    return "spoke" if quoted else fact.kind


def cards(query: SearchQuery, index: CorpusIndex) -> list[Card]:
    """A card per entity the query names that readers can see (the MAX_CARDS with most
    statements): its published statements and the years they span."""
    facts = {(f.kind, f.pk): f for _, group in query.entity_groups() for f in group}
    result = []
    for fact in facts.values():
        positions = index.values.get(fact.kind, {}).get(fact.slug)
        if not positions:  # one only drafts name stays unknown to readers
            continue
        first_year, last_year = index.years_spanned(positions)
        result.append(
            Card(
                kind=fact.kind,
                name=fact.name,
                url=reverse(BY_NAME[fact.kind].url_name, kwargs={"slug": fact.slug}),
                statements=len(positions),
                first_year=first_year,
                last_year=last_year,
                filter_name=_filter_name(fact, index),
                filter_value=fact.slug,
            )
        )
    result.sort(key=lambda card: (-card.statements, card.name))
    return result[:MAX_CARDS]


@dataclass(frozen=True)
class Suggestion:
    """A name the archive knows, close to words of a search that found nothing."""

    name: str
    kind: str

    @property
    def kind_label(self) -> str:
        return _kind_label(self.kind)


def _named_sql() -> str:
    """One query: every name and alias of the people, organizations and places, with their
    entity's slug. Which of them have a published, visible statement is the corpus index's to
    say: reading the facts here would cost a scan of every fact table per search."""
    parts = []
    for kind in NAMED_KINDS:
        table, alias_table = kind.entity._meta.db_table, kind.aliases._meta.db_table
        parts.append(f"SELECT '{kind.name}', slug, name FROM {table}")
        parts.append(
            f"SELECT '{kind.name}', e.slug, a.name FROM {alias_table} a "
            f"JOIN {table} e ON e.id = a.{kind.column}_id"
        )
    return " UNION ALL ".join(parts)


def suggestions(raw: str, index: CorpusIndex, *, using: str = "default") -> list[Suggestion]:
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
        cursor.execute(_named_sql())
        for kind, slug, name in cursor:
            if slug in index.values.get(kind, {}):
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


def page_context(raw: str, found_any: bool, index: CorpusIndex, *, using: str = "default") -> dict:
    """What the list page shows of a search's words: whether any is searchable, the cards of
    the names it recognised and, when nothing was found, names it may have meant."""
    if not raw:
        return {"searchable": True, "entity_cards": [], "entity_suggestions": []}
    query = parse_and_recognise(raw, using=using)
    searchable = not query.is_blank
    return {
        "searchable": searchable,
        "entity_cards": cards(query, index) if searchable else [],
        "entity_suggestions": (
            suggestions(raw, index, using=using) if searchable and not found_any else []
        ),
    }
