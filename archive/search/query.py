"""Parse what a user types into the search box into a safe, engine-neutral structure.

The syntax is web-search style and the same on both engines:

    words are ANDed             syria geneva
    "quoted phrases"            "political transition"
    OR between two terms        geneva OR astana      (binds tighter than AND, as on Google:
                                                       `a b OR c d` means a AND (b OR c) AND d)
    -excluded words or phrases  geneva -"astana talks"

Any string is accepted: the parser never raises. A term is matched by its `tokens`, the same
normalisation the engines index (archive.search.normalise: case, diacritics, apostrophes and
digits folded, stemmed), so nothing the user types can become engine syntax; a term whose words
fold to nothing (an emoji, a lone apostrophe) is no term. "S/RES/2254" or "al-Assad" is one term,
whose tokens (s res 2254; al assad) must appear in that order.

Meaning of the edge cases, which the backends implement:
- no term at all (blank, punctuation, a lone `-`, only `OR`) means "no search": the list is not
  filtered;
- only exclusions (`-assad`) means "every statement except those matching an exclusion";
- `OR` at either end, or next to another `OR`, is ignored; exclusions never take part in an OR
  (`a OR -b` is `a` without `b`);
- lower-case "or" is an ordinary word, as on Google;
- an unbalanced quote runs to the end of the query;
- only the first MAX_QUERY_CHARS characters and MAX_TERMS terms are read (`truncated` says so),
  which keeps a 10 kB paste from becoming a 10 kB engine query.
"""

import unicodedata
from dataclasses import dataclass, field

from .normalise import APOSTROPHES, tokens

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32

# Characters kept inside a word when they sit between two token characters: "al-Assad" and
# "S/RES/2254" stay one term (a phrase of their tokens) rather than two or three ANDed words.
JOINERS = frozenset("-./" + APOSTROPHES)
QUOTES = frozenset('"“”„')  # pasted text often carries typographic quotes
OR = "OR"


@dataclass(frozen=True)
class Term:
    """One word, or a phrase: words that must appear next to each other, in order."""

    words: tuple[str, ...]
    # Typed between quotes: a literal phrase, never read as the name of a person or a place.
    quoted: bool = field(default=False, compare=False)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def tokens(self) -> tuple[str, ...]:
        """The words as the engines index them (archive.search.normalise): what is matched."""
        return tuple(tokens(self.text))


@dataclass(frozen=True)
class Fact:
    """A known person, organization, place or resolution that words of a query name."""

    kind: str  # a fact kind of archive.kinds: person, organization, place, resolution
    pk: int
    name: str
    slug: str = field(default="", compare=False)  # its page's and its filter's value


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: every group of `required` must match (one of its terms suffices), and no
    term of `excluded` may match.

    `facts`, when a group's words name known entities (archive.search.entities), lists them for
    each group (empty for plain words): such a group also matches the statements having one of
    those facts, whatever their text.
    """

    required: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    truncated: bool = False
    facts: tuple[tuple[Fact, ...], ...] = ()

    @property
    def is_blank(self) -> bool:
        """True when there is nothing to search for: the list is shown unfiltered."""
        return not self.required and not self.excluded

    @property
    def has_positive(self) -> bool:
        """True when some term must match; only then is there a relevance rank."""
        return bool(self.required)

    @property
    def positive_terms(self) -> tuple[Term, ...]:
        return tuple(term for group in self.required for term in group)

    @property
    def typed_terms(self) -> tuple[Term, ...]:
        """The positive terms as typed: a group naming entities keeps its typed words only,
        without every spelling of the entities it names."""
        return tuple(
            term
            for index, group in enumerate(self.required)
            for term in (group[:1] if self._facts_of(index) else group)
        )

    @property
    def names_entities(self) -> bool:
        return any(self.facts)

    def entity_groups(self) -> list[tuple[tuple[Term, ...], tuple[Fact, ...]]]:
        """The groups that name entities, with their facts."""
        return [(g, facts) for g, facts in zip(self.required, self.facts, strict=False) if facts]

    def without_entity_groups(self) -> "SearchQuery":
        """The plain words alone (exclusions included)."""
        plain = tuple(g for i, g in enumerate(self.required) if not self._facts_of(i))
        return SearchQuery(required=plain, excluded=self.excluded, truncated=self.truncated)

    def _facts_of(self, index: int) -> tuple[Fact, ...]:
        return self.facts[index] if index < len(self.facts) else ()


def without_implied(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms of an OR group less those another of them implies: a phrase holding a shorter
    term's tokens in a run matches only where that term does ("Clara Nakamura" beside
    "Nakamura", as a name's spellings often are), so the group matches the same statements."""
    kept: list[Term] = []
    for term in sorted(terms, key=lambda t: len(t.tokens)):
        if not any(_holds(term.tokens, shorter.tokens) for shorter in kept):
            kept.append(term)
    return tuple(t for t in terms if t in kept)


