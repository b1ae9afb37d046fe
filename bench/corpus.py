"""A deterministic synthetic corpus of releases in the genre, generated one release at a time.

Release `i` of seed `s` depends on (s, i) alone, so any slice can be generated without the rest and
a million releases stream through in constant memory. The vocabulary has a Zipf-like spread: the
genre's own words occur in most releases, a long tail of generated words each in a few.
"""

import datetime
import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from . import data

SOURCE = "Synthetic benchmark corpus (seed {seed}); not a real release"
URL = "https://synthetic.invalid/bench/{seed}/{index}"
PER_FILE = 10_000
MIN_WORDS, MAX_WORDS = 300, 900
UNDATED_SHARE = 0.07
YEARS = range(2012, 2027)
# Releases per year rise to a peak in the middle of the conflict's political track.
YEAR_WEIGHTS = [4, 6, 8, 9, 10, 9, 8, 8, 9, 9, 8, 8, 7, 6, 3]
EVENT_KINDS = [
    ("meeting", 10),
    ("statement", 6),
    ("letter", 2),
    ("visit", 2),
    ("interview", 1),
    ("press conference", 1),
    ("speech", 1),
    ("conference", 1),
    ("workshop", 1),
    ("general assembly session", 1),
    ("phone call", 1),
]
PEOPLE = 2_000
TAIL_WORDS = 40_000
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["ar", "el", "in", "or", "un"]


def _zipf_cumulative(n: int, exponent: float, offset: float) -> list[float]:
    return list(itertools.accumulate(1 / (rank + offset) ** exponent for rank in range(1, n + 1)))


def _pick(rng: random.Random, weighted: list[tuple[str, int]]):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    role: str
    organization: str  # as written: "the SOC", "France", "the European Union"
    soc: bool


@dataclass(frozen=True)
class SyntheticRelease:
    title: str
    date: str
    url: str
    language: str
    source: str
    body: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    def to_text(self) -> str:
        header = "".join(
            f"{key}: {value}\n"
            for key, value in (
                ("title", self.title),
                ("date", self.date),
                ("url", self.url),
                ("language", self.language),
                ("source", self.source),
            )
            if value
        )
        return f"{header}\n{self.body}\n"

    @property
    def words(self) -> int:
        return len(self.body.split())


class Vocabulary:
    """The genre's words followed by a tail of generated words, drawn with Zipf-like weights."""

    def __init__(self, *, tail: int = TAIL_WORDS, exponent: float = 1.0):
        rng = random.Random(20121)  # fixed: the words are the same for every corpus seed
        head = list(dict.fromkeys(data.GENRE_WORDS + data.ADJECTIVES))
        seen = set(head)
        words = list(head)
        while len(words) < len(head) + tail:
            word = "".join(rng.choices(_SYLLABLES, k=rng.choice((2, 3, 3, 4))))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self._cumulative = _zipf_cumulative(len(words), exponent, offset=2.7)

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self._cumulative, k=k)

    def rank(self, word: str) -> int:
        return self.words.index(word)


