"""`manage.py evaluate_extraction`: scores per kind, every miss and false positive, a JSON file."""

import json

import pytest
from django.core.management import CommandError, call_command

from archive.loader.evaluation import KINDS, Report, evaluate, score_release
from archive.loader.extract import extract
from archive.loader.gazetteer import Gazetteer
from tests.conftest import SHARED_CORPUS

GOLD = {
    "release": "x.txt",
    "event": {"kind": "meeting"},
    "people": [
        {"name": "Abdullah Kaddo", "as_written": ["Abdullah Kaddo", "Kado"], "role": "Member"},
        {"name": "Riad Seif", "as_written": ["Riad Seif"], "role": None},
    ],
    "organizations": ["Syrian National Coalition", "Arab League"],
    "places": ["Aleppo"],
    "resolutions": [{"id": "UNSC 2254", "as_written": ["Resolution 2254"]}],
}
TEXT = (
    "The SOC held a meeting with SOC member Abdullah Kado in rural Aleppo.\n"
    "Kado stressed Resolution 2254 and Resolution 2118."
)


def test_scoring_follows_the_corpus_rules():
    report = Report()
    score_release(report, "x.txt", GOLD, extract(TEXT), Gazetteer.from_fixtures())
    scores = report.scores
    assert (scores["people"].tp, scores["people"].fp, scores["people"].fn) == (
        1,
        0,
        1,
    )  # via "Kado"
    assert (scores["roles"].tp, scores["roles"].fn) == (1, 0)
    assert (scores["organizations"].tp, scores["organizations"].fn) == (
        1,
        1,
    )  # an alias of the SOC counts
    assert (scores["places"].tp, scores["places"].fp) == (1, 0)  # "rural Aleppo" is Aleppo
    assert (scores["resolutions"].tp, scores["resolutions"].fp) == (1, 1)
    assert scores["event kind"].tp == 1
    assert ("x.txt", "people", "Riad Seif") in report.misses
    assert ("x.txt", "resolutions", "UNSC 2118") in report.false_positives


@pytest.mark.skipif(
    not SHARED_CORPUS.is_dir(), reason=f"the shared corpus is not at {SHARED_CORPUS}"
)
def test_command_prints_scores_and_errors_and_writes_json(tmp_path, capsys):
    out = tmp_path / "scores.json"
    call_command(
        "evaluate_extraction",
        "--gold",
        str(SHARED_CORPUS / "gold"),
        "--releases",
        str(SHARED_CORPUS / "releases"),
        "--json",
        str(out),
    )
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].split()[:4] == ["kind", "precision", "recall", "f1"]
    assert "Misses (" in printed and "False positives (" in printed
    scores = json.loads(out.read_text())
    assert list(scores) == list(KINDS)
    assert set(scores["people"]) >= {"precision", "recall", "f1"}


def test_command_refuses_a_missing_directory(tmp_path):
    with pytest.raises(CommandError, match="not a directory"):
        call_command(
            "evaluate_extraction", "--gold", str(tmp_path / "nope"), "--releases", str(tmp_path)
        )


def test_side_and_person_organization_are_scored_on_matched_people():
    gold = {
        "release": "y.txt",
        "people": [
            {
                "name": "Hadi al-Bahra",
                "role": None,
                "organization": "Syrian Opposition Coalition",
                "side": "SOC",
            },
            {
                "name": "Geir Pedersen",
                "role": None,
                "organization": "United Nations",
                "side": "counterpart",
            },
        ],
    }
    text = (
        "SOC President Hadi al-Bahra met UN envoy Geir Pedersen in Geneva.\n"
        "Al-Bahra stressed the need for a political solution."
    )
    report = Report()
    score_release(report, "y.txt", gold, extract(text), Gazetteer.from_fixtures())
    assert report.scores["side"].tp == 2
    assert report.scores["person organization"].tp == 2
    assert report.as_json()["side"]["f1"] == 1.0


def test_a_wrong_side_and_organization_are_a_miss_and_a_false_positive_each():
    gold = {
        "release": "z.txt",
        "people": [
            {
                "name": "Geir Pedersen",
                "role": None,
                "organization": "European Union",
                "side": "mentioned",
            },
        ],
    }
    text = "SOC President Hadi al-Bahra met UN envoy Geir Pedersen in Geneva."
    report = Report()
    score_release(report, "z.txt", gold, extract(text), Gazetteer.from_fixtures())
    assert ("z.txt", "side", "Geir Pedersen: mentioned") in report.misses
    assert ("z.txt", "side", "Geir Pedersen: counterpart") in report.false_positives
    assert ("z.txt", "person organization", "Geir Pedersen: United Nations") in (
        report.false_positives
    )
    assert report.scores["person organization"].fn == 1


def test_header_lines_are_metadata_not_body_as_the_loader_reads_them(tmp_path):
    gold_dir, releases = tmp_path / "gold", tmp_path / "releases"
    gold_dir.mkdir()
    releases.mkdir()
    (releases / "h.txt").write_text(
        "title: Coalition President Receives Envoy Jan Kubis\n"
        "url: https://en.etilaf.org/all-news/news/x\n\n"
        "The Coalition condemned the shelling of Idlib.\n",
        encoding="utf-8",
    )
    (gold_dir / "h.json").write_text(
        json.dumps(
            {
                "release": "h.txt",
                "event": {"kind": "statement"},
                "people": [],
                "organizations": ["Syrian Opposition Coalition"],
                "places": ["Idlib"],
            }
        ),
        encoding="utf-8",
    )
    scores = evaluate(gold_dir=gold_dir, releases_dir=releases).scores
    assert scores["people"].fp == 0  # the title's name is not in the body
    assert scores["event kind"].tp == 1
    assert scores["organizations"].fp == 0


def test_an_organization_counts_under_the_words_the_loader_keeps_as_its_alias():
    """A known body written another way is stored under its known name, with the text's words
    as an alias: the score reads both, as the archive would."""
    gold = {
        "release": "y.txt",
        "organizations": ["Syrian Opposition Coalition", "Department of Foreign Affairs"],
    }
    text = (
        "The Syrian Coalition's Department of Foreign Affairs met the ambassador of Sweden "
        "in Istanbul."
    )
    found = extract(text)
    assert ("Foreign Relations Department", "Department of Foreign Affairs") in [
        (o.name, o.as_written) for o in found.organizations
    ]
    report = Report()
    score_release(report, "y.txt", gold, found, Gazetteer.from_fixtures())
    organizations = report.scores["organizations"]
    assert (organizations.tp, organizations.fp, organizations.fn) == (2, 0, 0)
