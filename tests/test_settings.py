"""Settings come from the environment; production refuses to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "SECURE_SSL_REDIRECT", "PLAIN_STATIC"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_command_line_tools_need_no_secret_key(tmp_path):
    """The README's commands work as written: loading or evaluating signs nothing."""
    env = {"DEBUG": "0", "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    for command in (["migrate", "--no-input"], ["load_releases", "fixtures/releases"]):
        result = run_manage(*command, **env)
        assert result.returncode == 0, result.stderr
    assert "5 created" in result.stdout


def test_production_refuses_the_development_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="django-insecure-development-only-key")
    assert result.returncode != 0


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="k" * 20 + "x8$Zq!" * 10,
        ALLOWED_HOSTS="archive.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////tmp/archive-test.sqlite3", "django.db.backends.sqlite3"),
        ("postgres://user:pw@db.example.org:5432/archive", "django.db.backends.postgresql"),
    ],
)
def test_database_url_chooses_the_engine(url, engine):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "archive.settings",
            "DATABASE_URL": url,
            "DEBUG": "1",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == engine, result.stderr


@pytest.mark.django_db
def test_postgresql_sessions_plan_for_a_database_in_memory_or_on_ssd():
    """random_page_cost 1.1 and no JIT, sent when connecting (see settings.py for why)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('random_page_cost'), current_setting('jit')")
        assert cursor.fetchone() == ("1.1", "off")
