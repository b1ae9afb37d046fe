"""The people, organizations, places and resolutions a query names, and what the page says of them.

    recognise(query)       the parsed query, with each run of plain words that names a known
                           entity made one group: its spellings as alternative phrases, and its
                           fact (a statement mentioning or citing it matches whatever its text)

(archive.search.cards shows them: a card per recognised entity, and the names a search that
found nothing may have meant.)

A name is recognised under any of its aliases by the extractor's own key (archive.text.name_key:
case, accents, hyphens, apostrophes and spaces folded, so "Bab Alhawa" is "Bab al-Hawa"), a
person also by the last words of an alias ("Astepho"), an organization or a place also by its
canonical name or abbreviation; a resolution in any citation form the extractor reads
("UNSCR 2254", "S/RES/2254", "القرار ٢٢٥٤": archive.loader.citations). Only words typed bare
take part: a quoted phrase stays literal text, and neither an OR nor an exclusion is read as a
name. The longest name wins, left to right.

Recognition costs one query, whatever the words: the names, their spellings and the cards'
counts all come from it (so a page runs the same queries for any search). Within a request its
result is kept per query string: a page runs the same search in several queries (matches, counts,
facets).
"""

import threading
from dataclasses import dataclass

from django.core.signals import request_finished, request_started
from django.db import connections
from django.db.models import Q

from archive.kinds import BY_NAME, ENTITY_KINDS
from archive.loader.citations import find_citations
from archive.models import Resolution
from archive.text import fold, name_key

from .query import Fact, SearchQuery, Term, parse, split_words

MAX_NAME_WORDS = 6
MIN_KEY_CHARS = 2
MIN_SURNAME_CHARS = 4
MAX_SURNAME_WORDS = 2  # "Astepho", "Al Meslet"
NO_KEY = " "  # a key no name has: keys hold no spaces (name_key() and _plain_key_sql drop them)

# The kinds a search recognises by their spellings (archive.kinds: `aliases`); a resolution is
# recognised by the citation forms the extractor reads instead (_cited()).
NAMED_KINDS = tuple(kind for kind in ENTITY_KINDS if kind.aliases)


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
RESOLUTION = BY_NAME["resolution"]


def _entity_columns(kind) -> str:
    """The entity row of a kind: (slug, name, abbreviation, number, year). A resolution has a
    title for a name, its body where an organization has its abbreviation, and a number and
    year, from which its label is made."""
    if kind is RESOLUTION:
        return "e.slug, e.title, e.body, e.number, e.year"
    abbreviation = "e.abbreviation" if "abbreviation" in kind.searched_columns else "NULL"
    return f"e.slug, e.name, {abbreviation}, NULL, NULL"


def _plain_key_sql(column: str) -> str:
    """name_key() of a column in SQL, accents aside: lower case, no space, hyphen or apostrophe.

    Canonical names have no stored key; their aliases do, accents folded.
    """
    sql = column
    for char in (" ", "-", "''", "’"):
        sql = f"REPLACE({sql}, '{char}', '')"
    return f"LOWER({sql})"


def _cited(texts: set[str]) -> dict[str, tuple[str, str]]:
    """{text: (body, number)} for the texts that are one whole citation of a resolution."""
    cited = {}
    for text in texts:
        citations = find_citations(text)
        if len(citations) == 1 and citations[0].as_written.strip() == text.strip():
            cited[text] = (citations[0].body, citations[0].number)
    return cited


def _hits_sql(keys: list[str], surnames: list[str], cited: dict) -> tuple[str, list]:
    """The rows (kind, pk, key, name) of every entity a key names: its alias, its name, its
    abbreviation, a person's surname, a resolution's citation (keyed by the citing text)."""
    among = "(" + ", ".join(["%s"] * len(keys)) + ")"
    parts, params = [], []
    for kind in NAMED_KINDS:
        table, alias_table = kind.entity._meta.db_table, kind.aliases._meta.db_table
        ending = "".join(f" OR {KEY} LIKE %s" for _ in surnames) if kind.by_surname else ""
        parts.append(
            f"SELECT '{kind.name}' AS kind, {kind.column}_id AS pk, {KEY} AS found, name "
            f"FROM {alias_table} WHERE {KEY} IN {among}{ending}"
        )
        params += keys + ([f"%{k}" for k in surnames] if kind.by_surname else [])
        # People are recognised by their aliases only: they are many, and each spelling is one.
        for column in kind.searched_columns:
            key = _plain_key_sql(column)
            parts.append(
                f"SELECT '{kind.name}', id, {key}, name FROM {table} WHERE {key} IN {among}"
            )
            params += keys
    for text, (body, number) in cited.items():
        parts.append(
            f"SELECT '{RESOLUTION.name}', id, %s, '' FROM {RESOLUTION.entity._meta.db_table} "
            "WHERE body = %s AND number = %s AND number <> ''"
        )
        params += [text, body, number]
    return " UNION ALL ".join(parts), params


