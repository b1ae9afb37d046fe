"""Shared fixtures. The suite runs unchanged on SQLite (default) and PostgreSQL (DATABASE_URL)."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE_RELEASES = REPO / "fixtures" / "releases"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(autouse=True, scope="session")
def _record_jinja2_contexts():
    """Give the test client a page's context (`response.context`) for Jinja2 pages too.

    Django's test runner records what its own engine renders through the `template_rendered`
    signal; this sends the same signal for the Jinja2 templates of the public pages.
    """
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def render_and_record(self, context=None, request=None):
        context = {} if context is None else context
        page = render(self, context, request)
        template_rendered.send(sender=self, template=self, context=context)
        return page

    Template.render = render_and_record
    yield
    Template.render = render


@pytest.fixture
def write_release(tmp_path):
    """Write a release file under tmp_path and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def _empty_cache():
    """Archive-wide counts are cached per corpus version, which rolled-back tests can repeat."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_corpus_index():
    """Each process keeps an index per corpus version, which rolled-back tests can repeat."""
    from archive import corpus_index

    corpus_index.forget()
    yield
    corpus_index.forget()


EDITOR_PASSWORD = "a-long-editor-password-42"


@pytest.fixture
def reference():
    """The reference data (known people, places, organizations, resolutions), as `make run`
    loads it."""
    from django.core.management import call_command

    from archive.loader.gazetteer import FIXTURES_DIR

    call_command("loaddata", *sorted(FIXTURES_DIR.glob("*.json")), verbosity=0)


@pytest.fixture
def editor(client, django_user_model):
    """A logged-in editor: staff in the Editors group, not a superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    client.user = user
    return client
