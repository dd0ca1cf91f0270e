"""Emptying the cache between tests without touching anyone else's keys.

`cache.clear()` on Redis is FLUSHDB: it would wipe a site or another test run sharing the database. The
test settings give each run a key prefix of its own; this deletes the keys under it only, whatever their
version (Wagtail keeps its site root paths under a version of their own).
"""

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache


def forget_own_keys() -> None:
    cache = caches["default"]  # the backend itself, not the proxy that forwards to it
    own = f"{cache.key_prefix}:"
    if hasattr(cache, "delete_pattern"):  # django-redis
        client = cache.client.get_client(write=True)
        keys = list(client.scan_iter(match=f"{own}*", count=1000))  # the prefix has no glob characters
        if keys:
            client.delete(*keys)
    elif isinstance(cache, LocMemCache):
        with cache._lock:
            for key in [key for key in cache._cache if key.startswith(own)]:
                cache._delete(key)
    else:
        raise RuntimeError(f"no prefix-scoped delete for {type(cache).__name__}: refusing to flush it")
