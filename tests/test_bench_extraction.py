"""`manage.py bench --extraction`: extraction time per release size, without a database."""

from django.core.management import call_command

from bench import extraction


def test_release_text_has_the_size_and_shape_asked_for():
    paragraphs = extraction.release_text(10 * 1024, "\n")
    one = extraction.release_text(10 * 1024, " ")
    assert len(paragraphs) == len(one) == 10 * 1024
    assert paragraphs.count("\n") > 3 and "\n" not in one


def test_bench_extraction_prints_a_row_per_shape_and_size(monkeypatch, capsys):
    monkeypatch.setattr(extraction, "SIZES", {"2 KB": 2048, "4 KB": 4096})
    call_command("bench", "--extraction", "--rounds", "1")
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "| shape | size | seconds | seconds per 100 KB |"
    rows = [line.split(" | ")[:2] for line in printed[2:]]
    assert rows == [
        ["| paragraphs", "2 KB"],
        ["| paragraphs", "4 KB"],
        ["| one paragraph", "2 KB"],
        ["| one paragraph", "4 KB"],
    ]
