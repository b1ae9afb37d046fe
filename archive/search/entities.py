"""The people, organizations, places and resolutions a query names, and what the page says of them.

    recognise(query)       the parsed query, with each run of plain words that names a known
                           entity made one group: its spellings as alternative phrases, and its
                           fact (a statement mentioning or citing it matches whatever its text)
    cards(query)           a card per recognised entity, for the list page
    suggestions(raw)       names a search that found nothing may have meant

A name is recognised under any of its aliases by the extractor's own key (archive.text.name_key:
case, accents, hyphens, apostrophes and spaces folded, so "Bab Alhawa" is "Bab al-Hawa"), a
person also by the last words of an alias ("Astepho"), an organization or a place also by its
canonical name or abbreviation; a resolution in any citation form the extractor reads
("UNSCR 2254", "S/RES/2254", "القرار ٢٢٥٤": archive.loader.citations). Only words typed bare
take part: a quoted phrase stays literal text, and neither an OR nor an exclusion is read as a
name. The longest name wins, left to right.

Recognition costs one query (two with a citation) and, when something is recognised, two per
kind of entity found. Within a request its result is kept per query string: a page runs the same
search in several queries (matches, counts, facets).
"""

import threading
from dataclasses import dataclass

from django.core.signals import request_finished, request_started
from django.db import connections
from django.db.models import Count, F, Max, Min, Q
from rapidfuzz import fuzz, process

from archive.loader.citations import find_citations
from archive.models import (
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    Resolution,
    Statement,
)
from archive.text import fold, name_key

from .query import Fact, SearchQuery, Term, parse, split_words

MAX_NAME_WORDS = 6
MAX_CARDS = 5
MIN_KEY_CHARS = 2
MIN_SURNAME_CHARS = 4
MAX_SURNAME_WORDS = 2  # "Astepho", "Al Meslet"
SUGGESTIONS = 5
# rapidfuzz's WRatio, out of 100, from which a name is offered for a search that found nothing.
SUGGESTION_SCORE = 80

# kind: (model, its alias model, the alias's link to it)
KINDS = {
    "person": (Person, PersonAlias, "person"),
    "organization": (Organization, OrganizationAlias, "organization"),
    "place": (Place, PlaceAlias, "place"),
}
KIND_LABELS = {
    "person": "person",
    "organization": "organization",
    "place": "place",
    "resolution": "resolution",
}
FILTER_LABELS = {
    "person": "show only the statements naming this person",
    "organization": "show only the statements naming this organization",
    "place": "show only the statements naming this place",
    "resolution": "show only the statements citing this resolution",
}


def _eligible_runs(query: SearchQuery) -> list[list[int]]:
    """Runs of adjacent groups that are one bare word each (no quotes, no OR)."""
    runs, current = [], []
    for index, group in enumerate(query.required):
        if len(group) == 1 and not group[0].quoted:
            current.append(index)
        else:
            runs, current = runs + [current] if current else runs, []
    return runs + [current] if current else runs


def _windows(query: SearchQuery):
    """Yield (run, start, length, text) for every run of up to MAX_NAME_WORDS bare words."""
    for run in _eligible_runs(query):
        for start in range(len(run)):
            for length in range(1, min(MAX_NAME_WORDS, len(run) - start) + 1):
                words = [query.required[i][0].text for i in run[start : start + length]]
                yield tuple(run), start, length, " ".join(words)


KEY = '"key"'  # the aliases' key column, quoted: KEY is an SQL keyword


def _plain_key_sql(column: str) -> str:
    """name_key() of a column in SQL, accents aside: lower case, no space, hyphen or apostrophe.

    Canonical names have no stored key; their aliases do, accents folded.
    """
    sql = column
    for char in (" ", "-", "''", "’"):
        sql = f"REPLACE({sql}, '{char}', '')"
    return f"LOWER({sql})"


