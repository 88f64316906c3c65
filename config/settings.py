"""Settings, all read from the environment (and an optional `.env` file) through django-environ.

Every variable is documented in `.env.example`.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="").strip()
if SECRET_KEY in ("", "change-me"):
    raise ImproperlyConfigured(
        "SECRET_KEY is empty or still the placeholder “change-me”. Put a long random value in .env "
        "(`python config/bootstrap.py run` writes one), e.g. from "
        'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_rq",
    "axes",
    "catalog",
    "integrations",
    "sync",
    "rest_framework",
    "drf_spectacular",
    "pipelines",
    "tickets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # before anything reads a body: the pipeline API's attachment limit replaces the import's
    "pipelines.middleware.PipelineUploadLimits",
    "config.nul_bytes.RejectNulBytesMiddleware",
    # last, as django-axes asks: it turns a refused login into the lockout page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.csp",
                "catalog.context_processors.namespaces",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    (BASE_DIR / "var").mkdir(exist_ok=True)
    # WAL lets the web server and the worker read while the other writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    # a file, not memory, so that a worker process started by a test sees the test database
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}

# The pages load scripts and styles only from the site itself (static/js/app.js, no inline code).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes refuses logins for a while after repeated failures, per user name and per client address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.lockout.locked_out"
# Behind N reverse proxies, the client address is the Nth from the right of X-Forwarded-For.
LOGIN_PROXY_COUNT = env.int("LOGIN_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "sync:dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Only needed for `collectstatic` deployments; WhiteNoise serves from the finders otherwise.
STATIC_ROOT = env.str("STATIC_ROOT", default="") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Fernet keys for secrets at rest, newest first (older ones only decrypt; see rotate_encryption_key).
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEY", default=[])

# Largest upload accepted (portfolio and match-table imports), counted while it streams (bytes).
PORTFOLIO_IMPORT_MAX_BYTES = env.int("PORTFOLIO_IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = PORTFOLIO_IMPORT_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
# An unreachable Redis fails a publish button within seconds instead of hanging the request.
_QUEUE_URL = REDIS_URL
if "socket_connect_timeout=" not in _QUEUE_URL:
    _QUEUE_URL += ("&" if "?" in _QUEUE_URL else "?") + "socket_connect_timeout=5"
RQ_QUEUES = {
    "default": {"URL": _QUEUE_URL, "DEFAULT_TIMEOUT": 600},
    "publish": {"URL": _QUEUE_URL, "DEFAULT_TIMEOUT": 6 * 3600},
}
RQ_SHOW_ADMIN_LINK = True
# A running publish whose worker gave no sign of life for this long (and cannot be checked on this host)
# is marked interrupted, so it can be resumed.
SYNC_RUN_STALE_SECONDS = env.int("SYNC_RUN_STALE_SECONDS", default=600)
# `On change` connections publish this long after the last portfolio edit.
SYNC_ON_CHANGE_DELAY_SECONDS = env.int("SYNC_ON_CHANGE_DELAY_SECONDS", default=120)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# HTTPS in production (all off by default, for the local run command on plain http; see .env.example).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
_proxy_header = env.list("SECURE_PROXY_SSL_HEADER", default=[])
if _proxy_header and len(_proxy_header) != 2:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER takes HEADER,VALUE, e.g. HTTP_X_FORWARDED_PROTO,https"
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_header) or None

# Connections: where the server may send requests (and credentials). Plain http:// and addresses on
# this machine (loopback, 0.0.0.0, link-local) are refused unless allowed; the demo sandbox needs loopback.
CONNECTIONS_ALLOW_HTTP = env.bool("CONNECTIONS_ALLOW_HTTP", default=False)
CONNECTIONS_ALLOW_LOOPBACK = env.bool("CONNECTIONS_ALLOW_LOOPBACK", default=False)

# Import hardening: every upload is counted while it streams and stopped past PORTFOLIO_IMPORT_MAX_BYTES
# (portfolio and match-table imports alike); a workbook's unzipped size, rows and cells and a JSON
# file's nesting are bounded before they are parsed.
FILE_UPLOAD_HANDLERS = [
    "catalog.transfer.limits.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
IMPORT_MAX_UNZIPPED_BYTES = env.int("IMPORT_MAX_UNZIPPED_BYTES", default=50 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
IMPORT_MAX_CELLS = env.int("IMPORT_MAX_CELLS", default=2_000_000)
IMPORT_MAX_JSON_DEPTH = env.int("IMPORT_MAX_JSON_DEPTH", default=20)

# Matching (issue 19): semantic similarity from a small local embedding model is optional and not shipped
# (no such model installs here under 100 MB without PyTorch, weights inside the package). Off, the scorer's
# lexical, alias, acronym, version and supporting evidence is the whole of matching; on, a system check
# warns that no model is installed and the same fallback runs.
MATCHING_EMBEDDINGS = env.bool("MATCHING_EMBEDDINGS", default=False)

# Pipelines (the change-request API): how often the product reads a change from the target whatever the
# number of waiting pipelines (seconds), each token's request rate, and the largest attachment (bytes).
PIPELINE_POLL_INTERVAL = env.float("PIPELINE_POLL_INTERVAL", default=10.0)
PIPELINE_RATE = env.str("PIPELINE_RATE", default="120/min")
PIPELINE_MAX_ATTACHMENT = env.int("PIPELINE_MAX_ATTACHMENT", default=20 * 1024 * 1024)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["pipelines.api.auth.PipelineTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["pipelines.api.auth.IsPipelineToken"],
    "DEFAULT_THROTTLE_CLASSES": ["pipelines.api.auth.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "pipelines.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Portfolio Bridge pipeline API",
    "DESCRIPTION": "Change requests for CI/CD pipelines, tied to the portfolio.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}
