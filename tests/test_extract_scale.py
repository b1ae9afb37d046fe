"""A long release extracts in time proportional to its length (a 1 MiB body is accepted)."""

import re

from archive.loader import person_titles, roles
from archive.loader.extract import extract
from archive.loader.spans import Spans

PARAGRAPH = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, met France's Special "
    "Envoy to Syria, Jean-Francois Guillaume, in Istanbul. The meeting was attended by Vice "
    "President Abdul Majid Barakat, Secretary-General Haytham Rahmeh, and SOC member Salwa Aksoy. "
    "The French delegation included Amal Bin Hakouk, Political Affairs Officer at the French "
    "Consulate in Istanbul, Antoine de Samp, and Seth Bodgina. Al-Bahra stressed UNSC Resolution "
    "2254. "
)


class _Counting:
    """A compiled pattern that counts how often it is tried."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name):
        method = getattr(self.pattern, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return method(*args, **kwargs)

        return counted


def _pattern_tries(monkeypatch, repeats: int) -> int:
    counters = [
        _Counting(person_titles._APPOSITIVE_GAP),
        _Counting(roles._OWNER_GAP),
        _Counting(roles._GAP_TAIL),
    ]
    monkeypatch.setattr(person_titles, "_APPOSITIVE_GAP", counters[0])
    monkeypatch.setattr(roles, "_OWNER_GAP", counters[1])
    monkeypatch.setattr(roles, "_GAP_TAIL", counters[2])
    extract(PARAGRAPH * repeats)  # one paragraph: the hardest case
    return sum(c.calls for c in counters)


def test_titles_owners_and_appositions_are_looked_up_not_searched_across_the_paragraph(
    monkeypatch,
):
    once, twice = _pattern_tries(monkeypatch, 200), _pattern_tries(monkeypatch, 400)
    assert once > 0
    assert twice <= 2.1 * once  # a pass over every earlier hit per title would make it 4x


def test_a_one_mebibyte_release_extracts_its_people():
    text = (PARAGRAPH * (1024 * 1024 // len(PARAGRAPH) + 1))[: 1024 * 1024]
    found = {p.name for p in extract(text).people}
    assert {"Hadi al-Bahra", "Jean-Francois Guillaume", "Seth Bodgina"} <= found


def test_spans_answer_overlap_and_holding_as_a_pass_over_them_would():
    pairs = [(0, 5), (10, 30), (12, 14), (40, 41)]
    spans = Spans(pairs)
    for start, end in [(4, 6), (5, 10), (15, 16), (31, 40), (30, 31), (41, 50), (11, 13)]:
        assert spans.overlap(start, end) == any(s < end and start < e for s, e in pairs)
        assert spans.hold(start, end) == any(s < start and end <= e for s, e in pairs)
