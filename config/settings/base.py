"""Settings shared by every environment.

With no environment variables the project runs embedded: SQLite, local media, local-memory cache,
tasks run immediately, e-mail printed to the console. Each service moves out by one variable
(see the README's table): the code never changes between the two.
"""

from pathlib import Path

import django.conf.locale
import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-never-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    # Before `learning`: their ready() connects the certificate's course_completed receiver before the
    # completion e-mail's, which carries the certificate's links.
    "learning.certificates",
    "learning.workspace",
    "learning",
    "toolkits",
    "community",
    "reminders",
    "network",
    "outbox",
    "notifications",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Forms and background work
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.middleware.HealthCheckMiddleware",
    # What a request writes to the cache, sent in one round trip after every other middleware's writes.
    "core.middleware.SiteCacheWritesMiddleware",
    # Anonymous pages cached whole (core/page_cache.py): stores last, on the way out...
    "core.page_cache.PageCacheUpdateMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text (HTML above all) is gzipped here, downloads are not (core/compression.py). Below WhiteNoise,
    # which answers static files with its own .br/.gz copies (fonts and images never compressed twice),
    # and below the page cache, which therefore stores the compressed page under a key that includes
    # Accept-Encoding (the Vary header this adds): a browser that does not accept gzip never gets the
    # gzipped entry. Pages with a CSRF token are compressed too: BREACH needs a secret that stays the
    # same across responses, and Django masks the CSRF token anew in every response, while Django's
    # GZipMiddleware (>= 4.2) adds up to 100 random bytes to each gzip header, so the compressed length
    # does not follow the page's secrets. tests/core/test_compression.py holds it to this.
    "core.compression.TextGZipMiddleware",
    # Pages differ for a browser that sends Save-Data: on (core/low_data.py); below the page cache's
    # update middleware, so that the key it stores a page under learns the header from this Vary.
    "core.low_data.SaveDataVaryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ...and serves once the URL is known to be a Wagtail page, before that page is routed.
    "core.page_cache.PageCacheFetchMiddleware",
    "core.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A sign-out's answer tells the browser to drop what it kept (core/offline.py).
    "core.offline.ClearSiteDataMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.mfa.MFARequiredMiddleware",
    "accounts.consent.ConsentRequiredMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "accounts.middleware.UserTimezoneMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "core.middleware.InvalidFormStatusMiddleware",
    "core.middleware.AdminConflictMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.bad_input.NulByteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.low_data.low_data",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a task writes; IMMEDIATE avoids "database is locked" on upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text search fields there.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """A cache from its URL; Redis and local memory through core.cache_backend (a request's writes in one
    round trip). Redis treats an unreachable server as an empty cache (pages are built from the database)
    and gives up on a silent one within half a second."""
    config = env.cache_url_config(url)
    if config["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
        config["BACKEND"] = "core.cache_backend.LocMemCache"
    if config["BACKEND"] == "django_redis.cache.RedisCache":
        config["BACKEND"] = "core.cache_backend.RedisCache"
        config.setdefault("OPTIONS", {}).update(
            {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
        )
    config.setdefault("KEY_PREFIX", env("CACHE_KEY_PREFIX", default="ml"))
    return config


CACHES = {"default": cache_from_url(env("CACHE_URL", default="locmemcache://"))}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # an outage shows in the logs, not as an error page
# Deploys may name their release; by default the cache keys carry a digest of the code (core.site_cache).
CACHE_CODE_VERSION = env("CACHE_CODE_VERSION", default="")
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work goes through django.tasks: in this process by default (after the response, when
# enqueued by a request: core/after_response_tasks.py), through the database queue
# (`manage.py db_worker`) when TASKS_BACKEND=database.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "core.after_response_tasks.AfterResponseBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env("TASKS_BACKEND", default="immediate")],
    }
}

# --- Files ------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

if env("AWS_STORAGE_BUCKET_NAME", default=""):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            # Files are private: every download is a short-lived signed URL.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    PRIVATE_STORAGE = {
        "BACKEND": DEFAULT_STORAGE["BACKEND"],
        "OPTIONS": {**DEFAULT_STORAGE["OPTIONS"], "location": "private"},
    }
