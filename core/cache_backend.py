"""The Redis cache backend: django-redis, which keeps one client and its connection pool per process
(Django's own RedisCache builds a new client on every command), told to treat an unreachable server as
an empty cache, so that a Redis outage makes pages slower, never broken.

During an outage reads miss, writes are dropped and each failure is logged (django-redis'
IGNORE_EXCEPTIONS). One command needs a decision of its own: `add`. allauth's rate limiter takes a lock
with it; answered "not added", it would wait a second and then refuse every login, signup and certificate
check. It answers "added" instead: rate limits fail open while the cache is down, because failing closed
would lock every person out (staff included) for as long as the outage lasts, while passwords stay
protected by their slow hashing and the outage shows on /healthz and in the logs.
"""

from django_redis.cache import RedisCache as DjangoRedisCache


class RedisCache(DjangoRedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added  # None: the server did not answer (see above)
