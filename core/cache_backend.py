"""The cache backends: django-redis for Redis, Django's local memory otherwise, each able to write a
request's entries in one round trip (`write_many`).

django-redis keeps one client and its connection pool per process (Django's own RedisCache builds a new
client on every command). It is told to treat an unreachable server as an empty cache, so that a Redis
outage makes pages slower, never broken: reads miss, writes are dropped and each failure is logged
(django-redis' IGNORE_EXCEPTIONS). One command needs a decision of its own: `add`. allauth's rate limiter
takes a lock with it; answered "not added", it would wait a second and then refuse every login, signup and
certificate check. It answers "added" instead: rate limits fail open while the cache is down, because
failing closed would lock every person out (staff included) for as long as the outage lasts, while
passwords stay protected by their slow hashing and the outage shows on /healthz and in the logs.

`write_many` is what Django's cache API lacks: entries with different timeouts, and some to be written
only if absent (a tag's first version, core.site_cache), sent together. Redis gets them in one pipeline;
local memory has no round trip to save and writes them one by one.
"""

from collections.abc import Iterable
from typing import Any

from django.core.cache.backends.locmem import LocMemCache as DjangoLocMemCache
from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.cache import omit_exception
from django_redis.client.default import _main_exceptions
from django_redis.exceptions import ConnectionInterrupted

# (key, value, timeout in seconds or None for no expiry, only if the key is absent)
Write = tuple[str, Any, int | None, bool]


class LocMemCache(DjangoLocMemCache):
    def write_many(self, writes: Iterable[Write]) -> None:
        for key, value, timeout, only_if_absent in writes:
            (self.add if only_if_absent else self.set)(key, value, timeout)


class RedisCache(DjangoRedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added  # None: the server did not answer (see above)

    @omit_exception
    def write_many(self, writes: Iterable[Write]) -> None:
        client = self.client.get_client(write=True)
        try:
            pipeline = client.pipeline()
            for key, value, timeout, only_if_absent in writes:
                self.client.set(key, value, timeout, client=pipeline, nx=only_if_absent)
            pipeline.execute()
        except _main_exceptions as error:
            raise ConnectionInterrupted(connection=client) from error