else:
    # Certificates and other files served only through a view that checks who asks: outside MEDIA_ROOT,
    # with no URL, so that no web server (nor the development server's /media/) can hand them out.
    PRIVATE_STORAGE = {
        "BACKEND": "core.private_storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")},
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "core.static_storage.StaticStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------------------------------
# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587, becomes Django 6.1's MAILERS.
_email = env.email_url("EMAIL_URL", default="consolemail://")
if _email["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend":
    # Decoded, so that the verification link in the terminal can be clicked.
    _email["EMAIL_BACKEND"] = "core.mail.ReadableConsoleEmailBackend"
_smtp_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
    "timeout": 20,
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": _smtp_options if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Mutual Learning <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds after which a message still "sending" is taken to have lost its worker (`outbox_requeue`).
# Well above the SMTP timeout (20 s), so that a slow send in progress is never sent twice.
OUTBOX_SENDING_TIMEOUT = env.int("OUTBOX_SENDING_TIMEOUT", default=15 * 60)

# --- People -----------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# `manage.py retention`: accounts whose address was never verified go after RETENTION_UNVERIFIED_DAYS;
# accounts nobody signed in to for RETENTION_INACTIVE_YEARS are warned by e-mail, then removed
# RETENTION_WARNING_DAYS later unless their owner signs in.
RETENTION_UNVERIFIED_DAYS = env.int("RETENTION_UNVERIFIED_DAYS", default=30)
RETENTION_INACTIVE_YEARS = env.int("RETENTION_INACTIVE_YEARS", default=3)
RETENTION_WARNING_DAYS = env.int("RETENTION_WARNING_DAYS", default=30)
# "Download my data": the e-mailed link works for DATA_EXPORT_DAYS; `manage.py retention` then deletes the
# file (and the view refuses it with a 410 from the moment it expires).
DATA_EXPORT_DAYS = env.int("DATA_EXPORT_DAYS", default=7)
# Django's and allauth's, reading the signed-in person with the header's unread count (accounts.backends).
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # the sender's name already says who writes
# allauth's defaults, spelled out because they are a security promise; counters live in the cache,
# so they hold across processes once CACHE_URL points at Redis.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Rate limits and failed-login locks count per visitor address (accounts.adapter): behind N load balancers
# or proxies, the visitor's address is read from X-Forwarded-For, N hops from the right.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Mutual Learning")
# Staff, superusers, trainers, editors and moderators must set up an authenticator app before anything
# else (accounts/mfa.py). Off here so that the demo accounts work under `make run`; on in production.
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=False)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Languages and time -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
    ("tr", "Türkçe"),
    ("ti", "ትግርኛ"),
]
# Django knows every language above but Tigrinya: its entry is added to Django's table, as the
# documentation of get_language_info() suggests, so get_language_info("ti") and LocaleMiddleware accept it.
# Right-to-left comes from this table ("bidi"): Arabic and Farsi, nothing else to configure.
EXTRA_LANG_INFO = {
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}
django.conf.locale.LANG_INFO = {**django.conf.locale.LANG_INFO, **EXTRA_LANG_INFO}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Dates, times and numbers follow the reader's language (Django's locale formats); English is written
# day-month-year with a 24-hour clock, as in the rest of Europe, instead of Django's American default.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Wagtail ----------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Mutual Learning")
WAGTAILADMIN_BASE_URL = SITE_URL
# The dashboard would ask releases.wagtail.org for a newer release from the editor's browser: the admin's CSP
# allows no other origin, and upgrades are chosen in the dependencies, not from a banner.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin signs in through allauth, so its rate limits, e-mail verification and MFA apply there too.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "pptx", "odp", "csv", "txt"]
# Every document downloads as an attachment (never rendered in the site's origin), and stays small.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Refuses a file whose content is not the format its extension names (core/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.documents.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Refuses files that only look like images and strips their EXIF/GPS/XMP (core/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.ImageForm"
# Wagtail's responsive wrapper needs an inline style, which the CSP forbids; templates use .ratio instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# No Gravatar: it would send a hash of every editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security ---------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Public pages ship no inline script; the Wagtail admin still needs inline styles, which its own policy
# allows (core.middleware.AdminContentSecurityPolicyMiddleware).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# Uploaded images and documents served from object storage come from its host.
_media_host = env("AWS_S3_CUSTOM_DOMAIN", default="") or env("AWS_S3_ENDPOINT_URL", default="")
if _media_host:
    _media_origin = _media_host if "://" in _media_host else f"https://{_media_host}"
    SECURE_CSP["img-src"].append(_media_origin)
    SECURE_CSP["media-src"] = [CSP.SELF, _media_origin]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per task and per page save drowns what matters in the logs.
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

SITE_ID = 1

# Certificates are signed with the organisation's keys: PEM text, or a path to a PEM file, from the
# environment (`manage.py certificate_keys` makes both). Never kept in the repository. Ed25519 signs the
# Data Integrity proofs, the VC-JOSE forms and the status lists; P-256 signs the Open Badges JWT (ES256).
CERTIFICATE_SIGNING_KEY = env("CERTIFICATE_SIGNING_KEY", default="")
CERTIFICATE_SIGNING_KEY_FILE = env("CERTIFICATE_SIGNING_KEY_FILE", default="")
CERTIFICATE_JWT_KEY = env("CERTIFICATE_JWT_KEY", default="")
CERTIFICATE_JWT_KEY_FILE = env("CERTIFICATE_JWT_KEY_FILE", default="")
CERTIFICATE_SIGNING_KEY_AUTOCREATE = False
# How long (seconds) verifiers and caches may keep the revocation list: its max-age and its validUntil.
CERTIFICATE_STATUS_LIST_TTL = env.int("CERTIFICATE_STATUS_LIST_TTL", default=300)
# The organisation's LinkedIn page id: "add to profile" then links the certification to that page.
LINKEDIN_ORGANIZATION_ID = env("LINKEDIN_ORGANIZATION_ID", default="")
# Public certificate checks per visitor address (allauth's rate limiter, counters in the cache).
CERTIFICATE_VERIFY_RATE = env("CERTIFICATE_VERIFY_RATE", default="60/m/ip")
# Posts (threads and replies) one person may write in the discussions: a conversation, not a flood.
COMMUNITY_POST_RATE = env("COMMUNITY_POST_RATE", default="8/5m/user,100/d/user")
# Messages between two people in the network (every message), and new conversations (people one has not
# written to before: what a spammer would send) on top of that.
NETWORK_MESSAGE_RATE = env("NETWORK_MESSAGE_RATE", default="10/10m/user,60/d/user")
NETWORK_CONVERSATION_RATE = env("NETWORK_CONVERSATION_RATE", default="5/h/user,20/d/user")
