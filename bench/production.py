"""The production settings as deployed, plus the bare view beside the site (the yardstick of every ratio).

`make bench` serves the site with these: everything else comes from config.settings.production and the
environment bench/suite.py sets (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, CACHE_URL, EMAIL_URL, ...).
"""

from config.settings.production import *

ROOT_URLCONF = "bench.urls"
# wrk drives the public certificate check from one address: the rate limit would answer 429 instead.
CERTIFICATE_VERIFY_RATE = "100000000/m/ip"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
