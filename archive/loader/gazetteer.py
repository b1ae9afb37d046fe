"""The extractor's reference data: what it knows of the world before it reads a release.

- Organizations and places with every known name (`find_organizations`, `find_places`,
  `organization`, `place`). A government is an organization named like its country ("France"):
  it is never sought in text, where the name is the place, but titles resolve to it.
- Countries' adjectives and demonyms: `country_of_adjective("Emirati")` is the United Arab
  Emirates. They are not names of the place ("Russian jets" names no place).
- Places whose name is also a common word or a person's name (`Entry.needs_context`) are found
  only where the words around them show a place: after "in", "from", "near"..., or next to
  another place in a list.
- Known people, the ones releases name again and again, with their spellings and their posts
  over the years: `known_people("Kerry")` (a surname alone, or a full name in any known
  spelling) gives the candidates, and `post_of(person, 2016)` the title held that year.
- Resolutions and other cited instruments, by identifier.

Built once per process (from the fixtures, or from the database so that editors' additions count)
and then reused for every release: the surface forms are compiled into one trie-shaped regular
expression per entity type, which the regex engine rejects in a character or two at most positions,
so scanning a release costs well under a millisecond even with thousands of aliases.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from archive.text import name_key

from .body_variants import variant_key
from .names import name_parts, person_key

FIXTURES_DIR = Path(__file__).resolve().parent.parent.parent / "fixtures" / "reference"

# Same-length substitutions, so offsets in the normalized text are offsets in the original.
_NORMALIZE = (
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
    ("`", "'"),
    ("“", '"'),
    ("”", '"'),
    ("–", "-"),
    ("—", "-"),
    ("‑", "-"),
    ("\u00a0", " "),
)
_FOLDED_WORDS = 4  # names of this many words are matched whatever their case
_SEPARATOR = "\x00"  # stands for "a space or a hyphen" inside the trie
# Keys of the names looked up in text: the same few recur in release after release, and folding
# one (accents, case, hyphens) costs microseconds.
_lookup_key = lru_cache(maxsize=65536)(name_key)


def normalize(text: str) -> str:
    """Typographic quotes, dashes and non-breaking spaces as ASCII, keeping every offset."""
    for typographic, plain in _NORMALIZE:  # str.replace is much faster than str.translate here
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def surface_key(text: str) -> str:
    """The lookup form of a matched surface: normalized, hyphens and space runs as one space."""
    return " ".join(re.sub(r"[\s-]+", " ", normalize(text)).split())


@dataclass(frozen=True)
class Entry:
    """An organization or place: canonical name, kind, parent's name, every known surface form.

    `adjectives` are a country's ("French"); `needs_context` marks a place whose name is also a
    word or a person's name ("Chad", "Salma"), taken for the place only in a place's context.
    """

    name: str
    kind: str
    parent: str | None
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    needs_context: bool = False


@dataclass(frozen=True)
class Post:
    """A title held in an organization from one year to another (`end` None: still, or unknown).

    `organization` is a canonical organization name; a government's is its country's ("France").
    """

    role: str
    organization: str
    start: int | None
    end: int | None
    verified: bool = True

    def held_in(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class KnownPerson:
    """Someone releases name again and again: canonical name, every known spelling, posts."""

    name: str
    names: tuple[str, ...]
    posts: tuple[Post, ...] = ()


@dataclass(frozen=True)
class ResolutionEntry:
    identifier: str
    body: str
    number: str
    year: int | None


@dataclass(frozen=True)
class Found:
    """A gazetteer hit in a text: offsets, the words as written and the entries they may name."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as a trie so alternatives share their prefixes."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(_SEPARATOR if char in " -" else char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = []
        # The branches start with different characters, so at most one applies; the engine tries
        # them in order, and running text is mostly lowercase: those first.
        for char in sorted(
            (c for c in node if c), key=lambda c: (not c.islower(), -_depth(node[c]))
        ):
            piece = r"[\s-]+" if char == _SEPARATOR else re.escape(char)
            branches.append(piece + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # The end marker last (an optional group is greedy), so the longest alias wins.
        return f"(?:{body})?" if ends else body

    return emit(trie)


def words_pattern(words: list[str]) -> str:
    """A regex for any of `words` (regex fragments, each starting with a letter) as whole words.

    A look-ahead for their first letters comes first: with it the engine rejects most words of a
    text in one test, where it would otherwise try each alternative in turn (under IGNORECASE it
    cannot skip an alternative by its first character).
    """
    if not all(word[:1].isalpha() for word in words):
        raise ValueError("each word must start with a letter (its look-ahead would miss it)")
    first_letters = "".join(sorted({word[0] for word in words}))
    return rf"\b(?=[{first_letters}])(?:{'|'.join(words)})\b"


# The second of a pair joined by a hyphen after an abbreviation: "UN-Arab League envoy".
_PAIRED = re.compile(r"(?<![\w'-])[A-Z]{2,}-$")


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for child in node.values()), default=0)


