"""The test suite never flushes a cache server it may share with a site or another run."""

from django.conf import settings
from django.core.cache import cache, caches

from tests.cache_isolation import forget_own_keys


def test_each_run_has_its_own_key_prefix():
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    assert prefix.startswith("ml-test-") and prefix != "ml-test-"


def test_emptying_between_tests_leaves_a_neighbours_keys(settings):
    # A neighbour on the same server: the same location, another prefix (a site, another test run).
    neighbour_settings = {**settings.CACHES["default"], "KEY_PREFIX": "a-live-site"}
    settings.CACHES = {**settings.CACHES, "neighbour": neighbour_settings}
    neighbour = caches["neighbour"]
    neighbour.set("sessions", "keep me", 60)
    cache.set("ours", "drop me", 60)
    try:
        forget_own_keys()

        assert cache.get("ours") is None
        assert neighbour.get("sessions") == "keep me"
    finally:
        neighbour.delete("sessions")
