"""The test suite: the same settings as development, made fast and deterministic.

DATABASE_URL / CACHE_URL still apply, so CI runs the very same suite on PostgreSQL and Redis.
"""

import os
import secrets

from .base import *

DEBUG = False
DEMO_CONTENT_ALLOWED = True
# The demo's data and loader (`load_demo`): never installed in production, where its passwords are public.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = "test-secret-key-that-is-long-enough-for-hmac-0123456789abcdef"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "core.after_response_tasks.AfterResponseBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# pytest-xdist runs the suite in several processes (PYTEST_XDIST_WORKER = gw0, gw1, …): each keeps its
# files apart, so one worker's clean-up never removes a file another is reading.
TEST_MEDIA = BASE_DIR / ".test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = TEST_MEDIA
# Each run has keys of its own, and the suite deletes only those (tests/cache_isolation.py): the cache
# server may be shared with a site or another run, which a flush would wipe.
CACHES["default"]["KEY_PREFIX"] = f"ml-test-{os.getpid()}-{secrets.token_hex(3)}"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the app and site folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A signing key made on first use, in the gitignored .keys/ folder: nothing to set up before `make run`.
CERTIFICATE_SIGNING_KEY_FILE = CERTIFICATE_SIGNING_KEY_FILE or str(
    BASE_DIR / ".keys" / "test-certificate-signing-key.pem"
)
CERTIFICATE_JWT_KEY_FILE = CERTIFICATE_JWT_KEY_FILE or str(
    BASE_DIR / ".keys" / "test-certificate-jwt-key.pem"
)
CERTIFICATE_SIGNING_KEY_AUTOCREATE = True
STORAGES["private"] = {
    "BACKEND": "core.private_storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": TEST_MEDIA / "private"},
}
