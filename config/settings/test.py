"""The test suite: the same settings as development, made fast and deterministic.

DATABASE_URL / CACHE_URL still apply, so CI runs the very same suite on PostgreSQL and Redis.
"""

from .base import *

DEBUG = False
DEMO_CONTENT_ALLOWED = True
SECRET_KEY = "test-secret-key-that-is-long-enough-for-hmac-0123456789abcdef"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "home.after_response_tasks.AfterResponseBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / ".test-media"
CACHES["default"]["KEY_PREFIX"] = "ml-test"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the app and site folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A signing key made on first use, in the gitignored .keys/ folder: nothing to set up before `make run`.
CERTIFICATE_SIGNING_KEY_FILE = CERTIFICATE_SIGNING_KEY_FILE or str(
    BASE_DIR / ".keys" / "test-certificate-signing-key.pem"
)
CERTIFICATE_SIGNING_KEY_AUTOCREATE = True
STORAGES["private"] = {
    "BACKEND": "home.private_storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": BASE_DIR / ".test-media" / "private"},
}