def _names_found(texts: set[str], using: str) -> dict[str, set[tuple[str, int]]]:
    """{name key: {(kind, pk)}} for the texts that name an entity, in one query.

    A person is also found by the last words of a name ("Astepho", "Al-Meslet"): releases
    name people by surname after the first mention, and so do researchers. People are found by
    their aliases only: the loader records every spelling of a person as one, and people are
    many (reading every canonical name cost more than the rest of the lookup).

    Plain SQL, the same on both engines: the ORM took longer to compile this union than the
    engine to run it.
    """
    keys = sorted({k for k in (name_key(t) for t in texts) if len(k) >= MIN_KEY_CHARS})
    if not keys:
        return {}
    surnames = sorted(
        {
            k
            for k in (name_key(t) for t in texts if len(t.split()) <= MAX_SURNAME_WORDS)
            if len(k) >= MIN_SURNAME_CHARS
        }
    )
    among = "(" + ", ".join(["%s"] * len(keys)) + ")"
    ending = "".join(f" OR {KEY} LIKE %s" for _ in surnames)
    parts, params = [], []
    for kind, (model, alias_model, link) in KINDS.items():
        table, alias_table = model._meta.db_table, alias_model._meta.db_table
        if kind == "person":
            parts.append(
                f"SELECT 'person', {link}_id, {KEY}, name FROM {alias_table} "
                f"WHERE {KEY} IN {among}{ending}"
            )
            params += [*keys, *(f"%{k}" for k in surnames)]
            continue
        parts.append(
            f"SELECT '{kind}', {link}_id, {KEY}, name FROM {alias_table} WHERE {KEY} IN {among}"
        )
        columns = ["name", "abbreviation"] if kind == "organization" else ["name"]
        for column in columns:
            key = _plain_key_sql(column)
            parts.append(f"SELECT '{kind}', id, {key}, name FROM {table} WHERE {key} IN {among}")
        params += keys * (1 + len(columns))
    found: dict[str, set[tuple[str, int]]] = {}
    with connections[using].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for kind, pk, key, name in cursor.fetchall():
            found.setdefault(key, set()).add((kind, pk))
            if kind == "person":
                for surname in _surnames_in(name, set(surnames)):
                    found.setdefault(surname, set()).add((kind, pk))
    return found


def _surnames_in(name: str, keys: set[str]) -> list[str]:
    """The keys among `keys` that are the last words of a name (folded, spaces removed)."""
    words = fold(name).split()
    endings = {"".join(words[i:]) for i in range(1, len(words))}
    return [k for k in keys if k in endings]


def _citations_found(texts: set[str], using: str) -> dict[str, set[tuple[str, int]]]:
    """{text: {("resolution", pk)}} for the texts that are one whole citation."""
    cited = {}
    for text in texts:
        citations = find_citations(text)
        if len(citations) == 1 and citations[0].as_written.strip() == text.strip():
            cited[text] = citations[0]
    if not cited:
        return {}
    wanted = Q()
    for citation in cited.values():
        wanted |= Q(body=citation.body, number=citation.number)
    ids = {
        (r.body, r.number): r.pk
        for r in Resolution.objects.using(using).filter(wanted).exclude(number="")
    }
    return {
        text: {("resolution", ids[(c.body, c.number)])}
        for text, c in cited.items()
        if (c.body, c.number) in ids
    }


def _facts_of(text: str, names, citations) -> set[tuple[str, int]]:
    return set(citations.get(text, ())) | names.get(name_key(text), set())


def _spellings(facts: set[tuple[str, int]], using: str) -> dict[tuple[str, int], Fact]:
    """Each fact with its display name, and the spellings that find it in text."""
    details = {}
    for kind, (model, _, _) in KINDS.items():
        pks = [pk for k, pk in facts if k == kind]
        for entity in model.objects.using(using).filter(pk__in=pks).prefetch_related("aliases"):
            names = [entity.name, getattr(entity, "abbreviation", "")]
            names += [alias.name for alias in entity.aliases.all()]
            details[kind, entity.pk] = (Fact(kind, entity.pk, entity.name), names)
    pks = [pk for k, pk in facts if k == "resolution"]
    for resolution in Resolution.objects.using(using).filter(pk__in=pks):
        details["resolution", resolution.pk] = (
            Fact("resolution", resolution.pk, resolution.label),
            [resolution.number],
        )
    return details


def recognise(query: SearchQuery, *, using: str = "default") -> SearchQuery:
    """The query with the names it contains turned into groups of spellings and facts."""
    windows = list(_windows(query))
    if not windows:
        return query
    texts = {text for *_, text in windows}
    names = _names_found(texts, using)
    citations = _citations_found(texts, using)
    if not names and not citations:
        return query
    # The longest name from each position, left to right.
    chosen: dict[tuple, list[tuple[int, int, set]]] = {}
    by_start: dict[tuple, dict[int, list]] = {}
    for run, start, length, text in windows:
        by_start.setdefault(run, {}).setdefault(start, []).append((length, text))
    for run, starts in by_start.items():
        position = 0
        while position < len(run):
            for length, text in sorted(starts.get(position, []), reverse=True):
                facts = _facts_of(text, names, citations)
                if facts:
                    chosen.setdefault(run, []).append((position, length, facts))
                    position += length
                    break
            else:
                position += 1
    if not chosen:
        return query
    details = _spellings({f for spans in chosen.values() for *_, fs in spans for f in fs}, using)
    return _rewritten(query, chosen, details)


