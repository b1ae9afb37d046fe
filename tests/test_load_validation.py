"""Every field of a release is checked before anything is written, the same way on both engines:
what PostgreSQL would refuse at write time, SQLite would store silently, or the Atom feed cannot
carry is reported as `file:line: message`, and nothing is written."""

import datetime
import json

import pytest
from django.forms import modelform_factory
from django.test import override_settings

from archive.loader.load import load_releases
from archive.models import LoadRun, Statement
from archive.validation import date_range, statement_field_problems, text_problems
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

BODY = (
    "The President of the Syrian Opposition Coalition (SOC), Hadi al-Bahra, held a meeting with "
    "France's Special Envoy to Syria, Jean-Francois Guillaume.\n"
    "(Source: SOC's Media Department)"
)
HEADER = "title: {title}\ndate: {date}\nurl: {url}\nsource: {source}\n\n{body}"


def header_release(**fields) -> str:
    values = {"title": "A title", "date": "2024-01-02", "url": "https://x.org/a", "source": "S"}
    return HEADER.format(**{**values, **fields, "body": fields.get("body", BODY)})


def jsonl(*records: dict) -> bytes:
    """JSON Lines as a producer escaping every non-ASCII character would write them."""
    return b"".join(json.dumps(record).encode("ascii") + b"\n" for record in records)


def refused(paths) -> list[str]:
    """Load `paths`; the report's errors, after checking that nothing at all was written."""
    statements = Statement.objects.count()
    report = load_releases(paths=paths)
    assert report.created == report.updated == 0
    assert Statement.objects.count() == statements
    assert not LoadRun.objects.exists()
    return [str(error) for error in report.errors]


def test_a_nul_byte_after_the_first_8_kib_of_a_text_file_is_refused_at_its_line(write_release):
    body = BODY + "\n" + "A long paragraph. " * 600 + "\nThe NUL \x00 is here.\n"
    path = write_release("late-nul.txt", header_release(body=body))
    assert refused([path]) == [f"{path}:9: body contains a NUL character at column 9"]


def test_an_escaped_nul_in_json_lines_is_refused(write_release):
    path = write_release(
        "nul.jsonl", jsonl({"body": BODY}, {"body": "Text \u0000 more", "title": "T"})
    )
    assert refused([path]) == [f"{path}:2: body contains a NUL character at character 6"]


def test_a_lone_surrogate_in_json_lines_is_refused_not_a_crash(write_release):
    path = write_release("surrogate.jsonl", b'{"body": "Text \\ud800 more", "title": "T\\udfff"}\n')
    assert refused([path]) == [
        f"{path}:1: title contains a lone surrogate (U+DFFF) at character 2",
        f"{path}:1: body contains a lone surrogate (U+D800) at character 6",
    ]


def test_a_url_longer_than_its_column_is_refused(write_release):
    url = "https://example.org/" + "a" * 481
    path = write_release("long-url.txt", header_release(url=url))
    assert refused([path]) == [f"{path}:3: url is 501 characters, over the limit of 500"]


def test_a_source_longer_than_its_column_is_refused(write_release):
    path = write_release("long-source.jsonl", jsonl({"body": BODY, "source": "S" * 201}))
    assert refused([path]) == [f"{path}:1: source is 201 characters, over the limit of 200"]


def test_control_characters_in_a_title_are_refused(write_release):
    path = write_release("bell.txt", header_release(title="A \x07 bell and \x1b escape"))
    # U+0085 (next line) is whitespace, which a title collapses to one space; U+009B is not.
    c1 = write_release("c1.jsonl", jsonl({"body": BODY, "title": "C1 \u0085 next \u009b"}))
    assert refused([path, c1]) == [
        f"{path}:1: title contains a control character (U+0007) at character 3",
        f"{c1}:1: title contains a control character (U+009B) at character 9",
    ]