def _lookup_sql(keys, surnames, cited) -> tuple[str, list]:
    """One query for everything the page will say of the names in a query.

    Rows ("hit", kind, pk, key, name): what each key names. Rows ("spelling", kind, pk, _,
    alias): every alias of an entity hit. Rows ("entity", kind, pk, slug, name, abbreviation,
    number, year): each entity hit (a resolution's name is its title and its body is in the
    abbreviation column). How many statements each has is the corpus index's to say (cards()).
    """
    hits, params = _hits_sql(keys, surnames, cited)
    # The first rows name the types of the columns others leave empty (PostgreSQL resolves a
    # UNION's types from left to right, and takes an untyped NULL for text).
    rows = [
        "SELECT 'hit', kind, pk, found, name, CAST(NULL AS TEXT), CAST(NULL AS TEXT), "
        "CAST(NULL AS INTEGER) FROM hits"
    ]
    for kind in NAMED_KINDS:
        rows.append(
            f"SELECT 'spelling', '{kind.name}', {kind.column}_id, NULL, name, NULL, NULL, NULL "
            f"FROM {kind.aliases._meta.db_table} "
            f"WHERE {kind.column}_id IN (SELECT pk FROM hits WHERE kind = '{kind.name}')"
        )
    for kind in ENTITY_KINDS:
        rows.append(
            f"SELECT 'entity', '{kind.name}', e.id, {_entity_columns(kind)} "
            f"FROM {kind.entity._meta.db_table} e "
            f"WHERE e.id IN (SELECT pk FROM hits WHERE kind = '{kind.name}')"
        )
    sql = f"WITH hits AS ({hits}) " + " UNION ALL ".join(rows)
    return sql, params


@dataclass
class _Found:
    """What one query told of the names in a query (see _lookup_sql)."""

    by_key: dict[str, set[tuple[str, int]]]
    facts: dict[tuple[str, int], Fact]
    spellings: dict[tuple[str, int], list[str]]


def _lookup(texts: set[str], using: str) -> _Found:
    """The entities the texts name, their spellings and their statements, in one query.

    A person is also found by the last words of an alias ("Astepho", "Al-Meslet"): releases
    name people by surname after the first mention, and so do researchers. Plain SQL, the same
    on both engines: the ORM took longer to compile it than the engine to run it. One query
    whatever it finds, so a page's query count never depends on its words.
    """
    # No key at all still asks the database, for nothing: one query whatever the words. The
    # stand-in must match no row: an empty key would match every empty abbreviation.
    keys = sorted({k for k in (name_key(t) for t in texts) if len(k) >= MIN_KEY_CHARS}) or [NO_KEY]
    surnames = sorted(
        {
            k
            for k in (name_key(t) for t in texts if len(t.split()) <= MAX_SURNAME_WORDS)
            if len(k) >= MIN_SURNAME_CHARS
        }
    )
    found = _Found({}, {}, {})
    with connections[using].cursor() as cursor:
        cursor.execute(*_lookup_sql(keys, surnames, _cited(texts)))
        for row, kind, pk, key, name, abbreviation, number, year in cursor:
            entity = (kind, pk)
            if row == "hit":
                found.by_key.setdefault(key, set()).add(entity)
                if BY_NAME[kind].by_surname:
                    for surname in _surnames_in(name, set(surnames)):
                        found.by_key.setdefault(surname, set()).add(entity)
            elif row == "spelling":
                found.spellings.setdefault(entity, []).append(name)
            else:
                label = name
                if kind == RESOLUTION.name:
                    label = Resolution(
                        body=abbreviation, number=number, year=year, title=name or ""
                    ).label
                found.facts[entity] = Fact(kind, pk, label, slug=key)
                own = [number] if kind == RESOLUTION.name else [name, abbreviation]
                found.spellings.setdefault(entity, []).extend(x for x in own if x)
    return found


def _surnames_in(name: str, keys: set[str]) -> list[str]:
    """The keys among `keys` that are the last words of a name (folded, spaces removed)."""
    words = fold(name).split()
    endings = {"".join(words[i:]) for i in range(1, len(words))}
    return [k for k in keys if k in endings]


def recognise(query: SearchQuery, *, using: str = "default") -> SearchQuery:
    """The query with the names it contains turned into groups of spellings and facts."""
    if query.is_blank:
        return query
    windows = list(_windows(query))
    # Looked up even when no word is bare (a quoted phrase): a search page then runs the same
    # queries whatever its words, as the benchmark's smoke run checks.
    found = _lookup({text for *_, text in windows}, using)
    if not windows or not found.by_key:
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
                facts = found.by_key.get(name_key(text), set()) | found.by_key.get(text, set())
                if facts:
                    chosen.setdefault(run, []).append((position, length, facts))
                    position += length
                    break
            else:
                position += 1
    return _rewritten(query, chosen, found) if chosen else query


def _rewritten(query: SearchQuery, chosen, found: _Found) -> SearchQuery:
    """The query with each chosen span of groups replaced by one group naming its entities."""
    replaced: dict[int, tuple[tuple[Term, ...], tuple[Fact, ...]]] = {}
    dropped: set[int] = set()
    for run, spans in chosen.items():
        for position, length, entities in spans:
            indexes = run[position : position + length]
            typed = Term(tuple(w for i in indexes for w in query.required[i][0].words))
            terms, seen = [typed], {typed.tokens}
            facts = [found.facts[e] for e in sorted(entities) if e in found.facts]
            for fact in facts:
                for spelling in found.spellings.get((fact.kind, fact.pk), []):
                    term = Term(split_words(spelling))
                    if term.tokens and term.tokens not in seen:
                        seen.add(term.tokens)
                        terms.append(term)
            replaced[indexes[0]] = (tuple(terms), tuple(facts))
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


def _by_kind(facts) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for fact in facts:
        grouped.setdefault(fact.kind, []).append(fact.pk)
    return grouped


def facts_filter(facts: tuple[Fact, ...], using: str = "default") -> Q:
    """Statements having a visible fact among `facts`, as a filter on statements."""
    condition = Q()
    for kind, pks in _by_kind(facts).items():
        fact_kind = BY_NAME[kind]
        rows = (
            fact_kind.model.objects.using(using)
            .visible()
            .filter(**{f"{fact_kind.column}_id__in": pks})
        )
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