# Words before a place's name that show it is one: "in Jordan", "from Harem", "near Nawa".
_LOCATIVE = re.compile(
    r"\b(?:in|at|from|to|into|near|towards?|across|outside|inside|around|via|through|"
    r"between|of|on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_REACH = 12  # characters before a name where _LOCATIVE may start


class Gazetteer:
    """Known organizations, places, countries' adjectives, people and resolutions."""

    def __init__(
        self,
        *,
        organizations: list[Entry],
        places: list[Entry],
        resolutions: list[ResolutionEntry],
        people: list[KnownPerson] = (),
    ) -> None:
        self.organizations = {e.name: e for e in organizations}
        places = [_with_transliterations(e) for e in places]
        self.places = {e.name: e for e in places}
        self.resolutions = {r.identifier: r for r in resolutions}
        self.people = {p.name: p for p in people}
        self._place_surfaces, self._place_re = self._index(places)
        # Every adjective as written, to its country's name ("Emirati": "United Arab Emirates").
        self.adjectives = {word: e.name for e in places for word in e.adjectives}
        self._adjectives: dict[str, Entry] = {}
        for entry in sorted(places, key=lambda e: e.kind == "country"):  # a country's wins
            self._adjectives.update((_lookup_key(word), entry) for word in entry.adjectives)
        self._people_by_name, self._people_by_surname = _people_index(people)
        # A government known by its country's name ("France", from "France's Special Envoy") is not
        # sought in text: there the name is the place, and titles give the organization.
        place_keys = {name_key(n) for e in places for n in e.names}
        self._org_surfaces, self._org_re = self._index(
            [e for e in organizations if not all(name_key(n) in place_keys for n in e.names)]
        )
        self._org_keys = self._keys(organizations)
        # Long names are recognized whatever their case: "friends of the Syrian people".
        self._folded_surfaces = {
            surface_key(name).lower(): (entry,)
            for entry in organizations
            for name in entry.names
            if len(name.split()) >= _FOLDED_WORDS and not name.lower().startswith("the ")
        }
        self._folded_re = re.compile(
            rf"(?:{trie_pattern(sorted(self._folded_surfaces)) or '(?!)'})(?!\w)"
        )
        # The coalition itself: the root of the coalition's bodies. Its people are "our side".
        roots = [e.name for e in organizations if e.kind == "coalition" and not e.parent]
        self.coalition = roots[0] if roots else None
        self.coalition_family = frozenset(
            n for n in self.organizations if self.coalition and self.is_within(n, self.coalition)
        )
        self._place_keys = self._keys(places)
        variants = defaultdict(set)
        for name in self.coalition_family - {self.coalition}:
            for written in self.organizations[name].names:
                variants[variant_key(written)].add(name)
        self._coalition_variants = {
            key: self.organizations[names.pop()]
            for key, names in variants.items()
            if len(names) == 1
        }

    @staticmethod
    def _index(entries: list[Entry]) -> tuple[dict[str, tuple[Entry, ...]], re.Pattern]:
        surfaces: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            for name in entry.names:
                # "the Coalition" opens sentences too: "The Coalition's President ..."
                for form in (name, "The" + name[3:]) if name.startswith("the ") else (name,):
                    key = surface_key(form)
                    if key and entry not in surfaces[key]:
                        surfaces[key].append(entry)
        pattern = trie_pattern(sorted(surfaces)) or "(?!)"
        compiled = re.compile(rf"(?:{pattern})(?!\w)")  # the start is checked in _find: faster
        lookup = {k: tuple(v) for k, v in surfaces.items()}
        # Matches are mostly written exactly as known: look those up without computing a key.
        lookup.update({normalize(n): lookup[surface_key(n)] for e in entries for n in e.names if n})
        return lookup, compiled

    @staticmethod
    def _keys(entries: list[Entry]) -> dict[str, Entry]:
        keys: dict[str, Entry] = {}
        for entry in entries:
            for name in entry.names:
                keys.setdefault(name_key(name), entry)
        return keys

    def find_organizations(self, text: str) -> list[Found]:
        """Every organization surface form in `text` (already `normalize`d), longest match first;
        a long name also in another case than the known one ("friends of the Syrian people")."""
        found = self._find(text, self._org_re, self._org_surfaces)
        folded = text.lower()
        if len(folded) != len(text):
            return found  # a character whose lowercase is longer: offsets would not hold
        taken = {(f.start, f.end) for f in found}
        starts = {f.start for f in found}
        extra = [
            Found(f.start, f.end, text[f.start : f.end], f.entries)
            for f in self._find(folded, self._folded_re, self._folded_surfaces)
            if (f.start, f.end) not in taken
            and f.start not in starts
            and not any(s <= f.start < e or f.start <= s < f.end for s, e in taken)
            and any(char.isupper() for char in text[f.start : f.end])
        ]
        return sorted(found + extra, key=lambda f: f.start) if extra else found

    def find_places(self, text: str) -> list[Found]:
        """Every place surface form in `text` (`normalize`d); one that `needs_context` only in one.

        The context: a word such as "in", "from" or "near" right before it, or another place
        right next to it in a list ("Jordan, Lebanon and Turkey").
        """
        found = self._find(text, self._place_re, self._place_surfaces)
        if not any(f.entries[0].needs_context for f in found):
            return found
        return [
            f
            for i, f in enumerate(found)
            if not f.entries[0].needs_context
            or _LOCATIVE.search(text, max(0, f.start - _LOCATIVE_REACH), f.start)
            or _listed_with_a_place(text, found, i)
        ]

    def country_of_adjective(self, word: str) -> Entry | None:
        """The country (or territory) an adjective or demonym names: "French" -> France, "U.S."
        -> United States. Adjectives are capitalized: "us" is a pronoun, not the US."""
        return self._adjectives.get(_lookup_key(word)) if word[:1].isupper() else None

    def known_people(self, name: str) -> tuple[KnownPerson, ...]:
        """The known people `name` may be: a full name in any known spelling ("Khaled Khoja",
        "Khalid Khoja"), or a surname alone ("Khoja", "Al-Bahra", "de Mistura"), which may fit
        several ("Al-Hariri"). Spellings compare as `names.person_key` does."""
        if len(name_parts(name)) == 1:
            return self._people_by_surname.get(person_key(name), ())
        return self._people_by_name.get(person_key(name), ())

    def post_of(self, person: KnownPerson | str, year: int | None) -> Post | None:
        """The post `person` held in `year` (the latest taken up, if several); without a year,
        their only post, if they had one."""
        if isinstance(person, str):
            person = self.people.get(person)
        if person is None:
            return None
        if year is None:
            return person.posts[0] if len(person.posts) == 1 else None
        held = [p for p in person.posts if p.held_in(year)]
        return max(held, key=lambda p: p.start or 0) if held else None

    @staticmethod
    def _find(text, regex, surfaces) -> list[Found]:
        return [
            Found(
                m.start(),
                m.end(),
                m.group(),
                surfaces.get(m.group()) or surfaces[surface_key(m.group())],
            )
            for m in regex.finditer(text)
            if not m.start()
            or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'-")
            or _PAIRED.search(text, max(0, m.start() - 8), m.start())
        ]

    def organization(self, text: str) -> Entry | None:
        """The organization called `text`, compared loosely (case, hyphens, accents), if known."""
        return self._org_keys.get(_lookup_key(text))

    def coalition_body(self, text: str) -> Entry | None:
        """The body of the coalition that `text` names in another form ("Department of Foreign
        Affairs" for the Foreign Relations Department), for a body written as the coalition's."""
        return self._coalition_variants.get(variant_key(text))

    def place(self, text: str) -> Entry | None:
        return self._place_keys.get(_lookup_key(text))

    def is_within(self, name: str, ancestor: str) -> bool:
        """Whether organization `name` is `ancestor` or one of its bodies (parent links)."""
        seen = set()
        while name and name not in seen:
            if name == ancestor:
                return True
            seen.add(name)
            entry = self.organizations.get(name)
            name = entry.parent if entry else None
        return False

    def known_keys(self, name: str) -> set[str]:
        """Match keys of every known name of the organization or place called `name`."""
        keys = {name_key(name)}
        for entry in (self.organization(name), self.place(name)):
            if entry:
                keys.update(name_key(n) for n in entry.names)
        return keys

    @classmethod
    def from_fixtures(cls, directory: Path = FIXTURES_DIR) -> Gazetteer:
        """The gazetteer of the reference fixtures, read as plain JSON (no database needed)."""
        return _from_fixtures(Path(directory))

    @classmethod
    def from_database(cls) -> Gazetteer:
        """The gazetteer of the reference tables, editors' additions included."""
        from archive.models import KnownPerson as KnownPersonRow
        from archive.models import Organization, Place, Resolution

        organizations = [
            Entry(
                o.name,
                o.kind,
                o.parent.name if o.parent else None,
                _names(o.name, o.abbreviation, *(a.name for a in o.aliases.all())),
            )
            for o in Organization.objects.select_related("parent").prefetch_related("aliases")
        ]
        places = [
            Entry(
                p.name,
                p.kind,
                p.parent.name if p.parent else None,
                _names(p.name, *(a.name for a in p.aliases.all())),
                _names(*(d.name for d in p.demonyms.all())),
                p.needs_context,
            )
            for p in Place.objects.select_related("parent").prefetch_related("aliases", "demonyms")
        ]
        resolutions = [
            ResolutionEntry(r.identifier, r.body, r.number, r.year)
            for r in Resolution.objects.filter(verified=True)
        ]
        people = [
            KnownPerson(
                p.name,
                _names(p.name, *(n.name for n in p.names.all())),
                _in_order(
                    Post(post.role, post.organization.name, post.start, post.end, post.verified)
                    for post in p.posts.all()
                ),
            )
            for p in KnownPersonRow.objects.prefetch_related("names", "posts__organization")
        ]
        return cls(
            organizations=organizations, places=places, resolutions=resolutions, people=people
        )


def resolution_identifier(body: str, number: str, title: str, year: int | None) -> str:
    """The identifier `Resolution.identifier` gives: "UNSC 2254", "Geneva Communique 2012"."""
    if number:
        return f"{body} {number}"
    return f"{title} {year}" if year else title


# The first word of a place's name as it is transliterated in several ways ("Tal Abyad", "Tel
# Abyad", "Tell Abyad"; "Kafr Nabl", "Kfar Nabl"; "Deir ez-Zor", "Dayr ez-Zor").
_TRANSLITERATIONS = (("Tal", "Tel", "Tell"), ("Kafr", "Kfar", "Kafar"), ("Deir", "Dayr", "Dair"))


def _with_transliterations(entry: Entry) -> Entry:
    """`entry` with the other usual transliterations of its names' first word."""
    extra = []
    for name in entry.names:
        first, _, rest = name.partition(" ")
        for forms in _TRANSLITERATIONS:
            if first in forms and rest:
                extra += [f"{form} {rest}" for form in forms if form != first]
    new = [name for name in dict.fromkeys(extra) if name not in entry.names]
    return replace(entry, names=(*entry.names, *new)) if new else entry


def _names(*names: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))