def _rewritten(query: SearchQuery, chosen, details) -> SearchQuery:
    """The query with each chosen span of groups replaced by one group naming its entities."""
    replaced: dict[int, tuple[tuple[Term, ...], tuple[Fact, ...]]] = {}
    dropped: set[int] = set()
    for run, spans in chosen.items():
        for position, length, facts in spans:
            indexes = run[position : position + length]
            typed = Term(tuple(w for i in indexes for w in query.required[i][0].words))
            terms, seen = [typed], {typed.tokens}
            found = [details[f] for f in sorted(facts) if f in details]
            for _, spellings in found:
                for spelling in spellings:
                    term = Term(split_words(spelling or ""))
                    if term.tokens and term.tokens not in seen:
                        seen.add(term.tokens)
                        terms.append(term)
            replaced[indexes[0]] = (tuple(terms), tuple(fact for fact, _ in found))
            dropped.update(indexes[1:])
    required, facts = [], []
    for index, group in enumerate(query.required):
        if index in dropped:
            continue
        group, group_facts = replaced.get(index, (group, ()))
        required.append(group)
        facts.append(group_facts)
    return SearchQuery(
        required=tuple(required),
        excluded=query.excluded,
        truncated=query.truncated,
        facts=tuple(facts),
    )


def _related():
    # The list's own map of fact tables; imported late, since the filters import the search.
    from archive.filters import RELATED

    return RELATED


def _by_kind(facts) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for fact in facts:
        grouped.setdefault(fact.kind, []).append(fact.pk)
    return grouped


def facts_filter(facts: tuple[Fact, ...], using: str = "default") -> Q:
    """Statements having a visible fact among `facts`, as a filter on statements."""
    RELATED = _related()
    condition = Q()
    for kind, pks in _by_kind(facts).items():
        model, column = RELATED[kind]
        rows = model.objects.using(using).visible().filter(**{f"{column}_id__in": pks})
        condition |= Q(pk__in=rows.values("statement_id"))
    return condition


# A page runs its search in several queries: each request recognises a query string once.
_memo = threading.local()


def _start_memo(**kwargs):
    _memo.queries = {}


def _end_memo(**kwargs):
    _memo.queries = None


request_started.connect(_start_memo, dispatch_uid="search-entities-memo-start")
request_finished.connect(_end_memo, dispatch_uid="search-entities-memo-end")


def parse_and_recognise(raw: str | None, *, using: str = "default") -> SearchQuery:
    """parse() then recognise(); kept for the rest of the request when there is one."""
    memo = getattr(_memo, "queries", None)
    key = (using, raw or "")
    if memo is not None and key in memo:
        return memo[key]
    query = recognise(parse(raw), using=using)
    if memo is not None:
        memo[key] = query
    return query


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
        return FILTER_LABELS[self.kind]


def cards(query: SearchQuery, *, using: str = "default") -> list[Card]:
    """A card per entity the query names (the MAX_CARDS with most statements): its published
    statements and the years they span. Two queries per kind of entity, however many."""
    RELATED = _related()
    models = {kind: model for kind, (model, _, _) in KINDS.items()} | {"resolution": Resolution}
    facts = [fact for _, group in query.entity_groups() for fact in group]
    result = []
    for kind, pks in _by_kind(facts).items():
        model, column = RELATED[kind]
        spans = {
            row["entity"]: row
            for row in model.objects.using(using)
            .visible()
            .filter(**{f"{column}_id__in": pks}, statement__status=Statement.Status.PUBLISHED)
            .values(entity=F(f"{column}_id"))
            .annotate(
                n=Count("statement", distinct=True),
                first=Min("statement__date"),
                last=Max("statement__date"),
            )
            .order_by()
        }
        for entity in models[kind].objects.using(using).filter(pk__in=pks):
            span = spans.get(entity.pk, {"n": 0, "first": None, "last": None})
            result.append(
                Card(
                    kind=kind,
                    name=getattr(entity, "label", None) or entity.name,
                    url=entity.get_absolute_url(),
                    statements=span["n"],
                    first_year=span["first"].year if span["first"] else None,
                    last_year=span["last"].year if span["last"] else None,
                    filter_name=kind,
                    filter_value=entity.slug,
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
        return KIND_LABELS[self.kind]


def suggestions(raw: str, *, using: str = "default") -> list[Suggestion]:
    """Known names and spellings close to the query's words (a misspelt name, another form),
    of entities the archive has published statements about."""
    query = parse(raw)
    words = [t.text for t in query.positive_terms if not t.quoted] or [
        t.text for t in query.positive_terms
    ]
    if not words:
        return []
    RELATED = _related()
    candidates: dict[str, Suggestion] = {}
    for kind, (model, alias_model, link) in KINDS.items():
        # Only names that would find something: entities with a published, visible fact.
        facts, column = RELATED[kind]
        found = facts.objects.using(using).visible().filter(statement__status="published")
        named = model.objects.using(using).filter(pk__in=found.values(f"{column}_id"))
        for name in named.values_list("name", flat=True):
            candidates.setdefault(name, Suggestion(name, kind))
        aliases = alias_model.objects.using(using).filter(**{f"{link}__in": named.values("pk")})
        for alias in aliases.values_list("name", flat=True):
            candidates.setdefault(alias, Suggestion(alias, kind))
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
        "entity_cards": cards(query, using=using) if searchable else [],
        "entity_suggestions": suggestions(raw, using=using) if searchable and not found_any else [],
    }
