"""Settings for Hamaynk, read from the environment.

Embedded default (no variables set): SQLite file, database task queue, local-memory cache,
console email — what `make demo` runs. Production sets DEBUG=off, SECRET_KEY,
DATABASE_URL (PostgreSQL), REDIS_URL, EMAIL_URL and ALLOWED_HOSTS.
"""

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from hamaynk.config.env import PACKAGE_DIR, REPO_DIR, env

BASE_DIR = REPO_DIR
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-demo-key-only-for-local-use" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

VAR_DIR = Path(env("HAMAYNK_VAR_DIR", default=str(REPO_DIR / "var")))

INSTALLED_APPS = [
    "hamaynk.core",
    "hamaynk.accounts",
    "hamaynk.notifications",
    "hamaynk.communities",
    "hamaynk.documents",
    "hamaynk.questionnaires",
    "hamaynk.networks",
    "hamaynk.learning",
    "hamaynk.portfolios",
    "hamaynk.grants",
    "hamaynk.portal",
    "hamaynk.api",
    "hamaynk.demo",
    "hamaynk.accounts.admin_config.HamaynkAdminConfig",  # django.contrib.admin, via allauth
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules",
    "django_htmx",
    "template_partials",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hamaynk.core.middleware.SignedInPagesNotStoredMiddleware",
    "hamaynk.core.middleware.LanguageMiddleware",
    # Before any view (and CSRF) reads the body; after the language, for its 413 page.
    "hamaynk.core.request_limits.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hamaynk.accounts.middleware.RequireSecretariatMfaMiddleware",
]

ROOT_URLCONF = "hamaynk.config.urls"
WSGI_APPLICATION = "hamaynk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "hamaynk.core.context_processors.shell",
                "hamaynk.notifications.context_processors.unread",
                "hamaynk.core.context_processors.work",
            ],
        },
    }
]
FORM_RENDERER = "hamaynk.core.forms.FormRenderer"

DATABASE_URL = env("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'hamaynk.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
# Keep a connection open across requests (a new PostgreSQL connection costs a few ms of CPU
# on both sides); checked before reuse, so a restarted database is survived.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks: the database queue is the embedded default; it needs no service. With
# REDIS_URL the queue moves to Redis (RQ) unless TASKS_BACKEND says otherwise.
TASKS_BACKEND = env("TASKS_BACKEND", default="") or ("rq" if REDIS_URL else "db")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0",
                             "DEFAULT_TIMEOUT": 300}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "hamaynk.accounts.backends.EmailBackend",
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "hamaynk.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Hamaynk"
# Secretariat officers must use two-factor authentication in production; the demo turns it
# off so that a newcomer can try every role.
HAMAYNK_REQUIRE_MFA_FOR_SECRETARIAT = env.bool("REQUIRE_MFA_FOR_SECRETARIAT", default=not DEBUG)
# The admin signs in through allauth (second factor, throttle); ADMIN_ENABLED=off does not
# mount it at all.
HAMAYNK_ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=True)
HAMAYNK_DEMO_PASSWORD = "demo12345"  # noqa: S105 - refused at login when DEBUG is off

LANGUAGE_CODE = "hy"
LANGUAGES = [("hy", _("Armenian")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "hamaynk_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_vendor"]
FORMAT_MODULE_PATH = ["hamaynk.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Yerevan"
# The periodic commands (`manage.py scheduler`) run at their times in this zone.
HAMAYNK_SCHEDULER_TIME_ZONE = env("SCHEDULER_TIME_ZONE", default=TIME_ZONE)

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(VAR_DIR / "files"), "base_url": "/files/"}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
                    if not DEBUG else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
# Cached template fragments ({% cache %} in the shared cache, keyed on what they show:
# docs/architecture.md, "Caching") are kept this long; 0 turns them off. Off in the demo,
# where templates are edited while the server runs.
# How long a list's count is kept (core/counts.py): a change moves it at once in the shared
# cache; with local memory and several processes, another process's change shows this late.
HAMAYNK_COUNT_CACHE_SECONDS = env.int("COUNT_CACHE_SECONDS", default=3600 if REDIS_URL else 60)
HAMAYNK_FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS",
                                         default=0 if DEBUG else 3600)
# Uploaded files live outside the web root and are served only by a permission-checked view.
HAMAYNK_UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# Form fields other than files: at most 2.5 MB in memory (Django's own limit, said here).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# An uploaded file larger than this goes to a temporary file, not memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# A whole request body: one file at its limit and the form fields around it. Larger ones are
# refused (413) before they are read; a reverse proxy should set the same limit (README).
HAMAYNK_REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES",
                                    default=HAMAYNK_UPLOAD_MAX_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Hamaynk <noreply@hamaynk.am>")

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind a TLS-terminating proxy in production; both off for local runs.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The sign-in throttle counts by client address: behind a proxy, the one it reports (else
# every visitor would share the proxy's address, and its count).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if BEHIND_TLS_PROXY else 0)
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy on every page (django-csp): scripts, styles and everything else
# from our own origin only; no inline script, style or event handler anywhere (a test reads
# the templates), htmx configured by a <meta> so that it injects no <style> and needs no
# eval. Images may also be data: URIs (allauth's TOTP QR code is one).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
HAMAYNK_SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Deployment (Procfile; README "Deployment"). Web processes gunicorn starts (the deploy
# check hamaynk.W002 asks for a shared cache when there are several).
HAMAYNK_WEB_WORKERS = env.int("WEB_CONCURRENCY", default=2)
# HSTS for subdomains and the browsers' preload list commit the whole domain, not this
# application, to HTTPS for years: the operator decides (off by default), so Django's
# reminders are silenced here rather than answered.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