def _in_order(posts: Iterable[Post]) -> tuple[Post, ...]:
    """A person's posts by the year taken up, then the year left (unknown ones first), then title
    and organization: posts taken up the same year keep one order whatever order the database
    returns its rows in, so both engines and the fixtures agree."""
    return tuple(sorted(posts, key=lambda p: (p.start or 0, p.end or 9999, p.role, p.organization)))


def _listed_with_a_place(text: str, found: list[Found], i: int) -> bool:
    """Whether place `i` stands in a list next to another place ("Jordan, Lebanon and Turkey")."""
    neighbours = [(found[i - 1], found[i])] if i else []
    if i + 1 < len(found):
        neighbours.append((found[i], found[i + 1]))
    return any(
        not (a.entries[0].needs_context and b.entries[0].needs_context)
        and _LIST_GAP.fullmatch(text, a.end, b.start)
        for a, b in neighbours
    )


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:the\s+)?")


def _people_index(people: list[KnownPerson]):
    """Known people by the key of each full spelling, and by the key of each surname."""
    by_name: dict[str, list[KnownPerson]] = defaultdict(list)
    by_surname: dict[str, list[KnownPerson]] = defaultdict(list)
    for person in people:
        for spelling in person.names:
            parts = name_parts(spelling)
            if not parts:
                continue
            for index, key in ((by_name, person_key(spelling)), (by_surname, parts[-1])):
                if person not in index[key]:
                    index[key].append(person)
    return (
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(v) for k, v in by_surname.items()},
    )


