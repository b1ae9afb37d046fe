"""Settings for every machine; each difference between machines comes from an environment variable.

DATABASE_URL   postgres://user:pass@host:5432/name or sqlite:///path (default: db.sqlite3)
SECRET_KEY     required when DEBUG is off, to serve pages (command-line tools need none)
DEBUG          "1"/"true" to turn on (default off; `make run` turns it on)
ALLOWED_HOSTS  comma-separated host names (default: localhost names)
"""

import datetime
import os
import secrets
import sys
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


def _signs_anything() -> bool:
    """Whether this process may sign what outlives it: sessions and CSRF tokens of a server.

    A web server (gunicorn, runserver) and `check` (which vouches for production settings) need
    the real key; a command-line tool (load_releases, evaluate_extraction, migrate...) signs
    nothing, so it runs with a throwaway key rather than asking for one.
    """
    return Path(sys.argv[0]).name != "manage.py" or sys.argv[1:2] in (["runserver"], ["check"])


_INSECURE_KEY = "django-insecure-development-only-key"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and not DEBUG and not _signs_anything():
    SECRET_KEY = secrets.token_urlsafe(50)
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
    "django.contrib.sitemaps",
    "ninja",
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

# The public pages are Jinja2 templates in templates/ (archive.templating says why); the admin,
# the API's documentation and the sitemaps keep Django's engine and the apps' own templates.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "archive.templating.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

# ---- Reliability ----
# The dates a statement may carry (archive/validation.py): a year outside them is a typo.
# ARCHIVE_LATEST_YEAR unset means next year, whenever "now" is.
ARCHIVE_EARLIEST_YEAR = int(os.environ.get("ARCHIVE_EARLIEST_YEAR", "1900"))
ARCHIVE_LATEST_YEAR = int(os.environ.get("ARCHIVE_LATEST_YEAR", "0")) or None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A writer waits up to this many seconds for the lock (SQLite's busy timeout) rather than
    # failing with "database is locked": a load holds it one short batch at a time.
    DATABASES["default"]["OPTIONS"]["timeout"] = float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20"))

# Content Security Policy: scripts only from this site's own files, never inline. Style
# attributes stay allowed (the histogram sizes its bars with them); they cannot run code.
MIDDLEWARE += ["django.middleware.csp.ContentSecurityPolicyMiddleware"]
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# ---- Editors (README "Editors") ----
# The admin branded and grouped for editors; every change to a statement and its facts recorded
# (django-simple-history, with the editor who made it); logins throttled (django-axes): after
# AXES_FAILURE_LIMIT wrong passwords an account is locked for AXES_COOLOFF_TIME.
_ADMIN = INSTALLED_APPS.index("django.contrib.admin")
INSTALLED_APPS[_ADMIN] = "archive.admin_site.EditorsAdminConfig"
INSTALLED_APPS += ["simple_history", "axes"]
MIDDLEWARE += [
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]  # either one past the limit locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# ---- Research outputs ----
# Where the operators publish the full archive as one file (`manage.py export_statements`), shown
# to visitors past the export row limit; ARCHIVE_DEMO=1 marks every page as a synthetic demo.
ARCHIVE_BULK_DUMP_URL = os.environ.get("ARCHIVE_BULK_DUMP_URL", "")
ARCHIVE_DEMO = os.environ.get("ARCHIVE_DEMO", "").lower() in ("1", "true", "yes")