class CorpusGenerator:
    """`release(i)` is the i-th synthetic release of the seed; `releases(n)` streams them."""

    def __init__(self, *, seed: int):
        self.seed = seed
        self.vocabulary = Vocabulary()
        self.people = self._people()
        self._people_cumulative = _zipf_cumulative(len(self.people), 1.1, offset=1.0)
        self._places_cumulative = _zipf_cumulative(len(data.PLACES), 0.9, offset=1.0)
        self._orgs_cumulative = _zipf_cumulative(len(data.ORGANIZATIONS), 0.9, offset=1.0)
        self._res_cumulative = _zipf_cumulative(len(data.RESOLUTIONS), 1.3, offset=0.3)

    # -- the cast, fixed for every seed so that entity pages are comparable between runs
    @staticmethod
    def _people() -> list[Person]:
        rng = random.Random(20122)
        people, names = [], set()
        countries = [c for c in data.COUNTRY_ADJECTIVES]
        while len(people) < PEOPLE:
            soc = rng.random() < 0.45
            if soc:
                first, last = rng.choice(data.FIRST_NAMES), rng.choice(data.LAST_NAMES)
                role, organization = _pick(rng, data.SOC_ROLES), "the SOC"
            else:
                first, last = rng.choice(data.FOREIGN_FIRST), rng.choice(data.FOREIGN_LAST)
                role = rng.choice(data.COUNTERPART_ROLES)
                organization = rng.choice(countries)
            name = f"{first} {last}"
            if name in names:
                continue
            names.add(name)
            people.append(Person(name, last, role, organization, soc))
        return people

    # -- one release
    def release(self, index: int) -> SyntheticRelease:
        rng = random.Random(self.seed * 1_000_003 + index)
        date = self._date(rng)
        kind = _pick(rng, EVENT_KINDS)
        target = rng.randint(MIN_WORDS, MAX_WORDS)
        soc_people = self._cast(rng, soc=True, k=rng.choice((1, 1, 2, 2, 3, 4)))
        others = self._cast(rng, soc=False, k=rng.choice((0, 1, 1, 2, 3)))
        place = self._place(rng)
        paragraphs = [self._opening(rng, kind, soc_people, others, place, date)]
        title = self._title(rng, kind, soc_people, others, place)
        words = len(paragraphs[0].split())
        cited = rng.random() < 0.45
        while words < target:
            paragraph = self._paragraph(
                rng, soc_people + others, cite=cited and len(paragraphs) == 2
            )
            length = len(paragraph.split())
            if words + length > MAX_WORDS - 40 and words >= MIN_WORDS:
                break  # room is left for a citation and a dateline
            paragraphs.append(paragraph)
            words += length
        if cited and len(paragraphs) < 3:
            paragraphs.append(self._citation_sentence(rng))
        in_text_only = date is not None and rng.random() < 0.08
        if in_text_only:
            paragraphs[0] = f"{date:%d %B %Y} - " + paragraphs[0]
        return SyntheticRelease(
            title=title,
            date=date.isoformat() if date and not in_text_only else "",
            url=URL.format(seed=self.seed, index=index),
            language="en",
            source=SOURCE.format(seed=self.seed),
            body="\n".join(paragraphs),
        )

    def releases(self, count: int, *, start: int = 0) -> Iterator[SyntheticRelease]:
        for index in range(start, start + count):
            yield self.release(index)

    def _date(self, rng: random.Random) -> datetime.date | None:
        if rng.random() < UNDATED_SHARE:
            return None
        year = rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
        return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))

    def _cast(self, rng: random.Random, *, soc: bool, k: int) -> list[Person]:
        chosen: dict[str, Person] = {}
        for _ in range(k * 4):
            person = rng.choices(self.people, cum_weights=self._people_cumulative)[0]
            if person.soc == soc:
                chosen.setdefault(person.name, person)
            if len(chosen) == k:
                break
        return list(chosen.values())

    def _place(self, rng: random.Random) -> str:
        return rng.choices(data.PLACES, cum_weights=self._places_cumulative)[0][0]

    def _organization(self, rng: random.Random) -> str:
        name, abbreviation, _ = rng.choices(data.ORGANIZATIONS, cum_weights=self._orgs_cumulative)[
            0
        ]
        if abbreviation and rng.random() < 0.3:
            return f"the {name} ({abbreviation})"
        return name if name[0].isupper() and not name.startswith("UN") else f"the {name}"

    @staticmethod
    def _introduce(person: Person, rng: random.Random) -> str:
        if person.soc:
            forms = (
                f"the SOC's {person.role} {person.name}",
                f"{person.name}, {person.role} of the Syrian Opposition Coalition,",
                f"{person.role} of the Syrian Opposition Coalition (SOC), {person.name}",
            )
        else:
            adjective = data.COUNTRY_ADJECTIVES.get(person.organization, person.organization)
            forms = (
                f"the {adjective} {person.role}, {person.name}",
                f"{person.name}, {person.role} of {person.organization},",
                f"{adjective} {person.role} {person.name}",
            )
        return rng.choice(forms)

    def _opening(self, rng, kind, soc_people, others, place, date) -> str:
        coalition = _pick(rng, data.COALITION_NAMES)
        hosts = _enumerate([self._introduce(p, rng) for p in soc_people]) or coalition
        guests = _enumerate([self._introduce(p, rng) for p in others])
        topic = self._topic(rng, place)
        when = f" on {date:%B %d, %Y}" if date and rng.random() < 0.3 else ""
        match kind:
            case "meeting":
                fmt = rng.choice(("", "virtual ", "", "closed "))
                with_whom = f" with {guests}" if guests else f" with {self._organization(rng)}"
                text = (
                    f"{_cap(hosts)} held a {fmt}meeting{with_whom}{when} in {place} "
                    f"to discuss {topic}."
                )
            case "letter":
                text = (
                    f"{_cap(hosts)} sent a letter to {guests or self._organization(rng)}{when}, "
                    f"expressing concern about {topic}."
                )
            case "visit":
                text = (
                    f"{_cap(hosts)} visited {place}{when}, where the delegation examined {topic}."
                )
            case "general assembly session":
                number = rng.randint(20, 80)
                text = (
                    f"The General Assembly of {coalition} concluded its {number} session{when} "
                    f"in {place}, which focused on {topic}."
                )
            case "phone call":
                text = (
                    f"{_cap(hosts)} held a phone call with {guests or self._organization(rng)}"
                    f"{when} about {topic}."
                )
            case "statement":
                text = f"{_cap(coalition)} issued a statement{when} on {topic}."
            case _:
                text = f"{_cap(hosts)} took part in a {kind} in {place}{when} devoted to {topic}."
        return text + " " + self._filler(rng, 2)

    def _title(self, rng, kind, soc_people, others, place) -> str:
        who = soc_people[0].surname if soc_people and rng.random() < 0.6 else "SOC"
        topic = rng.choice(data.GENRE_WORDS[:80]).title()
        match kind:
            case "meeting" if others:
                return f"{who} Meets {others[0].name} to Discuss {topic} in {place}"
            case "letter":
                return f"{who} Sends Letter on {topic} in {place}"
            case "statement":
                verb = rng.choice(("Condemns", "Welcomes", "Warns of", "Calls for"))
                return f"SOC {verb} {topic} in {place}"
            case _:
                verb = rng.choice(("Discusses", "Stresses", "Highlights"))
                return f"{who} {verb} {topic} at {kind.title()}"

    def _topic(self, rng, place) -> str:
        adjective, noun = rng.choice(data.ADJECTIVES), rng.choice(data.GENRE_WORDS[:120])
        return f"the {adjective} {noun} in {place} and the latest political developments"

    def _paragraph(self, rng, people: list[Person], *, cite: bool) -> str:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            roll = rng.random()
            if roll < 0.25 and people:
                person = rng.choice(people)
                sentences.append(
                    f"{person.surname} {rng.choice(data.VERBS)} the {rng.choice(data.ADJECTIVES)} "
                    f"{rng.choice(data.GENRE_WORDS)} of the Syrian people. {self._filler(rng, 1)}"
                )
            elif roll < 0.4:
                sentences.append(
                    f"{_cap(_pick(rng, data.COALITION_NAMES))} {rng.choice(data.VERBS)} "
                    f"{self._organization(rng)} and its {rng.choice(data.GENRE_WORDS)} "
                    f"in {self._place(rng)}."
                )
            else:
                sentences.append(self._filler(rng, 1))
        if cite:
            sentences.append(self._citation_sentence(rng))
        return " ".join(sentences)

    def _filler(self, rng: random.Random, n: int) -> str:
        out = []
        for _ in range(n):
            w = self.vocabulary.sample(rng, 9)
            adjective = rng.choice(data.ADJECTIVES)
            out.append(
                f"The {w[0]} of {w[1]} and {w[2]} {rng.choice(data.VERBS)} the {adjective} {w[3]} "
                f"{w[4]}, as {w[5]} {w[6]} remained {w[7]} for the {w[8]}."
            )
        return " ".join(out)

    def _resolution(self, rng) -> tuple[str, str, int]:
        return rng.choices(data.RESOLUTIONS, cum_weights=self._res_cumulative)[0]

    def _citation_sentence(self, rng: random.Random) -> str:
        body, number, year = self._resolution(rng)
        other = self._resolution(rng)
        if body == "UNSC":
            forms = [
                f"UN Security Council Resolution {number}",
                f"UNSC Resolution {number}",
                f"UNSCR {number} ({year})",
                f"Resolution {number}",
                f"UN Resolution {number}",
                f"Security Council Resolution {number} ({year})",
            ]
            if other[0] == "UNSC" and other[1] != number:
                forms += [
                    f"UNSC Resolutions {other[1]} and {number}",
                    f"Security Council Resolutions {other[1]} ({other[2]}), {number} ({year})",
                ]
        elif body == "UNGA":
            forms = [f"General Assembly Resolution {number}", f"UNGA Resolution {number}"]
        else:
            forms = [f"Human Rights Council Resolution {number}", f"HRC Resolution {number}"]
        if rng.random() < 0.15:
            forms = rng.choice(data.INSTRUMENTS)
        cited = rng.choice(forms)
        return (
            f"{_cap(_pick(rng, data.COALITION_NAMES))} {rng.choice(data.VERBS)} "
            "the full and strict "
            f"implementation of {cited}, which remains the basis of a political solution."
        )


