"""Settings for the network portal, read from the environment.

With nothing set the portal runs on the embedded default: SQLite under ``var/``,
Celery tasks executed in process, e-mail printed to the console. ``DATABASE_URL``
and ``REDIS_URL`` switch to PostgreSQL and Redis; ``DEBUG=false`` turns on the
production hardening (HTTPS, secure cookies, HSTS).
"""

from pathlib import Path
from typing import Any

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .object_storage import s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
TESTING = env.bool("TESTING", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-secret-not-for-production-use-0123456789")
else:
    SECRET_KEY = env("SECRET_KEY")  # required: fail loudly rather than run with a known key

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# What e-mails and documents call the portal; by default its name in the reader's language.
SITE_NAME = env("SITE_NAME", default="") or _("VET network portal")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Its widget templates, found through TEMPLATES so the project can override them.
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_countries",
    "django_htmx",
    "template_partials",
    "csp",
    "core",
    "network_portal",
    "accounts",
    "partners",
    "outreach",
    "quality",
    "pilots",
    "notifications",
    "exchanges",
    "worklife_passport",
    "mentoring",
    "events",
    "catalogue",
    "reports",
    # Seeds the demo network and the benchmark data set; no app imports it.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "network_portal.middleware.PrivatePagesMiddleware",
    "network_portal.middleware.SessionActivityMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "network_portal.middleware.RequireMFAMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

# Widgets render through the project's template engine: templates/django/forms/ overrides
# Django's own widget templates where they are too slow for long choice lists.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "network_portal.urls"
WSGI_APPLICATION = "network_portal.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "network_portal.context_processors.portal",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.l10n"],
        },
    }
]

# --- Database -----------------------------------------------------------------------
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # The portal's queries are small and indexed: compiling them with PostgreSQL's JIT
    # costs more than it saves (30 ms for a page of the badge catalogue).
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
    # DATABASE_POOL=N: each process keeps a pool of up to N connections (psycopg's pool),
    # for threaded servers and workers; the persistent connection above is then not used.
    if pool_size := env.int("DATABASE_POOL", default=0):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": pool_size,
            "timeout": 10,
        }
else:
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, Celery ------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
_locmem = "django.core.cache.backends.locmem.LocMemCache"
if REDIS_URL:
    CACHES = {
        # What must keep counting while Redis is down (allauth's login rate limits):
        # in the database (its table is made by ``migrate``, see core/apps.py).
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        },
        # What every process shares and can compute again (core/cache.py): a Redis that
        # cannot be reached answers as an empty cache, and must not hang a request.
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        },
    }
else:
    CACHES = {"default": {"BACKEND": _locmem}, "shared": {"BACKEND": _locmem, "LOCATION": "shared"}}
# Each ignored Redis error is logged (core/cache.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Each process's own memory, for rendered pieces of the layout that only change with a
# deployment (the menus in each language): no round trip to Redis on every page.
CACHES["local"] = {"BACKEND": _locmem, "LOCATION": "local"}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the longest task, so a task is not handed out twice while it runs.
    "visibility_timeout": 2 * 60 * 60,
    "socket_connect_timeout": 2,
    "socket_timeout": 2,
    "max_retries": 1,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "notifications.*": {"queue": "notifications"},
    "reports.*": {"queue": "reports"},
    # Long-running batch work shares the reports queue, away from the notices.
    "passport.bulk_award": {"queue": "reports"},
}
CELERY_TIMEZONE = "Europe/Helsinki"
#: How long a report export can be downloaded before its file is removed.
REPORT_EXPORT_HOURS = env.int("REPORT_EXPORT_HOURS", default=24)
# The longest a rendered list fragment is kept, even when nothing says its data changed.
FRAGMENT_SECONDS = env.int("FRAGMENT_SECONDS", default=300)
# The public verify page: badges checked per address and period (django-ratelimit, on
# the shared cache; while Redis is down the page verifies rather than refuses).
VERIFY_RATE_LIMIT = env("VERIFY_RATE_LIMIT", default="30/m")
RATELIMIT_USE_CACHE = "shared"
RATELIMIT_FAIL_OPEN = True
# How long the reports dashboard may show figures before counting them again.
REPORT_CACHE_SECONDS = env.int("REPORT_CACHE_SECONDS", default=600)
CELERY_BEAT_SCHEDULE = {
    name: {"task": task, "schedule": schedule}
    for name, task, schedule in [
        ("notifications-sweep", "notifications.sweep", 60.0),
        ("passport-share-views", "passport.flush_share_views", 60.0),
        ("exchanges-saved-searches", "exchanges.check_saved_searches", crontab(hour=6, minute=30)),
        ("exchanges-reminders", "exchanges.send_reminders", crontab(hour=8, minute=0)),
        ("events-reminders", "events.send_reminders", crontab(minute=5)),
        ("mentoring-quiet-pairs", "mentoring.alert_quiet_pairs", crontab(hour=8, minute=15)),
        (
            "partners-follow-up-reminders",
            "partners.send_follow_up_reminders",
            crontab(hour=8, minute=10),
        ),
        (
            "partners-pilot-deadline-reminders",
            "partners.send_pilot_deadline_reminders",
            crontab(hour=9, minute=0),
        ),
        (
            "reports-monthly",
            "reports.send_monthly_reports",
            crontab(day_of_month=1, hour=6, minute=0),
        ),
        ("reports-delete-expired-exports", "reports.delete_expired_exports", crontab(minute=40)),
        ("notifications-daily-digest", "notifications.send_digests", crontab(hour=7, minute=0)),
    ]
}

