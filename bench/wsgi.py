"""WSGI entry point for the benchmark's gunicorn: the site plus the bare view of bench/urls.py."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (settings are configured by the line above)

settings.ROOT_URLCONF = "bench.urls"
