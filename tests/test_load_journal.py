"""Loads commit in short batches and keep a journal: an interrupted load is finished by
`resume`, without duplicates, as if it had never stopped."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.loader import journal, load
from archive.loader.gazetteer import FIXTURES_DIR, Gazetteer
from archive.loader.load import load_releases
from archive.loader.store import EntityStore
from archive.models import LoadRun, Organization, Person, Place, Resolution, Statement
from bench.corpus import write_corpus
from tests.test_load import SYNTHETIC, archive_rows

pytestmark = pytest.mark.django_db

BATCH = 7


@pytest.fixture
def reference(db):
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)


def the_reference_data_alone() -> None:
    """The archive as it was before a load: no statement, no fact, the reference data."""
    for model in (Statement, Person, Organization, Place, Resolution, LoadRun):
        model.objects.all().delete()
    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(count=SYNTHETIC, seed=11, out=tmp_path / "corpus", per_file=25).files


class Crash(Exception):
    """Stands for whatever stops a load half-way: a lost connection, a full disk, a bug."""


def crash_in_batch(monkeypatch, number: int) -> None:
    """Make the `number`th batch of the next load fail at its write."""
    flush, calls = EntityStore.flush, []

    def failing_flush(store):
        calls.append(1)
        if len(calls) == number:
            raise Crash
        flush(store)

    monkeypatch.setattr(EntityStore, "flush", failing_flush)


def test_each_batch_is_committed_on_its_own_and_the_journal_says_how_far(
    reference, corpus, monkeypatch
):
    crash_in_batch(monkeypatch, 3)
    with pytest.raises(Crash):
        load_releases(paths=corpus, batch_size=BATCH, workers=0)
    run = LoadRun.objects.get()
    assert (run.state, run.written, run.total) == ("interrupted", 2 * BATCH, SYNTHETIC)
    assert Statement.objects.count() == 2 * BATCH == run.created_count


def test_resume_finishes_an_interrupted_load_as_if_it_had_not_stopped(
    reference, corpus, monkeypatch
):
    clean = load_releases(paths=corpus, batch_size=BATCH, workers=0)
    expected = archive_rows()
    the_reference_data_alone()
    with monkeypatch.context() as patch:
        crash_in_batch(patch, 4)
        with pytest.raises(Crash):
            load_releases(paths=corpus, batch_size=BATCH, workers=0)
    resumed = load_releases(resume=True, batch_size=BATCH, workers=0)
    assert resumed.ok and resumed.resumed == 3 * BATCH
    assert resumed.created == clean.created - 3 * BATCH
    assert archive_rows() == expected
    run = LoadRun.objects.get()
    assert (run.state, run.written, run.created_count) == ("done", SYNTHETIC, SYNTHETIC)


def test_a_new_load_after_an_interrupted_one_abandons_it_without_duplicates(
    reference, corpus, monkeypatch
):
    with monkeypatch.context() as patch:
        crash_in_batch(patch, 2)
        with pytest.raises(Crash):
            load_releases(paths=corpus, batch_size=BATCH, workers=0)
    report = load_releases(paths=corpus, batch_size=BATCH, workers=0)
    assert report.ok and (report.created, report.unchanged) == (SYNTHETIC - BATCH, BATCH)
    assert "abandoned" in report.notes[0]
    assert Statement.objects.count() == SYNTHETIC
    assert list(LoadRun.objects.order_by("id").values_list("state", flat=True)) == [
        "abandoned",
        "done",
    ]


def test_resume_refuses_files_that_changed_since(reference, corpus, monkeypatch):
    with monkeypatch.context() as patch:
        crash_in_batch(patch, 2)
        with pytest.raises(Crash):
            load_releases(paths=corpus, batch_size=BATCH, workers=0)
    corpus[0].write_text(corpus[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = load_releases(resume=True)
    assert "the files changed since the interrupted load" in str(report.errors[0])
    assert Statement.objects.count() == BATCH


def test_resume_without_an_interrupted_load_says_so():
    report = load_releases(resume=True)
    assert [str(error) for error in report.errors] == [
        "load journal:0: no interrupted load to resume"
    ]


def test_a_load_refuses_to_start_while_another_runs(reference, corpus):
    other = LoadRun.objects.create(**LoadRun.this_process(), total=5)  # alive: this very process
    report = load_releases(paths=corpus)
    assert f"load journal:{other.pk}: another load is running" in str(report.errors[0])
    assert Statement.objects.count() == 0


def test_a_run_whose_process_is_gone_counts_as_interrupted():
    gone = LoadRun(state=LoadRun.State.RUNNING, host=LoadRun.this_process()["host"], pid=2**22 + 1)
    assert not gone.is_alive
    assert LoadRun(state=LoadRun.State.RUNNING, **LoadRun.this_process()).is_alive


def test_a_dry_run_keeps_no_journal(reference, corpus):
    report = load_releases(paths=corpus, dry_run=True, batch_size=BATCH)
    assert report.created == SYNTHETIC
    assert not LoadRun.objects.exists() and not Statement.objects.exists()


def test_the_command_resumes(reference, corpus, monkeypatch, capsys):
    with monkeypatch.context() as patch:
        crash_in_batch(patch, 2)
        with pytest.raises(Crash):
            call_command("load_releases", *map(str, corpus), "--batch-size", str(BATCH))
    call_command("load_releases", "--resume", "--batch-size", str(BATCH))
    assert f"resumed after {BATCH} releases already written" in capsys.readouterr().out
    assert Statement.objects.count() == SYNTHETIC
    with pytest.raises(CommandError, match="name the files"):
        call_command("load_releases")


def test_large_loads_resume_from_their_spool_too(reference, corpus, monkeypatch):
    monkeypatch.setattr(load, "KEEP_IN_MEMORY", 10)
    with monkeypatch.context() as patch:
        crash_in_batch(patch, 3)
        with pytest.raises(Crash):
            load_releases(paths=corpus, batch_size=BATCH, workers=0)
    assert load_releases(resume=True, batch_size=BATCH, workers=0).ok
    assert Statement.objects.count() == SYNTHETIC
    assert Statement.objects.values("content_hash").distinct().count() == SYNTHETIC


def test_a_resumed_run_extracts_with_the_known_people_it_started_with():
    """A surname alone ("Kerry said") is read through the known people: a resumed run must
    know them as the interrupted one did."""
    gazetteer = Gazetteer.from_fixtures()
    again = journal.gazetteer_from(json.loads(json.dumps(journal.gazetteer_snapshot(gazetteer))))
    assert again.people == gazetteer.people
    assert again.places == gazetteer.places and again.organizations == gazetteer.organizations