def _enumerate(items: list[str]) -> str:
    """ "A and B", "A, B, and C"; an appositive's closing comma ("A, President of X,") is kept
    once, so the sentence goes on after it as English does."""
    text = " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + ", and " + items[-1]
    return text.replace(",,", ",")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class CorpusReport:
    count: int
    files: list[Path]
    words: int

    def summary(self) -> str:
        mean = self.words / self.count if self.count else 0
        return f"{self.count:,} releases in {len(self.files)} file(s), {mean:.0f} words on average"


def write_corpus(
    *,
    count: int,
    seed: int,
    out: Path,
    per_file: int = PER_FILE,
    text: bool = False,
    start: int = 0,
) -> CorpusReport:
    """Write `count` releases to `out`: JSONL files of `per_file` releases, or one .txt each."""
    generator = CorpusGenerator(seed=seed)
    out.mkdir(parents=True, exist_ok=True)
    report = CorpusReport(count=count, files=[], words=0)
    for chunk_start in range(start, start + count, per_file):
        size = min(per_file, start + count - chunk_start)
        if text:
            for index, release in enumerate(
                generator.releases(size, start=chunk_start), chunk_start
            ):
                path = out / f"synthetic-{seed}-{index:07d}.txt"
                path.write_text(release.to_text(), encoding="utf-8")
                report.files.append(path)
                report.words += release.words
            continue
        path = out / f"synthetic-{seed}-{chunk_start:07d}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for release in generator.releases(size, start=chunk_start):
                f.write(release.to_json() + "\n")
                report.words += release.words
        report.files.append(path)
    return report
