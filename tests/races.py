"""What the race tests share: real threads released together, each with its own database connection, as
gunicorn workers would have. These tests commit for real (transactional), so they run in their own
pytest run (`-m postgres`, see the Makefile) and build the few pages they need themselves.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from tests.conftest import requires_postgres

# serialized_rollback puts back what migrations created (home page, locales) after each flush, for the
# race tests of other modules that run after these in the same `-m postgres` run.
RACE = [
    pytest.mark.postgres,
    requires_postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def in_parallel(count, action):
    """Run action(i) in `count` threads released together; each closes its own connection."""
    barrier = threading.Barrier(count)

    def worker(i):
        try:
            barrier.wait(timeout=30)
            return action(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(worker, range(count)))


def logged_in_client(user):
    client = Client()
    client.force_login(user)
    return client
