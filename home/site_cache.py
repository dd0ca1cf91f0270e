"""Caching of what is the same for every visitor: the footer, the organisation's name, page bodies
({% sitecache %}), each page's language links and the Wagtail Site of a host.

Entries are keyed by a content version that any publish, unpublish, page deletion or settings change
bumps, so editors never wait for a timeout to see their change. The version lives in the shared cache
(Redis in production), so every app server sees the same one.
"""

from django.core.cache import cache
from django.utils.translation import get_language

VERSION_KEY = "site-content-version"
TIMEOUT = 60 * 60 * 24


def version(key: str) -> int:
    """A counter in the shared cache that cached entries put in their keys; bumping it retires them."""
    return cache.get_or_set(key, 1, timeout=None)


def bump_version(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # evicted or never set
        cache.set(key, 2, timeout=None)


def content_version() -> int:
    return version(VERSION_KEY)


def bump_content_version(**_signal_kwargs) -> None:
    bump_version(VERSION_KEY)


def site_key(request, name: str) -> str:
    """The cache key of `name` for this request's site (host), language and content version."""
    # One read of the version per request, however many fragments the page has.
    if not hasattr(request, "_content_version"):
        request._content_version = content_version()
    return f"site:{name}:{request.get_host()}:{get_language()}:{request._content_version}"


def prefetch(request, names) -> None:
    """Read several per-site entries in one round trip to the cache server, for `cached_per_site` to
    find in the request's memo (with Redis, each read is a network round trip)."""
    memo = request.__dict__.setdefault("_site_cache", {})
    wanted = [key for key in (site_key(request, name) for name in names) if key not in memo]
    if wanted:
        memo.update(cache.get_many(wanted))


def cached_per_site(request, name: str, compute):
    """`compute()` cached per site (host), language and content version."""
    key = site_key(request, name)
    # The title and the header both show the organisation's name: ask the cache server once.
    memo = request.__dict__.setdefault("_site_cache", {})
    if key in memo:
        return memo[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    memo[key] = value
    return value
