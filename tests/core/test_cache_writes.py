"""A request's cache writes go in one round trip at its end (core.middleware.SiteCacheWritesMiddleware):
the entries it built, the whole page, and the first version of a tag it found absent, which is written
only if still absent then. Whatever happened meanwhile on another server, nothing stale is ever read."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core import site_cache
from tests.cache_isolation import forget_own_keys

pytestmark = pytest.mark.django_db


def read(request, value: str) -> str:
    return site_cache.cached_per_site(request, "greeting", lambda: value)


def cold_request():
    """A request that finds the cache empty and builds its entry, its writes not yet sent."""
    forget_own_keys()
    request = RequestFactory().get("/en/")
    site_cache.batch_writes(request)
    site_cache.read_first(request)  # the first round trip: the tags are absent
    assert read(request, "old") == "old"
    return request


def test_only_if_absent_keeps_what_is_there_and_the_rest_is_written():
    cache.set("kept", 5)
    cache.write_many([("kept", 1, None, True), ("new", 2, None, True), ("entry", "x", 60, False)])
    assert cache.get_many(["kept", "new", "entry"]) == {"kept": 5, "new": 2, "entry": "x"}


def test_a_request_that_started_the_tags_writes_them_with_its_entries():
    request = cold_request()
    assert cache.get("tag:content") is None  # nothing written yet
    site_cache.flush(request, learn=False)
    assert cache.get("tag:content") == request._cache_tags["content"]
    assert read(RequestFactory().get("/en/"), "new") == "old"  # the entry is reached


def test_a_write_retiring_the_tag_before_the_request_flushes_leaves_nothing_stale():
    request = cold_request()
    site_cache._bump([site_cache.CONTENT])  # another server's write, committed meanwhile
    site_cache.flush(request, learn=False)
    assert read(RequestFactory().get("/en/"), "new") == "new"


def test_another_server_starting_the_tag_first_keeps_its_version():
    request = cold_request()
    cache.add("tag:content", 1)  # another server's request, which flushed first
    site_cache.flush(request, learn=False)
    assert cache.get("tag:content") == 1
    assert read(RequestFactory().get("/en/"), "new") == "new"
