"""An editor at work while a load runs, as a separate process: `python tests/editor_writes.py
STOP_FILE` logs in to the admin (which writes a session) and saves a statement, again and again
until STOP_FILE exists, then prints one JSON line per attempt. The database is DATABASE_URL's."""

import json
import os
import sys
import time
from pathlib import Path

PASSWORD = "a long editor password"


def main(stop_file: Path) -> None:
    import django

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from archive.models import Statement

    editor = get_user_model().objects.filter(username="editor").first()
    if editor is None:
        get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    attempts = []
    while not stop_file.exists():
        started = time.time()
        try:
            client = Client()
            response = client.post(
                "/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD}
            )
            assert response.status_code == 302, f"login answered {response.status_code}"
            statement = Statement.objects.create(
                title=f"Editor's note {len(attempts)}",
                body="Written by an editor while a load runs.",
                status=Statement.Status.DRAFT,
            )
            statement.title += " (revised)"
            statement.save()
            outcome = "ok"
        except Exception as error:  # every failure is reported, none stops the editor
            outcome = f"{type(error).__name__}: {error}"
        attempts.append({"started": started, "ended": time.time(), "outcome": outcome})
        time.sleep(0.05)
    for attempt in attempts:
        print(json.dumps(attempt))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
