"""`manage.py evaluate_extraction`: scores per kind, every miss and false positive, a JSON file."""

import json

import pytest
from django.core.management import CommandError, call_command

from archive.loader.evaluation import KINDS, Report, score_release
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
