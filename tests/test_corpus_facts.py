"""Each process keeps the corpus's facts by statement id and brings them up to date from the
change log: after any change, the index it makes must be the one a fresh read would give."""

import datetime

import pytest

from archive import corpus_index
from archive.corpus_facts import CorpusFacts
from archive.loader.load import load_releases
from archive.models import Membership, Mention, Person, Statement
from archive.models.corpus import EVERYTHING, changes_since, corpus_version
from archive.models.review import Review
from tests.factories import MentionFactory, build_sample_archive

pytestmark = pytest.mark.django_db


def snapshot(index):
    """Everything a page reads from an index."""
    return {
        "order": list(index.ids),
        "dated": index.dated,
        "months": index.months,
        "values": {
            name: {key: list(positions) for key, positions in values.items()}
            for name, values in index.values.items()
        },
        "shown": index.shown,
        "sides": {
            side: {key: list(positions) for key, positions in people.items()}
            for side, people in index.sides.items()
        },
    }


def assert_current_as_if_read_anew():
    kept = corpus_index.current()
    fresh = corpus_index.build(CorpusFacts.read(corpus_version()))
    assert snapshot(kept) == snapshot(fresh)


def published():
    return Statement.objects.published().order_by("pk")


def test_an_index_kept_up_to_date_equals_one_read_anew(write_release):
    build_sample_archive(statements=40)
    corpus_index.current()
    changes = [
        lambda: Statement.objects.filter(pk=published().first().pk).update(
            status=Statement.Status.DRAFT
        ),
        lambda: _save(published()[3], date=datetime.date(2011, 5, 4)),
        lambda: _save(published()[5], date=None),
        lambda: Statement.objects.update(status=Statement.Status.PUBLISHED),
        lambda: _save(Mention.objects.visible().first(), review=Review.REMOVED),
        lambda: MentionFactory(statement=published()[7], person=Person.objects.first()),
        lambda: _save(Person.objects.first(), name="A Renamed Person"),
        lambda: Membership.objects.update(first_seen=datetime.date(2016, 1, 1)),
        lambda: load_releases(
            paths=[
                write_release(
                    "new.txt",
                    "title: New\ndate: 2019-02-03\n\nHadi al-Bahra, President of the Syrian "
                    "Opposition Coalition, met Geir Pedersen in Geneva on Resolution 2254.",
                )
            ]
        ),
        lambda: Person.objects.order_by("pk").last().delete(),
    ]
    for change in changes:
        change()
        assert_current_as_if_read_anew()


def _save(row, **fields):
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()


def test_a_change_logs_the_statements_it_touched():
    build_sample_archive(statements=10)
    before = corpus_version()
    statement = published().first()
    statement.title = "Another title"
    statement.save()
    MentionFactory(statement=published()[2])
    assert changes_since(before, corpus_version()) == {statement.pk, published()[2].pk}


def test_deleting_an_entity_touches_everything():
    """Its facts go with it, without a save() or delete() of their own."""
    build_sample_archive(statements=10)
    before = corpus_version()
    Person.objects.filter(mentions__isnull=False).first().delete()
    assert changes_since(before, corpus_version()) is EVERYTHING


def test_a_process_too_far_behind_reads_everything(monkeypatch):
    build_sample_archive(statements=5)
    monkeypatch.setattr("archive.models.corpus.KEPT_VERSIONS", 2)
    before = corpus_version()
    for statement in published()[:3]:
        statement.save()
    assert changes_since(before, corpus_version()) is EVERYTHING
    assert changes_since(before + 1, corpus_version()) != EVERYTHING


def test_a_change_re_reads_its_statements_only(django_assert_num_queries):
    """The version, the log, the touched statements, the six stored kinds' facts of them, the
    roles their mentions give, the five entity tables and the roles over time: however large the
    corpus."""
    build_sample_archive(statements=30)
    corpus_index.current()
    published().first().save()
    with django_assert_num_queries(1 + 1 + 1 + 6 + 1 + 5 + 1) as captured:
        corpus_index.current()
    statements_read = [q["sql"] for q in captured.captured_queries if "FROM" in q["sql"]][2]
    assert " IN (" in statements_read


def test_ids_without_a_position_are_left_out_of_a_result_set():
    """A search may match drafts, and statements saved after the index was made."""
    build_sample_archive(statements=6)
    draft = published().last()
    Statement.objects.filter(pk=draft.pk).update(status=Statement.Status.DRAFT)
    index = corpus_index.build(CorpusFacts.read(corpus_version()))
    shown = published().first()
    newer = max(index.ids) + 1000
    positions = index.of_ids([shown.pk, draft.pk, newer])
    assert index.ids_at(positions) == [shown.pk]