# --- Authentication -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up and password reset answer alike for known and unknown addresses; the owner of
# the address learns by e-mail that it has an account already, or none.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# The adapter puts EMAIL_SUBJECT_NAME in brackets in front, in the recipient's language.
ACCOUNT_EMAIL_SUBJECT_PREFIX = None
ACCOUNT_RATE_LIMITS = {
    # A failed login counts against the address and the account; after five
    # failures an account is cooled off for five minutes (the admin logs in here too).
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "VET network portal"
# Activity is recorded at most once a minute by SessionActivityMiddleware instead.
USERSESSIONS_TRACK_ACTIVITY = False

# Idle sessions end after this long without a request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=2 * 60 * 60)
# In the database, not the cache: the portal keeps working while Redis is down, and a
# logout then cannot leave a live copy of the session behind in the cache.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Internationalisation -----------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("et", _("Estonian")),
    ("lt", _("Lithuanian")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fi", "en", "sv", "et", "lt", "ru")}
COUNTRIES_FIRST = ["FI", "EE", "LT", "SE", "RU"]
COUNTRIES_FIRST_REPEAT = False

# --- Static and uploaded files ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Private uploads (claim evidence, attachments, materials, report exports): no URL serves
# them; the views that check who is asking hand them out.
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Public uploads (organisation logos, badge images) live apart, so that nothing served
# from here can reach a private file. The app serves them unless an object store or a
# web server in front takes them over.
PUBLIC_MEDIA_URL = env("PUBLIC_MEDIA_URL", default="/media/")
PUBLIC_MEDIA_ROOT = env("PUBLIC_MEDIA_ROOT", default=str(VAR_DIR / "public-media"))
_media, _public_media = Path(MEDIA_ROOT).resolve(), Path(PUBLIC_MEDIA_ROOT).resolve()
if _media == _public_media or _media in _public_media.parents or _public_media in _media.parents:
    raise ImproperlyConfigured("MEDIA_ROOT and PUBLIC_MEDIA_ROOT must not hold one another.")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "public": {"BACKEND": "core.uploads.PublicMediaStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Object storage: with S3_BUCKET set, uploads go to an S3-compatible store instead of the
# disk, so every web and worker node shares them (network_portal/object_storage.py).
S3_BUCKET = env("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES.update(
        s3_storages(
            bucket=S3_BUCKET,
            public_bucket=env("S3_PUBLIC_BUCKET"),
            endpoint_url=env("S3_ENDPOINT_URL", default=None),
            access_key=env("S3_ACCESS_KEY_ID", default=None),
            secret_key=env("S3_SECRET_ACCESS_KEY", default=None),
            region=env("S3_REGION", default=None),
            public_domain=env("S3_PUBLIC_DOMAIN", default=None),
        )
    )
    SERVE_MEDIA = False
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
LOGO_MAX_BYTES = 2 * 1024 * 1024
# Images of more pixels are refused (Pillow's own guard against decompression bombs
# starts near 89 megapixels).
UPLOAD_IMAGE_MAX_PIXELS = env.int("UPLOAD_IMAGE_MAX_PIXELS", default=25_000_000)

# --- E-mail -------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A dotted path overrides the backend chosen by EMAIL_URL (e.g. a provider's API backend).
EMAIL_BACKEND = env("EMAIL_BACKEND", default=EMAIL_CONFIG["EMAIL_BACKEND"])
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="VET network <no-reply@vet-network.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# In brackets in front of every e-mail subject, in the recipient's language: "[VET network] ".
EMAIL_SUBJECT_NAME = env("EMAIL_SUBJECT_NAME", default="") or _("VET network")
# An SMTP server that stops answering must not hold a worker (or a notice marked as being
# sent) for longer than this; see NOTICE_SENDING_STALE_SECONDS.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=60)
# A notice marked as being sent for longer than this is taken to have been left by a
# worker that died, and is sent again (with the same Message-ID). Longer than EMAIL_TIMEOUT.
NOTICE_SENDING_STALE_SECONDS = env.int("NOTICE_SENDING_STALE_SECONDS", default=10 * 60)

# --- Security -----------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SECURE = False
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
# Scripts never read the CSRF cookie: pages carry the token (forms, and hx-headers on
# <body> for htmx requests).
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The health check is probed over plain HTTP inside the compose network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# --- Logging: everything to stdout --------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Seven lines per rendered PDF otherwise.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# --- Portal -------------------------------------------------------------------------
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)
SIGNING_LINK_VALID_DAYS = env.int("SIGNING_LINK_VALID_DAYS", default=14)
EXCHANGE_APPROVAL_REMINDER_DAYS = env.int("EXCHANGE_APPROVAL_REMINDER_DAYS", default=5)
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Encrypts the issuers' signing keys; falls back to a key derived from SECRET_KEY.
# Keep it when rotating SECRET_KEY, or the stored signing keys cannot be read.
BADGE_KEY_SECRET = env("BADGE_KEY_SECRET", default="")
# Open Badges 2.0 issuer profiles must carry a contact address: an organisation's own
# contact e-mail, or this one of the network where it gave none.
BADGE_ISSUER_EMAIL = env("BADGE_ISSUER_EMAIL", default="badges@vet-network.example")
DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - documented demo password, shown only with DEBUG on
