"""Settings for every machine; each difference between machines comes from an environment variable.

DATABASE_URL   postgres://user:pass@host:5432/name or sqlite:///path (default: db.sqlite3)
SECRET_KEY     required when DEBUG is off
DEBUG          "1"/"true" to turn on (default off; `make run` turns it on)
ALLOWED_HOSTS  comma-separated host names (default: localhost names)
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")

_INSECURE_KEY = "django-insecure-development-only-key"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_flag("ALLOW_INSECURE_KEY"):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DEBUG off) refuses to start without a real secret "
            "key; set SECRET_KEY, or DEBUG=1 for development."
        )
    SECRET_KEY = _INSECURE_KEY
elif not DEBUG and (SECRET_KEY == _INSECURE_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("SECRET_KEY is too short or is the development key.")

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "archive.root_urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run while the loader writes; IMMEDIATE avoids "database is locked"
    # surprises when two writers start a transaction at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME") or None}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Session settings sent when connecting (no extra query), unless DATABASE_URL gives its own
    # `?options=`. random_page_cost 1.1 (PostgreSQL's default, 4, assumes spinning disks): an
    # archive is read from memory or SSD, and at the default the planner read every fact row
    # to count the facets of a few thousand matches instead of looking them up (1.9x slower,
    # measured at 100,000 statements). JIT compiles grouped counts for seconds; they are short.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", os.environ.get("PG_OPTIONS", "-c random_page_cost=1.1 -c jit=off")
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and not env_flag("PLAIN_STATIC")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Development and tests serve static files straight from the finders (no collectstatic);
# production serves the collected, compressed, hashed files.
WHITENOISE_USE_FINDERS = DEBUG or env_flag("PLAIN_STATIC")
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS

SITE_NAME = os.environ.get("SITE_NAME", "Statement Archive")

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# ---- Cache ----
# The archive-wide counts of the unfiltered pages (archive/cache.py). REDIS_URL
# (redis://host:6379/0) shares them between workers and machines, so
# one computation serves everyone; without it each process keeps its own copy in memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "archive",
        }
    }

# ---- The statement timeout of connections serving pages (archive/budget.py) ----
# A guard against the unforeseen: no page needs more than a fraction of a second of SQL.
ARCHIVE_STATEMENT_TIMEOUT_MS = int(os.environ.get("ARCHIVE_STATEMENT_TIMEOUT_MS", "5000"))