def test_tabs_newlines_and_any_script_are_accepted(write_release):
    body = "Columns\tand tabs.\nسوريا الحرة — «quoted» 😀 and <b>markup</b> as text.\n" + BODY
    path = write_release("fine.txt", header_release(title="Ünïcödé — سوريا 😀", body=body))
    report = load_releases(paths=[path])
    assert report.ok and Statement.objects.get().body == body


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_implausible_header_dates_are_refused(write_release, date):
    path = write_release("date.txt", header_release(date=date))
    earliest, latest = date_range()
    assert refused([path]) == [
        f"{path}:2: date {date} is outside the archive's dates ({earliest} to {latest})"
    ]


def test_the_dates_range_from_1900_to_next_year_unless_configured(write_release):
    next_year = datetime.date.today().year + 1
    assert date_range() == (datetime.date(1900, 1, 1), datetime.date(next_year, 12, 31))
    path = write_release("old.txt", header_release(date="1950-06-01"))
    with override_settings(ARCHIVE_EARLIEST_YEAR=2011, ARCHIVE_LATEST_YEAR=2030):
        assert refused([path]) == [
            f"{path}:2: date 1950-06-01 is outside the archive's dates (2011-01-01 to 2030-12-31)"
        ]
    assert load_releases(paths=[path]).ok


def test_an_implausible_date_in_the_text_leaves_the_release_undated(write_release):
    path = write_release("text-date.txt", "Istanbul, 1 January 0009: " + BODY)
    assert load_releases(paths=[path]).ok
    assert Statement.objects.get().date is None


def test_every_problem_of_every_file_is_reported_at_once(write_release):
    a = write_release("a.txt", header_release(title="\x1b", url="javascript:alert(1)"))
    b = write_release("b.jsonl", jsonl({"body": BODY}, {"body": BODY + "!", "date": "0001-01-01"}))
    good = write_release("good.txt", BODY)
    errors = refused([a, b, good])
    assert [error.split(": ", 1)[0] for error in errors] == [f"{a}:3", f"{b}:2"]
    assert "url 'javascript:alert(1)' is not an http(s) address" in errors[0]


def test_model_forms_apply_the_loaders_rules():
    """The admin's statement form, like any model form, refuses what the loader refuses."""
    form_class = modelform_factory(
        Statement, fields=["title", "body", "date", "source_name", "source_url", "status"]
    )
    form = form_class(
        data={
            "title": "Bell \x07",
            "body": "Text \x00 more",
            "date": "9999-12-31",
            "source_name": "S" * 201,
            "source_url": "https://example.org/" + "a" * 490,
            "status": "published",
        }
    )
    assert not form.is_valid()
    assert set(form.errors) == {"title", "body", "date", "source_name", "source_url"}
    assert "Contains a control character (U+0007) at character 6." in form.errors["title"]
    assert form.errors[
        "body"
    ]  # Django's own check says it first: "Null characters are not allowed."


def test_a_model_form_leaves_out_fields_it_does_not_edit():
    statement = StatementFactory()
    Statement.objects.filter(pk=statement.pk).update(source_name="Bad \x07")
    statement.refresh_from_db()
    form = modelform_factory(Statement, fields=["title"])(data={"title": "New"}, instance=statement)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("value", "problems"),
    [
        ("plain text\twith tab\nand newline", []),
        ("\x7f delete is printable in XML", []),
        ("\ufffe", ["contains a non-character (U+FFFE) at character 1"]),
        ("x" * 41, ["is 41 characters, over the limit of 40"]),
    ],
)
def test_text_problems(value, problems):
    assert text_problems(value, max_length=40) == problems


def test_statement_field_problems_names_each_field_at_fault():
    problems = statement_field_problems(title="ok", body="ok", source_url="ftp://x.org/a")
    assert problems == {"source_url": ["is not an http(s) address"]}


def test_lines_ending_in_cr_lf_are_text():
    """A body pasted in a browser arrives with CR LF line endings."""
    assert text_problems("The coalition met.\r\nIt called for talks.") == []
    assert text_problems("A bell\x07") != []
