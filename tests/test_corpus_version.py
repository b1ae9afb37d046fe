"""The corpus version moves on every write path, so every process's cached counts follow it."""

import pytest

from archive.loader.load import load_releases
from archive.models import Mention, Statement
from archive.models.corpus import corpus_version, one_change
from tests.factories import MentionFactory, PersonFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_saving_a_statement_moves_the_version():
    statement = StatementFactory()
    before = corpus_version()
    statement.status = Statement.Status.DRAFT
    statement.save()
    assert corpus_version() > before


def test_a_bulk_update_moves_the_version():
    """The admin's list actions (publish, withdraw) write with update(), past save()."""
    StatementFactory.create_batch(3)
    before = corpus_version()
    Statement.objects.update(status=Statement.Status.DRAFT)
    assert corpus_version() > before


def test_an_update_that_changes_nothing_leaves_the_version():
    before = corpus_version()
    Statement.objects.filter(pk=-1).update(status=Statement.Status.DRAFT)
    assert corpus_version() == before


def test_deleting_a_fact_moves_the_version():
    mention = MentionFactory()
    before = corpus_version()
    Mention.objects.filter(pk=mention.pk).delete()
    assert corpus_version() > before


def test_bulk_created_facts_move_the_version():
    statement, person = StatementFactory(), PersonFactory()
    before = corpus_version()
    Mention.objects.bulk_create([Mention(statement=statement, person=person, name_as_written="X")])
    assert corpus_version() > before


def test_writes_inside_one_change_move_the_version_once():
    before = corpus_version()
    with one_change():
        StatementFactory.create_batch(5)
        assert corpus_version() == before  # not yet: the block is one change
    assert corpus_version() == before + 1


def test_a_load_moves_the_version_once(write_release):
    path = write_release("a.txt", "title: One\n\nThe Syrian Opposition Coalition met today.")
    write_release("b.txt", "title: Two\n\nThe Syrian Opposition Coalition met again.")
    before = corpus_version()
    report = load_releases(paths=[path.parent])
    assert report.created == 2
    assert corpus_version() == before + 1


def test_a_dry_run_leaves_the_version(write_release):
    path = write_release("a.txt", "title: One\n\nThe Syrian Opposition Coalition met today.")
    before = corpus_version()
    load_releases(paths=[path], dry_run=True)
    assert corpus_version() == before
