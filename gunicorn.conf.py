"""gunicorn's settings for the site; gunicorn reads this file from the directory it starts in.

    .venv/bin/gunicorn config.wsgi -w 4 -b 0.0.0.0:8000

Measured with `python -m bench.memory` (2 sync workers, production settings, PostgreSQL + Redis): the
README's *Running it scaled out* gives the figures. Workers and address stay on the command line.
"""

import gc

from django.db import connections

# The master imports the site once and forks the workers from it: the pages holding the code, the models
# and Wagtail's registries are then shared between the workers instead of copied into each. Measured
# (bench.memory, after the demo's pages): 81 MiB PSS a worker instead of 124, the master 64 once.
# A deploy therefore restarts gunicorn (SIGHUP reloads the configuration, not the code).
preload_app = True

# A worker that grew (a certificate's PDF rendered again on request loads WeasyPrint; each language's
# catalogues are loaded as they are read) is replaced now and then by a fresh fork of the master, which
# costs a fork, not an import of the site. The jitter keeps the workers from restarting together.
max_requests = 5000
max_requests_jitter = 500


def pre_fork(server, worker):
    # A connection opened while the site loaded must not be shared by two processes (their queries would
    # interleave on one socket): each worker opens its own.
    connections.close_all()
    # CPython's collector writes to every object it visits, which would copy each shared page into the
    # worker that runs it: what the master loaded is moved out of its reach (it is never garbage).
    gc.freeze()
