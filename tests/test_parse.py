"""Parsing release files: every shape reads, every bad input is reported with file and line."""

import datetime
import json

import pytest

from archive.loader.errors import ReleaseError
from archive.loader.parse import Release, derive_title, parse_date, parse_file, source_from_body

BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, met the envoy. "
    "They discussed Aleppo.\nHe stressed Resolution 2254.\n(Source: SOC\u2019s Media Department)"
)


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_bare_body_gets_derived_title_and_source_and_no_date(write_release):
    release = only(parse_file(write_release("a.txt", BODY)))
    assert isinstance(release, Release)
    assert release.title_derived
    assert release.title.startswith("The President of the Syrian Opposition Coalition (SOC)")
    assert release.title.endswith("met the envoy")
    assert release.date is None
    assert release.source == "SOC's Media Department"
    assert release.language == "en"


def test_header_block_gives_fields(write_release):
    text = (
        "title: Al-Bahra meets envoy\ndate: 2024-12-03\nurl: https://example.org/x\n"
        "language: en\nsource: SOC Media\n\n" + BODY
    )
    release = only(parse_file(write_release("a.txt", text)))
    assert release.title == "Al-Bahra meets envoy"
    assert not release.title_derived
    assert release.date == datetime.date(2024, 12, 3)
    assert release.url == "https://example.org/x"
    assert release.source == "SOC Media"
    assert release.body.startswith("The President")


def test_dateline_with_colon_is_body_not_header(write_release):
    text = "Istanbul: The Coalition met the envoy today.\n\nSecond paragraph."
    release = only(parse_file(write_release("a.txt", text)))
    assert release.body.startswith("Istanbul:")


def test_jsonl_records_each_load(write_release):
    lines = [
        json.dumps({"title": "One", "date": "2023-01-05", "body": "First body."}),
        "",
        json.dumps({"url": "https://example.org/2", "body": "Second body.", "language": "ar"}),
    ]
    items = list(parse_file(write_release("bulk.jsonl", "\n".join(lines))))
    assert [i.title for i in items] == ["One", "Second body"]
    assert [i.line for i in items] == [1, 3]
    assert items[1].language == "ar"


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("bad.txt", b"Good first line\nbad \xff byte here\n", 2, "not valid UTF-8"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "binary file"),
        ("empty.txt", "   \n\n", 1, "empty body"),
        ("hdr.txt", "title: T\nauthor: someone\n\nBody text.", 2, "unknown header key 'author'"),
        (
            "date.txt",
            "title: T\ndate: 2023-13-01\n\nBody text.",
            2,
            "date '2023-13-01' is not a date",
        ),
        ("nobody.txt", "title: T\ndate: 2023-01-01\n\n\n", 4, "empty body"),
        ("url.txt", "url: javascript:alert(1)\n\nBody.", 1, "is not an http(s) address"),
        ("lang.txt", "title: T\nlanguage: klingon\n\nBody.", 2, "unknown language 'klingon'"),
        ("j.jsonl", '{"body": "ok"}\n{"body": "unterminated\n', 2, "malformed JSON"),
        ("k.jsonl", '{"body": "ok", "author": "x"}\n', 1, "unknown field(s) author"),
        ("l.jsonl", '["not", "an", "object"]\n', 1, "must be a JSON object"),
        ("m.jsonl", '{"body": 5}\n', 1, "must be strings"),
        ("n.jsonl", '{"title": "no body"}\n', 1, "empty body"),
    ],
)
def test_bad_input_is_reported_with_file_and_line(write_release, name, content, line, message):
    path = write_release(name, content)
    error = only(i for i in parse_file(path) if isinstance(i, ReleaseError))
    assert error.path == path and error.line == line
    assert message in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_file_over_size_limit_is_refused(write_release):
    path = write_release("huge.txt", "word " * 300_000)
    error = only(parse_file(path))
    assert isinstance(error, ReleaseError) and "over the limit" in error.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-03-20", datetime.date(2023, 3, 20)),
        ("March 20, 2013", datetime.date(2013, 3, 20)),
        ("20 March 2013", datetime.date(2013, 3, 20)),
        ("2023-02-30", None),
        ("yesterday", None),
    ],
)
def test_parse_date_accepts_written_forms_and_never_guesses(text, expected):
    assert parse_date(text) == expected


def test_derived_title_is_shortened_at_a_word_boundary():
    title = derive_title("word " * 100)
    assert len(title) <= 140 and title.endswith("…") and "  " not in title


def test_source_line_is_read_from_the_last_line_only():
    assert source_from_body("Text (Source: not this)\nMore text.") == ""
    assert source_from_body("Text.\n(Source: SOC’s media department)") == "SOC's media department"
