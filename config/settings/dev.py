"""Local development: `make run`. Debug on, everything embedded unless the environment says otherwise."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)
DEMO_CONTENT_ALLOWED = True

# The manifest needs `collectstatic`; development serves files straight from site/static.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Serve static files from the app and site folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
