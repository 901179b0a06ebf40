"""Steunwerk settings: one readable file, driven by environment variables."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("STEUNWERK_DATA_DIR", REPO_DIR / "data"))

DEBUG = os.environ.get("STEUNWERK_DEBUG", "0") == "1"


def _installation_secret():
    """Without STEUNWERK_SECRET_KEY, a random key made once per installation and kept in the data folder
    (readable by the owner only): never a key that is known from the source code."""
    path = DATA_DIR / ".secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        import secrets

        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it a moment ago
            return path.read_text().strip()
        with os.fdopen(fd, "w") as fh:
            fh.write(key)
        return key


SECRET_KEY = os.environ.get("STEUNWERK_SECRET_KEY") or _installation_secret()
ALLOWED_HOSTS = [h for h in os.environ.get("STEUNWERK_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # Django's Jinja2 widget templates, found by the pages' engine (FORM_RENDERER)
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "steunwerk.accounts",
    "steunwerk.access",
    "steunwerk.clients",
    "steunwerk.support",
    "steunwerk.methods",
    "steunwerk.resources",
    "steunwerk.signals",
    "steunwerk.scale",
    "steunwerk.api",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "steunwerk.access.middleware.ActorMiddleware",
    "steunwerk.access.middleware.NoStoreMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "steunwerk.urls"
WSGI_APPLICATION = "steunwerk.wsgi.application"

_CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "steunwerk.access.context_processors.actor",
]
TEMPLATES = [
    {
        # Steunwerk's own pages and forms (see steunwerk/jinja.py).
        "BACKEND": "steunwerk.jinja.Jinja2",
        "NAME": "jinja2",
        "DIRS": [PACKAGE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "steunwerk.jinja.environment",
            "context_processors": [*_CONTEXT_PROCESSORS, "steunwerk.jinja.csrf_once_per_page"],
        },
    },
    {
        # Only for the libraries that bring Django templates of their own (the API browser and schema pages).
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": _CONTEXT_PROCESSORS},
    },
]

_default_db = f"sqlite:///{DATA_DIR / 'steunwerk.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL") or _default_db, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters sent apart from the statement, and statements a connection has sent five times prepared, so that
    # PostgreSQL does not plan again the queries a page repeats on every request (planning the trajectory page's
    # seven-table join took ten times as long as running it). Switch both off (STEUNWERK_PG_SERVER_SIDE_BINDING=0)
    # behind a pooler in transaction mode, where a prepared statement may meet another server connection.
    _server_side = os.environ.get("STEUNWERK_PG_SERVER_SIDE_BINDING", "1") == "1"
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": _server_side,
        "prepare_threshold": 5 if _server_side else None,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers continue while one process writes; IMMEDIATE avoids lock upgrade deadlocks.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Forms render through the templates above: the project's own (jinja2/forms/), then Django's Jinja2 widgets.
FORM_RENDERER = "steunwerk.jinja.FormRenderer"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "caseload"
LOGOUT_REDIRECT_URL = "login"

# Sign-in that resists guessing (django-axes): after 10 failed attempts for one account (from anywhere) or from one
# address (for any account), sign-in is refused for 15 minutes, with the same Dutch message whether the account
# exists or not. Failures and successes are recorded (axes' access logs); `steunwerk axes_reset_username NAME`
# lifts a lockout. Behind reverse proxies set STEUNWERK_PROXY_COUNT to how many there are in front of the application:
# the client's address is then the one the outermost proxy saw (accounts/signin.py); without it only the connecting
# address counts, as X-Forwarded-For can be written by anyone.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
TRUSTED_PROXY_COUNT = int(os.environ.get("STEUNWERK_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "steunwerk.accounts.signin.client_address"
# Passwords: at least 12 characters, not like the username, name or e-mail address, not on Django's list of common
# passwords, and not a common Dutch word with a few digits or signs around it (accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "steunwerk.accounts.passwords.CommonDutchWordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SECURE = os.environ.get("STEUNWERK_SECURE_COOKIES", "0") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["steunwerk.api.permissions.HasMembership"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Steunwerk API",
    "DESCRIPTION": "Methodewijzer: catalogue, search and recommendation. Same access rules as the web application.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["steunwerk.api.permissions.HasMembership"],
}

# How long the Overzicht may show counts it made earlier, in seconds (0: count on every visit). They are kept in
# Django's cache (by default each process's own memory); see support/dashboard.py.
OVERVIEW_CACHE_SECONDS = int(os.environ.get("STEUNWERK_OVERVIEW_CACHE_SECONDS", "120"))

# Free-text limits: generous for a conversation, small enough to stop abuse.
TEXT_MAX_LENGTH = 5000
DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("STEUNWERK_LOG_LEVEL", "WARNING")},
}
