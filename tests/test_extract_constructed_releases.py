"""The extractor's scores on the constructed releases annotated in tests/extraction."""

from pathlib import Path

from archive.loader.evaluation import evaluate

CONSTRUCTED = Path(__file__).parent / "extraction"


def test_scores_on_the_constructed_releases_hold():
    scores = evaluate(gold_dir=CONSTRUCTED / "gold", releases_dir=CONSTRUCTED / "releases").scores
    assert len(list((CONSTRUCTED / "gold").glob("*.json"))) >= 66
    assert scores["people"].f1 >= 0.99
    assert scores["roles"].f1 >= 0.99
    assert scores["organizations"].f1 >= 0.99
    assert scores["places"].f1 >= 0.99
    assert scores["resolutions"].f1 == 1.0
    assert scores["event kind"].f1 == 1.0
    assert scores["side"].f1 >= 0.99
    assert scores["person organization"].f1 >= 0.98
