"""Scores the extractor against gold annotations, as ../shared/corpus/README.md defines scoring.

People match when a predicted name or spelling equals the gold name or one of its spellings (case,
accents, hyphens and spaces aside), each gold person at most once; roles are scored on matched
people whose gold role is not null, and so are a person's side (an accuracy: a wrong side counts as
both a miss and a false positive) and organization; organizations and places match through any name
the gazetteer knows for the predicted entity; resolutions by identifier; the event by its kind.
Counts are summed over all releases (micro-averaged), and every miss and false positive is kept for
the report.

Each release is read the way the loader reads it (`parse_file`: a header block of title, date and
address is metadata, not body), so the scores are those of what the loader stores.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from archive.text import name_key

from .errors import ReleaseError
from .extract import Extraction, extract
from .gazetteer import Gazetteer
from .parse import parse_file

KINDS = (
    "people",
    "roles",
    "organizations",
    "places",
    "resolutions",
    "event kind",
    "side",
    "person organization",
)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (release, kind, gold item)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            k: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            for k, s in self.scores.items()
        }

    def miss(self, release: str, kind: str, item: str) -> None:
        self.scores[kind].fn += 1
        self.misses.append((release, kind, item))

    def false_positive(self, release: str, kind: str, item: str) -> None:
        self.scores[kind].fp += 1
        self.false_positives.append((release, kind, item))


def evaluate(*, gold_dir: Path, releases_dir: Path, gazetteer: Gazetteer | None = None) -> Report:
    """Run the extractor on every release named in `gold_dir` and score it."""
    gazetteer = gazetteer or Gazetteer.from_fixtures()
    report = Report()
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        release = gold["release"]
        parsed = next(iter(parse_file(Path(releases_dir) / release)), None)
        if parsed is None or isinstance(parsed, ReleaseError):
            raise ValueError(f"{release}: {parsed or 'no release in the file'}")
        found = extract(parsed.body, release_date=parsed.date, gazetteer=gazetteer)
        score_release(report, release, gold, found, gazetteer)
    return report


def score_release(
    report: Report, release: str, gold: dict, found: Extraction, gazetteer: Gazetteer
) -> None:
    _score_people(report, release, gold.get("people", []), found, gazetteer)
    for kind, gold_names, predicted in (
        ("organizations", gold.get("organizations", []), found.organizations),
        ("places", gold.get("places", []), found.places),
    ):
        _score_names(report, release, kind, gold_names, predicted, gazetteer)
    gold_ids = {r["id"] for r in gold.get("resolutions", [])}
    found_ids = {c.identifier for c in found.citations}
    report.scores["resolutions"].tp += len(gold_ids & found_ids)
    for missing in sorted(gold_ids - found_ids):
        report.miss(release, "resolutions", missing)
    for extra in sorted(found_ids - gold_ids):
        report.false_positive(release, "resolutions", extra)
    gold_kind = (gold.get("event") or {}).get("kind")
    if gold_kind:
        if gold_kind == found.event.kind:
            report.scores["event kind"].tp += 1
        else:
            report.miss(release, "event kind", gold_kind)
            report.false_positive(release, "event kind", found.event.kind)


def _score_people(
    report: Report, release: str, gold_people: list[dict], found: Extraction, gazetteer: Gazetteer
) -> None:
    unmatched = list(gold_people)
    for person in found.people:
        keys = {name_key(person.name), *(name_key(s) for s in person.spellings)}
        match = next(
            (
                g
                for g in unmatched
                if keys & {name_key(g["name"]), *(name_key(s) for s in g.get("as_written", []))}
            ),
            None,
        )
        if match is None:
            report.false_positive(release, "people", person.name)
            continue
        unmatched.remove(match)
        report.scores["people"].tp += 1
        _score_side(report, release, match, person)
        _score_person_organization(report, release, match, person, gazetteer)
        if match.get("role") is None:
            continue
        if person.role and name_key(person.role) == name_key(match["role"]):
            report.scores["roles"].tp += 1
        else:
            report.miss(release, "roles", f"{match['name']}: {match['role']}")
            if person.role:
                report.false_positive(release, "roles", f"{person.name}: {person.role}")
    for missing in unmatched:
        report.miss(release, "people", missing["name"])


def _score_side(report: Report, release: str, gold: dict, person) -> None:
    if not gold.get("side"):
        return
    if gold["side"].lower() == person.side.lower():
        report.scores["side"].tp += 1
    else:
        report.miss(release, "side", f"{gold['name']}: {gold['side']}")
        report.false_positive(release, "side", f"{person.name}: {person.side}")


def _score_person_organization(report, release, gold: dict, person, gazetteer) -> None:
    """A matched person's organization: right, wrong (a miss and a false positive), or absent."""
    expected, predicted = gold.get("organization"), person.organization
    if predicted and expected and name_key(expected) in gazetteer.known_keys(predicted):
        report.scores["person organization"].tp += 1
        return
    if expected:
        report.miss(release, "person organization", f"{gold['name']}: {expected}")
    if predicted:
        report.false_positive(release, "person organization", f"{person.name}: {predicted}")


def _score_names(report, release, kind, gold_names, predicted, gazetteer) -> None:
    """Organizations or places, by any name the archive knows them by; for an organization, the
    words of the text too (the loader keeps them as one of its aliases)."""
    unmatched = list(gold_names)
    for fact in predicted:
        keys = gazetteer.known_keys(fact.name)
        if kind == "organizations":
            keys.add(name_key(fact.as_written))
        match = next((g for g in unmatched if name_key(g) in keys), None)
        if match is None:
            report.false_positive(release, kind, fact.name)
        else:
            unmatched.remove(match)
            report.scores[kind].tp += 1
    for missing in unmatched:
        report.miss(release, kind, missing)