@cache
def _from_fixtures(directory: Path) -> Gazetteer:
    rows = []
    for path in sorted(directory.glob("*.json")):
        rows.extend(json.loads(path.read_text(encoding="utf-8")))
    by_model = defaultdict(dict)
    for row in rows:
        by_model[row["model"]][row["pk"]] = row["fields"]

    def grouped(model: str, fk: str) -> dict[int, list[dict]]:
        groups = defaultdict(list)
        for fields in by_model[model].values():
            groups[fields[fk]].append(fields)
        return groups

    def entries(model: str, alias_model: str, fk: str, extra=lambda f: ()) -> list[Entry]:
        objects = by_model[model]
        aliases = grouped(alias_model, fk)
        demonyms = grouped("archive.demonym", "place") if fk == "place" else {}
        return [
            Entry(
                f["name"],
                f.get("kind", ""),
                objects[f["parent"]]["name"] if f.get("parent") in objects else None,
                _names(f["name"], *extra(f), *(a["name"] for a in aliases.get(pk, ()))),
                _names(*(d["name"] for d in demonyms.get(pk, ()))),
                f.get("needs_context", False),
            )
            for pk, f in objects.items()
        ]

    organizations = entries(
        "archive.organization",
        "archive.organizationalias",
        "organization",
        lambda f: (f.get("abbreviation", ""),),
    )
    places = entries("archive.place", "archive.placealias", "place")
    resolutions = []
    for f in by_model["archive.resolution"].values():
        number = f.get("number", "")
        resolutions.append(
            ResolutionEntry(
                resolution_identifier(f["body"], number, f.get("title", ""), f.get("year")),
                f["body"],
                number,
                f.get("year"),
            )
        )
    org_names = {pk: f["name"] for pk, f in by_model["archive.organization"].items()}
    spellings = grouped("archive.knownpersonname", "person")
    posts = grouped("archive.post", "person")
    people = [
        KnownPerson(
            f["name"],
            _names(f["name"], *(n["name"] for n in spellings.get(pk, ()))),
            _in_order(
                Post(p["role"], org_names[p["organization"]], p["start"], p["end"], p["verified"])
                for p in posts.get(pk, ())
            ),
        )
        for pk, f in by_model["archive.knownperson"].items()
    ]
    return Gazetteer(
        organizations=organizations, places=places, resolutions=resolutions, people=people
    )
