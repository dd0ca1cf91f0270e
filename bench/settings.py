"""Production-like settings for benchmarks: DEBUG off, a database of its own, collected static files."""

import os
from pathlib import Path

_work = Path(__file__).resolve().parent / ".work"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_work / 'bench.sqlite3'}")
os.environ.setdefault("STATIC_ROOT", str(_work / "static"))
_work.mkdir(exist_ok=True)

from config.settings.base import *

DEBUG = False
DEMO_CONTENT_ALLOWED = True
# Benchmarks load the demo (`load_demo`): its app is installed here as in development.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
DATABASES["default"]["CONN_MAX_AGE"] = 60  # as in production
# wrk hammers the public certificate check from one address: the rate limit would answer 429 instead.
CERTIFICATE_VERIFY_RATE = "100000000/m/ip"
CERTIFICATE_SIGNING_KEY_FILE = str(_work / "certificate-signing-key.pem")
CERTIFICATE_SIGNING_KEY_AUTOCREATE = True