def _holds(tokens: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """True when `run` appears in `tokens`, its tokens next to each other and in order."""
    n = len(run)
    return any(tokens[i : i + n] == run for i in range(len(tokens) - n + 1))


def is_token_char(char: str) -> bool:
    """Letters, digits and combining marks (Arabic vowel signs among them) make up words."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def split_words(text: str) -> tuple[str, ...]:
    """The words of a chunk of user text: runs of token characters, joiners kept only inside."""
    words, current, pending_joiner = [], [], ""
    for char in text:
        if is_token_char(char):
            if pending_joiner and current:
                current.append(pending_joiner)
            pending_joiner = ""
            current.append(char)
        elif char in JOINERS and current and not pending_joiner:
            pending_joiner = char
        else:
            # Anything else (space, punctuation, symbols, emoji, control characters, a second
            # joiner in a row) ends the word.
            if current:
                words.append("".join(current))
            current, pending_joiner = [], ""
    if current:
        words.append("".join(current))
    # A run of combining marks alone (a stray accent) is no word: no engine indexes it.
    return tuple(word for word in words if any(char.isalnum() for char in word))


def _chunks(text: str):
    """Yield (kind, text) pairs: ("phrase", inner text), ("word", bare word)."""
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in QUOTES:
            end = i + 1
            while end < n and text[end] not in QUOTES:
                end += 1
            yield "phrase", text[i + 1 : end]
            i = end + 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] not in QUOTES:
                end += 1
            word = text[i:end]
            if word.strip("-") == "" and end < n and text[end] in QUOTES:
                # `-"a phrase"`: the minus belongs to the phrase that follows.
                yield "minus", word
            else:
                yield "word", word
            i = end


def parse(raw: str | None) -> SearchQuery:
    """Parse any string into a SearchQuery; never raises."""
    text = unicodedata.normalize("NFKC", raw or "")
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]

    # First pass: a flat list of ("term", Term, excluded) and ("or",) items.
    items: list[tuple] = []
    exclude_next_phrase = False
    for kind, chunk in _chunks(text):
        if kind == "minus":
            exclude_next_phrase = True
            continue
        if kind == "word" and chunk == OR:
            items.append(("or",))
        else:
            excluded = exclude_next_phrase if kind == "phrase" else chunk.startswith("-")
            term = Term(split_words(chunk), quoted=kind == "phrase")
            if term.tokens:
                items.append(("term", term, excluded))
        exclude_next_phrase = False

    required: list[list[Term]] = []
    excluded_terms: list[Term] = []
    count = 0
    join_next = False  # an OR was seen since the last positive term
    for item in items:
        if item[0] == "or":
            join_next = bool(required)
            continue
        _, term, excluded = item
        if count == MAX_TERMS:
            truncated = True
            break
        count += 1
        if excluded:
            # An OR reaching an exclusion means nothing (`a OR -b`): it is dropped.
            excluded_terms.append(term)
            join_next = False
        elif join_next:
            required[-1].append(term)
            join_next = False
        else:
            required.append([term])
    return SearchQuery(
        required=tuple(tuple(group) for group in required),
        excluded=tuple(excluded_terms),
        truncated=truncated,
    )
