import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache (Redis on CI): never let one test's attempts leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request in French leaves French active in the test thread; each test starts from the default.
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
