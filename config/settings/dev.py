"""Local development: `make run`. Debug on, everything embedded unless the environment says otherwise."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)
DEMO_CONTENT_ALLOWED = True
# The demo's data and loader (`load_demo`): never installed in production, where its passwords are public.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

# The manifest needs `collectstatic`; development serves files straight from site/static.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Serve static files from the app and site folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A signing key made on first use, in the gitignored .keys/ folder: nothing to set up before `make run`.
CERTIFICATE_SIGNING_KEY_FILE = CERTIFICATE_SIGNING_KEY_FILE or str(
    BASE_DIR / ".keys" / "certificate-signing-key.pem"
)
CERTIFICATE_JWT_KEY_FILE = CERTIFICATE_JWT_KEY_FILE or str(BASE_DIR / ".keys" / "certificate-jwt-key.pem")
CERTIFICATE_SIGNING_KEY_AUTOCREATE = True
